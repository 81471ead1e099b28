"""Suggest the accented form of a query typed without diacritics, learned from the corpus's words."""

import math

from analyzers.normalize import fold
from indexer.engines import Phrase
from indexer.query.parse import ParsedQuery

MAX_WORDS = 8  # a longer unaccented query is a question: no suggestion, no cost


def suggest_accents(accents, searcher, parsed: ParsedQuery) -> str | None:
    """The accented query the corpus most supports (`phong chong` -> `phòng chống`), or None.

    Each word's candidates are its accented forms in the index: `accents()` gives the accent table
    made at build time, asked for only when a suggestion is wanted. Neighbouring choices score by how
    many documents hold them side by side, so `tham nhung` becomes `tham nhũng`, not `tham những`.
    """
    words = [w.lower() for w in parsed.words]
    if not words or len(words) > MAX_WORDS or any(not w.isascii() for w in words):
        return None
    table = accents()
    options = [[c for c, _ in table.get(fold(w), [])] or [w] for w in words]
    unigram = {c: f for w in words for c, f in table.get(fold(w), [])}
    best = {c: (math.log1p(unigram.get(c, 0)), [c]) for c in options[0]}
    for column in options[1:]:
        step = {}
        for c in column:
            step[c] = max((score + 3 * math.log1p(_pair_count(searcher, prev, c)) + math.log1p(unigram.get(c, 0)),
                           path + [c]) for prev, (score, path) in best.items())
        best = step
    suggestion = " ".join(max(best.values())[1])
    return suggestion if suggestion != " ".join(words) else None


def _pair_count(searcher, first: str, second: str) -> int:
    return searcher.count(Phrase("text", (first, second)))
