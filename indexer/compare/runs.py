"""What the documents of a corpus share of their 8-word runs (the runs their fingerprints sample): which
pairs share runs few documents hold, and how many runs two documents share, boilerplate included.

A run held by more than COMMON documents is boilerplate (the national motto, the legal bases every plan
quotes): it finds no pairs, since a product over it costs the square of its documents, but it counts in
what two documents share. Those runs are counted pair by pair on bit sets (one bit per boilerplate run,
a popcount per pair): on 10,000 generated gazette-length documents, 8.6 of the 15.4 million sampled runs
are boilerplate, and searching one document's runs for another's took 13 s of CPU for 373,000 pairs.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy import sparse

COMMON = 100           # documents past which a run finds no pairs (it still counts in what pairs share)
BLOCK = 256            # rows multiplied at once: memory stays BLOCK x documents
BITSET_BYTES = 64 << 20  # the boilerplate's bit sets, a slice of its runs at a time: at most this memory
PAIR_BYTES = 16 << 20    # each of the bit sets of pairs taken at once


@dataclass(frozen=True)
class RunMatrices:
    """Rows (documents) by runs, 1 where a document holds a run: `few` the runs 2 to COMMON documents hold,
    `common` those more than COMMON hold (a run of one document pairs nothing: in neither)."""

    few: sparse.csr_matrix
    common: sparse.csr_matrix


def run_matrices(rows: list[np.ndarray]) -> RunMatrices:
    """The run matrices of rows of distinct run hashes (uint32)."""
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    hashes = np.concatenate([np.empty(0, np.uint32), *(r for r in rows if len(r))])
    order = np.argsort(hashes, kind="stable")  # a radix sort for uint32: a third of np.unique's time
    row_of = np.repeat(np.arange(len(rows), dtype=np.int32), lengths)[order]
    ordered = hashes[order]
    del hashes, order
    new = np.ones(len(ordered), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    del ordered
    column = np.cumsum(new, dtype=np.int32) - 1  # each run's, in hash order: the entries are by column
    del new
    kind = np.zeros(column[-1] + 1 if len(column) else 0, dtype=np.int8)  # 1: held by few, 2: boilerplate
    frequency = np.bincount(column)
    kind[(frequency >= 2) & (frequency <= COMMON)], kind[frequency > COMMON] = 1, 2
    kind = kind[column]
    return RunMatrices(*(_by_column(row_of[kind == k], column[kind == k], len(rows)) for k in (1, 2)))


def _by_column(rows: np.ndarray, columns: np.ndarray, n: int) -> sparse.csr_matrix:
    """A 0/1 matrix of n rows from its entries, given by column (columns in order), renumbered 0, 1, ..."""
    new = np.ones(len(columns), dtype=bool)
    np.not_equal(columns[1:], columns[:-1], out=new[1:])
    indptr = np.append(np.flatnonzero(new), len(columns)).astype(np.int64)
    matrix = sparse.csc_matrix((np.ones(len(rows), dtype=np.float32), rows, indptr), shape=(n, len(indptr) - 1))
    return matrix.tocsr()


def products(left: sparse.csr_matrix, right: sparse.csr_matrix) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(row, other rows, values) of left x right transposed, a block of rows at a time, self left out (the
    other rows in no order)."""
    right_t = right.T.tocsr()  # once: a product with a CSC matrix converts it again for every block
    for start in range(0, left.shape[0], BLOCK):
        block = left[start:start + BLOCK] @ right_t
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            others, values = block.indices[lo:hi], block.data[lo:hi]
            keep = others != start + r
            yield start + r, others[keep], values[keep]


def common_counts(common: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """How many boilerplate runs rows left[k] and right[k] both hold, for each k: bit sets of a slice of the
    runs at a time (BITSET_BYTES), ANDed and counted a slice of the pairs at a time (PAIR_BYTES)."""
    n, width = common.shape
    out = np.zeros(len(left), dtype=np.int64)
    step = max(64, BITSET_BYTES * 8 // max(n, 1) // 64 * 64)
    for lo in range(0, width, step):
        bits = _bit_sets(common[:, lo:lo + step])
        chunk = max(1, PAIR_BYTES // (8 * bits.shape[1]))
        for start in range(0, len(left), chunk):
            both = bits[left[start:start + chunk]] & bits[right[start:start + chunk]]
            out[start:start + chunk] += np.bitwise_count(both).sum(axis=1, dtype=np.int64)
    return out


def _bit_sets(matrix: sparse.csr_matrix) -> np.ndarray:
    """A row's columns as bits of uint64 words, each row its words."""
    words = (matrix.shape[1] + 63) // 64
    bits = np.zeros(matrix.shape[0] * words, dtype=np.uint64)
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    columns = matrix.indices.astype(np.int64)
    np.bitwise_or.at(bits, rows * words + columns // 64, np.left_shift(np.uint64(1), (columns % 64).astype(np.uint64)))
    return bits.reshape(matrix.shape[0], words)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values share (np.intersect1d's size, without sorting
    both again: the longer is searched for the shorter's values).

    >>> shared_count(np.array([1, 3, 5, 9], np.uint32), np.array([3, 4, 9], np.uint32))
    2
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not len(short):
        return 0
    at = np.minimum(np.searchsorted(long, short), len(long) - 1)
    return int(np.count_nonzero(long[at] == short))
