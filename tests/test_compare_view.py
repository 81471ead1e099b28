"""Two documents of the index compared: the shared passages, the shares, what each adds, the JSON shape."""

import pytest
from helpers import HAI_DUONG_150, KG_LETTER, KG_PLAN, NGOC_HOI

from indexer import Invalid, UnknownDocument, compare_documents, get_document
from indexer.compare.align import align


def test_the_district_plan_beside_the_provincial_one(index_dir):
    c = compare_documents(index_dir, NGOC_HOI, HAI_DUONG_150)
    assert (c.a.id, c.b.id, c.a.number, c.b.number) == (NGOC_HOI, HAI_DUONG_150, None, "150-KH/TU")
    # Offsets are in each text as /api/documents gives it.
    assert (c.a_text, c.b_text) == (get_document(index_dir, NGOC_HOI).text, get_document(index_dir, HAI_DUONG_150).text)
    assert (len(c.shared), c.a_shared, c.b_shared) == (27, 0.3186, 0.1222)
    assert [(s.kind, c.a_text[s.a[0]:s.a[1]]) for s in c.shared[:2]] == [
        ("edited", "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị"),
        ("same", "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác\ncác quan điểm sai trái, thù địch "
                 "trong tình hình mới")]
    assert [(c.a_text[x.a[0]:x.a[1]], c.b_text[x.b[0]:x.b[1]]) for x in c.shared[0].changes] == [("-", "/"), ("-", "/")]
    # What the district adds: the plans it follows, its own bodies in charge.
    assert [c.a_text[s:e][:60] for s, e in c.own("a")[:3]] == [
        "Thực hiện Kế hoạch số 3006/KH-UBND ngày 13/11/2019 của UBND ",
        "Nghị quyết số 35-NQ/TW), Ủy ban nhân dân huyện",
        "Nhằm nâng cao nhận thức, trách nhiệm của"]
    assert (len(c.own("a")), len(c.own("b"))) == (20, 22)


def test_as_dict_is_what_the_api_answers(index_dir):
    data = compare_documents(index_dir, NGOC_HOI, HAI_DUONG_150).as_dict()
    assert list(data) == ["a", "b", "shared", "a_shared", "b_shared", "a_own", "b_own"]
    assert data["a"] == get_document(index_dir, NGOC_HOI).doc.as_dict()
    assert data["shared"][:2] == [
        {"a": [14, 80], "b": [276, 342], "kind": "edited", "similarity": 0.9048,
         "changes": [{"a": [55, 56], "b": [317, 318]}, {"a": [58, 59], "b": [320, 321]}]},
        {"a": [82, 202], "b": [154, 274], "kind": "same", "similarity": 1.0, "changes": []}]
    assert data["a_own"][:2] == [[207, 416], [541, 587]]


def test_the_view_aligns_the_stored_texts(index_dir):
    letter, plan = get_document(index_dir, KG_LETTER).text, get_document(index_dir, KG_PLAN).text
    c = compare_documents(index_dir, KG_LETTER, KG_PLAN)
    found = align(letter, plan)
    assert (c.shared, c.a_shared, c.b_shared) == (found.shared, found.a_shared, found.b_shared)
    swapped = compare_documents(index_dir, KG_PLAN, KG_LETTER)
    assert (swapped.a_shared, swapped.b_shared) == (c.b_shared, c.a_shared)
    assert [(s.a, s.b) for s in swapped.shared] == sorted((s.b, s.a) for s in c.shared)


def test_an_unknown_or_blank_id_is_refused(index_dir):
    with pytest.raises(UnknownDocument, match="Không có văn bản nào mang mã “corpus/nope.txt#0”."):
        compare_documents(index_dir, NGOC_HOI, "corpus/nope.txt#0")
    with pytest.raises(Invalid, match=r"Thiếu mã văn bản a \(ví dụ: a=corpus/000_65df158a4e7ec0a6.txt#0\)."):
        compare_documents(index_dir, " ", NGOC_HOI)
    with pytest.raises(Invalid, match="Mã văn bản b quá dài"):
        compare_documents(index_dir, NGOC_HOI, "x" * 1001)
