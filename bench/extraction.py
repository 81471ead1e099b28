"""Extraction on real documents, per set and per layout: type, number, date, issuer (and its parent),
title and signer where there is truth, citations, and CPU time beside wall time.

Data: ../shared/data/gazette_dev/documents.jsonl (201 gazette texts, truth: type and number from the
gazette's address) and ../shared/data/local_dev/documents.jsonl (137 documents in 7 layout families,
headers read by hand). How values are compared: bench/common/extraction_truth.py.

Usage: python bench/extraction.py [gazette_dev] [local_dev]     (both sets by default)
The summary is printed; the figures and every failure go to bench/results/extraction.json, the failures
also one per line to bench/results/extraction_failures.tsv.
"""

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, RESULTS, read_jsonl
from common.extraction_truth import (
    UNKNOWN,
    canonical_problems,
    expected_issuer,
    expected_number,
    expected_province,
    gazette_issuer,
    number_key,
    same_body,
    same_number,
    same_type,
)

from analyzers.normalize import fold, normalize_text
from indexer.extract.metadata import extract, extract_one

SETS = {"gazette_dev": GAZETTE_RECORDS, "local_dev": LOCAL_DEV_RECORDS}
GAZETTE_LAYOUT = "gazette-pdf-text"
CENTRAL_LEVELS = ("central", "party-central")  # local_dev's `level`; a gazette text is central
FIELDS = ["type", "number", "date", "issuer", "parent", "province"]
SAMPLE = 30


def gazette_checks(record: dict) -> dict:
    """What gazette_dev's truth lets us check: type, number (folded, as the URL keeps it), issuer by code."""
    truth = record["truth"]
    body = gazette_issuer(truth["number"])
    return {
        "type": (truth["doc_type"], lambda m: fold(m.doc_type or "").lower() == fold(truth["doc_type"]).lower()),
        "number": (truth["number"], lambda m: number_key(m.number) == number_key(truth["number"])),
        **({"issuer": (body, lambda m: m.issuer == body)} if body else {}),
    }


def local_checks(record: dict) -> dict:
    """What local_dev's hand-read headers let us check: type, number, date, issuer and its parent."""
    issuer, parent = expected_issuer(record["issuer"])
    number = expected_number(record["number"])
    province = expected_province(record)
    return {
        "type": (record["doc_type"], lambda m: same_type(record["doc_type"], m.doc_type)),
        "number": (number, lambda m: same_number(number, m.number)),
        "date": (record["date"], lambda m: (m.date or m.partial_date) == record["date"]),
        "issuer": (issuer, lambda m: same_body(issuer, m.issuer)),
        "parent": (parent, lambda m: same_body(parent, m.parent_issuer)),
        **({"province": (province, lambda m: m.province == province)} if province != UNKNOWN else {}),
    }


def got_value(meta, field: str):
    return {"type": meta.doc_type, "number": meta.number, "issuer": meta.issuer, "parent": meta.parent_issuer,
            "date": meta.date or meta.partial_date, "province": meta.province}[field]


def run_set(name: str, records: list[dict]) -> dict:
    """Extract every record of a set; each field's checks, per layout."""
    rows, cpu, wall = [], 0.0, time.perf_counter()
    for record in records:
        if record.get("no_text_layer"):
            continue
        text = normalize_text(record["text"])
        start = time.process_time()
        meta, parts = extract_one(text), len(extract(text))
        cpu += time.process_time() - start
        checks = gazette_checks(record) if name == "gazette_dev" else local_checks(record)
        rows.append({"record": record, "meta": meta, "parts": parts, "checks": checks,
                     "layout": record.get("layout", GAZETTE_LAYOUT)})
    wall = time.perf_counter() - wall
    return {"rows": rows, "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
            "skipped_no_text_layer": len(records) - len(rows)}


def _partial(row: dict, field: str) -> bool:
    """A date of which only the part that could be read was given (`2024-12` for `2024-12-31`), the rest
    left out: not a wrong value."""
    meta, truth = row["meta"], row["checks"][field][0]
    return (field == "date" and not meta.date and bool(meta.partial_date) and truth != meta.partial_date
            and truth.startswith(meta.partial_date))


def field_figures(rows: list[dict]) -> dict:
    """Per field, where the truth has a value (n): the share right, how many wrong values were given and
    how many were left out (of them, marked uncertain; a date's readable part given counts as left out);
    and values found where the truth has none."""
    out = {}
    fields = sorted({f for r in rows for f in r["checks"]}, key=FIELDS.index)
    for field in fields:
        with_truth = [r for r in rows if field in r["checks"] and r["checks"][field][0] is not None]
        without = [r for r in rows if field in r["checks"] and r["checks"][field][0] is None]
        right = [r for r in with_truth if r["checks"][field][1](r["meta"])]
        missing = [r for r in with_truth if got_value(r["meta"], field) is None or _partial(r, field)]
        out[field] = {"right": round(len(right) / len(with_truth), 3) if with_truth else None, "n": len(with_truth),
                      "wrong": len(with_truth) - len(right) - len(missing), "missing": len(missing),
                      "missing_marked_uncertain": sum(1 for r in missing if field in r["meta"].uncertain),
                      "found_without_truth": sum(1 for r in without if got_value(r["meta"], field) is not None)}
    for name in ("date", "issuer", "title", "signer"):
        out[f"with_{name}"] = round(sum(1 for r in rows if getattr(r["meta"], name)) / max(1, len(rows)), 3)
    return out


