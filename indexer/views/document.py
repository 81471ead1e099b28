"""One document with its citations both ways: what it cites, and which documents cite it."""

import json
from dataclasses import dataclass
from functools import cached_property

from indexer.engines import Term
from indexer.errors import UnknownDocument
from indexer.graph.model import Graph
from indexer.query.highlight import match_spans
from indexer.query.lexicon import Lexicon, lexicon_of, query_words
from indexer.query.parse import parse_query
from indexer.query.results import DocSummary
from indexer.store import open_index
from indexer.views.parts import CitedPart, PartLink, most_cited_parts, part_links, task_dict
from indexer.views.refs import load_graph
from indexer.views.validity import ValidityView, validity_view
from indexer.vocab.outline import Node, part_name
from indexer.vocab.passages import Snippet, passage, spans_json, unique_passages
from indexer.vocab.refs import ref_key, ref_keys
from indexer.vocab.structure import Structure, unpack
from indexer.vocab.validity import status_today

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
    kind: str | None = None        # the strongest relation to it, as the citation graph has it
    shared: float | None = None    # with a target in the corpus: the share of this text found in it
    status: str = "unknown"        # the cited text's validity today, as this corpus says it
    parts: tuple[str, ...] = ()    # the parts of it this document names: `Điều 5 khoản 2`
    part_links: tuple[PartLink, ...] = ()  # with a target in the corpus: where each part found stands

    @property
    def comparable(self) -> bool:
        """A text this one implements or is based on, in the corpus: the compare page shows what it reused."""
        return self.target is not None and self.kind in ("implements", "based_on")

    def as_dict(self) -> dict:
        return {"ref": self.ref, "doc_type": self.doc_type, "date": self.date, "year": self.year,
                "issuer": self.issuer, "subject": self.subject, "count": self.count,
                "passages": [p.as_dict() for p in self.passages], "target": self.target.id if self.target else None,
                "kind": self.kind, "shared": self.shared, "status": self.status, "parts": list(self.parts),
                "part_links": [link.as_dict() for link in self.part_links]}


@dataclass(frozen=True)
class CitingDoc:
    """A document that cites this one, with the sentences that do."""

    doc: DocSummary
    passages: tuple[Snippet, ...]
    status: str = "unknown"  # the citing document's validity today (a repealed one is marked, never hidden)

    def as_dict(self) -> dict:
        return {"document": self.doc.as_dict(), "passages": [p.as_dict() for p in self.passages],
                "status": self.status}


# A scanned page read with a mean word confidence under this is named on the document's page.
WEAK_PAGE_CONFIDENCE = 85
FIELD_WORDS = {"number": "số hiệu", "date": "ngày", "signed_on": "ngày ký số"}
SOURCE_WORDS = {"filename": "lấy từ tên tệp", "signature": "theo ô chữ ký số",
                "printed_year": "theo năm in trên văn bản"}


