"""Facet counts over a result: selection, zero-result choices, refs in any spelling, the kind facet, the shape."""

import pytest

from indexer import open_index
from indexer.engines import Every, IndexedDoc, create_engine
from indexer.query.facets import MAX_FACET_VALUES, Facet, FacetValue, count_facets, facets_dict
from indexer.query.parse import parse_query
from indexer.query.ranking import build_query

# The refs the corpus's documents cite, by how many documents cite each (the `cites` facet of everything).
CITED = [("35-NQ/TW", 3), ("07-CT/TU", 2), ("14-KH/TW", 2), ("21-KL/TW", 2), ("Luật An ninh mạng", 2),
         ("01-KL/TW", 1), ("04-NQ/TU", 1),
         ("05-CT/TW", 1), ("08-CTr/TU", 1), ("09/2017/NĐ-CP", 1), ("102-KH/TU", 1), ("131-KH/HU", 1),
         ("20-CT/TW", 1), ("209-KH/TU", 1), ("224-KL/TU", 1), ("238-QĐ/TW", 1), ("3006/KH-UBND", 1),
         ("33-NQ/TW", 1), ("362/QĐ-TTg", 1), ("4211/VP-KGVX", 1), ("44-KH/TU", 1), ("46-KH/BTGTU", 1),
         ("62-KH/TU", 1), ("76-KL/TW", 1), ("97-HD/BTGTW", 1), ("Luật Báo chí", 1)]


def facets(index_dir, query=None, filters=None, scope=None) -> dict[str, list[tuple]]:
    """Each facet's (value, count, selected), over the query (every document when None)."""
    with open_index(index_dir).searcher() as searcher:
        counted = count_facets(searcher, Every() if query is None else query, filters or {}, scope or {})
    return {f.name: [(v.value, v.count, v.selected) for v in f.results] for f in counted}


def test_facets_of_the_whole_corpus(index_dir):
    assert facets(index_dir) == {
        "doc_type": [("Kế hoạch", 5, False), ("Công văn", 1, False)],
        "year": [("2023", 1, False), ("2021", 3, False), ("2019", 2, False)],
        "issuer": [("Ban Thường vụ Tỉnh ủy", 1, False), ("Ban Thường vụ Tỉnh ủy Hải Dương", 1, False),
                   ("Ban Thường vụ Tỉnh ủy Lai Châu", 1, False), ("Ban Tuyên giáo Tỉnh ủy Kiên Giang", 1, False),
                   ("Văn phòng Ủy ban nhân dân tỉnh Kiên Giang", 1, False), ("Ủy ban nhân dân huyện Ngọc Hồi", 1, False)],
        "province": [("Kiên Giang", 2, False), ("Hải Dương", 1, False), ("Kon Tum", 1, False), ("Lai Châu", 1, False)],
        "cites": [(ref, count, False) for ref, count in CITED],
        # the three documents whose day is known; the other three have only a year
        "month": [("2021-06", 2, False), ("2019-05", 1, False)],
    }


def test_a_facets_own_selection_keeps_its_other_values_and_narrows_the_rest(index_dir):
    counted = facets(index_dir, filters={"year": ["2019"]})
    assert counted["year"] == [("2023", 1, False), ("2021", 3, False), ("2019", 2, True)]
    assert counted["doc_type"] == [("Kế hoạch", 2, False)]
    assert counted["province"] == [("Hải Dương", 1, False), ("Kon Tum", 1, False)]
    assert counted["cites"] == [("14-KH/TW", 2, False), ("35-NQ/TW", 2, False), ("09/2017/NĐ-CP", 1, False),
                                ("102-KH/TU", 1, False), ("131-KH/HU", 1, False), ("3006/KH-UBND", 1, False),
                                ("362/QĐ-TTg", 1, False), ("Luật An ninh mạng", 1, False)]


def test_a_chosen_value_with_no_result_is_still_listed_as_selected(index_dir):
    counted = facets(index_dir, filters={"year": ["2019", "1999"]})
    assert counted["year"] == [("2023", 1, False), ("2021", 3, False), ("2019", 2, True), ("1999", 0, True)]
    tham_nhung = build_query(parse_query("tham nhũng"))
    counted = facets(index_dir, tham_nhung, {"doc_type": ["Công văn"]})
    assert counted == {"doc_type": [("Kế hoạch", 1, False), ("Công văn", 0, True)],
                       "year": [], "issuer": [], "province": [], "cites": [], "month": []}


