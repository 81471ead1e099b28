"""Filters as query trees over the exact-match fields: each filter, `cites` in any spelling, `kind`, `skip`."""

import pytest

from indexer.engines import All, Any, Nothing, Term
from indexer.query.filters import both, cite_keys, filter_query

NQ35 = Term("cites", "35-nq-tw")
KH14 = Term("cites", "14-kh-tw")


@pytest.mark.parametrize("spelling,keys", [
    ("35-NQ/TW", {"35-nq-tw"}),
    ("35/NQ-TW", {"35-nq-tw"}),
    ("35 - nq / tw", {"35-nq-tw"}),
    ("NQ 35", {"nq:35"}),
    ("nghi quyet 35", {"nq:35"}),
    ("Nghị quyết số 35", {"nq:35"}),
    ("hello", set()),
])
def test_cite_keys_of_one_spelling(spelling, keys):
    assert cite_keys({"cites": [spelling]}) == keys


def test_cite_keys_of_several_spellings_and_none():
    assert cite_keys({"cites": ["35-NQ/TW", "35/NQ-TW", "nghi quyet 35", "14-KH/TW", "hello"]}) == {
        "35-nq-tw", "nq:35", "14-kh-tw"}
    assert cite_keys({"year": ["2019"]}) == set()
    assert cite_keys({}) == set()


def test_no_filters_is_no_query():
    assert filter_query({}) is None
    assert filter_query({"year": [], "doc_type": []}) is None


def test_one_filter_is_any_of_its_values():
    assert filter_query({"year": ["2019"]}) == Any((Term("year", "2019"),))
    assert filter_query({"year": ["2019", "2020"]}) == Any((Term("year", "2019"), Term("year", "2020")))
    assert filter_query({"year": [2019]}) == Any((Term("year", "2019"),))  # values become text


def test_several_filters_are_all_required_in_name_order():
    assert filter_query({"year": ["2019"], "province": ["Kon Tum", "Lai Châu"], "doc_type": ["Kế hoạch"]}) == All((
        Any((Term("doc_type", "Kế hoạch"),)),
        Any((Term("province", "Kon Tum"), Term("province", "Lai Châu"))),
        Any((Term("year", "2019"),)),
    ))


def test_cites_filter_matches_every_spelling_by_its_keys():
    assert filter_query({"cites": ["35/NQ-TW"]}) == Any((NQ35,))
    assert filter_query({"cites": ["nghi quyet 35", "35-NQ/TW", "14-KH/TW"]}) == Any(
        (KH14, NQ35, Term("cites", "nq:35")))


def test_cites_filter_naming_no_document_matches_nothing():
    assert filter_query({"cites": ["hello"]}) == Nothing()
    assert filter_query({"cites": ["hello"], "year": ["2019"]}) == All((Nothing(), Any((Term("year", "2019"),))))


def test_kind_is_the_relation_with_the_cited_refs():
    assert filter_query({"cites": ["35-NQ/TW"], "kind": ["implements", "mentions"]}) == All((
        Any((NQ35,)),
        Any((Term("cites_kind", "35-nq-tw>implements"), Term("cites_kind", "35-nq-tw>mentions"))),
    ))


def test_kind_without_a_cited_ref_is_left_out():
    assert filter_query({"kind": ["implements"]}) is None
    assert filter_query({"kind": ["implements"], "year": ["2019"]}) == Any((Term("year", "2019"),))


def test_kind_with_the_scopes_refs():
    assert filter_query({"kind": ["based_on"]}, scope_keys={"35-nq-tw"}) == Any(
        (Term("cites_kind", "35-nq-tw>based_on"),))
    assert filter_query({"cites": ["14-KH/TW"], "kind": ["implements"]}, scope_keys={"35-nq-tw"}) == All((
        Any((KH14,)),  # the filter's own ref only: the scope is filtered on its own
        Any((Term("cites_kind", "14-kh-tw>implements"), Term("cites_kind", "35-nq-tw>implements"))),
    ))


def test_skip_leaves_one_filter_out():
    filters = {"year": ["2019"], "doc_type": ["Kế hoạch"]}
    assert filter_query(filters, skip="year") == Any((Term("doc_type", "Kế hoạch"),))
    assert filter_query(filters, skip="doc_type") == Any((Term("year", "2019"),))
    assert filter_query({"year": ["2019"]}, skip="year") is None
    assert filter_query(filters, skip="province") == filter_query(filters)


def test_skipping_cites_drops_kind_unless_the_scope_names_a_ref():
    filters = {"cites": ["35-NQ/TW"], "kind": ["implements"]}
    assert filter_query(filters, skip="cites") is None
    assert filter_query(filters, skip="cites", scope_keys={"14-kh-tw"}) == Any(
        (Term("cites_kind", "14-kh-tw>implements"), Term("cites_kind", "35-nq-tw>implements")))
    assert filter_query(filters, skip="kind") == Any((NQ35,))


def test_both_requires_the_queries_that_are_there():
    year, doc_type = Term("year", "2019"), Term("doc_type", "Kế hoạch")
    assert both() is None
    assert both(None, None) is None
    assert both(year) == year
    assert both(None, year, None) == year
    assert both(year, doc_type) == All((year, doc_type))
    assert both(year, None, doc_type) == All((year, doc_type))
