"""The query tree a search ranks by (indexer/query/ranking): what matches and which clauses rank."""

from indexer.engines import All, Any, Phrase, Rank, Term
from indexer.query.parse import parse_query
from indexer.query.ranking import build_query


def phrases(tree: Rank) -> list[Phrase]:
    """The phrases among the ranking clauses."""
    return [c for c in tree.should.clauses if isinstance(c, Phrase)]


def test_words_near_each_other_rank_a_query_of_several_words():
    tree = build_query(parse_query("không gian mạng"), groups=[("không", "gian"), ("mạng",)])
    assert tree.must == All((Any((Term("bigrams", "không gian"), Phrase("title", ("không", "gian")))),
                             Any((Term("text", "mạng"), Term("title", "mạng")))))
    assert phrases(tree) == [Phrase("text", ("không", "gian", "mạng"), 3, 1.5),
                             Phrase("title", ("không", "gian", "mạng"), 0, 3.0),
                             Phrase("text", ("không", "gian", "mạng"), 0, 2.0)]


def test_one_word_has_no_other_to_be_near():
    tree = build_query(parse_query("tuyên truyền"), groups=[("tuyên", "truyền")])
    assert tree.must == Any((Term("bigrams", "tuyên truyền"), Phrase("title", ("tuyên", "truyền"))))
    assert phrases(tree) == [Phrase("title", ("tuyên", "truyền"), 0, 3.0)]
    assert Term("bigrams", "tuyên truyền") in tree.should.clauses
    # its syllables read as words of their own (no word table): near each other again
    assert phrases(build_query(parse_query("tuyên truyền")))[0] == Phrase("text", ("tuyên", "truyền"), 3, 1.5)
