"""Scanned documents: type, number, date and issuer read from real image PDFs, per field right / left out /
wrong, per source of the value, and the CPU per scanned page beside today's.

Data: ../shared/data/scans_dev/ (12 scans with their original file names; headers read by eye in
gold.jsonl). Each file is read as the build reads it (`indexer.extract.corpus.read_file`: the reader with
OCR, then extraction with the file's name and the scan's header read apart). How values are compared:
bench/common/extraction_truth.py; a date of which only the year (and month) is given counts as left out when
it is the truth's beginning, else wrong.

Today's CPU per page is measured in the same run: the same files read by another checkout (by default
the main worktree beside this one, `../main`) in a child process, over the pages it OCR'd.

Usage: python bench/scans.py [--today PATH_TO_CHECKOUT | --no-today]
The summary is printed; the figures and every value go to bench/results/scans.json.
"""

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import DATA, RESULTS, ROOT
from common.extraction_truth import expected_issuer, same_body, same_number, same_type

from indexer.extract.corpus import Document, SourceFile, read_file

SCANS = DATA / "scans_dev"
FIELDS = ("type", "number", "date", "issuer")
TARGETS = {"type": (0.95, None), "number": (0.75, 0.05), "date": (0.80, 0.05), "issuer": (0.90, None)}
CPU_TARGET = 1.5  # CPU per scanned page at most this many times today's

