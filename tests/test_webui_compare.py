"""The compare page, related documents and folded near-duplicates through Flask's test client."""

import json
import re
from urllib.parse import quote

import pytest
from helpers import HAI_DUONG_150, KG_LETTER, KG_PLAN, NGOC_HOI

from indexer import compare_documents, related_documents


@pytest.fixture(scope="module")
def copies_client(make_client, copies_index):
    return make_client(copies_index)


def q(doc_id: str) -> str:
    """An id as url_for writes it in a query string."""
    return quote(doc_id, safe="/")


def as_json(view) -> dict:
    return json.loads(json.dumps(view.as_dict()))


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.data[:300]
    return response.get_data(as_text=True)


def test_api_compare_is_the_views_json(client, index_dir):
    data = client.get(f"/api/compare?a={q(NGOC_HOI)}&b={q(HAI_DUONG_150)}").get_json()
    assert data == as_json(compare_documents(index_dir, NGOC_HOI, HAI_DUONG_150))
    assert (data["a"]["id"], data["b"]["number"], data["a_shared"], data["b_shared"]) == (
        NGOC_HOI, "150-KH/TU", 0.3186, 0.1222)


def test_compare_page_marks_passages_by_kind_links_counterparts_and_lists_what_a_adds(client):
    html = page(client, f"/compare?a={q(NGOC_HOI)}&b={q(HAI_DUONG_150)}")
    assert "<strong>32%</strong> nội dung A có trong B" in html and "<strong>12%</strong> nội dung B có trong A" in html
    # Passage 2 is the title of Nghị quyết 35, the same in both, each side linking to the other.
    assert ('<mark class="same" id="a-2"><a class="pair" href="#b-2" title="Đoạn 2 (giống hệt): xem đoạn tương ứng '
            'bên B">2</a>về tăng cường bảo vệ nền tảng tư tưởng của Đảng') in html
    assert '<mark class="same" id="b-2"><a class="pair" href="#a-2"' in html
    # Passage 1 is edited: the date's separators changed, marked inside it.
    assert ('<mark class="edited" id="a-1"><a class="pair" href="#b-1" title="Đoạn 1 (đã sửa): xem đoạn tương ứng bên '
            'B">1</a>Thực hiện Nghị quyết số 35-NQ/TW, ngày 22<span class="changed">-</span>10<span class="changed">-'
            '</span>2018 của Bộ Chính trị</mark>') in html
    assert len(re.findall(r'<mark class="(?:same|edited)" id="a-\d+">', html)) == 27
    assert "<h2>Nội dung riêng của A (20 đoạn)</h2>" in html
    assert '<li><a href="#a-own-1">Thực hiện Kế hoạch số 3006/KH-UBND ngày 13/11/2019 của UBND tỉnh Kon Tum;' in html
    assert '<span class="own" id="a-own-1">Thực hiện Kế hoạch số 3006/KH-UBND' in html
    assert f'href="/compare?a={q(HAI_DUONG_150)}&amp;b={q(NGOC_HOI)}">Đổi chiều' in html


def test_compare_errors(client):
    assert client.get(f"/api/compare?a={q(NGOC_HOI)}").get_json() == {
        "error": "Thiếu mã văn bản b (ví dụ: b=corpus/000_65df158a4e7ec0a6.txt#0).", "status": 400}
    assert client.get(f"/api/compare?a={q(NGOC_HOI)}&b=nope").get_json() == {
        "error": "Không có văn bản nào mang mã “nope”.", "status": 404}
    assert "Không có văn bản nào mang mã “nope”." in page(client, f"/compare?a=nope&b={q(NGOC_HOI)}", 404)
    assert "Thiếu mã văn bản a" in page(client, "/compare", 400)


