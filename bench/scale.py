"""Scale, in one run: corpora of real-length documents, indexed by each engine and searched.

Corpora: generated ones of any size (whole real paragraphs recombined, `common/corpus_gen.py`), each document
plan-length (about 20 KB, `--lengths plan`) or as long as a gazette_dev text drawn at random (a few KB to
over 1 MB, `--lengths gazette`); and with `--real`, gazette_dev's own texts as they are, plus the seeds.

For each size and engine: the build's wall and CPU (its whole process tree), the cores it kept busy
(CPU over wall), its peak memory (proportional set size of the tree: pages the workers share with the
fork server counted once), indexing MB/s beside our segmenter alone on the same text (analyzers/segment.py,
the words pyvi makes), the speed-up of two cores over one (`taskset -c 0`), index size over raw text, a
fresh process's first search against its second, p50/p95 (wall and CPU) per query kind, the pages of the
longest documents, and the cost of adding 10 documents to the index (an update: wall, CPU). On the
largest index: the web pages over real HTTP (waitress on loopback) and the serving process's RSS after them.

Usage: python bench/scale.py [--sizes 1000,10000] [--lengths plan|gazette] [--real] [--big]
                             [--engines whoosh,tantivy] [--seed 7] [--no-web] [--keep DIR]
(`--sizes ''` with `--real`: the real texts only; `--keep DIR`: build in DIR and leave the indexes there,
so a profile can follow without building again.)
"""

import argparse
import contextlib
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

from analyzers.normalize import canonical_tones, fold, normalize_text
from analyzers.tokens import word_spans
from indexer import get_document, open_index, search
from indexer.engines import Every
from indexer.extract.corpus import Document, list_files, read_file
from indexer.readers import read_text
from indexer.sources.files import JSONL_SUFFIXES

REPEATS = 5
COMMON_WORDS = ["tuyên truyền", "cán bộ", "nhiệm vụ", "tổ chức", "bảo hiểm"]
MULTI_WORDS = ["không gian mạng", "phòng chống tham nhũng", "nền tảng tư tưởng", "xử phạt hành chính",
               "chuyển đổi số"]
REAL = [GAZETTE_DEV, SEEDS]
SEGMENT_SAMPLE_MB = 40  # the segmenter's rate is measured on this much text at most
ADDED = 10  # documents an update adds
FIRST_SEARCH = """
import json, sys, time
from indexer.searching import search
t0 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); first_done = time.time()
t1 = time.perf_counter(); search(sys.argv[1], sys.argv[2]); t2 = time.perf_counter()
print(json.dumps({"first_search_s": t1 - t0, "second_search_s": t2 - t1, "first_result_at": first_done}))
"""


def sizes_of(files) -> list[int]:
    """The UTF-8 sizes of the texts of files read by their readers alone, without extraction (reading 10,000
    gazette-length documents through extraction took 6-18 minutes before the build began): a text file
    counts as one document (what bench/corpora.py writes; a file holding several is counted as one), a JSON
    Lines file is read as the indexer reads it."""
    sizes = []
    for file in files:
        if file.skip:
            continue
        if file.path.suffix.lower() in JSONL_SUFFIXES:
            sizes.extend(len(d.text.encode("utf-8")) for d in read_file(file) if isinstance(d, Document))
        elif (text := normalize_text(read_text(file.path).text)).strip():
            sizes.append(len(text.encode("utf-8")))
    return sizes


def segmenter_alone(corpus: list[Path], sample_mb: float = SEGMENT_SAMPLE_MB) -> dict:
    """Our word segmentation (pyvi's words) in this one process, over the first `sample_mb` MB of text,
    each text as the build gives it (canonical tones): the floor for indexing (a rate: a large corpus need
    not be segmented twice). Also what the corpus is: documents, megabytes of text, the longest text."""
    word_spans("Khởi động pyvi.")  # the model loads once, outside the timing
    cpu = wall = 0.0
    sizes, segmented, files = [], 0, list_files(corpus)
    read = None
    for at, file in enumerate(files):
        if segmented >= sample_mb * 1e6:
            read = len(sizes)
            sizes.extend(sizes_of(files[at:]))
            break
        for text in (d.text for d in read_file(file) if isinstance(d, Document)):
            sizes.append(len(text.encode("utf-8")))
            toned = canonical_tones(text)
            c, w = time.process_time(), time.perf_counter()
            word_spans(toned)
            cpu, wall = cpu + time.process_time() - c, wall + time.perf_counter() - w
            segmented += sizes[-1]
    megabytes, read = sum(sizes) / 1e6, len(sizes) if read is None else read
    return {"documents": len(sizes), "read_without_extraction": len(sizes) - read, "megabytes": round(megabytes, 1),
            "longest_kb": round(max(sizes) / 1000),
            "segmenter_alone": {"MB_per_s_cpu": round(segmented / 1e6 / cpu, 3), "sample_mb": round(segmented / 1e6, 1),
                           "cpu_s": round(cpu, 1), "wall_s": round(wall, 1)}}


