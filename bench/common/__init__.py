"""The code the benchmarks share; each script in bench/ imports it as `from common import ...`.

    data.py              where the data sets and the seeds are; the one JSON Lines reader
    measure.py           percentiles, wall beside CPU, child processes measured from outside
    serving.py           waitress on loopback as production runs it; page response times
    baseline.py          the bm25s baseline search() is measured beside
    figures.py           figures printed and written to bench/results/
    corpus_gen.py        generated corpora of any size, from real paragraphs (imported as a module)
    extraction_truth.py  how extraction's values are compared with the hand-read truth

Importing it puts the project's root on sys.path, so the scripts import analyzers, indexer and webui.
"""

import sys

from common.data import ROOT

sys.path.insert(0, str(ROOT))

from common.data import (
    ALQAC,
    DATA,
    GAZETTE_DEV,
    GAZETTE_RECORDS,
    LOCAL_DEV_RECORDS,
    SEEDS,
    jsonl_lines,
    read_jsonl,
)
from common.figures import RESULTS, write_results
from common.measure import (
    ENGINES,
    PYTHON,
    ProcessRun,
    index_command,
    latency_summary,
    percentile,
    process_time_summary,
    rss_mb,
    run_measured,
    timed,
    tree_megabytes,
)
from common.serving import Server, page_latencies

__all__ = ["ALQAC", "DATA", "ENGINES", "GAZETTE_DEV", "GAZETTE_RECORDS", "LOCAL_DEV_RECORDS", "PYTHON", "RESULTS",
           "ROOT", "SEEDS", "ProcessRun", "Server", "index_command", "jsonl_lines", "latency_summary",
           "page_latencies", "percentile", "process_time_summary", "read_jsonl", "rss_mb", "run_measured", "timed",
           "tree_megabytes", "write_results"]
