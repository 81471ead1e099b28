"""One grammar of references: whatever the build records as a citation, a person can ask for, in any
spelling the build accepts, on every surface (the cites filter, the citing list, the API, the page, the
CLI); laws by number and by name; a number searched as a number."""

import json
import random

import pytest
from helpers import CORPUS

from indexer import citing_documents, search
from indexer.builder.index import build_index
from indexer.extract.citations import find_citations
from indexer.query import checks
from indexer.query.parse import parse_ref
from indexer.vocab.laws import LAW_NAMES
from vanban.main import main
from webui.app import create_app

# Each kind of ref the extractor knows, as typed, and the key it names.
TYPED = {
    "Luật số 58/2014/QH13": "58-2014-qh13",
    "58/2014/QH13": "58-2014-qh13",
    "Nghị quyết 68/2025/QH15": "68-2025-qh15",
    "89/2025/UBTVQH15": "89-2025-ubtvqh15",
    "66.16/2026/NQ-CP": "66.16-2026-nq-cp",
    "1676/VBHN-BTC": "1676-vbhn-btc",
    "Luật Bảo hiểm xã hội số 41/2024/QH15": "41-2024-qh15",
    "35-NQ/TW": "35-nq-tw",
    "35/nq-tw": "35-nq-tw",
    "nghi quyet 35": "nq:35",
    "Quyết định 1360/QĐ-TTg": "1360-qd-ttg",
    "3006/KH-UBND": "3006-kh-ubnd",
    "Luật Bảo hiểm xã hội": "ten:luat bao hiem xa hoi",
    "luat bao hiem xa hoi": "ten:luat bao hiem xa hoi",
    "Luật Đất đai 2024": "ten:luat dat dai@2024",
    "Bộ luật Dân sự 2015": "ten:bo luat dan su@2015",
    "Bộ luật Lao động năm 2019": "ten:bo luat lao dong@2019",
    "Hiến pháp 2013": "ten:hien phap@2013",
    "Hiến pháp": "ten:hien phap",
}


@pytest.mark.parametrize("typed", sorted(TYPED))
def test_every_spelling_the_build_accepts_is_a_ref(typed):
    assert (checks.ref(typed), parse_ref(typed)) == (typed, TYPED[typed])


@pytest.mark.parametrize("typed", ["hello", "luật", "2019-05", "bảo hiểm xã hội"])
def test_words_are_not_a_ref(typed):
    with pytest.raises(checks.Invalid, match="không phải là số, ký hiệu văn bản"):
        checks.ref(typed)


# ---- a property: refs of every kind the extractor knows, generated, each cited and asked for ----

CODES = ["NQ-CP", "NĐ-CP", "QĐ-TTg", "TT-BCT", "QH13", "QH15", "UBTVQH15", "VBHN-BTC", "KH-UBND", "NQ/TW", "CT/TU"]
TYPES = {"NQ-CP": "Nghị quyết", "NĐ-CP": "Nghị định", "QĐ-TTg": "Quyết định", "TT-BCT": "Thông tư",
         "QH13": "Luật", "QH15": "Nghị quyết", "UBTVQH15": "Nghị quyết", "VBHN-BTC": "Văn bản hợp nhất",
         "KH-UBND": "Kế hoạch", "NQ/TW": "Nghị quyết", "CT/TU": "Chỉ thị"}


def generated_refs(seed: int, rounds: int) -> list[tuple[str, str, str]]:
    """(the ref as a document prints it, its type, its kind): each kind above in turn, with random numbers
    and years (numbers with a year, without one, dotted, Party-style `35-NQ/TW`), and laws by name with and
    without a year."""
    rng, refs = random.Random(seed), []
    for _ in range(rounds):
        for code in CODES:
            number, year = str(rng.randint(1, 4999)), rng.randint(2000, 2026)
            if code.endswith(("/TW", "/TU")):
                refs.append((f"{number}-{code}", TYPES[code], code))
            elif code in ("KH-UBND", "QĐ-TTg", "VBHN-BTC"):
                refs.append((f"{number}/{code}", TYPES[code], code))
            else:
                refs.append((f"{number}/{year}/{code}", TYPES[code], code))
        refs.append((f"{rng.randint(1, 99)}.{rng.randint(1, 99)}/{rng.randint(2024, 2026)}/NQ-CP", "Nghị quyết",
                     "dotted"))
        name = LAW_NAMES[rng.randrange(len(LAW_NAMES))]
        law = ("Bộ luật " if name in ("Dân sự", "Hình sự", "Lao động") else "Luật ") + name
        refs.append((law, "law", "law name"))
        refs.append((f"{law} năm {rng.randint(2000, 2026)}", "law", "law name and year"))
    return list(dict.fromkeys(refs))


