"""A document's links: what the citation graph reads of one document (its metadata and its citations,
each with the passage that shows it). The build makes them once per document, and keeps them so an
update rebuilds the graph without reading every stored text again."""

from functools import partial
from typing import NamedTuple

from indexer.vocab.passages import passage

# What the graph reads of a document.
LINK_META = ("number", "doc_type", "date", "date_min", "year", "issuer", "province", "title", "effect", "changes")


class Citation(NamedTuple):
    """What the graph reads of one citation, and the passages that show it. A tuple, not a dict: 10,000
    gazette-length documents cite 934,000 times, 376 MB as dicts of their values and a third of that so.
    Where a citation stands in its text is not kept: its passages say what the graph shows of it."""

    ref: str
    doc_type: str | None = None
    date: str | None = None
    year: int | None = None
    issuer: str | None = None
    subject: str | None = None
    kind: str | None = None
    implements: str | None = None
    name: str | None = None
    parts: tuple[str, ...] | None = None  # the parts of it the citation names (`khoản 2 Điều 5 ...`)
    passage: str | None = None          # on the first citation of a ref with a given kind
    stated_passage: str | None = None   # on a `... thực hiện <ref>`: the passage that says so


LINK_CITATION = Citation._fields[:10]  # what a citation's metadata gives; the passages are made here


class Citations(tuple):
    """A document's citations, pickled as plain tuples: a namedtuple pickles and unpickles through a Python
    call each (the 934,000 citations of 10,000 gazette-length documents took 3.3 s to pickle)."""

    __slots__ = ()

    def __reduce__(self):
        return _citations, (tuple(map(tuple, self)),)


_new_citation = partial(tuple.__new__, Citation)


def _citations(rows: tuple) -> Citations:
    return Citations(map(_new_citation, rows))


def citation_of(values: dict) -> Citation:
    """A citation from its values by name (the links of an index built before citations were tuples).

    >>> citation_of({"ref": "35-NQ/TW", "kind": "implements", "end": 31}).kind
    'implements'
    """
    return Citation(**{k: values[k] for k in Citation._fields if k in values})


def document_links(doc_id: str, source: str, text: str, meta: dict) -> dict:
    """A document's metadata and citations, each first citation of a ref with a given kind carrying
    its passage (an edge shows the first passage of its strongest kind), and each
    `... thực hiện <ref>` the passage that says so.

    >>> t = "Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị."
    >>> c = {"ref": "35-NQ/TW", "year": None, "kind": "implements", "start": 10, "end": 31}
    >>> document_links("d", "s", t, {"citations": [c]})["meta"]["citations"][0].passage
    'Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.'
    """
    citations, shown = [], set()
    for c, following in zip(meta["citations"], meta["citations"][1:] + [None]):
        kept = {k: c.get(k) for k in LINK_CITATION}
        kept["parts"] = tuple(kept["parts"]) if kept["parts"] else None
        if (c["ref"], c["year"], c["kind"]) not in shown:
            shown.add((c["ref"], c["year"], c["kind"]))
            kept["passage"] = " ".join(passage(text, c["start"], c["end"]).text.split())
        if c.get("implements") and following:
            kept["stated_passage"] = " ".join(passage(text, c["start"], following["end"]).text.split())
        citations.append(Citation(**kept))
    return {"id": doc_id, "source": source, "meta": {**{k: meta.get(k) for k in LINK_META},
                                                     "citations": Citations(citations)}}
