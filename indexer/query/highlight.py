"""Find where a query matches a document's text, phrases as whole spans, and cut a snippet."""

import re
from functools import lru_cache

from analyzers.normalize import canonical_tone, fold, has_diacritics
from indexer.extract.passages import Snippet, plain_snippet
from indexer.query.parse import ParsedQuery, exact_form

# Every letter a Vietnamese text may hold, by the ASCII letter it folds to: a query word becomes a
# regular expression that finds its accented and unaccented spellings without tokenizing the text.
_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
_BY_FOLD: dict[str, set] = {}
for _ch in _LETTERS + _LETTERS.upper():
    _BY_FOLD.setdefault(fold(_ch), set()).add(_ch)

# A syllable edge: no letter or digit on that side.
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![^\W_])", r"(?![^\W_])"
# Between two syllables of a phrase: anything but a sentence or paragraph break (as the analysis
# leaves position gaps there, a phrase never matches across one).
_PHRASE_GAP = r"(?:[^\w.!?;:…\t\n]|_|[.!?;:…](?!\s)|\n(?![ \t\r\f\v]*\n))+"
# At most this many matches per text: a snippet needs a few, a page highlights a bounded number.
MAX_MATCHES = 2000
SYLLABLE = re.compile(r"[^\W_]+")


def _pattern(word: str) -> str:
    """A regular expression for every spelling of a syllable that folds like `word`."""
    out = []
    for ch in fold(word):
        letters = _BY_FOLD.get(ch)
        out.append("[" + "".join(sorted(letters)) + "]" if letters else re.escape(ch))
    return "".join(out)


def _form(word: str) -> tuple[str, str]:
    """How a typed word is compared: ("exact", tone-normalized) with diacritics, else ("folded", ...)."""
    if has_diacritics(word):
        return ("exact", exact_form(word))
    return ("folded", fold(word))


def _same(found: str, wanted: tuple[str, str]) -> bool:
    kind, value = wanted
    return (canonical_tone(found.lower()) if kind == "exact" else fold(found)) == value


@lru_cache(maxsize=512)
def _words_regex(words: tuple[str, ...]):
    alternatives = sorted({_pattern(w) for w in words}, key=len, reverse=True)
    return re.compile(_EDGE_BEFORE + "(?:" + "|".join(alternatives) + ")" + _EDGE_AFTER)


@lru_cache(maxsize=512)
def _phrase_regex(phrase: tuple[str, ...]):
    return re.compile(_EDGE_BEFORE + _PHRASE_GAP.join(_pattern(w) for w in phrase) + _EDGE_AFTER)


def _bounded(matches):
    for n, match in enumerate(matches):
        if n >= MAX_MATCHES:
            return
        yield match


def match_spans(text: str, parsed: ParsedQuery, extra: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the text that the query matches: phrases whole, words one by one.

    >>> from indexer.query.parse import parse_query
    >>> t = "Bảo vệ nền tảng. Bảo đảm vệ sinh"
    >>> [t[s:e] for s, e in match_spans(t, parse_query('"bao ve" nền'))]
    ['Bảo vệ', 'nền']
    """
    spans = list(extra)
    for phrase in parsed.phrases:
        wanted = [_form(w) for w in phrase]
        for match in _bounded(_phrase_regex(tuple(phrase)).finditer(text)):
            found = SYLLABLE.findall(match.group(0))
            if len(found) == len(wanted) and all(_same(f, w) for f, w in zip(found, wanted)):
                spans.append(match.span())
    if parsed.words:
        wanted = {_form(w) for w in parsed.words}
        for match in _bounded(_words_regex(tuple(parsed.words)).finditer(text)):
            if any(_same(match.group(0), w) for w in wanted):
                spans.append(match.span())
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = 280) -> Snippet:
    """The window of about `width` characters holding the most matches (the start when none)."""
    if not spans:
        end = _cut(text, min(len(text), width))
        return plain_snippet(text[:end], (), 0)
    best, best_count = spans[0][0], 0
    for start, _ in spans:
        count = sum(1 for s, e in spans if start <= s and e <= start + width)
        if count > best_count:
            best, best_count = start, count
    left = _back(text, max(0, best - width // 5))
    right = _cut(text, min(len(text), left + width))
    inside = tuple((s - left, e - left) for s, e in spans if left <= s and e <= right)
    return plain_snippet(text[left:right], inside, left)


def _back(text: str, i: int) -> int:
    """Move a window start back to the beginning of a word."""
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _cut(text: str, i: int) -> int:
    """Move a window end forward to the end of a word."""
    while i < len(text) and not text[i].isspace():
        i += 1
    return i
