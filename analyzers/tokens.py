"""Split text into syllables and pyvi words, with positions and character spans into the text."""

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import NamedTuple

# A syllable or a number: letters or digits, never the underscore (kept as the separators' split).
TOKEN_SPLIT = re.compile(r"([^\W_]+)")

# End of a sentence: a stop followed by space (not `TP.HCM`, `1.000`, `b/c`); a tab is a column.
SENTENCE_BREAK = re.compile(r"[.!?;:…](?=\s|$)|\t")

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


def syllables(text: str, start_pos: int = 0) -> list[Span]:
    """Return the syllables (and numbers) of a text, with break-aware positions.

    >>> [(s.text, s.pos) for s in syllables("Bảo vệ Đảng. Nền tảng")]
    [('Bảo', 0), ('vệ', 1), ('Đảng', 2), ('Nền', 12), ('tảng', 13)]
    >>> [(s.text, s.pos) for s in syllables("theo 02 đợt¹: Đợt 1")]
    [('theo', 0), ('02', 1), ('đợt', 2), ('Đợt', 12), ('1', 13)]
    """
    parts = TOKEN_SPLIT.split(text)  # separator, word, separator, word, ..., separator
    words = parts[1::2]
    if not words:
        return []
    offsets = list(accumulate(map(len, parts)))
    starts, ends, separators = offsets[0::2][:len(words)], offsets[1::2], parts[2:-1:2]
    if any(not (w.isalpha() or w.isdecimal()) and _has_no(w) for w in words):
        words, starts, ends, separators = _split_superscripts(text, words, starts, ends)
    gaps = [_gap_after(sep, word[0].islower()) for sep, word in zip(separators, words[1:])]
    return list(map(Span, words, accumulate(gaps, initial=start_pos), starts, ends))


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
    kept = [i for i, (p, q) in enumerate(pairwise(positions)) if q == p + 1]
    return [f"{terms[i]} {terms[i + 1]}" for i in kept], [positions[i] for i in kept]


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


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the character spans of pyvi's multi-syllable words in a text.

    Single syllables are left out: the syllable view already holds them.
    >>> word_spans("Bảo vệ Đảng.\\n\\nNền tảng")
    [(0, 6), (14, 22)]
    """
    from analyzers.segment import compound_spans  # numpy and pyvi's model: loaded only where text is segmented

    # A piece without letters is not segmented: pyvi makes no word of it worth a term.
    pieces = [(start, end) for start, end in segments(text) if any(ch.isalpha() for ch in text[start:end])]
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
    if syls is None:
        syls = syllables(text)
    index_of = {s.start: i for i, s in enumerate(syls)}
    result = []
    for start, end in spans:
        first = index_of.get(start)
        if first is None:
            continue
        last = first
        while last + 1 < len(syls) and syls[last + 1].end <= end:
            last += 1
        inner = "_".join(s.text for s in syls[first:last + 1])
        result.append(Span(inner, syls[first].pos, start, end))
    return result
