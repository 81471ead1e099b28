"""One document's view: its citations both ways, the query's highlights, its parts, its shape, its file."""


import pytest
from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN

from indexer import NoOriginal, OriginalChanged, UnknownDocument, get_document, original_file
from indexer.builder.index import build_index

# The sentences of the letter that cite the plan attached to it: (start in the text, the citation in it).
LETTER_CITES_PLAN = [
    ("V/v thực hiện Kế hoạch số\n46-KH/BTGTU ngày 08/6/2021\ncủa Ban Tuyên giáo Tỉnh ủy.", 154,
     ["Kế hoạch số\n46-KH/BTGTU ngày 08/6/2021\ncủa Ban Tuyên giáo Tỉnh ủy"]),
    ("Ủy ban nhân dân tỉnh Kiên Giang nhận được Kế hoạch số 46-KH/BTGTU ngày 08-6-2021 của Ban Tuyên giáo Tỉnh ủy "
     "về triển khai thực hiện Chỉ thị số 07-CT/TU ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh và nâng cao "
     "chất lượng, hiệu quả công tác tuyên truyền, giáo dục nền tảng tư tưởng của Đảng trong cán bộ, đảng viên, đoàn "
     "viên, hội viên và Nhân dân (đính kèm văn bản).", 315,
     ["Kế hoạch số 46-KH/BTGTU ngày 08-6-2021 của Ban Tuyên giáo Tỉnh ủy"]),
    ("Giao Sở Thông tin và Truyền thông làm đầu mối chủ trì, phối hợp với Công an tỉnh, Sở Văn hóa và Thể thao và "
     "các ngành liên quan tham mưu Ban Cán sự Đảng Ủy ban nhân dân tỉnh việc thực hiện Kế hoạch số 46-KH/BTGTU ngày "
     "08/6/2021 của Ban Tuyên giáo Tỉnh ủy về triển khai thực hiện Chỉ thị số 07-CT/TU ngày 04-6-2021 của Ban "
     "Thường vụ Tỉnh ủy về đẩy mạnh và nâng cao chất lượng, hiệu quả công tác tuyên truyền, giáo dục nền tảng tư "
     "tưởng của Đảng trong cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân.", 782,
     ["Kế hoạch số 46-KH/BTGTU ngày 08/6/2021 của Ban Tuyên giáo Tỉnh ủy"]),
    ("Các sở, ban, ngành tỉnh, Ủy ban nhân dân các huyện, thành phố tiếp tục quán triệt, thực hiện tốt Chỉ thị số "
     "07-CT/TU ngày 04-6-2021 theo chỉ đạo của Thường trực Ủy ban nhân dân tỉnh tại Công văn số 4211/VP-KGVX ngày "
     "15/6/2021 và các nội dung tuyên truyền, giáo dục do Ban Tuyên giáo Tỉnh ủy biên soạn kèm theo Kế hoạch số "
     "46-KH/BTGTU ngày 08-6-2021.", 1514, ["Kế hoạch số 46-KH/BTGTU ngày 08-6-2021"]),
]
PART_LIMIT = 300  # characters: the seven paragraphs below make four parts
PARAGRAPHS = [f"Đoạn {n}: thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về bảo vệ nền tảng tư tưởng của Đảng "
              "trong tình hình mới." for n in range(1, 8)]


def shown(passages) -> list[tuple]:
    return [(p.text, p.start, [p.text[s:e] for s, e in p.highlights]) for p in passages]


def refused(view, *args) -> tuple[type, str]:
    """The exception a view raises, and its message."""
    with pytest.raises(Exception) as raised:
        view(*args)
    return type(raised.value), str(raised.value)


def test_an_unknown_id_has_no_document_and_no_file(index_dir):
    unknown = (UnknownDocument, "Không có văn bản nào mang mã “corpus/nope.txt#0”.")
    assert refused(get_document, index_dir, "corpus/nope.txt#0") == unknown
    assert refused(get_document, index_dir, "corpus/nope.txt#0", "nghị quyết") == unknown
    assert refused(original_file, index_dir, "corpus/nope.txt#0") == unknown
    assert refused(get_document, index_dir, "") == (UnknownDocument, "Không có văn bản nào mang mã “”.")


