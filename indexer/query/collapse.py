"""Near-duplicates folded in a result: a hit whose text is nearly the same as a hit ranked above it
(two copies of a plan, a consolidated text and what it reprints: the build finds them,
indexer.compare.related) is shown under that hit, not in its own place.

Which hits fold depends only on the order of the hits that have a near-duplicate at all: search()
ranks those alone (one query, the result's own order), folds them here, and pages the rest with the
folded left out (query/paging's `Folded`), so pages stay full and the total is what is shown. Facets
still count every document.
"""

from dataclasses import dataclass, field, replace

from indexer.engines import Any, Every, Term, Without
from indexer.query.results import DocSummary


@dataclass(frozen=True)
class Folding:
    """The ids folded (each under a hit ranked above it), and under each hit shown, what it holds."""

    folded: frozenset = frozenset()
    under: dict = field(default_factory=dict)  # id shown -> ids folded under it, in rank order

    @property
    def hidden(self):
        """A filter leaving the folded out (None when nothing is folded)."""
        if not self.folded:
            return None
        return Without(Every(), Any(tuple(Term("id", doc_id) for doc_id in sorted(self.folded))))


NOT_FOLDED = Folding()


def members(near: dict):
    """The documents that have a near-duplicate: the only ones whose order decides the folding."""
    return Any(tuple(Term("id", doc_id) for doc_id in sorted(near)))


def fold(near: dict, ranked: list[str]) -> Folding:
    """Fold each document under the first one ranked above it that it nearly duplicates (under that
    one's own hit, when it is folded too).

    >>> near = {"a": ("b", "c"), "b": ("a",), "c": ("a",), "x": ("y",), "y": ("x",)}
    >>> f = fold(near, ["c", "x", "a", "b"])
    >>> sorted(f.folded), f.under
    (['a', 'b'], {'c': ['a', 'b']})
    """
    rank = {doc_id: n for n, doc_id in enumerate(ranked)}
    shown_under: dict[str, str] = {}  # id -> the hit it is shown under (itself, when shown)
    under: dict[str, list[str]] = {}
    for doc_id in ranked:
        above = [shown_under[o] for o in near.get(doc_id, ()) if o in shown_under]
        if above:
            leader = min(above, key=rank.__getitem__)
            shown_under[doc_id] = leader
            under.setdefault(leader, []).append(doc_id)
        else:
            shown_under[doc_id] = doc_id
    return Folding(frozenset(d for d, leader in shown_under.items() if d != leader), under)


def with_near_duplicates(hits: list, folding: Folding, searcher) -> list:
    """The hits, each carrying the documents folded under it."""
    return _with_folded(hits, folding, searcher, "near_duplicates")


def with_other_parts(hits: list, folding: Folding, searcher) -> list:
    """The hits, each carrying its document's other parts (those that matched, folded under it)."""
    return _with_folded(hits, folding, searcher, "other_parts")


def _with_folded(hits: list, folding: Folding, searcher, name: str) -> list:
    return [replace(h, **{name: tuple(DocSummary.from_stored(searcher.by_id(i, structure=False, text=False))
                                      for i in folding.under[h.id])})
            if h.id in folding.under else h for h in hits]
