"""What the documents of a corpus share of their 8-word runs (the runs their fingerprints sample): which
pairs share runs few documents hold, and how many runs two documents share, boilerplate included.

A run held by more than COMMON documents is boilerplate (the national motto, the legal bases every plan
quotes): it finds no pairs, since a product over it costs the square of its documents, but it counts in
what two documents share. Those runs are counted pair by pair on bit sets (one bit per boilerplate run,
a popcount per pair): on 10,000 generated gazette-length documents, 8.6 of the 15.4 million sampled runs
are boilerplate, and searching one document's runs for another's took 13 s of CPU for 373,000 pairs.
"""

import operator
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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
    # Each run as one 64-bit number, its hash above its row, sorted in place: the runs by hash, then by row
    # (an argsort of the hashes held 20 bytes a run, and relate's peak memory on 10,000 documents was here).
    # Read as two 32-bit numbers, it is the rows and the hashes. Made by whole arrays: numpy lets go of the
    # GIL in them, and the build makes these beside the graph.
    entries = np.concatenate([np.empty(0, np.uint32), *(r for r in rows if len(r))]).astype(np.uint64)
    entries <<= np.uint64(32)
    entries |= np.repeat(np.arange(len(rows), dtype=np.uint32), [len(r) for r in rows])
    entries.sort()
    halves = entries.view(np.uint32).reshape(-1, 2)
    row_of, hashes = (halves[:, 0], halves[:, 1]) if np.little_endian else (halves[:, 1], halves[:, 0])
    row_of = row_of.astype(np.int32)
    new = np.ones(len(hashes), dtype=bool)
    np.not_equal(hashes[1:], hashes[:-1], out=new[1:])
    del hashes, halves, entries
    frequency = np.diff(np.append(np.flatnonzero(new), len(new)))  # documents holding each run
    column = np.cumsum(new, dtype=np.int32)  # each run's, in hash order: the entries are by column
    column -= 1
    del new
    few = _by_column(row_of, column, (frequency >= 2) & (frequency <= COMMON), len(rows))
    return RunMatrices(few, _by_column(row_of, column, frequency > COMMON, len(rows)))


def _by_column(rows: np.ndarray, columns: np.ndarray, kept: np.ndarray, n: int) -> sparse.csr_matrix:
    """A 0/1 matrix of n rows from entries given by column (columns in order), of the columns `kept`,
    renumbered 0, 1, ..."""
    taken = kept[columns]
    rows, columns = rows[taken], columns[taken]
    del taken
    new = np.ones(len(columns), dtype=bool)
    np.not_equal(columns[1:], columns[:-1], out=new[1:])
    # 32-bit positions where they fit: with a 64-bit indptr scipy makes its indices 64-bit too
    indptr = np.append(np.flatnonzero(new), len(columns)).astype(np.int32 if len(columns) < 2**31 else np.int64)
    matrix = sparse.csc_matrix((np.ones(len(rows), dtype=np.float32), rows, indptr), shape=(n, len(indptr) - 1))
    return matrix.tocsr()


def products(left: sparse.csr_matrix, right: sparse.csr_matrix) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """(row, other rows, values) of left x right transposed, a block of rows at a time, self left out (the
    other rows in no order). The next block is multiplied in a thread while the caller reads this one:
    scipy lets go of the GIL in the product, and the caller's rows are Python's."""
    right_t = right.T.tocsr()  # once: a product with a CSC matrix converts it again for every block
    with ThreadPoolExecutor(1) as pool:
        ahead = pool.submit(operator.matmul, left[:BLOCK], right_t)
        for start in range(0, left.shape[0], BLOCK):
            block = ahead.result()
            if start + BLOCK < left.shape[0]:
                ahead = pool.submit(operator.matmul, left[start + BLOCK:start + 2 * BLOCK], right_t)
            yield from _rows_of(block, start)


def _rows_of(block: sparse.csr_matrix, start: int) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
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
    """A row's columns as bits of uint64 words, each row its words (set a block of rows at a time: the
    positions and bits of every entry at once took 280 MB for 10,000 documents' boilerplate)."""
    words = (matrix.shape[1] + 63) // 64
    bits = np.zeros(matrix.shape[0] * words, dtype=np.uint64)
    for start in range(0, matrix.shape[0], BLOCK):
        block = matrix[start:start + BLOCK]
        rows = np.repeat(np.arange(start, start + block.shape[0], dtype=np.int64), np.diff(block.indptr))
        columns = block.indices.astype(np.int64)
        np.bitwise_or.at(bits, rows * words + columns // 64,
                         np.left_shift(np.uint64(1), (columns % 64).astype(np.uint64)))
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
