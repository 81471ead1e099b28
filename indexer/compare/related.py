"""Related documents and near-duplicates across the whole corpus, made at build time from each
document's fingerprint (indexer.compare.fingerprint) and the citation graph, so a page only reads them.

Three signals find candidates, each a sparse product over the corpus, a block of rows at a time:
shared 8-word runs (the samples), cited documents (weighted by rarity), topic words (tf-idf). A run,
a cited document or a topic word found in more than COMMON documents is boilerplate for finding pairs
(the national motto, a resolution every plan cites), though it still counts in a pair's scores. Each
document's candidates are then scored exactly; the reasons say why, in terms a person can check.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from indexer.graph.model import Graph
from indexer.vocab.relations import KINDS

MAX_RELATED = 20       # related documents kept per document (the most a page or the API asks for)
COMMON = 100           # documents past which a run, a cited document or a topic word finds no pairs
CANDIDATES = 20        # candidates per document from each signal
BLOCK = 256            # rows multiplied at once: memory stays BLOCK x documents
PAIR_BLOCK = 20_000    # pairs of rows multiplied at once: memory stays PAIR_BLOCK rows of each
WEIGHTS = {"text": 0.35, "cites": 0.3, "topic": 0.25, "link": 0.1}
MIN_SCORE = 0.05       # a related document scores at least this
MIN_TEXT = 0.05        # shares below this are no reason
MIN_TOPIC = 0.1        # nor a topic similarity below this
SHOWN = 3              # cited documents or topic words a reason names
IMPLEMENTED_TOGETHER = 2  # a cited document both implement weighs this many times more
TOPIC_MIN_IDF = math.log(1 + 2)  # a topic word in more than half the documents says nothing (`đối với`)
MIN_SAMPLES = 16       # sampled runs (about 128 words) a text needs for its shares to mean anything
# Near-duplicates: one holds at least NEAR_SHARE of the other's 8-word runs, the other at least
# NEAR_OTHER (two copies of a plan, a consolidated text and the text it reprints; not a text quoted in
# a longer one). Runs are stricter than aligned text (one changed word breaks eight runs): on
# gazette_dev a consolidated text and the circular it reprints share 83% and 89% of their runs, and
# 82% and 97% of their text aligned.
NEAR_SHARE, NEAR_OTHER = 0.85, 0.75


@dataclass(frozen=True)
class Relations:
    """What the build files: `related` id -> ((other id, score, reasons), ...) best first, each reason a
    tuple (`("cites", kind, refs)`, `("text", this share, other share)`, `("topic", words)`,
    `("link", kind, "in" | "out")`); `near_duplicates` id -> ids; `shares` (source, target) of each
    citation between corpus documents -> (share of the source's text in the target, and back)."""

    related: dict
    near_duplicates: dict
    shares: dict


class _Corpus:
    """The documents' signals, by row: run samples, cited documents, topic weights."""

    def __init__(self, links: dict, graph: Graph):
        self.ids = sorted(links)
        self.row = {doc_id: i for i, doc_id in enumerate(self.ids)}
        prints = [links[i].get("fingerprint") for i in self.ids]
        empty = np.empty(0, np.uint32)
        self.runs = [p.run_hashes if p else empty for p in prints]
        self.sampled = [p.sampled if p else empty for p in prints]  # the runs every fingerprint keeps
        self.complete = [bool(p and p.complete) for p in prints]
        self.cited = [{e.target: e.kind for e in graph.outgoing(i)} for i in self.ids]
        self.cite_weight = _idf(self.cited, len(self.ids))
        self.cite_norm = [sum(self.cite_weight[t] for t in row) for row in self.cited]
        counts = [dict(p.topics) if p else {} for p in prints]
        idf = _idf(counts, len(self.ids))
        counts = [{w: c for w, c in doc.items() if idf[w] >= TOPIC_MIN_IDF} for doc in counts]
        self.topics = [_unit({w: (1 + math.log(c)) * idf[w] for w, c in doc.items()}) for doc in counts]
        self.links = {(e.source, e.target): e.kind for e in graph.edges
                      if e.source in self.row and e.target in self.row and e.source != e.target}
        self.graph = graph


def _idf(rows: list[dict], n: int) -> dict:
    frequency: dict = {}
    for row in rows:
        for key in row:
            frequency[key] = frequency.get(key, 0) + 1
    return {key: math.log(1 + n / df) for key, df in frequency.items()}


def _unit(weights: dict) -> dict:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}


