"""The records search() and the document views return: plain dataclasses, no whoosh inside."""

import json
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Snippet:
    """A piece of a document with the character spans (relative to `text`) to highlight."""

    text: str
    highlights: tuple[tuple[int, int], ...]
    start: int  # where `text` starts in the document

    def as_dict(self) -> dict:
        return {"text": self.text, "highlights": [list(s) for s in self.highlights], "start": self.start}


@dataclass(frozen=True)
class DocSummary:
    """A document's identity and metadata, as every list shows it."""

    id: str
    source: str
    part: int
    doc_type: str | None
    number: str | None
    issuer: str | None
    province: str | None
    date: str | None
    date_min: str | None
    year: int | None
    year_inferred: bool
    title: str | None
    signer: str | None
    deduced: tuple[str, ...]
    parent_issuer: str | None = None  # the body above the issuer (`Bộ Tài chính` above `Tổng cục Hải quan`)
    authority: str | None = None      # who signs for the issuer (`Bộ trưởng`)
    format: str = "txt"               # what the text was read from: txt, md, docx, doc, pdf, html, jsonl
    ocr: bool = False                 # the text was recognized from a scan

    @classmethod
    def from_stored(cls, stored) -> "DocSummary":
        """Build from an index's stored fields (`id`, `source`, `part`, `meta` JSON)."""
        meta = json.loads(stored["meta"])
        return cls(id=stored["id"], source=stored["source"], part=stored["part"],
                   **{f.name: _tuple(meta[f.name]) for f in fields(cls) if f.name in meta
                      and f.name not in {"id", "source", "part"}})

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(DocSummary)}


def _tuple(value):
    return tuple(value) if isinstance(value, list) else value
