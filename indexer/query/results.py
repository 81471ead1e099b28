"""What search() returns, and what every list shows of a document: plain dataclasses, engine-free,
each with the one `as_dict()` that the API, the downloads and the CLI's JSON write."""

import json
from dataclasses import dataclass, field, fields

from indexer.query.facets import Facet, facets_dict
from indexer.query.parse import ParsedQuery
from indexer.vocab.passages import Snippet, spans_json


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
    indexed: str | None = None        # when its file was first indexed or last changed (ISO 8601, UTC)
    title_printed: str | None = None  # the title as printed, when `title` is written otherwise (sentence case)
    issuer_printed: str | None = None  # the issuer as an export gave it, when `issuer` is its canonical name

    @classmethod
    def from_stored(cls, stored, meta: dict | None = None) -> "DocSummary":
        """Build from an index's stored fields (`id`, `source`, `part`, `indexed`, `meta` JSON, or
        `meta` already read from it)."""
        meta = json.loads(stored["meta"]) if meta is None else meta
        own = {"id", "source", "part", "indexed"}
        return cls(id=stored["id"], source=stored["source"], part=stored["part"], indexed=stored.get("indexed") or None,
                   **{f.name: _tuple(meta[f.name]) for f in fields(cls) if f.name in meta and f.name not in own})

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(DocSummary)}


def _tuple(value):
    return tuple(value) if isinstance(value, list) else value


NO_SNIPPET = Snippet("", (), 0)


@dataclass(frozen=True)
class Hit(DocSummary):
    """A document in a result: its metadata, score, snippet, and (for citation searches) passages."""

    score: float = 0.0
    snippet: Snippet = NO_SNIPPET
    passages: tuple[Snippet, ...] = ()
    kind: str | None = None        # with a `cites` filter: the strongest relation to that document
    passage: Snippet | None = None  # and the passage that shows it
    cited_by_count: int = 0         # corpus documents citing this one
    in_range_by: str | None = None  # with a date range: "date" (its day is in it), or "year" (only its year is known)
    near_duplicates: tuple[DocSummary, ...] = ()  # folded under this hit: nearly the same text, ranked lower
    status: str = "unknown"         # its validity today in this corpus (indexer.vocab.validity)
    cited_versions: tuple[str, ...] = ()  # with a `cites` filter: the refs it cites them by (a law's numbers, its name)
    other_parts: tuple[DocSummary, ...] = ()  # a document indexed in parts: its other parts that matched, lower
    # The path of the part of its outline its snippet stands in: ("Chương II", "Điều 12", "khoản 3"), `part` in
    # its JSON; the hit's number in its file (DocSummary.part, its id's `#n`) is `part_number` there, as a
    # document's record names it `part`. (Not the `~n` of a long document's parts: those are `other_parts`.)
    part_path: tuple[str, ...] = ()
    part_anchor: str | None = None  # that part's anchor on the document's page (`dieu-12-khoan-3`)
    cited_parts: tuple[str, ...] = ()  # with a `cites` filter: the parts of the cited document it names

    @property
    def summary(self) -> DocSummary:
        return DocSummary(**{f.name: getattr(self, f.name) for f in fields(DocSummary)})

    def as_dict(self) -> dict:
        """One hit as JSON: metadata, score, snippet text and its highlighted spans, passages."""
        out = DocSummary.as_dict(self)
        out.update(score=self.score, snippet=self.snippet.text, highlights=spans_json(self.snippet.highlights),
                   cited_by_count=self.cited_by_count, near_duplicates=[d.id for d in self.near_duplicates],
                   status=self.status, part=list(self.part_path), part_anchor=self.part_anchor,
                   part_number=self.part)
        if self.other_parts:
            out["other_parts"] = [d.id for d in self.other_parts]
        if self.passages:
            out["passages"] = [p.as_dict() for p in self.passages]
        if self.kind:
            out["cited_parts"] = list(self.cited_parts)
            out["kind"] = self.kind
            out["passage"] = self.passage.text if self.passage else None
            out["cited_versions"] = list(self.cited_versions)
        if self.in_range_by:
            out["in_range_by"] = self.in_range_by
        return out


@dataclass
class SearchResult:
    query: str
    parsed: ParsedQuery
    filters: dict
    sort: str
    page: int
    page_size: int
    total: int
    hits: list[Hit]
    facets: list[Facet]
    warnings: list[str] = field(default_factory=list)
    suggestion: str | None = None
    relaxed: bool = False                                  # no document holds every word: any word
    unmatched: list[str] = field(default_factory=list)     # then, the words found in no document at all
    collapse: bool = True                                  # near-duplicates folded under a hit above them
    folded: int = 0                                        # how many were (not counted in `total`)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def header_dict(self) -> dict:
        """What a result says of itself, beside its hits (the citing list shares it)."""
        return {"query": self.query, "total": self.total, "page": self.page, "page_size": self.page_size,
                "sort": self.sort, "filters": self.filters, "warnings": self.warnings,
                "suggestion": self.suggestion, "relaxed": self.relaxed, "unmatched": self.unmatched}

    def as_dict(self) -> dict:
        """The JSON shape the CLI (`--json`) and the API share (a citing list never folds: no `folded`)."""
        return {**self.header_dict(), "collapse": self.collapse, "folded": self.folded,
                "hits": [h.as_dict() for h in self.hits], "facets": facets_dict(self.facets)}


def relaxed_notice(result: SearchResult) -> str | None:
    """What every surface says when no document holds every word and the results hold some of them."""
    if not result.relaxed:
        return None
    if result.parsed.question:
        return "Câu hỏi được tìm theo từng từ: văn bản chứa nhiều từ của câu hỏi hơn được xếp trước."
    missing = f"; không văn bản nào có: {', '.join(result.unmatched)}" if result.unmatched else ""
    return (f"Không có văn bản nào chứa đủ mọi từ của “{result.query}”{missing}. "
            "Đang hiện các văn bản chứa một phần các từ.")
