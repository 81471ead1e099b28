"""The query's words, read from the index's own vocabulary (pyvi is never loaded at query time).

- Which syllables typed side by side form one word: a word of pyvi's dictionary (`chuyển đổi`,
  `không gian`), or one pyvi joined in a good share of the corpus documents that hold its syllables side
  by side (`Kiên Giang`). Without diacritics, the same on the folded forms. Both come from a table
  the build filed with the index (`words`).
- Which accented reading of a query typed without diacritics the corpus holds (`chuyen doi so` ->
  `chuyển đổi số`, not `chuyên đối sơ`): each syllable's accented forms (the accent table), chosen
  together by how many documents hold neighbouring choices side by side (the bigram field).

The word tables are made once per opened index generation and shared by every request and thread
(`lexicon_of`): search(), search_all() and the document page read the same ones. A `Lexicon` is those
tables seen through one searcher, since a searcher belongs to one thread (store.Index.searcher keeps one
per thread and generation): it costs two attributes to make, and its counts are the engine's own.
"""

import math
import threading
import weakref
from collections.abc import Callable
from functools import cached_property

from analyzers.normalize import fold, has_diacritics
from indexer.engines import Phrase
from indexer.query.parse import ParsedQuery, exact_form, is_accented

MAX_WORD_SYLLABLES = 4  # pyvi's longest words worth looking up
# A run of syllables is a word when pyvi joined it in at least this share of the documents that hold
# the syllables side by side (`đổi số` stands side by side in `thay đổi số lượng`: no word).
WORD_SHARE = 0.2
READING_CANDIDATES = 4  # accented forms tried per syllable


def word_key(syllables) -> str:
    """A word as the `words` field holds it: `chuyển_đổi`."""
    return "_".join(syllables)


def bigram_key(first: str, second: str) -> str:
    """Two neighbouring syllables as the bigram fields hold them: `chuyển đổi`."""
    return f"{first} {second}"


class WordTables:
    """The word tables the build filed with a generation (`words`, `accents`), each loaded when a query
    first needs it and kept: one per opened generation (`lexicon_of`)."""

    def __init__(self, words: Callable[[], dict | None], accents: Callable[[], dict | None]):
        self._words = words
        self._accents = accents

    @cached_property
    def words(self) -> dict:
        return self._words() or {}

    @cached_property
    def accents(self) -> dict:
        return self._accents() or {}


class Lexicon:
    """What the index knows of words, for one searcher: lookups are few (a query has a few syllables)."""

    def __init__(self, searcher, tables: WordTables):
        self._searcher = searcher
        self.tables = tables  # the generation's, shared

    @property
    def words(self) -> dict:
        return self.tables.words

    @property
    def accents(self) -> dict:
        return self.tables.accents

    def word_documents(self, syllables: tuple[str, ...], exact: bool) -> int:
        """Documents in which pyvi made these syllables one word."""
        if exact:
            return self._searcher.doc_frequency("words", word_key(exact_form(s) for s in syllables))
        return self.words.get("folded", {}).get(word_key(fold(s) for s in syllables), 0)

    def in_dictionary(self, syllables: tuple[str, ...], exact: bool) -> bool:
        if exact:
            return word_key(exact_form(s) for s in syllables) in self.words.get("dictionary", ())
        return word_key(fold(s) for s in syllables) in self.words.get("dictionary_folded", ())

    def adjacent_documents(self, syllables: tuple[str, ...], exact: bool) -> int:
        """Documents holding these syllables side by side."""
        form = exact_form if exact else fold
        terms = tuple(form(s) for s in syllables)
        if len(terms) == 2:
            return self._searcher.doc_frequency("bigrams" if exact else "bigrams_folded", bigram_key(*terms))
        return self._searcher.count(Phrase("text" if exact else "folded", terms))

    def is_word(self, syllables: tuple[str, ...], exact: bool) -> tuple[bool, int]:
        """(whether the syllables make a word, in how many documents pyvi made it)."""
        joined = self.word_documents(syllables, exact)
        if self.in_dictionary(syllables, exact):
            return True, joined
        if not joined:
            return False, 0
        return joined >= WORD_SHARE * self.adjacent_documents(syllables, exact), joined

    def pair_documents(self, first: str, second: str) -> int:
        """Documents holding two accented syllables side by side."""
        return self._searcher.doc_frequency("bigrams", bigram_key(first, second))


_tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # opened generation -> its WordTables
_tables_lock = threading.Lock()


def lexicon_of(index, searcher) -> Lexicon:
    """The lexicon of an opened index generation (store.Index) read through `searcher`, this thread's
    searcher of it: the generation's word tables are made on its first request and shared until a new
    generation replaces it (the tables then go with it: they hold it only weakly)."""
    with _tables_lock:
        tables = _tables.get(index)
        if tables is None:
            generation = weakref.ref(index)
            tables = _tables[index] = WordTables(lambda: generation().derived("words"),
                                                 lambda: generation().derived("accents"))
    return Lexicon(searcher, tables)


def group_is_exact(group: tuple[str, ...], accented_query: bool) -> bool:
    """A word is looked up with its diacritics when the query has some and so does the word."""
    return accented_query and any(has_diacritics(s) for s in group)


def segment(words: list[str], lexicon: Lexicon, accented_query: bool) -> list[tuple[str, ...]]:
    """The query's syllables grouped into words, as the corpus's own words make them.

    Most syllables covered by words first, then the more common words: `chuyển đổi số` ->
    [(`chuyển`, `đổi`), (`số`,)]. Numbers and codes stay alone.
    """
    n = len(words)
    best: list = [(0, 0.0, [])] + [None] * n  # per prefix length: (syllables in words, log documents, groups)
    for end in range(1, n + 1):
        for length in range(1, min(MAX_WORD_SYLLABLES, end) + 1):
            group = tuple(words[end - length:end])
            covered, weight, groups = best[end - length]
            if length > 1:
                if not all(s.isalpha() for s in group):
                    continue
                found, documents = lexicon.is_word(group, group_is_exact(group, accented_query))
                if not found:
                    continue
                covered, weight = covered + length, weight + math.log1p(documents)
            candidate = (covered, weight, groups + [group])
            if best[end] is None or candidate[:2] > best[end][:2]:
                best[end] = candidate
    return best[n][2]


def reading(words: list[str], lexicon: Lexicon) -> list[str] | None:
    """The accented reading the corpus most supports for words typed without diacritics, or None.

    Each word's candidates are its accented forms in the index (the accent table); neighbouring
    choices score by how many documents hold them side by side, so `tham nhung` reads `tham nhũng`,
    not `tham những`.
    """
    words = [w.lower() for w in words]
    if not words or any(not w.isascii() for w in words):
        return None
    table = lexicon.accents
    options = [[c for c, _ in table.get(fold(w), [])[:READING_CANDIDATES]] or [w] for w in words]
    unigram = {c: f for w in words for c, f in table.get(fold(w), [])}
    best = {c: (math.log1p(unigram.get(c, 0)), [c]) for c in options[0]}
    for column in options[1:]:
        step = {}
        for c in column:
            step[c] = max((score + 3 * math.log1p(lexicon.pair_documents(prev, c)) + math.log1p(unigram.get(c, 0)),
                           path + [c]) for prev, (score, path) in best.items())
        best = step
    return max(best.values())[1]


def query_words(parsed: ParsedQuery, lexicon: Lexicon) -> tuple[list[tuple[str, ...]] | None, list[str] | None]:
    """The free words of keywords grouped into words, and their accented reading when typed without
    diacritics (None, None for a question: it ranks by any syllable)."""
    if not parsed.words or parsed.question:
        return None, None
    accented = is_accented(parsed.words)
    groups = segment(parsed.words, lexicon, accented)
    return groups, None if accented or len(parsed.words) < 2 else reading(parsed.words, lexicon)
