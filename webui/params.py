"""Read the search state from the URL (the whole state lives there), with clear 400s."""

from dataclasses import dataclass, field

from flask import current_app
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from indexer.search import FILTERS, SORTS

FILTER_PARAMS = FILTERS


@dataclass
class SearchArgs:
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10


def _int(args: MultiDict, name: str, default: int, low: int, high: int, label: str) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(f"{label} phải là số nguyên từ {low} đến {high} (nhận được: {raw[:20]!r}).")
    return int(raw)


def search_args(args: MultiDict) -> SearchArgs:
    """Parse q, doc_type, year, issuer, province, cites, sort, page, page_size; bad values are a 400."""
    config = current_app.config
    query = args.get("q", "")
    if len(query) > config["MAX_QUERY_LENGTH"]:
        raise BadRequest(f"Câu truy vấn quá dài ({len(query)} ký tự; tối đa {config['MAX_QUERY_LENGTH']}).")
    sort = args.get("sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise BadRequest(f"Cách sắp xếp không hợp lệ: {sort[:30]!r}.")
    filters = {name: [v for v in args.getlist(name) if v.strip()] for name in FILTER_PARAMS}
    return SearchArgs(
        query=query, filters={k: v for k, v in filters.items() if v}, sort=sort,
        page=_int(args, "page", 1, 1, config["MAX_PAGE"], "Số trang"),
        page_size=_int(args, "page_size", config["PAGE_SIZE"], 1, config["MAX_PAGE_SIZE"], "Số kết quả mỗi trang"),
    )


def url_args(state: SearchArgs, **changes) -> MultiDict:
    """The URL parameters of a search state, with some changed (page resets unless given)."""
    args = MultiDict()
    query = changes.get("query", state.query)
    if query:
        args.add("q", query)
    filters = changes.get("filters", state.filters)
    for name in FILTER_PARAMS:
        for value in filters.get(name, []):
            args.add(name, value)
    sort = changes.get("sort", state.sort)
    if sort != "relevance":
        args.add("sort", sort)
    page = changes.get("page", 1)
    if page != 1:
        args.add("page", page)
    if state.page_size != current_app.config["PAGE_SIZE"]:
        args.add("page_size", state.page_size)
    return args


def toggled(state: SearchArgs, name: str, value: str) -> dict:
    """The filters with one value of one facet switched on or off."""
    filters = {k: list(v) for k, v in state.filters.items()}
    values = filters.setdefault(name, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return filters
