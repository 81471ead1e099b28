"""The query's words from the index's own vocabulary: words whole, and the corpus's accented reading."""

import pytest

from indexer import open_index
from indexer.query.lexicon import lexicon_of, reading, segment


@pytest.fixture
def lexicon(index_dir):
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        yield lexicon_of(ix, searcher)


@pytest.mark.parametrize("typed,accented,words", [
    # pyvi's dictionary knows `chuyển đổi`, though no seed says it; `đổi số` is no word
    ("chuyển đổi số", True, [("chuyển", "đổi"), ("số",)]),
    ("thay đổi số lượng", True, [("thay", "đổi"), ("số", "lượng")]),
    # `Kiên Giang` is in no dictionary: pyvi made it one word in the corpus
    ("mạng xã hội Kiên Giang", True, [("mạng",), ("xã", "hội"), ("Kiên", "Giang")]),
    ("khong gian mang", False, [("khong", "gian"), ("mang",)]),  # the same on the folded forms
    ("Nghị quyết 35", True, [("Nghị", "quyết"), ("35",)]),         # numbers stay alone
])
def test_syllables_typed_side_by_side_group_into_words(lexicon, typed, accented, words):
    assert segment(typed.split(), lexicon, accented) == words


def test_unaccented_words_read_as_the_corpus_holds_them(lexicon):
    assert reading(["phong", "chong", "tham", "nhung"], lexicon) == ["phòng", "chống", "tham", "nhũng"]
    assert reading(["tham", "nhung"], lexicon) == ["tham", "nhũng"]  # not `tham những`
    assert reading(["phòng"], lexicon) is None  # typed with diacritics: nothing to read
