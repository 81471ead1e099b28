"""Every route of the web UI and the JSON API through Flask's test client, on the real index."""

import csv
import io
import json
import re
from urllib.parse import quote

import pytest
from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM


def doc_url(doc_id, **query):
    extra = "&".join(f"{k}={quote(v)}" for k, v in query.items())
    return f"/doc/{quote(doc_id, safe='/')}" + (f"?{extra}" if extra else "")


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.data[:300]
    return response.get_data(as_text=True)


def test_search_page_shows_results_facets_and_suggestion(client):
    html = page(client, "/?q=phong+chong+tham+nhung")
    # the one holding both words, `phong chong` and `tham nhung` side by side (the others hold `tham` in
    # `tham gia` and `những` apart)
    assert "1 văn bản cho “<strong>phong chong tham nhung</strong>”" in html
    assert 'Có phải bạn muốn tìm: <a href="/?q=ph%C3%B2ng+ch%E1%BB%91ng+tham+nh%C5%A9ng">phòng chống tham nhũng</a>' in html
    assert '<mark>phòng, chống tham nhũng</mark>' in html  # the query's words where they stand together
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
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"trich-dan-35-NQ_TW.csv\"; filename*=UTF-8''tr%C3%ADch-d%E1%BA%ABn-35-NQ_TW.csv")
    assert response.headers["X-Total-Count"] == "3"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["id", "doc_type", "number", "date", "year", "issuer", "province", "title", "cited_by_count",
                       "link", "kind", "count", "passage"]
    assert [(r[0], r[9], r[10], r[11]) for r in rows[1:]] == [
        (LAI_CHAU, "http://127.0.0.1:5000/doc/corpus/002_45d61e181700c579.txt%230", "implements", "3"),
        (NGOC_HOI, "http://127.0.0.1:5000/doc/corpus/001_e44d68029944b139.txt%230", "implements", "8"),
        (HAI_DUONG_150, "http://127.0.0.1:5000/doc/corpus/000_65df158a4e7ec0a6.txt%230", "implements", "27")]
    assert rows[3][12].startswith("thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị khóa XII")
    data = json.loads(client.get("/cites/nghi%20quyet%2035?format=json").data)
    assert (data["total"], sorted(h["id"] for h in data["hits"])) == (3, sorted([HAI_DUONG_150, NGOC_HOI, LAI_CHAU]))


def test_api_search_has_the_search_shape(client):
    data = client.get("/api/search?q=kh%C3%B4ng+gian+m%E1%BA%A1ng&doc_type=K%E1%BA%BF+ho%E1%BA%A1ch").get_json()
    assert (data["total"], data["relaxed"]) == (3, False)  # the plans holding `không gian` and `mạng`
    assert data["facets"]["doc_type"] == [{"value": "Kế hoạch", "count": 3, "selected": True}]
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
    ("/api/documents/nope", 404, "Không có văn bản nào mang mã “nope”."),
    ("/api/cites", 400, "Thiếu tham số ref, ví dụ: /api/cites?ref=35-NQ/TW."),
    ("/api/cites?ref=hello", 400, "'hello' không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35)."),
    ("/api/search?page=0", 400, "Số trang phải là số nguyên từ 1 đến 500 (nhận được: '0')."),
    ("/api/search?page_size=1000", 400, "Số kết quả mỗi trang phải là số nguyên từ 1 đến 100 (nhận được: '1000')."),
    ("/api/search?sort=random", 400, "Cách sắp xếp không hợp lệ: 'random' (chọn: relevance, date, date_asc, cited)."),
    ("/api/search?year=abc", 400, "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: 'abc')."),
    ("/api/search?year=1800", 400, "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: '1800')."),
    ("/api/search?kind=x", 400, "Quan hệ không hợp lệ: 'x' (chọn: implements, based_on, guided_by, mentions)."),
    ("/api/search?cites=hello", 400, "'hello' không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35)."),
    ("/api/search?" + "&".join(["year=2019"] * 21), 400, "Bộ lọc “Năm” có quá nhiều giá trị (21; tối đa 20)."),
    ("/api/search?issuer=" + "x" * 201, 400, "Giá trị của bộ lọc “Cơ quan ban hành” quá dài (201 ký tự; tối đa 200)."),
    ("/api/search?q=" + "a" * 2000, 400, "Câu truy vấn quá dài (2000 ký tự; tối đa 500)."),
    ("/api/graph?format=pdf", 400, "Định dạng không hợp lệ: 'pdf' (chọn: json, csv, graphml)."),
    ("/api/graph?table=x", 400, "Bảng không hợp lệ: 'x' (chọn: edges, nodes)."),
    ("/api/refs/35-NQ%2FTW?kind=x", 400, "Quan hệ không hợp lệ: 'x' (chọn: implements, based_on, guided_by, mentions)."),
    ("/api/documents/x?q=" + "a" * 501, 400, "Câu truy vấn quá dài (501 ký tự; tối đa 500)."),
    ("/api/nothing", 404, "Không có trang nào ở địa chỉ này."),
])
def test_api_errors_have_one_shape(client, url, status, error):
    response = client.get(url)
    assert (response.status_code, response.get_json()) == (status, {"error": error, "status": status})


