"""Page response times (p50/p95) of the web UI and API over real HTTP (waitress on loopback).

Index: ALQAC 2022's 1,377 law articles plus the bundled seeds. Usage: python bench/web.py
"""

import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from common import ALQAC, ROOT, latency_summary, write_results

from indexer.builder.index import build_index
from webui.app import create_app

REQUESTS = 40  # per page kind: bounded, loopback only
PLAN = quote("corpus/004_2a738f3429698ec1.txt#1", safe="/")
PAGES = {
    "search_words_with_facets": "/?q=" + quote("trách nhiệm hình sự"),
    "search_unaccented": "/?q=trach+nhiem+hinh+su",
    "search_filtered_two_facets": "/?q=" + quote("không gian mạng") + "&doc_type=" + quote("Kế hoạch")
                                  + "&year=2019&year=2021",
    "browse_by_date": "/?sort=date",
    "document_page": f"/doc/{PLAN}?q=chi+thi+07",
    "cites_page": "/cites/" + quote("Nghị quyết 35"),
    "api_search": "/api/search?q=" + quote("quyền sở hữu"),
}


def page_latencies(base: str, pages: dict[str, str], requests: int = REQUESTS) -> dict:
    """p50/p95 of each page over HTTP, after one warming request."""
    figures = {}
    for name, path in pages.items():
        urllib.request.urlopen(base + path).read()  # warm caches
        seconds = []
        for _ in range(requests):
            start = time.perf_counter()
            with urllib.request.urlopen(base + path) as response:
                response.read()
            seconds.append(time.perf_counter() - start)
        figures[name] = latency_summary(seconds)
    return figures


def main() -> None:
    from waitress.server import create_server

    with tempfile.TemporaryDirectory() as tmp:
        build_index([ALQAC / "alqac2022_corpus.jsonl", ROOT / "vanban" / "corpus"], Path(tmp) / "ix")
        server = create_server(create_app({"INDEX_DIR": str(Path(tmp) / "ix")}), host="127.0.0.1", port=0)
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{server.effective_port}"
        figures = {"documents": 1383, "requests_per_page": REQUESTS, **page_latencies(base, PAGES)}
        server.close()
    write_results("web", figures)


if __name__ == "__main__":
    main()
