"""Analyse a document once, for either engine: the three views of its text, exact values, graph input.

pyvi runs once per document; syllables and their folded forms come from the same pass. The result
is plain data (picklable), so worker processes can make it and the engine only writes it.
"""

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from analyzers.normalize import canonical_tones, fold
from analyzers.tokens import syllables, word_spans, words
from indexer.engines import IndexedDoc
from indexer.highlight import passage
from indexer.refs import ref_keys
from indexer.relations import strongest

if TYPE_CHECKING:  # a search loads derived values through this module: not the corpus readers
    from indexer.corpus import Document


def text_views(text: str, with_words: bool = True) -> dict[str, list[tuple[str, int]]]:
    """Syllables (lower case, canonical tones), the same folded, and pyvi's compound words."""
    toned = canonical_tones(text)  # length-preserving: offsets stay those of the text
    syls = syllables(toned)
    lowered = [s.text.lower() for s in syls]
    positions = [s.pos for s in syls]
    views = {"text": list(zip(lowered, positions)), "folded": list(zip(map(fold, lowered), positions))}
    if with_words:
        views["words"] = [(w.text.lower(), w.pos) for w in words(toned, word_spans(toned), syls)]
    return views


def _citation_keywords(meta) -> dict[str, list[str]]:
    # One key per citation, repeats kept: a document that cites a ref often ranks higher for it.
    cited = [k for c in meta.citations for k in ref_keys(c.ref)]
    kinds: dict[str, list[str]] = {}
    for c in meta.citations:
        for k in ref_keys(c.ref):
            kinds.setdefault(k, []).append(c.kind)
    return {"cites": cited, "cites_kind": [f"{k}>{strongest(v)}" for k, v in sorted(kinds.items())],
            "cited_refs": sorted({c.ref for c in meta.citations})}


UNSTORED_CITATION = ("text", "key", "short")
# What the citation graph reads of a document and of each of its citations.
GRAPH_META = ("number", "doc_type", "date", "date_min", "year", "issuer", "province", "title")
GRAPH_CITATION = ("ref", "doc_type", "date", "year", "issuer", "subject", "kind", "implements", "start")


def graph_record(doc_id: str, source: str, text: str, meta: dict) -> dict:
    """What the citation graph needs of a document: its metadata and its citations, each first
    citation of a ref with a given kind carrying its passage (an edge shows the first passage of
    its strongest kind), and each `... thực hiện <ref>` the passage that says so."""
    citations, shown = [], set()
    for c, following in zip(meta["citations"], meta["citations"][1:] + [None]):
        kept = {k: c.get(k) for k in GRAPH_CITATION}
        if (c["ref"], c["year"], c["kind"]) not in shown:
            shown.add((c["ref"], c["year"], c["kind"]))
            kept["passage"] = " ".join(passage(text, c["start"], c["end"]).text.split())
        if c.get("implements") and following:
            kept["stated_passage"] = " ".join(passage(text, c["start"], following["end"]).text.split())
        citations.append(kept)
    return {"id": doc_id, "source": source, "meta": {**{k: meta.get(k) for k in GRAPH_META}, "citations": citations}}


def analyse(doc: "Document", digest: str) -> tuple[IndexedDoc, dict]:
    """The document as both engines index it, and its graph record."""
    meta = doc.meta
    stored_meta = asdict(meta)
    # A citation's surface text and keys follow from the text and its ref: not stored again.
    stored_meta["citations"] = [{k: v for k, v in c.items() if k not in UNSTORED_CITATION}
                                for c in stored_meta["citations"]]
    stored_meta.update(format=doc.format, ocr=doc.ocr, path=doc.path)
    title = meta.title or ""
    views = text_views(doc.text)
    title_views = text_views(title, with_words=False)
    tokens = {**views, "title": title_views["text"], "title_folded": title_views["folded"]}
    keywords = {"id": [doc.id], "source": [doc.source], "source_digest": [f"{doc.source}\x1f{digest}"],
                "number_keys": ref_keys(meta.number) if meta.number else [],
                "doc_type": [meta.doc_type or ""], "issuer": [meta.issuer or ""],
                "province": [meta.province or ""], "year": [str(meta.year) if meta.year else ""],
                **_citation_keywords(meta)}
    meta_json = json.dumps(stored_meta, ensure_ascii=False)
    indexed = IndexedDoc(stored={"id": doc.id, "source": doc.source, "part": doc.part, "text": doc.text,
                                 "meta": meta_json},
                         tokens=tokens, keywords=keywords, sort_date=meta.date or meta.date_min or "")
    return indexed, graph_record(doc.id, doc.source, doc.text, json.loads(meta_json))
