"""Every route of the web UI and the JSON API through Flask's test client, on the real index."""

import csv
import io
import json
from urllib.parse import quote

import pytest

from webui.app import create_app

from helpers import HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI


@pytest.fixture(scope="module")
def client(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()


def doc_url(doc_id, **query):
    extra = "&".join(f"{k}={quote(v)}" for k, v in query.items())
    return f"/doc/{quote(doc_id, safe='/')}" + (f"?{extra}" if extra else "")


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.data[:300]
    return response.get_data(as_text=True)


def test_search_page_shows_results_facets_and_suggestion(client):
    html = page(client, "/?q=phong+chong+tham+nhung")
    assert "6 văn bản cho “<strong>phong chong tham nhung</strong>”" in html
    assert 'Có phải bạn muốn tìm: <a href="/?q=ph%C3%B2ng+ch%E1%BB%91ng+tham+nh%C5%A9ng">phòng chống tham nhũng</a>' in html
    assert '<mark>phòng</mark>, <mark>chống</mark> <mark>tham</mark> <mark>nhũng</mark>' in html
    assert html.index("Loại văn bản") < html.index("Năm") < html.index("Cơ quan ban hành")


def test_multi_select_facets_keep_other_values_and_show_removable_chips(client):
    html = page(client, "/?year=2019&year=2023")
    assert "3 văn bản" in html
    assert 'href="/?year=2019&amp;year=2023&amp;year=2021"' in html  # 2021 still offered, with its count
    assert 'href="/?year=2023" title="Bỏ lọc">Năm: 2019' in html       # the chip removes just 2019


def test_sort_by_date_and_pagination(client):
    html = page(client, "/?sort=date&page_size=2&page=2")
    assert html.index(KG_LETTER) < html.index(KG_PLAN)
    assert 'href="/?sort=date&amp;page_size=2" rel="prev"' in html
    assert 'href="/?sort=date&amp;page=3&amp;page_size=2" rel="next"' in html


def test_document_page_metadata_text_and_citations_both_ways(client):
    html = page(client, doc_url(KG_PLAN, q="chi thi 07"))
    assert "<dt>Số, ký hiệu</dt><dd>46-KH/BTGTU <em>(theo văn bản kèm)</em></dd>" in html
    assert "<dt>Ngày ban hành</dt><dd>08/06/2021 (suy ra)</dd>" in html
    assert "<mark>Chỉ thị 07</mark>" in html
    assert "Được trích dẫn bởi (1)" in html
    assert f'href="{doc_url(KG_LETTER)}">Công văn 4382/VP-KGVX</a>' in html
    letter = page(client, doc_url(KG_LETTER))
    assert f'<a class="in-corpus" href="{doc_url(KG_PLAN)}">Kế hoạch 46-KH/BTGTU</a>' in letter
    assert "Được trích dẫn bởi (0)" in letter


def test_document_page_says_unknown_date_with_its_lower_bound(client):
    html = page(client, doc_url(NGOC_HOI))
    assert "<dt>Ngày ban hành</dt><dd>không rõ (sau 13/11/2019)</dd>" in html
    assert "<dt>Số, ký hiệu</dt><dd>không rõ</dd>" in html
    assert "<p>2. Yêu cầu</p>" in html  # the document's own numbering, not a renumbered list


def test_cites_page_lists_citing_documents_with_passages(client):
    html = page(client, "/cites/" + quote("Nghị quyết 35"))
    assert "<h1>Nghị quyết 35-NQ/TW</h1>" in html
    assert "ngày 22/10/2018" in html and " của Bộ Chính trị" in html
    assert "3 văn bản" in html
    assert "<mark>Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị</mark>" in html


def test_cites_downloads_as_csv_and_json(client):
    response = client.get("/cites/35-NQ%2FTW?format=csv")
    assert response.headers["Content-Disposition"] == 'attachment; filename="trich-dan-35_NQ_TW.csv"'
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["id", "doc_type", "number", "issuer", "province", "date", "year", "title", "passage"]
    assert {r[0] for r in rows[1:]} == {HAI_DUONG_150, NGOC_HOI, LAI_CHAU}
    data = json.loads(client.get("/cites/nghi%20quyet%2035?format=json").data)
    assert (data["total"], sorted(h["id"] for h in data["hits"])) == (3, sorted([HAI_DUONG_150, NGOC_HOI, LAI_CHAU]))


def test_api_search_has_the_search_shape(client):
    data = client.get("/api/search?q=kh%C3%B4ng+gian+m%E1%BA%A1ng&doc_type=K%E1%BA%BF+ho%E1%BA%A1ch").get_json()
    assert data["total"] == 6 - 1
    assert data["facets"]["doc_type"] == [{"value": "Kế hoạch", "count": 5, "selected": True},
                                          {"value": "Công văn", "count": 1, "selected": False}]
    assert set(data["hits"][0]) >= {"id", "source", "part", "doc_type", "number", "issuer", "year", "title",
                                    "snippet", "highlights", "score"}


def test_api_document_and_cites(client):
    data = client.get(f"/api/documents/{quote(KG_LETTER, safe='/')}").get_json()
    assert data["document"]["number"] == "4382/VP-KGVX"
    assert [(c["ref"], c["count"], c["target"]) for c in data["citations"]] == [
        ("46-KH/BTGTU", 4, KG_PLAN), ("07-CT/TU", 3, None), ("4211/VP-KGVX", 1, None)]
    plan = client.get(f"/api/documents/{quote(KG_PLAN, safe='/')}").get_json()
    assert [c["document"]["id"] for c in plan["cited_by"]] == [KG_LETTER]
    cites = client.get("/api/cites?ref=35/NQ-TW").get_json()
    assert cites["total"] == 3 and cites["ref"]["ref"] == "35-NQ/TW" and cites["ref"]["cited_by_count"] == 3
    assert all(h["passages"] for h in cites["hits"])


@pytest.mark.parametrize("url,status,error", [
    ("/api/documents/nope", 404, "no document with id 'nope'"),
    ("/api/cites", 400, "the ref parameter is required, e.g. /api/cites?ref=35-NQ/TW"),
    ("/api/cites?ref=hello", 400, "not a document reference: 'hello'"),
    ("/api/search?page=0", 400, "Số trang phải là số nguyên từ 1 đến 500 (nhận được: '0')."),
    ("/api/search?page_size=1000", 400, "Số kết quả mỗi trang phải là số nguyên từ 1 đến 100 (nhận được: '1000')."),
    ("/api/search?sort=random", 400, "Cách sắp xếp không hợp lệ: 'random'."),
])
def test_api_errors_have_one_shape(client, url, status, error):
    response = client.get(url)
    assert (response.status_code, response.get_json()) == (status, {"error": error, "status": status})


def test_api_unknown_endpoint_is_a_json_404(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.get_json()["status"] == 404


@pytest.mark.parametrize("url,status,text", [
    ("/doc/../../etc/passwd", 404, "Không tìm thấy trang"),
    ("/doc/%2E%2E/%2E%2E/etc/passwd", 404, "Không có văn bản nào mang mã “../../etc/passwd”."),
    ("/nowhere", 404, "Không có trang nào ở địa chỉ này."),
    ("/?q=" + "a" * 501, 400, "Câu truy vấn quá dài (501 ký tự; tối đa 500)."),
    ("/?page=100000", 400, "Số trang phải là số nguyên từ 1 đến 500"),
    ("/cites/hello", 400, "“hello” không phải là số, ký hiệu văn bản"),
    ("/cites/35-NQ%2FTW?format=pdf", 400, "Định dạng tải về không hợp lệ: &#39;pdf&#39;"),
])
def test_friendly_error_pages(client, url, status, text):
    html = page(client, url, status)
    assert text in html and "Traceback" not in html and "Về trang tìm kiếm" in html


def test_query_and_facet_values_are_escaped(client):
    html = page(client, "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_document_text_with_script_shows_as_text(tmp_path):
    from indexer.build import build_index
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.md").write_text("KẾ HOẠCH\n\n**Đậm** <script>alert('x')</script> <img src=x onerror=alert(1)>\n",
                                 encoding="utf-8")
    build_index([folder], tmp_path / "ix")
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()
    html = page(client, "/doc/c/x.md%230?q=script")
    assert "<strong>Đậm</strong>" in html
    assert "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt;" in html or \
           "&lt;<mark>script</mark>&gt;alert('x')&lt;/<mark>script</mark>&gt;" in html
    assert "<script>alert" not in html and "<img" not in html


def test_missing_index_is_a_clear_503(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path / "none"), "TESTING": True}).test_client()
    assert "Chưa có chỉ mục tìm kiếm" in page(client, "/", 503)
    assert client.get("/api/search").get_json()["status"] == 503
