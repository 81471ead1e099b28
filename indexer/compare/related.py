"""Related documents and near-duplicates across the whole corpus, made at build time from each
document's fingerprint (indexer.compare.fingerprint) and the citation graph, so a page only reads them.

Three signals find candidates, each a sparse product over the corpus, a block of rows at a time:
shared 8-word runs (the samples, indexer.compare.runs), cited documents (weighted by rarity), topic
words (tf-idf). A run, a cited document or a topic word found in more than COMMON documents is
boilerplate for finding pairs (the national motto, a resolution every plan cites), though it still counts
in a pair's scores. Each document's candidates are then scored exactly, every pair at once; the reasons
say why, in terms a person can check.
"""

import math
from dataclasses import dataclass
from itertools import islice

import numpy as np
from scipy import sparse

from indexer.compare.runs import COMMON, RunMatrices, common_counts, products, run_matrices, shared_count
from indexer.graph.model import Graph
from indexer.vocab.relations import KINDS

MAX_RELATED = 20       # related documents kept per document (the most a page or the API asks for)
CANDIDATES = 20        # candidates per document from each signal (the best, the first rows among equals)
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
RELATED, NEAR = 1, 2   # why a pair is scored: one is a candidate of the other's (a flag each way)


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
        self.runs = [p.run_hashes if p else EMPTY for p in prints]
        self.sampled = _sampled(prints)
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
        self._rarest: dict[int, dict] = {}
        self.cite_reasons: dict[tuple[int, int], list] = {}

    def rarest_first(self, i: int) -> dict:
        """What row i cites, the rarest first (then by id): all of it under None, and by how i cites it."""
        ranked = self._rarest.get(i)
        if ranked is None:
            ranked = self._rarest[i] = {None: sorted(self.cited[i], key=lambda t: (-self.cite_weight[t], t))}
            for t in ranked[None]:
                ranked.setdefault(self.cited[i][t], []).append(t)
        return ranked


EMPTY = np.empty(0, np.uint32)


def _sampled(prints: list) -> list[np.ndarray]:
    """The runs every fingerprint keeps (what two documents are compared by), by row."""
    return [p.sampled if p else EMPTY for p in prints]


def run_matrices_of(links: dict) -> RunMatrices:
    """The run matrices of the documents' fingerprints, a row each, in the order of their ids (relate's):
    made apart so the build makes them beside the graph (numpy lets go of the GIL while it sorts)."""
    return run_matrices(_sampled([links[i].get("fingerprint") for i in sorted(links)]))


def _idf(rows: list[dict], n: int) -> dict:
    frequency: dict = {}
    for row in rows:
        for key in row:
            frequency[key] = frequency.get(key, 0) + 1
    return {key: math.log(1 + n / df) for key, df in frequency.items()}


def _unit(weights: dict) -> dict:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}


class _Keyed:
    """Rows of keys (a dict each), every key numbered once: sparse matrices of any weights over them."""

    def __init__(self, rows: list[dict]):
        number: dict = {}
        self.indices = np.fromiter((number.setdefault(k, len(number)) for row in rows for k in row), np.int32)
        self.indptr = np.concatenate([[0], np.cumsum([len(row) for row in rows], dtype=np.int64)])
        self.frequency = np.bincount(self.indices, minlength=len(number))
        self.shape = (len(rows), len(number))

    def matrix(self, values, few: bool = False) -> sparse.csr_matrix:
        """The rows with `values` (one per key of each row, in order); `few`: only the keys 2 to COMMON rows
        hold (one in a single row pairs nothing, one in more than COMMON is boilerplate)."""
        values = np.fromiter(values, float, len(self.indices))
        if few:
            held = self.frequency[self.indices]
            values[(held < 2) | (held > COMMON)] = 0
        matrix = sparse.csr_matrix((values, self.indices.copy(), self.indptr.copy()), shape=self.shape)
        matrix.eliminate_zeros()  # in place: on copies, so the next matrix of these rows has every key
        return matrix


def _best(others: np.ndarray, values: np.ndarray, k: int = CANDIDATES) -> list[int]:
    """The k other rows of the highest values; among equal values, the first rows.

    >>> _best(np.array([9, 4, 6, 8, 1]), np.array([2.0, 5.0, 2.0, 5.0, 2.0]), 3)
    [4, 8, 1]
    """
    if len(others) <= k:
        return others.tolist()
    kth = -np.partition(-values, k - 1)[k - 1]
    above = others[values > kth]
    return above.tolist() + np.sort(others[values == kth])[:k - len(above)].tolist()


@dataclass
class _Candidates:
    """Every directed pair (row, other) scored: why (RELATED, NEAR flags), and the runs the two share that
    few documents hold (what the product of their runs gave)."""

    rows: np.ndarray
    others: np.ndarray
    flags: np.ndarray
    few_runs: np.ndarray


