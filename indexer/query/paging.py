"""Which hits make the page asked for, and in what order: one small interface, as tantivy's collectors,
with one strategy per way of making a page, composed by `pager_for`.

    Pager.page(searcher, tree, request) -> Paged(total, keys, folding)

- `Ranked`: the engine's order: relevance, or the date when asked for or when browsing without words;
- `MostCited`: the `cited` order: cited documents by how often the corpus cites them, then the rest;
- `Parts`: around either, the parts of one long document (`id`, `id~2`, ...: builder/parts) as one hit,
  the best ranked standing for it, the others folded under it: a total counts documents;
- `Folded`: around that, each near-duplicate folded under a hit ranked above it (query/collapse).

A strategy that changes what one hit stands for wraps another: it asks the inner pager for the hits
whose order decides it (a narrower request: `replace(request, ...)`), then for the page with what it
hides left out, and says in `Paged` what it did (`parts`, `folding`).
"""

from dataclasses import dataclass, field, replace
from typing import Protocol

from indexer.engines import Any, Term, Without
from indexer.query.collapse import NOT_FOLDED, Folding, fold, members
from indexer.query.filters import both
from indexer.query.request import SearchRequest


@dataclass(frozen=True)
class Paged:
    """What a pager made: the total, (key, score) per hit of the page in order, and what it folded."""

    total: int
    keys: list = field(default_factory=list)
    folding: Folding = NOT_FOLDED  # near-duplicates folded under a hit
    parts: Folding = NOT_FOLDED    # a document's other parts folded under its best part


class Pager(Protocol):
    def page(self, searcher, tree, request: SearchRequest) -> Paged:
        """The hits of `tree` within `request.filter`, `request.limit` of them from `request.offset`."""


class Ranked:
    """The engine's own order: by score, or newest first (oldest with `date_asc`), as the request says."""

    def page(self, searcher, tree, request: SearchRequest) -> Paged:
        found = searcher.search(tree, request.filter, limit=request.limit, offset=request.offset,
                                sort=self.engine_sort(request))
        return Paged(found.total, found.hits)

    @staticmethod
    def engine_sort(request: SearchRequest) -> str | None:
        """The engine's sort for the request: browsing (no words, phrases or refs) lists the newest first."""
        if request.sort in ("date", "date_asc") or request.parsed.empty:
            return "date_asc" if request.sort == "date_asc" else "date"
        return None


class MostCited:
    """The `cited` order: cited documents by their count (then newest), then the rest, newest first."""

    def __init__(self, counts: dict):
        self.counts = counts  # id -> corpus documents citing it (the build's `counts`)

    def page(self, searcher, tree, request: SearchRequest) -> Paged:
        offset, limit = request.offset, request.limit
        if not self.counts:
            found = searcher.search(tree, request.filter, limit=limit, offset=offset, sort="date")
            return Paged(found.total, found.hits)
        cited = Any(tuple(Term("id", i) for i in sorted(self.counts)))
        top = searcher.search(tree, both(request.filter, cited), limit=len(self.counts), sort="date")
        ids = searcher.ids([key for key, _ in top.hits], self.counts)
        cited_counts = [self.counts.get(doc_id, 0) for doc_id in ids]
        ordered = [key for (key, _), _ in sorted(zip(top.hits, cited_counts), key=lambda pair: -pair[1])]  # stable
        keys = ordered[offset:offset + limit]
        rest = Without(tree, cited)
        if len(keys) < limit:
            found = searcher.search(rest, request.filter, limit=limit - len(keys),
                                    offset=max(0, offset - len(ordered)), sort="date")
            keys, rest_total = keys + [k for k, _ in found.hits], found.total
        else:
            rest_total = searcher.count(rest, request.filter)
        return Paged(len(ordered) + rest_total, [(k, 0.0) for k in keys])


class Folded:
    """Near-duplicates folded around another order: the documents that have one are ranked alone (one
    query, in that order), folded, and the page made with the folded left out (query/collapse)."""

    def __init__(self, inner: Pager):
        self.inner = inner

    def page(self, searcher, tree, request: SearchRequest) -> Paged:
        folding, shown = _folded_page(self.inner, searcher, tree, request, request.near_duplicates)
        return replace(shown, folding=folding)


class Parts:
    """The parts of one long document as one hit, folded as near-duplicates are (each part's others are
    its "near-duplicates"): the best ranked part stands for the document."""

    def __init__(self, inner: Pager):
        self.inner = inner

    def page(self, searcher, tree, request: SearchRequest) -> Paged:
        # Listed by date or by citations, a document's parts tie: its first part stands for it.
        by_score = Ranked.engine_sort(request) is None and request.sort != "cited"
        folding, shown = _folded_page(self.inner, searcher, tree, request, request.parts,
                                      None if by_score else first_part_first)
        return replace(shown, parts=folding)


def first_part_first(ids: list[str], parts: dict) -> list[str]:
    """The ids with each document's parts in their own order, where its first-ranked part stood.

    >>> first_part_first(["a~3", "b", "a", "a~2"], {"a": ("a~2", "a~3"), "a~2": ("a", "a~3"), "a~3": ("a", "a~2")})
    ['a', 'a~2', 'a~3', 'b']
    """
    out, seen = [], set()
    for doc_id in ids:
        if doc_id not in seen:
            group = sorted({doc_id, *parts.get(doc_id, ())} & set(ids), key=_part_number)
            out += group
            seen.update(group)
    return out


def _part_number(doc_id: str) -> int:
    number = doc_id.rpartition("~")[2]  # `id~2`: builder/parts' PART_MARK (the build's, not importable here)
    return int(number) if number.isdigit() else 1


def _folded_page(inner: Pager, searcher, tree, request: SearchRequest, near: dict,
                 reorder=None) -> tuple[Folding, Paged]:
    """The folding of `near` (id -> ids it stands with) in the inner order (`reorder`ed), and the page
    without the folded."""
    ranked = inner.page(searcher, tree, replace(request, filter=both(request.filter, members(near)), offset=0,
                                                limit=len(near)))
    ids = searcher.ids([key for key, _ in ranked.keys], near)
    folding = fold(near, reorder(ids, near) if reorder else ids)
    return folding, inner.page(searcher, tree, replace(request, filter=both(request.filter, folding.hidden)))


def pager_for(request: SearchRequest, counts: dict) -> Pager:
    """The pager the request asks for; `counts`: id -> corpus documents citing it, for the `cited` order."""
    pager = MostCited(counts) if request.sort == "cited" else Ranked()
    if request.parts:
        pager = Parts(pager)
    if request.near_duplicates:
        pager = Folded(pager)
    return pager
