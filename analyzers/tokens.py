"""Split text into syllables and pyvi words, with positions and character spans into the text."""

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, compress, islice
from typing import NamedTuple

from analyzers.normalize import canonical_tone, canonical_tones

# A syllable or a number: letters or digits, never the underscore (kept as the separators' split).
TOKEN_SPLIT = re.compile(r"([^\W_]+)")

# End of a sentence: a stop followed by space (not `TP.HCM`, `1.000`, `b/c`); a tab is a column.
SENTENCE_BREAK = re.compile(r"[.!?;:…](?=\s|$)|\t")

# A character of a word that is not a digit: a letter, or a superscript or numeral (`¹`, `Ⅳ`), which
# _has_letter tells apart.
WORD_CHARACTER = re.compile(r"[^\W\d_]")

# A blank line between two blocks of text.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")

# A paragraph: lines without a blank line between them.
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# The most characters pyvi is given at once (see segments()).
SEGMENT_CHARS = 2000

# Position gaps: larger than any proximity window, so no phrase or `near` match crosses a break.
SENTENCE_GAP = 10
PARAGRAPH_GAP = 20


class Span(NamedTuple):
    """One token: its text as written, its position, and its characters in the text.

    (A named tuple: a document makes thousands, and a tuple is several times cheaper to make.)
    """

    text: str
    pos: int
    start: int
    end: int


def _split_no(start: int, word: str):
    """Split a match on characters of category No (superscripts: `thị¹`)."""
    piece_start = 0
    for i, ch in enumerate(word):
        if unicodedata.category(ch) == "No":
            if i > piece_start:
                yield start + piece_start, start + i
            piece_start = i + 1
    if piece_start < len(word):
        yield start + piece_start, start + len(word)


class Syllables(NamedTuple):
    """A text's syllables as columns: as written, positions, characters in the text (a long text has
    millions: a Span each cost as much as segmenting the text)."""

    texts: list[str]
    positions: list[int]
    starts: list[int]
    ends: list[int]


def syllable_columns(text: str, start_pos: int = 0) -> Syllables:
    """The syllables (and numbers) of a text as columns, with break-aware positions (what syllables() gives).

    >>> syllable_columns("Bảo vệ Đảng. Nền")
    Syllables(texts=['Bảo', 'vệ', 'Đảng', 'Nền'], positions=[0, 1, 2, 12], starts=[0, 4, 7, 13], ends=[3, 6, 11, 16])
    """
    return _columns(text, TOKEN_SPLIT.split(text), start_pos)


def toned_syllables(text: str) -> tuple[str, Syllables, list[str]]:
    """`canonical_tones(text)`, the syllable columns of that, and the text's own tokens as written (letters
    and digits, superscripts not split: what compare.words.word_keys reads), from one split of the text.

    A regex pass over a long text costs as much as the rest of its views: one pass serves all three.
    >>> toned, syls, written = toned_syllables("Hoà bình¹ 2")
    >>> toned, syls.texts, written
    ('Hòa bình¹ 2', ['Hòa', 'bình', '2'], ['Hoà', 'bình¹', '2'])
    """
    parts = TOKEN_SPLIT.split(text)
    written = parts[1::2]
    # A run of letters takes its tone as a syllable; a token mixing digits, per run of letters in it.
    toned_of = {t: canonical_tone(t) if t.isalpha() else canonical_tones(t) for t in set(written)}
    if all(toned == t for t, toned in toned_of.items()):
        return text, _columns(text, parts), written
    toned_parts = parts.copy()
    toned_parts[1::2] = map(toned_of.__getitem__, written)
    toned = "".join(toned_parts)
    return toned, _columns(toned, toned_parts), written


