"""The documents citing a ref, on the real index: any spelling, kinds, counts, passages, pages, facets, shape."""

import pytest
from helpers import HAI_DUONG_150, LAI_CHAU, NGOC_HOI

from indexer import Invalid, citing_documents

# Newest first: (id, strongest relation, citations of 35-NQ/TW, sentences citing it).
CITING_35 = [(LAI_CHAU, "implements", 3, 2), (NGOC_HOI, "implements", 8, 6), (HAI_DUONG_150, "implements", 27, 23)]
LAI_CHAU_PASSAGES = [
    ("Tiếp tục quán triệt và triển khai thực hiện nghiêm túc, hiệu quả Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của "
     "Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù "
     "địch trong tình hình mới và Kế hoạch số 209-KH/TU, ngày 10/6/2019 của Ban Thường vụ Tỉnh ủy thực hiện Nghị "
     "quyết số 35-NQ/TW của Bộ Chính trị.", 7464, ["Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị"]),
    ("- Sơ kết 5 năm thực hiện Nghị quyết 35-NQ/TW và Kế hoạch số 209-KH/TU của Ban Thường vụ Tỉnh ủy;", 8652,
     ["Nghị quyết 35-NQ/TW"]),
]


def rows(citing) -> list[tuple]:
    return [(h.document.id, h.kind, h.count, len(h.passages)) for h in citing.hits]


def facet(citing, name) -> list[tuple]:
    return [(v.value, v.count, v.selected) for f in citing.facets if f.name == name for v in f.results]


@pytest.mark.parametrize("spelling", ["35-NQ/TW", "35/NQ-TW", "NQ 35", "nghi quyet 35", "Nghị quyết số 35"])
def test_every_spelling_lists_the_same_citing_documents(index_dir, spelling):
    citing = citing_documents(index_dir, spelling)
    assert (citing.total, rows(citing)) == (3, CITING_35)
    assert (citing.ref.id, citing.ref.ref, citing.ref.in_corpus, sorted(citing.ref.cited_by)) == (
        "ref:35-NQ/TW@2018", "35-NQ/TW", False, sorted([HAI_DUONG_150, NGOC_HOI, LAI_CHAU]))


def test_each_hit_shows_the_passages_that_cite_the_ref(index_dir):
    lai_chau = citing_documents(index_dir, "35-NQ/TW").hits[0]
    assert [(p.text, p.start, [p.text[s:e] for s, e in p.highlights]) for p in lai_chau.passages] == LAI_CHAU_PASSAGES
    assert lai_chau.passage == lai_chau.passages[0]  # the first passage showing the strongest relation
    assert [lai_chau.snippet.text[s:e] for s, e in lai_chau.snippet.highlights] == [
        "Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị"]


def test_other_refs(index_dir):
    kh14 = citing_documents(index_dir, "Kế hoạch 14-KH/TW")
    assert (kh14.total, kh14.ref.id, rows(kh14)) == (
        2, "ref:14-KH/TW@2019", [(NGOC_HOI, "implements", 2, 2), (HAI_DUONG_150, "implements", 4, 4)])
    unknown = citing_documents(index_dir, "99-NQ/TW")
    assert (unknown.total, unknown.ref, unknown.hits) == (0, None, ())


def test_query_filters_sort_and_pages(index_dir):
    asked = citing_documents(index_dir, "35-NQ/TW", query="không gian mạng")
    assert sorted(h.document.id for h in asked.hits) == sorted([HAI_DUONG_150, LAI_CHAU])
    kon_tum = citing_documents(index_dir, "35-NQ/TW", filters={"province": "Kon Tum"})
    assert (kon_tum.total, rows(kon_tum), kon_tum.result.filters) == (
        1, [(NGOC_HOI, "implements", 8, 6)], {"province": ["Kon Tum"]})
    assert facet(kon_tum, "province") == [("Hải Dương", 1, False), ("Kon Tum", 1, True), ("Lai Châu", 1, False)]
    oldest = citing_documents(index_dir, "35-NQ/TW", sort="date_asc")
    assert [h.document.id for h in oldest.hits] == [HAI_DUONG_150, NGOC_HOI, LAI_CHAU]
    second = citing_documents(index_dir, "35-NQ/TW", page=2, page_size=1)
    assert (second.total, rows(second), second.result.pages) == (3, [CITING_35[1]], 3)


