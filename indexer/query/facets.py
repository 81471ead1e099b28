"""Facet counts over a search's results: one shape for templates, JSON and the CLI."""

import heapq
from dataclasses import dataclass

from indexer.engines import Every, Term
from indexer.query.checks import DATE_FILTERS, FACETS
from indexer.query.filters import both, cite_keys, filter_query, keys_of_ref
from indexer.query.parse import parse_ref
from indexer.query.validity import of_status, validity_query, validity_sets
from indexer.vocab.relations import KINDS
from indexer.vocab.validity import STATUSES

# The index field each facet counts; `cites` counts the canonical refs the results cite.
FIELD_OF_FACET = {"doc_type": "doc_type", "year": "year", "issuer": "issuer", "province": "province",
                "cites": "cited_refs"}
EVERY = Every()  # one object: an engine keeps the documents of a subset it is asked for again
MAX_FACET_VALUES = 30  # the `cites` facet lists the most cited refs of the results


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    """Counts of one facet over the results; one shape for templates, JSON and the CLI."""

    name: str
    results: tuple[FacetValue, ...]

    def as_dict(self) -> list[dict]:
        return [{"value": v.value, "count": v.count, "selected": v.selected} for v in self.results]


def facets_dict(facets: list[Facet]) -> dict[str, list[dict]]:
    """Facets as JSON, `{name: [{"value", "count", "selected"}, ...]}` (the API, downloads and CLI)."""
    return {f.name: f.as_dict() for f in facets}


def count_facets(searcher, query, filters: dict, scope: dict, validity: dict | None = None) -> list[Facet]:
    """Counts per facet over the results; a facet's own selection does not hide its other values.
    `validity`: the build's validity records (the `status` facet and filters; None: no status facet)."""
    keys = cite_keys(scope)
    by_status = validity_query(filters, validity) if validity is not None else None
    facets = []
    for name in FACETS:
        skip = name if filters.get(name) else None
        groups = searcher.group_counts(query, both(filter_query(scope), filter_query(filters, skip, keys), by_status),
                                       FIELD_OF_FACET[name], alone=skip is not None)
        chosen = set(filters.get(name, []))
        if name == "cites":  # a ref may be chosen in any spelling: mark its canonical value
            facets.append(Facet(name, _most_cited(groups, _canonical_choices(chosen, groups))))
            continue
        values = [FacetValue(v, n, v in chosen) for v, n in groups.items() if v]
        values += [FacetValue(v, 0, True) for v in chosen if v not in groups]
        values.sort(key=lambda fv: (-fv.count, fv.value) if name != "year" else (-int(fv.value or 0), 0))
        facets.append(Facet(name, tuple(values)))
    facets.append(_month_facet(searcher, query, filters, scope, by_status))
    if validity is not None:
        facets.append(_status_facet(searcher, query, filters, scope, validity))
    if filters.get("cites") or scope.get("cites"):
        facets.append(_kind_facet(searcher, query, filters, scope, by_status))
    if scope.get("cites") or (filters.get("cites") and filters.get("part")):
        # the citing list's grouping by the part cited (an aggregation of its own: a search with a `cites`
        # filter alone does not pay for it)
        facets.append(_part_facet(searcher, query, filters, scope, by_status))
    return facets


def _most_cited(groups: dict[str, int], chosen: set[str]) -> tuple[FacetValue, ...]:
    """The MAX_FACET_VALUES most cited refs (then by name), and every chosen one whatever its count, in that
    order (the results of a common word cite over a thousand refs: the first ones picked, not all sorted).

    >>> [(v.value, v.count, v.selected) for v in _most_cited({"a": 1, "b": 3, "c": 1}, {"x"})][:3]
    [('b', 3, False), ('a', 1, False), ('c', 1, False)]
    """
    pairs = [(-n, v) for v, n in groups.items() if v] + [(0, v) for v in chosen if v not in groups]
    kept = set(heapq.nsmallest(MAX_FACET_VALUES, pairs)) | {p for p in pairs if p[1] in chosen}
    return tuple(FacetValue(v, -n, v in chosen) for n, v in sorted(kept))


