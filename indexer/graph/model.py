"""The citation graph of the whole corpus: a node for every document and every cited document,
an edge for every citing relation, with its kind and the passage that shows it."""

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import lru_cache

import numpy as np

from indexer.vocab import identity, refs
from indexer.vocab.identity import same_document
from indexer.vocab.refs import short_key_of
from indexer.vocab.relations import KINDS

# Building the graph asks the same refs again and again (1,000 gazette-length documents: 330,000 calls of
# each for 52,000 citations, two thirds of build_graph's time): both are pure, so each ref is read once.
ref_key = lru_cache(maxsize=1 << 16)(refs.ref_key)
is_central_ref = lru_cache(maxsize=1 << 16)(identity.is_central_ref)

LEVELS = ("central", "province", "district")
CENTRAL_ISSUERS = ("Bộ Chính trị", "Ban Bí thư", "Trung ương", "Chính phủ", "Thủ tướng", "Quốc hội")


def _reduce(obj) -> tuple:
    """A node or edge as it is pickled: made again from its values (loading 590,000 edges so takes a third of
    the time setting their slots one by one takes)."""
    return type(obj), tuple(getattr(obj, name) for name in obj.__slots__)


def _set_state(obj, state: dict) -> None:
    """A node or edge restored from the __dict__ a graph pickled before nodes and edges had slots holds."""
    for f in fields(obj):
        object.__setattr__(obj, f.name, state.get(f.name))


# Nodes and edges have slots: 10,000 gazette-length documents make 590,000 edges, 220 MB with a __dict__ each.
@dataclass(slots=True)
class Node:
    """A document: in the corpus (id = its document id) or only cited (id = `ref:<ref>@<year|province>`)."""

    id: str
    ref: str | None
    doc_type: str | None
    date: str | None
    year: int | None
    issuer: str | None
    province: str | None
    subject: str | None
    level: str | None
    in_corpus: bool
    cited_by: set = field(default_factory=set)  # ids of corpus documents citing it

    @property
    def label(self) -> str:
        if self.ref:
            return self.ref if self.doc_type and self.ref.startswith(self.doc_type) else \
                " ".join(x for x in (self.doc_type, self.ref) if x)
        return f"{self.doc_type or 'Văn bản'} (không số)"

    def as_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "ref": self.ref, "doc_type": self.doc_type, "date": self.date,
                "year": self.year, "issuer": self.issuer, "province": self.province, "subject": self.subject,
                "level": self.level, "in_corpus": self.in_corpus, "cited_by_count": len(self.cited_by)}

    __reduce__, __setstate__ = _reduce, _set_state


@dataclass(slots=True)
class Edge:
    """`source` cites `target`: the strongest kind, how often, and the passage that shows that kind.
    A `stated_by` edge is one a third document states (`Kế hoạch 14-KH/TW ... thực hiện Nghị quyết 35`)."""

    source: str
    target: str
    kind: str
    count: int
    passage: str
    stated_by: str | None = None

    def as_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "kind": self.kind, "count": self.count,
                "passage": self.passage, "stated_by": self.stated_by}

    __reduce__, __setstate__ = _reduce, _set_state


@dataclass
class Graph:
    nodes: dict[str, Node]
    edges: list[Edge]
    _in: dict = field(default_factory=dict, repr=False)
    _out: dict = field(default_factory=dict, repr=False)
    _by_key: dict = field(default_factory=dict, repr=False)  # ref key and short key -> nodes

    def __post_init__(self):
        for edge in self.edges:
            self._in.setdefault(edge.target, []).append(edge)
            self._out.setdefault(edge.source, []).append(edge)
        for node in self.nodes.values():
            if node.ref:
                for key in {ref_key(node.ref), short_key_of(node.ref)} - {None}:
                    self._by_key.setdefault(key, []).append(node)

    def __reduce__(self):
        """Pickled as its nodes' and edges' values (plain tuples: pickled in C), its lookups made again when
        it is read: 590,000 edges pickled one object at a time took 2.1 s to write and 1.7 s to read."""
        return _graph, ([tuple(getattr(n, name) for name in Node.__slots__) for n in self.nodes.values()],
                        [(e.source, e.target, e.kind, e.count, e.passage, e.stated_by) for e in self.edges])

    def by_ref(self, key: str) -> list[Node]:
        """Nodes a ref key names (`35-nq-tw`; `nq:35` names every Nghị quyết 35), most cited first."""
        return sorted(self._by_key.get(key, []), key=lambda n: (-len(n.cited_by), n.id))

    def incoming(self, node_id: str, kind: str | None = None) -> list[Edge]:
        return [e for e in self._in.get(node_id, []) if kind is None or e.kind == kind]

    def outgoing(self, node_id: str, kind: str | None = None) -> list[Edge]:
        return [e for e in self._out.get(node_id, []) if kind is None or e.kind == kind]

    def most_cited(self, limit: int = 50) -> list[Node]:
        cited = [n for n in self.nodes.values() if n.cited_by]
        return sorted(cited, key=lambda n: (-len(n.cited_by), n.label))[:limit]

    def cascade(self, node_id: str, direction: str = "down", depth: int = 4) -> dict:
        """The implementing chain from a node: down (what implements it) or up (what it implements)."""
        def walk(current: str, seen: frozenset, level: int) -> list[dict]:
            if level >= depth:
                return []
            follow = self.incoming if direction == "down" else self.outgoing
            edges = follow(current, "implements")
            branches = []
            for edge in sorted(edges, key=lambda e: (e.stated_by is not None, e.source, e.target)):
                other = edge.source if direction == "down" else edge.target
                if other in seen:
                    continue
                branches.append({"node": self.nodes[other], "edge": edge,
                                 "children": walk(other, seen | {other}, level + 1)})
            return branches

        return {"node": self.nodes[node_id], "children": walk(node_id, frozenset({node_id}), 0)}