def test_all_pages_gives_the_whole_list_in_one(index_dir):
    everything = citing_documents(index_dir, "nghi quyet 35", page_size=1, all_pages=True)
    assert (everything.total, rows(everything), everything.result.page_size, everything.result.pages) == (
        3, CITING_35, 3, 1)


@pytest.mark.parametrize("ref", ["hello", "", "Nghị quyết", "35-NQ/TW 14-KH/TW"])
def test_a_value_naming_no_single_document_is_refused(index_dir, ref):
    with pytest.raises(Invalid) as raised:
        citing_documents(index_dir, ref)
    # the one check every surface uses, with its message
    assert str(raised.value) == f"{ref!r} không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35)."


def test_the_cites_facet_leaves_out_the_ref_itself(index_dir):
    citing = citing_documents(index_dir, "nghi quyet 35")
    assert facet(citing, "cites") == [
        ("14-KH/TW", 2, False), ("01-KL/TW", 1, False), ("04-NQ/TU", 1, False), ("05-CT/TW", 1, False),
        ("08-CTr/TU", 1, False), ("09/2017/NĐ-CP", 1, False), ("102-KH/TU", 1, False), ("131-KH/HU", 1, False),
        ("20-CT/TW", 1, False), ("209-KH/TU", 1, False), ("21-KL/TW", 1, False), ("224-KL/TU", 1, False),
        ("238-QĐ/TW", 1, False), ("3006/KH-UBND", 1, False), ("33-NQ/TW", 1, False), ("362/QĐ-TTg", 1, False),
        ("44-KH/TU", 1, False), ("76-KL/TW", 1, False), ("Luật An ninh mạng", 1, False), ("Luật Báo chí", 1, False)]
    assert facet(citing, "kind") == [("implements", 3, False)]
    assert facet(citing, "doc_type") == [("Kế hoạch", 3, False)]


def test_as_dict_shape(index_dir):
    data = citing_documents(index_dir, "35-NQ/TW").as_dict()
    assert list(data) == ["ref", "query", "total", "page", "page_size", "sort", "filters", "warnings", "suggestion",
                          "relaxed", "unmatched", "hits", "facets"]
    assert (data["total"], data["page"], data["page_size"], data["sort"], data["filters"]) == (
        3, 1, 20, "relevance", {})
    assert (data["ref"]["id"], data["ref"]["label"], data["ref"]["level"], data["ref"]["cited_by_count"]) == (
        "ref:35-NQ/TW@2018", "Nghị quyết 35-NQ/TW", "central", 3)
    first = data["hits"][0]
    assert list(first) == ["id", "source", "part", "doc_type", "number", "issuer", "province", "date", "date_min",
                           "year", "year_inferred", "title", "signer", "deduced", "parent_issuer", "authority",
                           "format", "ocr", "indexed", "title_printed", "issuer_printed", "cited_by_count", "status",
                           "kind", "count", "passage", "passages", "snippet", "versions",
                           "version", "version_known", "highlights", "score", "part_anchor", "part_number",
                           "cited_parts", "part_links"]
    assert (first["id"], first["kind"], first["count"], first["passage"]) == (
        LAI_CHAU, "implements", 3, LAI_CHAU_PASSAGES[0][0])
    assert first["passages"] == [{"text": LAI_CHAU_PASSAGES[0][0], "highlights": [[65, 121]], "start": 7464},
                                 {"text": LAI_CHAU_PASSAGES[1][0], "highlights": [[25, 44]], "start": 8652}]
    assert first["highlights"] == [[56, 112]]
    assert list(data["facets"]) == ["doc_type", "year", "issuer", "province", "cites", "month", "status", "kind",
                                    "part"]
    assert data["facets"]["kind"] == [{"value": "implements", "count": 3, "selected": False}]