def _status_facet(searcher, query, filters: dict, scope: dict, validity: dict) -> Facet:
    """The results by their status today, counted without the status chosen (one count per status that
    some document has; `unknown` is what the others leave)."""
    base = both(filter_query(scope), filter_query(filters, None, cite_keys(scope)),
                validity_query(filters, validity, skip_status=True))
    sets = validity_sets(validity)
    subsets = {s: of_status(sets, s) for s in STATUSES[:-1] if sets.by_status[s]}
    counts = searcher.count_within(query, base, {**subsets, "": EVERY})
    counts["unknown"] = counts.pop("") - sum(counts.values())
    chosen = set(filters.get("status", []))
    return Facet("status", tuple(FacetValue(s, counts.get(s, 0), s in chosen) for s in STATUSES
                                 if counts.get(s) or s in chosen))


def _month_facet(searcher, query, filters: dict, scope: dict, by_status=None) -> Facet:
    """The results by month of their day (those whose day is known), newest first, counted without
    the months chosen and the date range (a range of one month chooses it too): what the year facet
    opens onto."""
    skipped = (*DATE_FILTERS, "month")
    groups = searcher.group_counts(query, both(filter_query(scope), filter_query(filters, skipped, cite_keys(scope)),
                                               by_status), "month", alone=any(filters.get(n) for n in skipped))
    low, high = (filters.get(name, [None])[0] for name in DATE_FILTERS)
    chosen = set(filters.get("month", [])) | ({low} if low and low == high and len(low) == 7 else set())
    values = [FacetValue(v, n, v in chosen) for v, n in groups.items() if v]
    values += [FacetValue(v, 0, True) for v in sorted(chosen) if v not in groups]
    return Facet("month", tuple(sorted(values, key=lambda v: v.value, reverse=True)))


def _canonical_choices(chosen: set[str], refs) -> set[str]:
    """Chosen refs in any spelling (`nghi quyet 35`) as the canonical values they name (`35-NQ/TW`)."""
    out = set()
    for value in chosen:
        key = parse_ref(value)
        named = {r for r in refs if r and key in keys_of_ref(r)}
        out |= named or {value}
    return out


def _kind_facet(searcher, query, filters: dict, scope: dict, by_status=None) -> Facet:
    """How many of the citing documents implement, are based on, are guided by, or mention the ref."""
    keys = cite_keys(filters) | cite_keys(scope)
    base = both(filter_query(scope, "kind"), by_status, filter_query(filters, "kind", cite_keys(scope)))
    # Each value counted, not the field's values over the results: a result has one a ref it cites (7,800
    # documents citing 35-NQ/TW of 10,000 gazette-length ones hold 3,555: 14 ms to aggregate, 1.5 to count
    # the four of one ref).
    found = searcher.count_within(query, base, {f"{key}>{kind}": Term("cites_kind", f"{key}>{kind}")
                                                for key in sorted(keys) for kind in KINDS})
    counts = dict.fromkeys(KINDS, 0)
    for value, count in found.items():
        counts[value.partition(">")[2]] += count  # a document citing two of the chosen refs counts under each
    chosen = set(filters.get("kind", []))
    return Facet("kind", tuple(FacetValue(k, counts[k], k in chosen) for k in KINDS if counts[k] or k in chosen))


def _part_facet(searcher, query, filters: dict, scope: dict, by_status=None) -> Facet:
    """The parts of the cited document the results name, each with how many name it (or a part inside it):
    the citing documents grouped by the article, section or point they cite."""
    keys = cite_keys(filters) | cite_keys(scope)
    groups = searcher.group_counts(query, both(filter_query(scope, "part"), by_status,
                                               filter_query(filters, "part", cite_keys(scope))), "cites_part",
                                   alone=True)
    counts: dict[str, int] = {}
    for value, count in groups.items():
        key, _, part = (value or "").partition(">")
        if key in keys and part:
            counts[part] = counts.get(part, 0) + count
    chosen = set(filters.get("part", []))
    values = sorted((FacetValue(p, n, p in chosen) for p, n in counts.items()), key=lambda v: (-v.count, v.value))
    values = [v for i, v in enumerate(values) if i < MAX_FACET_VALUES or v.selected]
    return Facet("part", tuple(values) + tuple(FacetValue(p, 0, True) for p in sorted(chosen - set(counts))))
