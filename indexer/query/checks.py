"""Checks of every value a person gives: one validation, used by search() and by both surfaces.

Each check takes the raw value (a string from a URL or a command line, or what a Python caller of
search() passes) and returns it typed, or raises `Invalid` with the Vietnamese message every surface
shows: the web answers 400, the CLI says it in one line and exits 2, search() raises it. So a value one
refuses, the others refuse with the same words.
"""

from urllib.parse import urlsplit

from indexer import limits
from indexer.errors import Invalid
from indexer.labels import FACET_LABELS
from indexer.query.parse import parse_ref
from indexer.vocab.outline import canonical_part
from indexer.vocab.periods import period
from indexer.vocab.relations import KINDS
from indexer.vocab.validity import STATUSES

SORTS = ("relevance", "date", "date_asc", "cited")
FACETS = ("doc_type", "year", "issuer", "province", "cites")  # the filters that are also counted
DATE_FILTERS = ("date_from", "date_to")                         # one value each: the ends of a range of days
VALIDITY_FILTERS = ("status", "in_force_on")  # status today (repeatable); in force on one day
# `kind`: the relation to a `cites` ref; `part`: the part of it cited (`Điều 5`); `month`: the month of a
# known day (`2019-05`), the facet a chosen year opens onto (a document known only by its year has no month).
FILTERS = FACETS + ("kind", "part", "month") + DATE_FILTERS + VALIDITY_FILTERS
# A result list as a file: the one list of them (views/tables.ResultTable writes each; the web's
# downloads add JSON, webui/params.DOWNLOAD_FORMATS; `vanban search|cites --export` takes these).
# Not the citation graph's formats: those are views/export.GRAPH_FORMATS.
TABLE_FORMATS = ("csv", "xlsx")
REF_EXAMPLE = "ví dụ: 35-NQ/TW, Nghị quyết 35"

__all__ = [
    "DATE_FILTERS",
    "FACETS",
    "FILTERS",
    "SORTS",
    "TABLE_FORMATS",
    "VALIDITY_FILTERS",
    "Invalid",
    "base_url",
    "choice",
    "collapse",
    "date_bound",
    "date_order",
    "day",
    "document_id",
    "filter_value",
    "filter_values",
    "filters",
    "integer",
    "month",
    "page",
    "page_size",
    "part",
    "port",
    "query",
    "ref",
    "related_limit",
    "shown",
    "sort",
    "table_format",
    "year",
]


def shown(value, width: int = 30) -> str:
    """A value as quoted back in a message: cut short, quotes and escapes by repr.

    >>> shown("x" * 40, 5)
    "'xxxxx…'"
    """
    value = str(value)
    return repr(value[:width] + ("…" if len(value) > width else ""))


def query(text) -> str:
    """A query within MAX_QUERY_LENGTH characters (None is no query)."""
    text = "" if text is None else text
    if not isinstance(text, str):
        raise Invalid(f"Câu truy vấn phải là chữ (nhận được: {type(text).__name__}).")
    if len(text) > limits.MAX_QUERY_LENGTH:
        raise Invalid(f"Câu truy vấn quá dài ({len(text)} ký tự; tối đa {limits.MAX_QUERY_LENGTH}).")
    return text


def integer(raw, low: int, high: int, label: str) -> int:
    """A whole number from low to high: an int, or digits only (no sign, no spaces inside).

    >>> integer(" 7", 1, 10, "Số"), integer(7, 1, 10, "Số")
    (7, 7)
    """
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    text = raw.strip() if isinstance(raw, str) else ""
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise Invalid(f"{label} phải là số nguyên từ {low} đến {high} (nhận được: {shown(raw, 20)}).")
    return int(text)


def page(raw) -> int:
    return integer(raw, 1, limits.MAX_PAGE, "Số trang")


def page_size(raw) -> int:
    return integer(raw, 1, limits.MAX_PAGE_SIZE, "Số kết quả mỗi trang")


def port(raw) -> int:
    return integer(raw, limits.MIN_PORT, limits.MAX_PORT, "Cổng")


def related_limit(raw) -> int:
    return integer(raw, 1, limits.MAX_RELATED, "Số văn bản liên quan")