NO_SUCH_ID = "Không có văn bản nào mang mã “corpus/nope.txt#0”."


@pytest.mark.parametrize("url,error", [
    ("/api/documents/corpus/nope.txt%230", NO_SUCH_ID),
    ("/api/documents/corpus/nope.txt%230/related", NO_SUCH_ID),
    (f"/api/compare?a=corpus/nope.txt%230&b={quote(KG_PLAN)}", NO_SUCH_ID),
    (f"/api/compare?a={quote(KG_PLAN)}&b=corpus/nope.txt%230", NO_SUCH_ID),
    ("/api/refs/99-NQ%2FTW", "Không có văn bản nào trong kho trích dẫn 99-NQ/TW."),
])
def test_an_unknown_document_is_a_404_on_every_api_route(client, url, error):
    response = client.get(url)
    assert (response.status_code, response.get_json()) == (404, {"error": error, "status": 404})


@pytest.mark.parametrize("url,error", [
    ("/doc/corpus/nope.txt%230", NO_SUCH_ID),
    ("/doc/corpus/nope.txt%230?q=ngh%E1%BB%8B+quy%E1%BA%BFt", NO_SUCH_ID),
    ("/original/corpus/nope.txt%230", NO_SUCH_ID),
    (f"/compare?a=corpus/nope.txt%230&b={quote(KG_PLAN)}", NO_SUCH_ID),
    ("/cascade/nope", "Không có văn bản “nope” trong đồ thị trích dẫn."),
    ("/refs/99-NQ%2FTW", "Không có văn bản nào trong kho trích dẫn 99-NQ/TW."),
])
def test_an_unknown_document_is_a_404_page_on_every_route(client, url, error):
    html = page(client, url, 404)
    assert re.search(r'<section class="error-page">\s*<h1>(.*)</h1>\s*<p>(.*)</p>', html).groups() == (
        "Không tìm thấy trang", error)


@pytest.mark.parametrize("url,status,text", [
    ("/doc/../../etc/passwd", 404, "Không tìm thấy trang"),
    ("/doc/%2E%2E/%2E%2E/etc/passwd", 404, "Không có văn bản nào mang mã “../../etc/passwd”."),
    ("/nowhere", 404, "Không có trang nào ở địa chỉ này."),
    ("/?q=" + "a" * 501, 400, "Câu truy vấn quá dài (501 ký tự; tối đa 500)."),
    ("/?page=100000", 400, "Số trang phải là số nguyên từ 1 đến 500"),
    ("/cites/hello", 400, "&#39;hello&#39; không phải là số, ký hiệu văn bản"),
    ("/cites/35-NQ%2FTW?format=pdf", 400, "Định dạng tải về không hợp lệ: &#39;pdf&#39; (chọn: csv, xlsx, json)."),
    ("/?year=abc", 400, "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: &#39;abc&#39;)."),
])
def test_friendly_error_pages(client, url, status, text):
    html = page(client, url, status)
    assert text in html and "Traceback" not in html and "Về trang tìm kiếm" in html


def test_query_and_facet_values_are_escaped(client):
    html = page(client, "/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_document_text_with_script_shows_as_text(make_client, tmp_path):
    from indexer.builder.index import build_index
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.md").write_text("KẾ HOẠCH\n\n**Đậm** <script>alert('x')</script> <img src=x onerror=alert(1)>\n",
                                 encoding="utf-8")
    build_index([folder], tmp_path / "ix")
    client = make_client(tmp_path / "ix")
    html = page(client, "/doc/c/x.md%230?q=script")
    assert "<strong>Đậm</strong>" in html
    assert "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt;" in html or \
           "&lt;<mark>script</mark>&gt;alert('x')&lt;/<mark>script</mark>&gt;" in html
    assert "<script>alert" not in html and "<img" not in html


def test_missing_index_is_a_clear_503(make_client, tmp_path):
    client = make_client(tmp_path / "none")
    assert "Chưa có chỉ mục tìm kiếm" in page(client, "/", 503)
    assert client.get("/api/search").get_json()["status"] == 503