REFS = generated_refs(20, 2)


@pytest.fixture(scope="module")
def property_index(tmp_path_factory):
    """One citing document per generated ref, and the seeds beside them."""
    folder = tmp_path_factory.mktemp("refs-corpus")
    for i, (ref, doc_type, _) in enumerate(REFS):
        cited = ref if doc_type == "law" else f"{doc_type} số {ref}"
        (folder / f"cite_{i:02d}.txt").write_text(
            f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nSố: {100 + i}/KH-UBND\n\nBắc Ninh, ngày 5 tháng 3 năm 2025\n\n"
            f"KẾ HOẠCH\n\nTriển khai thực hiện\n\nCăn cứ {cited};\n\nỦy ban nhân dân tỉnh ban hành kế hoạch.\n",
            encoding="utf-8")
    index = tmp_path_factory.mktemp("refs-index")
    build_index([folder], index, engine="whoosh")
    return index


def test_the_generated_refs_cover_every_kind():
    assert {kind for _, _, kind in REFS} == {*CODES, "dotted", "law name", "law name and year"}


@pytest.mark.parametrize("i", range(len(REFS)))
def test_each_generated_ref_is_extracted_accepted_and_finds_its_citer(property_index, i):
    ref, doc_type, kind = REFS[i]
    printed = ref if doc_type == "law" else f"Căn cứ {doc_type} số {ref};"
    extracted = [c.ref for c in find_citations(printed)]
    found = sorted(h.document.id.split("/")[-1] for h in citing_documents(property_index, ref, page_size=50).hits)
    # A law's name alone is cited by every document naming that law, with or without a year.
    same = [j for j, (other, _, _) in enumerate(REFS) if kind == "law name" and other.startswith(ref + " ")]
    assert (len(extracted), found) == (1, sorted(f"cite_{j:02d}.txt#0" for j in [i, *same]))


# ---- laws by number and by name, resolved to their versions ----