def _matrix(rows: list) -> sparse.csr_matrix:
    """Rows as a sparse matrix: each an array of run hashes (each worth 1) or a dict key -> weight.
    Only keys found in 2 to COMMON rows are kept: one in a single row pairs nothing, one in more
    than COMMON is boilerplate."""
    keys = [r if isinstance(r, np.ndarray) else np.array(list(r), dtype=str) for r in rows]
    lengths = [len(k) for k in keys]
    if not any(lengths):
        return sparse.csr_matrix((len(rows), 0))
    columns, inverse = np.unique(np.concatenate([k for k in keys if len(k)]), return_inverse=True)
    values = np.concatenate([np.ones(len(r)) if isinstance(r, np.ndarray) else np.fromiter(r.values(), float, len(r))
                             for r in rows])
    frequency = np.bincount(inverse, minlength=len(columns))
    values[(frequency[inverse] < 2) | (frequency[inverse] > COMMON)] = 0
    matrix = sparse.csr_matrix((values, inverse, np.concatenate([[0], np.cumsum(lengths)])),
                               shape=(len(rows), len(columns)))
    matrix.eliminate_zeros()
    return matrix


def _rows(left: sparse.csr_matrix, right: sparse.csr_matrix) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(row, other rows, values) of left x right transposed, a block of rows at a time, self left out."""
    right_t = right.T.tocsc()
    for start in range(0, left.shape[0], BLOCK):
        block = (left[start:start + BLOCK] @ right_t).tocsr()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            others, values = block.indices[lo:hi], block.data[lo:hi]
            keep = others != start + r
            yield start + r, others[keep], values[keep]


def _best(others: np.ndarray, values: np.ndarray, k: int = CANDIDATES) -> list[int]:
    if len(others) > k:
        top = np.argpartition(-values, k)[:k]
        others = others[top]
    return [int(o) for o in others]


def _candidates(corpus: _Corpus) -> tuple[list[set], list[set]]:
    """Per row: candidates for relatedness (all signals), and for near-duplicates (runs mostly shared)."""
    n = len(corpus.ids)
    related, near = [set() for _ in range(n)], [set() for _ in range(n)]
    runs = _matrix(corpus.sampled)
    sizes = np.diff(runs.indptr)
    for i, others, shared in _rows(runs, runs):
        related[i].update(_best(others, shared))
        near[i].update(int(o) for o in others[shared >= NEAR_OTHER * sizes[i]])
    cites = _matrix([{t: corpus.cite_weight[t] for t in row} for row in corpus.cited])
    for i, others, weight in _rows(cites, cites):
        related[i].update(_best(others, weight))
    topics = _matrix(corpus.topics)
    for i, others, weight in _rows(topics, topics):
        related[i].update(_best(others, weight))
    for source, target in corpus.links:
        related[corpus.row[source]].add(corpus.row[target])
        related[corpus.row[target]].add(corpus.row[source])
    return related, near


def _shares(corpus: _Corpus, i: int, j: int) -> tuple[float, float]:
    """The share of i's runs found in j, and of j's in i: exact for two short texts (every run kept),
    else estimated from the runs every fingerprint samples."""
    both_complete = corpus.complete[i] and corpus.complete[j]
    a, b = (corpus.runs[i], corpus.runs[j]) if both_complete else (corpus.sampled[i], corpus.sampled[j])
    if len(a) < MIN_SAMPLES or len(b) < MIN_SAMPLES:
        return 0.0, 0.0
    both = shared_count(a, b)
    return round(both / len(a), 4), round(both / len(b), 4)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values share (np.intersect1d's size, without sorting
    both again: the longer is searched for the shorter's values; it was half of relate's time).

    >>> shared_count(np.array([1, 3, 5, 9], np.uint32), np.array([3, 4, 9], np.uint32))
    2
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not len(short):
        return 0
    at = np.minimum(np.searchsorted(long, short), len(long) - 1)
    return int(np.count_nonzero(long[at] == short))


def _link(corpus: _Corpus, i: int, j: int) -> tuple | None:
    a, b = corpus.ids[i], corpus.ids[j]
    if (a, b) in corpus.links:
        return ("link", corpus.links[(a, b)], "out")
    if (b, a) in corpus.links:
        return ("link", corpus.links[(b, a)], "in")
    return None


def _reasons(corpus: _Corpus, i: int, j: int, text: tuple[float, float], topic: float) -> tuple:
    """Why j is related to i, in i's terms (made only for the documents kept)."""
    link = _link(corpus, i, j)
    reasons = ([link] if link else []) + _cite_reasons(corpus, i, j)
    if max(text) >= MIN_TEXT:
        reasons.append(("text", *text))
    if topic >= MIN_TOPIC:
        mine, theirs = corpus.topics[i], corpus.topics[j]
        words = sorted(mine.keys() & theirs.keys(), key=lambda w: (-mine[w] * theirs[w], w))[:SHOWN]
        reasons.append(("topic", tuple(w.replace("_", " ") for w in words)))
    return tuple(reasons)


