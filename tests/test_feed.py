"""A feed for every search: Atom 1.0 that parses, newest first, a new document on top after a build,
absolute links from the base URL only, the same from the web and the CLI."""

import json
import xml.etree.ElementTree as ET

import pytest
from helpers import ALL_IDS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM

from indexer.builder.index import build_index
from indexer.views.feed import search_feed
from indexer.views.links import document_url
from vanban.main import main

A = "{http://www.w3.org/2005/Atom}"
BASE = "https://vanban.example.vn/tra-cuu/"
# By date (the day, or for a document known by its year the latest date it cites), newest first.
NEWEST_FIRST = [TAC_PHAM, LAI_CHAU, KG_LETTER, KG_PLAN, NGOC_HOI, HAI_DUONG_150]


def parsed(atom: str) -> ET.Element:
    root = ET.fromstring(atom.encode("utf-8"))
    assert root.tag == f"{A}feed"
    return root


def text(element, tag: str) -> str:
    return element.find(f"{A}{tag}").text


def entry_ids(root) -> list[str]:
    """The documents' ids, from the entries' links, in order."""
    return [text(e, "id").removeprefix(BASE + "doc/").replace("%23", "#") for e in root.findall(f"{A}entry")]


def test_the_feed_is_atom_with_every_required_element_newest_first(index_dir):
    root = parsed(search_feed(index_dir, BASE).to_atom())
    built = text(root, "updated")
    assert (text(root, "id"), text(root, "title"), text(root.find(f"{A}author"), "name")) == (
        BASE + "feed", "vanban · mọi văn bản", "vanban")
    assert [(link.get("rel"), link.get("type"), link.get("href")) for link in root.findall(f"{A}link")] == [
        ("self", "application/atom+xml", BASE + "feed"), ("alternate", "text/html", BASE + "?sort=date")]
    assert entry_ids(root) == NEWEST_FIRST
    for entry in root.findall(f"{A}entry"):  # RFC 4287: id, title, updated; a link; an author
        assert [entry.find(f"{A}{tag}") is not None for tag in ("id", "title", "updated", "link", "author")] == [True] * 5
        assert text(entry, "updated") == built
    first, plan = root.findall(f"{A}entry")[0], root.findall(f"{A}entry")[3]
    assert text(plan, "title").startswith("Kế hoạch 46-KH/BTGTU: triển khai thực hiện Chỉ thị số 07-CT/TU")
    assert text(plan, "summary") == "Ban Tuyên giáo Tỉnh ủy Kiên Giang · ngày 08/06/2021 (suy ra)"
    assert (text(plan, "published"), plan.find(f"{A}category").get("term")) == ("2021-06-08T00:00:00+07:00", "Kế hoạch")
    assert plan.find(f"{A}link").get("href") == BASE + "doc/corpus/004_2a738f3429698ec1.txt%231"
    assert text(first, "title").startswith("Kế hoạch (không số): Triển khai đợt sinh hoạt chính trị")
    assert text(first, "summary") == "Ban Thường vụ Tỉnh ủy · năm 2023 (suy ra; sau ngày 08/03/2023)"
    assert first.find(f"{A}published") is None  # its day is not known


def test_a_query_adds_its_snippet_and_filters_narrow_it(index_dir):
    root = parsed(search_feed(index_dir, BASE, '"không gian mạng"', {"year": ["2021"]}).to_atom())
    assert text(root, "title") == "vanban · “\"không gian mạng\"” · Năm: 2021"
    assert text(root, "id") == BASE + "feed?q=%22kh%C3%B4ng+gian+m%E1%BA%A1ng%22&year=2021"
    assert entry_ids(root) == [LAI_CHAU, KG_PLAN]
    summaries = [text(e, "summary") for e in root.findall(f"{A}entry")]
    assert [s.split("\n\n")[0] for s in summaries] == ["Ban Thường vụ Tỉnh ủy Lai Châu · năm 2021 (suy ra; sau ngày 29/10/2021)",
                                                       "Ban Tuyên giáo Tỉnh ủy Kiên Giang · ngày 08/06/2021 (suy ra)"]
    assert ["không gian mạng" in s.split("\n\n")[1].lower() for s in summaries] == [True, True]


