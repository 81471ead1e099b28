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
from indexer.vocab.outline import Node, part_name
from indexer.vocab.passages import Snippet, passage, spans_json, unique_passages
from indexer.vocab.refs import ref_key, ref_keys
from indexer.vocab.structure import Structure, unpack

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
                "kind": self.kind, "shared": self.shared, "parts": list(self.parts),
                "part_links": [link.as_dict() for link in self.part_links]}


@dataclass(frozen=True)
class CitingDoc:
    """A document that cites this one, with the sentences that do."""

    doc: DocSummary
    passages: tuple[Snippet, ...]

    def as_dict(self) -> dict:
        return {"document": self.doc.as_dict(), "passages": [p.as_dict() for p in self.passages]}


@dataclass(frozen=True)
class DocumentView:
    doc: DocSummary
    text: str
    highlights: tuple[tuple[int, int], ...]  # where the query (if any) matches the text
    citations: tuple[CitedRef, ...]
    cited_by: tuple[CitingDoc, ...]
    previous_part: str | None = None  # a document too long for one page is indexed in parts (`id~2`)
    next_part: str | None = None
    stored_structure: tuple[str, str] = ("", "")  # its parts and structure as stored: read when a page asks
    cited_parts: tuple[CitedPart, ...] = ()  # the parts of it the corpus cites most

    def as_dict(self) -> dict:
        """The document as `/api/documents/<id>` answers it."""
        return {"document": self.doc.as_dict(), "text": self.text, "highlights": spans_json(self.highlights),
                "citations": [c.as_dict() for c in self.citations],
                "cited_by": [c.as_dict() for c in self.cited_by],
                "cited_parts": [p.as_dict() for p in self.cited_parts],
                "previous_part": self.previous_part, "next_part": self.next_part}

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


def _cited_refs(searcher, graph: Graph, stored: dict, meta: dict, shares: dict) -> tuple[CitedRef, ...]:
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
            target = DocSummary.from_stored(searcher.by_id(edge.target))
            shared = shares.get((stored["id"], edge.target), (None,))[0]
            links = part_links(searcher, edge.target, parts)
        refs.append(CitedRef(ref=first["ref"], doc_type=first["doc_type"], date=first["date"], year=first["year"],
                             issuer=first["issuer"], subject=first["subject"], count=len(citations),
                             passages=passages, target=target, kind=edge.kind if edge else None, shared=shared,
                             parts=parts, part_links=tuple(links[p] for p in parts if p in links)))
    return tuple(refs)


def _citing(searcher, graph: Graph, doc_id: str, number: str | None) -> tuple[CitingDoc, ...]:
    """The corpus documents whose citations resolve to this one, with the sentences that cite it."""
    found = []
    for edge in graph.incoming(doc_id):
        if edge.stated_by or not graph.nodes[edge.source].in_corpus:
            continue
        stored = searcher.by_id(edge.source)
        hits = [c for c in _meta(stored)["citations"] if number and ref_key(c["ref"]) == ref_key(number)]
        passages = unique_passages(passage(stored["text"], c["start"], c["end"]) for c in hits)
        found.append(CitingDoc(DocSummary.from_stored(stored), passages))
    return tuple(sorted(found, key=lambda c: c.doc.id))


def _highlights(lexicon: Lexicon, text: str, meta: dict, query: str) -> tuple[tuple[int, int], ...]:
    """Where a query matches the whole text: its words (each whole), phrases, and citations of its refs."""
    if not query.strip():
        return ()
    parsed = parse_query(query)
    cited = [(c["start"], c["end"]) for c in meta["citations"] if set(ref_keys(c["ref"])) & set(parsed.refs)]
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
        return DocumentView(doc=DocSummary.from_stored(stored, meta), text=stored["text"],
                            highlights=_highlights(lexicon_of(ix, searcher), stored["text"], meta, query),
                            citations=_cited_refs(searcher, graph, stored, meta, ix.derived("shares") or {}),
                            cited_by=_citing(searcher, graph, doc_id, meta["number"]),
                            **_neighbour_parts(searcher, doc_id),
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