@pytest.mark.parametrize("spelling", ["nghi quyet 35", "35/NQ-TW", "Nghị quyết số 35", "35-NQ/TW"])
def test_the_cites_facet_marks_a_ref_chosen_in_another_spelling(index_dir, spelling):
    counted = facets(index_dir, filters={"cites": [spelling]})
    # its own selection skipped: every cited ref of the corpus, the chosen one marked by its canonical value
    assert counted["cites"] == [(ref, count, ref == "35-NQ/TW") for ref, count in CITED]
    assert counted["province"] == [("Hải Dương", 1, False), ("Kon Tum", 1, False), ("Lai Châu", 1, False)]
    assert counted["kind"] == [("implements", 3, False)]


def test_a_chosen_ref_cited_by_none_is_listed_as_it_was_given(index_dir):
    counted = facets(index_dir, filters={"cites": ["99-NQ/TW"]})
    assert counted["cites"] == [(ref, count, False) for ref, count in CITED] + [("99-NQ/TW", 0, True)]
    assert (counted["doc_type"], counted["kind"]) == ([], [])


def test_the_kind_facet_counts_relations_with_the_cited_ref(index_dir):
    assert list(facets(index_dir)) == ["doc_type", "year", "issuer", "province", "cites", "month"]  # no ref: no kind
    assert facets(index_dir, filters={"cites": ["35-NQ/TW"], "kind": ["implements"]})["kind"] == [
        ("implements", 3, True)]
    # a relation no citing document has is listed when chosen; the others are counted without it
    in_scope = facets(index_dir, filters={"kind": ["mentions"]}, scope={"cites": ["35-NQ/TW"]})
    assert in_scope == {"doc_type": [], "year": [], "issuer": [], "province": [], "cites": [], "month": [],
                        "kind": [("implements", 3, False), ("mentions", 0, True)], "part": []}
    assert facets(index_dir, filters={"cites": ["Chỉ thị 07"]})["kind"] == [("implements", 2, False)]


def test_the_month_facet_counts_known_days_without_the_date_range_and_marks_a_chosen_month(index_dir):
    may = facets(index_dir, filters={"date_from": ["2019-05"], "date_to": ["2019-05"]})
    assert may["month"] == [("2021-06", 2, False), ("2019-05", 1, True)]
    assert may["year"] == [("2019", 1, False)]  # the other facets count the range's one document
    assert facets(index_dir, filters={"date_from": ["2019"], "date_to": ["2019"]})["month"] == [
        ("2021-06", 2, False), ("2019-05", 1, False)]  # a range that is no single month marks none
    assert facets(index_dir, filters={"date_from": ["2020-02"], "date_to": ["2020-02"]})["month"] == [
        ("2021-06", 2, False), ("2020-02", 0, True), ("2019-05", 1, False)]


def test_facet_shapes():
    facet = Facet("year", (FacetValue("2021", 3), FacetValue("2019", 2, True)))
    assert facet.as_dict() == [{"value": "2021", "count": 3, "selected": False},
                               {"value": "2019", "count": 2, "selected": True}]
    assert facets_dict([facet, Facet("kind", ())]) == {
        "year": [{"value": "2021", "count": 3, "selected": False}, {"value": "2019", "count": 2, "selected": True}],
        "kind": []}
    assert facets_dict([]) == {}


def test_facets_dict_of_counted_facets(index_dir):
    with open_index(index_dir).searcher() as searcher:
        counted = count_facets(searcher, Every(), {"doc_type": ["Công văn"]}, {})
    assert facets_dict(counted)["doc_type"] == [{"value": "Kế hoạch", "count": 5, "selected": False},
                                                {"value": "Công văn", "count": 1, "selected": True}]
    assert list(facets_dict(counted)) == ["doc_type", "year", "issuer", "province", "cites", "month"]


def test_a_chosen_ref_with_no_result_stays_listed_when_many_refs_are_cited(engine, tmp_path):
    built = create_engine(engine, tmp_path / "e")
    writer = built.writer()
    for n in range(1, MAX_FACET_VALUES + 2):
        writer.add(IndexedDoc(stored={"id": f"d{n}#0", "source": f"d{n}", "part": 0, "text": "x", "meta": "{}"},
                              tokens={"text": [("x", 0)], "words": [("x", 0)]},
                              keywords={"id": [f"d{n}#0"], "source": [f"d{n}"], "cited_refs": [f"{n}-KH/TU"]}))
    writer.commit()
    with built.searcher() as searcher:
        cites = next(f for f in count_facets(searcher, Every(), {"cites": ["35-NQ/TW"]}, {}) if f.name == "cites")
    assert [v for v in cites.results if v.selected] == [FacetValue("35-NQ/TW", 0, True)]
