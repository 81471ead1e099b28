"""pyvi's word segmentation, the same words character for character, several times faster.

pyvi (`ViTokenizer.tokenize`) cuts a text into syllables, makes a dict of features per syllable
(`word2features`: the syllable, its neighbours, their case, whether 2-3 neighbours are a word of its
dictionary), has its CRF label each syllable `B_W` (begins a word) or `I_W`, and joins an `I_W`
syllable to the one before with `_`. Most of its time went into those dicts and their conversion for
CRFsuite. Here the same features are computed once per distinct syllable (a table row), a text's
state scores are vector sums over those rows in CRFsuite's order, and the CRF's Viterbi runs on them
(analyzers/crf.py): the same doubles, so the same labels, so the same output.

Texts already segmented in this process are kept (a bounded cache of whole texts): header and signature
lines recur across an archive. A sentence is not reused inside a longer text: its labels come from a
Viterbi pass whose sums start at the text's first syllable, and the same sentence after other words
may tip a near tie the other way, so only a whole text has a known answer.

Nothing is loaded on import: the first call reads pyvi's model and dictionary (through pyvi itself,
without scikit-learn).
"""

import re
import sys
import unicodedata
from functools import lru_cache
from itertools import chain, pairwise

import numpy as np

from analyzers.crf import read_model
from analyzers.pyvi_features import FeatureTable

# pyvi's pre-tokenisation (ViTokenizer.sylabelize), alternatives in its order: abbreviations (`TP.`),
# arrows and ellipses, a line break, URLs, e-mail addresses, numbers with separators, one punctuation
# character, a run of word characters. Whitespace other than a line break is skipped.
SYLLABLE = re.compile(r"[A-ZĐ]+\.|Tp\.|Mr\.|Mrs\.|Ms\.|Dr\.|ThS\.|==>|->|\.\.\.|>>|\n|\w+://[^\s]+"
                      r"|[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+|\d+(?:[.,_]\d+)+|[^\w\s]|\w+")

# The same, capturing: split() gives the text between syllables too, hence their offsets.
SYLLABLE_SPLIT = re.compile(f"({SYLLABLE.pattern})")

# A tab is never inside a syllable (whitespace is skipped, a line break is a syllable of its own): it
# separates the texts of a batch in the joined output.
TEXT_BREAK = "\t"

# Texts of at most this many characters are cached, up to this many characters in all (about 2 bytes
# each as Python strings, keys and values): repeated header and signature lines, not whole pages.
CACHED_TEXT_CHARS = 1000
CACHE_CHARS = 4_000_000


@lru_cache(maxsize=1)
def _pyvi():
    """pyvi's tokenizer, imported on first use, without scikit-learn.

    pyvi's model is a sklearn_crfsuite CRF, whose only use of scikit-learn is a base class it does
    without when scikit-learn cannot be imported (sklearn_crfsuite/compat.py). Importing
    scikit-learn (with scipy) was 5-6 s of the 6.5 s CPU pyvi took to load, in every process that
    segments (a build's fork server, `vanban extract`); the words are the same, byte for byte
    (tests/test_analysis.py). Blocked only while pyvi loads, and only if nothing imported it before.
    """
    block = "sklearn" not in sys.modules
    if block:
        sys.modules["sklearn"] = None  # `import sklearn...` raises ImportError
    try:
        from pyvi import ViTokenizer
    finally:
        if block:
            del sys.modules["sklearn"]
    return ViTokenizer


def pyvi_tokenize(text: str) -> str:
    """Segment a text with pyvi itself (the reference this module reproduces; slow)."""
    return _pyvi().tokenize(text)


@lru_cache(maxsize=1)
def _table() -> FeatureTable:
    """pyvi's CRF and dictionary, read once per process, with the table of syllables seen so far."""
    tokenizer = _pyvi().ViTokenizer
    with open(tokenizer.model.modelfile.name, "rb") as model_file:
        model = read_model(model_file.read())
    return FeatureTable(model, tokenizer.bi_grams, tokenizer.tri_grams)