@pytest.mark.parametrize("extra", ["format=", "ref=x", "_anchor=x", "_method=POST", "_external=1", "_scheme=https"])
def test_cites_page_links_come_from_checked_state_only(client, extra):
    response = client.get(f"/cites/35-NQ%2FTW?{extra}&q=", headers={"Host": "evil.example"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<a href="/cites/35-NQ/TW?format=csv">CSV</a>' in html
    assert '<a href="/cites/35-NQ/TW?format=json">JSON</a>' in html
    assert "evil.example" not in html


@pytest.mark.parametrize("url", ["/", "/api/search", "/nowhere", "/api/nothing", "/static/style.css",
                                 "/cites/35-NQ%2FTW?format=csv", "/?year=abc"])
def test_every_response_carries_the_security_headers(client, url):
    headers = client.get(url).headers
    assert {k: headers.get(k) for k in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                                        "Referrer-Policy")} == {
        "Content-Security-Policy": "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                   "frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"}


def test_pages_have_no_inline_script(client):
    html = page(client, "/?q=nghi+quyet+35")
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js">']


def facet_counts(html: str, name: str) -> list[tuple[str, str, bool]]:
    section = re.search(rf'data-facet="{name}">(.*?)</section>', html, re.S).group(1)
    return [(label, count, "selected" in cls) for cls, label, count in re.findall(
        r'class="facet-value([^"]*)".*?<span class="label">(.*?)</span><span class="count">(\d+)</span>', section, re.S)]


def test_cites_page_facets_count_the_citing_documents(client):
    html = page(client, "/cites/35-NQ%2FTW")
    assert facet_counts(html, "doc_type") == [("Kế hoạch", "3", False)]
    assert facet_counts(html, "year") == [("2021", "1", False), ("2019", "2", False)]
    assert ("35-NQ/TW", "3", False) not in facet_counts(html, "cites")  # every result cites it: no choice
    assert facet_counts(html, "cites")[0] == ("14-KH/TW", "2", False)
    assert facet_counts(html, "kind") == [("thực hiện", "3", False)]


def test_cites_page_selected_value_narrows_and_shows_selected(client):
    html = page(client, "/cites/35-NQ%2FTW?province=Kon+Tum")
    assert '<p class="total">1 văn bản</p>' in html
    assert facet_counts(html, "province") == [("Hải Dương", "1", False), ("Kon Tum", "1", True), ("Lai Châu", "1", False)]
    assert facet_counts(html, "doc_type") == [("Kế hoạch", "1", False)]


def test_cites_page_cites_facet_value_narrows(client):
    assert '<p class="total">2 văn bản</p>' in page(client, "/cites/35-NQ%2FTW?cites=14-KH%2FTW")


def test_refs_page_counts_what_it_lists(client):
    html = page(client, "/refs/35-NQ%2FTW")
    assert "<h2>Được trích dẫn bởi 6 văn bản (3 trong kho, 3 theo văn bản khác)</h2>" in html
    groups = re.findall(r"<h3>.*?\((\d+)\)</h3>", html)
    assert (groups, html.count('<div class="link-item">')) == (["1", "3", "2"], 6)
    assert '<a href="/refs/35-NQ/TW?kind=implements">thực hiện <span class="count">6</span></a>' in html
    narrowed = page(client, "/refs/35-NQ%2FTW?kind=mentions")
    assert "<h2>Được trích dẫn bởi 0 văn bản</h2>" in narrowed
    assert '<span class="current">nhắc đến <span class="count">0</span></span>' in narrowed


def test_api_refs_lists_the_citing_documents_with_kind_counts(client):
    data = client.get("/api/refs/35-NQ%2FTW").get_json()
    assert data["facets"] == {"kind": [{"value": "implements", "count": 6, "selected": False}]}
    cited_by = data["records"][0]["cited_by"]
    assert [(c["source"]["id"], c["stated_by"]) for c in cited_by][:3] == [
        (HAI_DUONG_150, None), (NGOC_HOI, None), (LAI_CHAU, None)]


def test_one_shape_for_the_citing_list(client):
    api = client.get("/api/cites?ref=35-NQ/TW&page_size=100").get_json()
    download = json.loads(client.get("/cites/35-NQ%2FTW?format=json").data)
    assert {**download, "page_size": 100} == api
    assert set(api) == {"ref", "query", "total", "page", "page_size", "sort", "filters", "relaxed", "unmatched",
                        "warnings", "suggestion", "hits", "facets"}
    assert set(api["hits"][0]) == {"id", "source", "part", "doc_type", "number", "issuer", "province", "date",
                                   "date_min", "year", "year_inferred", "title", "signer", "deduced",
                                   "parent_issuer", "authority", "format", "ocr", "indexed", "title_printed",
                                   "issuer_printed", "cited_by_count", "status", "kind",
                                   "count", "passage", "passages", "snippet", "highlights", "score", "versions",
                                   "version", "version_known", "part_anchor", "part_number", "cited_parts", "part_links"}


def test_relaxed_results_say_which_words_matched_nowhere_together(client):
    html = page(client, "/?q=tham+nh%C5%A9ng+xyzzy")
    assert ("Không có văn bản nào chứa đủ mọi từ của “tham nhũng xyzzy”; không văn bản nào có: xyzzy. "
            "Đang hiện các văn bản chứa một phần các từ.") in html
    data = client.get("/api/search?q=tham+nh%C5%A9ng+xyzzy").get_json()
    assert (data["relaxed"], data["unmatched"], data["hits"][0]["id"]) == (True, ["xyzzy"], TAC_PHAM)
    assert client.get("/api/search?q=nghi+quyet+35").get_json()["relaxed"] is False


def test_document_page_links_the_original_file(client):
    html = page(client, doc_url(KG_PLAN))
    link = f'<a href="/original/{quote(KG_PLAN, safe="/")}">corpus/004_2a738f3429698ec1.txt</a>'
    assert link in html
    response = client.get(f"/original/{quote(KG_PLAN, safe='/')}")
    original = (CORPUS / "004_2a738f3429698ec1.txt").read_bytes()
    assert (response.status_code, response.data) == (200, original)
    assert client.get("/original/nope").status_code == 404


def test_a_chosen_year_opens_onto_its_months_and_a_month_is_a_date_range(client):
    html = page(client, "/?year=2021")
    months = html[html.index('<ul class="months" data-year="2021">'):]
    months = months[:months.index("</ul>")]
    assert 'href="/?year=2021&amp;date_from=2021-06&amp;date_to=2021-06"' in months
    assert '<span class="label">tháng 6</span><span class="count">2</span>' in months
    assert months.count("<li>") == 1  # Lai Châu's plan, known only by its year, has no month
    june = page(client, "/?year=2021&date_from=2021-06&date_to=2021-06")
    assert "2 văn bản" in june
    assert re.search(r'<a class="facet-value selected" href="/\?year=2021"\s+aria-pressed="true">', june)  # clears it
    assert 'href="/?year=2021&amp;date_to=2021-06" title="Bỏ lọc">Từ ngày: 06/2021' in june
    # the date form carries the rest of the state, and shows the range
    assert '<input type="hidden" name="year" value="2021">' in june
    assert 'name="date_from" value="2021-06"' in june and 'name="date_to" value="2021-06"' in june


def test_a_hit_in_a_range_by_its_year_says_so(client):
    html = page(client, "/?date_from=2019&date_to=2019")
    assert "2 văn bản" in html
    assert html.count('<span class="in-range-year"') == 1  # Ngọc Hồi's plan; Hải Dương's has its day
    assert "trong khoảng theo năm 2019</span>" in html
    api = client.get("/api/search?date_from=2019&date_to=2019&sort=date").get_json()
    assert [(h["id"], h["in_range_by"]) for h in api["hits"]] == [(NGOC_HOI, "year"), (HAI_DUONG_150, "date")]
    assert api["filters"] == {"date_from": ["2019"], "date_to": ["2019"]}


def test_every_facet_is_a_filter_by_its_name_the_month_too(client):
    api = client.get("/api/search?month=2021-06").get_json()
    assert (api["total"], api["filters"], api["warnings"]) == (2, {"month": ["2021-06"]}, [])
    assert [v for v in api["facets"]["month"] if v["selected"]] == [{"value": "2021-06", "count": 2, "selected": True}]
    june = page(client, "/?year=2021&month=2021-06")
    assert "2 văn bản" in june and "Tháng: 06/2021" in june
    assert client.get("/api/search?month=2021-13").status_code == 400


def test_a_parameter_no_route_reads_is_named_never_dropped_silently(client):
    api = client.get("/api/search?isuer=B%E1%BB%99+Y+t%E1%BA%BF&q=ngh%E1%BB%8B+quy%E1%BA%BFt").get_json()
    assert api["warnings"] == ["Không có tham số 'isuer' (có phải “issuer”?): đã bỏ qua."]
    assert client.get("/api/cites?ref=35-NQ/TW&foo=1").get_json()["warnings"] == [
        "Không có tham số 'foo': đã bỏ qua."]
    html = page(client, "/?q=x&colapse=0")
    assert '<p class="warning">Không có tham số &#39;colapse&#39; (có phải “collapse”?): đã bỏ qua.</p>' in html
