"""Word segmentation: pyvi itself against analyzers/segment.py, on all of gazette_dev and local_dev, in one run.

Every text is cut as word_spans cuts it (analyzers.tokens.segments) and each piece is segmented by
pyvi (ViTokenizer.tokenize) and by ours; every output is compared (mismatches must be 0). Ours runs
from a fresh state each time (no syllables known): cold (no cache of segmented texts: the ratio that
must hold), cold one piece at a time, and warm (the cache on, filled as the archive is read).
Usage: python bench/segment.py
"""

import time

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, read_jsonl, write_results

from analyzers import segment
from analyzers.tokens import segments

CORPORA = {"gazette_dev": GAZETTE_RECORDS, "local_dev": LOCAL_DEV_RECORDS}


def documents(path) -> list[list[str]]:
    """Each record's text, as the pieces segments() cuts."""
    return [[record["text"][start:end] for start, end in segments(record["text"])] for record in read_jsonl(path)]


def clocked(run, docs: list[list[str]]) -> tuple[list[str], float, float]:
    """run(pieces of a document) for each document: the outputs, CPU and wall seconds."""
    cpu, wall = time.process_time(), time.perf_counter()
    outputs = [out for pieces in docs for out in run(pieces)]
    return outputs, time.process_time() - cpu, time.perf_counter() - wall


def fresh(cache_chars: int):
    """A fresh process's state: no syllables known, no texts cached, the cache holding `cache_chars` from now."""
    def prepare() -> None:
        segment.set_cache_chars(cache_chars)
        segment._table()._clear()
    return prepare


def figures_for(docs: list[list[str]]) -> dict:
    """pyvi and ours on one corpus: rates, ratios, mismatches."""
    megabytes = sum(len(p.encode("utf-8")) for pieces in docs for p in pieces) / 1e6
    expected, pyvi_cpu, pyvi_wall = clocked(lambda pieces: [segment.pyvi_tokenize(p) for p in pieces], docs)
    runs = {}
    for name, prepare, run in (
            ("ours_cold", fresh(0), segment.tokenize_many),
            ("ours_cold_one_piece_at_a_time", fresh(0), lambda pieces: [segment.tokenize(p) for p in pieces]),
            ("ours_warm", fresh(segment.CACHE_CHARS), segment.tokenize_many)):
        prepare()
        outputs, cpu, wall = clocked(run, docs)
        runs[name] = {"MB_per_cpu_s": round(megabytes / cpu, 3), "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                      "speed_ratio_cpu": round(pyvi_cpu / cpu, 2), "speed_ratio_wall": round(pyvi_wall / wall, 2),
                      "mismatches": sum(a != b for a, b in zip(expected, outputs))}
    return {"documents": len(docs), "pieces": sum(map(len, docs)), "megabytes": round(megabytes, 2),
            "pyvi": {"MB_per_cpu_s": round(megabytes / pyvi_cpu, 3), "cpu_s": round(pyvi_cpu, 2),
                     "wall_s": round(pyvi_wall, 2)}, **runs}


def main() -> None:
    segment.tokenize("Khởi động.")  # pyvi and its model load once, outside the timing
    segment.pyvi_tokenize("Khởi động.")
    figures = {name: figures_for(documents(path)) for name, path in CORPORA.items() if path.is_file()}
    figures["note"] = ("ratios are pyvi's seconds over ours on the same pieces; cold: no cache of segmented "
                       "texts; warm: the cache on, filled while reading, one pass; each from an empty syllable table")
    write_results("segment", figures)


if __name__ == "__main__":
    main()
