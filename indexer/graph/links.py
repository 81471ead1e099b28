"""A document's links: what the citation graph reads of one document (its metadata and its citations,
each with the passage that shows it). The build makes them once per document, and keeps them so an
update rebuilds the graph without reading every stored text again."""

from indexer.vocab.passages import passage

# What the graph reads of a document, and of each of its citations.
LINK_META = ("number", "doc_type", "date", "date_min", "year", "issuer", "province", "title", "effect", "changes")
LINK_CITATION = ("ref", "doc_type", "date", "year", "issuer", "subject", "kind", "implements", "start", "name",
                 "parts")


def document_links(doc_id: str, source: str, text: str, meta: dict) -> dict:
    """A document's metadata and citations, each first citation of a ref with a given kind carrying
    its passage (an edge shows the first passage of its strongest kind), and each
    `... thực hiện <ref>` the passage that says so.

    >>> t = "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị."
    >>> c = {"ref": "35-NQ/TW", "year": None, "kind": "implements", "start": 10, "end": 31}
    >>> document_links("d", "s", t, {"citations": [c]})["meta"]["citations"][0]["passage"]
    'Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.'
    """
    citations, shown = [], set()
    for c, following in zip(meta["citations"], meta["citations"][1:] + [None]):
        kept = {k: c.get(k) for k in LINK_CITATION}
        if (c["ref"], c["year"], c["kind"]) not in shown:
            shown.add((c["ref"], c["year"], c["kind"]))
            kept["passage"] = " ".join(passage(text, c["start"], c["end"]).text.split())
        if c.get("implements") and following:
            kept["stated_passage"] = " ".join(passage(text, c["start"], following["end"]).text.split())
        citations.append(kept)
    return {"id": doc_id, "source": source, "meta": {**{k: meta.get(k) for k in LINK_META}, "citations": citations}}
