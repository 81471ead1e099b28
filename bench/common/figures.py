"""Writing a benchmark's figures: printed, and kept in bench/results/ (git-ignored)."""

import json
from pathlib import Path

from common.data import ROOT

RESULTS = ROOT / "bench" / "results"


def write_results(name: str, figures: dict) -> Path:
    """Print the figures and write them to bench/results/<name>.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"written to {path}")
    return path