def test_a_letter_cites_the_plan_attached_to_it(index_dir):
    letter = get_document(index_dir, KG_LETTER)
    assert (letter.doc.id, letter.doc.number, letter.doc.doc_type, len(letter.text)) == (
        KG_LETTER, "4382/VP-KGVX", "Công văn", 2187)
    assert [(c.ref, c.doc_type, c.date, c.count, len(c.passages), c.target.id if c.target else None)
            for c in letter.citations] == [("46-KH/BTGTU", "Kế hoạch", "2021-06-08", 4, 4, KG_PLAN),
                                           ("07-CT/TU", "Chỉ thị", "2021-06-04", 3, 3, None),
                                           ("4211/VP-KGVX", "Công văn", "2021-06-15", 1, 1, None)]
    assert shown(letter.citations[0].passages) == LETTER_CITES_PLAN
    assert letter.cited_by == ()


def test_the_plan_is_cited_by_the_letter_with_the_same_sentences(index_dir):
    plan = get_document(index_dir, KG_PLAN)
    assert [c.doc.id for c in plan.cited_by] == [KG_LETTER]
    assert shown(plan.cited_by[0].passages) == LETTER_CITES_PLAN
    assert [(c.ref, c.count, len(c.passages)) for c in plan.citations] == [  # five shown at most
        ("07-CT/TU", 12, 5), ("Luật An ninh mạng", 1, 1)]


def test_citations_of_refs_outside_the_corpus(index_dir):
    plan_150 = get_document(index_dir, HAI_DUONG_150)
    assert [(c.ref, c.count, len(c.passages), c.target) for c in plan_150.citations] == [
        ("35-NQ/TW", 27, 5, None), ("14-KH/TW", 4, 4, None), ("362/QĐ-TTg", 1, 1, None),
        ("Luật An ninh mạng", 2, 2, None)]
    assert (plan_150.cited_by, plan_150.previous_part, plan_150.next_part) == ((), None, None)


def test_highlights_of_a_query(index_dir):
    def marked(doc_id, query):
        view = get_document(index_dir, doc_id, query)
        return [(s, view.text[s:e]) for s, e in view.highlights]

    assert marked(KG_PLAN, '"không gian mạng"') == [(8137, "không gian mạng")]
    assert marked(KG_LETTER, "Chỉ thị 07") == [(447, "Chỉ thị số 07-CT/TU ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy"),
                                               (1061, "Chỉ thị số 07-CT/TU ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy"),
                                               (1611, "Chỉ thị số 07-CT/TU ngày 04-6-2021")]
    assert [text for _, text in marked(HAI_DUONG_150, "Kế hoạch 14")] == [
        "Kế hoạch số 14-KH/TW, ngày 25/3/2019 của Ban Bí thư Trung ương Đảng", "Kế hoạch 14",
        "Kế hoạch 14-KH/TW của Ban Bí thư", "Kế hoạch 14-KH/TW của Ban Bí thư"]
    assert (marked(KG_PLAN, ""), marked(KG_PLAN, "   ")) == ([], [])


