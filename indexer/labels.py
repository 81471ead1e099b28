"""What things are called, in Vietnamese, on every surface (pages, API messages, the CLI): facets,
sorts, relations, levels."""

FACET_LABELS = {"doc_type": "Loại văn bản", "year": "Năm", "issuer": "Cơ quan ban hành",
                "province": "Tỉnh, thành phố", "cites": "Có trích dẫn", "kind": "Quan hệ"}

SORT_LABELS = {"relevance": "Liên quan nhất", "date": "Mới nhất", "date_asc": "Cũ nhất",
               "cited": "Được trích dẫn nhiều"}

KIND_LABELS = {"implements": "thực hiện", "based_on": "căn cứ", "guided_by": "theo hướng dẫn",
               "mentions": "nhắc đến"}

LEVEL_LABELS = {"central": "Trung ương", "province": "Cấp tỉnh", "district": "Cấp huyện", None: "Không rõ cấp"}

def facet_value_label(name: str, value: str) -> str:
    """A facet value as shown: relations by their Vietnamese name, the rest as they are."""
    return KIND_LABELS.get(value, value) if name == "kind" else value