def test_a_followed_search_never_falls_back_to_any_of_the_words(index_dir):
    assert entry_ids(parsed(search_feed(index_dir, BASE, "tham nhũng xyzzy").to_atom())) == []


def test_a_document_added_to_the_corpus_tops_the_feed_after_the_next_build(corpus_copy, tmp_path, monkeypatch):
    import indexer.builder.index as building

    ix = tmp_path / "ix"
    monkeypatch.setattr(building, "built_at", lambda: "2026-01-01T08:00:00Z")
    build_index([corpus_copy], ix)
    records = [{"id": "moi", "text": "Kế hoạch tuyên truyền về không gian mạng năm 2024.", "doc_type": "Kế hoạch",
                "number": "12-KH/TU", "issuer": "Ban Thường vụ Tỉnh ủy Hải Dương", "date": "2024-01-05",
                "title": "tuyên truyền về không gian mạng"},
               # the same day as the letter, indexed later: above it
               {"id": "cung-ngay", "text": "Công văn về không gian mạng.", "doc_type": "Công văn",
                "date": "2021-06-21", "title": "về không gian mạng"}]
    (corpus_copy / "new.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                           encoding="utf-8")
    monkeypatch.setattr(building, "built_at", lambda: "2026-02-01T08:00:00Z")
    build_index([corpus_copy], ix)
    root = parsed(search_feed(ix, BASE).to_atom())
    new, same_day = "corpus/new.jsonl#moi", "corpus/new.jsonl#cung-ngay"
    assert entry_ids(root) == [new, TAC_PHAM, LAI_CHAU, same_day, KG_LETTER, KG_PLAN, NGOC_HOI, HAI_DUONG_150]
    assert [text(e, "updated") for e in root.findall(f"{A}entry")][:4] == [
        "2026-02-01T08:00:00Z", "2026-01-01T08:00:00Z", "2026-01-01T08:00:00Z", "2026-02-01T08:00:00Z"]
    assert text(root, "updated") == "2026-02-01T08:00:00Z"
    assert entry_ids(parsed(search_feed(ix, BASE, "không gian mạng", {"date_from": ["2024"]}).to_atom())) == [new]


def test_control_characters_and_markup_in_a_title_stay_well_formed(tmp_path):
    (tmp_path / "c").mkdir()
    record = {"id": "x", "text": "Kế hoạch về không gian mạng.", "doc_type": "Kế hoạch", "date": "2024-01-05",
              "title": "a\x00b\x01c\x0b <b>&amp; \ud800 ]]> =HYPERLINK(1)", "issuer": "Ủy ban\x1f nhân dân"}
    (tmp_path / "c" / "x.jsonl").write_text(json.dumps(record), encoding="utf-8")
    build_index([tmp_path / "c"], tmp_path / "ix")
    entry = parsed(search_feed(tmp_path / "ix", BASE, "không gian").to_atom()).find(f"{A}entry")
    assert text(entry, "title") == "Kế hoạch (không số): abc <b>&amp; ]]> =HYPERLINK(1)"  # spaces as a person writes them
    assert text(entry.find(f"{A}author"), "name") == "Ủy ban nhân dân"


@pytest.fixture(scope="module")
def client(make_client, index_dir):
    """The app served under a path of another host: every absolute link must start with it."""
    return make_client(index_dir, BASE_URL=BASE)


def test_the_feed_route_serves_the_same_atom_with_links_from_the_base_url_never_the_host(client, index_dir):
    response = client.get("/feed?q=kh%C3%B4ng+gian+m%E1%BA%A1ng&year=2021&sort=cited&page=3",
                          headers={"Host": "evil.example"})
    assert (response.status_code, response.headers["Content-Type"]) == (200, "application/atom+xml; charset=utf-8")
    body = response.get_data(as_text=True)
    assert body == search_feed(index_dir, BASE, "không gian mạng", {"year": ["2021"]}).to_atom()
    assert "evil.example" not in body and response.headers["X-Frame-Options"] == "DENY"
    again = client.get("/feed?q=kh%C3%B4ng+gian+m%E1%BA%A1ng&year=2021", headers={"If-None-Match": response.headers["ETag"]})
    assert (again.status_code, again.data) == (304, b"")


@pytest.mark.parametrize("url,message", [
    ("/feed?date_from=2019-5", "Ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD"),
    ("/feed?date_from=2020&date_to=2019", "Khoảng ngày không hợp lệ: từ 2020 đến 2019"),
    ("/feed?year=19", "Năm phải có 4 chữ số"),
])
def test_a_bad_value_is_a_400(client, url, message):
    response = client.get(url)
    assert (response.status_code, message in response.get_data(as_text=True)) == (400, True)


def test_the_search_page_offers_the_feed_and_the_downloads(client):
    html = client.get("/?q=kh%C3%B4ng+gian&year=2021&sort=date&page=1").get_data(as_text=True)
    feed = "/feed?q=kh%C3%B4ng+gian&amp;year=2021"
    assert f'<link rel="alternate" type="application/atom+xml" title="Theo dõi tìm kiếm này" href="{feed}">' in html
    assert f'<a class="feed" href="{feed}" type="application/atom+xml">Theo dõi tìm kiếm này</a>' in html
    assert '<a href="/api/search?format=csv&amp;q=kh%C3%B4ng+gian&amp;year=2021&amp;sort=date">CSV</a>' in html
    assert '<a href="/api/search?format=xlsx&amp;q=kh%C3%B4ng+gian&amp;year=2021&amp;sort=date">Excel</a>' in html


def test_links_agree_with_the_web_routes(make_app):
    app = make_app("/nonexistent", BASE_URL="http://127.0.0.1:5000")
    assert app.config["BASE_URL"] == "http://127.0.0.1:5000/"
    with app.test_request_context():
        from flask import url_for

        assert [document_url("http://127.0.0.1:5000/", i) for i in sorted(ALL_IDS)] == [
            "http://127.0.0.1:5000" + url_for("pages.document_page", doc_id=i) for i in sorted(ALL_IDS)]
        assert url_for("pages.feed") == "/feed"


def test_vanban_search_feed_prints_the_same_feed(index_dir, capsys):
    status = main(["search", "không gian mạng", "--year", "2021", "--index", str(index_dir), "--feed",
                   "--base-url", BASE])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out == search_feed(index_dir, BASE, "không gian mạng", {"year": ["2021"]}).to_atom()
    assert main(["search", "--index", str(index_dir), "--feed", "--base-url", "vanban.example.vn"]) == 2
    assert capsys.readouterr().err.startswith("vanban: lỗi: --base-url: Địa chỉ gốc phải là một URL http(s)")


def test_the_cites_page_follows_the_documents_citing_its_ref(client):
    html = client.get("/cites/Ngh%E1%BB%8B%20quy%E1%BA%BFt%2035?year=2019").get_data(as_text=True)
    feed = "/feed?year=2019&amp;cites=Ngh%E1%BB%8B+quy%E1%BA%BFt+35"
    assert f'<a class="feed" href="{feed}" type="application/atom+xml">Theo dõi văn bản mới trích dẫn văn bản này</a>' in html
    root = parsed(client.get(feed.replace("&amp;", "&")).get_data(as_text=True))
    assert entry_ids(root) == [NGOC_HOI, HAI_DUONG_150]
    assert 'class="feed"' not in client.get("/cites/35-NQ%2FTW?cites=14-KH/TW").get_data(as_text=True)
