"""A real headless Chromium on the real app served by waitress: what a person does and sees.

Screenshots go to test-artifacts/ (laptop and phone widths) for a human to look at.
"""

import csv
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest
from helpers import HAI_DUONG_150, KG_LETTER, KG_PLAN, NGOC_HOI, ROOT
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from waitress.server import create_server

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "test-artifacts"
LAPTOP, PHONE = (1366, 900), (390, 844)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def server(app):
    """The app under waitress (the production WSGI server) on a free loopback port."""
    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(*LAPTOP)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str, size=LAPTOP) -> Path:
    driver.set_window_size(*size)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size[0], min(max(height, size[1]), 4000))
    path = ARTIFACTS / f"{name}-{size[0]}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(*LAPTOP)
    return path


def wait_for(driver, css: str):
    return WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def navigate(driver, action, css: str):
    """Do something that loads a new page, wait until the old page is gone, then for `css`."""
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 10).until(EC.staleness_of(old))
    return wait_for(driver, css)


def test_search_facet_document_and_cited_by_link(server, browser):
    browser.get(server + "/")
    box = wait_for(browser, "input[name=q]")
    navigate(browser, lambda: box.send_keys("chi thi 07" + Keys.ENTER), ".hit")
    assert browser.find_element(By.CSS_SELECTOR, ".total").text == "2 văn bản cho “chi thi 07”"
    # Each snippet is the first window holding the query: the plan's title cites the directive, marked whole.
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".hit mark")][:2] == [
        "Chỉ thị số 07-CT/TU, ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy",
        "Chỉ thị số 07-CT/TU ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy"]
    shot(browser, "1-search")

    facet = browser.find_element(By.XPATH, "//section[@data-facet='doc_type']//a[.//span[text()='Kế hoạch']]")
    navigate(browser, facet.click, ".chips")
    assert browser.find_element(By.CSS_SELECTOR, ".total").text == "1 văn bản cho “chi thi 07”"
    assert browser.find_element(By.CSS_SELECTOR, ".chips a").text == "Loại văn bản: Kế hoạch ×"
    shot(browser, "2-facet")

    navigate(browser, browser.find_element(By.CSS_SELECTOR, ".hit h2 a").click, ".doc-meta")
    assert browser.find_element(By.CSS_SELECTOR, ".doc-meta h1").text == "Kế hoạch 46-KH/BTGTU"
    assert browser.find_element(By.CSS_SELECTOR, ".cited-by h2").text == "Được trích dẫn bởi (1)"
    assert browser.find_elements(By.CSS_SELECTOR, ".doc-text mark")[0].text == "Chỉ thị số 07-CT/TU, ngày 04-6-2021 của Ban Thường vụ Tỉnh ủy"
    shot(browser, "3-document")
    shot(browser, "3-document", PHONE)

    navigate(browser, browser.find_element(By.CSS_SELECTOR, ".cited-by .link-item a").click, ".doc-meta")
    assert browser.find_element(By.CSS_SELECTOR, ".doc-meta h1").text == "Công văn 4382/VP-KGVX"
    assert KG_LETTER.split("#")[0] in browser.find_element(By.CSS_SELECTOR, ".doc-meta .source").text
    link = browser.find_element(By.CSS_SELECTOR, ".cites a.in-corpus")
    assert link.text == "Kế hoạch 46-KH/BTGTU" and link.get_attribute("href").endswith("%231")
    shot(browser, "4-cited-by-letter")


def test_document_page_shows_its_status_line_and_the_follow_link(server, browser):
    browser.get(f"{server}/doc/{quote(HAI_DUONG_150, safe='/')}")
    # a Party plan: no effect clause, nothing in the corpus changes it, and the page says so
    line = browser.find_element(By.CSS_SELECTOR, ".doc-meta .status-line")
    assert line.text.startswith("Không rõ hiệu lực · theo những gì kho này ghi nhận")
    follow = browser.find_element(By.LINK_TEXT, "Theo dõi văn bản này")
    assert follow.get_attribute("href") == f"{server}/feed?doc={quote(HAI_DUONG_150, safe='/')}"
    browser.save_screenshot(str(ARTIFACTS / "document-status.png"))


