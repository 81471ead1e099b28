"""The query tree for what a person typed: what must match, and what ranks the matches.

Keywords (`chuyển đổi số`): every word must be in a result, a word of several syllables with its
syllables side by side; the query as a phrase ranks first (in the title, or often in the body), then
its words near each other, then apart. A question (a `?`, or a long query) ranks by any of its words.
Neighbouring syllables are one term in the bigram fields: a phrase's frequency costs one lookup.
"""

import itertools
from dataclasses import dataclass

from analyzers.normalize import fold
from indexer.engines import All, Any, Every, Phrase, Rank, Term
from indexer.query.lexicon import bigram_key, group_is_exact, word_key
from indexer.query.parse import ParsedQuery, exact_form, is_accented

# Ranking weights, tuned on ALQAC questions (bench/ranking.py) and keyword topics (bench/topical.py)
# together, never per query.
EXACT_BOOST = 2.0       # a syllable with the typed diacritics
FOLDED_BOOST = 1.0      # the same syllable without them
TITLE_BOOST = 1.5       # a question's syllable in the title
WORD_BOOST = 1.0        # a pyvi compound word of the query
NEAR_BOOST = 1.5        # the words within a few positions of each other
NEAR_SLOP = 3           # other words allowed between neighbouring query words
BIGRAM_BOOST = 1.0      # two neighbouring query syllables side by side in the text
PHRASE_BOOST = 2.0      # keywords: the whole query as a phrase in the text
TITLE_PHRASE_BOOST = 3.0  # keywords: the whole query as a phrase in the title
# The three below came with the first search (22c9fa5) and have not been swept one by one since; the
# README's bench/ranking.py and bench/topical.py figures were measured with them as they are.
# A word of a query typed without diacritics, matched as typed in the accented text (`so` as the
# syllable `so`, not `số`): a quarter of its folded match, as who types without diacritics rarely
# means the one syllable that has none.
UNACCENTED_AS_TYPED = 0.25
# The title's folded match, of TITLE_BOOST: the half that FOLDED_BOOST is of EXACT_BOOST in the text.
FOLDED_TITLE_SHARE = 0.5
# A ref the query names, as a document's own number (against 1.0 for citing it), so that the document
# comes before those citing it, however often they cite it (issue 20: a number searched finds the
# document first). The seeds hold one case, `46-KH/BTGTU` (the Kiên Giang plan, its number deduced, and
# the letter citing it 4 times): at 3.0 tantivy put the plan first (2.94 to 2.87), whoosh the letter
# (3.89 to 3.0); a citing document scores at most 8.8 for one ref on gazette_dev + local_dev (tantivy,
# the most cited numbers: 63/2025/QH15, 25/2008/QH12, 35-NQ/TW ...), so 100 leaves the document itself first.
NUMBER_BOOST = 100.0


@dataclass(frozen=True)
class Fields:
    """The fields a query's terms are looked up in: with diacritics, or folded."""

    text: str
    bigrams: str
    title: str
    form: object

    @classmethod
    def of(cls, exact: bool) -> "Fields":
        if exact:
            return cls("text", "bigrams", "title", exact_form)
        return cls("folded", "bigrams_folded", "title_folded", fold)


def _word_clause(word: str, accented_query: bool, title: bool = True):
    """A syllable in any view: with the typed diacritics (ranked first), folded, or in the title."""
    exact, folded = exact_form(word), fold(word)
    exact_boost = EXACT_BOOST if accented_query else FOLDED_BOOST * UNACCENTED_AS_TYPED
    clauses = (Term("text", exact, exact_boost), Term("folded", folded, FOLDED_BOOST))
    if title:
        clauses += (Term("title", exact, TITLE_BOOST * exact_boost / EXACT_BOOST),
                    Term("title_folded", folded, TITLE_BOOST * FOLDED_TITLE_SHARE))
    return Any(clauses)


def contains(word: str):
    """The document holds the word: as typed when it has diacritics, else in any accented form."""
    if is_accented([word]):
        return Any((Term("text", exact_form(word)), Term("title", exact_form(word))))
    return Any((Term("folded", fold(word)), Term("title_folded", fold(word))))


def contains_word(group: tuple[str, ...], accented_query: bool):
    """The document holds a word of the query: its syllables side by side (in the text or the title)."""
    if len(group) == 1:
        return contains(group[0])
    fields = Fields.of(group_is_exact(group, accented_query))
    terms = tuple(fields.form(s) for s in group)
    body = Term(fields.bigrams, bigram_key(*terms)) if len(terms) == 2 else Phrase(fields.text, terms)
    return Any((body, Phrase(fields.title, terms)))


