"""JSON Lines records: each field checked, a bad record reported by file:line, the rest indexed."""

import json

import pytest

from indexer.builder.index import build_index
from indexer.extract.corpus import Document, Skipped, read_jsonl
from indexer.searching import search

TEXT = "KẾ HOẠCH\n\nvề chuyển đổi số\n\nNội dung chuyển đổi số."


def _lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)


def test_wrongly_typed_fields_are_reported_and_skipped_alone():
    data = _lines({"id": "ok", "text": TEXT, "issuer": "Bộ Y tế", "date": "2024-03-01"},
                  {"id": "a", "text": TEXT, "issuer": ["a", "b"]},
                  {"id": "b", "text": TEXT, "date": 2019},
                  {"id": "c", "text": TEXT, "title": 123},
                  {"id": "d", "text": TEXT, "year": "abc"},
                  {"id": "ok", "text": TEXT},
                  "{not json",
                  {"id": "e", "text": ""},
                  {"id": "y", "text": TEXT, "year": "2020"})
    items = list(read_jsonl(data, "x.jsonl"))
    docs = [i for i in items if isinstance(i, Document)]
    assert [(d.id, d.meta.issuer, d.meta.date, d.meta.year) for d in docs] == [
        ("x.jsonl#ok", "Bộ Y tế", "2024-03-01", 2024), ("x.jsonl#y", None, None, 2020)]
    assert [(s.source, s.reason) for s in items if isinstance(s, Skipped)] == [
        ("x.jsonl:2", "bản ghi JSON Lines hỏng: `issuer` phải là chuỗi (nhận được list)"),
        ("x.jsonl:3", "bản ghi JSON Lines hỏng: `date` phải là ngày dạng YYYY-MM-DD (nhận được 2019)"),
        ("x.jsonl:4", "bản ghi JSON Lines hỏng: `title` phải là chuỗi (nhận được int)"),
        ("x.jsonl:5", "bản ghi JSON Lines hỏng: `year` phải là một năm từ 1900 đến 2100 (nhận được 'abc')"),
        ("x.jsonl:6", "mã `ok` trùng với dòng 1: bỏ qua bản ghi này"),
        ("x.jsonl:7", "bản ghi JSON Lines hỏng: không phải JSON: Expecting property name enclosed in double quotes: "
                      "line 1 column 2 (char 1)"),
        ("x.jsonl:8", "bản ghi JSON Lines hỏng: cần trường `text` là chuỗi không rỗng")]


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
        ("c/records.jsonl:2", "bản ghi JSON Lines hỏng"), ("c/records.jsonl:3", "mã `1` trùng với dòng 1")]
    result = search(tmp_path / "ix", "", page_size=20)
    assert sorted(h.id for h in result.hits) == ["c/huge.txt#0", "c/huge.txt#0~2", "c/huge.txt#0~3",
                                                 "c/records.jsonl#1"]
    assert max(len(search(tmp_path / "ix", "bảo vệ", page_size=20).hits[0].snippet.text), 0) < 400
    client = make_client(tmp_path / "ix")
    middle = client.get("/doc/c/huge.txt%230~2").get_data(as_text=True)
    assert ('href="/doc/c/huge.txt%230" rel="prev"' in middle, 'href="/doc/c/huge.txt%230~3" rel="next"' in middle) \
        == (True, True)
    for url in ["/", "/?q=b%E1%BA%A3o+v%E1%BB%87", "/doc/c/huge.txt%230~2", "/cites/35-NQ%2FTW", "/refs/35-NQ%2FTW",
                "/api/search?q=x", "/most-cited"]:
        assert client.get(url).status_code == 200, url
