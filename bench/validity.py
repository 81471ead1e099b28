"""Is it still in force: effective dates, relations of change and status, on a hand-checked sample.

Data: ../shared/data/gazette_dev and ../shared/data/local_dev. The sample (random.Random(25): 40 gazette
texts, 30 local documents) was read by hand: bench/common/validity_truth.json holds, per document, the
day it takes effect, the end it sets, and every change its own clauses make ([kind, ref]).

Measured:
- effective date exactly right, over the texts that state one (and over those whose header date was read,
  since `kể từ ngày ký` is dated from it); expires exactly right;
- relations of change, precision and recall per kind (amends, replaces, repeals, repeals_part,
  consolidates) and for whole repeals and replacements together, a relation being (document, kind, ref);
- status: both sets built into one corpus as the index's build does (extraction, links, the citation
  graph, indexer.graph.validity), then the status of every corpus document on `--day`: each one marked
  `repealed` is listed with its evidence and checked against the hand-confirmed list (a false
  "hết hiệu lực" is the error that matters most).

Usage: python bench/validity.py [--day 2026-12-06]
Figures printed and written to bench/results/validity.json; CPU time beside wall time.
"""

import argparse
import json
import random
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, read_jsonl, write_results

from indexer.extract.metadata import extract
from indexer.graph.links import document_links
from indexer.graph.model import build_graph
from indexer.graph.validity import derive_validity
from indexer.vocab.refs import ref_key
from indexer.vocab.validity import STATUSES, status_on

TRUTH = Path(__file__).resolve().parent / "common" / "validity_truth.json"
SETS = {"gazette_dev": (GAZETTE_RECORDS, 40), "local_dev": (LOCAL_DEV_RECORDS, 30)}
KINDS = ("amends", "replaces", "repeals", "repeals_part", "consolidates")
DEFAULT_DAY = "2026-12-06"  # the day the truth's statuses were checked: a fixed day keeps runs comparable


def extracted(records: list[dict]) -> dict[str, tuple]:
    """`id#part` -> (DocumentMetadata, the record's text) of every document of the records."""
    return {f"{r['id']}#{m.part}": (m, r["text"]) for r in records for m in extract(r["text"])}


def _relations(changes) -> set[tuple[str, str]]:
    return {(kind, ref_key(ref)) for kind, ref in changes}


def prf(found: int, expected: int, right: int) -> dict:
    """Precision, recall and the counts behind them."""
    return {"precision": round(right / found, 3) if found else None,
            "recall": round(right / expected, 3) if expected else None,
            "found": found, "expected": expected, "right": right}


def score_sample(truth: dict, metas: dict) -> dict:
    """Effective and expiry days, and relations per kind, against the hand-read truth."""
    effective = {"stated": 0, "right": 0, "header_read": 0, "right_header_read": 0, "wrong": []}
    expires_right = expires_stated = 0
    counts = {k: Counter() for k in (*KINDS, "whole")}
    misses, extra = [], []
    for key, expected in truth.items():
        meta = metas[key][0]
        if expected["effective"]:
            effective["stated"] += 1
            right = meta.effect.effective == expected["effective"]
            effective["right"] += right
            if meta.date:  # what `kể từ ngày ký` is dated from
                effective["header_read"] += 1
                effective["right_header_read"] += right
            if not right:
                effective["wrong"].append([key, expected["effective"], meta.effect.effective])
        if expected["expires"]:
            expires_stated += 1
            expires_right += meta.effect.expires == expected["expires"]
        want = _relations(expected["changes"])
        got = _relations([(c.kind, c.ref) for c in meta.changes])
        for kind in KINDS:
            w, g = {r for r in want if r[0] == kind}, {r for r in got if r[0] == kind}
            counts[kind].update(found=len(g), expected=len(w), right=len(w & g))
        whole = ("repeals", "replaces")
        w = {r[1] for r in want if r[0] in whole}
        g = {r[1] for r in got if r[0] in whole}
        counts["whole"].update(found=len(g), expected=len(w), right=len(w & g))
        misses += [[key, *r] for r in sorted(want - got)]
        extra += [[key, *r] for r in sorted(got - want)]
    return {"effective": {**effective, "share_right": _share(effective["right"], effective["stated"]),
                          "share_right_header_read": _share(effective["right_header_read"],
                                                            effective["header_read"])},
            "expires": {"stated": expires_stated, "right": expires_right},
            "relations": {k: prf(c["found"], c["expected"], c["right"]) for k, c in counts.items()},
            "missed": misses, "extra": extra}


def _share(right: int, total: int) -> float | None:
    return round(right / total, 3) if total else None


def corpus_status(metas: dict, day: str) -> dict:
    """Every corpus document's status on `day`, as the build derives it from the whole corpus."""
    links = {key: document_links(key, key.split("#")[0], text, json.loads(json.dumps(asdict(meta), ensure_ascii=False)))
             for key, (meta, text) in metas.items()}
    graph = build_graph([links[k] for k in sorted(links)])
    records = derive_validity(links, graph)
    statuses = {key: status_on(records.get(key), day) for key in metas}
    cited = Counter(status_on(r, day).status for node, r in records.items() if node.startswith("ref:"))
    return {"statuses": statuses, "cited": cited}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", default=DEFAULT_DAY, help="the day statuses are read for (YYYY-MM-DD)")
    args = parser.parse_args()
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    wall, cpu = time.perf_counter(), time.process_time()
    metas, sample = {}, {}
    for name, (path, size) in SETS.items():
        records = read_jsonl(path)
        chosen = {r["id"] for r in random.Random(truth["seed"]).sample(records, size)}
        found = extracted(records)
        metas.update({f"{name}:{k}": m for k, m in found.items()})
        sample[name] = score_sample(truth[name], {k: m for k, m in found.items() if k.split("#")[0] in chosen})
    extract_wall, extract_cpu = time.perf_counter() - wall, time.process_time() - cpu
    status = corpus_status(metas, args.day)
    repealed = {k: s for k, s in status["statuses"].items() if s.status == "repealed"}
    confirmed = set(truth["repealed_in_corpus"])
    figures = {
        "day": args.day, "documents": len(metas),
        "sample": sample,
        "status": {"corpus": dict(Counter(s.status for s in status["statuses"].values()).most_common()),
                   "cited_texts": dict(status["cited"].most_common()),
                   "repealed": [{"document": k, "evidence": list(s.evidence), "confirmed": k in confirmed}
                                for k, s in sorted(repealed.items())],
                   "wrong_repealed": sorted(set(repealed) - confirmed)},
        "statuses_known": list(STATUSES),
        "seconds": {"wall": round(time.perf_counter() - wall, 1), "cpu": round(time.process_time() - cpu, 1),
                    "extraction_wall": round(extract_wall, 1), "extraction_cpu": round(extract_cpu, 1)},
    }
    write_results("validity", figures)


if __name__ == "__main__":
    main()