@dataclass(frozen=True)
class Reading:
    """How a document's header was read: where a value not read from its own printed line came from
    (`filename`, `signature`, `printed_year`), what was printed but unreadable, and how well a scan's
    pages were recognized."""

    sources: tuple[tuple[str, str], ...] = ()
    uncertain: tuple[str, ...] = ()
    partial_number: str | None = None   # the printed symbol when the digits are unreadable: `/QĐ-UBND`
    partial_date: str | None = None     # `2026-04` or `2026`
    signed_on: str | None = None        # the day the issuer's digital signature says it signed
    ocr_pages: tuple[tuple[int, int], ...] = ()  # (page number, mean word confidence) of each page OCR'd

    @classmethod
    def from_meta(cls, meta: dict) -> "Reading":
        """From a stored document's metadata (an index made before these were kept gives none)."""
        return cls(sources=tuple(tuple(p) for p in meta.get("sources") or ()),
                   uncertain=tuple(meta.get("uncertain") or ()), partial_number=meta.get("partial_number"),
                   partial_date=meta.get("partial_date"), signed_on=meta.get("signed_on"),
                   ocr_pages=tuple(tuple(p) for p in meta.get("ocr_pages") or ()))

    def source(self, field: str) -> str | None:
        return dict(self.sources).get(field)

    def source_phrase(self, field: str) -> str:
        """`số hiệu lấy từ tên tệp`: where a field's value came from, as the page says it; empty when printed."""
        source = self.source(field)
        return f"{FIELD_WORDS.get(field, field)} {SOURCE_WORDS.get(source, source)}" if source else ""

    def partial_date_phrase(self) -> str:
        """`tháng 4/2026 (ngày không đọc được)`: the part of a date that was printed, and why the rest is missing.

        >>> Reading(partial_date="2026-04", uncertain=("date",)).partial_date_phrase()
        'tháng 4/2026 (ngày không đọc được)'
        >>> Reading(partial_date="2024").partial_date_phrase()
        'năm 2024 (ngày, tháng để trống)'
        """
        if not self.partial_date:
            return ""
        year, _, month = self.partial_date.partition("-")
        shown, missing = (f"tháng {int(month)}/{year}", "ngày") if month else (f"năm {year}", "ngày, tháng")
        return f"{shown} ({missing} {'không đọc được' if 'date' in self.uncertain else 'để trống'})"

    @property
    def confidence(self) -> int | None:
        """The mean word confidence over the pages OCR'd, in percent."""
        return round(sum(c for _, c in self.ocr_pages) / len(self.ocr_pages)) if self.ocr_pages else None

    @property
    def weak_pages(self) -> tuple[tuple[int, int], ...]:
        return tuple(p for p in self.ocr_pages if p[1] < WEAK_PAGE_CONFIDENCE)

    def as_dict(self) -> dict:
        return {"sources": dict(self.sources), "uncertain": list(self.uncertain),
                "partial_number": self.partial_number, "partial_date": self.partial_date, "signed_on": self.signed_on,
                "ocr_confidence": self.confidence,
                "ocr_pages": [{"page": page, "confidence": c} for page, c in self.ocr_pages]}


@dataclass(frozen=True)
class DocumentView:
    doc: DocSummary
    text: str
    highlights: tuple[tuple[int, int], ...]  # where the query (if any) matches the text
    citations: tuple[CitedRef, ...]
    cited_by: tuple[CitingDoc, ...]
    previous_part: str | None = None  # a document too long for one page is indexed in parts (`id~2`)
    next_part: str | None = None
    reading: Reading = Reading()
    validity: ValidityView | None = None  # its status, effect, changes both ways, timeline
    stored_structure: tuple[str, str] = ("", "")  # its parts and structure as stored: read when a page asks
    cited_parts: tuple[CitedPart, ...] = ()  # the parts of it the corpus cites most

    def as_dict(self) -> dict:
        """The document as `/api/documents/<id>` answers it."""
        return {"document": self.doc.as_dict(), "text": self.text, "highlights": spans_json(self.highlights),
                "citations": [c.as_dict() for c in self.citations],
                "cited_by": [c.as_dict() for c in self.cited_by],
                "cited_parts": [p.as_dict() for p in self.cited_parts],
                "previous_part": self.previous_part, "next_part": self.next_part, "reading": self.reading.as_dict(),
                **(self.validity.as_dict() if self.validity else {})}

    @cached_property
    def structure(self) -> Structure:
        """Its outline and tasks (the API has them at `/outline` and `/tasks`: its record does not read them)."""
        return unpack(*self.stored_structure)

    @property
    def outline(self) -> tuple[Node, ...]:
        return self.structure.outline

    @property
    def tasks(self) -> tuple[dict, ...]:
        return self.structure.tasks

    @property
    def task_items(self) -> list[dict]:
        """The tasks as the API gives them (the page lists these)."""
        return [task_dict(t) for t in self.tasks]

    @cached_property
    def part_paths(self) -> dict[str, str]:
        """Each part's anchor -> its path as a page names it: `Chương II › Điều 12 › khoản 3`."""
        paths: dict[str, str] = {}

        def walk(nodes, above: str) -> None:
            for node in nodes:
                paths[node.anchor] = f"{above} › {part_name(node)}" if above else part_name(node)
                walk(node.children, paths[node.anchor])
        walk(self.outline, "")
        return paths


def _meta(stored) -> dict:
    return json.loads(stored["meta"])


