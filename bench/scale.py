"""Scale, in one run: generated corpora of plan-length documents, indexed by each engine and searched.

For each size and engine: indexing MB/s by wall and by CPU beside pyvi alone on the same text, the
speed-up of two cores over one (`taskset -c 0`), peak RSS, index size over raw text, a fresh process's
first search against its second, and p50/p95 (wall and CPU) per query kind. On the largest index:
the web pages over real HTTP (waitress on loopback) and the serving process's RSS after them.

Usage: python bench/scale.py [--sizes 1000,10000] [--big] [--engines whoosh,tantivy] [--seed 7]
"""

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import corpus_gen
from common import (
    PYTHON,
    ROOT,
    Server,
    index_command,
    latency_summary,
    process_time_summary,
    rss_mb,
    run_measured,
    tree_megabytes,
    write_results,
)
from web import page_latencies

from analyzers.normalize import fold, normalize_text
from analyzers.tokens import word_spans
from indexer import open_index, search

REPEATS = 5
COMMON_WORDS = ["tuyên truyền", "cán bộ", "nhiệm vụ", "tổ chức", "bảo hiểm"]
MULTI_WORDS = ["không gian mạng", "phòng chống tham nhũng", "nền tảng tư tưởng", "xử phạt hành chính",
               "chuyển đổi số"]
# The number a generated header prints: `Số 17-KH/TU` or `Số: 17/KH-UBND`.
HEADER_NUMBER = re.compile(r"^Số:? (\S+)$", re.MULTILINE)
FIRST_SEARCH = """
import json, sys, time
from indexer.searching import search
t0 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); first_done = time.time()
t1 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); t2 = time.perf_counter()
print(json.dumps({"first_search_s": t1 - t0, "second_search_s": t2 - t1, "first_result_at": first_done}))
"""


def texts_of(corpus: Path) -> list[str]:
    return [normalize_text(p.read_text(encoding="utf-8")) for p in sorted(corpus.rglob("*.txt"))]


def pyvi_alone(corpus: Path, megabytes: float) -> dict:
    """pyvi's word segmentation over every text in this one process: the floor for indexing."""
    texts = texts_of(corpus)
    word_spans("Khởi động pyvi.")  # the model loads once, outside the timing
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        word_spans(text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"MB_per_s_cpu": round(megabytes / cpu, 3), "cpu_s": round(cpu, 1), "wall_s": round(wall, 1)}


def build(corpus: Path, index_dir: Path, engine: str, megabytes: float, cpus: str | None = None) -> dict:
    """One `vanban index` subprocess from scratch, measured from outside."""
    run = run_measured(index_command([corpus], index_dir, engine), cpus=cpus)
    if run.returncode != 0:
        raise RuntimeError(f"vanban index failed: {run.stderr.strip().splitlines()[-1:]}")
    return {"wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1), "peak_rss_mb": round(run.peak_rss_mb),
            "MB_per_s_wall": round(megabytes / run.wall_s, 3), "MB_per_s_cpu": round(megabytes / run.cpu_s, 3)}


