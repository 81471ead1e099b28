"""The documents citing a ref, built once for every surface: the cites page and its downloads,
`/api/cites`, `vanban cites --json`."""

from collections import Counter
from dataclasses import dataclass

from indexer.graph.model import Node
from indexer.limits import MAX_PAGE_SIZE
from indexer.query import checks
from indexer.query.facets import Facet, facets_dict
from indexer.query.parse import parse_ref
from indexer.query.results import DocSummary, SearchResult
from indexer.searching import search, search_all
from indexer.store import open_index
from indexer.views.parts import PartLink, part_links
from indexer.views.refs import load_graph, ref_node
from indexer.vocab.passages import Snippet, spans_json
from indexer.vocab.refs import name_ref, ref_keys


@dataclass(frozen=True)
class CitingHit:
    """A document citing the ref: its summary, strongest relation, how often it cites, where."""

    document: DocSummary
    kind: str
    count: int                      # citations of the ref in the document
    passage: Snippet | None         # the passage showing `kind`
    passages: tuple[Snippet, ...]   # every passage citing the ref, one per sentence
    snippet: Snippet
    score: float
    cited_by_count: int = 0         # corpus documents citing this one
    status: str = "unknown"         # its validity today (a repealed one is marked, never hidden)
    versions: tuple[str, ...] = ()  # the refs it cites it by: a law's number(s), or its name alone
    part_path: tuple[str, ...] = ()  # the part of this document its snippet stands in (`part` in JSON)
    part_anchor: str | None = None
    cited_parts: tuple[str, ...] = ()  # the parts of the ref it names: `Điều 5 khoản 2`
    part_links: tuple[PartLink, ...] = ()  # where those stand in the ref's document, when it is in the corpus

    @property
    def version(self) -> str:
        """The version of a law it cites: its number (or its name and year) when it gives one, else the name."""
        known = [v for v in self.versions if self._known(v)]
        return ", ".join(known or self.versions)

    @property
    def version_known(self) -> bool:
        """Whether it says which version: a number, or a name with its year (not a law's name alone)."""
        return any(self._known(v) for v in self.versions)

    @staticmethod
    def _known(version: str) -> bool:
        named = name_ref(version)
        return not named or named[2] is not None

    def as_dict(self) -> dict:
        return {**self.document.as_dict(), "cited_by_count": self.cited_by_count, "status": self.status,
                "kind": self.kind,
                "count": self.count, "passage": self.passage.text if self.passage else None,
                "passages": [p.as_dict() for p in self.passages], "snippet": self.snippet.text,
                "versions": list(self.versions), "version": self.version, "version_known": self.version_known,
                "highlights": spans_json(self.snippet.highlights), "score": self.score,
                "part": list(self.part_path), "part_anchor": self.part_anchor, "part_number": self.document.part,
                "cited_parts": list(self.cited_parts), "part_links": [link.as_dict() for link in self.part_links]}


@dataclass(frozen=True)
class CitingList:
    """One page (or, for a download, all) of the documents citing `ref`, with facets over them."""

    ref: Node | None                # the graph's record of the cited document
    result: SearchResult            # the search it comes from: query, paging, warnings
    hits: tuple[CitingHit, ...]

    @property
    def total(self) -> int:
        return self.result.total

    @property
    def facets(self) -> list[Facet]:
        return self.result.facets

    def as_dict(self) -> dict:
        return {"ref": self.ref.as_dict() if self.ref else None, **self.result.header_dict(),
                "hits": [h.as_dict() for h in self.hits], "facets": facets_dict(self.facets)}


def _citation_counts(graph, key: str) -> Counter:
    """How often each corpus document cites the documents a ref key names."""
    counts = Counter()
    for node in graph.by_ref(key):
        for edge in graph.incoming(node.id):
            if not edge.stated_by:
                counts[edge.source] += edge.count
    return counts


def _without_scope(facets: list[Facet], key: str) -> list[Facet]:
    """The `cites` facet without the ref itself: every result cites it, so it is no choice."""
    return [Facet(f.name, tuple(v for v in f.results if key not in ref_keys(v.value)))
            if f.name == "cites" else f for f in facets]


def _all_pages(ix, ref: str, query: str, filters: dict | None, sort: str) -> SearchResult:
    """Every citing document (up to MAX_EXPORT_ROWS) in one result, with the first page's facets (a
    download is the whole list)."""
    first = search(ix, query, filters, 1, MAX_PAGE_SIZE, sort, scope={"cites": [ref]}, collapse=False)
    if first.total > len(first.hits):
        first.hits = search_all(ix, query, filters, sort, scope={"cites": [ref]}, snippets=True).hits
    first.page_size = max(len(first.hits), 1)
    return first


def citing_documents(index, ref: str, query: str = "", filters: dict | None = None, page: int = 1,
                     page_size: int = 20, sort: str = "relevance", all_pages: bool = False) -> CitingList:
    """The documents citing `ref` (any spelling), filtered and paged like search(); facets count them."""
    key = parse_ref(checks.ref(ref))
    ix = open_index(index)
    if all_pages:
        result = _all_pages(ix, ref, query, filters, sort)
    else:
        # Every document citing the ref is listed, near-duplicates too: a researcher counts them all.
        result = search(ix, query, filters, page, page_size, sort, scope={"cites": [ref]}, collapse=False)
    result.facets = _without_scope(result.facets, key)
    graph = load_graph(ix)
    counts = _citation_counts(graph, key)
    node = ref_node(ix, key)
    links = _part_links(ix, node, [p for h in result.hits for p in h.cited_parts])
    hits = tuple(CitingHit(h.summary, h.kind or "mentions", counts.get(h.id, len(h.passages)),
                           h.passage or (h.passages[0] if h.passages else None), h.passages, h.snippet, h.score,
                           h.cited_by_count, h.status, h.cited_versions, h.part_path, h.part_anchor, h.cited_parts,
                           tuple(links[p] for p in h.cited_parts if p in links))
                 for h in result.hits)
    return CitingList(ref=node, result=result, hits=hits)


def _part_links(ix, node: Node | None, parts: list[str]) -> dict[str, PartLink]:
    """Where the cited parts stand in the ref's document, when the corpus holds it."""
    if node is None or not node.in_corpus or not parts:
        return {}
    with ix.searcher() as searcher:
        return part_links(searcher, node.id, parts)
