"""Huge documents indexed in parts: one 5 MB annex costs memory, search hits and a page no more than
a normal document does."""

from dataclasses import replace

from indexer.extract.corpus import Document

# A longer document is indexed in parts cut at paragraph breaks.
MAX_DOCUMENT_CHARS = 400_000
# Between a document's id and its part's number: `id`, `id~2`, `id~3`.
PART_MARK = "~"


def cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of at most about `limit` characters, cut at a paragraph break (else a line break).

    >>> cuts("aaaa\\n\\nbbbb\\n\\ncc", 8)
    [(0, 4), (4, 10), (10, 14)]
    """
    spans, start = [], 0
    while len(text) - start > limit:
        end = text.rfind("\n\n", start + limit // 2, start + limit)
        end = end if end > 0 else text.rfind("\n", start + limit // 2, start + limit)
        end = end if end > 0 else start + limit
        spans.append((start, end))
        start = end
    return spans + [(start, len(text))]


def document_parts(doc: Document, limit: int | None = None) -> list[Document]:
    """The document, or its parts when it is longer than `limit` (MAX_DOCUMENT_CHARS): `id`, `id~2`, ...
    each with its citations, the changes they state, and its structure cut to it (the outline of the whole
    text: a part's anchors are those the whole document has)."""
    limit = limit or MAX_DOCUMENT_CHARS
    if len(doc.text) <= limit:
        return [doc]
    spans = cuts(doc.text, limit)
    parts = []
    for n, (start, end) in enumerate(spans, start=1):
        citations = tuple(replace(c, start=c.start - start, end=c.end - start) for c in doc.meta.citations
                          if start <= c.start and c.end <= end)
        # each change goes with its citation's part; the effect clause is the whole document's, so each part's
        changes = tuple(replace(c, start=c.start - start, end=c.end - start) for c in doc.meta.changes
                        if start <= c.start and c.end <= end)
        title = f"{doc.meta.title or doc.id} (phần {n}/{len(spans)})"
        structure = doc.structure.sliced(start, end) if doc.structure else None
        parts.append(replace(doc, id=doc.id if n == 1 else f"{doc.id}{PART_MARK}{n}", text=doc.text[start:end],
                             meta=replace(doc.meta, citations=citations, changes=changes, title=title),
                             structure=structure))
    return parts