def _graph(nodes: list[tuple], edges: list[tuple]) -> Graph:
    """A graph from its nodes' and edges' values (Graph.__reduce__)."""
    return Graph({row[0]: Node(*row) for row in nodes}, list(itertools.starmap(Edge, edges)))


def level_of(ref: str | None, issuer: str | None, province: str | None = None) -> str | None:
    """central, province or district: from the issuer's name, else from the symbol's issuer code."""
    name = (issuer or "").lower()
    if any(w in name for w in ("huyện", "quận", "thị xã", "xã ")):
        return "district"
    if "tỉnh" in name or "thành phố" in name:
        return "province"
    if issuer and any(c.lower() in name for c in CENTRAL_ISSUERS):
        return "central"
    if ref:
        if is_central_ref(ref):
            return "central"
        codes = ref_key(ref).split("-")[1:]
        if any(c in ("hu", "qu") for c in codes):
            return "district"
        return "province"
    return "province" if province else None


class _Groups:
    """The identity of a cited document, whatever the spelling of its ref (`35-NQ/TW`, `35/NQ-TW`): its ref
    key, with the year for central refs and the citing province for local ones; each asked once per
    (ref, year, province) (934,000 citations of 10,000 documents name 60,000 of them)."""

    def __init__(self, documents: list[dict]):
        self.years_by_key = defaultdict(set)
        for doc in documents:
            for c in doc["meta"]["citations"]:
                if c.year and is_central_ref(c.ref):
                    self.years_by_key[ref_key(c.ref)].add(c.year)
        self._known: dict = {}

    def __call__(self, c, province: str | None) -> tuple[str, str]:
        asked = (c.ref, c.year, province)
        group = self._known.get(asked)
        if group is None:
            group = self._known[asked] = self._group(c.ref, c.year, province)
        return group

    def _group(self, ref: str, year: int | None, province: str | None) -> tuple[str, str]:
        key = ref_key(ref)
        if is_central_ref(ref):
            if year is None and len(self.years_by_key[key]) == 1:
                year = next(iter(self.years_by_key[key]))  # one year known for this ref in the corpus: that one
            return key, str(year or "?")
        return key, province or "?"


# A title that opens with `về` (`Về việc triển khai ...`): a subject is shown after `về` already.
TITLE_ABOUT = re.compile(r"^\s*[Vv]ề\s+")


def subject_of_title(title: str | None) -> str | None:
    """A corpus document's title as the subject its record shows after `về`.

    >>> subject_of_title("Về việc triển khai Nghị quyết 35"), subject_of_title("Kế hoạch phòng, chống tham nhũng")
    ('việc triển khai Nghị quyết 35', 'Kế hoạch phòng, chống tham nhũng')
    """
    return TITLE_ABOUT.sub("", title) if title else title


def build_graph(documents: list[dict]) -> Graph:
    """The graph of documents' links (`indexer.graph.links.document_links`: `id`, `meta`, and each
    citation's `passage`)."""
    nodes: dict[str, Node] = {}
    for doc in documents:
        m = doc["meta"]
        nodes[doc["id"]] = Node(doc["id"], m["number"], m["doc_type"], m["date"], m["year"], m["issuer"],
                                m["province"], subject_of_title(m["title"]),
                                level_of(m["number"], m["issuer"], m["province"]), True)
    numbered = defaultdict(list)  # corpus documents by the key of their own number
    for doc in documents:
        if doc["meta"]["number"]:
            numbered[ref_key(doc["meta"]["number"])].append(doc)
    # Each group of citations numbered in the order it is met: `grouped` gives each document's citations'.
    group_of, numbers, grouped, cites_of, citing_of = _Groups(documents), {}, [], [], []
    for doc in documents:
        province, numbered_here = doc["meta"]["province"], []
        for c in doc["meta"]["citations"]:
            group = group_of(c, province)
            number = numbers.get(group)
            if number is None:
                number = numbers[group] = len(cites_of)
                cites_of.append([])
                citing_of.append([])
            cites_of[number].append(c)
            citing_of[number].append(doc)
            numbered_here.append(number)
        grouped.append(numbered_here)
    targets = [_target(group, cites_of[n], citing_of[n], numbered, nodes) for group, n in numbers.items()]
    return Graph(nodes, _edges(documents, grouped, targets, nodes))


