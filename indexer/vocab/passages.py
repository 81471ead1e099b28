"""Pieces of a document's text to show: the sentence around a citation, and a snippet with the spans
to highlight in it. Extraction makes them (the graph keeps each citation's passage); search and the
document pages show them."""

import re
from dataclasses import dataclass

# The sentence around a citation: up to sentence punctuation or a blank line on either side.
SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n\s*\n")


@dataclass(frozen=True)
class Snippet:
    """A piece of a document with the character spans (relative to `text`) to highlight."""

    text: str
    highlights: tuple[tuple[int, int], ...]
    start: int  # where `text` starts in the document

    def as_dict(self) -> dict:
        return {"text": self.text, "highlights": spans_json(self.highlights), "start": self.start}


def spans_json(spans) -> list[list[int]]:
    """Highlight spans as JSON: `[[start, end], ...]` (every surface writes them this one way)."""
    return [[start, end] for start, end in spans]


def citing_passage(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """The span of the sentence holding a citation, cut to about `limit` characters.

    >>> t = "Mở đầu. Thực hiện Nghị quyết 35 của Bộ Chính trị. Hết."
    >>> s, e = citing_passage(t, t.index("Nghị"), t.index(" của"))
    >>> t[s:e]
    'Thực hiện Nghị quyết 35 của Bộ Chính trị.'
    """
    left = max((m.end() for m in SENTENCE_END.finditer(text, max(0, start - limit), start)), default=None)
    left = left if left is not None else max(0, start - limit // 2)
    right_match = SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = right_match.end() if right_match else min(len(text), end + limit // 2)
    while left < start and text[left].isspace():
        left += 1
    return left, right


def plain_snippet(text: str, spans, start: int) -> Snippet:
    """A snippet without the markdown emphasis marks (`**`, `*`), its spans moved to match.

    >>> plain_snippet("  **Kế hoạch** số 1", [(4, 12)], 10)
    Snippet(text='Kế hoạch số 1', highlights=((0, 8),), start=10)
    """
    if "*" not in text:  # (most text: the spans only move by the spaces stripped)
        lead = len(text) - len(text.lstrip())
        return Snippet(text.strip(), tuple((a - lead, b - lead) for a, b in spans), start)
    kept = [i for i, ch in enumerate(text) if ch != "*"]
    new_index = {old: new for new, old in enumerate(kept)}
    new_index[len(text)] = len(kept)

    def moved(i: int) -> int:
        while i not in new_index:  # a span edge on a removed mark: the next kept character
            i += 1
        return new_index[i]

    plain = "".join(text[i] for i in kept)
    lead = len(plain) - len(plain.lstrip())
    spans = tuple((moved(a) - lead, moved(b) - lead) for a, b in spans)
    return Snippet(plain.strip(), spans, start)


def passage(text: str, start: int, end: int) -> Snippet:
    """The sentence around a citation, the citation highlighted."""
    left, right = citing_passage(text, start, end)
    return plain_snippet(text[left:right], ((start - left, end - left),), left)


def unique_passages(passages) -> tuple[Snippet, ...]:
    """One passage per sentence, even when a sentence cites the same document twice."""
    first: dict[int, Snippet] = {}
    for p in passages:
        first.setdefault(p.start, p)
    return tuple(first.values())
