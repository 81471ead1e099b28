"""One document's fingerprint, made once when it is indexed: its hashed 8-word runs, all of them for a
short text and a sample of them for a longer one (the same runs sampled in every document, so two
samples estimate how much text two documents share), and its topic words (the compound words, as pyvi
segments them, it uses most)."""

import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from indexer.compare.words import word_keys

RUN = 8         # words in a hashed run
SAMPLE = 8      # one run in SAMPLE is kept: those whose hash is a multiple of it, in every document
RUN_BASE = 1099511628211  # the FNV prime: a run's hash is its words' crc32 as digits in this base
ALL_RUNS = 2048  # a text with at most this many runs (about 2,000 words, a district plan) keeps them all
TOPICS = 48     # topic words kept per document


@dataclass(frozen=True)
class Fingerprint:
    """`runs`: run hashes, distinct and sorted (uint32, as bytes: a pickle stays small), every one when
    `complete`, else those a multiple of SAMPLE; `topics`: (compound word, count), most frequent first."""

    runs: bytes
    topics: tuple[tuple[str, int], ...]
    complete: bool = False

    @property
    def run_hashes(self) -> np.ndarray:
        return np.frombuffer(self.runs, dtype=np.uint32)

    @property
    def sampled(self) -> np.ndarray:
        """The runs every fingerprint keeps (a multiple of SAMPLE): what two fingerprints compare by
        unless both are complete."""
        hashes = self.run_hashes
        return hashes[hashes % SAMPLE == 0] if self.complete else hashes


def run_hash(words: list[str]) -> int:
    """A run's hash, the same in every process and every run of Python (`hash()` of a str is not): its
    words' crc32 as digits base RUN_BASE modulo 2**64, the top 32 bits. sampled_runs() computes the
    same for every run at once.

    >>> run_hash(["thực", "hiện", "nghị", "quyết"]) == run_hash(["thực", "hiện", "nghị", "quyết"])
    True
    """
    value = 0
    for word in words:
        value = (value * RUN_BASE + zlib.crc32(word.encode("utf-8"))) % 2**64
    return value >> 32


def sampled_runs(words: list[str], keep_all: int = 0) -> np.ndarray:
    """The hashes of a text's RUN-word runs that are kept (a multiple of SAMPLE; every one when there
    are at most `keep_all`), distinct, sorted (uint32)."""
    if len(words) < RUN:
        return np.empty(0, np.uint32)
    crc = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
    digits = np.fromiter(map(crc.__getitem__, words), dtype=np.uint64, count=len(words))
    runs = len(words) - RUN + 1
    hashes = np.zeros(runs, dtype=np.uint64)
    for j in range(RUN):  # arithmetic modulo 2**64: numpy's uint64 wraps
        hashes = hashes * np.uint64(RUN_BASE) + digits[j:j + runs]
    top = (hashes >> np.uint64(32)).astype(np.uint32)
    return np.unique(top if runs <= keep_all else top[top % SAMPLE == 0])


def topic_words(words: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """The compound words (`bảo_vệ`) used most, numbers and symbols left out.

    >>> topic_words(["bảo_vệ", "nền_tảng", "bảo_vệ", "35_nq", "tổ_quốc"])
    (('bảo_vệ', 2), ('nền_tảng', 1), ('tổ_quốc', 1))
    """
    counts = Counter(w for w in words if "_" in w and w.replace("_", "").isalpha())
    return tuple(sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:TOPICS])


def fingerprint(text: str, compounds: Iterable[str] = (), found: list[str] | None = None) -> Fingerprint:
    """A document's fingerprint, from its text and its compound words (lower case, as the index has them);
    `found`: the text's words as written, when a split of the text already gave them (word_keys)."""
    words = word_keys(text, found)
    return Fingerprint(sampled_runs(words, ALL_RUNS).tobytes(), topic_words(compounds),
                       complete=len(words) - RUN + 1 <= ALL_RUNS)
