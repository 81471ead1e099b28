"""Find where a query matches a document's text, phrases and words as whole spans, and cut a snippet.

The cost per hit is bounded by the snippet, not the document: one regular expression finds every unit of the
query (a phrase, a word of several syllables, a syllable) in text order, in the first SNIPPET_REACH characters
of the document's own text (after its header); the scan stops once a window holds every unit, or where the
query's words stand side by side (checked where its first word is found: no second pass over the text), or
after enough matches, and the window is chosen in that same pass. A match in the furniture the build found
(running heads, the motto, the `Số:` line: `indexer.vocab.structure`) is skipped as the scan goes (the spans
in text order beside it); the header is read (as far as the title) only when the text holds nothing.
"""

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from heapq import merge
from itertools import islice

from analyzers.normalize import canonical_tone, fold, has_diacritics
from indexer.query.parse import ParsedQuery, exact_form
from indexer.vocab.passages import Snippet, plain_snippet
from indexer.vocab.structure import Spans

# Every letter a Vietnamese text may hold, by the ASCII letter it folds to: a query word becomes a
# regular expression that finds its accented and unaccented spellings without tokenizing the text.
_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
_BY_FOLD: dict[str, set] = {}
for _ch in _LETTERS + _LETTERS.upper():
    _BY_FOLD.setdefault(fold(_ch), set()).add(_ch)

# A syllable's end: no letter or digit after it. (Its start is checked on the match: a pattern that
# opens with a character class lets the regular expression engine skip ahead fast.)
_EDGE_AFTER = r"(?![^\W_])"
# Between two syllables of a phrase: anything but a sentence or paragraph break (as the analysis
# leaves position gaps there, a phrase never matches across one).
_PHRASE_GAP = r"(?:[^\w.!?;:…\t\n]|_|[.!?;:…](?!\s)|\n(?![ \t\r\f\v]*\n))+"
# At most this many matches per text: a page highlights a bounded number.
MAX_MATCHES = 2000
# A snippet looks at no more matches than this: enough to find a good window.
SNIPPET_MATCHES = 200
SNIPPET_WIDTH = 280
SNIPPET_MAX = 300      # characters, whatever the text: a word is never followed further than this
# A snippet's window is looked for in the first characters of a text only (matches further on are
# read only when there are none here): about 1 ms of reading.
SNIPPET_REACH = 50_000
# The query's words side by side are looked for first in this many characters of the text (0.045 ms of a
# regular expression's pass; the whole reach took 0.22 ms a hit on gazette_dev and made multi-word searches
# a fifth slower); further on, where its first word is found while the window is looked for.
PHRASE_REACH = 10_000
SYLLABLE = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s")
CITED = -1  # the unit a citation of the query's refs counts as
# What a snippet shows as a space: a table's pipes (not one touching a digit: a scan's 1), and rules (`-----`,
# `+===+`, `|:---|`) that a converter draws under a header or between a table's rows. It opens with one class
# of every character either starts with, so the engine skips to those (9 µs a snippet to 1.6, the same spans
# as `(?<!\d)\|(?!\d)|[-_=+:–—]{3,}` on every text of gazette_dev).
SNIPPET_FURNITURE = re.compile(r"[-_=+:–—|](?:(?<=\|)(?<!\d\|)(?!\d)|(?<=[^|])[-_=+:–—]{2,})")


def _form(word: str) -> tuple[str, str]:
    """How a typed word is compared: ("exact", tone-normalized) with diacritics, else ("folded", ...)."""
    if has_diacritics(word):
        return ("exact", exact_form(word))
    return ("folded", fold(word))


def _same(found: str, wanted: tuple[str, str]) -> bool:
    kind, value = wanted
    return (canonical_tone(found.lower()) if kind == "exact" else fold(found)) == value


def _letters(ch: str) -> str:
    """A character class's inside: every letter that folds to `ch` (`ch` itself, escaped, if none)."""
    letters = _BY_FOLD.get(ch)
    return "".join(sorted(letters)) if letters else re.escape(ch)


@lru_cache(maxsize=512)
def _units_regex(units: tuple[tuple[str, ...], ...]):
    """One expression for every unit, the longest first; group `u<i>` says which unit matched.

    It opens with one class holding every unit's first letter, so the engine skips fast to the
    places where some unit may start; each alternative then checks its own first letter (a
    one-character lookbehind) and matches the rest.
    """
    order = sorted(range(len(units)), key=lambda i: -sum(map(len, units[i])))
    firsts, alternatives = set(), []
    for i in order:
        folded = [fold(w) for w in units[i]]
        first = _letters(folded[0][0])
        firsts.update(_BY_FOLD.get(folded[0][0]) or [re.escape(folded[0][0])])
        rest = "".join(f"[{_letters(ch)}]" for ch in folded[0][1:])
        rest += "".join(_PHRASE_GAP + "".join(f"[{_letters(ch)}]" for ch in w) for w in folded[1:])
        alternatives.append(f"(?<=[{first}])(?P<u{i}>{rest})")
    return re.compile("[" + "".join(sorted(firsts)) + "](?:" + "|".join(alternatives) + ")" + _EDGE_AFTER)