LAWS = {
    "a.txt": "KẾ HOẠCH\n\nCăn cứ Luật Bảo hiểm xã hội số 58/2014/QH13 ngày 20 tháng 11 năm 2014;\n\n"
             "Thực hiện đúng quy định của Luật Bảo hiểm xã hội về chế độ hưu trí.\n",
    "b.txt": "KẾ HOẠCH\n\nCăn cứ Luật Bảo hiểm xã hội số 41/2024/QH15 ngày 29 tháng 6 năm 2024;\n",
    "c.txt": "KẾ HOẠCH\n\nCăn cứ Luật số 58/2014/QH13 của Quốc hội;\n",
    "d.txt": "KẾ HOẠCH\n\nTheo Luật Bảo hiểm xã hội năm 2014, người lao động được hưởng chế độ.\n",
    "e.txt": "KẾ HOẠCH\n\nTuyên truyền Luật Bảo hiểm xã hội đến người lao động.\n",
    "f.txt": "KẾ HOẠCH\n\nCăn cứ Hiến pháp năm 2013; Bộ luật Lao động ngày 20 tháng 11 năm 2019.\n",
}


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def law_index(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("laws")
    for name, text in LAWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    index = tmp_path_factory.mktemp(f"laws-index-{request.param}")
    build_index([folder], index, engine=request.param)
    return index


def citers(index, ref):
    return sorted(h.document.id.split("/")[-1].split(".")[0] for h in citing_documents(index, ref, page_size=50).hits)


@pytest.mark.parametrize("ref,expected", [
    ("Luật Bảo hiểm xã hội", ["a", "b", "c", "d", "e"]),  # every version, and the name alone
    ("Luật Bảo hiểm xã hội 2014", ["a", "c", "d"]),       # one version: by its name and year, or its number
    ("58/2014/QH13", ["a", "c", "d"]),
    ("Luật số 58/2014/QH13", ["a", "c", "d"]),
    ("41/2024/QH15", ["b"]),
    ("Hiến pháp 2013", ["f"]),
    ("Bộ luật Lao động", ["f"]),
    ("Bộ luật Lao động 2019", ["f"]),
])
def test_a_law_is_cited_by_number_and_by_name(law_index, ref, expected):
    assert citers(law_index, ref) == expected


def test_a_name_alone_is_resolved_to_the_version_its_document_numbers():
    a = [(c.ref, c.name, c.short) for c in find_citations(LAWS["a.txt"])]
    assert a == [("58/2014/QH13", "Luật Bảo hiểm xã hội", False), ("58/2014/QH13", "Luật Bảo hiểm xã hội", True)]
    e = [(c.ref, c.key, c.issuer) for c in find_citations(LAWS["e.txt"])]
    assert e == [("Luật Bảo hiểm xã hội", "ten:luat bao hiem xa hoi", "Quốc hội")]


def test_the_citing_list_of_a_name_says_the_version_each_cites(law_index):
    versions = {h.document.id.split("/")[-1].split(".")[0]: h.version
                for h in citing_documents(law_index, "Luật Bảo hiểm xã hội").hits}
    assert versions == {"a": "58/2014/QH13", "b": "41/2024/QH15", "c": "58/2014/QH13",
                        "d": "Luật Bảo hiểm xã hội năm 2014", "e": "Luật Bảo hiểm xã hội"}


def test_drafts_and_other_laws_are_not_citations_of_a_listed_law():
    text = ("Góp ý dự án Luật Đất đai (sửa đổi). Quốc hội ban hành Luật Đất đai. Luật Doanh nghiệp nhà nước năm "
            "2003. Luật Tần số vô tuyến điện số 42/2009/QH12.")
    assert [(c.ref, c.name) for c in find_citations(text)] == [("42/2009/QH12", "Luật Tần số vô tuyến điện")]


# ---- every surface takes them ----

def test_the_api_the_page_and_the_cli_take_a_law(law_index, capsys):
    client = create_app({"INDEX_DIR": str(law_index), "TESTING": True}).test_client()
    api = client.get("/api/cites?ref=58/2014/QH13")
    assert (api.status_code, sorted(h["id"].split("/")[-1] for h in api.get_json()["hits"])) == (
        200, ["a.txt#0", "c.txt#0", "d.txt#0"])
    page = client.get("/cites/Lu%E1%BA%ADt%20B%E1%BA%A3o%20hi%E1%BB%83m%20x%C3%A3%20h%E1%BB%99i")
    assert (page.status_code, page.get_data(as_text=True).count('class="hit"')) == (200, 5)
    assert client.get("/cites/41%2F2024%2FQH15").status_code == 200
    assert main(["cites", "58/2014/QH13", "--index", str(law_index), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 3
    assert main(["search", "", "--cites", "Luật Bảo hiểm xã hội 2014", "--index", str(law_index), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_a_number_searched_is_the_document_and_its_citers_not_its_pieces(index_dir):
    result = search(index_dir, "35-NQ/TW")
    assert result.parsed.words == [] and result.total == 3
    timestamps = search(index_dir, "58/2014/QH13")
    assert (timestamps.parsed.refs, timestamps.parsed.words, timestamps.total) == (["58-2014-qh13"], [], 0)


def test_the_seeds_cite_laws_by_name(index_dir):
    assert citers(index_dir, "Luật An ninh mạng") == ["000_65df158a4e7ec0a6", "004_2a738f3429698ec1"]
    assert CORPUS.exists()


def test_a_law_name_is_read_up_to_its_own_number_only():
    text = ("Căn cứ Luật Bảo hiểm y tế, đã được sửa đổi, bổ sung một số điều tại Nghị định số 75/2023/NĐ-CP;\n"
            "*Căn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15;*\n"
            "Căn cứ Luật bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội\n\n"
            "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;")
    assert [(c.ref, c.name) for c in find_citations(text)] == [
        ("25/2008/QH12", "Luật Bảo hiểm y tế"),  # the name alone, resolved to the number printed with it
        ("75/2023/NĐ-CP", None),
        ("72/2025/QH15", "Luật Tổ chức chính quyền địa phương"),
        ("25/2008/QH12", "Luật Bảo hiểm y tế"),
        ("02/2020/UBTVQH14", "Pháp lệnh Ưu đãi người có công với cách mạng")]


def test_a_name_the_document_prints_with_its_number_wins_over_a_shorter_listed_one():
    # `Đầu tư` is listed (and may end at the comma), `Đầu tư, kinh doanh` only printed here with its number:
    # the longer name is read, as one pattern of both, longest first, would read it.
    text = ("Căn cứ Luật Đầu tư, kinh doanh số 5/2020/QH14; Luật Giáo dục quốc phòng và an ninh số 30/2013/QH13;\n"
            "theo Luật Đầu tư, kinh doanh năm 2020 và Luật Đầu tư năm 2020, Luật Giáo dục quốc phòng và an ninh, "
            "Luật Giáo dục.")
    assert [(c.ref, c.text, c.short) for c in find_citations(text)] == [
        ("5/2020/QH14", "Luật Đầu tư, kinh doanh số 5/2020/QH14", False),
        ("30/2013/QH13", "Luật Giáo dục quốc phòng và an ninh số 30/2013/QH13", False),
        ("5/2020/QH14", "Luật Đầu tư, kinh doanh năm 2020", True),
        ("Luật Đầu tư", "Luật Đầu tư năm 2020", False),
        ("30/2013/QH13", "Luật Giáo dục quốc phòng và an ninh", True),
        ("Luật Giáo dục", "Luật Giáo dục", False)]