def _target(group: tuple[str, str], cites: list, citing: list, numbered: dict, nodes: dict) -> str:
    """The node a group of citations means: a corpus document numbered so, else a node of its own (added to
    `nodes`), named and described by its fullest citation (the first, of several as full)."""
    at = _fullest(cites)
    best, best_doc = cites[at], citing[at]
    corpus = [d for d in numbered[ref_key(best.ref)] if d["id"] != best_doc["id"]
              and same_document(best.ref, best.year, best_doc["meta"]["province"], d["meta"])]
    if corpus:
        return corpus[0]["id"]
    province = None if is_central_ref(best.ref) else best_doc["meta"]["province"]
    node_id = f"ref:{best.ref}@{group[1]}"  # named by its fullest citation's spelling
    nodes[node_id] = Node(node_id, best.ref, best.doc_type, best.date, best.year, best.issuer, province,
                          best.subject, level_of(best.ref, best.issuer, province), False)
    return node_id


def _fullest(cites: list) -> int:
    """Where the first of the citations that say the most of their document is: its date, issuer and subject
    given, then the longest issuer. Citations alike in these are weighed once (they repeat: a group of
    citations of one law prints a few forms of it)."""
    best_at, best, seen = 0, (-1, -1), set()
    for at, c in enumerate(cites):
        said = (c.date, c.issuer, c.subject)
        if said not in seen:
            seen.add(said)
            fullness = (sum(v is not None for v in said), len(c.issuer or ""))
            if fullness > best:
                best_at, best = at, fullness
    return best_at


KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def _edges(documents, grouped: list, targets: list, nodes: dict) -> list[Edge]:
    """An edge for each document and what it cites: the strongest kind its citations give, and the passage
    of the first of that kind (its groups in the order they were met, each in the text's order); then the
    edges the documents state (_stated_edges). Sorted by source and target. Every citation at once, in
    arrays: 934,000 citations of 10,000 documents, one at a time, took 3 s."""
    cites = list(itertools.chain.from_iterable(doc["meta"]["citations"] for doc in documents))
    named = sorted(set(targets))
    place = {node_id: n for n, node_id in enumerate(named)}  # a target's place in the order of node ids
    group = np.fromiter(itertools.chain.from_iterable(grouped), np.int64, len(cites))
    doc_of = np.repeat(np.arange(len(documents)), [len(numbers) for numbers in grouped])
    target = np.array([place[t] for t in targets], dtype=np.int64)[group] if len(cites) else group
    own = np.array([place.get(doc["id"], -1) for doc in documents], dtype=np.int64)
    at = np.flatnonzero(target != own[doc_of]) if len(cites) else group
    at = at[np.lexsort((at, group[at], target[at], doc_of[at]))]  # by source, target, group met, text
    starts = np.flatnonzero(np.diff(doc_of[at], prepend=-1) | np.diff(target[at], prepend=-1))
    counts = np.diff(np.append(starts, len(at)))
    kind = np.array([KIND_RANK[c.kind] for c in cites], dtype=np.int8)[at]
    strongest = np.repeat(np.minimum.reduceat(kind, starts), counts) if len(at) else kind
    firsts = np.flatnonzero(kind == strongest)
    shown = at[firsts[np.searchsorted(firsts, starts)]]  # the first citation of the strongest kind
    edges = []
    for source, to, count, c in zip(doc_of[at[starts]].tolist(), target[at[starts]].tolist(), counts.tolist(),
                                    map(cites.__getitem__, shown.tolist())):
        edges.append(Edge(documents[source]["id"], named[to], c.kind, count, c.passage))
        nodes[named[to]].cited_by.add(edges[-1].source)
    if any(a["id"] > b["id"] for a, b in itertools.pairwise(documents)):
        edges.sort(key=lambda e: (e.source, e.target))
    return edges + _stated_edges(documents, grouped, targets, {(e.source, e.target) for e in edges})


def _stated_edges(documents, grouped: list, targets: list, existing: set) -> list[Edge]:
    """Edges a citing document states between two others: `Kế hoạch 14-KH/TW ... thực hiện Nghị quyết 35`."""
    stated = {}
    for doc, groups in zip(documents, grouped):
        citations = doc["meta"]["citations"]
        for at, (c, following) in enumerate(itertools.pairwise(citations)):
            if c.implements and ref_key(following.ref) == ref_key(c.implements):
                source, target = targets[groups[at]], targets[groups[at + 1]]
                if source != target and (source, target) not in existing and (source, target) not in stated:
                    stated[(source, target)] = Edge(source, target, "implements", 1, c.stated_passage, doc["id"])
    return list(stated.values())


__all__ = ["LEVELS", "Edge", "Graph", "Node", "build_graph", "level_of"]
