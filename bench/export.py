"""A result list taken away at its largest: 10,000 documents as CSV and as XLSX, and a feed, both engines.

The index is written straight to each engine from generated plan-length documents (common/corpus_gen.py:
real paragraphs, the real extraction, the whole text stored), its words analysed from each text's first
2,000 characters only and without pyvi: this measures the exports (which read every hit's stored
fields), not indexing. Each export then runs in a process of its own, measured from outside (wall and
CPU seconds, the process's peak resident memory), beside a process that only opens the index and
searches once (the baseline memory the export adds to).

Usage: python bench/export.py [--docs 10000] [--engines whoosh tantivy] [--work DIR]
(the indexes are kept in DIR, default /tmp/vanban-export-bench, and reused by the next run)
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import PYTHON, run_measured, write_results
from common.corpus_gen import generate

BASE = "http://127.0.0.1:5000/"
ANALYSED_CHARS = 2_000  # of each text, for its words: the heading and title, where `kế hoạch` is


def write_index(corpus: Path, index_dir: Path, engine: str) -> dict:
    """A real index folder (marker, generation, derived values) of the corpus, without pyvi."""
    import indexer.builder.analysis as analysis
    from indexer.builder.derive import derive_all
    from indexer.builder.index import built_at
    from indexer.engines import create_engine
    from indexer.extract.corpus import Document, list_files, read_file
    from indexer.store import ENGINE, FORMAT_VERSION, claim, generation_dir, write_derived, write_info

    views = analysis.text_views
    analysis.word_spans = lambda text: []  # no pyvi: no compound words, every other view as the build makes it
    analysis.text_views = lambda text, with_words=True: views(text[:ANALYSED_CHARS], with_words)
    start, stamp = time.perf_counter(), built_at()
    claim(index_dir, [corpus])
    folder = generation_dir(index_dir, "g000001")
    eng, links = create_engine(engine, folder / ENGINE), {}
    writer = eng.writer()
    for file in list_files([corpus]):
        for item in read_file(file):
            if isinstance(item, Document):
                indexed, doc_links = analysis.analyse(item, file.digest)
                indexed.indexed = stamp
                writer.add(indexed)
                links[doc_links["id"]] = doc_links
    writer.commit()
    write_derived(folder, derive_all(eng, links))
    write_info(index_dir, {"format": FORMAT_VERSION, "engine": engine, "generation": "g000001", "built": stamp})
    return {"documents": len(links), "write_s": round(time.perf_counter() - start, 1)}


def one(index_dir: str, what: str, report: str) -> None:
    """In a child process: make one file (or only search, for `baseline`); write what it took to `report`."""
    from indexer import open_index, search, search_feed, search_table

    with open_index(index_dir).searcher():  # the engine loaded: what is timed is the export
        pass
    start = time.perf_counter()
    if what == "baseline":
        said = {"total": search(index_dir, "kế hoạch").total}
    elif what == "feed":
        said = {"bytes": len(search_feed(index_dir, BASE, "kế hoạch").to_atom().encode("utf-8"))}
    else:
        table = search_table(index_dir, BASE, "", {}, "date")
        rows_s = time.perf_counter() - start
        body = table.to_csv().encode("utf-8") if what == "csv" else table.to_xlsx()
        said = {"rows": len(table.rows), "total": table.total, "bytes": len(body), "rows_s": round(rows_s, 2),
                "serialize_s": round(time.perf_counter() - start - rows_s, 2)}
    Path(report).write_text(json.dumps({**said, "in_process_s": round(time.perf_counter() - start, 2)}))


def measured(index_dir: Path, what: str) -> dict:
    """One export in its own process: its own figures, and wall, CPU and peak memory from outside."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        run = run_measured([PYTHON, __file__, "--one", str(index_dir), what, report.name])
        if run.returncode:
            raise RuntimeError(run.stderr)
        said = json.loads(Path(report.name).read_text())
    return {**said, "process_wall_s": round(run.wall_s, 2), "process_cpu_s": round(run.cpu_s, 2),
            "peak_rss_mb": round(run.peak_rss_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--engines", nargs="+", default=["tantivy", "whoosh"])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vanban-export-bench")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one(*args.one)
    from indexer import index_exists

    corpus = generate(args.docs)
    figures = {"documents": args.docs}
    for engine in args.engines:
        index_dir = args.work / f"{engine}-{args.docs}"
        if index_exists(index_dir):
            figures[engine] = {"index": {"reused": str(index_dir)}}
        else:
            shutil.rmtree(index_dir, ignore_errors=True)  # a run cut short: ours, under our work folder
            figures[engine] = {"index": write_index(corpus, index_dir, engine)}
        for what in ("baseline", "csv", "xlsx", "feed"):
            figures[engine][what] = measured(index_dir, what)
        print(json.dumps({engine: figures[engine]}), file=sys.stderr)
    write_results("export", figures)


if __name__ == "__main__":
    main()
