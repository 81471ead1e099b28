"""What one search asks (query/request), the pagers that make its page (query/paging), and the word
tables one generation shares (query/lexicon), on real indexes of the bundled corpus (both engines)."""

import gc
import shutil
import threading
import weakref

import pytest
from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM

from indexer import IndexNotFound, Invalid, open_index
from indexer.builder.index import build_index
from indexer.engines import All, Any, Range, Term
from indexer.query.lexicon import lexicon_of
from indexer.query.paging import Folded, MostCited, Ranked, pager_for
from indexer.query.parse import ParsedQuery
from indexer.query.request import SearchRequest
from indexer.searching import prepare

CAM_GIANG, THANH_HA = "copies/cam_giang.txt#0", "copies/thanh_ha.txt#0"


def test_a_request_says_once_what_is_asked(index_dir):
    _, request = prepare(index_dir, "khong gian mang", {"year": 2019, "doc_type": ["KH", "CV"]}, "date",
                         {"cites": "35-NQ/TW"}, offset=10, limit=5, collapse=True)
    assert request == SearchRequest(
        parsed=ParsedQuery("khong gian mang", words=["khong", "gian", "mang"]),
        groups=[("khong", "gian"), ("mang",)],   # `khong gian` is a word of the corpus
        reading=["không", "gian", "mạng"],        # as the corpus holds it
        filter=All((Any((Term("cites", "35-nq-tw"),)),
                    All((Any((Term("doc_type", "KH"), Term("doc_type", "CV"))), Any((Term("year", "2019"),)))))),
        filters={"year": ["2019"], "doc_type": ["KH", "CV"]}, scope={"cites": ["35-NQ/TW"]}, sort="date",
        offset=10, limit=5, collapse=True, near_duplicates={}, relax=True, snippets=True,
        given_filters={"year": ["2019"], "doc_type": ["KH", "CV"]})
    assert (request.cites, request.ranged, request.needs_text) == ({"35-nq-tw"}, False, True)
    assert (request.may_relax, request.relaxed_from_start) == (True, False)


def test_a_question_has_no_words_to_group_and_takes_any_word_from_the_start(index_dir):
    _, request = prepare(index_dir, "Tù chung thân là gì?", None, "relevance", None)
    assert (request.groups, request.reading, request.filter, request.filters, request.scope) == (None, None, None, {}, {})
    assert (request.may_relax, request.relaxed_from_start, request.collapse, request.near_duplicates) == (
        False, True, False, {})


def test_a_request_of_a_file_without_snippets_reads_text_only_for_a_citing_list(index_dir):
    _, plain = prepare(index_dir, "phong chong", {"date_from": "2019"}, "cited", None, limit=500, snippets=False)
    _, citing = prepare(index_dir, "", None, "date", {"cites": "35/NQ-TW"}, snippets=False, relax=False)
    assert (plain.filter, plain.ranged, plain.needs_text, plain.limit) == (Range("date_low", 20190101, None), True,
                                                                           False, 500)
    assert (citing.cites, citing.needs_text, citing.may_relax) == ({"35-nq-tw"}, True, False)


def test_values_are_checked_before_the_index_is_opened(tmp_path):
    with pytest.raises(Invalid, match="Cách sắp xếp không hợp lệ: 'random'"):
        prepare(tmp_path / "none", "x", None, "random", None)
    with pytest.raises(IndexNotFound):
        prepare(tmp_path / "none", "x", None, "date", None)


def page(index, query: str, sort: str, offset: int, limit: int, collapse: bool = False):
    """(pager kind, total, ids of the page, folded ids, ids under each hit) of what pager_for makes."""
    ix, request = prepare(index, query, None, sort, None, offset=offset, limit=limit, collapse=collapse)
    pager = pager_for(request, ix.derived("counts") or {})
    with ix.searcher() as searcher:
        paged = pager.page(searcher, request.tree(), request)
        ids = [searcher.stored(key, False)["id"] for key, _ in paged.keys]
    under = {shown: sorted(hidden) for shown, hidden in paged.folding.under.items()}
    kind = type(pager).__name__ + (f"({type(pager.inner).__name__})" if isinstance(pager, Folded) else "")
    return kind, paged.total, ids, sorted(paged.folding.folded), under


