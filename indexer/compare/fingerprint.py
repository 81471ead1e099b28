"""One document's fingerprint, made once when it is indexed: a sample of its hashed 8-word runs (the
same runs sampled in every document, so two samples estimate how much text two documents share) and
its topic words (the compound words, as pyvi segments them, it uses most)."""

import zlib
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from indexer.compare.words import tokens

RUN = 8         # words in a hashed run
SAMPLE = 8      # one run in SAMPLE is kept: those whose hash is a multiple of it, in every document
TOPICS = 48     # topic words kept per document


@dataclass(frozen=True)
class Fingerprint:
    """`runs`: the sampled run hashes, distinct and sorted (uint32, as bytes: a pickle stays small);
    `topics`: (compound word, count), most frequent first."""

    runs: bytes
    topics: tuple[tuple[str, int], ...]

    @property
    def run_hashes(self) -> array:
        found = array("I")
        found.frombytes(self.runs)
        return found


def run_hash(words: list[str]) -> int:
    """A run's hash: the same in every process and every run of Python (`hash()` of a str is not).

    >>> run_hash(["thực", "hiện", "nghị", "quyết"]) == run_hash(["thực", "hiện", "nghị", "quyết"])
    True
    """
    return zlib.crc32(" ".join(words).encode("utf-8"))


def sampled_runs(words: list[str]) -> list[int]:
    """The hashes of a text's 8-word runs that are kept (a multiple of SAMPLE), distinct, sorted."""
    hashes = {run_hash(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}
    return sorted(h for h in hashes if h % SAMPLE == 0)


def topic_words(words: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """The compound words (`bảo_vệ`) used most, numbers and symbols left out.

    >>> topic_words(["bảo_vệ", "nền_tảng", "bảo_vệ", "35_nq", "tổ_quốc"])
    (('bảo_vệ', 2), ('nền_tảng', 1), ('tổ_quốc', 1))
    """
    counts = Counter(w for w in words if "_" in w and w.replace("_", "").isalpha())
    return tuple(sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:TOPICS])


def fingerprint(text: str, compounds: Iterable[str] = ()) -> Fingerprint:
    """A document's fingerprint, from its text and its compound words (lower case, as the index has them)."""
    found = tokens(text)
    words = [k for k, letters in zip(found.keys, found.letters) if letters]
    return Fingerprint(array("I", sampled_runs(words)).tobytes(), topic_words(compounds))