def failures(name: str, rows: list[dict]) -> list[dict]:
    found = []
    for r in rows:
        for field, (expected, check) in r["checks"].items():
            got = got_value(r["meta"], field)
            if not check(r["meta"]) and not (expected is None and got is None):
                found.append({"set": name, "id": r["record"]["id"], "layout": r["layout"], "field": field,
                              "expected": r["record"].get(field if field != "parent" else "issuer", expected)
                              if name == "local_dev" else expected, "got": got})
    return found


def set_figures(name: str, result: dict) -> dict:
    rows = result["rows"]
    by_layout = defaultdict(list)
    for r in rows:
        by_layout[r["layout"]].append(r)
    issuers = [r["meta"].issuer for r in rows if r["meta"].issuer]
    citations = [(r["record"]["id"], c) for r in rows for c in r["meta"].citations]
    sample = random.Random(8).sample(citations, min(SAMPLE, len(citations)))
    return {
        "documents": len(rows), "skipped_no_text_layer": result["skipped_no_text_layer"],
        "cpu_seconds": result["cpu_seconds"], "wall_seconds": result["wall_seconds"],
        "all": field_figures(rows),
        "by_layout": {layout: {"documents": len(rs), **field_figures(rs)} for layout, rs in sorted(by_layout.items())},
        "issuer_values": dict(Counter(issuers).most_common()),
        "issuer_not_canonical": canonical_problems(issuers),
        "province_on_central_documents": sum(1 for r in rows if r["meta"].province
                                             and r["record"].get("level", "central") in CENTRAL_LEVELS),
        "province_missing_on_local_documents": sum(1 for r in rows if not r["meta"].province
                                                   and r["record"].get("level", "central") not in CENTRAL_LEVELS),
        "split_into_several": sum(1 for r in rows if r["parts"] > 1),
        "citations": len(citations),
        "citations_by_type": dict(Counter(c.doc_type for _, c in citations).most_common()),
        "citation_sample": [f"{doc} | {c.ref} | {c.text}" for doc, c in sample],
    }


def _cell(field: str, stats: dict) -> str:
    """`number 0.95 (30)`, with `wrong 2` and `left out 3` when there are, and `+2` for values found
    where the truth has none (a draft's blank number read as one)."""
    extra = "".join(f" {label} {stats[key]}" for key, label in (("wrong", "wrong"), ("missing", "left out"))
                    if stats[key] and stats["right"] < 0.98)
    extra += f" +{stats['found_without_truth']}" if stats["found_without_truth"] else ""
    return f"{field} {stats['right']} ({stats['n']}{extra})"


def summary_lines(figures: dict) -> list[str]:
    """One line per set and per layout: each field's share right (n with truth)."""
    lines = []
    for name, fig in figures["sets"].items():
        lines.append(f"{name}: {fig['documents']} documents, CPU {fig['cpu_seconds']} s, wall {fig['wall_seconds']} s,"
                     f" issuer values not canonical: {len(fig['issuer_not_canonical'])}")
        for layout, stats in [("ALL", fig["all"])] + list(fig["by_layout"].items()):
            cells = [_cell(f, s) for f, s in stats.items() if isinstance(s, dict) and s["n"]]
            cells += [f"title {stats['with_title']}", f"signer {stats['with_signer']}"]
            lines.append(f"  {layout:<30} " + "  ".join(cells))
    return lines


def run(names: list[str]) -> dict:
    figures, all_failures = {"sets": {}}, []
    for name, path in SETS.items():
        if names and name not in names:
            continue
        result = run_set(name, read_jsonl(path))
        figures["sets"][name] = set_figures(name, result)
        all_failures += failures(name, result["rows"])
    figures["failures"] = all_failures
    return figures


def write(figures: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "extraction.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    columns = ("set", "id", "layout", "field", "expected", "got")
    rows = ["\t".join(columns)] + ["\t".join(str(f[k]) for k in columns) for f in figures["failures"]]
    (RESULTS / "extraction_failures.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(summary_lines(figures)))
    print(f"{len(figures['failures'])} failures; written to {RESULTS}/extraction.json and extraction_failures.tsv",
          file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description="Extraction on real documents, per set and per layout.")
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"{' or '.join(SETS)} (default: both)")
    names = parser.parse_args().sets
    if set(names) - set(SETS):
        parser.error(f"unknown set {sorted(set(names) - set(SETS))[0]!r}: choose from {', '.join(SETS)}")
    write(run(names))


if __name__ == "__main__":
    main()
