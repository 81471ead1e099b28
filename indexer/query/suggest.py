"""Suggest the accented form of a query typed without diacritics, learned from the corpus's words."""

from indexer.query.lexicon import Lexicon, reading
from indexer.query.parse import ParsedQuery

MAX_WORDS = 8  # a longer unaccented query is a question: no suggestion, no cost


def suggest_accents(lexicon: Lexicon, parsed: ParsedQuery) -> str | None:
    """The accented query the corpus most supports (`phong chong` -> `phòng chống`), or None."""
    words = [w.lower() for w in parsed.words]
    if not words or len(words) > MAX_WORDS or any(not w.isascii() for w in words):
        return None
    suggestion = " ".join(reading(words, lexicon) or words)
    return suggestion if suggestion != " ".join(words) else None