def query_units(parsed: ParsedQuery, words: list[tuple[str, ...]] | None = None) -> list[tuple[str, ...]]:
    """What the text is searched for: each quoted phrase, and each word (its syllables) of the query.

    `words` are the free words grouped into the query's words (`chuyển đổi`, `số`); by default each
    syllable is a word of its own.
    """
    units = [tuple(p) for p in parsed.phrases] + (words if words is not None else [(w,) for w in parsed.words])
    return list(dict.fromkeys(u for u in units if u and all(fold(w) for w in u)))


def find_units(text: str, units: list[tuple[str, ...]], start: int = 0, end: int | None = None):
    """Yield (start, end, unit index) of every match of a unit in text[start:end], in text order."""
    if not units:
        return
    wanted = [[_form(w) for w in unit] for unit in units]
    for match in _units_regex(tuple(units)).finditer(text, start, len(text) if end is None else end):
        first = match.start()
        if first and text[first - 1].isalnum():  # inside a longer word
            continue
        index = int(match.lastgroup[1:])
        found = SYLLABLE.findall(match.group(0))
        if len(found) == len(wanted[index]) and all(_same(f, w) for f, w in zip(found, wanted[index])):
            yield first, match.end(), index


def match_spans(text: str, parsed: ParsedQuery, extra: list[tuple[int, int]] = (),
                words: list[tuple[str, ...]] | None = None, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Character spans of the text that the query matches (at most `limit`): phrases and words whole.

    >>> from indexer.query.parse import parse_query
    >>> t = "Bảo vệ nền tảng. Bảo đảm vệ sinh"
    >>> [t[s:e] for s, e in match_spans(t, parse_query('"bao ve" nền'))]
    ['Bảo vệ', 'nền']
    """
    found = islice(find_units(text, query_units(parsed, words)), limit)
    return _merge([*extra, *((s, e) for s, e, _ in found)])


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def best_window(matches: Iterable[tuple[int, int, int]], width: int = SNIPPET_WIDTH, units: int = 0,
                limit: int = SNIPPET_MATCHES) -> list[tuple[int, int, int]]:
    """The matches of the `width`-character window holding the most different units, then the most matches.

    One pass over `matches` (start, end, unit), sorted by start: each is read once, the window slides
    over them, and reading stops once a window holds all `units` (when given) or after `limit`.
    >>> best_window([(0, 3, 0), (10, 13, 0), (400, 403, 0), (405, 410, 1)], width=100)
    [(400, 403, 0), (405, 410, 1)]
    """
    window, counts, best, best_score = deque(), {}, [], (0, 0)
    for match in islice(matches, limit):
        window.append(match)
        counts[match[2]] = counts.get(match[2], 0) + 1
        while window[0][0] < match[1] - width:  # the first match no longer fits with this one
            first = window.popleft()
            counts[first[2]] -= 1
            if not counts[first[2]]:
                del counts[first[2]]
        if (len(counts), len(window)) > best_score:
            best, best_score = list(window), (len(counts), len(window))
            if units and len(counts) >= units:
                break
    return best


def snippet(text: str, parsed: ParsedQuery, extra: list[tuple[int, int]] = (),
            words: list[tuple[str, ...]] | None = None, width: int = SNIPPET_WIDTH) -> Snippet:
    """A hit's snippet in a text read whole (no header, no furniture told apart): `located_snippet`'s."""
    return located_snippet(text, parsed, extra, words, width)[0]


def snippet_chars(body: int) -> int:
    """How much of a text's start located_snippet reads when something matches there (`body`: its header)."""
    return body + SNIPPET_REACH + 4 * SNIPPET_MAX


def located_snippet(text: str, parsed: ParsedQuery, extra: list[tuple[int, int]] = (),
                    words: list[tuple[str, ...]] | None = None, width: int = SNIPPET_WIDTH, body: int = 0,
                    furniture: Spans | tuple[tuple[int, int], ...] = (),
                    rest: Callable[[], str] | None = None) -> tuple[Snippet, int]:
    """A hit's snippet, and the offset in the text of its first match (where its part is looked up).

    The window holding the query's words side by side (only they are then marked), else the one holding
    the most of the query (citations of its refs count as one unit), looked for in the SNIPPET_REACH
    characters from `body` (where the text starts after its header); then in the header; then the text is
    read to its first match (`rest()`, when `text` may be its start only: snippet_chars(body) characters at
    least). A match inside `furniture` (sorted spans) is no match."""
    units = query_units(parsed, words)
    whole = _Phrase.of(parsed, units)
    skip = _Skip(Spans.of(furniture))
    cited = [(s, e, CITED) for s, e in sorted(extra) if not skip.spans.holds(s)]
    reach = _reach(text, body + SNIPPET_REACH)
    for start, end in ((body, reach), (0, body)):
        if start < end:
            chosen, together = _chosen(text, units, whole, cited, skip, (start, end), width)
            if chosen:
                return _around(text, units, whole if together else None, cited, skip, chosen, width)
    if rest is not None and units:
        text = rest()
    later = next(skip.found(text, units, reach), None) if reach < len(text) else None
    if later:
        return _around(text, units, None, cited, skip, [later], width)
    start = body if body < len(text) else 0  # nothing matches: the text's first words after its header
    cut = make_snippet(text[start:start + width + SNIPPET_MAX], [], width)
    return Snippet(cut.text, cut.highlights, cut.start + start), start


def _chosen(text: str, units, whole, cited, skip: "_Skip", region: tuple[int, int], width: int):
    """The matches of the window chosen in `region`, and whether they are the query's words side by side: as
    the units are read, a run of them in the query's order with nothing but spaces and commas between is the
    phrase; when a window holds every unit before any such run, the phrase is still looked for in the first
    PHRASE_REACH characters."""
    start, end = region
    stream = skip.found(text, units, start, end)
    scanned = _Scan(merge([c for c in cited if start <= c[0] < end], stream))
    together: list = []
    matches = _with_runs(text, whole.sequence, scanned, together) if whole and whole.sequence else scanned
    chosen = best_window(matches, width, units=len(units) + bool(cited))
    if together:
        return together, True
    if whole and not scanned.done and scanned.end < start + PHRASE_REACH:
        near = next(whole.found(text, units, skip, scanned.end, min(end, start + PHRASE_REACH)), None)
        if near:
            return [near], True
    missing = [u for i, u in enumerate(units) if i not in {m[2] for m in chosen}]
    if chosen and missing and not scanned.done:
        later = next(skip.found(text, missing, scanned.end, end), None)
        chosen = [later] if later else chosen
    return chosen, False


def _sequence(whole: tuple[str, ...], units) -> tuple[int, ...] | None:
    """The units the query's words are, in their order (`chuyển đổi` `số`: [0, 1]); None when they are not."""
    sequence, at = [], 0
    while at < len(whole):
        i = max((i for i, u in enumerate(units) if whole[at:at + len(u)] == u), key=lambda i: len(units[i]),
                default=None)
        if i is None:
            return None
        sequence.append(i)
        at += len(units[i])
    return tuple(sequence)


@dataclass(frozen=True)
class _Phrase:
    """The query's words as one phrase, and the units they are in order (None: they are no run of units)."""

    words: tuple[str, ...]
    sequence: tuple[int, ...] | None

    @classmethod
    def of(cls, parsed: ParsedQuery, units) -> "_Phrase | None":
        """The query's words as one phrase, when it has several (and is no question): where they stand together
        is the snippet, and only there are they marked. None when it is one of the units already (one word of
        several syllables: `tuyên truyền`)."""
        whole = tuple(parsed.words)
        ok = len(units) > 1 and len(whole) > 1 and not parsed.question and whole not in units
        return cls(whole, _sequence(whole, units)) if ok else None

    def found(self, text: str, units, skip: "_Skip", start: int, end: int | None):
        """Where the words stand side by side in text[start:end], each place as one match: runs of the units'
        matches (their expression is made already: one of its own took 1 ms to compile, a query's first
        search paying it), else the phrase's own expression."""
        if self.sequence is None:
            return skip.found(text, [self.words], start, end)
        return (m for m in _with_runs(text, self.sequence, skip.found(text, units, start, end)) if m[2] == RUN)


RUN = -2  # the unit a run of the query's words side by side counts as


def _with_runs(text: str, sequence, matches, found: list | None = None):
    """The matches, each run of them that is the units of `sequence` in order, side by side, as one match of
    its own (unit RUN) before its last; with `found`, the first run is put there instead, and the matches end."""
    run, first, last = 0, 0, 0
    for match in matches:
        if run and match[2] == sequence[run] and _side_by_side(text, last, match[0]):
            run += 1
        else:
            run, first = (1, match[0]) if match[2] == sequence[0] else (0, 0)
        last = match[1]
        if run == len(sequence):
            if found is not None:
                found.append((first, match[1], RUN))
                return
            yield first, match[1], RUN
            run = 0
        yield match


# Between two words side by side: what may stand between two syllables of a phrase.
SIDE_BY_SIDE = re.compile(_PHRASE_GAP)


def _side_by_side(text: str, end: int, start: int) -> bool:
    return start > end and bool(SIDE_BY_SIDE.fullmatch(text, end, start))


def _around(text: str, units, whole, cited, skip: "_Skip", chosen, width: int) -> tuple[Snippet, int]:
    """The snippet around the chosen matches: the query's words side by side marked when `whole`, else every
    unit; citations of its refs; never a match in furniture."""
    left, right = _window(text, chosen[0][0], chosen[-1][1], width)
    inside = [(s, e) for s, e, _ in cited if left <= s and e <= right]
    inside += [(s, e) for s, e, _ in (whole.found(text, units, skip, left, right) if whole
                                      else skip.found(text, units, left, right))]
    shown = SNIPPET_FURNITURE.sub(lambda m: " " * len(m.group(0)), text[left:right])
    return plain_snippet(shown, _shift(_merge(inside), left, right), left), chosen[0][0]


class _Skip:
    """Sorted spans a match must stay out of."""

    def __init__(self, spans: Spans):
        self.spans = spans

    def found(self, text: str, units, start: int, end: int | None = None):
        """find_units' matches outside every span: the spans are walked beside them, from the last one starting
        at or before `start` (found by bisection: a text's running heads before it are never read)."""
        n = len(self.spans.starts)
        matches = find_units(text, units, start, end)
        return self._walked(matches, self.spans.starts, self.spans.ends, n, start) if n else matches

    @staticmethod
    def _walked(matches, starts, ends, n: int, offset: int):
        p = max(0, bisect_right(starts, offset) - 1)
        start, end = starts[p], ends[p]  # the first span not yet behind the matches (columns: read once)
        for match in matches:
            while p < n and end <= match[0]:
                p += 1
                start, end = (starts[p], ends[p]) if p < n else (0, 0)
            if p == n or match[0] < start:
                yield match


def _reach(text: str, limit: int) -> int:
    """Where reading for a snippet stops: `limit` characters, moved on to a space (if one is near)."""
    if len(text) <= limit:
        return len(text)
    space = _SPACE.search(text, limit, limit + SNIPPET_MAX)
    return space.start() if space else limit


class _Scan:
    """A stream of matches that remembers where reading it stopped, and whether it ran out."""

    def __init__(self, matches):
        self._matches, self.end, self.done = matches, 0, False

    def __iter__(self):
        for match in self._matches:
            self.end = match[1]
            yield match
        self.done = True


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH) -> Snippet:
    """The window of about `width` characters (never over SNIPPET_MAX) holding the most spans; the start
    of the text when there are none."""
    spans = _merge(spans)
    chosen = best_window(((s, e, 0) for s, e in spans), width, limit=len(spans))
    if not chosen:
        return plain_snippet(text[:_cut(text, min(len(text), width))], (), 0)
    left, right = _window(text, chosen[0][0], chosen[-1][1], width)
    return plain_snippet(text[left:right], _shift(spans, left, right), left)


def _window(text: str, first: int, last: int, width: int) -> tuple[int, int]:
    """From a little before `first` to about `width` characters on, ending at or after `last`."""
    left = _back(text, max(0, last - width, first - width // 5))
    return left, _cut(text, min(len(text), left + width))


def _shift(spans: list[tuple[int, int]], left: int, right: int) -> tuple[tuple[int, int], ...]:
    return tuple((s - left, e - left) for s, e in spans if left <= s and e <= right)


def _back(text: str, i: int) -> int:
    """Move a window start back to the beginning of a word (a few characters at most, else cut)."""
    stop = max(0, i - (SNIPPET_MAX - SNIPPET_WIDTH) // 2)
    j = i
    while j > stop and not text[j - 1].isspace():
        j -= 1
    return j if j == 0 or text[j - 1].isspace() else i


def _cut(text: str, i: int) -> int:
    """Move a window end forward to the end of a word (a few characters at most, else cut)."""
    stop = min(len(text), i + (SNIPPET_MAX - SNIPPET_WIDTH) // 2)
    j = i
    while j < stop and not text[j].isspace():
        j += 1
    return j if j == len(text) or text[j].isspace() else i
