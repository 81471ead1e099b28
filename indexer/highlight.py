"""Find where a query matches a document's text, phrases as whole spans, and cut a snippet."""

from functools import lru_cache

from analyzers.normalize import fold, has_diacritics
from analyzers.tokens import syllables
from indexer.citations import citing_passage
from indexer.query import ParsedQuery, exact_form
from indexer.records import Snippet


def _form(word: str) -> tuple[str, str]:
    """How a typed word is compared: ("exact", tone-normalized) with diacritics, else ("folded", ...)."""
    if has_diacritics(word):
        return ("exact", exact_form(word))
    return ("folded", fold(word))


@lru_cache(maxsize=65536)
def _forms(syllable: str) -> dict[str, str]:
    """A syllable of the text in both forms a typed word may be compared with."""
    return {"exact": exact_form(syllable), "folded": fold(syllable)}


def match_spans(text: str, parsed: ParsedQuery, extra: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the text that the query matches: phrases whole, words one by one.

    >>> from indexer.query import parse_query
    >>> t = "Bảo vệ nền tảng. Bảo đảm vệ sinh"
    >>> [t[s:e] for s, e in match_spans(t, parse_query('"bao ve" nền'))]
    ['Bảo vệ', 'nền']
    """
    tokens = syllables(text)
    forms = [_forms(t.text) for t in tokens]
    spans = list(extra)
    for phrase in parsed.phrases:
        wanted = [_form(w) for w in phrase]
        for i in range(len(tokens) - len(wanted) + 1):
            window = tokens[i:i + len(wanted)]
            if window[-1].pos - window[0].pos != len(wanted) - 1:
                continue  # a break lies between: not a phrase match
            if all(forms[i + j][kind] == value for j, (kind, value) in enumerate(wanted)):
                spans.append((window[0].start, window[-1].end))
    wanted = {_form(w) for w in parsed.words}
    for token, form in zip(tokens, forms):
        if ("exact", form["exact"]) in wanted or ("folded", form["folded"]) in wanted:
            spans.append((token.start, token.end))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _plain(text: str, spans, start: int) -> Snippet:
    """A snippet without the markdown emphasis marks (`**`, `*`), its spans moved to match."""
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


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = 280) -> Snippet:
    """The window of about `width` characters holding the most matches (the start when none)."""
    if not spans:
        end = _cut(text, min(len(text), width))
        return _plain(text[:end], (), 0)
    best, best_count = spans[0][0], 0
    for start, _ in spans:
        count = sum(1 for s, e in spans if start <= s and e <= start + width)
        if count > best_count:
            best, best_count = start, count
    left = _back(text, max(0, best - width // 5))
    right = _cut(text, min(len(text), left + width))
    inside = tuple((s - left, e - left) for s, e in spans if left <= s and e <= right)
    return _plain(text[left:right], inside, left)


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


def unique_passages(passages) -> tuple[Snippet, ...]:
    """One passage per sentence, even when a sentence cites the same document twice."""
    first: dict[int, Snippet] = {}
    for p in passages:
        first.setdefault(p.start, p)
    return tuple(first.values())


def passage(text: str, start: int, end: int) -> Snippet:
    """The sentence around a citation, the citation highlighted."""
    left, right = citing_passage(text, start, end)
    return _plain(text[left:right], ((start - left, end - left),), left)
