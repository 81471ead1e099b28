"""The `status` and `in_force_on` filters and the `status` facet, made at query time from the validity the
build derived (indexer.graph.validity), as sets of document ids.

Why not a field of the index: a document's status changes when another document (the one repealing it)
is added, and a text not yet in force comes into force on its day: a stored status would need the
repealed document rewritten at every build that adds a repeal, and every document rewritten every day.
The build's table is read once per generation; the status on a day is computed from it (a few
microseconds a document) and kept for that day, and a filter is a set of ids, as the `cited` order
uses the build's counts.
"""

from dataclasses import dataclass

from indexer.engines import Any, Every, Nothing, Term, Without
from indexer.query.filters import both
from indexer.vocab.validity import APPLIES, STATUSES, status_on, today

CACHED_DAYS = 8  # (table, day) pairs kept: today and the few days people ask `in_force_on` for


@dataclass(frozen=True)
class ValiditySets:
    """The corpus documents under each status on one day."""

    day: str
    by_status: dict[str, frozenset]
    known: frozenset  # documents with a record: every other one is `unknown`

    def ids(self, statuses) -> frozenset:
        return frozenset().union(*(self.by_status[s] for s in statuses if s != "unknown"))


_cache: dict[tuple[int, str], ValiditySets] = {}


def validity_sets(records: dict, day: str | None = None) -> ValiditySets:
    """The ids under each status on `day` (today when None), from the build's records (corpus documents
    only: cited texts are `ref:` nodes)."""
    day = day or today()
    key = (id(records), day)
    if key not in _cache:
        while len(_cache) >= CACHED_DAYS:
            _cache.pop(next(iter(_cache)))
        by_status: dict[str, set] = {s: set() for s in STATUSES}
        is_today = day == today()
        for node_id, record in records.items():
            if not node_id.startswith("ref:"):
                by_status[status_on(record, day, is_today).status].add(node_id)
        known = frozenset(i for s in STATUSES if s != "unknown" for i in by_status[s])
        _cache[key] = ValiditySets(day, {s: frozenset(v) for s, v in by_status.items()}, known)
    return _cache[key]


def _of_ids(ids) -> object:
    return Any(tuple(Term("id", i) for i in sorted(ids))) if ids else Nothing()


def status_clause(sets: ValiditySets, statuses) -> object:
    """Documents under any of `statuses`: the ids named, or (with `unknown`) all but the other known ones."""
    chosen = set(statuses)
    if "unknown" in chosen:
        others = sets.known - sets.ids(chosen)
        return Without(Every(), _of_ids(others)) if others else Every()
    return _of_ids(sets.ids(chosen))


def validity_query(filters: dict, records: dict, skip_status: bool = False):
    """The `status` (today) and `in_force_on` filters as one query tree, or None when neither is asked."""
    clauses = []
    if filters.get("status") and not skip_status:
        clauses.append(status_clause(validity_sets(records), filters["status"]))
    if filters.get("in_force_on"):
        clauses.append(_of_ids(validity_sets(records, filters["in_force_on"][0]).ids(APPLIES)))
    return both(*clauses)


def of_status(sets: ValiditySets, status: str):
    """The documents under one status (what the facet counts): one object per day's sets and status, so an
    engine may keep what it found for it."""
    key = (id(sets), status)
    if _clauses.get(key, (None,))[0] is not sets:
        if len(_clauses) >= CACHED_DAYS * len(STATUSES):
            _clauses.clear()
        _clauses[key] = (sets, status_clause(sets, [status]))
    return _clauses[key][1]


_clauses: dict[tuple[int, str], tuple] = {}  # (id of a day's sets, status) -> (those sets, the clause)
