"""JSON Lines records: each field checked; a bad record reported by file:line and skipped, a bad field
reported by file:line and left out of its record, which is indexed."""

import json

import pytest

from indexer.builder.index import build_index
from indexer.extract.corpus import Document, Skipped, read_jsonl
from indexer.searching import search
from indexer.store import open_index

TEXT = "KẾ HOẠCH\n\nvề chuyển đổi số\n\nNội dung chuyển đổi số."


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)


def test_a_wrongly_typed_field_costs_the_field_not_the_record():
    data = _lines({"id": "ok", "text": TEXT, "issuer": "Bộ Y tế", "date": "2024-03-01"},
                  {"id": "a", "text": TEXT, "issuer": ["a", "b"]},
                  {"id": "b", "text": TEXT, "date": 2019},
                  {"id": "c", "text": TEXT, "title": 123, "date": "2019-13"},
                  {"id": "d", "text": TEXT, "year": "abc", "year_inferred": "no"},
                  {"id": "ok", "text": TEXT},
                  "{not json",
                  {"id": "e", "text": ""},
                  {"id": "y", "text": TEXT, "year": "2020"})
    items = list(read_jsonl(data, "x.jsonl"))
    docs = [i for i in items if isinstance(i, Document)]
    # Each record with a bad field is indexed, with what extraction finds in that field's place.
    assert [(d.id, d.meta.issuer, d.meta.date, d.meta.year, d.meta.title) for d in docs] == [
        ("x.jsonl#ok", "Bộ Y tế", "2024-03-01", 2024, "về chuyển đổi số"), ("x.jsonl#a", None, None, None,
                                                                             "về chuyển đổi số"),
        ("x.jsonl#b", None, None, None, "về chuyển đổi số"), ("x.jsonl#c", None, None, None, "về chuyển đổi số"),
        ("x.jsonl#d", None, None, None, "về chuyển đổi số"), ("x.jsonl#y", None, None, 2020, "về chuyển đổi số")]
    date = "`date` phải là ngày dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY khi không có ngày)"
    kept = "bỏ trường này, văn bản vẫn được lập chỉ mục"
    assert [(s.source, s.field, s.reason) for s in items if isinstance(s, Skipped)] == [
        ("x.jsonl:2", "issuer", f"`issuer` phải là chuỗi (nhận được list): {kept}"),
        ("x.jsonl:3", "date", f"{date} (nhận được 2019): {kept}"),
        ("x.jsonl:4", "title", f"`title` phải là chuỗi (nhận được int): {kept}"),
        ("x.jsonl:4", "date", f"{date} (nhận được '2019-13'): {kept}"),
        ("x.jsonl:5", "year", f"`year` phải là một năm từ 1900 đến 2100 (nhận được 'abc'): {kept}"),
        ("x.jsonl:5", "year_inferred", f"`year_inferred` phải là true hoặc false: {kept}"),
        ("x.jsonl:6", None, "mã `ok` trùng với dòng 1: bỏ qua bản ghi này"),
        ("x.jsonl:7", None, "bản ghi JSON Lines hỏng: không phải JSON: Expecting property name enclosed in double "
                            "quotes: line 1 column 2 (char 1)"),
        ("x.jsonl:8", None, "bản ghi JSON Lines hỏng: cần trường `text` là chuỗi không rỗng")]


def test_a_partial_date_is_the_month_or_year_a_draft_prints():
    data = _lines({"id": "m", "text": TEXT, "date": "2025-03"}, {"id": "y", "text": TEXT, "date": "2025"},
                  {"id": "d", "text": TEXT, "date": " 2025-03-07 "})
    docs = list(read_jsonl(data, "x.jsonl"))
    assert [(d.meta.date, d.meta.partial_date, d.meta.year, d.meta.year_inferred) for d in docs] == [
        (None, "2025-03", 2025, False), (None, "2025", 2025, False), ("2025-03-07", None, 2025, False)]


# A draft as an export may hold it: the digits and the day left blank, the symbol and the month printed.
DRAFT = "UBND TỈNH HẢI DƯƠNG\nSố:      /KH-UBND\nHải Dương, ngày    tháng 12 năm 2024\n\n" + TEXT


def test_a_number_or_date_a_record_gives_replaces_what_the_page_left_blank():
    data = _lines({"id": "blank", "text": DRAFT}, {"id": "given", "text": DRAFT, "number": "12/KH-UBND",
                                                    "date": "2024-12-05"})
    blank, given = (d.meta for d in read_jsonl(data, "x.jsonl"))
    # Extraction keeps the printed symbol and month, and says the month came from the printed date line.
    assert (blank.number, blank.partial_number, blank.date, blank.partial_date, blank.sources) == (
        None, "/KH-UBND", None, "2024-12", (("date", "printed_year"),))
    # Given, the number and the day stand alone: no symbol kept for blank digits, no source around the page.
    assert (given.number, given.partial_number, given.date, given.partial_date, given.sources) == (
        "12/KH-UBND", None, "2024-12-05", None, ())


