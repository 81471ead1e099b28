"""A whole build beside our segmenter, on the same text, in one run: gazette_dev's export as one JSON Lines
file (17 MB, 201 records) and the same records as .txt files in a folder.

For each: `vanban index --engine tantivy` in a subprocess (wall, CPU of its process tree, cores kept busy,
peak memory as proportional set size), our segmenter alone on the same texts (analyzers/segment.py, in a
fresh state, each text as the build gives it), and the ratios the build is held to: build CPU over the
segmenter's, wall over CPU. Then where a build's CPU goes, stage by stage in one process (reading and
extraction, segmentation, the rest of the analysis, packing for the writer, tantivy's writing, derived
values), so what lies beyond segmentation can be seen.

Usage: python bench/build.py
"""

import json
import tempfile
import time
from pathlib import Path

from common import GAZETTE_RECORDS, index_command, jsonl_lines, run_measured, write_results

from analyzers import segment
from analyzers.normalize import canonical_tones
from analyzers.tokens import word_spans
from indexer.builder.analysis import analyse
from indexer.builder.batches import File, Record, batches, work
from indexer.builder.derive import derive_all
from indexer.builder.parts import document_parts
from indexer.builder.workers import Ledger, units
from indexer.engines import create_engine
from indexer.extract.corpus import Document, list_files, read_file, record_document


def write_texts(folder: Path) -> Path:
    """The export's records as .txt files, one a record."""
    for n, line in enumerate(jsonl_lines(GAZETTE_RECORDS)):
        (folder / f"record{n:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    return folder


def documents(corpus: Path) -> list[Document]:
    """The documents a build indexes from the corpus (parts cut), read in this process."""
    return [p for f in list_files([corpus]) for d in read_file(f) if isinstance(d, Document) for p in document_parts(d)]


def segmenter_alone(docs: list[Document]) -> dict:
    """Our segmenter on each document's text as the build gives it, from a fresh state (no syllables known,
    the cache of segmented texts empty and on, as in a build's worker)."""
    segment.set_cache_chars(segment.CACHE_CHARS)
    segment._table()._clear()
    toned = [canonical_tones(d.text) for d in docs]
    cpu, wall = time.process_time(), time.perf_counter()
    for text in toned:
        word_spans(text)
    return {"cpu_s": round(time.process_time() - cpu, 2), "wall_s": round(time.perf_counter() - wall, 2),
            "megabytes": round(sum(len(t.encode("utf-8")) for t in toned) / 1e6, 1)}


def whole_build(corpus: Path, index_dir: Path) -> dict:
    run = run_measured(index_command([corpus], index_dir, "tantivy"))
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip().splitlines()[-1:])
    return {"wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1), "cores": round(run.cpu_s / run.wall_s, 2),
            "peak_pss_mb": round(run.peak_rss_mb), "peak_anonymous_mb": round(run.peak_anon_mb)}


def stages(corpus: Path, index_dir: Path) -> dict:
    """CPU seconds of each stage of a build, one after the other in this process."""
    clock, spent = time.process_time, {}

    def timed(name, fn, *args):
        start = clock()
        result = fn(*args)
        spent[name] = round(spent.get(name, 0) + clock() - start, 2)
        return result

    cut = timed("cutting into batches", lambda: list(batches(units(list_files([corpus]), Ledger()))))
    segment.set_cache_chars(segment.CACHE_CHARS)
    segment._table()._clear()
    docs = timed("reading and extraction", lambda: [p for b in cut for u in b.units for p in _read(u)])
    analysed = timed("analysis (segmentation included)", lambda: [analyse(d, "digest") for d in docs])
    packed = timed("packing for the writer", lambda: [(i.packed(), links) for i, links in analysed])
    engine = create_engine("tantivy", index_dir)
    timed("tantivy writing", _write, engine, packed)
    timed("derived values", derive_all, engine, {links["id"]: links for _, links in packed})
    spent["(the batch function, reading to packing, on the same batches)"] = round(_work_cpu(cut), 2)
    return spent


def _write(engine, packed: list) -> None:
    writer = engine.writer()
    for indexed, _ in packed:
        writer.add(indexed)
    writer.commit()


def _read(unit) -> list[Document]:
    """What a worker reads of a unit: a record's document, or a file's (parts cut)."""
    if isinstance(unit, Record):
        found = record_document(unit.source, unit.line, unit.doc_id, unit.text, unit.overrides)
        return document_parts(found) if isinstance(found, Document) else []
    assert isinstance(unit, File)
    return [p for d in read_file(unit.file) if isinstance(d, Document) for p in document_parts(d)]


def _work_cpu(cut) -> float:
    start = time.process_time()
    for batch in cut:
        work(batch)
    return time.process_time() - start


def measure(corpus: Path, work_dir: Path) -> dict:
    docs = documents(corpus)
    alone = segmenter_alone(docs)
    build = whole_build(corpus, work_dir / "index")
    return {"corpus": str(corpus), "documents": len(docs), "segmenter_alone": alone, "build": build,
            "build_cpu_over_segmenter_cpu": round(build["cpu_s"] / alone["cpu_s"], 2),
            "build_wall_over_cpu": round(build["wall_s"] / build["cpu_s"], 2),
            "stages_cpu_s": stages(corpus, work_dir / "stages")}


def main() -> None:
    word_spans("Khởi động.")  # pyvi's model loads once, outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        figures = {"one_json_lines_file": measure(GAZETTE_RECORDS, Path(tmp) / "jsonl"),
                   "folder_of_txt_files": measure(write_texts(folder), Path(tmp) / "folder")}
    write_results("build", figures)


if __name__ == "__main__":
    main()