def collapse(raw) -> bool:
    """Whether near-duplicates are folded under the hit ranked above them: a bool, or 1 / 0.

    >>> collapse("0"), collapse(True), collapse(1)
    (False, True, True)
    """
    if isinstance(raw, int) and raw in (0, 1):  # a bool too
        return bool(raw)
    if isinstance(raw, str) and raw.strip() in ("0", "1"):
        return raw.strip() == "1"
    raise Invalid(f"Tham số collapse phải là 0 (hiện cả văn bản gần giống) hoặc 1 (nhận được: {shown(raw, 20)}).")


def document_id(raw, name: str = "id") -> str:
    """A document's id as given (`a` and `b` of a comparison): not blank, at most MAX_ID_LENGTH characters.

    >>> document_id("corpus/000_65df158a4e7ec0a6.txt#0", "a")
    'corpus/000_65df158a4e7ec0a6.txt#0'
    """
    if not isinstance(raw, str) or not raw.strip():
        raise Invalid(f"Thiếu mã văn bản {name} (ví dụ: {name}=corpus/000_65df158a4e7ec0a6.txt#0).")
    if len(raw) > limits.MAX_ID_LENGTH:
        raise Invalid(f"Mã văn bản {name} quá dài ({len(raw)} ký tự; tối đa {limits.MAX_ID_LENGTH}).")
    return raw


def choice(value, allowed, label: str) -> str:
    """One of `allowed`; the message lists them."""
    if value not in allowed:
        raise Invalid(f"{label} không hợp lệ: {shown(value)} (chọn: {', '.join(allowed)}).")
    return value


def sort(value) -> str:
    return choice(value, SORTS, "Cách sắp xếp")


def ref(text: str) -> str:
    """A document number in any spelling that names one document (`35-NQ/TW`, `nghi quyet 35`)."""
    if len(text) > limits.MAX_FILTER_LENGTH or parse_ref(text) is None:
        raise Invalid(f"{shown(text, 60)} không phải là số, ký hiệu văn bản ({REF_EXAMPLE}).")
    return text


def part(text: str) -> str:
    """A part of a document as a citation names it, in any order, case or spelling, written largest unit
    first: `khoản 2 điều 5` -> `Điều 5 khoản 2`.

    >>> part("khoan 2 dieu 5")
    'Điều 5 khoản 2'
    """
    named = canonical_part(text) if isinstance(text, str) and len(text) <= limits.MAX_FILTER_LENGTH else None
    if named is None:
        raise Invalid(f"{shown(text, 60)} không phải là một phần của văn bản (ví dụ: Điều 5, khoản 2 Điều 5, "
                      "Chương II).")
    return named


def year(text: str) -> str:
    if limits.year_of(text) is None:
        raise Invalid(f"Năm phải có 4 chữ số, từ {limits.MIN_YEAR} đến {limits.MAX_YEAR} "
                      f"(nhận được: {shown(text, 20)}).")
    return text


def month(text: str) -> str:
    """A month as `YYYY-MM`, in the years allowed.

    >>> month(" 2019-05")
    '2019-05'
    """
    value = date_bound(text)
    if len(value) != 7:
        raise Invalid(f"Tháng phải có dạng YYYY-MM, ví dụ 2019-05 (nhận được: {shown(text, 20)}).")
    return value


def date_bound(text) -> str:
    """One end of a date range: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real day, in the years allowed.

    >>> date_bound(" 2019-05"), date_bound("2020-02-29")
    ('2019-05', '2020-02-29')
    """
    text = text.strip() if isinstance(text, str) else text
    if not isinstance(text, str) or period(text) is None:
        raise Invalid(f"Ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ {limits.MIN_YEAR} đến "
                      f"{limits.MAX_YEAR} (nhận được: {shown(text, 20)}).")
    return text


def day(text) -> str:
    """One whole day, `YYYY-MM-DD`, a real one, in the years allowed (`in_force_on`).

    >>> day(" 2026-07-01")
    '2026-07-01'
    """
    text = text.strip() if isinstance(text, str) else text
    if not isinstance(text, str) or len(text) != 10 or period(text) is None:
        raise Invalid(f"Ngày phải có dạng YYYY-MM-DD, năm từ {limits.MIN_YEAR} đến {limits.MAX_YEAR} "
                      f"(nhận được: {shown(text, 20)}).")
    return text


