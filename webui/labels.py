"""What the pages call things, in Vietnamese: facets, sorts, relations, levels, error titles."""

FACET_LABELS = {"doc_type": "Loại văn bản", "year": "Năm", "issuer": "Cơ quan ban hành",
                "province": "Tỉnh, thành phố", "cites": "Có trích dẫn", "kind": "Quan hệ"}

SORT_LABELS = {"relevance": "Liên quan nhất", "date": "Mới nhất", "date_asc": "Cũ nhất",
               "cited": "Được trích dẫn nhiều"}

KIND_LABELS = {"implements": "thực hiện", "based_on": "căn cứ", "guided_by": "theo hướng dẫn",
               "mentions": "nhắc đến"}

LEVEL_LABELS = {"central": "Trung ương", "province": "Cấp tỉnh", "district": "Cấp huyện", None: "Không rõ cấp"}

# Werkzeug's own English descriptions, said in Vietnamese.
STATUS_MESSAGES = {400: "Yêu cầu không hợp lệ.", 404: "Không có trang nào ở địa chỉ này.",
                   405: "Địa chỉ này không nhận kiểu yêu cầu đó.",
                   500: "Đã có lỗi trong hệ thống. Vui lòng thử lại sau.",
                   503: "Chưa có chỉ mục tìm kiếm: hãy chạy `vanban index` rồi tải lại trang."}


def facet_value_label(name: str, value: str) -> str:
    """A facet value as shown: relations by their Vietnamese name, the rest as they are."""
    return KIND_LABELS.get(value, value) if name == "kind" else value