def _candidates(corpus: "_Corpus", runs) -> _Candidates:
    """Per row: candidates for relatedness (all signals), and for near-duplicates (runs mostly shared)."""
    n = len(corpus.ids)
    related = [set() for _ in range(n)]
    cites = _Keyed(corpus.cited)
    for i, others, weight in products(*[cites.matrix((corpus.cite_weight[t] for row in corpus.cited for t in row),
                                                     few=True)] * 2):
        related[i].update(_best(others, weight))
    topics = _Keyed(corpus.topics)
    for i, others, weight in products(*[topics.matrix((w for row in corpus.topics for w in row.values()),
                                                      few=True)] * 2):
        related[i].update(_best(others, weight))
    for source, target in corpus.links:
        related[corpus.row[source]].add(corpus.row[target])
        related[corpus.row[target]].add(corpus.row[source])
    # The runs last: a row's candidates are then all known when its products are at hand.
    sizes = np.diff(runs.few.indptr)
    found, row = [], np.zeros(n)  # row: one row's values, by other row (zero again after each)
    for i, others, shared in products(runs.few, runs.few):
        related[i].update(_best(others, shared))
        near = set(others[shared >= NEAR_OTHER * sizes[i]].tolist())
        wanted = np.array(sorted(related[i] | near), dtype=np.int64)
        flags = np.array([RELATED * (j in related[i]) + NEAR * (j in near) for j in wanted.tolist()], np.int8)
        row[others] = shared
        found.append((np.full(len(wanted), i, np.int64), wanted, flags, row[wanted]))
        row[others] = 0
        related[i] = None  # done with: the sets of every row at once take memory
    return _Candidates(*(np.concatenate([np.empty(0, dtype), *parts]) for dtype, parts in
                         zip((np.int64, np.int64, np.int8, float), zip(*found))) if found else
                       (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int8), np.empty(0)))


def _text_shares(corpus: "_Corpus", runs, left: np.ndarray, right: np.ndarray, few_runs: np.ndarray) -> list:
    """(the share of left[k]'s runs found in right[k], and back) of each pair: exact for two short texts (every
    run kept), else estimated from the runs every fingerprint samples; none below MIN_SAMPLES."""
    shared = few_runs.astype(np.int64) + common_counts(runs.common, left, right)
    sizes = np.array([len(s) for s in corpus.sampled], dtype=np.int64)
    a, b = sizes[left], sizes[right]
    complete = np.array(corpus.complete, dtype=bool)
    for k in np.flatnonzero(complete[left] & complete[right]).tolist():
        i, j = int(left[k]), int(right[k])
        shared[k] = shared_count(corpus.runs[i], corpus.runs[j])
        a[k], b[k] = len(corpus.runs[i]), len(corpus.runs[j])
    enough = (a >= MIN_SAMPLES) & (b >= MIN_SAMPLES)
    with np.errstate(divide="ignore", invalid="ignore"):
        mine, theirs = (np.where(enough, shared / a, 0.0).tolist(), np.where(enough, shared / b, 0.0).tolist())
    return [(round(x, 4), round(y, 4)) for x, y in zip(mine, theirs)]


def _link(corpus: "_Corpus", i: int, j: int) -> tuple | None:
    a, b = corpus.ids[i], corpus.ids[j]
    if (a, b) in corpus.links:
        return ("link", corpus.links[(a, b)], "out")
    if (b, a) in corpus.links:
        return ("link", corpus.links[(b, a)], "in")
    return None


def _reasons(corpus: "_Corpus", i: int, j: int, text: tuple[float, float], topic: float) -> tuple:
    """Why j is related to i, in i's terms (made only for the documents kept)."""
    link = _link(corpus, i, j)
    reasons = ([link] if link else []) + list(_cite_reasons(corpus, i, j))
    if max(text) >= MIN_TEXT:
        reasons.append(("text", *text))
    if topic >= MIN_TOPIC:
        mine, theirs = corpus.topics[i], corpus.topics[j]
        words = sorted(mine.keys() & theirs.keys(), key=lambda w: (-mine[w] * theirs[w], w))[:SHOWN]
        reasons.append(("topic", tuple(w.replace("_", " ") for w in words)))
    return tuple(reasons)


def _cite_reasons(corpus: "_Corpus", i: int, j: int) -> tuple:
    """("cites", kind, refs): the documents both cite, rarest first, by the relation both have to them (the
    same in i's terms as in j's: made once a pair, a third of relate's time before)."""
    pair = (min(i, j), max(i, j))
    if pair not in corpus.cite_reasons:
        corpus.cite_reasons[pair] = _shared_citations(corpus, i, j)
    return corpus.cite_reasons[pair]


def _shared_citations(corpus: "_Corpus", i: int, j: int) -> tuple:
    theirs, mine_by_kind = corpus.cited[j], corpus.rarest_first(i)
    reasons = []
    for kind in KINDS:
        if kind == "mentions":  # what both cite, but not with one relation both have (or both only mention)
            mine = corpus.cited[i]
            found = islice((t for t in mine_by_kind[None] if t in theirs and (theirs[t] != mine[t] or
                                                                             mine[t] == "mentions")), SHOWN)
        else:
            found = islice((t for t in mine_by_kind.get(kind, ()) if theirs.get(t) == kind), SHOWN)
        shown = [corpus.graph.nodes[t] for t in found]
        if shown:
            reasons.append(("cites", kind, tuple(node.ref or node.label for node in shown)))
    return tuple(reasons)


