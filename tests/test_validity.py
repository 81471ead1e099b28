"""Is it still in force: what a text changes and when it takes effect (extraction), the status the
corpus gives it with the evidence (both directions, cited texts too), the status filter, facet and
`in_force_on`, every surface that shows them, and the feed that follows a document."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
import validity_texts as texts

from indexer.builder.index import build_index
from indexer.extract.metadata import extract
from indexer.searching import search
from indexer.views.document import get_document
from indexer.views.feed import document_feed
from indexer.views.refs import ref_views
from indexer.vocab.validity import status_on
from webui.app import create_app

FILES = {"old_decree.txt": texts.OLD_DECREE, "repealing_decree.txt": texts.REPEALING_DECREE,
         "amending_decree.txt": texts.AMENDING_DECREE, "consolidated.txt": texts.CONSOLIDATED,
         "old_plan.txt": texts.OLD_PLAN, "new_plan.txt": texts.NEW_PLAN, "future_decree.txt": texts.FUTURE_DECREE}
OLD, REPEALING, AMENDING, CONSOLIDATED, OLD_PLAN, NEW_PLAN, FUTURE = (f"laws/{name}#0" for name in FILES)
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://vanban.example.vn/"

REPEAL_PASSAGE = ("Kể từ ngày Nghị định này có hiệu lực thi hành, các văn bản sau đây hết hiệu lực thi hành: a) Nghị định "
                  "số 30/2016/NĐ-CP ngày 28 tháng 4 năm 2016 của Chính phủ quy định chi tiết hoạt động đầu tư từ quỹ "
                  "bảo hiểm xã hội;")
PLAN_PASSAGE = ("TỔ CHỨC THỰC HIỆN Kế hoạch này thay thế Kế hoạch số 12/KH-UBND ngày 15/01/2022 của Ủy ban nhân dân "
                "tỉnh về chuyển đổi số tỉnh Kon Tum năm 2022.")


def changes_of(text: str) -> list[tuple]:
    (meta,) = extract(text)
    return [(c.kind, c.ref, c.parts, c.on) for c in meta.changes]


def effect_of(text: str) -> tuple:
    (meta,) = extract(text)
    return meta.effect.effective, meta.effect.rule, meta.effect.expires, meta.effect.passage


# --- extraction: the document's own clauses only ---

def test_an_amending_decree_amends_the_parts_its_article_edits_and_repeals_the_one_it_drops():
    assert changes_of(texts.AMENDING_DECREE) == [
        ("amends", "212/2025/NĐ-CP", ("khoản 1 Điều 4", "Điều 5a"), None),
        ("repeals_part", "212/2025/NĐ-CP", ("khoản 3 Điều 7",), None)]  # never 1/2000 nor 2/2001: quoted content


def test_a_decree_repealing_two_decrees_names_a_third_in_part_and_not_the_one_that_one_amended():
    assert changes_of(texts.REPEALING_DECREE) == [
        ("repeals", "30/2016/NĐ-CP", (), None), ("repeals", "115/2015/NĐ-CP", (), None),
        ("repeals_part", "29/2013/NĐ-CP", ("khoản 2 Điều 1",), None)]


def test_a_consolidated_text_consolidates_the_texts_its_note_names_with_the_day_each_took_effect():
    (meta,) = extract(texts.CONSOLIDATED)
    assert (meta.doc_type, meta.number) == ("Văn bản hợp nhất", "05/VBHN-BTC")
    assert changes_of(texts.CONSOLIDATED) == [("consolidates", "212/2025/NĐ-CP", (), "2025-09-15"),
                                              ("consolidates", "74/2025/NĐ-CP", (), "2025-12-01")]
    assert effect_of(texts.CONSOLIDATED) == (None, None, None, None)  # it has no effect of its own


def test_a_local_plan_replaces_the_earlier_plan_it_names():
    assert changes_of(texts.NEW_PLAN) == [("replaces", "12/KH-UBND", (), None)]


def test_effect_from_a_printed_day_from_signing_after_signing_and_to_an_end():
    assert effect_of(texts.REPEALING_DECREE) == (
        "2025-09-15", "date", None, "Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 9 năm 2025.")
    assert effect_of(texts.AMENDING_DECREE) == (
        "2025-12-01", "signing", None, "Nghị định này có hiệu lực thi hành kể từ ngày ký.")
    after = texts.AMENDING_DECREE.replace("kể từ ngày ký.", "sau 45 ngày kể từ ngày ký.")
    assert effect_of(after)[:3] == ("2026-01-15", "after_signing", None)
    until = texts.AMENDING_DECREE.replace("kể từ ngày ký.", "kể từ ngày ký đến hết ngày 31 tháng 12 năm 2027.")
    assert effect_of(until)[:3] == ("2025-12-01", "signing", "2027-12-31")
    # `kể từ ngày Nghị định này có hiệu lực` is a transition rule, never the effect clause
    rule = texts.OLD_DECREE.replace("Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2016.",
                                    "Hợp đồng ký trước ngày Nghị định này có hiệu lực từ ngày 01/7/2016 thì tiếp tục.")
    assert effect_of(rule) == (None, None, None, None)


@pytest.mark.parametrize("text", [
    # a proposal to repeal (Tờ trình) repeals nothing
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 09/TTr-UBND\nQuảng Ngãi, ngày 20 tháng 01 năm 2025\n\nTỜ TRÌNH\n"
    "Về việc ban hành Nghị quyết bãi bỏ Nghị quyết số 39/2011/NQ-HĐND\n\nĐiều 1. Bãi bỏ Nghị quyết số 39/2011/NQ-HĐND "
    "ngày 12/12/2011 của Hội đồng nhân dân tỉnh.",
    # an action programme's task is work to do, not a change made
    "CHÍNH PHỦ\nSố: 175/NQ-CP\nHà Nội, ngày 30 tháng 10 năm 2023\n\nNGHỊ QUYẾT\nPhê duyệt Đề án Trung tâm dữ liệu\n\n"
    "Điều 1. Nhiệm vụ\nb) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ để bổ sung Trung tâm dữ liệu.",
    # a sentence about a third text states nothing of this one
    "BỘ Y TẾ\nSố: 05/2025/TT-BYT\nHà Nội, ngày 03 tháng 3 năm 2025\n\nTHÔNG TƯ\nHướng dẫn\n\nCăn cứ Nghị định số "
    "95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ đã được sửa đổi, bổ sung bởi Nghị định số 11/2024/NĐ-CP;\n"
    "Điều 3. Áp dụng\nThực hiện theo Nghị định số 29/2013/NĐ-CP sửa đổi, bổ sung Nghị định số 92/2009/NĐ-CP.",
])
def test_proposals_tasks_and_descriptions_of_other_texts_change_nothing(text):
    assert changes_of(text) == []


def test_a_whole_repeal_counts_from_its_day_and_one_dated_nowhere_only_today():
    record = {"effective": "2016-06-15", "expires": None, "effect": {"source": "a", "passage": "p", "date": "2016-06-15"},
              "changed_by": [{"kind": "replaces", "source": "b", "date": None, "parts": [], "passage": "q"}]}
    assert [status_on(record, "2020-01-01").status, status_on(record, "2020-01-01", is_today=True).status] == [
        "unknown", "repealed"]


# --- the corpus: both directions, on every surface ---

@pytest.fixture(scope="module", params=("whoosh", "tantivy"))
def laws(tmp_path_factory, request):
    corpus = tmp_path_factory.mktemp("laws-corpus") / "laws"
    corpus.mkdir()
    for name, text in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index = tmp_path_factory.mktemp(f"laws-index-{request.param}")
    build_index([corpus], index, engine=request.param)
    return index


def test_a_repealed_decree_says_by_which_document_which_passage_and_from_which_day(laws):
    view = get_document(laws, OLD).as_dict()
    assert view["validity"] == {"status": "repealed", "effective": "2016-06-15", "effective_rule": "date",
                                "expires": None,
                                "evidence": [{"source": REPEALING, "passage": REPEAL_PASSAGE, "date": "2025-09-15"}]}
    assert view["changed_by"] == [{"kind": "repeals", "source": REPEALING, "date": "2025-09-15", "parts": [],
                                   "passage": REPEAL_PASSAGE}]
    assert [(t["date"], t["event"], t["label"]) for t in view["timeline"]] == [
        ("2016-04-28", "issued", "Ban hành"), ("2016-06-15", "effective", "Có hiệu lực"),
        ("2025-09-15", "repeals", "Bị bãi bỏ bởi Nghị định 212/2025/NĐ-CP")]


def test_the_repealing_decree_lists_its_changes_and_what_later_changed_it(laws):
    view = get_document(laws, REPEALING).as_dict()
    assert [(c["kind"], c["ref"], c["target"], c["parts"]) for c in view["changes"]] == [
        ("repeals", "30/2016/NĐ-CP", OLD, []), ("repeals", "115/2015/NĐ-CP", None, []),
        ("repeals_part", "29/2013/NĐ-CP", None, ["khoản 2 Điều 1"])]
    assert [(c["kind"], c["source"], c["date"], c["parts"]) for c in view["changed_by"]] == [
        ("amends", AMENDING, "2025-12-01", ["khoản 1 Điều 4", "Điều 5a"]),
        ("repeals_part", AMENDING, "2025-12-01", ["khoản 3 Điều 7"]),
        ("consolidates", CONSOLIDATED, "2025-12-20", [])]
    assert view["validity"] == {"status": "partly_repealed", "effective": "2025-09-15", "effective_rule": "date",
                                "expires": None, "evidence": [{"source": AMENDING, "passage": "Bãi bỏ khoản 3 Điều 7.",
                                                               "date": "2025-12-01"}]}


def test_in_force_from_signing_not_yet_in_force_replaced_plan_and_a_plan_that_says_nothing(laws):
    status = {doc: get_document(laws, doc).as_dict()["validity"] for doc in (AMENDING, FUTURE, OLD_PLAN, NEW_PLAN)}
    assert {d: (v["status"], v["effective"], v["effective_rule"]) for d, v in status.items()} == {
        AMENDING: ("in_force", "2025-12-01", "signing"), FUTURE: ("not_yet", "2099-01-01", "date"),
        OLD_PLAN: ("repealed", None, None), NEW_PLAN: ("unknown", None, None)}
    assert status[OLD_PLAN]["evidence"] == [{"source": NEW_PLAN, "passage": PLAN_PASSAGE, "date": "2024-03-10"}]
    assert status[NEW_PLAN]["evidence"] == []


def test_a_cited_text_the_corpus_does_not_hold_gets_the_repeal_it_records(laws):
    (record,), _ = ref_views(laws, "115/2015/NĐ-CP")
    assert (record.node.in_corpus, record.as_dict()["validity"]["status"]) == (False, "repealed")
    (part,), _ = ref_views(laws, "29/2013/NĐ-CP")
    assert part.as_dict()["validity"]["status"] == "partly_repealed"
    (consolidated,), _ = ref_views(laws, "74/2025/NĐ-CP")  # its own record: in the corpus
    assert consolidated.as_dict()["changed_by"][0]["kind"] == "consolidates"


def test_search_filters_and_counts_by_status_and_by_the_day_a_text_was_in_force(laws):
    everything = search(laws, page_size=20)
    assert {h.id: h.status for h in everything.hits} == {
        OLD: "repealed", REPEALING: "partly_repealed", AMENDING: "in_force", CONSOLIDATED: "unknown",
        OLD_PLAN: "repealed", NEW_PLAN: "unknown", FUTURE: "not_yet"}
    facet = next(f for f in everything.facets if f.name == "status")
    assert [(v.value, v.count) for v in facet.results] == [
        ("in_force", 1), ("not_yet", 1), ("partly_repealed", 1), ("repealed", 2), ("unknown", 2)]
    repealed = search(laws, filters={"status": ["repealed", "not_yet"]}, page_size=20)
    assert {h.id for h in repealed.hits} == {OLD, OLD_PLAN, FUTURE}
    facet = next(f for f in repealed.facets if f.name == "status")  # its own choice hides no other value
    assert [(v.value, v.count, v.selected) for v in facet.results][2:4] == [("partly_repealed", 1, False),
                                                                            ("repealed", 2, True)]
    assert {h.id for h in search(laws, filters={"status": "unknown"}).hits} == {CONSOLIDATED, NEW_PLAN}
    assert [h.id for h in search(laws, filters={"in_force_on": "2016-07-01"}).hits] == [OLD]
    assert [h.id for h in search(laws, filters={"in_force_on": "2025-10-01"}).hits] == [REPEALING]
    assert {h.id for h in search(laws, filters={"in_force_on": "2025-12-02"}).hits} == {REPEALING, AMENDING}


@pytest.fixture(scope="module")
def client(laws):
    return create_app({"INDEX_DIR": str(laws), "TESTING": True, "BASE_URL": BASE}).test_client()


def test_the_api_and_the_pages_show_status_evidence_and_the_reverse_lists(client):
    api = client.get(f"/api/documents/{quote(OLD, safe='/')}").get_json()
    assert (api["validity"]["status"], api["changed_by"][0]["source"]) == ("repealed", REPEALING)
    found = client.get("/api/search?status=repealed&status=not_yet&sort=date").get_json()
    assert ([h["id"] for h in found["hits"]], found["hits"][0]["status"]) == ([FUTURE, OLD_PLAN, OLD], "not_yet")
    assert [v["value"] for v in found["facets"]["status"]] == [
        "in_force", "not_yet", "partly_repealed", "repealed", "unknown"]
    html = client.get(f"/doc/{quote(REPEALING, safe='/')}").get_data(as_text=True)
    assert '<span class="status status-partly_repealed">Hết hiệu lực một phần</span>' in html
    assert "<h3>Được sửa đổi, bổ sung bởi</h3>" in html and "<h3>Được hợp nhất tại</h3>" in html
    assert '<a href="/feed?doc=laws/repealing_decree.txt%230" type="application/atom+xml">Theo dõi văn bản này</a>' in html
    listed = client.get("/?q=bảo+hiểm+xã+hội").get_data(as_text=True)  # marked, never hidden
    assert '<span class="status status-repealed">Hết hiệu lực</span>' in listed
    ref = client.get("/refs/115/2015/NĐ-CP").get_data(as_text=True)
    assert "Bị bãi bỏ bởi" in ref and '<span class="status status-repealed">Hết hiệu lực</span>' in ref


@pytest.mark.parametrize("url", ["/api/search?status=dead", "/api/search?in_force_on=2025-13-01",
                                 "/api/search?in_force_on=2025", "/api/search?in_force_on=2025-01-01&in_force_on=2025-01-02"])
def test_bad_status_values_are_a_clear_400(client, url):
    response = client.get(url)
    assert (response.status_code, response.get_json()["status"]) == (400, 400)
    assert "Hiệu lực" in response.get_json()["error"] or "Ngày" in response.get_json()["error"] or "một giá trị" in \
        response.get_json()["error"]


def test_the_feed_of_a_document_gets_an_entry_when_a_repealing_document_is_added(tmp_path):
    corpus, index = tmp_path / "laws", tmp_path / "index"
    corpus.mkdir()
    (corpus / "old_decree.txt").write_text(texts.OLD_DECREE, encoding="utf-8")
    build_index([corpus], index)
    before = ET.fromstring(document_feed(index, BASE, OLD).to_atom())
    assert (before.find(f"{ATOM}title").text, before.findall(f"{ATOM}entry")) == (
        "vanban · theo dõi Nghị định 30/2016/NĐ-CP", [])
    assert get_document(index, OLD).as_dict()["validity"]["status"] == "in_force"
    (corpus / "repealing_decree.txt").write_text(texts.REPEALING_DECREE, encoding="utf-8")
    report = build_index([corpus], index)
    assert (report.files_added, report.files_unchanged) == (1, 1)  # the repealed file was not read again
    (entry,) = ET.fromstring(document_feed(index, BASE, OLD).to_atom()).findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text == BASE + "doc/laws/repealing_decree.txt%230"
    assert entry.find(f"{ATOM}summary").text == (
        "Chính phủ · ngày 01/08/2025\n\nbãi bỏ: " + REPEAL_PASSAGE)
    assert get_document(index, OLD).as_dict()["validity"]["status"] == "repealed"


def test_the_feed_route_follows_a_document_and_refuses_an_unknown_one(client):
    response = client.get(f"/feed?doc={quote(OLD, safe='')}")
    assert (response.status_code, response.headers["Content-Type"]) == (200, "application/atom+xml; charset=utf-8")
    entries = ET.fromstring(response.data).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [BASE + "doc/laws/repealing_decree.txt%230"]
    assert client.get("/feed?doc=laws/none.txt%230").status_code == 404


def test_the_cli_filters_by_status_and_day_and_says_each_hit_s_status(laws, capsys):
    from vanban.main import main

    assert main(["search", "--index", str(laws), "--status", "repealed", "--sort", "date", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["status"]) for h in found["hits"]] == [(OLD_PLAN, "repealed"), (OLD, "repealed")]
    assert main(["search", "--index", str(laws), "--in-force-on", "2016-07-01"]) == 0
    out = capsys.readouterr().out
    assert "Nghị định · 30/2016/NĐ-CP · Chính phủ · 2016-04-28 (hết hiệu lực)" in out
    assert main(["search", "--index", str(laws), "--in-force-on", "2016-7-1"]) == 2
    assert "--in-force-on: Ngày phải có dạng YYYY-MM-DD" in capsys.readouterr().err