def _cited_refs(searcher, graph: Graph, stored: dict, meta: dict, shares: dict,
                records: dict) -> tuple[CitedRef, ...]:
    """The documents this one cites, one entry per ref, each resolved through the graph; `shares`
    (source, target) -> the share of the source's text in the target, and back (made at build time)."""
    edges = {ref_key(graph.nodes[e.target].ref): e for e in graph.outgoing(stored["id"]) if graph.nodes[e.target].ref}
    groups: dict[str, list[dict]] = {}
    for c in meta["citations"]:
        groups.setdefault(ref_key(c["ref"]), []).append(c)
    refs = []
    for key, citations in groups.items():
        first = citations[0]  # extraction filled every citation of a ref from its fullest one
        passages = tuple(passage(stored["text"], c["start"], c["end"]) for c in citations[:MAX_PASSAGES])
        edge = edges.get(key)
        target = shared = None
        parts = tuple(dict.fromkeys(p for c in citations for p in c.get("parts") or ()))
        links = {}
        if edge and graph.nodes[edge.target].in_corpus:
            cited = searcher.by_id(edge.target, structure=False)
            target = DocSummary.from_stored(cited)
            shared = shares.get((stored["id"], edge.target), (None,))[0]
            links = part_links(searcher, edge.target, parts, {edge.target: cited.get("parts")})
        refs.append(CitedRef(ref=first["ref"], doc_type=first["doc_type"], date=first["date"], year=first["year"],
                             issuer=first["issuer"], subject=first["subject"], count=len(citations),
                             passages=passages, target=target, kind=edge.kind if edge else None, shared=shared,
                             parts=parts, part_links=tuple(links[p] for p in parts if p in links),
                             status=status_today(records.get(edge.target)).status if edge else "unknown"))
    return tuple(refs)


def _citing(searcher, graph: Graph, doc_id: str, number: str | None, records: dict) -> tuple[CitingDoc, ...]:
    """The corpus documents whose citations resolve to this one, with the sentences that cite it."""
    found = []
    for edge in graph.incoming(doc_id):
        if edge.stated_by or not graph.nodes[edge.source].in_corpus:
            continue
        stored = searcher.by_id(edge.source, structure=False)
        hits = [c for c in _meta(stored)["citations"] if number and ref_key(c["ref"]) == ref_key(number)]
        passages = unique_passages(passage(stored["text"], c["start"], c["end"]) for c in hits)
        found.append(CitingDoc(DocSummary.from_stored(stored), passages, status_today(records.get(edge.source)).status))
    return tuple(sorted(found, key=lambda c: c.doc.id))


def _highlights(lexicon: Lexicon, text: str, meta: dict, query: str) -> tuple[tuple[int, int], ...]:
    """Where a query matches the whole text: its words (each whole), phrases, and citations of its refs."""
    if not query.strip():
        return ()
    parsed = parse_query(query)
    cited = [(c["start"], c["end"]) for c in meta["citations"]
             if set(ref_keys(c["ref"], c.get("name"), c.get("year"))) & set(parsed.refs)]
    groups, _ = query_words(parsed, lexicon)
    return tuple(match_spans(text, parsed, cited, groups))


def get_document(index, doc_id: str, query: str = "", structure: bool = False) -> DocumentView:
    """A document by id, with its citations resolved both ways; UnknownDocument when there is no such id.
    `structure`: with its outline's headings and its tasks (what its page shows; its record has neither)."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        stored = searcher.by_id(doc_id, structure=structure)
        if stored is None:
            raise UnknownDocument(doc_id)
        graph = load_graph(ix)
        meta = _meta(stored)
        records = ix.derived("validity") or {}
        doc = DocSummary.from_stored(stored, meta)
        return DocumentView(doc=doc, text=stored["text"],
                            highlights=_highlights(lexicon_of(ix, searcher), stored["text"], meta, query),
                            citations=_cited_refs(searcher, graph, stored, meta, ix.derived("shares") or {}, records),
                            cited_by=_citing(searcher, graph, doc_id, meta["number"], records),
                            validity=validity_view(graph, records, doc_id, doc.date),
                            reading=Reading.from_meta(meta), **_neighbour_parts(searcher, doc_id),
                            stored_structure=(stored.get("parts", ""), stored.get("structure", "")) if structure
                            else ("", ""),
                            cited_parts=most_cited_parts(ix, searcher, stored))


def _neighbour_parts(searcher, doc_id: str) -> dict:
    """The ids of the parts before and after this one, when the document was cut into parts."""
    base, _, number = doc_id.rpartition("~")
    base, number = (base, int(number)) if base and number.isdigit() else (doc_id, 1)
    def part(n: int) -> str | None:
        candidate = base if n == 1 else f"{base}~{n}"
        return candidate if n >= 1 and searcher.count(Term("id", candidate)) else None
    return {"previous_part": part(number - 1), "next_part": part(number + 1)}