def first_search(index_dir: Path, query: str) -> dict:
    """A fresh process: seconds from its start to its first result, and its second search."""
    started = time.time()
    out = subprocess.run([PYTHON, "-c", FIRST_SEARCH, str(index_dir), query], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    figures = json.loads(out)
    return {"process_start_to_first_result_s": round(figures["first_result_at"] - started, 2),
            "first_search_ms": round(figures["first_search_s"] * 1000, 1),
            "second_search_ms": round(figures["second_search_s"] * 1000, 1)}


def query_kinds(corpus: Path, ix) -> dict[str, list[tuple[str, dict, str]]]:
    """(query, filters, sort) by kind; numbers and the most cited ref come from the corpus itself."""
    heads = [p.read_text(encoding="utf-8")[:400] for p in sorted(corpus.rglob("*.txt"))[:5]]
    numbers = [m.group(1) for h in heads for m in HEADER_NUMBER.finditer(h)]
    cites = {f.name: f for f in search(ix, "").facets}["cites"].results
    refs = ["35-NQ/TW"] + [v.value for v in cites[:1]]
    return {
        "common_word": [(w, {}, "relevance") for w in COMMON_WORDS],
        "two_three_words": [(w, {}, "relevance") for w in MULTI_WORDS],
        "quoted_phrase": [(f'"{w}"', {}, "relevance") for w in MULTI_WORDS],
        "unaccented": [(fold(w), {}, "relevance") for w in MULTI_WORDS],
        "document_number": [(n, {}, "relevance") for n in numbers],
        "facet_filter": [(w, {"doc_type": "Kế hoạch"}, "relevance") for w in MULTI_WORDS],
        "empty_with_filter": [("", {"year": str(y)}, "relevance") for y in (2017, 2019, 2021, 2023)],
        "date_sort": [(w, {}, "date") for w in MULTI_WORDS],
        "cites_filter": [("", {"cites": r}, "relevance") for r in refs] + [(w, {"cites": refs[0]}, "relevance")
                                                                            for w in COMMON_WORDS[:2]],
    }


def latencies(ix, queries: list[tuple[str, dict, str]]) -> dict:
    wall, cpu = [], []
    for _ in range(REPEATS):
        for query, filters, sort in queries:
            w, c = time.perf_counter(), time.process_time()
            search(ix, query, filters, sort=sort)
            wall.append(time.perf_counter() - w)
            cpu.append(time.process_time() - c)
    return {**latency_summary(wall), **process_time_summary(cpu)}


def web_pages(ix) -> dict[str, str]:
    """The pages bench/web.py times, pointed at a document and a ref of this corpus."""
    doc_id = quote(search(ix, "không gian mạng").hits[0].id, safe="/")
    return {"search_words_with_facets": "/?q=" + quote("không gian mạng"),
            "search_filtered": "/?q=" + quote("tuyên truyền") + "&doc_type=" + quote("Kế hoạch") + "&year=2019",
            "browse_by_date": "/?sort=date",
            "document_page": f"/doc/{doc_id}?q=" + quote("không gian mạng"),
            "cites_page": "/cites/" + quote("Nghị quyết 35"),
            "api_search": "/api/search?q=" + quote("phòng chống tham nhũng")}


def serve_and_time(index_dir: Path) -> dict:
    with Server(index_dir) as server:
        figures = page_latencies(server.base, web_pages(open_index(index_dir)))
        figures["serving_process_after_web_runs"] = rss_mb(server.proc.pid)
    return figures


def measure_engine(corpus: Path, work: Path, engine: str, megabytes: float, one_core: bool = True) -> dict:
    index_dir = work / engine
    figures = {"build_2_cores": build(corpus, index_dir, engine, megabytes)}
    if one_core:
        figures["build_1_core"] = build(corpus, work / f"{engine}-1core", engine, megabytes, cpus="0")
        figures["speedup_2_cores"] = round(figures["build_1_core"]["wall_s"] / figures["build_2_cores"]["wall_s"], 2)
        shutil.rmtree(work / f"{engine}-1core", ignore_errors=True)
    figures["index_size_over_raw"] = round(tree_megabytes(index_dir) / megabytes, 2)
    figures["first_search"] = first_search(index_dir, "không gian mạng")
    ix = open_index(index_dir)
    figures["documents_in_index"] = search(ix, "").total
    search(ix, "khởi động")
    figures["search"] = {kind: latencies(ix, queries) for kind, queries in query_kinds(corpus, ix).items()}
    return figures


def markdown(figures: dict) -> str:
    """The README table: one row per (size, engine)."""
    rows = ["| docs | engine | MB | index MB/s wall | MB/s CPU | pyvi MB/s CPU | 2-core speed-up | peak RSS MB "
            "| index/raw | first search s | word p50/p95 ms | phrase p50/p95 ms | cites p50/p95 ms |",
            "|" + " --- |" * 13]
    for size, by_size in figures["sizes"].items():
        for engine, f in by_size["engines"].items():
            b, s = f["build_2_cores"], f["search"]
            cell = lambda kind, s=s: f"{s[kind]['p50_ms']:.0f} / {s[kind]['p95_ms']:.0f}"  # noqa: E731
            rows.append(f"| {size} | {engine} | {by_size['megabytes']:.0f} | {b['MB_per_s_wall']} "
                        f"| {b['MB_per_s_cpu']} | {by_size['pyvi_alone']['MB_per_s_cpu']} "
                        f"| {f.get('speedup_2_cores', '-')} | {b['peak_rss_mb']} "
                        f"| {f['index_size_over_raw']} | {f['first_search']['process_start_to_first_result_s']} "
                        f"| {cell('two_three_words')} | {cell('quoted_phrase')} | {cell('cites_filter')} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--big", action="store_true", help="add 30,000 documents")
    parser.add_argument("--engines", default="whoosh,tantivy")
    parser.add_argument("--seed", type=int, default=corpus_gen.DEFAULT_SEED)
    parser.add_argument("--one-core-max", type=int, default=10_000,
                        help="the one-core build (for the 2-core speed-up) runs up to this corpus size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([30_000] if args.big else [])
    figures = {"seed": args.seed, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            figures["sizes"][size] = measure_size(size, args, Path(tmp))
        largest = figures["sizes"][max(sizes)]
        for engine, f in largest["engines"].items():
            f["web"] = serve_and_time(Path(tmp) / str(max(sizes)) / engine)
    write_results("scale", figures)
    print(markdown(figures))


def measure_size(size: int, args, tmp: Path) -> dict:
    corpus = corpus_gen.generate(size, args.seed)
    megabytes = tree_megabytes(corpus)
    by_size = {"documents": size, "megabytes": round(megabytes, 1), "corpus": str(corpus),
               "pyvi_alone": pyvi_alone(corpus, megabytes), "engines": {}}
    for engine in args.engines.split(","):
        by_size["engines"][engine] = measure_engine(corpus, tmp / str(size), engine, megabytes,
                                                    one_core=size <= args.one_core_max)
    return by_size


if __name__ == "__main__":
    main()
