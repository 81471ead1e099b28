"""Two documents compared: the passages they share (copied word for word, or edited), and what each
adds of its own. One view for `/api/compare`, the compare page and `vanban compare`."""

import re
from dataclasses import dataclass

from indexer.compare.align import Shared, align
from indexer.errors import UnknownDocument
from indexer.query import checks
from indexer.query.results import DocSummary
from indexer.store import open_index

# A piece of a text outside every shared passage is listed as its own when it holds as many words as a
# shared passage must
# (`trong công tác` between two shared passages is no content): it still counts as not shared.
MIN_OWN_WORDS = 8
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Comparison:
    """Document a beside document b: the passages they share, in a's order, and the share of each
    text (in letters) inside them; everything else in a is a's own."""

    a: DocSummary
    b: DocSummary
    a_text: str
    b_text: str
    shared: tuple[Shared, ...]
    a_shared: float
    b_shared: float

    def own(self, side: str = "a") -> tuple[tuple[int, int], ...]:
        """What one side adds: the pieces of its text outside every shared passage, trimmed, each
        holding at least MIN_OWN_WORDS words."""
        text = self.a_text if side == "a" else self.b_text
        spans = sorted(getattr(s, side) for s in self.shared)
        edges = [0] + [x for span in spans for x in span] + [len(text)]
        pieces = []
        for start, end in zip(edges[::2], edges[1::2]):
            words = list(WORD.finditer(text, start, end))
            if len(words) >= MIN_OWN_WORDS:
                pieces.append((words[0].start(), words[-1].end()))
        return tuple(pieces)

    def as_dict(self) -> dict:
        """What `/api/compare` answers: spans are offsets in each text as `/api/documents` gives it."""
        return {"a": self.a.as_dict(), "b": self.b.as_dict(), "shared": [s.as_dict() for s in self.shared],
                "a_shared": self.a_shared, "b_shared": self.b_shared,
                "a_own": [list(span) for span in self.own("a")], "b_own": [list(span) for span in self.own("b")]}


def _stored(searcher, doc_id: str) -> dict:
    stored = searcher.by_id(doc_id)
    if stored is None:
        raise UnknownDocument(doc_id)
    return stored


def compare_documents(index, a_id: str, b_id: str) -> Comparison:
    """Compare two documents of the index by id; UnknownDocument names an id the index does not hold."""
    a_id, b_id = checks.document_id(a_id, "a"), checks.document_id(b_id, "b")
    ix = open_index(index)
    with ix.searcher() as searcher:
        a, b = _stored(searcher, a_id), _stored(searcher, b_id)
    found = align(a["text"], b["text"])
    return Comparison(DocSummary.from_stored(a), DocSummary.from_stored(b), a["text"], b["text"], found.shared,
                      found.a_shared, found.b_shared)