def test_phone_width_shows_results_first(server, browser):
    browser.set_window_size(*PHONE)
    navigate(browser, lambda: browser.get(server + "/?q=khong+gian+mang"), ".hit")
    assert browser.find_element(By.CSS_SELECTOR, ".suggestion a").text == "không gian mạng"
    details = browser.find_element(By.CSS_SELECTOR, ".facets details")
    assert details.get_attribute("open") is None  # filters folded on a phone
    hit = browser.find_element(By.CSS_SELECTOR, ".hit")
    assert hit.location["y"] < PHONE[1] and hit.size["width"] <= PHONE[0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    shot(browser, "5-search", PHONE)
    navigate(browser, lambda: browser.get(server + "/cites/" + "Ngh%E1%BB%8B%20quy%E1%BA%BFt%2035"), ".record h1")
    assert browser.find_element(By.CSS_SELECTOR, ".record h1").text == "Nghị quyết 35-NQ/TW"
    shot(browser, "6-cites", PHONE)
    shot(browser, "6-cites")


def test_waitress_serve_command_runs_the_app_factory(index_dir):
    """The production path in the README: `waitress-serve --call webui.app:create_app`."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"VANBAN_INDEX": str(index_dir), "PATH": str(Path(sys.executable).parent)}
    proc = subprocess.Popen([sys.executable, "-m", "waitress", "--host=127.0.0.1", f"--port={port}",
                             "--call", "webui.app:create_app"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?cites=Ch%E1%BB%89+th%E1%BB%8B+07") as r:
                    body = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None and '"total":2' in body.replace(" ", "")
        assert KG_PLAN in body
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_record_page_and_cascade(server, browser):
    navigate(browser, lambda: browser.get(server + "/refs/" + "Ngh%E1%BB%8B%20quy%E1%BA%BFt%2035"), ".record h1")
    groups = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".group h3")]
    assert groups == ["thực hiện · Trung ương (1)", "thực hiện · Cấp tỉnh (3)", "thực hiện · Cấp huyện (2)"]
    shot(browser, "7-record")
    navigate(browser, browser.find_element(By.LINK_TEXT, "Chuỗi thực hiện").click, ".tree")
    top = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".cascade .record:nth-child(2) > .tree > li > a")]
    assert top == ["Kế hoạch 150-KH/TU", "Kế hoạch (không số)", "Kế hoạch (không số)", "Kế hoạch 131-KH/HU",
                   "Kế hoạch 14-KH/TW", "Kế hoạch 209-KH/TU"]
    shot(browser, "8-cascade")
    shot(browser, "8-cascade", PHONE)


def test_date_range_months_follow_link_and_downloads(server, browser):
    browser.get(server + "/")
    wait_for(browser, "form.dates")
    browser.find_element(By.CSS_SELECTOR, "form.dates input[name=date_from]").send_keys("2019")
    to = browser.find_element(By.CSS_SELECTOR, "form.dates input[name=date_to]")
    to.send_keys("2019")
    navigate(browser, lambda: to.send_keys(Keys.ENTER), ".chips")
    assert browser.find_element(By.CSS_SELECTOR, ".total").text == "2 văn bản"
    assert [c.text for c in browser.find_elements(By.CSS_SELECTOR, ".chips a")] == ["Từ ngày: 2019 ×", "Đến ngày: 2019 ×"]
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".hit .in-range-year")] == ["trong khoảng theo năm 2019"]
    shot(browser, "9-date-range")

    follow = browser.find_element(By.CSS_SELECTOR, ".follow a.feed")
    assert (follow.text, follow.get_attribute("href")) == ("Theo dõi tìm kiếm này",
                                                           server + "/feed?date_from=2019&date_to=2019")
    with urllib.request.urlopen(follow.get_attribute("href")) as response:
        feed = ET.fromstring(response.read())
    atom = "{http://www.w3.org/2005/Atom}"
    # the app under test was given no base URL: links are built from the default, not from this server's Host
    assert [e.find(f"{atom}id").text for e in feed.iter(f"{atom}entry")] == [
        "http://127.0.0.1:5000/doc/" + i.replace("#", "%23") for i in (NGOC_HOI, HAI_DUONG_150)]
    downloads = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".follow .downloads a")}
    with urllib.request.urlopen(downloads["CSV"]) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8-sig"))))
    with urllib.request.urlopen(downloads["Excel"]) as response:
        sheet = openpyxl.load_workbook(io.BytesIO(response.read()))["Văn bản"]
    assert [r[0] for r in rows[1:]] == [c.value for c in sheet["A"]][1:] == [NGOC_HOI, HAI_DUONG_150]

    navigate(browser, browser.find_element(By.CSS_SELECTOR, ".chips a").click, ".hit")  # drop `from`
    navigate(browser, browser.find_element(By.CSS_SELECTOR, ".chips a").click, ".hit")  # and `to`
    year = browser.find_element(By.XPATH, "//section[@data-facet='year']//a[.//span[text()='2021']]")
    navigate(browser, year.click, ".months")
    month = browser.find_element(By.CSS_SELECTOR, ".months a")
    assert month.text.split() == ["tháng", "6", "2"]
    navigate(browser, month.click, ".months a.selected")
    assert browser.find_element(By.CSS_SELECTOR, ".total").text == "2 văn bản"
    assert browser.find_element(By.CSS_SELECTOR, "form.dates input[name=date_from]").get_attribute("value") == "2021-06"
    shot(browser, "10-months")
    shot(browser, "10-months", PHONE)


def test_related_section_and_compare_page(server, browser):
    navigate(browser, lambda: browser.get(server + "/doc/" + quote(NGOC_HOI, safe="/")), ".related")
    assert browser.find_element(By.CSS_SELECTOR, ".related h2").text == "Văn bản liên quan (3)"
    first = browser.find_element(By.CSS_SELECTOR, ".related .link-item")
    assert first.find_element(By.CSS_SELECTOR, "a").text == "Kế hoạch 150-KH/TU"
    assert [li.text for li in first.find_elements(By.CSS_SELECTOR, ".reasons li")] == [
        "cùng thực hiện 14-KH/TW, 35-NQ/TW", "trùng khoảng 14% nội dung", "cùng chủ đề: thù địch, quan điểm, nghị quyết"]
    browser.execute_script("arguments[0].scrollIntoView()", first)
    shot(browser, "11-related")

    navigate(browser, first.find_element(By.LINK_TEXT, "So sánh").click, ".compare-columns")
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".compare-doc .share")] == [
        "32% nội dung A có trong B", "12% nội dung B có trong A"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#text-a mark.same")) == 17
    assert len(browser.find_elements(By.CSS_SELECTOR, "#text-a mark.edited")) == 10
    assert browser.find_element(By.CSS_SELECTOR, "#a-1 .changed").text == "-"
    shot(browser, "12-compare")
    shot(browser, "12-compare", PHONE)
    # A passage's number leads to its counterpart, scrolled into view inside B's column.
    browser.find_element(By.CSS_SELECTOR, "#a-11 a.pair").click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("#b-11"))
    counterpart = browser.find_element(By.ID, "b-11")
    assert counterpart.text == "11đẩy mạnh công tác tuyên truyền, giáo dục"  # "Đẩy" in A: case aside, the same
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(), c = document.getElementById('text-b').getBoundingClientRect();"
        "return r.top >= c.top && r.bottom <= c.bottom", counterpart)
    shot(browser, "13-compare-counterpart")
    # What A adds, listed apart, each entry leading to its place in A's text.
    own = browser.find_elements(By.CSS_SELECTOR, ".own-list li a")
    assert (len(own), own[1].text) == (20, "Nghị quyết số 35-NQ/TW), Ủy ban nhân dân huyện")


def test_an_address_lands_on_its_part_and_marks_it(server, browser):
    """`/doc/<id>#muc-v-5`: the browser scrolls to that part, and CSS `:target` marks the whole of it."""
    page = server + "/doc/" + quote(KG_PLAN, safe="/")
    navigate(browser, lambda: browser.get(page + "#muc-v-5"), "section.part")
    target = browser.find_element(By.CSS_SELECTOR, "section.part:target")
    assert (target.get_attribute("id"), target.text.split("\n")[0]) == ("muc-v-5", "5. Sở Thông tin và Truyền thông")
    assert target.value_of_css_property("background-color") == "rgba(255, 246, 213, 1)"
    assert browser.find_element(By.ID, "muc-v-4").value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", target)
    assert 0 <= top < LAPTOP[1] / 2  # scrolled to it
    shot(browser, "10-part-address")
    browser.find_element(By.CSS_SELECTOR, '.toc a[href="#muc-iv"]').click()  # the table of contents goes there
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "section.part:target")
                                     .get_attribute("id") == "muc-iv")
    assert browser.find_element(By.CSS_SELECTOR, "#nhiem-vu h2").text == "Nhiệm vụ (15)"
    browser.set_window_size(*PHONE)
    navigate(browser, lambda: browser.get(page + "?q=b%C3%A1o+c%C3%A1o+vi%C3%AAn#muc-v-1"), "section.part")
    assert browser.find_element(By.CSS_SELECTOR, ".toc details").get_attribute("open") is None  # folded on a phone
    assert browser.find_element(By.CSS_SELECTOR, "section.part:target").get_attribute("id") == "muc-v-1"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    shot(browser, "11-part-address", PHONE)


def test_a_hit_links_to_the_part_it_stands_in(server, browser):
    navigate(browser, lambda: browser.get(server + "/?q=b%C3%A1o+c%C3%A1o+vi%C3%AAn"), ".hit")
    parts = {a.text: a for a in browser.find_elements(By.CSS_SELECTOR, ".hit .part-path a")}
    assert sorted(parts) == ["B › I › 1", "II › 1 › 1.1", "II › 2", "III › 1", "V › 1"]
    navigate(browser, parts["V › 1"].click, "section.part:target")
    assert browser.find_element(By.CSS_SELECTOR, "section.part:target").get_attribute("id") == "muc-v-1"
    assert browser.find_elements(By.CSS_SELECTOR, "section.part:target mark")[0].text == "báo cáo viên"


ARCHIVE = [  # an export giving one body in two spellings, and plans citing a law by number and by name
    {"id": "a", "issuer": "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "date": "2025-03",
     "text": "KẾ HOẠCH\n\nTriển khai Luật Bảo hiểm xã hội số 41/2024/QH15 trên địa bàn thành phố.\n"},
    {"id": "b", "issuer": "Ủy ban nhân dân thành phố Cần Thơ", "date": "2025",
     "text": "KẾ HOẠCH\n\nTuyên truyền Luật Bảo hiểm xã hội đến người lao động.\n"},
    {"id": "c", "issuer": "UBND thành phố Cần Thơ", "date": "2025-04-02",
     "text": "KẾ HOẠCH\n\nCăn cứ Luật số 41/2024/QH15 của Quốc hội;\n"},
]


@pytest.fixture(scope="module")
def archive_server(tmp_path_factory, make_app):
    """The app over an export with its own metadata, under waitress."""
    import json

    from indexer.builder.index import build_index

    folder = tmp_path_factory.mktemp("archive")
    (folder / "export.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ARCHIVE) + "\n",
                                         encoding="utf-8")
    index = tmp_path_factory.mktemp("archive-index")
    build_index([folder], index, engine="whoosh")
    srv = create_server(make_app(index), host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=srv.run, daemon=True).start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


def test_one_entry_per_body_and_the_citers_of_a_law(archive_server, browser):
    browser.get(archive_server + "/")
    issuers = browser.find_elements(By.CSS_SELECTOR, "section[data-facet='issuer'] a .label")
    assert [e.text for e in issuers] == ["Ủy ban nhân dân thành phố Cần Thơ"]
    shot(browser, "11-one-body")
    browser.get(archive_server + "/cites/" + quote("Luật Bảo hiểm xã hội"))
    wait_for(browser, ".hit")
    titles = sorted(e.get_attribute("href").rsplit("%23", 1)[-1].split("?")[0]
                    for e in browser.find_elements(By.CSS_SELECTOR, ".hit h2 a"))
    assert titles == ["a", "b", "c"]
    versions = sorted(e.text for e in browser.find_elements(By.CSS_SELECTOR, ".hit .version"))
    assert versions == ["41/2024/QH15", "41/2024/QH15", "chưa rõ phiên bản"]
    shot(browser, "12-cites-law")