def date_order(filters: dict) -> dict:
    """Filters whose date range, when it has both ends, does not end before it starts."""
    low, high = (filters.get(name, [None])[0] for name in DATE_FILTERS)
    if low and high and period(low)[0] > period(high)[1]:
        raise Invalid(f"Khoảng ngày không hợp lệ: từ {low} đến {high} (ngày bắt đầu sau ngày kết thúc).")
    return filters


def table_format(value) -> str:
    return choice(value, TABLE_FORMATS, "Định dạng tải về")


def base_url(text) -> str:
    """The address links are built from (`vanban serve --base-url`): http(s), a host, maybe a path
    prefix, no query; given back ending in `/`.

    >>> base_url("https://vanban.example.vn/tra-cuu"), base_url("http://127.0.0.1:5000/")
    ('https://vanban.example.vn/tra-cuu/', 'http://127.0.0.1:5000/')
    """
    text = text.strip() if isinstance(text, str) else ""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        parts = None
    if (not parts or parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment
            or parts.username or parts.password or len(text) > limits.MAX_FILTER_LENGTH
            or any(c.isspace() or not c.isprintable() for c in text)):
        raise Invalid(f"Địa chỉ gốc phải là một URL http(s) có tên máy, không có ?query hay #, ví dụ "
                      f"https://vanban.example.vn/ (nhận được: {shown(text, 60)}).")
    return text.rstrip("/") + "/"


def filter_value(name: str, value: str) -> str:
    """One value of a filter: a year, a relation, a ref, a date, or a name within MAX_FILTER_LENGTH."""
    if name == "year":
        return year(value)
    if name in DATE_FILTERS:
        return date_bound(value)
    if name == "kind":
        return choice(value, KINDS, "Quan hệ")
    if name == "status":
        return choice(value, STATUSES, "Hiệu lực")
    if name == "in_force_on":
        return day(value)
    if name == "cites":
        return ref(value)
    if name == "part":
        return part(value)
    if name == "month":
        return month(value)
    if len(value) > limits.MAX_FILTER_LENGTH:
        raise Invalid(f"Giá trị của bộ lọc “{FACET_LABELS[name]}” quá dài ({len(value)} ký tự; "
                      f"tối đa {limits.MAX_FILTER_LENGTH}).")
    return value


def filter_values(name: str, values: list[str]) -> list[str]:
    """The values of one filter: at most MAX_FILTER_VALUES, each checked."""
    if len(values) > limits.MAX_FILTER_VALUES:
        raise Invalid(f"Bộ lọc “{FACET_LABELS[name]}” có quá nhiều giá trị ({len(values)}; "
                      f"tối đa {limits.MAX_FILTER_VALUES}).")
    if name in (*DATE_FILTERS, "in_force_on") and len(values) > 1:
        raise Invalid(f"“{FACET_LABELS[name]}” chỉ nhận một giá trị (nhận được {len(values)}).")
    return [filter_value(name, v) for v in values]


def filters(given: dict | None) -> dict[str, list[str]]:
    """Filters as search() takes them: each name one of FILTERS, each value a string (or a list of
    them; an int year is taken), blanks dropped, repeats once, every value checked.

    >>> filters({"year": 2019, "doc_type": ["Kế hoạch", " ", "Kế hoạch"], "issuer": None})
    {'year': ['2019'], 'doc_type': ['Kế hoạch']}
    """
    cleaned = {}
    for name, values in (given or {}).items():
        if name not in FILTERS:
            raise Invalid(f"Bộ lọc không rõ: {shown(name)} (chọn: {', '.join(FILTERS)}).")
        values = [values] if isinstance(values, (str, int, float, type(None))) else values
        if not isinstance(values, (list, tuple, set)):
            raise Invalid(f"Bộ lọc {shown(name)} cần một giá trị hay một danh sách giá trị "
                          f"(nhận được: {type(values).__name__}).")
        texts = (str(v).strip() for v in values if v is not None)  # None is no value, alone or in a list
        values = list(dict.fromkeys(t for t in texts if t))
        if values:
            cleaned[name] = filter_values(name, values)
    return date_order(cleaned)