def _cite_reasons(corpus: _Corpus, i: int, j: int) -> list:
    """("cites", kind, refs): the documents both cite, rarest first, by the relation both have to them."""
    mine, theirs = corpus.cited[i], corpus.cited[j]
    by_kind: dict[str, list[str]] = {}
    for t in sorted(mine.keys() & theirs.keys(), key=lambda t: (-corpus.cite_weight[t], t)):
        node = corpus.graph.nodes[t]
        by_kind.setdefault(mine[t] if mine[t] == theirs[t] else "mentions", []).append(node.ref or node.label)
    return [("cites", kind, tuple(by_kind[kind][:SHOWN])) for kind in KINDS if kind in by_kind]


def _is_near(shares: tuple[float, float]) -> bool:
    return max(shares) >= NEAR_SHARE and min(shares) >= NEAR_OTHER


def _best_related(corpus: _Corpus, i: int, scored: list) -> tuple:
    """The MAX_RELATED best candidates that have a reason, each (id, score, reasons)."""
    kept = []
    for score, other, j, text, topic in sorted(scored, key=lambda r: (-r[0], r[1])):
        reasons = _reasons(corpus, i, j, text, topic)
        if reasons:
            kept.append((other, score, reasons))
        if len(kept) == MAX_RELATED:
            break
    return tuple(kept)


def relate(links: dict, graph: Graph) -> Relations:
    """Every document's related documents and near-duplicates, and the text shares along citations."""
    corpus = _Corpus(links, graph)
    candidates, near_candidates = _candidates(corpus)
    # Each pair (i < j) scored once; what two documents both cite and their topic similarity for all pairs
    # at a time, by sparse products a block of pairs at a time (a third of relate's time, pair by pair).
    pairs = sorted({(min(i, j), max(i, j)) for i in range(len(corpus.ids)) for j in candidates[i] | near_candidates[i]})
    scored = dict(zip(pairs, _pair_scores(corpus, pairs)))
    related, near = {}, {}
    for i, doc_id in enumerate(corpus.ids):
        kept = []
        for j in candidates[i] | near_candidates[i]:
            text, score, topic = scored[(min(i, j), max(i, j))]
            text = text if i < j else text[::-1]
            if j in candidates[i] and score >= MIN_SCORE:
                kept.append((score, corpus.ids[j], j, text, topic))
            if _is_near(text):
                near.setdefault(doc_id, []).append(corpus.ids[j])
        related[doc_id] = _best_related(corpus, i, kept)
    near = {doc_id: tuple(sorted(twins)) for doc_id, twins in near.items()}
    shares = {(s, t): _shares(corpus, corpus.row[s], corpus.row[t]) for s, t in corpus.links}
    return Relations(related, near, shares)


