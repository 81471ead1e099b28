"""Compare and related on real-length texts: time (wall and CPU) and peak memory.

- compare: every consolidated text of gazette_dev (`Văn bản hợp nhất`, VBHN) beside each text of the set
  whose number it names in its first pages (the text it consolidates, or the one that amended it); then
  100 KB and 1 MB inputs made of gazette texts: beside an edited copy (a word in 40 changed, paragraphs
  shuffled), beside other texts, beside themselves. Each comparison runs in its own process, so its
  peak memory is its own (`extra_mb`: the peak above the process once the two texts are read).
- fingerprints: what the worker pass adds per document, over the whole of gazette_dev.
- related at build time: an index of gazette_dev (in files of 10 records) and the seeds is built, its
  build measured from outside, then relate() (related documents, near-duplicates, shares) is timed
  alone on its links and graph. With `--scale N`, relate() is timed too on N generated plan-length
  documents (common/corpus_gen.py: real paragraphs recombined, many shared by thousands of documents),
  their links and fingerprints made in the bench (two-word runs stand in for pyvi's compound words).

    .venv/bin/python bench/compare.py [--index DIR] [--scale 10000]   # DIR: gazette_dev + seeds index, kept
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from common import (
    GAZETTE_RECORDS,
    PYTHON,
    SEEDS,
    index_command,
    jsonl_lines,
    read_jsonl,
    rss_mb,
    run_measured,
    write_results,
)

HEAD_CHARS = 20000     # where a consolidated text names what it consolidates
CHUNK = 10             # gazette records per .jsonl file of the bench corpus (a file is read in 120 s at most)
SIZES = {"100 KB": 100_000, "1 MB": 1_000_000}


def _folded(number: str) -> str:
    """A number as the gazette's address spells it: lower case, đ as d, no leading zeros."""
    return re.sub(r"(?<!\d)0+(\d)", r"\1", number.lower().replace("đ", "d"))


def consolidated_pairs(docs: list[dict]) -> list[tuple[dict, dict]]:
    """(consolidated text, a text of the set whose number it names in its first pages)."""
    by_number = {_folded(d["truth"]["number"]): d for d in docs if "VBHN" not in d["truth"]["number"]}
    pairs = []
    for d in docs:
        if "VBHN" not in d["truth"]["number"]:
            continue
        head = _folded(d["text"][:HEAD_CHARS])
        pairs += [(d, other) for number, other in by_number.items()
                  if re.search(r"(?<![\d/])" + re.escape(number), head)]
    return pairs


def edited_copy(text: str, seed: int = 1) -> str:
    """The text with one word in 40 changed and its paragraphs shuffled."""
    words = text.split(" ")
    for i in range(0, len(words), 40):
        words[i] = "đổi"
    paragraphs = " ".join(words).split("\n\n")
    random.Random(seed).shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def _normalized(texts: list[str]) -> list[str]:
    from analyzers.normalize import normalize_text

    return [normalize_text(t) for t in texts]


def sized_inputs(docs: list[dict]) -> dict[str, tuple[str, str]]:
    """100 KB and 1 MB inputs of gazette text: beside an edited copy, beside other texts, beside itself."""
    ordered = sorted(docs, key=lambda d: -len(d["text"]))
    first = "\n\n".join(d["text"] for d in ordered[::2])
    second = "\n\n".join(d["text"] for d in ordered[1::2])
    inputs = {}
    for label, size in SIZES.items():
        a, b = _normalized([first[:size], second[:size]])
        inputs[f"{label}, an edited copy"] = (a, edited_copy(a))
        inputs[f"{label}, other texts"] = (a, b)
        inputs[f"{label}, itself"] = (a, a)
    return inputs


def measure_align(a: str, b: str, folder: Path) -> dict:
    """One comparison in its own process: wall and CPU seconds, peak memory."""
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    out = folder / "out.json"
    run = run_measured([PYTHON, __file__, "--align", str(folder / "a.txt"), str(folder / "b.txt"), str(out)])
    if run.returncode:
        raise RuntimeError(run.stderr)
    return {"a_chars": len(a), "b_chars": len(b), **json.loads(out.read_text())}


def _memory() -> dict:
    """This process's resident memory now and at its peak, MB."""
    return rss_mb(os.getpid())


def _child_align(a_path: str, b_path: str, out: str) -> None:
    from indexer.compare.align import align

    a, b = Path(a_path).read_text(encoding="utf-8"), Path(b_path).read_text(encoding="utf-8")
    base = _memory()["rss_mb"]
    wall, cpu = time.perf_counter(), time.process_time()
    found = align(a, b)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    Path(out).write_text(json.dumps({
        "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_rss_mb": _memory()["peak_rss_mb"],
        "extra_mb": round(_memory()["peak_rss_mb"] - base, 1), "a_shared": found.a_shared, "b_shared": found.b_shared,
        "passages": len(found.shared), "edited": sum(s.kind == "edited" for s in found.shared)}))


