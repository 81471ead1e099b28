"""Where the benchmarks' data is, and the one JSON Lines reader they use.

The data sets are the shared ones beside the checkout (`../shared/data`, each with its README); the
seeds are the corpus bundled with the CLI.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
ALQAC = DATA / "alqac2022"                               # 1,377 law articles, 520 questions with answers
GAZETTE_DEV = DATA / "gazette_dev"                       # gazette texts, a few KB to over 1 MB each
GAZETTE_RECORDS = GAZETTE_DEV / "documents.jsonl"
LOCAL_DEV_RECORDS = DATA / "local_dev" / "documents.jsonl"  # 137 local documents, headers read by hand
SEEDS = ROOT / "vanban" / "corpus"                       # the bundled corpus `vanban index` reads by default


def jsonl_lines(path: Path) -> list[str]:
    """The records of a JSON Lines file as text, blank lines left out.

    A record ends at "\\n" only: str.splitlines() also cuts at U+2028, form feeds and the other
    separators JSON allows unescaped inside a string, and gazette_dev's texts hold them.
    """
    return [line for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSON Lines file, parsed."""
    return [json.loads(line) for line in jsonl_lines(path)]