# Today's reading, run by another checkout in a child process: the CPU it spends on the files, and the
# pages it OCR'd (a page whose text layer holds fewer than 20 characters, as its reader decided).
TODAY = """
import json, resource, sys
from pathlib import Path
import pypdfium2 as pdfium
from indexer.readers import read_text
def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
pages = cpu_spent = 0
for name in sys.argv[1:]:
    pdf = pdfium.PdfDocument(name)
    scanned = sum(1 for i in range(len(pdf)) if len(pdf[i].get_textpage().get_text_range().strip()) < 20)
    pdf.close()
    start = cpu()
    result = read_text(Path(name))
    cpu_spent += cpu() - start
    pages += scanned if result.ocr else 0
print(json.dumps({"cpu_seconds": cpu_spent, "pages": pages}))
"""


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract runs as a child)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def read_gold() -> list[dict]:
    with (SCANS / "gold.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_scans(gold: list[dict]) -> list[dict]:
    """Each gold file read as the build reads it: its first document, the CPU it cost, its pages OCR'd."""
    rows = []
    for record in gold:
        path = SCANS / record["file"]
        start = cpu_seconds()
        items = list(read_file(SourceFile(path, record["file"])))
        spent = cpu_seconds() - start
        documents = [d for d in items if isinstance(d, Document)]
        meta = documents[0].meta if documents else None
        rows.append({"record": record, "meta": meta, "cpu": spent, "pages": len(meta.ocr_pages) if meta else 0,
                     "skipped": [i.reason for i in items if not isinstance(i, Document)]})
    return rows


def got(meta, field: str):
    """The value extraction gives a field; a partial date when there is no whole one."""
    if meta is None:
        return None
    return {"type": meta.doc_type, "number": meta.number, "issuer": meta.issuer,
            "date": meta.date or meta.partial_date}[field]


def verdict(record: dict, meta, field: str) -> str:
    """right, left out, wrong (a value where the truth has another), extra (a value where it has none), none."""
    truth, value = {"type": record["doc_type"], "number": record["number"], "date": record["date"],
                    "issuer": record["issuer"]}[field], got(meta, field)
    if field == "date" and meta is not None and not meta.date and value and truth and truth.startswith(value):
        return "left out"  # the printed year (and month) given, the unreadable day left out
    if truth is None:
        return "extra" if value else "none"
    if value is None:
        return "left out"
    same = {"type": lambda: same_type(truth, value), "number": lambda: same_number(truth, value),
            "date": lambda: truth == value, "issuer": lambda: same_body(expected_issuer(truth)[0], value)}[field]()
    return "right" if same else "wrong"


def source_of(meta, field: str) -> str:
    """Where a value came from: the page's own line, or a source `scanned` names (filename, signature, ...)."""
    if meta is None or got(meta, field) is None:
        return "-"
    return dict(meta.sources).get(field, "page")


def field_figures(rows: list[dict]) -> dict:
    """Per field, over the files whose truth has a value (n): the share right, wrong and left out; values
    given where the truth has none; and right / wrong per source of the value."""
    out = {}
    for field in FIELDS:
        verdicts = [(verdict(r["record"], r["meta"], field), source_of(r["meta"], field)) for r in rows]
        counts = Counter(v for v, _ in verdicts)
        n = counts["right"] + counts["wrong"] + counts["left out"]
        by_source = defaultdict(Counter)
        for v, source in verdicts:
            if source != "-":  # a value was given (a partial date counts as left out)
                by_source[source][v] += 1
        out[field] = {"n": n, "right": round(counts["right"] / n, 3) if n else None,
                      "wrong": round(counts["wrong"] / n, 3) if n else None,
                      "left_out": round(counts["left out"] / n, 3) if n else None,
                      "given_without_truth": counts["extra"],
                      "by_source": {s: dict(c) for s, c in sorted(by_source.items())}}
    return out


def signing_figures(rows: list[dict]) -> dict:
    """The issuer's signing day (`signed_on`, source `signature`): how often it is given, and how often it
    is the box's day (gold `signature_time`) and the printed date."""
    given = [(r["record"], r["meta"].signed_on) for r in rows if r["meta"] and r["meta"].signed_on]
    return {"given": len(given), "boxes_in_gold": sum(1 for r in rows if r["record"]["signature_time"]),
            "same_as_box": sum(1 for rec, day in given if (rec["signature_time"] or "")[:10] == day),
            "same_as_date": sum(1 for rec, day in given if rec["date"] == day)}


def today_cpu(checkout: Path, files: list[Path]) -> dict | None:
    """Today's CPU per OCR'd page, measured by running another checkout's reader on the same files."""
    if not (checkout / "indexer" / "readers" / "pdf.py").exists():
        return None
    done = subprocess.run([sys.executable, "-c", TODAY, *map(str, files)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"}, cwd=checkout, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"checkout": str(checkout), "cpu_seconds": round(figures["cpu_seconds"], 2), "pages": figures["pages"],
            "cpu_per_page": round(figures["cpu_seconds"] / max(1, figures["pages"]), 3)}


def per_file(rows: list[dict]) -> list[dict]:
    return [{"file": r["record"]["file"], "cpu": round(r["cpu"], 2), "pages": r["pages"],
             **{f: {"got": got(r["meta"], f), "truth": r["record"][{"type": "doc_type"}.get(f, f)],
                    "verdict": verdict(r["record"], r["meta"], f), "source": source_of(r["meta"], f)}
                for f in FIELDS},
             "uncertain": list(r["meta"].uncertain) if r["meta"] else None,
             "partial_number": r["meta"].partial_number if r["meta"] else None,
             "signed_on": r["meta"].signed_on if r["meta"] else None,
             "ocr_pages": r["meta"].ocr_pages if r["meta"] else None, "skipped": r["skipped"]} for r in rows]


def summary_lines(figures: dict) -> list[str]:
    lines = [f"scans_dev: {figures['files']} files, {figures['pages']} pages OCR'd, CPU {figures['cpu_seconds']} s "
             f"({figures['cpu_per_page']} s a page), wall {figures['wall_seconds']} s"]
    today = figures.get("today")
    if today:
        lines.append(f"  today ({today['checkout']}): CPU {today['cpu_seconds']} s over {today['pages']} pages OCR'd "
                     f"({today['cpu_per_page']} s a page): {figures['cpu_ratio']}x (target <= {CPU_TARGET}x)")
    for field, stats in figures["fields"].items():
        right, wrong = TARGETS[field]
        target = f"target right >= {right}" + (f", wrong <= {wrong}" if wrong is not None else "")
        sources = "; ".join(f"{s}: " + ", ".join(f"{k} {v}" for k, v in c.items())
                            for s, c in stats["by_source"].items())
        lines.append(f"  {field:<7} right {stats['right']}  wrong {stats['wrong']}  left out {stats['left_out']} "
                     f"(n {stats['n']}, +{stats['given_without_truth']} without truth; {target})  [{sources}]")
    signed = figures["signed_on"]
    lines.append(f"  signed_on (source signature, kept apart from the date): given {signed['given']} of "
                 f"{signed['boxes_in_gold']} boxes, the box's day {signed['same_as_box']}, the printed date "
                 f"{signed['same_as_date']}")
    return lines


def run(checkout: Path | None) -> dict:
    gold = read_gold()
    wall = time.perf_counter()
    rows = read_scans(gold)
    wall = time.perf_counter() - wall
    cpu, pages = sum(r["cpu"] for r in rows), sum(r["pages"] for r in rows)
    figures = {"files": len(rows), "pages": pages, "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
               "cpu_per_page": round(cpu / max(1, pages), 3), "fields": field_figures(rows),
               "signed_on": signing_figures(rows), "per_file": per_file(rows)}
    if checkout is not None:
        figures["today"] = today_cpu(checkout, [SCANS / r["file"] for r in gold])
        if figures["today"]:
            figures["cpu_ratio"] = round(figures["cpu_per_page"] / figures["today"]["cpu_per_page"], 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--today", type=Path, default=ROOT.parent / "main",
                        help="a checkout of today's code to measure its CPU per page (default: ../main)")
    parser.add_argument("--no-today", action="store_true", help="do not measure today's CPU")
    args = parser.parse_args()
    figures = run(None if args.no_today else args.today)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scans.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2, default=list),
                                        encoding="utf-8")
    print("\n".join(summary_lines(figures)))
    for row in figures["per_file"]:
        cells = [f"{f}={row[f]['verdict']}:{row[f]['got']}" + (f"({row[f]['source']})" if row[f]['source'] not in
                 ("page", "-") else "") for f in FIELDS]
        print(f"  {row['file'][:42]:<42} " + "  ".join(cells))
    print(f"written to {RESULTS}/scans.json", file=sys.stderr)


if __name__ == "__main__":
    main()
