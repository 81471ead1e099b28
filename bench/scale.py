"""Scale, in one run: corpora of real-length documents, indexed by each engine and searched.

Corpora: generated ones of any size (whole real paragraphs recombined, `common/corpus_gen.py`), each document
plan-length (about 20 KB, `--lengths plan`) or as long as a gazette_dev text drawn at random (a few KB to
over 1 MB, `--lengths gazette`); and with `--real`, gazette_dev's own texts as they are, plus the seeds.

For each size and engine: indexing MB/s by wall and by CPU beside pyvi alone on the same text, the
speed-up of two cores over one (`taskset -c 0`), peak RSS, index size over raw text, a fresh process's
first search against its second, and p50/p95 (wall and CPU) per query kind. On the largest index:
the web pages over real HTTP (waitress on loopback) and the serving process's RSS after them.

Usage: python bench/scale.py [--sizes 1000,10000] [--lengths plan|gazette] [--real] [--big]
                             [--engines whoosh,tantivy] [--seed 7] [--no-web]
(`--sizes ''` with `--real`: the real texts only.)
"""

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from common import (
    ENGINES,
    GAZETTE_DEV,
    PYTHON,
    ROOT,
    SEEDS,
    Server,
    corpus_gen,
    index_command,
    latency_summary,
    page_latencies,
    process_time_summary,
    rss_mb,
    run_measured,
    tree_megabytes,
    write_results,
)

from analyzers.normalize import fold
from analyzers.tokens import word_spans
from indexer import get_document, open_index, search
from indexer.engines import Every
from indexer.extract.corpus import Document, list_files, read_file

REPEATS = 5
COMMON_WORDS = ["tuyên truyền", "cán bộ", "nhiệm vụ", "tổ chức", "bảo hiểm"]
MULTI_WORDS = ["không gian mạng", "phòng chống tham nhũng", "nền tảng tư tưởng", "xử phạt hành chính",
               "chuyển đổi số"]
REAL = [GAZETTE_DEV, SEEDS]
PYVI_SAMPLE_MB = 40  # pyvi's rate is measured on this much text at most
FIRST_SEARCH = """
import json, sys, time
from indexer.searching import search
t0 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); first_done = time.time()
t1 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); t2 = time.perf_counter()
print(json.dumps({"first_search_s": t1 - t0, "second_search_s": t2 - t1, "first_result_at": first_done}))
"""


def texts_of(corpus: list[Path]):
    """Every document's text, as the indexer reads it (one at a time: a large corpus is GBs in memory)."""
    for file in list_files(corpus):
        yield from (d.text for d in read_file(file) if isinstance(d, Document))


def pyvi_alone(corpus: list[Path], sample_mb: float = PYVI_SAMPLE_MB) -> dict:
    """pyvi's word segmentation in this one process, over the first `sample_mb` MB of text: the floor
    for indexing (a rate: a large corpus need not be segmented twice). Also what the corpus is:
    documents, megabytes of text, the longest text."""
    word_spans("Khởi động pyvi.")  # the model loads once, outside the timing
    cpu = wall = 0.0
    sizes, segmented = [], 0
    for text in texts_of(corpus):
        sizes.append(len(text.encode("utf-8")))
        if segmented < sample_mb * 1e6:
            c, w = time.process_time(), time.perf_counter()
            word_spans(text)
            cpu, wall = cpu + time.process_time() - c, wall + time.perf_counter() - w
            segmented += sizes[-1]
    megabytes = sum(sizes) / 1e6
    return {"documents": len(sizes), "megabytes": round(megabytes, 1), "longest_kb": round(max(sizes) / 1000),
            "pyvi_alone": {"MB_per_s_cpu": round(segmented / 1e6 / cpu, 3), "sample_mb": round(segmented / 1e6, 1),
                           "cpu_s": round(cpu, 1), "wall_s": round(wall, 1)}}


def build(corpus: list[Path], index_dir: Path, engine: str, megabytes: float, cpus: str | None = None) -> dict:
    """One `vanban index` subprocess from scratch, measured from outside."""
    run = run_measured(index_command(corpus, index_dir, engine), cpus=cpus)
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


def query_kinds(ix) -> dict[str, list[tuple[str, dict, str]]]:
    """(query, filters, sort) by kind; numbers and the most cited ref come from the corpus itself."""
    numbers = [h.number for h in search(ix, "", sort="date_asc", page_size=50).hits if h.number][:5]
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
    return timings([lambda q=q: search(ix, q[0], q[1], sort=q[2]) for q in queries])