def fingerprint_cost(docs: list[dict]) -> dict:
    """What fingerprints cost the worker pass, over every gazette_dev text: CPU seconds, MB per CPU second."""
    from indexer.compare.fingerprint import fingerprint

    texts = _normalized([d["text"] for d in docs])
    cpu = time.process_time()
    prints = [fingerprint(t) for t in texts]  # the compound words come from the analysis pyvi already does
    cpu = time.process_time() - cpu
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"documents": len(texts), "mb": round(megabytes, 1), "cpu_s": round(cpu, 2),
            "mb_per_cpu_s": round(megabytes / cpu, 1),
            "sampled_runs_per_document": round(sum(len(p.runs) // 4 for p in prints) / len(prints), 1)}


def bench_corpus(folder: Path) -> Path:
    """gazette_dev in files of CHUNK records, and the seeds."""
    corpus = folder / "corpus"
    (corpus / "gazette").mkdir(parents=True)
    lines = jsonl_lines(GAZETTE_RECORDS)
    for n in range(0, len(lines), CHUNK):
        (corpus / "gazette" / f"gazette_{n // CHUNK:03d}.jsonl").write_text("\n".join(lines[n:n + CHUNK]) + "\n",
                                                                            encoding="utf-8")
    shutil.copytree(SEEDS, corpus / "seeds")
    return corpus


def related_at_build_time(index_dir: Path, folder: Path) -> dict:
    figures = {}
    if not (index_dir / "vanban.json").exists():
        run = run_measured(index_command([bench_corpus(folder)], index_dir, "tantivy"))
        figures["build"] = {"wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1),
                            "peak_rss_mb": round(run.peak_rss_mb), "returncode": run.returncode}
    out = folder / "relate.json"
    run = run_measured([PYTHON, __file__, "--relate", str(index_dir), str(out)])
    if run.returncode:
        raise RuntimeError(run.stderr)
    return {**figures, "relate": json.loads(out.read_text())}


def related_generated(size: int, folder: Path) -> dict:
    out = folder / "scale.json"
    run = run_measured([PYTHON, __file__, "--scale", str(size), str(out)])
    if run.returncode:
        raise RuntimeError(run.stderr)
    return {**json.loads(out.read_text()), "process_peak_rss_mb": round(run.peak_rss_mb)}


def _child_relate(index_dir: str, out: str) -> None:
    from indexer.compare.related import relate
    from indexer.store import open_index

    ix = open_index(index_dir)
    links, graph = ix.derived("links"), ix.derived("graph")
    base = _memory()["rss_mb"]
    wall, cpu = time.perf_counter(), time.process_time()
    relations = relate(links, graph)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    near = sorted({tuple(sorted((a, b))) for a, twins in relations.near_duplicates.items() for b in twins})
    Path(out).write_text(json.dumps({
        "documents": len(links), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "peak_rss_mb": _memory()["peak_rss_mb"], "extra_mb": round(_memory()["peak_rss_mb"] - base, 1),
        "related_per_document": round(sum(map(len, relations.related.values())) / max(1, len(links)), 1),
        "near_duplicate_pairs": [[a.split("#")[-1], b.split("#")[-1]] for a, b in near],
        "maxrss_self_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}, ensure_ascii=False))


def _child_scale(size: str, out: str) -> None:
    """relate() on `size` generated documents: their links and fingerprints made here, then timed alone."""
    from dataclasses import asdict

    from common.corpus_gen import generate

    from indexer.compare.fingerprint import fingerprint
    from indexer.compare.related import relate
    from indexer.compare.words import word_keys
    from indexer.extract.corpus import documents_of_text
    from indexer.graph.links import document_links
    from indexer.graph.model import build_graph

    links, prepare = {}, time.process_time()
    for path in sorted(generate(int(size)).rglob("*.txt")):
        for doc in documents_of_text(path.read_text(encoding="utf-8"), str(path)):
            words = word_keys(doc.text)
            compounds = [f"{a}_{b}" for a, b in pairwise(words)]
            meta = json.loads(json.dumps(asdict(doc.meta), ensure_ascii=False))  # as the analysis stores it
            links[doc.id] = {**document_links(doc.id, doc.source, doc.text, meta),
                             "fingerprint": fingerprint(doc.text, compounds)}
    graph = build_graph([links[k] for k in sorted(links)])
    prepare, base = time.process_time() - prepare, _memory()["rss_mb"]
    wall, cpu = time.perf_counter(), time.process_time()
    relations = relate(links, graph)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    Path(out).write_text(json.dumps({
        "documents": len(links), "prepare_cpu_s": round(prepare, 1), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "peak_rss_mb": _memory()["peak_rss_mb"], "extra_mb": round(_memory()["peak_rss_mb"] - base, 1),
        "related_per_document": round(sum(map(len, relations.related.values())) / max(1, len(links)), 1),
        "documents_with_near_duplicates": len(relations.near_duplicates)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="the gazette_dev + seeds index: reused if there, else kept there")
    parser.add_argument("--scale", type=int, help="also time relate() on this many generated documents")
    args = parser.parse_args()
    docs = read_jsonl(GAZETTE_RECORDS)
    figures: dict = {"consolidated_pairs": [], "sized": {}}
    with tempfile.TemporaryDirectory(prefix="vanban-compare-") as tmp:
        folder = Path(tmp)
        for vbhn, other in consolidated_pairs(docs):
            a, b = _normalized([vbhn["text"], other["text"]])
            row = {"a": vbhn["truth"]["number"], "b": other["truth"]["number"], **measure_align(a, b, folder)}
            figures["consolidated_pairs"].append(row)
            print(row, flush=True)
        for label, (a, b) in sized_inputs(docs).items():
            figures["sized"][label] = measure_align(a, b, folder)
            print(label, figures["sized"][label], flush=True)
        figures["fingerprints"] = fingerprint_cost(docs)
        figures["related_at_build_time"] = related_at_build_time(args.index or folder / "index", folder)
        if args.scale:
            figures["related_generated"] = related_generated(args.scale, folder)
    figures["cpus"] = os.cpu_count()
    write_results("compare", figures)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--align":
        _child_align(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "--relate":
        _child_relate(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "--scale" and sys.argv[3].endswith(".json"):
        _child_scale(*sys.argv[2:])
    else:
        main()
