"""Suggest the accented form of a query typed without diacritics, learned from the corpus's words."""

import math

from whoosh.query import Phrase

from analyzers.normalize import fold
from indexer.cache import per_index_generation
from indexer.query import ParsedQuery

CANDIDATES = 4  # accented forms tried per typed word, the most frequent first


@per_index_generation
def _accent_table(ix) -> dict:
    """folded syllable -> [(accented syllable, document frequency)], most frequent first."""
    table: dict[str, list] = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for term in reader.lexicon("text"):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            if not word.isalpha():
                continue
            table.setdefault(fold(word), []).append((word, reader.doc_frequency("text", word)))
    return {k: sorted(v, key=lambda wf: -wf[1])[:CANDIDATES] for k, v in table.items()}


def suggest_accents(ix, searcher, parsed: ParsedQuery) -> str | None:
    """The accented query the corpus most supports (`phong chong` -> `phòng chống`), or None.

    Each word's candidates are its accented forms in the index; neighbouring choices score by how
    many documents hold them side by side, so `tham nhung` becomes `tham nhũng`, not `tham những`.
    """
    words = [w.lower() for w in parsed.words]
    if not words or any(not w.isascii() for w in words):
        return None
    table = _accent_table(ix)
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
    return len(searcher.search(Phrase("text", [first, second]), limit=None))
