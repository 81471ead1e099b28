"""How far into a text each reading of indexer/extract/metadata.py (and page_header.py) looks: where the
text each one looks for stands in real documents, and what changes when its reach is halved, doubled or
lifted.

Data: ../shared/data/gazette_dev and local_dev (the texts bench/extraction.py reads) and the bundled
seeds. First, with every reach lifted, where each reading's match ends (characters from where it
looks). Then, for each reach and each value tried, every text is extracted again (extract(): all its
parts) and compared with the reach as it is: which texts' metadata changes (and which fields), and,
where a set's truth can check it (bench/extraction's checks, on extract_one), how many checked fields
turn right or wrong.

Usage: python bench/reaches.py [NAME ...]      (every reach by default)
Figures printed and written to bench/results/reaches.json, CPU time beside wall time.
"""

import sys
import time
from contextlib import contextmanager
from dataclasses import astuple, fields

from common import SEEDS, read_jsonl, write_results
from extraction import SETS, gazette_checks, local_checks

from analyzers.normalize import normalize_text
from indexer.extract import metadata, page_header
from indexer.extract.furniture import reading_view
from indexer.extract.header import type_heading
from indexer.extract.layouts import head_text

REACHES = ("HEADER_FALLBACK", "SECTION_REACH", "OWN_NUMBER_REACH", "OPENING_REACH", "TITLE_ISSUER_REACH",
           "COVER_SENTENCE")
# The pattern each reach bounds, as metadata.py names it: where its matches end is recorded. (HEADER_FALLBACK,
# page_header.py's, bounds no pattern.)
PATTERNS = {"SECTION_REACH": "CONSOLIDATED_SECTION", "OWN_NUMBER_REACH": "CONSOLIDATION_INTRO",
            "OPENING_REACH": "OPENING_ISSUER", "TITLE_ISSUER_REACH": "TITLE_ISSUER", "COVER_SENTENCE": "ATTACHED"}
FACTORS = (0.5, 2, None)  # None: no bound (the whole text)
UNBOUNDED = 10**9
FIELDS = [f.name for f in fields(metadata.DocumentMetadata)]


class Recorder:
    """A compiled pattern that notes where each match it returns ends, in the string it searched."""

    def __init__(self, pattern):
        self.pattern, self.ends = pattern, []

    def search(self, string, *bounds):
        match = self.pattern.search(string, *bounds)
        if match:
            self.ends.append(match.end() - (bounds[0] if bounds else 0))
        return match


def _owner(name: str):
    """The module a reach or pattern is read from: metadata's, or page_header's (HEADER_FALLBACK)."""
    return page_header if hasattr(page_header, name) else metadata


@contextmanager
def patched(**values):
    """Extraction's module names set to other values for a while."""
    kept = {name: getattr(_owner(name), name) for name in values}
    for name, value in values.items():
        setattr(_owner(name), name, value)
    try:
        yield
    finally:
        for name, value in kept.items():
            setattr(_owner(name), name, value)


def texts() -> list[tuple[str, str, str, dict | None]]:
    """(set, id, text, its checks or None) for every text with a text layer."""
    found = []
    for name, path in SETS.items():
        for record in read_jsonl(path):
            if not record.get("no_text_layer"):
                checks = gazette_checks(record) if name == "gazette_dev" else local_checks(record)
                found.append((name, record["id"], normalize_text(record["text"]), checks))
    for seed in sorted(SEEDS.glob("*.txt")):
        found.append(("seeds", seed.name, normalize_text(seed.read_text(encoding="utf-8")), None))
    return found


def _spread(ends: list[int]) -> dict:
    ends = sorted(ends)
    return {"matches": len(ends), "furthest_end": ends[-1] if ends else None,
            "ends_over_1000": sum(1 for e in ends if e > 1000)}


def where_matches_stand(corpus: list) -> dict:
    """With every reach lifted: where each bounded pattern's matches end; and for HEADER_FALLBACK, the
    documents with no type heading (the fallback applies) and how long their head text is."""
    recorders = {name: Recorder(getattr(metadata, pattern)) for name, pattern in PATTERNS.items()}
    with patched(**dict.fromkeys(REACHES, UNBOUNDED), **{PATTERNS[n]: r for n, r in recorders.items()}):
        for _, _, text, _ in corpus:
            metadata.extract(text)
    found = {name: _spread(r.ends) for name, r in recorders.items()}
    heads = []
    for _, _, text, _ in corpus:
        for start, end in metadata.split_documents(text):
            part = text[start:end]
            head = head_text(part, reading_view(part))
            if type_heading(head) is None:
                heads.append(len(head))
    found["HEADER_FALLBACK"] = {"documents_without_type_heading": len(heads),
                                "of_them_head_longer_than_1500": sum(1 for h in heads if h > 1500)}
    return found


def score(text: str, checks: dict | None) -> int:
    """How many of a text's checked fields are right (0 without truth)."""
    if not checks:
        return 0
    meta = metadata.extract_one(text)
    return sum(1 for expected, check in checks.values() if expected is not None and check(meta))


def _key(text: str) -> tuple:
    return tuple(astuple(m) for m in metadata.extract(text))


def _fields_changed(before: tuple, after: tuple) -> list[str]:
    if len(before) != len(after):
        return ["parts"]
    return sorted({FIELDS[k] for b, a in zip(before, after) for k in range(len(FIELDS)) if b[k] != a[k]})


def changes(corpus: list, baseline: list, name: str, value: int) -> dict:
    """Extract every text with one reach set to `value`: the texts whose metadata changes (and which
    fields), and the checked fields that turn right or wrong."""
    with patched(**{name: value}):
        keys = {i: _key(corpus[i][2]) for i in range(len(corpus))}
        changed = [i for i in keys if keys[i] != baseline[i]]
        after = {i: score(corpus[i][2], corpus[i][3]) for i in changed}
    before = {i: score(corpus[i][2], corpus[i][3]) for i in changed}
    return {"value": value, "texts_changed": len(changed),
            "changed": [f"{corpus[i][0]}/{corpus[i][1]}: {', '.join(_fields_changed(baseline[i], keys[i]))}"
                        for i in changed],
            "checks_gained": sum(max(0, after[i] - before[i]) for i in changed),
            "checks_lost": sum(max(0, before[i] - after[i]) for i in changed)}


def run(names: list[str]) -> dict:
    corpus = texts()
    cpu, wall = time.process_time(), time.perf_counter()
    figures = {"texts": len(corpus), "where_matches_stand": where_matches_stand(corpus), "reaches": {}}
    print(f"{len(corpus)} texts; with no reach: {figures['where_matches_stand']}", flush=True)
    baseline = [_key(text) for _, _, text, _ in corpus]
    for name in names or REACHES:
        value = getattr(metadata, name)
        tried = [changes(corpus, baseline, name, round(value * f) if f else UNBOUNDED) for f in FACTORS]
        figures["reaches"][name] = {"as_is": value, "tried": tried}
        print(f"{name} = {value}: " + "; ".join(
            f"{'no bound' if t['value'] == UNBOUNDED else t['value']}: {t['texts_changed']} texts changed "
            f"{t['changed']}, checks +{t['checks_gained']} -{t['checks_lost']}" for t in tried), flush=True)
    figures["cpu_seconds"] = round(time.process_time() - cpu, 1)
    figures["wall_seconds"] = round(time.perf_counter() - wall, 1)
    return figures


if __name__ == "__main__":
    write_results("reaches", run(sys.argv[1:]))