def _columns(text: str, parts: list[str], start_pos: int = 0) -> Syllables:
    """The syllable columns of a text split around its tokens (separator, token, ..., separator)."""
    words = parts[1::2]
    if not words:
        return Syllables([], [], [], [])
    offsets = list(accumulate(map(len, parts)))
    starts, ends, separators = offsets[0::2][:len(words)], offsets[1::2], parts[2:-1:2]
    if any(not (w.isalpha() or w.isdecimal()) and _has_no(w) for w in set(words)):
        words, starts, ends, separators = _split_superscripts(text, words, starts, ends)
    # Most separators are one space (a gap of 1); only the others are looked at.
    gaps = [1] * len(separators)
    for i in [i for i, sep in enumerate(separators) if sep != " "]:
        gaps[i] = _gap_after(separators[i], words[i + 1][0].islower())
    return Syllables(words, list(accumulate(gaps, initial=start_pos)), starts, ends)


def syllables(text: str, start_pos: int = 0) -> list[Span]:
    """Return the syllables (and numbers) of a text, with break-aware positions.

    >>> [(s.text, s.pos) for s in syllables("Bảo vệ Đảng. Nền tảng")]
    [('Bảo', 0), ('vệ', 1), ('Đảng', 2), ('Nền', 12), ('tảng', 13)]
    >>> [(s.text, s.pos) for s in syllables("theo 02 đợt¹: Đợt 1")]
    [('theo', 0), ('02', 1), ('đợt', 2), ('Đợt', 12), ('1', 13)]
    """
    return list(map(Span, *syllable_columns(text, start_pos)))


@lru_cache(maxsize=4096)
def _gap_after(separator: str, next_is_lower: bool) -> int:
    """The position gap a separator between two tokens makes (most are a space: 1)."""
    if separator == " ":
        return 1
    # A page break inside a sentence continues in lower case; a new paragraph does not.
    if BLANK_LINE.search(separator) and not (next_is_lower and not SENTENCE_BREAK.search(separator)):
        return PARAGRAPH_GAP
    return SENTENCE_GAP if SENTENCE_BREAK.search(separator) else 1


def bigrams(terms: list[str], positions) -> tuple[list[str], list[int]]:
    """Each two neighbouring terms as one term (`bảo vệ`), at the first one's position.

    Terms either side of a sentence or paragraph break are no pair.
    >>> bigrams(["bảo", "vệ", "nền", "tảng"], [0, 1, 11, 12])
    (['bảo vệ', 'nền tảng'], [0, 11])
    """
    if len(terms) < 2:
        return [], []
    # Pairs made and kept by C-level maps: a loop per pair was a fifth of a text's views.
    kept = _consecutive(positions)
    pairs = list(compress(map(" ".join, zip(terms, islice(terms, 1, None))), kept))
    return pairs, list(compress(positions, kept))


def _consecutive(positions) -> list[bool]:
    """For each position but the last: whether the next one follows it."""
    import numpy as np  # loaded where text is segmented (analyzers.segment), never at query time

    at = np.frombuffer(positions, dtype=np.int32) if getattr(positions, "typecode", "") == "i" else np.array(positions)
    return (np.diff(at) == 1).tolist()


def _has_no(word: str) -> bool:
    return any(unicodedata.category(ch) == "No" for ch in word)


def _split_superscripts(text: str, words: list[str], starts: list[int], ends: list[int]):
    """Superscripts (`thị¹`, category No) split a token and are no token themselves."""
    pieces = []
    for word, start, end in zip(words, starts, ends):
        if word.isalpha() or word.isdecimal() or not _has_no(word):
            pieces.append((start, end))
        else:
            pieces.extend(_split_no(start, word))
    starts, ends = [s for s, _ in pieces], [e for _, e in pieces]
    return [text[s:e] for s, e in pieces], starts, ends, [text[a:b] for a, b in zip(ends, starts[1:])]


def _pyvi_tokenize(paragraph: str) -> str:
    """Segment one paragraph as pyvi does: the same words, faster (analyzers/segment.py).

    pyvi itself stays at hand for comparison: analyzers.segment.pyvi_tokenize.
    """
    from analyzers.segment import tokenize  # numpy and pyvi's model: loaded only where text is segmented

    return tokenize(paragraph)


