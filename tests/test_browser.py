"""A real headless Chromium on the real app served by waitress: what a person does and sees.

Screenshots go to test-artifacts/ (laptop and phone widths) for a human to look at.
"""

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import KG_LETTER, KG_PLAN, ROOT
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from waitress.server import create_server

from webui.app import create_app

ARTIFACTS = ROOT / "test-artifacts"
LAPTOP, PHONE = (1366, 900), (390, 844)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def server(index_dir):
    """The app under waitress (the production WSGI server) on a free loopback port."""
    srv = create_server(create_app({"INDEX_DIR": str(index_dir)}), host="127.0.0.1", port=0, threads=4)
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
