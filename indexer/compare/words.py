"""The tokens two texts are compared by: words and punctuation marks, each with its characters in the
text and a key that is the same whatever the case, the tone placement and the whitespace around it."""

import re
from typing import NamedTuple

from analyzers.normalize import canonical_tone

# A word (letters or digits), or a punctuation mark (a run of one mark, as a dot leader `.....`, is one).
# Markdown's marks (`**`, `#`, `|`, `\`, `>`, backquote, `~`) are layout, not text: a bold title and
# the same title plain are the same words.
TOKEN = re.compile(r"[^\W_]+|([^\w\s*#|\\`>~])\1*")
WORD = re.compile(r"[^\W_]+")


class Tokens(NamedTuple):
    """A text's tokens: key (what equality compares), start and end in the text, letters (0 for a mark)."""

    keys: list[str]
    starts: list[int]
    ends: list[int]
    letters: list[int]


def key(token: str) -> str:
    """What a token is compared by: lower case, one tone placement; a run of one mark, its first two.

    >>> [key(t) for t in ("Hoà", "HÒA", "uỷ", "35", "“", "......", "...")]
    ['hòa', 'hòa', 'ủy', '35', '“', '..', '..']
    """
    if not token[0].isalnum():
        return token[:2]
    return canonical_tone(token).lower()


def tokens(text: str) -> Tokens:
    """Every token of a text, in order.

    >>> t = tokens("**Tỉnh uỷ** ban hành: 35-NQ/TW")
    >>> t.keys
    ['tỉnh', 'ủy', 'ban', 'hành', ':', '35', '-', 'nq', '/', 'tw']
    >>> (t.starts[0], t.ends[1], t.letters[4])
    (2, 9, 0)
    """
    matches = list(TOKEN.finditer(text))
    found = [m.group() for m in matches]
    distinct = set(found)  # each distinct token normalized once; the lists are made by C-level maps
    keys = {t: key(t) for t in distinct}
    letters = {t: len(t) if t[0].isalnum() else 0 for t in distinct}
    return Tokens(list(map(keys.__getitem__, found)), [m.start() for m in matches], [m.end() for m in matches],
                  list(map(letters.__getitem__, found)))


def word_keys(text: str, found: list[str] | None = None) -> list[str]:
    """The keys of a text's words alone, marks left out (what fingerprints hash; faster than tokens());
    `found`: the text's words (WORD's matches), when a split of the text already gave them.

    >>> word_keys("Nghị quyết số 35-NQ/TW, ngày 22/10/2018")
    ['nghị', 'quyết', 'số', '35', 'nq', 'tw', 'ngày', '22', '10', '2018']
    """
    found = WORD.findall(text) if found is None else found
    keys = {w: key(w) for w in set(found)}
    return list(map(keys.__getitem__, found))