def test_api_related_is_the_views_json(client, index_dir):
    data = client.get(f"/api/documents/{quote(NGOC_HOI, safe='/')}/related?limit=2").get_json()
    assert data == as_json(related_documents(index_dir, NGOC_HOI, 2))
    assert [(r["id"], r["reasons"][0]) for r in data["related"]] == [
        (HAI_DUONG_150, "cùng thực hiện 14-KH/TW, 35-NQ/TW"), ("corpus/002_45d61e181700c579.txt#0", "cùng thực hiện 35-NQ/TW")]
    assert client.get(f"/api/documents/{quote(NGOC_HOI, safe='/')}/related?limit=21").get_json() == {
        "error": "Số văn bản liên quan phải là số nguyên từ 1 đến 20 (nhận được: '21').", "status": 400}
    assert client.get("/api/documents/corpus/nope.txt%230/related").status_code == 404


def test_document_page_lists_related_documents_and_compares_what_it_implements(client):
    html = page(client, f"/doc/{quote(KG_LETTER, safe='/')}")
    assert "<h2>Văn bản liên quan (1)</h2>" in html
    assert ("<li>được văn bản này thực hiện</li><li>cùng thực hiện 07-CT/TU</li>"
            "<li>trùng khoảng 24% nội dung văn bản này, 5% văn bản kia</li>") in html
    assert (f'<p class="compare-link"><a href="/compare?a={q(KG_LETTER)}&amp;b={q(KG_PLAN)}">So sánh</a>'
            " · trùng khoảng 24% nội dung</p>") in html
    plan = page(client, f"/doc/{quote(KG_PLAN, safe='/')}")
    assert 'class="compare-link"' not in plan  # it implements no document of the corpus


def test_search_folds_near_duplicates_and_says_so(copies_client):
    html = page(copies_client, "/?q=b%E1%BA%A3o+v%E1%BB%87+n%E1%BB%81n+t%E1%BA%A3ng&sort=date")
    assert ('6 văn bản cho “<strong>bảo vệ nền tảng</strong>”\n    <span class="folded">· 2 văn bản gần giống được gộp '
            '(<a href="/?q=b%E1%BA%A3o+v%E1%BB%87+n%E1%BB%81n+t%E1%BA%A3ng&amp;sort=date&amp;collapse=0">hiện tất cả</a>)'
            '</span>') in html
    assert "<summary>+2 văn bản gần giống</summary>" in html
    assert (f'<a href="/compare?a={q("copies/cam_giang.txt#0")}&amp;b={q("copies/thanh_ha.txt#0")}">So sánh</a>'
            in html)
    every = page(copies_client, "/?q=b%E1%BA%A3o+v%E1%BB%87+n%E1%BB%81n+t%E1%BA%A3ng&sort=date&collapse=0")
    assert "8 văn bản cho" in every and "văn bản gần giống</summary>" not in every
    assert 'href="/?q=b%E1%BA%A3o+v%E1%BB%87+n%E1%BB%81n+t%E1%BA%A3ng&amp;sort=date&amp;page=1' not in every
    assert 'sort=date&amp;collapse=0" title="Bỏ lọc"' not in every  # no chip; the facet links keep collapse=0
    assert "&amp;collapse=0" in every.split('class="facets"')[1]


def test_api_search_folds_unless_collapse_is_0(copies_client):
    folded = copies_client.get("/api/search?q=b%E1%BA%A3o+v%E1%BB%87&sort=date").get_json()
    every = copies_client.get("/api/search?q=b%E1%BA%A3o+v%E1%BB%87&sort=date&collapse=0").get_json()
    assert (folded["total"], folded["folded"], folded["collapse"], every["total"], every["folded"]) == (6, 2, True, 8, 0)
    assert [h["near_duplicates"] for h in folded["hits"] if h["near_duplicates"]] == [
        ["copies/cam_giang.txt#0", HAI_DUONG_150]]
    assert folded["facets"] == every["facets"]
    assert copies_client.get("/api/search?collapse=yes").get_json() == {
        "error": "Tham số collapse phải là 0 (hiện cả văn bản gần giống) hoặc 1 (nhận được: 'yes').", "status": 400}
