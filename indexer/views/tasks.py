"""The tasks the corpus's plans assign, found across it: `GET /api/tasks`, its CSV and Excel files, `vanban tasks`.

A task is no document: the engines page and count documents. So the build files an index of tasks beside
the index (builder/derive `tasks`: document id -> each task's lead and deadline days), and a list is made
in two steps: search() 's own query, with the search filters, on the documents that assign tasks (so
`q` and `doc_type`, `issuer`, `year`, `date_from`... select the plans, and order them: the most relevant, or
the newest, first); then their tasks, in each plan's order, kept by lead and deadline, counted by lead and
by year, and paged. Only the page's tasks are read from their documents (the words of a task live there).

Deadlines: a task is in a range of days when the days its deadline spans meet it; a first or a last day
alone stands for its one day (`trước ngày 30/6/2025` is 2025-06-30). `deadline_year` is such a range, a
year long: a task counts under each year its deadline spans. A deadline with no days (`Thường xuyên`) is in
no range.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from analyzers.normalize import fold
from indexer.engines import Any, Term
from indexer.errors import Invalid
from indexer.labels import FACET_LABELS, describe
from indexer.limits import MAX_EXPORT_ROWS, MAX_FILTER_VALUES
from indexer.query import checks
from indexer.query.facets import Facet, FacetValue, facets_dict
from indexer.query.filters import both
from indexer.query.paging import first_part_first, pager_for
from indexer.query.results import DocSummary
from indexer.searching import prepare
from indexer.views.links import document_url
from indexer.views.parts import task_dict
from indexer.views.tables import ResultTable
from indexer.vocab.periods import period
from indexer.vocab.structure import unpack

TASK_FILTERS = ("lead", "deadline_year", "deadline_from", "deadline_to")
TASK_CHECKS = {"lead": lambda value: checks.filter_value("lead", value), "deadline_year": checks.year,
               "deadline_from": checks.date_bound, "deadline_to": checks.date_bound}
ONE_VALUE = ("deadline_from", "deadline_to")  # the ends of one range of days
MAX_LEAD_VALUES = 50  # the lead facet lists the bodies given the most tasks, and every chosen one


@dataclass(frozen=True)
class TaskHit:
    """One task, with the metadata of the plan that assigns it."""

    task: dict
    document: DocSummary

    def as_dict(self) -> dict:
        return {**task_dict(self.task), "document": self.document.as_dict()}


@dataclass(frozen=True)
class TaskList:
    """One page (or, for a file, all) of the tasks asked for, their total and facets."""

    query: str
    filters: dict        # the search filters of the plans
    task_filters: dict   # lead, deadline_year, deadline_from, deadline_to
    page: int
    page_size: int
    total: int
    hits: tuple[TaskHit, ...]
    facets: tuple[Facet, ...]
    plans: int           # how many plans hold them

    def as_dict(self) -> dict:
        return {"query": self.query, "filters": self.filters, "task_filters": self.task_filters, "page": self.page,
                "page_size": self.page_size, "total": self.total, "plans": self.plans,
                "tasks": [h.as_dict() for h in self.hits], "facets": facets_dict(list(self.facets))}


def task_filters(given: dict | None) -> dict[str, list[str]]:
    """The task filters, checked as search filters are: `lead` names (several: any), `deadline_year` years
    (several: any), one `deadline_from` and one `deadline_to` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) in order.

    >>> task_filters({"lead": ["Sở Tư pháp", " "], "deadline_from": "2025", "deadline_year": 2026})
    {'lead': ['Sở Tư pháp'], 'deadline_from': ['2025'], 'deadline_year': ['2026']}
    """
    cleaned = {}
    for name, values in (given or {}).items():
        if name not in TASK_CHECKS:
            raise Invalid(f"Bộ lọc nhiệm vụ không rõ: {checks.shown(name)} (chọn: {', '.join(TASK_FILTERS)}).")
        values = [values] if isinstance(values, (str, int)) else list(values or ())
        values = list(dict.fromkeys(t for t in (str(v).strip() for v in values if v is not None) if t))
        if len(values) > (1 if name in ONE_VALUE else MAX_FILTER_VALUES):
            raise Invalid(f"“{FACET_LABELS[name]}” nhận tối đa {1 if name in ONE_VALUE else MAX_FILTER_VALUES} "
                          f"giá trị (nhận được {len(values)}).")
        if values:
            cleaned[name] = [TASK_CHECKS[name](v) for v in values]
    low, high = (cleaned.get(n, [None])[0] for n in ONE_VALUE)
    checks.date_order({k: [v] for k, v in (("date_from", low), ("date_to", high)) if v})
    return cleaned


def _days(row: tuple) -> tuple[int, int] | None:
    """The first and last day (YYYYMMDD) a task's deadline spans, or None (no days: `Thường xuyên`)."""
    first, last = row[3] or row[4], row[4] or row[3]
    if not first:
        return None
    return int(first.replace("-", "")), int(last.replace("-", ""))


