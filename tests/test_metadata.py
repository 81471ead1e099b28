"""Extraction of every seed document, compared field by field with hand-checked values."""

from collections import Counter

import pytest
from helpers import CORPUS

from indexer.extract.corpus import documents_of_text
from indexer.extract.metadata import extract


def read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def fields(meta) -> dict:
    return {k: getattr(meta, k) for k in ("doc_type", "number", "issuer", "province", "date", "year",
                                          "year_inferred", "date_min", "signer", "title")}


SEEDS = {
    "000_65df158a4e7ec0a6.txt": [dict(
        doc_type="Kế hoạch", number="150-KH/TU", issuer="Ban Thường vụ Tỉnh ủy Hải Dương",
        province="Hải Dương", date="2019-05-15", year=2019, year_inferred=False, date_min=None,
        signer="Vũ Văn Sơn",
        title="thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị khóa XII về tăng cường bảo vệ nền tảng "
              "tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới")],
    # No header: the issuer comes from the opening sentence and the district named in the body;
    # the year is a lower bound from the latest date cited (Kế hoạch 3006/KH-UBND, 13/11/2019).
    "001_e44d68029944b139.txt": [dict(
        doc_type="Kế hoạch", number=None, issuer="Ủy ban nhân dân huyện Ngọc Hồi", province="Kon Tum",
        date=None, year=2019, year_inferred=True, date_min="2019-11-13", signer="Mai Văn Hữu",
        title="Thực hiện Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị “về tăng cường bảo vệ nền "
              "tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới”")],
    "002_45d61e181700c579.txt": [dict(
        doc_type="Kế hoạch", number=None, issuer="Ban Thường vụ Tỉnh ủy Lai Châu", province="Lai Châu",
        date=None, year=2021, year_inferred=True, date_min="2021-10-29", signer="Lê Văn Lương",
        title="thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành Đảng bộ tỉnh về tiếp tục "
              "thực hiện Đề án “Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh”")],
    # Names no province at all: the issuer stays at the level the text gives.
    "003_189e87e651a32754.txt": [dict(
        doc_type="Kế hoạch", number=None, issuer="Ban Thường vụ Tỉnh ủy", province=None, date=None,
        year=2023, year_inferred=True, date_min="2023-03-08", signer="Phạm Hoàng Anh",
        title="Triển khai đợt sinh hoạt chính trị, tư tưởng sâu rộng về nội dung tác phẩm “Kiên quyết, kiên trì "
              "đấu tranh phòng, chống tham nhũng, tiêu cực, góp phần xây dựng Đảng và Nhà nước ta ngày càng "
              "trong sạch, vững mạnh” của đồng chí Tổng Bí thư Nguyễn Phú Trọng")],
    # An official letter and the plan attached to it; the arrival stamp between them
    # (`Số: 606`, `ĐẾN Ngày: 10/6/2021`) is neither a number nor a date of the plan.
    "004_2a738f3429698ec1.txt": [
        dict(doc_type="Công văn", number="4382/VP-KGVX", issuer="Văn phòng Ủy ban nhân dân tỉnh Kiên Giang",
             province="Kiên Giang", date="2021-06-21", year=2021, year_inferred=False, date_min=None,
             signer="Trần Công Danh",
             title="thực hiện Kế hoạch số 46-KH/BTGTU ngày 08/6/2021 của Ban Tuyên giáo Tỉnh ủy"),
        # The plan prints no number or date: the cover letter gives both (`Kế hoạch số 46-KH/BTGTU
        # ngày 08-6-2021 ... (đính kèm văn bản)`), so they are deduced, and marked so.
        dict(doc_type="Kế hoạch", number="46-KH/BTGTU", issuer="Ban Tuyên giáo Tỉnh ủy Kiên Giang",
             province="Kiên Giang", date="2021-06-08", year=2021, year_inferred=True, date_min=None,
             signer="Nguyễn Thanh Phong",
             title="triển khai thực hiện Chỉ thị số 07-CT/TU, ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh "
                   "và nâng cao chất lượng, hiệu quả công tác tuyên truyền, giáo dục nền tảng tư tưởng của Đảng "
                   "trong cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân")],
}