class BoundedCache:
    """Results of texts already segmented, the least recently used dropped past `limit` characters of texts.

    >>> cache = BoundedCache(limit=10, longest=5)
    >>> cache.through(["ab", "cd", "ab"], lambda texts: [t.upper() for t in texts]), sorted(cache.held)
    (['AB', 'CD', 'AB'], ['ab', 'cd'])
    """

    def __init__(self, limit: int, longest: int):
        self.limit, self.longest = limit, longest
        self.held: dict[str, object] = {}
        self.chars = 0

    def resize(self, limit: int) -> None:
        """Empty the cache and hold at most `limit` characters of texts from now (0: nothing)."""
        self.limit, self.held, self.chars = limit, {}, 0

    def through(self, texts: list[str], compute) -> list:
        """compute(texts), computing (in one call) only the distinct texts not held."""
        if self.limit <= 0:
            return compute(texts)
        held = self.held
        found = {}
        for text in texts:
            if text in held and text not in found:
                found[text] = held[text] = held.pop(text)  # now the most recently used
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        fresh = dict(zip(missing, compute(missing))) if missing else {}
        for text, result in fresh.items():
            if len(text) <= self.longest:
                held[text] = result
                self.chars += len(text)
        while self.chars > self.limit:
            oldest = next(iter(held))
            self.chars -= len(oldest)
            del held[oldest]
        return [found[text] if text in found else fresh[text] for text in texts]


_strings = BoundedCache(CACHE_CHARS, CACHED_TEXT_CHARS)
_spans = BoundedCache(CACHE_CHARS, CACHED_TEXT_CHARS)


def set_cache_chars(chars: int) -> None:
    """Empty the caches of segmented texts and hold at most `chars` characters from now (0: none)."""
    for cache in (_strings, _spans):
        cache.resize(chars)


def tokenize(text: str) -> str:
    """Segment a text as `pyvi.ViTokenizer.tokenize` does: syllables of a word joined by `_`.

    >>> tokenize("Nghị quyết của Chính phủ về bảo vệ nền tảng tư tưởng của Đảng.")
    'Nghị_quyết của Chính_phủ về bảo_vệ nền_tảng tư_tưởng của Đảng .'
    >>> tokenize("Số: 66.16/2026/NQ-CP, TP.HCM")
    'Số : 66.16 / 2026 / NQ - CP , TP. HCM'
    """
    return tokenize_many([text])[0]


def tokenize_many(texts: list[str]) -> list[str]:
    """Segment each text as `tokenize` does, in one pass (several texts share the vector work)."""
    return _strings.through(texts, _tokenize_batch)


def _tokenize_batch(texts: list[str]) -> list[str]:
    """tokenize() of each text, none of them cached."""
    syllables = [SYLLABLE.findall(unicodedata.normalize("NFC", text)) for text in texts]
    flat = [s for piece in syllables for s in piece]
    if not flat:
        return list(texts)
    joins = _joins(syllables)
    separators = np.where(joins, "_", " ").tolist()
    for end in np.cumsum([len(piece) for piece in syllables if piece])[:-1].tolist():
        separators[end - 1] = TEXT_BREAK  # after the last syllable of a text that is not the last one
    parts = [""] * (2 * len(flat) - 1)
    parts[0::2], parts[1::2] = flat, separators
    joined = iter("".join(parts).split(TEXT_BREAK))
    # pyvi returns a text without syllables as it was given (not normalized).
    return [next(joined) if piece else text for text, piece in zip(texts, syllables)]


def _joins(syllables: list[list[str]]) -> np.ndarray:
    """For each syllable after the first of all texts: whether pyvi joins it to the one before."""
    return _table().joins([s for piece in syllables for s in piece], [len(piece) for piece in syllables if piece])