def test_as_dict_shape(index_dir):
    data = get_document(index_dir, KG_LETTER, "Chỉ thị 07").as_dict()
    assert list(data) == ["document", "text", "highlights", "citations", "cited_by", "cited_parts", "previous_part",
                          "next_part", "reading", "validity", "changes", "changed_by", "timeline"]
    assert data["reading"] == {"sources": {}, "uncertain": [], "partial_number": None, "partial_date": None,
                               "signed_on": None, "ocr_confidence": None, "ocr_pages": []}
    assert data["document"]["id"] == KG_LETTER
    assert list(data["document"]) == ["id", "source", "part", "doc_type", "number", "issuer", "province", "date",
                                      "date_min", "year", "year_inferred", "title", "signer", "deduced",
                                      "parent_issuer", "authority", "format", "ocr", "indexed", "title_printed",
                                      "issuer_printed"]
    assert data["highlights"] == [[447, 507], [1061, 1121], [1611, 1645]]
    assert list(data["citations"][0]) == ["ref", "doc_type", "date", "year", "issuer", "subject", "count", "passages",
                                          "target", "kind", "shared", "status", "parts", "part_links"]
    # The letter implements the plan attached to it: the share of its text found in the plan (its 8-word runs).
    assert [(c["ref"], c["kind"], c["shared"]) for c in data["citations"]] == [
        ("46-KH/BTGTU", "implements", 0.2364), ("07-CT/TU", "implements", None), ("4211/VP-KGVX", "mentions", None)]
    assert (data["citations"][0]["target"], data["citations"][0]["passages"][0]) == (
        KG_PLAN, {"text": LETTER_CITES_PLAN[0][0], "highlights": [[14, 79]], "start": 154})
    assert data["cited_by"] == []
    cited_by = get_document(index_dir, KG_PLAN).as_dict()["cited_by"]
    assert [list(c) for c in cited_by] == [["document", "passages", "status"]]
    assert (cited_by[0]["document"]["id"], [p["start"] for p in cited_by[0]["passages"]]) == (
        KG_LETTER, [154, 315, 782, 1514])


def served(index, doc_id):
    original = original_file(index, doc_id)
    body = original.handle.read()
    original.close()
    return original.path, body


def test_original_file_of_a_seed(index_dir):
    letter = CORPUS / "004_2a738f3429698ec1.txt"
    assert served(index_dir, KG_LETTER) == (letter, letter.read_bytes())
    assert served(index_dir, KG_PLAN) == (letter, letter.read_bytes())
    plan = CORPUS / "000_65df158a4e7ec0a6.txt"
    assert served(index_dir, HAI_DUONG_150) == (plan, plan.read_bytes())


def test_original_file_that_is_gone(tmp_path, engine):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.", encoding="utf-8")
    build_index([tmp_path / "c"], tmp_path / "ix", engine=engine)
    path = tmp_path / "c" / "a.txt"
    assert served(tmp_path / "ix", "c/a.txt#0")[0] == path
    path.write_text("Thực hiện Nghị quyết số 36-NQ/TW.", encoding="utf-8")  # edited since it was indexed
    changed = (OriginalChanged, "Tệp gốc đã thay đổi sau lần lập chỉ mục: hãy chạy `vanban index` rồi mở lại.")
    assert refused(original_file, tmp_path / "ix", "c/a.txt#0") == changed
    path.unlink()
    (tmp_path / "secret").write_text("Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị.", encoding="utf-8")
    path.symlink_to(tmp_path / "secret")  # the same bytes, behind a link put in its place
    assert refused(original_file, tmp_path / "ix", "c/a.txt#0") == changed
    path.unlink()
    assert refused(original_file, tmp_path / "ix", "c/a.txt#0") == (NoOriginal, "Không còn tệp gốc của văn bản này.")


@pytest.fixture(scope="module")
def parted_index(tmp_path_factory, engine):
    """An index of one document cut into four parts (the limit lowered: a real one is 400,000 characters)."""
    root = tmp_path_factory.mktemp(f"parts-{engine}")
    (root / "c").mkdir()
    (root / "c" / "long.txt").write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    report = build_index([root / "c"], root / "ix", engine=engine, part_chars=PART_LIMIT)
    assert (report.documents_total, report.parts_split) == (4, 1)
    return root / "ix"


def test_parts_link_to_their_neighbours(parted_index):
    ids = ["c/long.txt#0", "c/long.txt#0~2", "c/long.txt#0~3", "c/long.txt#0~4"]
    views = [get_document(parted_index, i) for i in ids]
    assert [(v.doc.id, v.previous_part, v.next_part) for v in views] == [
        (ids[0], None, ids[1]), (ids[1], ids[0], ids[2]), (ids[2], ids[1], ids[3]), (ids[3], ids[2], None)]
    assert [v.doc.title for v in views] == [f"c/long.txt#0 (phần {n}/4)" for n in range(1, 5)]
    assert "".join(v.text for v in views) == "\n\n".join(PARAGRAPHS)
    assert refused(get_document, parted_index, "c/long.txt#0~5") == (
        UnknownDocument, "Không có văn bản nào mang mã “c/long.txt#0~5”.")
