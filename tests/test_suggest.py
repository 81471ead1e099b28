"""The accent suggestion: a hand-made accent table, neighbouring syllables counted in the real index's
bigram field."""

import pytest

from indexer import open_index
from indexer.query.lexicon import Lexicon, WordTables
from indexer.query.parse import parse_query
from indexer.query.suggest import MAX_WORDS, suggest_accents

# folded syllable -> accented forms with their document frequency, most frequent first (as the build makes it)
ACCENTS = {"phong": [("phòng", 6), ("phong", 4), ("phóng", 1)], "chong": [("chống", 4)],
           "tham": [("tham", 6), ("thẩm", 2)], "nhung": [("những", 5), ("nhưng", 3), ("nhũng", 1)]}


class Loader:
    """The accent table's loader, recording each time it is asked."""

    def __init__(self, table=ACCENTS):
        self.table, self.calls = table, 0

    def __call__(self):
        self.calls += 1
        return self.table


def suggest(index_dir, query: str, loader=None):
    loader = loader or Loader()
    with open_index(index_dir).searcher() as searcher:
        return suggest_accents(Lexicon(searcher, WordTables(dict, loader)), parse_query(query))


@pytest.mark.parametrize("query,suggestion", [
    ("phong chong tham nhung", "phòng chống tham nhũng"),  # `nhũng` follows `tham` in the corpus, `những` does not
    ("tham nhung", "tham nhũng"),
    ("nhung", "những"),                                    # alone: the most frequent form
    ("PHONG CHONG", "phòng chống"),
    ("phong xyz", "phòng xyz"),                            # a word the table lacks is kept as typed
])
def test_unaccented_words_get_the_accents_the_corpus_supports(index_dir, query, suggestion):
    loader = Loader()
    assert suggest(index_dir, query, loader) == suggestion
    assert loader.calls == 1


def test_no_suggestion_when_it_equals_the_query(index_dir):
    loader = Loader()
    assert (suggest(index_dir, "tham", loader), suggest(index_dir, "xyz", loader)) == (None, None)
    assert loader.calls == 2


@pytest.mark.parametrize("query", [
    "phòng chong",                           # accented: the person typed diacritics
    " ".join(["phong"] * (MAX_WORDS + 1)),   # a question, not keywords
    "35-NQ/TW",                              # a ref, no words
    "",
])
def test_no_suggestion_and_no_table_when_none_is_wanted(index_dir, query):
    loader = Loader()
    assert suggest(index_dir, query, loader) is None
    assert loader.calls == 0


def test_up_to_max_words_are_suggested(index_dir):
    assert MAX_WORDS == 8
    assert suggest(index_dir, " ".join(["phong"] * MAX_WORDS)) == " ".join(["phòng"] * MAX_WORDS)


def test_an_empty_table_suggests_nothing(index_dir):
    loader = Loader({})
    assert suggest(index_dir, "phong chong", loader) is None
    assert loader.calls == 1
