"""Reading and extraction alone: CPU per MB of text on gazette_dev and local_dev, and every extracted value
kept, so a faster extraction can be checked to give the same output.

Each record of both JSON Lines exports goes the way a build takes it: checked (`Records`), then
`record_document` (normalized, mojibake refused, `extract_one`, the record's own fields put in place). The
same text is also read as a file of text would be (`documents_of_text`: split into its documents, each
extracted with the rest of the file as context), since the folder build takes that path. Every
DocumentMetadata (all fields: citations, changes, effect) is kept as its repr, with each citation's passage
(the sentence the graph shows) and a digest of the document's text.

Usage: python bench/extract_speed.py [gazette_dev] [local_dev] [--save REF.pkl] [--compare REF.pkl] [--profile OUT.prof]
                                    [--repeat N]
  --save     writes the values to REF.pkl (keep it outside the repository)
  --compare  says which documents of the sets measured differ from REF.pkl and how (exit 1 when any does)
  --profile  runs the whole under cProfile and writes its statistics to OUT.prof
  --repeat   runs each set N times and keeps the least CPU (on a shared machine, the least disturbed run)
"""

import argparse
import cProfile
import hashlib
import pickle
import sys
import time
from pathlib import Path

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, jsonl_lines, write_results

from indexer.extract.corpus import Document, documents_of_text, record_document
from indexer.sources.jsonl import Records
from indexer.vocab.passages import passage

SETS = {"gazette_dev": GAZETTE_RECORDS, "local_dev": LOCAL_DEV_RECORDS}


def _record_values(path: Path) -> tuple[dict, dict]:
    """What `record_document` makes of each record, by `file:line`, and its CPU with the text's size."""
    values, cpu, size, records = {}, 0.0, 0, Records()
    for line_no, line in enumerate(jsonl_lines(path), start=1):
        start = time.process_time()
        checked = records.check(line, line_no)
        found = record_document(path.name, *checked[:4]) if len(checked) > 2 else None
        cpu += time.process_time() - start
        if isinstance(found, Document):
            size += len(found.text.encode("utf-8"))
            values[f"{path.parent.name}:{line_no}"] = _kept(found)
        else:
            values[f"{path.parent.name}:{line_no}"] = repr(found or checked)
    return values, {"cpu_s": round(cpu, 2), "megabytes": round(size / 1e6, 2)}


def _kept(doc: Document) -> str:
    """A document's values as text: its metadata, its text's digest and each citation's passage (what the
    graph keeps of it)."""
    passages = [passage(doc.text, c.start, c.end) for c in doc.meta.citations]
    return repr((doc.meta, hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(), passages))


def _file_values(path: Path) -> tuple[dict, dict]:
    """What `documents_of_text` makes of each record's text read as a file (documents split), and its CPU."""
    values, cpu, size = {}, 0.0, 0
    for line_no, record in enumerate(map(Records().check, jsonl_lines(path), range(1, 10**9)), start=1):
        if len(record) == 2:
            continue
        text = record[2]
        start = time.process_time()
        docs = documents_of_text(text, f"{line_no}.txt")
        cpu += time.process_time() - start
        size += len(text.encode("utf-8"))
        values[f"{path.parent.name}:{line_no}"] = repr([_kept(d) for d in docs])
    return values, {"cpu_s": round(cpu, 2), "megabytes": round(size / 1e6, 2)}


def _least(measured, path: Path, repeat: int) -> tuple[dict, dict]:
    """The values of one run, with the least CPU of `repeat` runs (the machine is shared: the least is the
    one least disturbed)."""
    runs = [measured(path) for _ in range(repeat)]
    return runs[0][0], min((figures for _, figures in runs), key=lambda f: f["cpu_s"])


def measure(repeat: int = 1, names=tuple(SETS)) -> tuple[dict, dict]:
    """Figures and values of the sets, both ways."""
    figures, values = {}, {}
    for name, path in ((n, SETS[n]) for n in names):
        records, record_cpu = _least(_record_values, path, repeat)
        files, file_cpu = _least(_file_values, path, repeat)
        values |= {f"record {k}": v for k, v in records.items()} | {f"file {k}": v for k, v in files.items()}
        figures[name] = {
            "records": len(records), "record_document": record_cpu, "documents_of_text": file_cpu,
            "record_cpu_s_per_mb": round(record_cpu["cpu_s"] / record_cpu["megabytes"], 3),
            "file_cpu_s_per_mb": round(file_cpu["cpu_s"] / file_cpu["megabytes"], 3)}
    return figures, values


def differences(reference: dict, values: dict) -> list[str]:
    """Each document whose values differ from the reference's, with where its repr first parts."""
    out = [f"{key}: missing" for key in reference.keys() - values.keys()]
    out += [f"{key}: new" for key in values.keys() - reference.keys()]
    for key in sorted(reference.keys() & values.keys()):
        old, new = reference[key], values[key]
        if old != new:
            at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            around = slice(max(0, at - 80), at + 120)
            out.append(f"{key}: at {at}: was ...{old[around]!r}\n    now ...{new[around]!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the least CPU is kept")
    parser.add_argument("sets", nargs="*", help=f"of {', '.join(SETS)} (both by default)")
    args = parser.parse_args()
    args.sets = args.sets or list(SETS)
    if set(args.sets) - set(SETS):
        parser.error(f"sets are {', '.join(SETS)}")
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    figures, values = measure(args.repeat, args.sets)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    if args.save:
        args.save.write_bytes(pickle.dumps(values))
    reference = pickle.loads(args.compare.read_bytes()) if args.compare else {}
    reference = {k: v for k, v in reference.items() if k.split(" ", 1)[1].split(":")[0] in args.sets}
    found = differences(reference, values) if args.compare else []
    if args.compare:
        figures["compared_with"] = {"reference": str(args.compare), "documents": len(values), "differing": len(found)}
    write_results("extract_speed", figures)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
