"""Every parameter of every route, read in one place and checked by indexer's checks (the ones
search() and the CLI use): what they refuse, `Invalid`, is a 400 with its message (webui/app.py).

The whole search state lives in the URL. Pages build their links from the state read here, never
from the raw query string, so no parameter a person adds (`_anchor`, `_external`...) reaches url_for.
"""

from dataclasses import dataclass, field
from difflib import get_close_matches

from flask import current_app
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from indexer import FILTERS, TASK_FILTERS, checks

DOWNLOAD_FORMATS = checks.TABLE_FORMATS + ("json",)  # a cites page's downloads: its table, or /api/cites' JSON
# What every search route reads besides the filters (a cites API route also reads `ref`).
SEARCH_PARAMS = ("q", "sort", "page", "page_size", "collapse", "format")
GRAPH_TABLES = ("edges", "nodes")


@dataclass
class SearchArgs:
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    collapse: bool = True  # near-duplicates folded under the hit above them (`collapse=0`: all shown)
    warnings: list[str] = field(default_factory=list)  # the parameters read nowhere, named (never dropped silently)


def _one(args: MultiDict, name: str) -> str:
    """A single-valued parameter; empty (a form's blank field) is the same as absent."""
    return args.get(name, "").strip()


def query_arg(args: MultiDict) -> str:
    return checks.query(args.get("q", ""))


def _filters(args: MultiDict, names) -> dict:
    filters = {}
    for name in names:
        values = [v.strip() for v in args.getlist(name) if v.strip()]
        if values:
            filters[name] = checks.filter_values(name, values)
    return checks.date_order(filters)


def unknown_params(args: MultiDict, known) -> list[str]:
    """A warning for each parameter no route reads, with the known one it may be a slip for.

    >>> unknown_params(MultiDict([("isuer", "Bộ Y tế"), ("q", "x")]), ("q", "issuer"))
    ["Không có tham số 'isuer' (có phải “issuer”?): đã bỏ qua."]
    """
    warnings = []
    for name in dict.fromkeys(args.keys()):
        if name not in known:
            close = get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f" (có phải “{close[0]}”?)" if close else ""
            warnings.append(f"Không có tham số {checks.shown(name, 40)}{hint}: đã bỏ qua.")
    return warnings


def search_args(args: MultiDict, filters=FILTERS, known=()) -> SearchArgs:
    """q, the filters, sort, page, page_size, collapse; the page size defaults to the app's PAGE_SIZE;
    a warning for every other parameter but those `known` to the route."""
    sort, page, size, collapse = _one(args, "sort"), _one(args, "page"), _one(args, "page_size"), _one(args, "collapse")
    return SearchArgs(
        query=query_arg(args), filters=_filters(args, filters),
        sort=checks.sort(sort) if sort else "relevance",
        page=checks.page(page) if page else 1,
        page_size=checks.page_size(size) if size else current_app.config["PAGE_SIZE"],
        collapse=checks.collapse(collapse) if collapse else True,
        warnings=unknown_params(args, (*SEARCH_PARAMS, *filters, *known)),
    )


def task_args(args: MultiDict) -> dict[str, list[str]]:
    """`lead`, `deadline_year` (repeatable), `deadline_from`, `deadline_to` of `/api/tasks`: as given; the
    task list checks them (indexer.views.tasks.task_filters), as search() checks its filters."""
    return {name: values for name in TASK_FILTERS if (values := [v for v in args.getlist(name) if v.strip()])}


def compare_args(args: MultiDict) -> tuple[str, str]:
    """`a` and `b` of a comparison: two document ids."""
    return checks.document_id(args.get("a", ""), "a"), checks.document_id(args.get("b", ""), "b")


def related_limit_arg(args: MultiDict, default: int = 10) -> int:
    limit = _one(args, "limit")
    return checks.related_limit(limit) if limit else default


def ref_arg(ref: str) -> str:
    """A ref from the path or `?ref=`: a document number in any spelling."""
    return checks.ref(ref.strip())


def required_ref(args: MultiDict) -> str:
    ref = _one(args, "ref")
    if not ref:
        raise BadRequest("Thiếu tham số ref, ví dụ: /api/cites?ref=35-NQ/TW.")
    return ref_arg(ref)


def download_format(args: MultiDict) -> str | None:
    """`format` of a cites page: csv, xlsx or json for a download, absent for the page."""
    fmt = _one(args, "format")
    return checks.choice(fmt, DOWNLOAD_FORMATS, "Định dạng tải về") if fmt else None


def table_format(args: MultiDict) -> str | None:
    """`format` of a result list in the API: csv or xlsx for a file of every result, absent for JSON."""
    fmt = _one(args, "format")
    return checks.table_format(fmt) if fmt else None


def kinds_arg(args: MultiDict) -> list[str]:
    """`kind` on a ref record: relations to keep (none: all)."""
    return _filters(args, ["kind"]).get("kind", [])


def graph_args(args: MultiDict, formats) -> tuple[str, str]:
    """`format` and `table` of the graph download."""
    fmt, table = _one(args, "format") or "json", _one(args, "table") or "edges"
    return checks.choice(fmt, formats, "Định dạng"), checks.choice(table, GRAPH_TABLES, "Bảng")


def url_args(state: SearchArgs, **changes) -> MultiDict:
    """The URL parameters of a search state, with some changed (page resets unless given)."""
    args = MultiDict()
    query = changes.get("query", state.query)
    if query:
        args.add("q", query)
    filters = changes.get("filters", state.filters)
    for name in FILTERS:
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
    if not changes.get("collapse", state.collapse):
        args.add("collapse", 0)
    return args


def month_toggled(state: SearchArgs, month: str) -> dict:
    """The filters with the date range set to one month (`2019-05`), or cleared when it is that month
    (the page's month links set the range, so the date form shows it; `month=` filters the same months)."""
    filters = {k: list(v) for k, v in state.filters.items() if k not in (*checks.DATE_FILTERS, "month")}
    chosen = state.filters.get("month") == [month] or all(state.filters.get(n) == [month] for n in checks.DATE_FILTERS)
    if not chosen:
        filters.update(date_from=[month], date_to=[month])
    return filters


def without_dates(state: SearchArgs) -> MultiDict:
    """The state's parameters but the date range and `in_force_on`: what the date form carries as hidden fields."""
    filters = {k: v for k, v in state.filters.items() if k not in (*checks.DATE_FILTERS, "in_force_on")}
    return url_args(state, filters=filters, page=1)


def toggled(state: SearchArgs, name: str, value: str) -> dict:
    """The filters with one value of one facet switched on or off."""
    filters = {k: list(v) for k, v in state.filters.items()}
    values = filters.setdefault(name, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return filters

