"""Checks of every value a person gives: one validation, used by search() and by both surfaces.

Each check takes the raw value (a string from a URL or a command line, or what a Python caller of
search() passes) and returns it typed, or raises `Invalid` with the Vietnamese message every surface
shows: the web answers 400, the CLI says it in one line and exits 2, search() raises it. So a value one
refuses, the others refuse with the same words.
"""

from indexer import limits
from indexer.errors import Invalid
from indexer.extract.relations import KINDS
from indexer.labels import FACET_LABELS
from indexer.query.parse import parse_ref

SORTS = ("relevance", "date", "date_asc", "cited")
FACETS = ("doc_type", "year", "issuer", "province", "cites")  # the filters that are also counted
FILTERS = FACETS + ("kind",)                                    # `kind`: the relation to a `cites` ref
REF_EXAMPLE = "ví dụ: 35-NQ/TW, Nghị quyết 35"

__all__ = [
    "FACETS",
    "FILTERS",
    "SORTS",
    "Invalid",
    "choice",
    "filter_value",
    "filter_values",
    "filters",
    "integer",
    "page",
    "page_size",
    "port",
    "query",
    "ref",
    "shown",
    "sort",
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


def year(text: str) -> str:
    if limits.year_of(text) is None:
        raise Invalid(f"Năm phải có 4 chữ số, từ {limits.MIN_YEAR} đến {limits.MAX_YEAR} "
                      f"(nhận được: {shown(text, 20)}).")
    return text


def filter_value(name: str, value: str) -> str:
    """One value of a filter: a year, a relation, a ref, or a name within MAX_FILTER_LENGTH."""
    if name == "year":
        return year(value)
    if name == "kind":
        return choice(value, KINDS, "Quan hệ")
    if name == "cites":
        return ref(value)
    if len(value) > limits.MAX_FILTER_LENGTH:
        raise Invalid(f"Giá trị của bộ lọc “{FACET_LABELS[name]}” quá dài ({len(value)} ký tự; "
                      f"tối đa {limits.MAX_FILTER_LENGTH}).")
    return value


def filter_values(name: str, values: list[str]) -> list[str]:
    """The values of one filter: at most MAX_FILTER_VALUES, each checked."""
    if len(values) > limits.MAX_FILTER_VALUES:
        raise Invalid(f"Bộ lọc “{FACET_LABELS[name]}” có quá nhiều giá trị ({len(values)}; "
                      f"tối đa {limits.MAX_FILTER_VALUES}).")
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
    return cleaned