# The pages the helpers search() had before the pagers (indexer/searching.py's `_page`, `_folded_page`,
# `_most_cited_first`) gave on both engines. The seeds hold one cited document (KG_PLAN, cited once).
@pytest.mark.parametrize("query,sort,offset,limit,expected", [
    ("không gian mạng", "relevance", 0, 10, ("Ranked", 3, [HAI_DUONG_150, KG_PLAN, LAI_CHAU], [], {})),
    ("", "relevance", 2, 3, ("Ranked", 6, [KG_LETTER, KG_PLAN, NGOC_HOI], [], {})),  # browsing: newest first
    ("", "date_asc", 0, 10, ("Ranked", 6, [HAI_DUONG_150, NGOC_HOI, KG_PLAN, KG_LETTER, LAI_CHAU, TAC_PHAM], [], {})),
    ("tỉnh ủy", "relevance", 0, 10,
     ("Ranked", 6, [KG_LETTER, KG_PLAN, HAI_DUONG_150, LAI_CHAU, TAC_PHAM, NGOC_HOI], [], {})),
    ("", "cited", 0, 10, ("MostCited", 6, [KG_PLAN, TAC_PHAM, LAI_CHAU, KG_LETTER, NGOC_HOI, HAI_DUONG_150], [], {})),
    ("", "cited", 0, 3, ("MostCited", 6, [KG_PLAN, TAC_PHAM, LAI_CHAU], [], {})),  # the cited, then the rest
    ("", "cited", 1, 3, ("MostCited", 6, [TAC_PHAM, LAI_CHAU, KG_LETTER], [], {})),  # past the cited
])
def test_the_pagers_give_the_pages_search_gave(index_dir, query, sort, offset, limit, expected):
    assert page(index_dir, query, sort, offset, limit) == expected
    assert page(index_dir, query, sort, offset, limit, collapse=True) == expected  # no near-duplicates to fold


FOLDED_UNDER_THANH_HA = ([CAM_GIANG, HAI_DUONG_150], {THANH_HA: [CAM_GIANG, HAI_DUONG_150]})


@pytest.mark.parametrize("sort,offset,limit,expected", [
    ("date", 0, 10, ("Folded(Ranked)", 6, [TAC_PHAM, LAI_CHAU, KG_LETTER, KG_PLAN, NGOC_HOI, THANH_HA],
                     *FOLDED_UNDER_THANH_HA)),
    ("date", 4, 2, ("Folded(Ranked)", 6, [NGOC_HOI, THANH_HA], *FOLDED_UNDER_THANH_HA)),  # pages stay full
    ("cited", 0, 10, ("Folded(MostCited)", 6, [KG_PLAN, TAC_PHAM, LAI_CHAU, KG_LETTER, NGOC_HOI, THANH_HA],
                      *FOLDED_UNDER_THANH_HA)),
    ("relevance", 0, 10, ("Folded(Ranked)", 6, [HAI_DUONG_150, NGOC_HOI, KG_PLAN, LAI_CHAU, KG_LETTER, TAC_PHAM],
                          [CAM_GIANG, THANH_HA], {HAI_DUONG_150: [CAM_GIANG, THANH_HA]})),
])
def test_folding_wraps_either_order(copies_index, sort, offset, limit, expected):
    assert page(copies_index, "bảo vệ nền tảng tư tưởng", sort, offset, limit, collapse=True) == expected


def test_without_collapse_the_copies_stand_as_hits(copies_index):
    assert page(copies_index, "bảo vệ nền tảng tư tưởng", "date", 4, 10) == (
        "Ranked", 8, [NGOC_HOI, THANH_HA, CAM_GIANG, HAI_DUONG_150], [], {})
    assert isinstance(pager_for(prepare(copies_index, "", None, "cited", None)[1], {}), MostCited)
    assert isinstance(pager_for(prepare(copies_index, "", None, "date", None)[1], {}), Ranked)


def test_one_generation_shares_its_word_tables_between_threads(index_dir, copies_index):
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        here = lexicon_of(ix, searcher)
    there = []

    def other_thread():
        with ix.searcher() as own:
            there.append((own, lexicon_of(ix, own)))

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    (own, lexicon), = there
    assert own is not searcher and lexicon.tables is here.tables
    assert here.words is ix.derived("words") and set(here.words) == {"folded", "dictionary", "dictionary_folded"}
    with open_index(copies_index).searcher() as other:
        assert lexicon_of(open_index(copies_index), other).tables is not here.tables


def test_a_new_generation_gets_new_tables_and_the_old_one_is_let_go(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "003_189e87e651a32754.txt", corpus)
    build_index([corpus], tmp_path / "ix", engine="whoosh")
    old = open_index(tmp_path / "ix")
    with old.searcher() as searcher:
        before = lexicon_of(old, searcher)
    # Documents in which pyvi made `kien giang` one word, as the generation's folded word table says
    assert before.word_documents(("kien", "giang"), exact=False) == 0
    shutil.copy(CORPUS / "004_2a738f3429698ec1.txt", corpus)  # the Kiên Giang letter and plan
    build_index([corpus], tmp_path / "ix")
    new = open_index(tmp_path / "ix")
    with new.searcher() as searcher:
        after = lexicon_of(new, searcher)
    assert (new is not old, after.tables is not before.tables) == (True, True)
    assert (after.word_documents(("kien", "giang"), exact=False), before.word_documents(("kien", "giang"), False)) == (
        1, 0)
    gone = weakref.ref(old)
    del old
    gc.collect()
    assert gone() is None  # the word tables kept no hold on the generation they came from
