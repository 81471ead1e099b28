"""Analyse a document once, for either engine: the views of its text, exact values, its links.

pyvi runs once per document; syllables and their folded forms come from the same pass. The result
is plain data (picklable), so worker processes can make it and the engine only writes it.
"""

import json
from array import array
from dataclasses import asdict

from analyzers.normalize import fold
from analyzers.tokens import bigrams, compound_words, toned_syllables, word_spans
from indexer.compare.fingerprint import fingerprint
from indexer.engines import IndexedDoc, Tokens
from indexer.extract.corpus import Document
from indexer.extract.structure import document_structure
from indexer.graph.links import document_links
from indexer.vocab.outline import part_prefixes
from indexer.vocab.periods import document_period, month_of
from indexer.vocab.refs import ref_keys
from indexer.vocab.relations import strongest
from indexer.vocab.structure import Structure, pack


def text_views(text: str, with_words: bool = True) -> dict[str, Tokens]:
    """Syllables (lower case, canonical tones), the same folded, and (`with_words`) pyvi's compound
    words and each two neighbouring syllables as one term (plain and folded)."""
    return _views(text, with_words)[0]


def _views(text: str, with_words: bool = True) -> tuple[dict[str, Tokens], list[str]]:
    """text_views(), and the text's tokens as written (what its fingerprint reads)."""
    toned, syls, written = toned_syllables(text)  # toned: length-preserving, offsets stay those of the text
    # Each distinct term made once and shared: a long text repeats a few thousand terms.
    lower_of = {t: t.lower() for t in set(syls.texts)}
    lowered = list(map(lower_of.__getitem__, syls.texts))
    fold_of = {t: fold(t) for t in set(lowered)}
    folded = list(map(fold_of.__getitem__, lowered))
    positions = array("i", syls.positions)
    views = {"text": Tokens(lowered, positions), "folded": Tokens(folded, positions)}
    if with_words:
        found, firsts, _ = compound_words(word_spans(toned), syls)
        # Words and pairs are not held once each, as syllables are: they live while one document of a
        # batch is analysed and packed (interning them cost a tenth of its views).
        views["words"] = Tokens([w.lower() for w in found], [syls.positions[i] for i in firsts])
        for name, terms in (("bigrams", lowered), ("bigrams_folded", folded)):
            views[name] = Tokens(*bigrams(terms, positions))
    return views, written


def _citation_keywords(meta) -> dict[str, list[str]]:
    # One key per citation, repeats kept: a document that cites a ref often ranks higher for it.
    cited = [k for c in meta.citations for k in ref_keys(c.ref, c.name, c.year)]
    kinds: dict[str, list[str]] = {}
    for c in meta.citations:
        for k in ref_keys(c.ref, c.name, c.year):
            kinds.setdefault(k, []).append(c.kind)
    return {"cites": cited, "cites_kind": [f"{k}>{strongest(v)}" for k, v in sorted(kinds.items())],
            "cited_refs": sorted({c.ref for c in meta.citations}), "cites_part": _cited_parts(meta)}


def _cited_parts(meta) -> list[str]:
    """`<ref key>><part>` for each part a citation names and each part holding it: a filter on `Điều 5` finds
    the documents citing `Điều 5 khoản 2` of the ref too."""
    return sorted({f"{k}>{p}" for c in meta.citations if c.parts for k in ref_keys(c.ref, c.name, c.year)
                   for part in c.parts for p in part_prefixes(part)})


def task_rows(structure: Structure) -> list[tuple]:
    """What the index of tasks keeps of a document's tasks (builder/derive): each one's lead and the first
    and last day of its deadline, in the document's order."""
    return [(t["lead"], *((t["deadline"]["from"], t["deadline"]["to"]) if t["deadline"] else (None, None)))
            for t in structure.tasks]


UNSTORED_CITATION = ("text", "key", "short")


def analyse(doc: Document, digest: str) -> tuple[IndexedDoc, dict]:
    """The document as both engines index it, with its structure (outline, tasks), and its links (what the
    citation graph reads of it, the fingerprint related documents are found by, the rows of its tasks)."""
    meta = doc.meta
    structure = doc.structure if doc.structure is not None else document_structure(doc.text)
    stored_meta = asdict(meta)
    # A citation's surface text and keys follow from the text and its ref: not stored again; nor its parts
    # when it names none (most do not: every hit reads the meta).
    stored_meta["citations"] = [{k: v for k, v in c.items() if k not in UNSTORED_CITATION and (k != "parts" or v)}
                                for c in stored_meta["citations"]]
    stored_meta.update(format=doc.format, ocr=doc.ocr, path=doc.path, digest=doc.digest, body=structure.body)
    title = meta.title or ""
    views, written = _views(doc.text)
    title_views = text_views(title, with_words=False)
    tokens = {**views, "title": title_views["text"], "title_folded": title_views["folded"]}
    keywords = {"id": [doc.id], "source": [doc.source], "source_digest": [f"{doc.source}\x1f{digest}"],
                "number_keys": ref_keys(meta.number) if meta.number else [],
                "doc_type": [meta.doc_type or ""], "issuer": [meta.issuer or ""],
                "province": [meta.province or ""], "year": [str(meta.year) if meta.year else ""],
                "month": [month_of(meta.date)], **_citation_keywords(meta)}
    span = document_period(meta.date, meta.date_min, meta.year)
    meta_json = json.dumps(stored_meta, ensure_ascii=False)
    parts, page = pack(structure)
    indexed = IndexedDoc(stored={"id": doc.id, "source": doc.source, "part": doc.part, "text": doc.text,
                                 "meta": meta_json, "parts": parts, "structure": page},
                         tokens=tokens, keywords=keywords, sort_date=meta.date or meta.date_min or "",
                         numbers=dict(zip(("date_low", "date_high"), span)) if span else {})
    links = document_links(doc.id, doc.source, doc.text, json.loads(meta_json))
    return indexed, {**links, "fingerprint": fingerprint(doc.text, views["words"].terms, written),
                     "tasks": task_rows(structure)}
