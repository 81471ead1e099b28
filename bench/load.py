"""Load: concurrent clients on /api/search while an index update lands, served by waitress on loopback.

The server runs as in production (`python -m waitress --call webui.app:create_app`, VANBAN_INDEX set)
over a generated corpus. Clients are threads with keep-alive `http.client` connections. Partway
through, `python -m vanban index` adds documents that each carry a unique marker word; the figures say
how long after that build ends the API finds them, without a restart.

Usage: python bench/load.py [--docs 1000] [--clients 50] [--seconds 60] [--update-at 20] [--new-docs 20]
                           [--engines whoosh,tantivy]
"""

import argparse
import http.client
import json
import random
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from common import ENGINES, Server, corpus_gen, index_command, percentile, run_measured, write_results

QUERIES = ["không gian mạng", "phòng chống tham nhũng", "tuyên truyền", '"nền tảng tư tưởng"', "chuyen doi so",
           "35-NQ/TW", "bảo hiểm y tế", "cán bộ đảng viên", "cải cách hành chính", "nông thôn mới"]
PARAMS = ["", "&doc_type=" + quote("Kế hoạch"), "&sort=date", "&year=2020", "&cites=35-NQ/TW", "&page=2"]


def search_path(query: str, extra: str = "") -> str:
    return "/api/search?q=" + quote(query) + extra


def client(port: int, deadline: float, seed: int, record: list) -> None:
    """Send searches until the deadline over one keep-alive connection; record (latency, error)."""
    rng, conn = random.Random(seed), http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        path = search_path(rng.choice(QUERIES), rng.choice(PARAMS))
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            error = None if response.status == 200 else f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as err:
            error = f"{type(err).__name__}: {err}"
            conn.close()  # a fresh connection for the next request
        record.append((time.perf_counter() - start, error))
    conn.close()


def marker_words(count: int, seed: int) -> list[str]:
    """Made-up words no real text holds, one per new document."""
    rng = random.Random(seed)
    return ["vbmk" + "".join(rng.choice("qwxzjf") for _ in range(6)) for _ in range(count)]


def found(port: int, word: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", search_path(word))
    total = json.loads(conn.getresponse().read())["total"]
    conn.close()
    return total


def update(corpus: Path, extra: Path, index_dir: Path, port: int, markers: list[str], seed: int) -> dict:
    """Add documents with markers through `vanban index`; time until the API finds the last one."""
    corpus_gen.write_documents(extra, len(markers), seed, first_number=900_000,
                               extras=[f"Từ khóa kiểm tra: {m}." for m in markers])
    run = run_measured(index_command([corpus, extra], index_dir))  # the folder keeps its engine
    ended = time.monotonic()
    while found(port, markers[-1]) == 0 and time.monotonic() - ended < 60:
        time.sleep(0.05)
    visible = time.monotonic() - ended
    return {"build_returncode": run.returncode, "build_wall_s": round(run.wall_s, 1),
            "marker_visible_after_build_s": round(visible, 2),
            "markers_found": sum(found(port, m) == 1 for m in markers), "markers_added": len(markers)}


def summary(record: list, seconds: float) -> dict:
    ms = [latency * 1000 for latency, _ in record]
    errors = [error for _, error in record if error]
    return {"requests": len(record), "requests_per_s": round(len(record) / seconds, 1),
            "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
            "p99_ms": round(percentile(ms, 99), 1), "errors": len(errors), "first_errors": sorted(set(errors))[:5]}


def run_load(args, corpus: Path, work: Path) -> dict:
    index_dir = work / "index"
    initial = run_measured(index_command([corpus], index_dir, args.engine))
    if initial.returncode != 0:
        raise RuntimeError(f"initial build failed: {initial.stderr.strip().splitlines()[-1:]}")
    record, update_figures = [], {}
    with Server(index_dir) as server:
        start = time.monotonic()
        clients = [threading.Thread(target=client, args=(server.port, start + args.seconds, args.seed + i, record))
                   for i in range(args.clients)]
        for thread in clients:
            thread.start()
        time.sleep(args.update_at)
        update_figures = update(corpus, work / "new", index_dir, server.port, marker_words(args.new_docs, args.seed),
                                args.seed + 1)
        for thread in clients:
            thread.join()
        elapsed = time.monotonic() - start
    return {"documents": args.docs, "clients": args.clients, "seconds": round(elapsed, 1),
            "initial_build_wall_s": round(initial.wall_s, 1), **summary(record, elapsed), "update": update_figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="how long the clients send (at most 60)")
    parser.add_argument("--update-at", type=float, default=20, help="seconds into the run to start the update")
    parser.add_argument("--new-docs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=corpus_gen.DEFAULT_SEED)
    parser.add_argument("--engines", default=",".join(ENGINES))
    args = parser.parse_args()
    args.seconds = min(args.seconds, 60)  # bounded: this shares the machine
    figures = {}
    for engine in args.engines.split(","):
        args.engine = engine
        with tempfile.TemporaryDirectory() as tmp:
            figures[engine] = run_load(args, corpus_gen.generate(args.docs, args.seed), Path(tmp))
    write_results("load", figures)


if __name__ == "__main__":
    main()
