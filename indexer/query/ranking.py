"""The query tree for what a person typed: what must match, and what ranks the matches."""

import itertools

from analyzers.normalize import fold
from indexer.engines import All, Any, Every, Phrase, Rank, Term
from indexer.query.parse import KEYWORD_QUERY_MAX, ParsedQuery, exact_form, is_accented

# Ranking weights, tuned on the ALQAC benchmark (bench/ranking.py), never per question.
EXACT_BOOST = 2.0       # a syllable with the typed diacritics
FOLDED_BOOST = 1.0      # the same syllable without them
TITLE_BOOST = 1.5
WORD_BOOST = 1.0        # a pyvi compound word of the query
ALL_WORDS_BOOST = 1.0   # coordination: every word of the query is present
NEAR_BOOST = 1.5        # the words within a few positions of each other
NEAR_SLOP = 3           # other words allowed between neighbouring query words
PAIR_BOOST = 1.0        # two neighbouring query words next to each other in the text


def _word_clause(word: str, accented_query: bool):
    """A word in any view: with the typed diacritics (ranked first), folded, or in the title."""
    exact, folded = exact_form(word), fold(word)
    exact_boost = EXACT_BOOST if accented_query else FOLDED_BOOST * 0.25
    return Any((Term("text", exact, exact_boost), Term("folded", folded, FOLDED_BOOST),
                Term("title", exact, TITLE_BOOST * exact_boost / EXACT_BOOST),
                Term("title_folded", folded, TITLE_BOOST * 0.5)))


def contains(word: str):
    """The document holds the word: as typed when it has diacritics, else in any accented form."""
    if is_accented([word]):
        return Any((Term("text", exact_form(word)), Term("title", exact_form(word))))
    return Any((Term("folded", fold(word)), Term("title_folded", fold(word))))


def _phrase_clause(phrase: list[str]):
    if is_accented(phrase):
        return Phrase("text", tuple(exact_form(w) for w in phrase))
    return Phrase("folded", tuple(fold(w) for w in phrase))


def _ref_clause(key: str):
    return Any((Term("number_keys", key, 3.0), Term("cites", key)))


def _ranking(words: list[str]):
    """What ranks documents for free words: the words, all of them, near each other, pyvi's words."""
    accented = is_accented(words)
    clauses = tuple(_word_clause(w, accented) for w in words)
    if len(clauses) == 1:
        return clauses[0]
    field_name, form = ("text", exact_form) if accented else ("folded", fold)
    terms = tuple(form(w) for w in words)
    extras = []
    if len(words) <= KEYWORD_QUERY_MAX:  # keywords, not a question: all of them, near, first
        extras += [All(clauses, ALL_WORDS_BOOST), Phrase(field_name, terms, NEAR_SLOP, NEAR_BOOST)]
    extras += [Phrase(field_name, pair, 0, PAIR_BOOST) for pair in dict.fromkeys(itertools.pairwise(terms))]
    if accented:  # every run of 2-3 neighbouring words may be one of pyvi's words in the text
        compounds = {"_".join(terms[i:i + n]) for n in (2, 3) for i in range(len(terms) - n + 1)}
        extras += [Term("words", c, WORD_BOOST) for c in sorted(compounds)]
    return Any(clauses + tuple(extras))


def build_query(parsed: ParsedQuery, relaxed: bool = False):
    """Phrases and refs are required; so is every free word, unless `relaxed` (then any word)."""
    required = [_phrase_clause(p) for p in parsed.phrases] + [_ref_clause(k) for k in parsed.refs]
    ranking = _ranking(parsed.words) if parsed.words else None
    if ranking is not None and not relaxed and not parsed.question and len(parsed.words) > 1:
        required += [contains(w) for w in dict.fromkeys(parsed.words)]
    if not required:
        return ranking or Every()
    must = required[0] if len(required) == 1 else All(tuple(required))
    return Rank(must, ranking) if ranking is not None else must
