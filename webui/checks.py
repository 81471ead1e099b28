"""Checks of every value a person gives, with the Vietnamese message both surfaces show.

No Flask here: the web (webui/params.py) turns `Invalid` into a 400, the CLI (cli/options.py) into
one line on stderr and exit status 2, so a value one refuses the other refuses with the same words.
"""


import indexer
from indexer import limits
from webui.labels import FACET_LABELS

REF_EXAMPLE = "ví dụ: 35-NQ/TW, Nghị quyết 35"


class Invalid(ValueError):
    """A value out of range or of the wrong kind; the message says which and what is allowed."""


def shown(value: str, width: int = 30) -> str:
    """A value as quoted back in a message: cut short, quotes and escapes by repr."""
    return repr(value[:width] + ("…" if len(value) > width else ""))


def query(text: str) -> str:
    """A query within MAX_QUERY_LENGTH characters."""
    if len(text) > limits.MAX_QUERY_LENGTH:
        raise Invalid(f"Câu truy vấn quá dài ({len(text)} ký tự; tối đa {limits.MAX_QUERY_LENGTH}).")
    return text


def integer(raw: str, low: int, high: int, label: str) -> int:
    """A whole number from low to high (digits only: no sign, no spaces inside)."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise Invalid(f"{label} phải là số nguyên từ {low} đến {high} (nhận được: {shown(raw, 20)}).")
    return int(raw)


def page(raw: str) -> int:
    return integer(raw, 1, limits.MAX_PAGE, "Số trang")


def page_size(raw: str) -> int:
    return integer(raw, 1, limits.MAX_PAGE_SIZE, "Số kết quả mỗi trang")


def port(raw: str) -> int:
    return integer(raw, limits.MIN_PORT, limits.MAX_PORT, "Cổng")


def choice(value: str, allowed, label: str) -> str:
    """One of `allowed`; the message lists them."""
    if value not in allowed:
        raise Invalid(f"{label} không hợp lệ: {shown(value)} (chọn: {', '.join(allowed)}).")
    return value


def ref(text: str) -> str:
    """A document number in any spelling that names one document (`35-NQ/TW`, `nghi quyet 35`)."""
    if len(text) > limits.MAX_FILTER_LENGTH or indexer.parse_ref(text) is None:
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
        return choice(value, indexer.KINDS, "Quan hệ")
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
