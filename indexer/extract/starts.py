"""Patterns tried only where they may begin: the same matches as `finditer`, found faster.

sre tries a pattern at every character unless it opens with a literal or a set of characters: a pattern that
opens with a lookbehind (`(?<![\\wĐđ])Nghị quyết ...`) or ignores case (`(?i:nghị quyết)`) costs about 0.1 µs
a character, every time it is run over a document. A second pattern that sre finds by its first letters
gives the places where the first may begin (a type's name, in the text in lower case), and the first is
matched only there: `matches(pattern, text, places)` yields what `pattern.finditer(text)` would.
"""

import bisect
import re
from collections.abc import Iterator


def caseless(text: str) -> str | None:
    """The text in lower case as sre's case-blind matching reads its letters, each character where it was;
    None when lower case moves characters (`İ` is two characters in lower case).

    sre takes the dotless `ı` for `i` and the long `ſ` for `s`, which str.lower() keeps: they are written
    `i` and `s` (tests/test_metadata.py checks every letter the patterns below search for against sre).

    >>> caseless("NGHỊ QUYẾT Kết Luận ıſ"), caseless("İ")
    ('nghị quyết kết luận is', None)
    """
    lowered = text.lower()
    return lowered.replace("ı", "i").replace("ſ", "s") if len(lowered) == len(text) else None


def starts(pattern: re.Pattern, text: str | None) -> list[int] | None:
    """Every place `pattern` matches in `text`, overlapping ones too (`Bộ luật` and `Luật` inside `Thông tư liên
    bộ luật`); None for no text (caseless could not give one: then every place is a place).

    >>> starts(re.compile(r"thông\\s+tư\\s+liên\\s+bộ|bộ\\s+luật|luật"), "thông tư liên bộ luật")
    [0, 14, 17]
    """
    if text is None:
        return None
    places, at = [], 0
    while (match := pattern.search(text, at)) is not None:
        places.append(match.start())
        at = match.start() + 1
    return places


def matches(pattern: re.Pattern, text: str, places: list[int] | None, end: int | None = None) -> Iterator[re.Match]:
    """pattern.finditer(text, 0, end), each match tried only at `places` (ascending: every place one of its
    matches may begin; None: everywhere). A match at a place is the one finditer would find there: sre's
    `match` at a position sees the text before it, as its search does."""
    end = len(text) if end is None else end
    if places is None:
        yield from pattern.finditer(text, 0, end)
        return
    after = 0  # finditer goes on where its last match ended
    for place in places:
        if place >= end:
            return
        match = pattern.match(text, place, end) if place >= after else None
        if match:
            after = match.end()
            yield match


def any_within(places: list[int] | None, start: int, end: int) -> bool:
    """Whether a place lies in [start, end) (always, when every place is one).

    >>> any_within([3, 40], 10, 40), any_within([3, 40], 10, 41), any_within(None, 0, 0)
    (False, True, True)
    """
    if places is None:
        return True
    i = bisect.bisect_left(places, start)
    return i < len(places) and places[i] < end