def segments(text: str, limit: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """The pieces pyvi is given: paragraphs, and a longer paragraph cut at its line breaks (else at a
    sentence end, else a space) into pieces of at most about `limit` characters.

    pyvi builds its output by string concatenation, quadratic in the length of what it is given: a
    400,000-character paragraph (a text without blank lines) took 23 s, in pieces it takes 0.5 s.

    >>> t = "a b\\nc d\\n\\ne f"
    >>> [t[s:e] for s, e in segments(t, 4)]
    ['a b', 'c d', 'e f']
    """
    pieces = []
    for block in PARAGRAPH.finditer(text):
        start, end = block.span()
        while end - start > limit:
            cut = max(text.rfind(sep, start + 1, start + limit) for sep in ("\n", ". ", " "))
            cut = cut if cut > start else start + limit
            pieces.append((start, cut))
            start = cut + 1 if text[cut] in "\n " else cut
        pieces.append((start, end))
    return [(s, e) for s, e in pieces if e > s]


def _has_letter(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a letter (str.isalpha), found by a regex rather than a loop per character.

    >>> _has_letter("12 ¹ a", 0, 4), _has_letter("12 ¹ a", 0, 6)
    (False, True)
    """
    found = WORD_CHARACTER.search(text, start, end)
    while found and not found.group().isalpha():  # a superscript or a numeral letter (No, Nl) is no letter
        found = WORD_CHARACTER.search(text, found.end(), end)
    return found is not None


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the character spans of pyvi's multi-syllable words in a text.

    Single syllables are left out: the syllable view already holds them.
    >>> word_spans("Bảo vệ Đảng.\\n\\nNền tảng")
    [(0, 6), (14, 22)]
    """
    from analyzers.segment import compound_spans  # numpy and pyvi's model: loaded only where text is segmented

    # A piece without letters is not segmented: pyvi makes no word of it worth a term.
    pieces = [(start, end) for start, end in segments(text) if _has_letter(text, start, end)]
    spans = []
    for (start, _), found in zip(pieces, compound_spans([text[s:e] for s, e in pieces])):
        spans.extend((start + word_start, start + word_end) for word_start, word_end, _ in found)
    return spans


def words(text: str, spans: list[tuple[int, int]] | None = None, syls: list[Span] | None = None) -> list[Span]:
    """Return pyvi's compound words as tokens `nghị_quyết`, positioned like their first syllable.

    `spans` may be given when the segmentation was done ahead (in a worker process), and `syls`
    when the text's syllables are already at hand.
    """
    if spans is None:
        spans = word_spans(text)
    columns = syllable_columns(text) if syls is None else Syllables(*map(list, zip(*syls))) if syls else \
        Syllables([], [], [], [])
    found, firsts, kept = compound_words(spans, columns)
    return [Span(inner, columns.positions[first], *spans[k]) for inner, first, k in zip(found, firsts, kept)]


def compound_words(spans: list[tuple[int, int]], syls: Syllables) -> tuple[list[str], list[int], list[int]]:
    """For the word spans that start at a syllable: the word (its syllables joined by `_`, as written),
    the index of its first syllable and the span's own; spans that start elsewhere are left out.

    >>> compound_words([(0, 6), (2, 9)], syllable_columns("Bảo vệ Đảng"))
    (['Bảo_vệ'], [0], [0])
    """
    import numpy as np  # loaded where text is segmented (analyzers.segment), never at query time

    if not spans or not syls.starts:
        return [], [], []
    starts, ends = np.array(syls.starts), np.array(syls.ends)
    wanted = np.array(spans).reshape(-1, 2)
    first = np.searchsorted(starts, wanted[:, 0])
    kept = np.flatnonzero(starts[np.minimum(first, len(starts) - 1)] == wanted[:, 0])
    first = first[kept]
    # Its syllables: up to the last that ends within the span (ends only grow), at least the first.
    stop = np.maximum(first + 1, np.searchsorted(ends, wanted[kept, 1], side="right")).tolist()
    texts, firsts = syls.texts, first.tolist()
    return list(map("_".join, map(texts.__getitem__, map(slice, firsts, stop)))), firsts, kept.tolist()
