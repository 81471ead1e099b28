"""One document with its citations both ways: what it cites, and which documents cite it."""

import json
from dataclasses import dataclass

from indexer.build import ref_keys
from indexer.highlight import match_spans, passage
from indexer.identity import same_document
from indexer.query import parse_query
from indexer.records import DocSummary, Snippet
from indexer.refs import ref_key

MAX_PASSAGES = 5  # per cited document on a document page


@dataclass(frozen=True)
class CitedRef:
    """A document this one cites: the fullest description it gives, how often, where, and the
    corpus document it resolves to (None when the cited text is not in the corpus)."""

    ref: str
    doc_type: str
    date: str | None
    year: int | None
    issuer: str | None
    subject: str | None
    count: int
    passages: tuple[Snippet, ...]
    target: DocSummary | None


@dataclass(frozen=True)
class CitingDoc:
    """A document that cites this one, with the sentences that do."""

    doc: DocSummary
    passages: tuple[Snippet, ...]


@dataclass(frozen=True)
class DocumentView:
    doc: DocSummary
    text: str
    highlights: tuple[tuple[int, int], ...]  # where the query (if any) matches the text
    citations: tuple[CitedRef, ...]
    cited_by: tuple[CitingDoc, ...]


def _stored(searcher, doc_id: str):
    return searcher.document(id=doc_id)


def _meta(stored) -> dict:
    return json.loads(stored["meta"])


def _resolve(searcher, ref: str, year: int | None, province: str | None, exclude: str) -> DocSummary | None:
    """The corpus document a citation means, under the identity rules (None if not in the corpus)."""
    for stored in searcher.documents(number_keys=ref_key(ref)):
        if stored["id"] != exclude and same_document(ref, year, province, _meta(stored)):
            return DocSummary.from_stored(stored)
    return None


def _cited_refs(searcher, stored, meta: dict) -> tuple[CitedRef, ...]:
    groups: dict[str, list[dict]] = {}
    for c in meta["citations"]:
        groups.setdefault(ref_key(c["ref"]), []).append(c)
    refs = []
    for citations in groups.values():
        first = max(citations, key=lambda c: sum(c[k] is not None for k in ("date", "issuer", "subject")))
        passages = tuple(passage(stored["text"], c["start"], c["end"]) for c in citations[:MAX_PASSAGES])
        target = _resolve(searcher, first["ref"], first["year"], meta["province"], stored["id"])
        refs.append(CitedRef(ref=first["ref"], doc_type=first["doc_type"], date=first["date"], year=first["year"],
                             issuer=first["issuer"], subject=first["subject"], count=len(citations),
                             passages=passages, target=target))
    return tuple(refs)


def citing_documents(searcher, target: dict, target_id: str) -> tuple[CitingDoc, ...]:
    """Every corpus document whose citations resolve to the target document."""
    if not target.get("number"):
        return ()
    found = []
    for stored in searcher.documents(cites=ref_key(target["number"])):
        if stored["id"] == target_id:
            continue
        meta = _meta(stored)
        hits = [c for c in meta["citations"] if ref_key(c["ref"]) == ref_key(target["number"])
                and same_document(c["ref"], c["year"], meta["province"], target)]
        if hits:
            passages = tuple(passage(stored["text"], c["start"], c["end"]) for c in hits)
            found.append(CitingDoc(DocSummary.from_stored(stored), _dedupe(passages)))
    return tuple(sorted(found, key=lambda c: c.doc.id))


def _dedupe(passages: tuple[Snippet, ...]) -> tuple[Snippet, ...]:
    return tuple({p.start: p for p in passages}.values())


def _highlights(text: str, meta: dict, query: str) -> tuple[tuple[int, int], ...]:
    """Where a query matches the whole text: its words, phrases, and citations of its refs."""
    if not query.strip():
        return ()
    parsed = parse_query(query)
    cited = [(c["start"], c["end"]) for c in meta["citations"] if set(ref_keys(c["ref"])) & set(parsed.refs)]
    return tuple(match_spans(text, parsed, cited))


def get_document(ix, doc_id: str, query: str = "") -> DocumentView | None:
    """A document by id, with its citations resolved both ways; None when there is no such id."""
    with ix.searcher() as searcher:
        stored = _stored(searcher, doc_id)
        if stored is None:
            return None
        meta = _meta(stored)
        highlights = _highlights(stored["text"], meta, query)
        return DocumentView(doc=DocSummary.from_stored(stored), text=stored["text"], highlights=highlights,
                            citations=_cited_refs(searcher, stored, meta),
                            cited_by=citing_documents(searcher, meta, doc_id))


@dataclass(frozen=True)
class RefRecord:
    """What the corpus says of a cited document: its fullest citation, and who cites it."""

    ref: str
    doc_type: str | None
    date: str | None
    year: int | None
    issuer: str | None
    subject: str | None
    citing: int                 # corpus documents citing it
    in_corpus: DocSummary | None


def ref_record(ix, key: str) -> RefRecord | None:
    """The record of a ref key (`35-nq-tw`, or `nq:35` for the most cited Nghị quyết 35)."""
    with ix.searcher() as searcher:
        citations, citing = [], set()
        for stored in searcher.documents(cites=key):
            for c in _meta(stored)["citations"]:
                if key in ref_keys(c["ref"]):
                    citations.append((c, _meta(stored)["province"]))
                    citing.add(stored["id"])
        if not citations:
            return None
        keys = [ref_key(c["ref"]) for c, _ in citations]
        main = max(set(keys), key=keys.count)
        mine = [(c, p) for c, p in citations if ref_key(c["ref"]) == main]
        best, province = max(mine, key=lambda cp: sum(cp[0][k] is not None for k in ("date", "issuer", "subject")))
        target = _resolve(searcher, best["ref"], best["year"], province, exclude="")
        return RefRecord(ref=best["ref"], doc_type=best["doc_type"], date=best["date"], year=best["year"],
                         issuer=best["issuer"], subject=best["subject"], citing=len(citing), in_corpus=target)