def _pair_scores(corpus: _Corpus, pairs: list[tuple[int, int]]) -> list[tuple]:
    """(text shares, score, topic similarity) of each pair (i, j). The score weighs (WEIGHTS) the larger
    text share, how much the two cite the same documents (each weighted by its rarity, IMPLEMENTED_TOGETHER
    times when both implement it, over the geometric mean of their weights; at most 1), the cosine of
    their topic words (tf-idf), and whether one cites the other."""
    shares = [_shares(corpus, i, j) for i, j in pairs]
    left, right = _pair_rows(pairs)
    cites = _cited_matrix(corpus)
    both = _pair_products(cites["all"], left, right) + _pair_products(cites["implements"], left, right) * (
        IMPLEMENTED_TOGETHER - 1)
    norms = np.array(corpus.cite_norm)
    with np.errstate(divide="ignore", invalid="ignore"):
        cited = np.where(both > 0, np.minimum(1.0, both / np.sqrt(norms[left] * norms[right])), 0.0)
    topic = _pair_products(_matrix_of(corpus.topics), left, right)
    out = []
    for (i, j), text, c, t in zip(pairs, shares, cited.tolist(), topic.tolist()):
        linked = (corpus.ids[i], corpus.ids[j]) in corpus.links or (corpus.ids[j], corpus.ids[i]) in corpus.links
        score = WEIGHTS["text"] * max(text) + WEIGHTS["cites"] * c + WEIGHTS["topic"] * t + WEIGHTS["link"] * linked
        out.append((text, round(score, 4), t))
    return out


def _pair_rows(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    rows = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return rows[:, 0], rows[:, 1]


def _matrix_of(rows: list[dict]) -> sparse.csr_matrix:
    """Rows (each a dict key -> weight) as a sparse matrix, every key kept."""
    keys = [np.array(list(r), dtype=str) for r in rows]
    lengths = [len(k) for k in keys]
    if not any(lengths):
        return sparse.csr_matrix((len(rows), 1))
    columns, inverse = np.unique(np.concatenate([k for k in keys if len(k)]), return_inverse=True)
    values = np.concatenate([np.fromiter(r.values(), float, len(r)) for r in rows])
    return sparse.csr_matrix((values, inverse, np.concatenate([[0], np.cumsum(lengths)])),
                             shape=(len(rows), len(columns)))


def _cited_matrix(corpus: _Corpus) -> dict[str, sparse.csr_matrix]:
    """The documents each cites, weighted by the square root of their rarity (a product of two rows sums
    the weights of what both cite), and the same for what each implements."""
    root = {t: math.sqrt(w) for t, w in corpus.cite_weight.items()}
    return {"all": _matrix_of([{t: root[t] for t in row} for row in corpus.cited]),
            "implements": _matrix_of([{t: root[t] for t, kind in row.items() if kind == "implements"}
                                      for row in corpus.cited])}


def _pair_products(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The product of row left[k] and row right[k] for each k, PAIR_BLOCK pairs at a time."""
    out = np.zeros(len(left))
    for start in range(0, len(left), PAIR_BLOCK):
        block = slice(start, start + PAIR_BLOCK)
        out[block] = np.asarray(matrix[left[block]].multiply(matrix[right[block]]).sum(axis=1)).ravel()
    return out