def compound_spans(texts: list[str]) -> list[list[tuple[int, int, int]]]:
    """For each text, (start, end, number of syllables) of pyvi's words of several syllables.

    The same as aligning tokenize()'s output to the text (align_words), without making it.
    >>> compound_spans(["Bảo vệ nền tảng tư tưởng."])
    [[(0, 6, 2), (7, 15, 2), (16, 24, 2)]]
    """
    return [list(spans) for spans in _spans.through(texts, _spans_batch)]


def _spans_batch(texts: list[str]) -> list[tuple[tuple[int, int, int], ...]]:
    """compound_spans() of each text, none of them cached."""
    result: list = [()] * len(texts)
    # The offsets come from the split. Aligning the output by search is kept where that differs: a text
    # not in NFC (pyvi segments the normalized text), or with `_` (a syllable's own `_` splits as a join).
    plain = [i for i, text in enumerate(texts) if "_" not in text and unicodedata.is_normalized("NFC", text)]
    other = sorted(set(range(len(texts))) - set(plain))
    for i, segmented in zip(other, _tokenize_batch([texts[i] for i in other])):
        result[i] = tuple(align_words(texts[i], 0, segmented))
    splits = [SYLLABLE_SPLIT.split(texts[i]) for i in plain]
    syllables = [parts[1::2] for parts in splits]
    if any(syllables):
        for i, spans in zip(plain, _runs(splits, _joins(syllables))):
            result[i] = spans
    return result


def _runs(splits: list[list[str]], joins: np.ndarray) -> list[tuple[tuple[int, int, int], ...]]:
    """For each text split around its syllables: (start, end, count) of each run of joined syllables.

    >>> _runs([["", "a", " ", "b", " ", "c", "."], ["", "d", " ", "e", ""]], np.array([1, 0, 0, 1], dtype=bool))
    [((0, 3, 2),), ((0, 3, 2),)]
    """
    counts = [len(parts) for parts in splits]  # 2 n + 1: the text around and between n syllables
    part_lengths = np.fromiter(map(len, chain.from_iterable(splits)), dtype=np.int64, count=sum(counts))
    chars_before = np.concatenate(([0], np.cumsum(part_lengths)))  # of each part, from the first text on
    first_part = np.cumsum([0] + counts)
    text_starts = np.cumsum([0] + [count // 2 for count in counts])  # each text's first syllable
    change = np.diff(np.concatenate(([False], joins, [False])).astype(np.int8))
    # A run of joins j..k-1 joins the syllables j..k (never across texts: there is no join there).
    first, last = np.flatnonzero(change == 1), np.flatnonzero(change == -1)
    text = np.searchsorted(text_starts, first, "right") - 1
    part, origin = first_part[text], chars_before[first_part[text]]
    starts = chars_before[part + 2 * (first - text_starts[text]) + 1] - origin  # syllable k is part 2 k + 1
    ends = chars_before[part + 2 * (last - text_starts[text]) + 2] - origin
    spans = list(zip(starts.tolist(), ends.tolist(), (last - first + 1).tolist()))
    bounds = np.searchsorted(first, text_starts).tolist()
    return [tuple(spans[a:b]) for a, b in pairwise(bounds)]


def align_words(paragraph: str, offset: int, segmented: str):
    """Yield (start, end, n_syllables) of the segmented text's compound words, aligned to the paragraph.

    >>> list(align_words("Bảo vệ Đảng", 10, "Bảo_vệ Đảng"))
    [(10, 16, 2)]
    """
    cursor = 0
    for token in segmented.split(" "):
        parts = token.split("_")
        first = None
        for part in parts:
            found = paragraph.find(part, cursor)
            if found < 0:
                break
            first = found if first is None else first
            cursor = found + len(part)
        else:
            if len(parts) > 1 and first is not None:
                yield offset + first, offset + cursor, len(parts)
