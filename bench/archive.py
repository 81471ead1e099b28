"""Two real archives indexed together as a new user would, with the metadata their exports give: what is
lost and what the facets list.

Data: ../shared/data/local_dev/documents.jsonl (137 documents; its export gives doc_type, number, date,
issuer as printed, partial dates for drafts) and ../shared/data/gazette_dev/documents.jsonl (201 gazette
texts), their folders indexed into one tantivy index by `build_index`, in a child process measured from outside (CPU
of its worker processes included).

Figures: documents lost per file (records minus documents indexed), records skipped and fields left out
(with the reasons), and the issuer and doc_type values the index holds (the engine's terms, what the
facets count), grouped by a key that folds case, tone marks, punctuation and abbreviations
(bench/common/extraction_truth.key: kept apart from the extractor's tables): a group of several values is
one body (or type) listed twice.

Usage: python bench/archive.py [--keep DIR]     (a temporary folder by default)
Printed, and written to bench/results/archive.json.
"""

import argparse
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, ROOT, jsonl_lines, write_results
from common.extraction_truth import key
from common.measure import PYTHON, run_measured

from indexer import open_index

FILES = (LOCAL_DEV_RECORDS, GAZETTE_RECORDS)
PART = re.compile(r"~\d+$")  # a long document indexed in parts: `source#id~2` is the same document
BUILD = ("import json, sys; from pathlib import Path; from indexer import build_index; "
         "r = build_index([Path(p) for p in sys.argv[3:]], Path(sys.argv[1]), engine='tantivy'); "
         "Path(sys.argv[2]).write_text(json.dumps(r.as_dict(), ensure_ascii=False), encoding='utf-8')")


def build(index_dir: Path) -> tuple[dict, dict]:
    """Index the two sets' folders (export and README each) in a measured child process: (the build report,
    what it cost)."""
    report_file = index_dir.parent / f"{index_dir.name}-report.json"
    run = run_measured([PYTHON, "-c", BUILD, str(index_dir), str(report_file), *(str(f.parent) for f in FILES)],
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    if run.returncode:
        raise SystemExit(f"build failed ({run.returncode}):\n{run.stderr}")
    cost = {"wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1), "peak_mb": round(run.peak_rss_mb)}
    return json.loads(report_file.read_text(encoding="utf-8")), cost


def duplicates(values: dict[str, int]) -> list[dict]:
    """Values that one key shares: one body or type listed under several spellings."""
    groups = defaultdict(dict)
    for value, count in values.items():
        if value:
            groups[key(value)][value] = count
    return [{"key": k, "values": v} for k, v in sorted(groups.items()) if len(v) > 1]


def figures(index_dir: Path, report: dict, cost: dict) -> dict:
    with open_index(index_dir).searcher() as searcher:
        ids = [term for term, _ in searcher.terms("id") if not PART.search(term)]
        facets = {name: dict(searcher.terms(name)) for name in ("issuer", "doc_type")}
    lost = {}
    for records in FILES:
        source = f"{records.parent.name}/{records.name}"
        indexed = sum(1 for i in ids if i.startswith(source + "#"))
        lost[records.parent.name] = {"records": len(jsonl_lines(records)), "indexed": indexed,
                                     "lost": len(jsonl_lines(records)) - indexed}
    out = {"build": cost, "documents": lost, "skipped": [f"{s['source']}: {s['reason']}" for s in report["skipped"]],
           "field_warnings": [f"{s['source']}: {s['reason']}" for s in report.get("field_warnings", [])]}
    for name, values in facets.items():
        dups = duplicates(values)
        out[name] = {"values": len([v for v in values if v]), "duplicated_keys": len(dups), "duplicates": dups}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="local_dev and gazette_dev indexed together: losses, facets.")
    parser.add_argument("--keep", type=Path, help="index into this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-archive-") as tmp:
        root = args.keep.expanduser().resolve() if args.keep else Path(tmp)
        index_dir = root / "index"
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        report, cost = build(index_dir)
        write_results("archive", figures(index_dir, report, cost))


if __name__ == "__main__":
    main()
