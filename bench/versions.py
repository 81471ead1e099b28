"""Two versions of the code, each on its own index of the same corpus, measured in turn: the query kinds of
`scale.py`, the document record of the longest documents, and (`--html`) their page through the app.

On a machine shared with other work, one run of `scale.py` before a change and one after differ by more
than what the change does (the same code measured twice moved p95s by 10-30%); here each round runs the
two versions one after the other, in fresh processes, in alternating order, and the samples of all rounds
are pooled, so a load that comes and goes weighs on both alike; beside the pooled figures, the median of
each round's own ratio (paired_ratios). CPU time, wall beside it.

Usage: python bench/versions.py --base CHECKOUT --base-index DIR --index DIR [--rounds 10] [--repeats 3] [--html]
(the base checkout, e.g. `git worktree add /tmp/base main`, with its own index built by its own code:
`cd /tmp/base && python -m vanban index ../shared/data/gazette_dev vanban/corpus --index DIR --engine tantivy`)
"""

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMON = ["tuyên truyền", "cán bộ", "nhiệm vụ", "tổ chức", "bảo hiểm"]
MULTI = ["không gian mạng", "phòng chống tham nhũng", "nền tảng tư tưởng", "xử phạt hành chính", "chuyển đổi số"]


def measure(index: str, repeats: int, html: bool) -> dict:
    """In the checkout on the path: each query kind's CPU and wall seconds, `repeats` times over."""
    from analyzers.normalize import fold
    from indexer import get_document, open_index, search
    from indexer.engines import Every

    ix = open_index(index)
    numbers = [h.number for h in search(ix, "", sort="date_asc", page_size=50).hits if h.number][:5]
    cites = {f.name: f for f in search(ix, "").facets}["cites"].results
    refs = ["35-NQ/TW"] + [v.value for v in cites[:1]]
    kinds = {"common_word": [(w, {}, "relevance") for w in COMMON],
             "two_three_words": [(w, {}, "relevance") for w in MULTI],
             "quoted_phrase": [(f'"{w}"', {}, "relevance") for w in MULTI],
             "unaccented": [(fold(w), {}, "relevance") for w in MULTI],
             "document_number": [(n, {}, "relevance") for n in numbers],
             "facet_filter": [(w, {"doc_type": "Kế hoạch"}, "relevance") for w in MULTI],
             "empty_with_filter": [("", {"year": str(y)}, "relevance") for y in (2017, 2019, 2021, 2023)],
             "date_sort": [(w, {}, "date") for w in MULTI],
             "cites_filter": [("", {"cites": r}, "relevance") for r in refs]
             + [(w, {"cites": refs[0]}, "relevance") for w in COMMON[:2]]}
    with ix.searcher() as s:
        everything = s.search(Every(), limit=s.doc_count())
        sizes = sorted(((len(s.stored(k)["text"]), s.stored(k)["id"]) for k, _ in everything.hits), reverse=True)
    longest = [doc_id for _, doc_id in sizes[:3]]
    search(ix, "khởi động")
    calls = {kind: [lambda q=q: search(ix, q[0], q[1], sort=q[2]) for q in queries] for kind, queries in kinds.items()}
    calls["longest_record"] = [lambda d=d, q=q: get_document(ix, d, q) for d in longest for q in COMMON[:2]]
    if html:
        from urllib.parse import quote

        from webui.app import create_app
        client = create_app({"INDEX_DIR": index}).test_client()
        calls["longest_page_html"] = [lambda d=d: client.get("/doc/" + quote(d, safe="/")) for d in longest]
    out = {}
    for kind, todo in calls.items():
        # A full collection (10-13 ms of CPU over this process's objects) lands on whichever sample crosses the
        # collector's threshold: the first browsing search of one version, a word search of the other. Each
        # kind starts with none pending, so the two versions' samples do not differ by where it fell.
        gc.collect()
        cpu, wall = [], []
        for _ in range(repeats):
            for call in todo:
                w, c = time.perf_counter(), time.process_time()
                call()
                cpu.append(time.process_time() - c)
                wall.append(time.perf_counter() - w)
        out[kind] = (cpu, wall)
    return out


def run_round(checkout: Path, index: str, repeats: int, html: bool) -> dict:
    """One measuring process in a checkout (its code first on the path)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", index, "--repeats", str(repeats)]
    out = subprocess.run(command + (["--html"] if html else []), cwd=checkout, check=True, capture_output=True,
                         text=True, env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"}).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="the other checkout")
    parser.add_argument("--base-index", help="its index")
    parser.add_argument("--index", help="this checkout's index of the same corpus")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--html", action="store_true", help="the longest documents' pages through the app too")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.repeats, args.html)))
        return
    from common import ROOT, latency_summary, process_time_summary, write_results

    versions = {"base": (args.base, args.base_index), "this": (ROOT, args.index)}
    pooled: dict = {name: {} for name in versions}
    rounds: list[dict] = []  # each round's CPU samples, by version and kind
    for r in range(args.rounds):
        rounds.append({})
        for name in (list(versions) if r % 2 == 0 else list(reversed(versions))):
            measured = run_round(*versions[name], args.repeats, args.html)
            rounds[-1][name] = {kind: cpu for kind, (cpu, _) in measured.items()}
            for kind, (cpu, wall) in measured.items():
                samples = pooled[name].setdefault(kind, ([], []))
                samples[0].extend(cpu)
                samples[1].extend(wall)
    figures = {"rounds": args.rounds, "repeats": args.repeats, "base": str(args.base), "kinds": {}}
    for kind in pooled["base"]:
        base, this = (pooled[n][kind] for n in versions)
        row = {n: {**process_time_summary(cpu), **latency_summary(wall)} for n, (cpu, wall) in
               (("base", base), ("this", this))}
        row["cpu_p50_ratio"] = round(row["this"]["cpu_p50_ms"] / row["base"]["cpu_p50_ms"], 2)
        row["cpu_p95_ratio"] = round(row["this"]["cpu_p95_ms"] / row["base"]["cpu_p95_ms"], 2)
        row.update(paired_ratios(rounds, kind))
        figures["kinds"][kind] = row
    write_results("versions", figures)
    print(f"{'kind':18} {'cpu p50 base / this':>20} {'ratio':>6} {'cpu p95 base / this':>20} {'ratio':>6} "
          f"{'paired p50, p95':>16}")
    for kind, row in figures["kinds"].items():
        b, t = row["base"], row["this"]
        print(f"{kind:18} {b['cpu_p50_ms']:>9} / {t['cpu_p50_ms']:<8} {row['cpu_p50_ratio']:>6} "
              f"{b['cpu_p95_ms']:>9} / {t['cpu_p95_ms']:<8} {row['cpu_p95_ratio']:>6} "
              f"{row['paired_p50_ratio']:>8}, {row['paired_p95_ratio']}")


def paired_ratios(rounds: list[dict], kind: str) -> dict:
    """The median over rounds of this round's ratio (this / base) of each version's p50 and p95: the two
    processes of a round ran one after the other, so a load lasting minutes weighs on both; pooled samples
    let a few loaded processes set the p95 (the same two versions, run twice, moved pooled p95 ratios by
    0.2 either way on this shared machine)."""
    from common.measure import percentile

    out = {}
    for q in (50, 95):
        ratios = [percentile(r["this"][kind], q) / percentile(r["base"][kind], q) for r in rounds]
        out[f"paired_p{q}_ratio"] = round(statistics.median(ratios), 2)
    return out


if __name__ == "__main__":
    main()