def _ranges(given: dict, skip: str) -> list[tuple[int, int]]:
    """The ranges of days a task's deadline must meet: the `deadline_from`-`deadline_to` range, and any year
    of `deadline_year` (unless it is the facet being counted)."""
    ranges = []
    low, high = (given.get(n, [None])[0] for n in ("deadline_from", "deadline_to"))
    if low or high:
        ranges.append([(period(low)[0] if low else 0, period(high)[1] if high else 99999999)])
    if given.get("deadline_year") and skip != "deadline_year":
        ranges.append([period(y) for y in given["deadline_year"]])
    return ranges


def _kept(rows: list[tuple], given: dict, skip: str = "") -> list[tuple]:
    """The rows the task filters keep (`skip`: a facet counted without its own choice)."""
    leads = {fold(v) for v in given.get("lead", [])} if skip != "lead" else set()
    ranges = _ranges(given, skip)
    out = []
    for row in rows:
        if leads and fold(row[2] or "") not in leads:
            continue
        days = _days(row) if ranges else None
        if ranges and (days is None or not all(any(lo <= days[1] and days[0] <= hi for lo, hi in r) for r in ranges)):
            continue
        out.append(row)
    return out


def _years(row: tuple) -> range:
    days = _days(row)
    return range(days[0] // 10000, days[1] // 10000 + 1) if days else range(0)


def _facets(rows: list[tuple], given: dict) -> tuple[Facet, ...]:
    """Tasks by lead (most first) and by each year their deadline spans (newest first)."""
    leads = Counter(r[2] for r in _kept(rows, given, "lead") if r[2])
    years = Counter(str(y) for r in _kept(rows, given, "deadline_year") for y in _years(r))
    chosen_leads, chosen_years = set(given.get("lead", [])), set(given.get("deadline_year", []))
    most = sorted(leads.items(), key=lambda vn: (-vn[1], vn[0]))
    lead_values = [FacetValue(v, n, v in chosen_leads) for v, n in most]
    lead_values = [v for i, v in enumerate(lead_values) if i < MAX_LEAD_VALUES or v.selected]
    lead_values += [FacetValue(v, 0, True) for v in sorted(chosen_leads - set(leads))]
    year_values = [FacetValue(y, years.get(y, 0), y in chosen_years) for y in sorted(set(years) | chosen_years,
                                                                                     reverse=True)]
    return Facet("lead", tuple(lead_values)), Facet("deadline_year", tuple(year_values))


def _plans(searcher, request, table: dict, counts: dict, parts: dict) -> list[str]:
    """The documents holding tasks that the search (its query and filters) finds, in its order (a long plan's
    parts in their own order, where the first ranked of them stood)."""
    if not table:
        return []
    holding = Any(tuple(Term("id", doc_id) for doc_id in sorted(table)))
    # Every part of a long plan holds its own tasks: none is folded under another (as a search's hits are).
    request = replace(request, filter=both(request.filter, holding), offset=0, limit=len(table), parts={})
    paged = pager_for(request, counts).page(searcher, request.tree(), request)
    return first_part_first(searcher.ids([key for key, _ in paged.keys], table), parts)


def _hits(searcher, rows: list[tuple]) -> tuple[TaskHit, ...]:
    """The tasks of the rows, read from their documents (each document read once)."""
    read: dict[str, tuple] = {}
    hits = []
    for doc_id, k, *_ in rows:
        if doc_id not in read:
            stored = searcher.by_id(doc_id)
            read[doc_id] = (unpack(stored.get("parts"), stored.get("structure")).tasks, DocSummary.from_stored(stored))
        tasks, summary = read[doc_id]
        if k < len(tasks):
            hits.append(TaskHit(tasks[k], summary))
    return tuple(hits)


def find_tasks(index, query: str = "", filters: dict | None = None, tasks: dict | None = None, page: int = 1,
               page_size: int = 20, sort: str = "relevance", all_pages: bool = False) -> TaskList:
    """The tasks of the plans a search finds (`query`, `filters`: search()'s), kept by `tasks` (TASK_FILTERS:
    lead, deadline_year, deadline_from, deadline_to), with facets `lead` and `deadline_year`; one page of
    them, or (`all_pages`) the first MAX_EXPORT_ROWS. Raises what search() raises (Invalid, IndexNotFound)."""
    page, page_size = checks.page(page), checks.page_size(page_size)
    given = task_filters(tasks)
    ix, request = prepare(index, query, filters, sort, None, relax=False, snippets=False)
    table, parts = ix.derived("tasks") or {}, ix.derived("parts") or {}
    with ix.searcher() as searcher:
        plans = _plans(searcher, request, table, ix.derived("counts") or {}, parts)
        rows = [(doc_id, k, *row) for doc_id in plans for k, row in enumerate(table[doc_id])]
        kept = _kept(rows, given)
        shown = kept[:MAX_EXPORT_ROWS] if all_pages else kept[(page - 1) * page_size:page * page_size]
        hits = _hits(searcher, shown)
    return TaskList(request.parsed.text, request.filters, given, 1 if all_pages else page,
                    max(len(hits), 1) if all_pages else page_size, len(kept), hits, _facets(rows, given),
                    len({min((r[0], *parts.get(r[0], ())), key=len) for r in kept}))  # a long plan's parts: one


TASK_COLUMNS = (("id", "Mã văn bản"), ("doc_type", "Loại văn bản"), ("number", "Số, ký hiệu"),
                ("date", "Ngày ban hành"), ("issuer", "Cơ quan ban hành"), ("task", "Nhiệm vụ"),
                ("lead", "Cơ quan chủ trì"), ("partners", "Cơ quan phối hợp"), ("deadline", "Thời hạn"),
                ("deadline_from", "Thời hạn từ ngày"), ("deadline_to", "Thời hạn đến ngày"), ("link", "Liên kết"))


def _task_row(hit: TaskHit, base_url: str) -> dict:
    task, doc, deadline = hit.task, hit.document, hit.task["deadline"] or {}
    link = document_url(base_url, doc.id) + (f"#{task['anchor']}" if task["anchor"] else "")
    return {"id": doc.id, "doc_type": doc.doc_type, "number": doc.number, "date": doc.date, "issuer": doc.issuer,
            "task": task["text"], "lead": task["lead"], "partners": "; ".join(task["partners"]),
            "deadline": deadline.get("printed"), "deadline_from": deadline.get("from"),
            "deadline_to": deadline.get("to"), "link": link}


def tasks_table(index, base_url: str, query: str = "", filters: dict | None = None, tasks: dict | None = None,
                sort: str = "relevance") -> ResultTable:
    """Every task asked for (up to MAX_EXPORT_ROWS) as a table: the plan, the task, its lead, partners and
    deadline, and a link to its part of the plan's page."""
    found = find_tasks(index, query, filters, tasks, sort=sort, all_pages=True)
    said = [describe(found.query, found.filters)] if found.query or found.filters else []
    said += [describe("", found.task_filters)] if found.task_filters else []
    title = " · ".join(["Nhiệm vụ", *said])
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    about = (("Nhiệm vụ", title), ("Số nhiệm vụ khớp", str(found.total)), ("Trong tệp này", str(len(found.hits))),
             ("Lập lúc", made))
    return ResultTable(title, TASK_COLUMNS, tuple(_task_row(h, base_url) for h in found.hits),
                       found.total, about, sheet="Nhiệm vụ")
