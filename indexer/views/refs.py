"""A cited document as its page shows it: who cites it, grouped by relation and by level (central,
province, district), and what it implements; and the citation graph these pages read."""

from dataclasses import dataclass

from indexer.errors import UnknownDocument
from indexer.graph.model import LEVELS, Edge, Graph, Node
from indexer.query import checks
from indexer.query.facets import Facet, FacetValue
from indexer.query.parse import parse_ref
from indexer.store import open_index
from indexer.views.validity import ValidityView, validity_view
from indexer.vocab.relations import KINDS


def load_graph(index) -> Graph:
    """The citation graph of an index, as its build made it (empty when that build was cut short
    before writing it: the next build does)."""
    return open_index(index).derived("graph") or Graph({}, [])


def ref_node(index, key: str) -> Node | None:
    """The graph's node of a ref key (`35-nq-tw`; `nq:35` for the most cited Nghị quyết 35)."""
    nodes = load_graph(index).by_ref(key)
    return nodes[0] if nodes else None


@dataclass(frozen=True)
class RefView:
    """A document a ref names, with who cites it (kept to the relations asked), grouped by relation
    and level, and what it implements."""

    node: Node
    cited_by: tuple[tuple[Node, Edge], ...]          # one entry per citing document
    groups: tuple[tuple[str, str | None, tuple], ...]  # (kind, level, entries)
    implements: tuple[tuple[Node, Edge], ...]
    validity: ValidityView | None = None             # what this corpus says of its validity, both ways

    @property
    def in_corpus(self) -> int:
        """How many of the citing documents are in the corpus (the rest are stated by one that is)."""
        return sum(1 for source, _ in self.cited_by if source.in_corpus)

    def as_dict(self) -> dict:
        return {"node": self.node.as_dict(),
                "cited_by": [{**e.as_dict(), "source": s.as_dict()} for s, e in self.cited_by],
                "implements": [{**e.as_dict(), "target": t.as_dict()} for t, e in self.implements],
                **(self.validity.as_dict() if self.validity else {})}


def _view(graph: Graph, node: Node, kinds: list[str], records: dict) -> RefView:
    entries = tuple((graph.nodes[e.source], e) for e in graph.incoming(node.id) if not kinds or e.kind in kinds)
    groups = tuple((kind, level, members) for kind in KINDS for level in (*LEVELS, None)
                   if (members := tuple((s, e) for s, e in entries if e.kind == kind and s.level == level)))
    implements = tuple((graph.nodes[e.target], e) for e in graph.outgoing(node.id, "implements"))
    return RefView(node, entries, groups, implements, validity_view(graph, records, node.id, node.date))


def ref_views(index, ref: str, kinds: list[str] | None = None) -> tuple[list[RefView], Facet]:
    """Each document a ref names (central refs differ by year, local symbols by province), and the
    `kind` facet: how many distinct documents cite them with each relation, whatever `kinds` keeps;
    UnknownDocument when the corpus cites no document of that ref."""
    key = parse_ref(checks.ref(ref))
    ix = open_index(index)
    graph, records = load_graph(ix), ix.derived("validity") or {}
    nodes = graph.by_ref(key)
    if not nodes:
        raise UnknownDocument(ref, f"Không có văn bản nào trong kho trích dẫn {ref}.")
    sources = {kind: {e.source for n in nodes for e in graph.incoming(n.id, kind)} for kind in KINDS}
    chosen = set(kinds or ())
    facet = Facet("kind", tuple(FacetValue(k, len(sources[k]), k in chosen) for k in KINDS
                                if sources[k] or k in chosen))
    return [_view(graph, n, list(chosen), records) for n in nodes], facet


def implementation_chains(index, node_id: str) -> tuple[Node, dict, dict]:
    """A node of the citation graph, what implements it (down) and what it implements (up), as
    Graph.cascade has them; UnknownDocument when the graph has no such node."""
    graph = load_graph(index)
    if node_id not in graph.nodes:
        raise UnknownDocument(node_id, f"Không có văn bản “{node_id}” trong đồ thị trích dẫn.")
    return graph.nodes[node_id], graph.cascade(node_id, "down"), graph.cascade(node_id, "up")
