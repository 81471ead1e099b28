"""What things are called, in Vietnamese, on every surface (pages, API messages, the CLI): facets,
sorts, relations, levels, download formats."""

FACET_LABELS = {"doc_type": "Loại văn bản", "year": "Năm", "issuer": "Cơ quan ban hành",
                "province": "Tỉnh, thành phố", "cites": "Có trích dẫn", "kind": "Quan hệ",
                "date_from": "Từ ngày", "date_to": "Đến ngày", "month": "Tháng", "status": "Hiệu lực",
                "in_force_on": "Còn hiệu lực ngày", "part": "Phần được trích dẫn",
                "lead": "Cơ quan chủ trì", "deadline_year": "Năm của thời hạn", "deadline_from": "Thời hạn từ",
                "deadline_to": "Thời hạn đến"}

SORT_LABELS = {"relevance": "Liên quan nhất", "date": "Mới nhất", "date_asc": "Cũ nhất",
               "cited": "Được trích dẫn nhiều"}

KIND_LABELS = {"implements": "thực hiện", "based_on": "căn cứ", "guided_by": "theo hướng dẫn",
               "mentions": "nhắc đến"}

STATUS_LABELS = {"in_force": "Còn hiệu lực", "not_yet": "Chưa có hiệu lực", "partly_repealed": "Hết hiệu lực một phần",
                 "repealed": "Hết hiệu lực", "unknown": "Không rõ hiệu lực"}

# What a change does, and the reverse lists of a document page by the kind of change made to it.
CHANGE_LABELS = {"amends": "sửa đổi, bổ sung", "replaces": "thay thế", "repeals": "bãi bỏ",
                 "repeals_part": "bãi bỏ một phần", "consolidates": "hợp nhất"}
CHANGED_BY_LABELS = {"amends": "Được sửa đổi, bổ sung bởi", "replaces": "Bị thay thế bởi", "repeals": "Bị bãi bỏ bởi",
                     "repeals_part": "Bị bãi bỏ một phần bởi", "consolidates": "Được hợp nhất tại"}

FORMAT_LABELS = {"csv": "CSV", "xlsx": "Excel", "json": "JSON"}  # a download's format as a link names it

LEVEL_LABELS = {"central": "Trung ương", "province": "Cấp tỉnh", "district": "Cấp huyện", None: "Không rõ cấp"}


def date_label(value: str) -> str:
    """A day, month or year as Vietnamese write it.

    >>> date_label("2019-05-15"), date_label("2019-05"), date_label("2019")
    ('15/05/2019', '05/2019', '2019')
    """
    return "/".join(reversed(value.split("-")))


def ref_label(doc_type: str | None, ref: str | None) -> str:
    """A cited document as a list names it: its type and number, or a law's name alone (it holds its type).

    >>> ref_label("Nghị quyết", "35-NQ/TW"), ref_label("Luật", "Luật An ninh mạng"), ref_label(None, "62-KH/TU")
    ('Nghị quyết 35-NQ/TW', 'Luật An ninh mạng', 'Văn bản 62-KH/TU')
    """
    if doc_type and ref and ref.startswith(doc_type):
        return ref
    return " ".join(x for x in (doc_type or "Văn bản", ref) if x)


def facet_value_label(name: str, value: str) -> str:
    """A facet value as shown: relations by their Vietnamese name, dates as Vietnamese write them,
    the rest as they are."""
    if name in ("date_from", "date_to", "month", "in_force_on"):
        return date_label(value)
    if name == "status":
        return STATUS_LABELS.get(value, value)
    return KIND_LABELS.get(value, value) if name == "kind" else value


def describe(query: str, filters: dict) -> str:
    """A search said in words: `“không gian mạng” · Năm: 2019 · Từ ngày: 05/2019`.

    >>> describe("", {"year": ["2019", "2021"]}), describe("", {})
    ('Năm: 2019, 2021', 'mọi văn bản')
    """
    parts = [f"“{query}”"] if query else []
    parts += [f"{FACET_LABELS[name]}: {', '.join(facet_value_label(name, v) for v in values)}"
              for name, values in filters.items() if values]
    return " · ".join(parts) or "mọi văn bản"