def build(corpus: list[Path], index_dir: Path, engine: str, megabytes: float, cpus: str | None = None,
          memory_limit: int | None = None) -> dict:
    """One `vanban index` subprocess (from scratch, or an update), measured from outside (in a memory cgroup
    of `memory_limit` MiB, when given)."""
    run = run_measured(index_command(corpus, index_dir, engine), cpus=cpus, memory_limit_mb=memory_limit)
    if run.returncode != 0:
        raise RuntimeError(f"vanban index failed: {run.stderr.strip().splitlines()[-1:]}")
    return {"wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1), "cores": round(run.cpu_s / run.wall_s, 2),
            "peak_pss_mb": round(run.peak_rss_mb), "peak_at_s": round(run.peak_at_s),
            "peak_main_process_pss_mb": round(run.peak_main_mb), "peak_mapped_files_mb": round(run.peak_file_mb),
            "peak_anonymous_mb": round(run.peak_anon_mb), "peak_anonymous_at_s": round(run.peak_anon_at_s),
            "MB_per_s_wall": round(megabytes / run.wall_s, 3),
            "MB_per_s_cpu": round(megabytes / run.cpu_s, 3),
            **({"memory_limit_mb": memory_limit, "oom_kills": run.oom_kills} if memory_limit else {})}


def update(corpus: list[Path], added: Path, index_dir: Path, engine: str, seed: int,
           memory_limit: int | None = None) -> dict:
    """Add ADDED documents (generated apart, in a folder the index already covers) and update the index."""
    corpus_gen.write_documents(added, ADDED, seed + 1000, first_number=900_000)
    figures = build([*corpus, added], index_dir, engine, 0.0, memory_limit=memory_limit)
    return {k: figures[k] for k in ("wall_s", "cpu_s", "cores", "peak_pss_mb", "peak_anonymous_mb", "oom_kills")
            if k in figures}


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


def searches(ix) -> dict:
    """Each query kind's latencies and the longest documents' pages, after one search that warms the process."""
    search(ix, "khởi động")
    return {"search": {kind: latencies(ix, queries) for kind, queries in query_kinds(ix).items()},
            "document_page_longest": longest_pages(ix)}


def search_only(folders: list[Path], rounds: int) -> dict:
    """The searches alone on indexes an earlier run kept, each opened afresh, one after the other, `rounds`
    times: p95 ms (wall) per query kind and of the longest documents' pages, a row per round."""
    figures: dict[str, list] = {str(f): [] for f in folders}
    for _ in range(rounds):
        for folder in folders:
            found = searches(open_index(folder))
            figures[str(folder)].append({**{kind: t["p95_ms"] for kind, t in found["search"].items()},
                                         "longest_documents_page": found["document_page_longest"]["p95_ms"]})
    return figures


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


def measure_engine(corpus: list[Path], work: Path, engine: str, megabytes: float, one_core: bool = True,
                   seed: int = corpus_gen.DEFAULT_SEED, memory_limit: int | None = None) -> dict:
    index_dir, added = work / engine, work / f"{engine}-added"
    added.mkdir(parents=True, exist_ok=True)  # empty: the update fills it
    figures = {"build_2_cores": build([*corpus, added], index_dir, engine, megabytes, memory_limit=memory_limit)}
    if one_core:
        figures["build_1_core"] = build(corpus, work / f"{engine}-1core", engine, megabytes, cpus="0")
        figures["speedup_2_cores"] = round(figures["build_1_core"]["wall_s"] / figures["build_2_cores"]["wall_s"], 2)
        shutil.rmtree(work / f"{engine}-1core", ignore_errors=True)
    figures["index_size_over_raw"] = round(tree_megabytes(index_dir) / megabytes, 2)
    figures["first_search"] = first_search(index_dir, "không gian mạng")
    ix = open_index(index_dir)
    figures["documents_in_index"] = search(ix, "").total
    figures.update(searches(ix))
    figures["update_10_documents"] = update(corpus, added, index_dir, engine, seed, memory_limit)
    return figures


