"""3,000 generated requests across every route: no 5xx, no traceback, no markup echoed unescaped,
only relative links (so a forged Host header never reaches a page). Seeded, so a failure replays."""

import random
import re
import time
import unicodedata
from urllib.parse import quote

import pytest
from helpers import BASE_URL, CORPUS, KG_PLAN

from indexer import build_index

pytestmark = pytest.mark.slow

SEED, REQUESTS, TIME_LIMIT = 20261123, 3000, 20.0

MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<b onmouseover=x>", "</textarea><svg/onload=1>"]
SYNTAX = ['"', '""', '"bảo vệ', "AND", "OR NOT", "(", ")", "*", "?", "~2", "^3", ":", "field:x", "-", "+", "\\", "{}", "[]"]
WORDS = ["phòng", "chống", "tham", "nhũng", "nghi quyet 35", "35-NQ/TW", "35/NQ-TW", "NQ 35", "không gian mạng",
         "Kế hoạch", "Hải Dương", "2019", "Chỉ thị 07", "ủy", "uỷ"]
ODD = ["", " ", "0", "-1", "1e3", "01", "2019.0", "１２３４", "٢٠١٩", "99999999999999999999", "abc", "None",
       "null", "[]", "%00", "\x00", "\t", "\n", "\u202e2019", "1800", "2101", "csv", "json", "graphml", "edges",
       "nodes", "implements", "mentions", "relevance", "date", "cited", "POST", "1", "http://evil.example/", "xlsx",
       "2019-05", "2021-06-08", "2019-02-30", "2019-5", "Điều 5", "khoản 2 Điều 5", "dieu", "Sở Thông tin và Truyền thông"]
NAMES = ["q", "doc_type", "year", "issuer", "province", "cites", "kind", "sort", "page", "page_size", "format",
         "table", "ref", "date_from", "date_to", "_anchor", "_method", "_external", "_scheme", "x", "q[]", "page ",
         "Ｑ", "part", "lead", "deadline_year", "deadline_from", "deadline_to"]
ROUTES = ["/", "/api/search", "/cites/{ref}", "/api/cites", "/refs/{ref}", "/api/refs/{ref}", "/doc/{id}",
          "/api/documents/{id}", "/cascade/{id}", "/most-cited", "/api/graph", "/static/style.css", "/feed", "/{junk}",
          "/api/documents/{id}/outline", "/api/documents/{id}/tasks", "/api/tasks"]
LINK = re.compile(r'(?:href|src|action)="([^"]*)"')  # every link a page builds is relative (or a part's `#`)
HOSTS = [None, "evil.example", "evil.example:8080", "localhost"]


def random_text(rng: random.Random, longest: int = 40) -> str:
    """Any Unicode but surrogates: letters, marks, RTL, symbols, controls."""
    chars = []
    for _ in range(rng.randint(0, longest)):
        c = chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0, 0x2fff), rng.randint(0xe000, 0x10ffff)]))
        chars.append(c if not 0xd800 <= ord(c) <= 0xdfff else "x")
    return "".join(chars)


def value(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return random_text(rng)
    if kind == 1:
        return rng.choice(SYNTAX) + rng.choice(WORDS) + rng.choice(SYNTAX)
    if kind == 2:
        return rng.choice(WORDS) * rng.randint(30, 300)  # long
    if kind == 3:
        return rng.choice("aeiouy") + "\u0301\u0323\u0306" * rng.randint(1, 50)  # stacked combining marks
    if kind == 4:
        return unicodedata.normalize("NFD", rng.choice(WORDS))
    if kind == 5:
        return "\u202e" + rng.choice(["مرحبا", "שלום", "35-NQ/TW"]) + "\u202c"
    if kind == 6:
        return rng.choice(MARKUP)
    if kind == 7:
        return rng.choice(ODD)
    return rng.choice(WORDS)


def request_args(rng: random.Random):
    route = rng.choice(ROUTES)
    path = route.format(ref=quote(rng.choice([value(rng), "35-NQ/TW", "Nghị quyết 35"]), safe=""),
                        id=quote(rng.choice([value(rng), KG_PLAN, "../../etc/passwd"]), safe=""),
                        junk=quote(value(rng), safe=""))
    query = [(rng.choice(NAMES), value(rng)) for _ in range(rng.randint(0, 6))]
    host = rng.choice(HOSTS)
    return path or "/", query, ({"Host": host} if host else {})


@pytest.fixture(scope="module")
def client(make_client, tmp_path_factory):
    """The app on a real index of the bundled corpus, each file cut to its first 4,000 characters:
    the same kinds of documents and citations, a sixth of the highlighting cost per hit."""
    folder = tmp_path_factory.mktemp("fuzz") / "corpus"
    folder.mkdir()
    for path in CORPUS.iterdir():
        (folder / path.name).write_text(path.read_text(encoding="utf-8")[:4000], encoding="utf-8")
    build_index([folder], folder.parent / "index")
    return make_client(folder.parent / "index")


def test_generated_requests_never_fail_or_echo_markup(client):
    rng = random.Random(SEED)
    started, failures, statuses = time.process_time(), [], {}
    for n in range(REQUESTS):
        path, query, headers = request_args(rng)
        response = client.get(path, query_string=query, headers=headers)
        body = response.get_data(as_text=True)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        html = response.mimetype == "text/html"
        problems = [p for p, bad in [
            ("5xx", response.status_code >= 500),
            ("traceback", "Traceback (most recent call last)" in body),
            ("markup echoed", html and any(m in body for m in MARKUP)),
            ("absolute link", html and any(not link.startswith(("/", "#")) for link in LINK.findall(body))),
            ("feed link off base", response.mimetype == "application/atom+xml"
             and any(not link.startswith(BASE_URL) for link in LINK.findall(body))),
            ("forged host", "evil.example" in response.headers.get("Location", "")),
            ("no CSP", "Content-Security-Policy" not in response.headers),
        ] if bad]
        if problems:
            failures.append((n, path, query, headers, response.status_code, problems))
        assert time.process_time() - started < TIME_LIMIT, f"only {n} requests in {TIME_LIMIT}s of CPU"
    assert failures == []
    assert sum(statuses.values()) == REQUESTS and statuses.get(200, 0) > 300 and statuses.get(400, 0) > 300