def _ref_clause(key: str):
    return Any((Term("number_keys", key, NUMBER_BOOST), Term("cites", key)))


def _phrase_clause(phrase: list[str]):
    if is_accented(phrase):
        return Phrase("text", tuple(exact_form(w) for w in phrase))
    return Phrase("folded", tuple(fold(w) for w in phrase))


def _bigrams(fields: Fields, terms: tuple[str, ...], boost: float) -> list:
    return [Term(fields.bigrams, bigram_key(a, b), boost) for a, b in dict.fromkeys(itertools.pairwise(terms))]


def _compounds(terms: tuple[str, ...], groups: list[tuple[str, ...]] | None) -> list:
    """pyvi's words the query may be: its words of several syllables, else every run of 2-3."""
    if groups is not None:
        found = [word_key(exact_form(s) for s in g) for g in groups if len(g) > 1]
    else:
        found = sorted({word_key(terms[i:i + n]) for n in (2, 3) for i in range(len(terms) - n + 1)})
    return [Term("words", c, WORD_BOOST) for c in dict.fromkeys(found)]


def _question_ranking(words: list[str]):
    """A question ranks by any of its syllables, their neighbouring pairs, and pyvi's words."""
    accented = is_accented(words)
    fields = Fields.of(accented)
    terms = tuple(fields.form(w) for w in words)
    clauses = [_word_clause(w, accented) for w in words] + _bigrams(fields, terms, BIGRAM_BOOST)
    return Any(tuple(clauses + (_compounds(terms, None) if accented else [])))


def _keyword_ranking(words: list[str], groups: list[tuple[str, ...]] | None):
    """Keywords rank by the phrase first (title, then body), then words near each other, then apart."""
    accented = is_accented(words)
    if len(words) == 1:
        return _word_clause(words[0], accented)
    fields = Fields.of(accented)
    terms = tuple(fields.form(w) for w in words)
    clauses = [_word_clause(w, accented, title=False) for w in words]
    # (No clause for "every word": keywords are required, so every result holds them all.)
    extras = [Phrase(fields.title, terms, 0, TITLE_PHRASE_BOOST), *_bigrams(fields, terms, BIGRAM_BOOST)]
    if groups is None or len(groups) > 1:
        # Words near each other. One word (`tuyên truyền`) has no other: its syllables stand side by side in
        # every result, which its bigrams rank; a near phrase is the dearest clause of a search (8 of its
        # 10 ms on 10,000 gazette-length documents), and bench/topical.py and bench/ranking.py are the same
        # without it for one word.
        extras.insert(0, Phrase(fields.text, terms, NEAR_SLOP, NEAR_BOOST))
    if len(terms) > 2:
        extras.append(Phrase(fields.text, terms, 0, PHRASE_BOOST))
    if accented:
        extras += _compounds(terms, groups)
    return Any(tuple(clauses + extras))


def _regrouped(words: list[str], groups: list[tuple[str, ...]] | None) -> list[tuple[str, ...]] | None:
    """Other words (an accented reading) grouped as the typed ones were."""
    if groups is None:
        return None
    out, i = [], 0
    for group in groups:
        out.append(tuple(words[i:i + len(group)]))
        i += len(group)
    return out


def build_query(parsed: ParsedQuery, relaxed: bool = False, groups: list[tuple[str, ...]] | None = None,
                reading: list[str] | None = None):
    """Phrases and refs are required; so is every free word, unless `relaxed` (then any word).

    `groups`: the free words' syllables grouped into words (each one's syllables required side by
    side); None: each syllable is a word. `reading`: the accented reading of unaccented keywords.
    """
    required = [_phrase_clause(p) for p in parsed.phrases] + [_ref_clause(k) for k in parsed.refs]
    ranking = None
    if parsed.words and parsed.question:
        ranking = _question_ranking(parsed.words)
    elif parsed.words and reading and not is_accented(parsed.words):
        # Typed without diacritics: ranked as the reading the corpus holds (`chuyển đổi số` before
        # `chuyên đối sơ`), though any reading matches.
        ranking = _keyword_ranking(reading, _regrouped(reading, groups))
    elif parsed.words:
        ranking = _keyword_ranking(parsed.words, groups)
    if ranking is not None and not relaxed and not parsed.question and len(parsed.words) > 1:
        accented = is_accented(parsed.words)
        words = groups if groups is not None else [(w,) for w in parsed.words]
        required += [contains_word(g, accented) for g in dict.fromkeys(words)]
    if not required:
        return ranking or Every()
    must = required[0] if len(required) == 1 else All(tuple(required))
    return Rank(must, ranking) if ranking is not None else must