def timings(calls) -> dict:
    """p50/p95 wall and CPU of each call, REPEATS times over."""
    wall, cpu = [], []
    for _ in range(REPEATS):
        for call in calls:
            w, c = time.perf_counter(), time.process_time()
            call()
            wall.append(time.perf_counter() - w)
            cpu.append(time.process_time() - c)
    return {**latency_summary(wall), **process_time_summary(cpu)}


def longest_pages(ix, count: int = 3) -> dict:
    """The document page (text, highlights, citations both ways) of the longest documents, with a query."""
    with ix.searcher() as s:
        everything = s.search(Every(), limit=s.doc_count())
        sizes = sorted(((len(s.stored(k)["text"]), s.stored(k)["id"]) for k, _ in everything.hits), reverse=True)
    longest = [doc_id for _, doc_id in sizes[:count]]
    return {"characters": [n for n, _ in sizes[:count]],
            **timings([lambda d=d, q=q: get_document(ix, d, q) for d in longest for q in COMMON_WORDS[:2]])}


def web_pages(ix) -> dict[str, str]:
    """The pages people open most, pointed at a document and a ref of this corpus."""
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


def measure_engine(corpus: list[Path], work: Path, engine: str, megabytes: float, one_core: bool = True) -> dict:
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
    figures["search"] = {kind: latencies(ix, queries) for kind, queries in query_kinds(ix).items()}
    figures["document_page_longest"] = longest_pages(ix)
    return figures


def markdown(figures: dict) -> str:
    """The README tables: building, then p95 per query kind (wall / CPU ms), one row per (corpus, engine)."""
    rows = ["| docs | engine | MB | index MB/s wall | MB/s CPU | pyvi MB/s CPU | CPU vs pyvi | 2-core speed-up "
            "| peak RSS MB | index/raw | first search s |", "|" + " --- |" * 11]
    kinds = None
    for size, by_size in figures["sizes"].items():
        for engine, f in by_size["engines"].items():
            b, pyvi = f["build_2_cores"], by_size["pyvi_alone"]["MB_per_s_cpu"]
            kinds = kinds or list(f["search"])
            rows.append(f"| {size} | {engine} | {by_size['megabytes']:.0f} | {b['MB_per_s_wall']} "
                        f"| {b['MB_per_s_cpu']} | {pyvi} | {pyvi / b['MB_per_s_cpu']:.2f}x "
                        f"| {f.get('speedup_2_cores', '-')} | {b['peak_rss_mb']} | {f['index_size_over_raw']} "
                        f"| {f['first_search']['process_start_to_first_result_s']} |")
    rows += ["", "| docs | engine | " + " | ".join(kinds) + " | longest documents' page |",
             "|" + " --- |" * (len(kinds) + 3)]
    for size, by_size in figures["sizes"].items():
        for engine, f in by_size["engines"].items():
            cells = [f"{t['p95_ms']:.0f} / {t['cpu_p95_ms']:.0f}"
                     for t in [*(f["search"][k] for k in kinds), f["document_page_longest"]]]
            rows.append(f"| {size} | {engine} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--lengths", choices=corpus_gen.LENGTHS, default="plan")
    parser.add_argument("--real", action="store_true", help="add gazette_dev's own texts and the seeds, as they are")
    parser.add_argument("--no-web", action="store_true", help="skip the web pages over HTTP")
    parser.add_argument("--big", action="store_true", help="add 30,000 documents")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--seed", type=int, default=corpus_gen.DEFAULT_SEED)
    parser.add_argument("--one-core-max", type=int, default=10_000,
                        help="the one-core build (for the 2-core speed-up) runs up to this corpus size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([30_000] if args.big else [])
    figures = {"seed": args.seed, "lengths": args.lengths, "sizes": {}}
    corpora = {("real" if args.real and not i else str(size)): size for i, size in
               enumerate(([0] if args.real else []) + sizes)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, size in corpora.items():
            corpus = REAL if name == "real" else [corpus_gen.generate(size, args.seed, args.lengths)]
            figures["sizes"][name] = measure_corpus(corpus, args, Path(tmp) / name)
        largest = list(corpora)[-1]
        for engine, f in figures["sizes"][largest]["engines"].items():
            if not args.no_web:
                f["web"] = serve_and_time(Path(tmp) / largest / engine)
    name = "scale" + ("" if args.lengths == "plan" else f"-{args.lengths}") + ("-real" if args.real else "")
    write_results(name, figures)
    print(markdown(figures))


def measure_corpus(corpus: list[Path], args, work: Path) -> dict:
    by_size = {"corpus": [str(p) for p in corpus], **pyvi_alone(corpus), "engines": {}}
    for engine in args.engines.split(","):
        by_size["engines"][engine] = measure_engine(corpus, work, engine, by_size["megabytes"],
                                                    one_core=by_size["documents"] <= args.one_core_max)
    return by_size


if __name__ == "__main__":
    main()