# Every citation of each document, counted by canonical ref (short forms resolved, aliases not counted).
CITED = {
    ("000_65df158a4e7ec0a6.txt", 0): {"35-NQ/TW": 27, "14-KH/TW": 4, "362/QĐ-TTg": 1, "Luật An ninh mạng": 2},
    ("001_e44d68029944b139.txt", 0): {"35-NQ/TW": 8, "3006/KH-UBND": 2, "131-KH/HU": 2, "14-KH/TW": 2,
                                      "102-KH/TU": 1, "09/2017/NĐ-CP": 1},
    ("002_45d61e181700c579.txt", 0): {"224-KL/TU": 7, "238-QĐ/TW": 1, "35-NQ/TW": 3, "209-KH/TU": 2,
                                      "04-NQ/TU": 1, "08-CTr/TU": 1, "76-KL/TW": 1, "33-NQ/TW": 1,
                                      "20-CT/TW": 1, "01-KL/TW": 2, "05-CT/TW": 1, "44-KH/TU": 1, "21-KL/TW": 2,
                                      "Luật Báo chí": 1},
    ("003_189e87e651a32754.txt", 0): {"97-HD/BTGTW": 2, "62-KH/TU": 1, "21-KL/TW": 1},
    ("004_2a738f3429698ec1.txt", 0): {"46-KH/BTGTU": 4, "07-CT/TU": 3, "4211/VP-KGVX": 1},
    ("004_2a738f3429698ec1.txt", 1): {"07-CT/TU": 12, "Luật An ninh mạng": 1},
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_extracts_its_hand_checked_metadata(name):
    assert [fields(m) for m in extract(read(name))] == SEEDS[name]


@pytest.mark.parametrize("name,part", sorted(CITED))
def test_each_seed_cites_exactly_these_documents(name, part):
    meta = extract(read(name))[part]
    assert dict(Counter(c.ref for c in meta.citations)) == CITED[(name, part)]


def test_deduced_fields_are_marked():
    assert [m.deduced for m in extract(read("004_2a738f3429698ec1.txt"))] == [(), ("number", "date", "year")]
    assert extract(read("003_189e87e651a32754.txt"))[0].deduced == ("year",)
    assert extract(read("000_65df158a4e7ec0a6.txt"))[0].deduced == ()


def test_letter_and_attached_plan_split_at_the_signature():
    text = read("004_2a738f3429698ec1.txt")
    docs = documents_of_text(text, "corpus/004_2a738f3429698ec1.txt")
    assert [d.id for d in docs] == ["corpus/004_2a738f3429698ec1.txt#0", "corpus/004_2a738f3429698ec1.txt#1"]
    assert docs[0].text.rstrip().endswith("Trần Công Danh")
    assert docs[1].text.lstrip().startswith("VP. UBND TỈNH KG")
    assert docs[0].text + docs[1].text == text  # nothing lost at the seam


def test_short_forms_resolve_through_the_documents_own_aliases():
    meta = extract(read("000_65df158a4e7ec0a6.txt"))[0]
    short = [(c.text, c.ref, c.date, c.issuer) for c in meta.citations if c.short]
    assert short.count(("Nghị quyết 35", "35-NQ/TW", "2018-10-22", "Bộ Chính trị")) == 23
    assert short.count(("Kế hoạch 14", "14-KH/TW", "2019-03-25", "Ban Bí thư Trung ương Đảng")) == 1
    assert len(short) == 24


def test_citation_carries_date_issuer_subject_and_span():
    text = read("000_65df158a4e7ec0a6.txt")
    first_full = [c for c in extract(text)[0].citations if not c.short][1]
    assert (first_full.ref, first_full.doc_type, first_full.date, first_full.year, first_full.issuer) == (
        "35-NQ/TW", "Nghị quyết", "2018-10-22", 2018, "Bộ Chính trị")
    assert first_full.subject == ("tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan "
                                  "điểm sai trái, thù địch trong tình hình mới")
    assert text[first_full.start:first_full.end] == "Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị"


def test_bodies_named_after_a_resolution_are_not_citations():
    text = ("Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị. Thành lập Ban Chỉ đạo 35 "
            "cấp tỉnh, Tổ cộng tác viên 35, BCĐ 35 Trung ương; kinh phí 35.000.000 đồng (Phụ lục số 16).")
    assert [c.text for c in extract(text)[0].citations] == [
        "Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị"]


def test_unresolved_short_form_is_not_counted():
    # `Nghị quyết 35` with no full citation or alias in the document: which one is unknown.
    assert extract("KẾ HOẠCH\n\nHọc tập Nghị quyết 35 trong toàn tỉnh.")[0].citations == ()


def test_variant_spellings_of_a_symbol_share_one_key_and_keep_their_printed_form():
    # Numbers are kept as printed (spacing normalized), never rewritten into the other convention;
    # the key is what every spelling shares.
    text = ("Căn cứ Nghị quyết số 35/NQ-TW ngày 22/10/2018; Kế hoạch số 150 - KH/TU ngày 15/5/2019; "
            "Nghị định 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ; Nghị quyết số 35-NQ/TW.")
    assert [(c.ref, c.key, c.date) for c in extract(text)[0].citations] == [
        ("35/NQ-TW", "35-nq-tw", "2018-10-22"), ("150-KH/TU", "150-kh-tu", "2019-05-15"),
        ("09/2017/NĐ-CP", "9-2017-nd-cp", "2017-02-09"), ("35-NQ/TW", "35-nq-tw", "2018-10-22")]


def test_unknown_is_none_not_a_guess():
    meta = extract("Một đoạn văn không có tiêu đề, số hiệu, ngày tháng hay chữ ký.")[0]
    assert fields(meta) == dict(doc_type=None, number=None, issuer=None, province=None, date=None, year=None,
                                year_inferred=False, date_min=None, signer=None, title=None)


DOTTED = ("CHÍNH PHỦ\n-------\nSố: 66.16/2026/NQ-CP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 26 tháng 01 năm 2026\n\nNGHỊ QUYẾT\n"
          "Về việc phân cấp trong lĩnh vực đầu tư\n\nCHÍNH PHỦ\n\nCăn cứ Nghị quyết số 66.13/2026/NQ-CP ngày 27 tháng 01 "
          "năm 2026 của Chính phủ về “Về tháo gỡ vướng mắc , khó khăn”;\nvà Nghị quyết 66.18/2026/NQ-CP.\n")


def test_a_dotted_number_is_read_whole_in_the_header_and_in_citations():
    # The 2026 Government resolutions print `66.16/2026/NQ-CP`: a number and a sub-number.
    meta = extract(DOTTED)[0]
    assert (meta.doc_type, meta.number, meta.uncertain, meta.date, meta.issuer) == (
        "Nghị quyết", "66.16/2026/NQ-CP", (), "2026-01-26", "Chính phủ")
    assert [(c.ref, c.key, c.date, c.issuer, c.subject) for c in meta.citations] == [
        ("66.13/2026/NQ-CP", "66.13-2026-nq-cp", "2026-01-27", "Chính phủ", "tháo gỡ vướng mắc, khó khăn"),
        ("66.18/2026/NQ-CP", "66.18-2026-nq-cp", None, None, None)]
    pandoc = DOTTED.replace("Số: 66.16/2026/NQ-CP\t", "|\nSố:\n66.16/2026/NQ-CP\n|\n")
    assert extract(pandoc)[0].number == "66.16/2026/NQ-CP"


def test_metadata_an_export_gives_is_spelled_as_extraction_spells_it():
    from indexer.extract.metadata import given_metadata
    given = [{"issuer": "UBND TỈNH BÌNH THUẬN / SỞ NỘI VỤ", "doc_type": "TỜ TRÌNH"},
             {"issuer": "BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "doc_type": "Công văn"},
             {"issuer": "UBND thành phố Cần Thơ", "title": "VỀ VIỆC PHÂN CẤP CHO SỞ CÔNG THƯƠNG"}]
    assert [given_metadata(g, "") for g in given] == [
        {"issuer": "Sở Nội vụ tỉnh Bình Thuận", "doc_type": "Tờ trình", "parent_issuer": "Ủy ban nhân dân tỉnh Bình Thuận",
         "authority": None, "province": "Bình Thuận", "issuer_printed": "UBND TỈNH BÌNH THUẬN / SỞ NỘI VỤ"},
        {"issuer": "Bộ Lao động - Thương binh và Xã hội", "doc_type": "Công văn", "parent_issuer": None,
         "authority": None, "province": None, "issuer_printed": "BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI"},
        {"issuer": "Ủy ban nhân dân thành phố Cần Thơ", "title": "Về việc phân cấp cho Sở Công Thương",
         "parent_issuer": None, "authority": None, "province": "Cần Thơ", "issuer_printed": "UBND thành phố Cần Thơ",
         "title_printed": "VỀ VIỆC PHÂN CẤP CHO SỞ CÔNG THƯƠNG"}]


def test_caseless_text_reads_each_letter_as_sre_ignoring_case_does():
    # Case-blind patterns are tried only where a pattern finds a place in caseless text (indexer.extract.starts):
    # each character sre's case-blind matching takes for a letter those patterns search for must be that letter
    # in caseless text, or change its length (`İ`; then every place is tried). Only cased characters can.
    import re
    import sys

    from indexer.extract.change_words import END_START, LEAD_START, VERB_START
    from indexer.extract.citations import TYPE_START
    from indexer.extract.effect import SUBJECT_START
    from indexer.extract.starts import caseless
    patterns = (TYPE_START, SUBJECT_START, VERB_START, END_START, LEAD_START)
    letters = sorted({c for pattern in patterns for c in pattern.pattern if c.isalpha()})
    cased = [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() != c or c.upper() != c]
    taken = {letter: [c for c in cased if re.fullmatch(f"(?i:{letter})", c)] for letter in letters}
    assert {letter: [c for c in chars if caseless(c) not in (letter, None)] for letter, chars in taken.items()
            if any(caseless(c) not in (letter, None) for c in chars)} == {}
    assert taken["k"] == ["K", "k", "\u212a"] and taken["i"] == ["I", "i", "İ", "ı"] and "ſ" in taken["s"]


def test_citations_are_found_in_any_case_and_beside_odd_letters():
    # The same as sre's finditer over the whole text finds (the values main gave before TYPE_START).
    texts = ["Căn cứ Thông tư lıên tịch số 01/2020/TTLT-BTC-BTP ngày 02/3/2020 của Bộ Tài chính và Bıên bản số 12/BB-UBND.",
             "İstanbul. Thực hiện NGHỊ QUYẾT số 35-NQ/TW của Bộ Chính trị (gọi tắt là Nghị quyết 35), Nghị quyết 35.",
             "Căn cứ Bộ luật Lao động năm 2019 và Hiến pháp năm 2013, Thông tư liên bộ luật số 5/TTLB."]
    assert [[(c.ref, c.doc_type, c.start, c.end, c.short) for c in extract(t)[0].citations] for t in texts] == [
        [("01/2020/TTLT-BTC-BTP", "Thông tư lıên tịch", 7, 81, False), ("12/BB-UBND", "Bıên bản", 85, 107, False)],
        [("35-NQ/TW", "Nghị quyết", 20, 59, False), ("35-NQ/TW", "Nghị quyết", 88, 101, True)],
        [("Bộ luật Lao động", "Bộ luật", 7, 32, False), ("Hiến pháp", "Hiến pháp", 36, 54, False),
         ("5/TTLB", "Bộ luật", 70, 87, False)]]  # `Bộ luật` begins inside `Thông tư liên bộ`: tried there too


def test_a_subject_is_read_past_a_party_term_and_quotes_and_not_sought_for_long_through_blanks():
    # A PDF's layout leaves hundreds of blanks after a reference: SUBJECT once split them among its `\s*`
    # every way before failing (seconds for one reference); the subjects read are the same as then.
    from indexer.extract.citations import find_citations
    texts = ["Căn cứ Nghị quyết số 35-NQ/TW khóa XII “về tăng cường bảo vệ nền tảng”;",
             "Căn cứ Nghị quyết số 35-NQ/TW của Bộ Chính trị khoáXII về  việc tăng cường;",
             "Căn cứ Thông tư số 01/2020/TT-BTC \n" + " " * 300 + "\n" + " " * 300 + "\nĐiều 1. Phạm vi",
             "Căn cứ Thông tư số 01/2020/TT-BTC \n  về phí;"]
    assert [[(c.ref, c.subject) for c in find_citations(t)] for t in texts] == [
        [("35-NQ/TW", "tăng cường bảo vệ nền tảng")], [("35-NQ/TW", "tăng cường")], [("01/2020/TT-BTC", None)],
        [("01/2020/TT-BTC", "phí")]]


def test_a_clause_start_found_near_a_citation_is_the_last_in_the_whole_reach():
    # relations._clause_start searches the nearer 200 characters first: the same end as one search of all 1,500.
    import random

    from indexer.vocab.relations import CLAUSE_REACH, CLAUSE_START, _clause_start
    pieces = ["Thực hiện", "x", "x" * 150, " ", "\n", "\t", ".", ":", " - ", "•", "\n\n", "  \n ", "a) "]
    rng = random.Random(26)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 400))) for _ in range(3000)]
    cases = [(text, rng.randint(0, len(text))) for text in texts]
    assert [(text, start) for text, start in cases if _clause_start(text, start) != max(
        (m.end() for m in CLAUSE_START.finditer(text, max(0, start - CLAUSE_REACH), start)), default=0)] == []