def markdown(figures: dict) -> str:
    """The README tables: building, then p95 per query kind (wall / CPU ms), one row per (corpus, engine)."""
    rows = ["| docs | engine | MB | build wall s | CPU s | cores | peak PSS MB | MB/s CPU | segmenter MB/s CPU "
            "| CPU vs segmenter | 2-core speed-up | index/raw | first search s | add 10: wall / CPU s |",
            "|" + " --- |" * 14]
    kinds = None
    for size, by_size in figures["sizes"].items():
        for engine, f in by_size["engines"].items():
            b, alone = f["build_2_cores"], by_size["segmenter_alone"]["MB_per_s_cpu"]
            kinds, added = kinds or list(f["search"]), f["update_10_documents"]
            rows.append(f"| {size} | {engine} | {by_size['megabytes']:.0f} | {b['wall_s']} | {b['cpu_s']} "
                        f"| {b['cores']} | {b['peak_pss_mb']} | {b['MB_per_s_cpu']} | {alone} "
                        f"| {alone / b['MB_per_s_cpu']:.2f}x "
                        f"| {f.get('speedup_2_cores', '-')} | {f['index_size_over_raw']} "
                        f"| {f['first_search']['process_start_to_first_result_s']} "
                        f"| {added['wall_s']} / {added['cpu_s']} |")
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
    parser.add_argument("--keep", type=Path, help="build the indexes in this folder and leave them there")
    parser.add_argument("--memory-limit", type=int, metavar="MB",
                        help="builds and updates run in a memory cgroup of this many MiB (page cache included; "
                             "Linux, as root): does the build fit, and how much slower")
    parser.add_argument("--search-only", type=Path, nargs="+", metavar="INDEX",
                        help="measure only the searches, on indexes kept by earlier runs, alternately")
    parser.add_argument("--rounds", type=int, default=2, help="with --search-only: how many times each")
    args = parser.parse_args()
    if args.search_only:
        figures = search_only(args.search_only, args.rounds)
        write_results("scale-search", figures)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([30_000] if args.big else [])
    figures = {"seed": args.seed, "lengths": args.lengths, "sizes": {}}
    corpora = {("real" if args.real and not i else str(size)): size for i, size in
               enumerate(([0] if args.real else []) + sizes)}
    name = "scale" + ("" if args.lengths == "plan" else f"-{args.lengths}") + ("-real" if args.real else "")
    with (contextlib.nullcontext(args.keep) if args.keep else tempfile.TemporaryDirectory()) as tmp:
        for size_name, size in corpora.items():
            corpus = REAL if size_name == "real" else [corpus_gen.generate(size, args.seed, args.lengths)]
            figures["sizes"][size_name] = measure_corpus(corpus, args, Path(tmp) / size_name)
            write_results(name, figures)  # each size's figures kept as soon as they are made: an hour's run
        largest = list(corpora)[-1]
        for engine, f in figures["sizes"][largest]["engines"].items():
            if not args.no_web:
                try:
                    f["web"] = serve_and_time(Path(tmp) / largest / engine)
                except RuntimeError as err:  # the server did not start: said, the other figures kept
                    f["web"] = {"error": str(err)}
    write_results(name, figures)
    print(markdown(figures))


def measure_corpus(corpus: list[Path], args, work: Path) -> dict:
    by_size = {"corpus": [str(p) for p in corpus], **segmenter_alone(corpus), "engines": {}}
    shutil.rmtree(work, ignore_errors=True)  # a kept folder of an earlier run: built afresh
    for engine in args.engines.split(","):
        by_size["engines"][engine] = measure_engine(corpus, work, engine, by_size["megabytes"],
                                                    one_core=by_size["documents"] <= args.one_core_max, seed=args.seed,
                                                    memory_limit=args.memory_limit)
    return by_size


if __name__ == "__main__":
    main()
