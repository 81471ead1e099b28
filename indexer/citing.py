"""The documents citing a ref, built once for every surface: the cites page and its downloads,
`/api/cites`, `vanban cites --json`."""

from collections import Counter
from dataclasses import dataclass

from indexer.documents import ref_record
from indexer.graph import LEVELS, Edge, Node, load_graph
from indexer.query import parse_ref
from indexer.records import DocSummary, Snippet
from indexer.refs import ref_keys
from indexer.limits import MAX_PAGE_SIZE
from indexer.relations import KINDS
from indexer.facets import Facet, FacetValue
from indexer.searching import SearchError, SearchResult, open_index, search


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

    def as_dict(self) -> dict:
        return {**self.document.as_dict(), "kind": self.kind, "count": self.count,
                "passage": self.passage.text if self.passage else None,
                "passages": [p.as_dict() for p in self.passages], "snippet": self.snippet.text,
                "highlights": [list(s) for s in self.snippet.highlights], "score": self.score}


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
        r = self.result
        return {
            "ref": self.ref.as_dict() if self.ref else None, "query": r.query, "total": r.total,
            "page": r.page, "page_size": r.page_size, "sort": r.sort, "filters": r.filters,
            "relaxed": r.relaxed, "unmatched": r.unmatched, "warnings": r.warnings,
            "suggestion": r.suggestion,
            "hits": [h.as_dict() for h in self.hits],
            "facets": {f.name: [{"value": v.value, "count": v.count, "selected": v.selected} for v in f.results]
                       for f in self.facets},
        }


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
    """Every citing document in one result (a download is the whole list)."""
    first = search(ix, query, filters, 1, MAX_PAGE_SIZE, sort, scope={"cites": [ref]})
    hits, page = list(first.hits), 1
    while page * MAX_PAGE_SIZE < first.total:
        page += 1
        hits += search(ix, query, filters, page, MAX_PAGE_SIZE, sort, scope={"cites": [ref]}).hits
    first.hits, first.page_size = hits, max(len(hits), 1)
    return first


def citing_documents(index, ref: str, query: str = "", filters: dict | None = None, page: int = 1,
                     page_size: int = 20, sort: str = "relevance", all_pages: bool = False) -> CitingList:
    """The documents citing `ref` (any spelling), filtered and paged like search(); facets count them."""
    key = parse_ref(ref)
    if key is None:
        raise SearchError(f"not a document reference: {ref[:60]!r}")
    ix = open_index(index) if not hasattr(index, "searcher") else index
    if all_pages:
        result = _all_pages(ix, ref, query, filters, sort)
    else:
        result = search(ix, query, filters, page, page_size, sort, scope={"cites": [ref]})
    result.facets = _without_scope(result.facets, key)
    graph = load_graph(ix)
    counts = _citation_counts(graph, key)
    hits = tuple(CitingHit(DocSummary(**{f: getattr(h, f) for f in DocSummary.__dataclass_fields__}),
                           h.kind or "mentions", counts.get(h.id, len(h.passages)),
                           h.passage or (h.passages[0] if h.passages else None), h.passages, h.snippet, h.score)
                 for h in result.hits)
    return CitingList(ref=ref_record(ix, key), result=result, hits=hits)


@dataclass(frozen=True)
class RefRecord:
    """A document a ref names, with who cites it (kept to the relations asked), grouped by relation
    and level, and what it implements."""

    node: Node
    cited_by: tuple[tuple[Node, Edge], ...]          # one entry per citing document
    groups: tuple[tuple[str, str | None, tuple], ...]  # (kind, level, entries)
    implements: tuple[tuple[Node, Edge], ...]

    @property
    def in_corpus(self) -> int:
        """How many of the citing documents are in the corpus (the rest are stated by one that is)."""
        return sum(1 for source, _ in self.cited_by if source.in_corpus)

    def as_dict(self) -> dict:
        return {"node": self.node.as_dict(),
                "cited_by": [{**e.as_dict(), "source": s.as_dict()} for s, e in self.cited_by],
                "implements": [{**e.as_dict(), "target": t.as_dict()} for t, e in self.implements]}


def _record(graph, node: Node, kinds: list[str]) -> RefRecord:
    entries = tuple((graph.nodes[e.source], e) for e in graph.incoming(node.id) if not kinds or e.kind in kinds)
    groups = tuple((kind, level, members) for kind in KINDS for level in (*LEVELS, None)
                   if (members := tuple((s, e) for s, e in entries if e.kind == kind and s.level == level)))
    implements = tuple((graph.nodes[e.target], e) for e in graph.outgoing(node.id, "implements"))
    return RefRecord(node, entries, groups, implements)


def ref_records(index, ref: str, kinds: list[str] | None = None) -> tuple[list[RefRecord], Facet]:
    """Each document a ref names (central refs differ by year, local symbols by province), and the
    `kind` facet: how many distinct documents cite them with each relation, whatever `kinds` keeps."""
    key = parse_ref(ref)
    if key is None:
        raise SearchError(f"not a document reference: {ref[:60]!r}")
    ix = open_index(index) if not hasattr(index, "searcher") else index
    graph = load_graph(ix)
    nodes = graph.by_ref(key)
    sources = {kind: {e.source for n in nodes for e in graph.incoming(n.id, kind)} for kind in KINDS}
    chosen = set(kinds or ())
    facet = Facet("kind", tuple(FacetValue(k, len(sources[k]), k in chosen) for k in KINDS
                                if sources[k] or k in chosen))
    return [_record(graph, n, list(chosen)) for n in nodes], facet
