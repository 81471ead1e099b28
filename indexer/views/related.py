"""A document's related documents, as the build ranked them (indexer.compare.related), each with the
reasons a person can check: what they both cite, how much text they share, which topic words, and a
citation between them. One view for `/api/documents/<id>/related`, the document page and the CLI."""

from dataclasses import dataclass

from indexer.errors import UnknownDocument
from indexer.query import checks
from indexer.query.results import DocSummary
from indexer.store import open_index

# The relation of the related document to this one: (it cites this one, this one cites it).
LINK_PHRASES = {"implements": ("thực hiện văn bản này", "được văn bản này thực hiện"),
                "based_on": ("căn cứ vào văn bản này", "là căn cứ của văn bản này"),
                "guided_by": ("theo hướng dẫn của văn bản này", "hướng dẫn văn bản này"),
                "mentions": ("nhắc đến văn bản này", "được văn bản này nhắc đến")}
TOGETHER_PHRASES = {"implements": "cùng thực hiện", "based_on": "cùng căn cứ", "guided_by": "cùng theo hướng dẫn",
                    "mentions": "cùng trích dẫn"}
CLOSE_SHARES = 0.1  # two shares this close are said as one


def _percent(share: float) -> str:
    return f"{max(1, round(share * 100))}%"


def reason_text(reason: tuple) -> str:
    """One reason as a person reads it.

    >>> reason_text(("cites", "implements", ("35-NQ/TW", "14-KH/TW")))
    'cùng thực hiện 35-NQ/TW, 14-KH/TW'
    >>> reason_text(("text", 0.4, 0.42)), reason_text(("text", 0.12, 0.45))
    ('trùng khoảng 40% nội dung', 'trùng khoảng 12% nội dung văn bản này, 45% văn bản kia')
    >>> reason_text(("topic", ("bảo vệ", "nền tảng"))), reason_text(("link", "implements", "in"))
    ('cùng chủ đề: bảo vệ, nền tảng', 'thực hiện văn bản này')
    """
    what = reason[0]
    if what == "cites":
        return f"{TOGETHER_PHRASES[reason[1]]} {', '.join(reason[2])}"
    if what == "text":
        mine, theirs = reason[1], reason[2]
        if abs(mine - theirs) <= CLOSE_SHARES:
            return f"trùng khoảng {_percent(mine)} nội dung"
        return f"trùng khoảng {_percent(mine)} nội dung văn bản này, {_percent(theirs)} văn bản kia"
    if what == "topic":
        return f"cùng chủ đề: {', '.join(reason[1])}"
    return LINK_PHRASES[reason[1]][0 if reason[2] == "in" else 1]


@dataclass(frozen=True)
class RelatedDocument:
    doc: DocSummary
    score: float
    reasons: tuple[str, ...]
    shared: float | None = None  # the share of this document's text found in the related one

    def as_dict(self) -> dict:
        return {"id": self.doc.id, "score": self.score, "reasons": list(self.reasons), "document": self.doc.as_dict()}


@dataclass(frozen=True)
class RelatedList:
    id: str
    related: tuple[RelatedDocument, ...]

    def as_dict(self) -> dict:
        """What `/api/documents/<id>/related` answers."""
        return {"id": self.id, "related": [r.as_dict() for r in self.related]}


def related_documents(index, doc_id: str, limit: int = 10) -> RelatedList:
    """The documents most related to one, best first; UnknownDocument when the index has no such id."""
    doc_id, limit = checks.document_id(doc_id), checks.related_limit(limit)
    ix = open_index(index)
    ranked = (ix.derived("related") or {}).get(doc_id, ())
    found = []
    with ix.searcher() as searcher:
        if searcher.by_id(doc_id, structure=False, text=False) is None:
            raise UnknownDocument(doc_id)
        for other, score, reasons in ranked:
            stored = searcher.by_id(other, structure=False, text=False)  # a summary: its text unread
            if stored is not None and len(found) < limit:
                text = next((r[1] for r in reasons if r[0] == "text"), None)
                found.append(RelatedDocument(DocSummary.from_stored(stored), score,
                                             tuple(reason_text(r) for r in reasons), text))
    return RelatedList(doc_id, tuple(found))