def _is_near(shares: tuple[float, float]) -> bool:
    return max(shares) >= NEAR_SHARE and min(shares) >= NEAR_OTHER


def _best_related(corpus: "_Corpus", i: int, scored: list) -> tuple:
    """The MAX_RELATED best candidates that have a reason, each (id, score, reasons)."""
    kept = []
    for score, other, j, text, topic in sorted(scored, key=lambda r: (-r[0], r[1])):
        reasons = _reasons(corpus, i, j, text, topic)
        if reasons:
            kept.append((other, score, reasons))
        if len(kept) == MAX_RELATED:
            break
    return tuple(kept)


def relate(links: dict, graph: Graph, runs: RunMatrices | None = None) -> Relations:
    """Every document's related documents and near-duplicates, and the text shares along citations; `runs`:
    run_matrices_of(links), when made already."""
    corpus = _Corpus(links, graph)
    runs = run_matrices(corpus.sampled) if runs is None else runs
    found = _candidates(corpus, runs)
    n = max(len(corpus.ids), 1)
    # Each pair (i < j) scored once, every pair at once.
    keys, pair_of = np.unique(np.minimum(found.rows, found.others) * n + np.maximum(found.rows, found.others),
                              return_inverse=True)
    left, right = keys // n, keys % n
    few_runs = np.zeros(len(keys))
    few_runs[pair_of] = found.few_runs
    texts = _text_shares(corpus, runs, left, right, few_runs)
    scores, topics = _pair_scores(corpus, left, right, texts)
    related, near = {}, {}
    bounds = np.searchsorted(found.rows, np.arange(len(corpus.ids) + 1)).tolist()
    others, flags, pair_of = found.others.tolist(), found.flags.tolist(), pair_of.tolist()
    for i, doc_id in enumerate(corpus.ids):
        kept = []
        for k in range(bounds[i], bounds[i + 1]):
            j, p = others[k], pair_of[k]
            text = texts[p] if i < j else texts[p][::-1]
            if flags[k] & RELATED and scores[p] >= MIN_SCORE:
                kept.append((scores[p], corpus.ids[j], j, text, topics[p]))
            if _is_near(text):
                near.setdefault(doc_id, []).append(corpus.ids[j])
        related[doc_id] = _best_related(corpus, i, kept)
    near = {doc_id: tuple(sorted(twins)) for doc_id, twins in near.items()}
    at = {(corpus.ids[i], corpus.ids[j]): p for p, (i, j) in enumerate(zip(left.tolist(), right.tolist()))
          if (corpus.ids[i], corpus.ids[j]) in corpus.links or (corpus.ids[j], corpus.ids[i]) in corpus.links}
    shares = {(s, t): texts[at[(s, t)]] if (s, t) in at else texts[at[(t, s)]][::-1] for s, t in corpus.links}
    return Relations(related, near, shares)


def _pair_scores(corpus: "_Corpus", left: np.ndarray, right: np.ndarray, texts: list) -> tuple[list, list]:
    """The score and the topic similarity of each pair (left[k], right[k]). The score weighs (WEIGHTS) the
    larger text share, how much the two cite the same documents (each weighted by its rarity,
    IMPLEMENTED_TOGETHER times when both implement it, over the geometric mean of their weights; at most 1),
    the cosine of their topic words (tf-idf), and whether one cites the other."""
    cites = _Keyed(corpus.cited)
    root = {t: math.sqrt(w) for t, w in corpus.cite_weight.items()}
    every = cites.matrix(root[t] for row in corpus.cited for t in row)
    implemented = cites.matrix(root[t] if kind == "implements" else 0.0 for row in corpus.cited
                               for t, kind in row.items())
    both = _pair_products(every, left, right) + _pair_products(implemented, left, right) * (IMPLEMENTED_TOGETHER - 1)
    norms = np.array(corpus.cite_norm)
    with np.errstate(divide="ignore", invalid="ignore"):
        cited = np.where(both > 0, np.minimum(1.0, both / np.sqrt(norms[left] * norms[right])), 0.0)
    topic = _pair_products(_Keyed(corpus.topics).matrix(w for row in corpus.topics for w in row.values()), left,
                           right).tolist()
    scores = []
    for i, j, text, c, t in zip(left.tolist(), right.tolist(), texts, cited.tolist(), topic):
        linked = (corpus.ids[i], corpus.ids[j]) in corpus.links or (corpus.ids[j], corpus.ids[i]) in corpus.links
        score = WEIGHTS["text"] * max(text) + WEIGHTS["cites"] * c + WEIGHTS["topic"] * t + WEIGHTS["link"] * linked
        scores.append(round(score, 4))
    return scores, topic


def _pair_products(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The product of row left[k] and row right[k] for each k, PAIR_BLOCK pairs at a time."""
    out = np.zeros(len(left))
    for start in range(0, len(left), PAIR_BLOCK):
        block = slice(start, start + PAIR_BLOCK)
        out[block] = np.asarray(matrix[left[block]].multiply(matrix[right[block]]).sum(axis=1)).ravel()
    return out