def test_partial_dates_and_bad_fields_are_indexed_and_reported(make_client, tmp_path, engine):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "export.jsonl").write_text(_lines(
        {"id": "draft", "text": TEXT, "date": "2025-03", "issuer": "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"},
        {"id": "typed", "text": TEXT, "date": "2024-05-02", "signer": 42, "issuer": "Ủy ban nhân dân thành phố Cần Thơ"}),
        encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix", engine=engine)
    assert (report.documents_indexed, report.skipped) == (2, [])
    assert [(s.source, s.field) for s in report.field_warnings] == [("c/export.jsonl:2", "signer")]
    result = search(tmp_path / "ix", "")
    assert sorted((h.id, h.date, h.year) for h in result.hits) == [("c/export.jsonl#draft", None, 2025),
                                                                 ("c/export.jsonl#typed", "2024-05-02", 2024)]
    assert [search(tmp_path / "ix", "", {"year": y}).total for y in ("2025", "2024")] == [1, 1]
    # Both spellings of one body are one value of the issuer facet; each spelling given is kept.
    issuers = next(f for f in result.facets if f.name == "issuer")
    assert [(v.value, v.count) for v in issuers.results] == [("Ủy ban nhân dân thành phố Cần Thơ", 2)]
    api = make_client(tmp_path / "ix").get(
        "/api/documents/c/export.jsonl%23draft").get_json()
    assert (api["document"]["issuer"], api["document"]["year"]) == ("Ủy ban nhân dân thành phố Cần Thơ", 2025)
    with open_index(tmp_path / "ix").searcher() as searcher:
        printed = [json.loads(searcher.by_id(f"c/export.jsonl#{i}")["meta"])["issuer_printed"] for i in ("draft", "typed")]
    assert printed == ["ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"]
    # A build that reads nothing again reports the same field warnings, from what the index keeps.
    again = build_index([corpus], tmp_path / "ix", engine=engine)
    assert (again.files_unchanged, [(s.source, s.field) for s in again.field_warnings]) == (
        1, [("c/export.jsonl:2", "signer")])


def test_a_record_ends_at_a_newline_only_whatever_its_text_holds():
    # JSON allows U+2028, U+2029, form feeds and other separators unescaped in a string; gazette_dev's
    # export holds them. str.splitlines() cut those records in two (187 of 197 were reported broken).
    odd = TEXT + "\u2028dòng\u2029đoạn\x0ctrang\x1cnhóm\x85hết"
    data = _lines({"id": "a", "text": odd}, {"id": "b", "text": TEXT}) + "\r\n" + _lines({"id": "c", "text": TEXT})
    items = list(read_jsonl(data, "x.jsonl"))
    assert [(type(i).__name__, getattr(i, "part", None)) for i in items] == [("Document", 1), ("Document", 2),
                                                                            ("Document", 3)]
    assert "trang" in items[0].text and "hết" in items[0].text


@pytest.mark.slow  # a 1 MB text analysed by each engine's build: 6-7 s each
def test_a_hostile_corpus_indexes_what_it_can_and_every_page_answers(make_client, tmp_path, engine):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text(_lines({"id": 1, "text": TEXT}, {"id": 2, "text": TEXT, "issuer": ["a"]},
                                                 {"id": 1, "text": TEXT}), encoding="utf-8")
    (corpus / "empty.jsonl").write_bytes(b"")
    paragraph = "Nội dung thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về bảo vệ.\n\n"
    (corpus / "huge.txt").write_text("KẾ HOẠCH\n\nvề bảo vệ nền tảng\n\n" + paragraph * 12000, encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix", engine=engine)
    assert sorted((s.source, s.reason.split(":")[0]) for s in report.skipped) == [
        ("c/empty.jsonl", "tệp rỗng"), ("c/huge.txt", "chỉ giữ 5.000 trích dẫn đầu của một văn bản"),
        ("c/records.jsonl:3", "mã `1` trùng với dòng 1")]
    assert [(s.source, s.field) for s in report.field_warnings] == [("c/records.jsonl:2", "issuer")]
    result = search(tmp_path / "ix", "", page_size=20)
    # the long text is one document in three parts: its first part stands for it, the others under it
    assert sorted(h.id for h in result.hits) == ["c/huge.txt#0", "c/records.jsonl#1", "c/records.jsonl#2"]
    huge = next(h for h in result.hits if h.id == "c/huge.txt#0")
    assert [p.id for p in huge.other_parts] == ["c/huge.txt#0~2", "c/huge.txt#0~3"]
    assert max(len(search(tmp_path / "ix", "bảo vệ", page_size=20).hits[0].snippet.text), 0) < 400
    client = make_client(tmp_path / "ix")
    middle = client.get("/doc/c/huge.txt%230~2").get_data(as_text=True)
    assert ('href="/doc/c/huge.txt%230" rel="prev"' in middle, 'href="/doc/c/huge.txt%230~3" rel="next"' in middle) \
        == (True, True)
    for url in ["/", "/?q=b%E1%BA%A3o+v%E1%BB%87", "/doc/c/huge.txt%230~2", "/cites/35-NQ%2FTW", "/refs/35-NQ%2FTW",
                "/api/search?q=x", "/most-cited"]:
        assert client.get(url).status_code == 200, url
