"""Kill -9 during index builds, many times: does the last good index answer, does the next build repair it?

The machinery of tests/test_reliability.py, run longer and on a bigger corpus, tallying every round
instead of stopping at the first failure. Builds are `python -m vanban index` subprocesses.

Usage: python bench/reliability.py [--rounds 60] [--docs 40] [--engines whoosh,tantivy] [--seed 20261]
"""

import argparse
import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ENGINES, ROOT, SEEDS, corpus_gen, index_command, write_results

from indexer import IndexNotFound, search
from indexer.extract.corpus import Document, list_files, read_file

BUILD_TIMEOUT = 600
FIRST_BUILD_EVERY = 5          # rounds 0, 5, 10, ... start from no index: first builds get killed too
# The file an engine writes when it commits; killing just after it appears tests "commit, then manifest".
COMMIT_MARKERS = {"whoosh": re.compile(r"^_MAIN_\d+\.toc$"), "tantivy": re.compile(r"^meta\.json$")}
SWITCH = "vanban.json"          # the marker whose rename makes a new generation current
ALREADY_BUILDING = "đang chạy"  # the one-line message of a build that finds the folder locked


def start_build(corpus: Path, index_dir: Path, engine: str) -> subprocess.Popen:
    """`vanban index` of the corpus, not waited for; its stderr is kept (the one-line refusals are read)."""
    # A session of its own, so a kill reaches the build's worker processes too.
    return subprocess.Popen(index_command([corpus], index_dir, engine, quiet=False), cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def run_build(corpus: Path, index_dir: Path, engine: str) -> tuple[int, str, float]:
    """Build to the end: (exit status, stderr, wall seconds)."""
    started = time.monotonic()
    proc = start_build(corpus, index_dir, engine)
    _, stderr = proc.communicate(timeout=BUILD_TIMEOUT)
    return proc.returncode, stderr, time.monotonic() - started


def kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):  # it had already finished
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=BUILD_TIMEOUT)


def _commit_files(index_dir: Path, engine: str) -> dict[str, int]:
    """The engine commit files of every generation (indexer/store/), and the marker whose rename
    switches generations, each with its mtime."""
    found = {}
    for folder in (index_dir / "generations").glob("g*/engine"):
        with contextlib.suppress(FileNotFoundError):  # a generation removed while we look
            for entry in os.scandir(folder):
                if COMMIT_MARKERS[engine].match(entry.name):
                    with contextlib.suppress(FileNotFoundError):
                        found[entry.path] = entry.stat().st_mtime_ns
    with contextlib.suppress(FileNotFoundError):
        found[SWITCH] = (index_dir / "vanban.json").stat().st_mtime_ns
    return found


def kill_after_commit(proc: subprocess.Popen, index_dir: Path, engine: str, skip: int, switch: bool = False) -> bool:
    """Kill the build as soon as an engine commit file shows (or, with `switch`, as soon as the marker
    is renamed into place), after `skip` earlier ones; False when it finished first.

    A first build commits twice (the empty index it creates, then the documents): skip=1 there. The
    files an update links from the current generation keep their old mtime and do not count.
    """
    started = time.time_ns()
    before = _commit_files(index_dir, engine)
    while proc.poll() is None:
        now = _commit_files(index_dir, engine)
        fresh = [name for name, mtime in now.items() if before.get(name) != mtime and mtime >= started
                 and (name == SWITCH) == switch]
        if fresh:
            if skip == 0:
                kill(proc)
                return True
            skip, before = skip - 1, now
        time.sleep(0.0005)
    kill(proc)
    return False


def indexed_state(index_dir: Path) -> list[tuple[str, str | None]]:
    """Every (id, number) the index lists for an empty query, walking all pages, in order."""
    state, page = [], 1
    while True:
        result = search(index_dir, "", page=page, page_size=100)
        state += [(hit.id, hit.number) for hit in result.hits]
        if page * 100 >= result.total:
            assert len(state) == result.total
            return sorted(state)
        page += 1


def corpus_state(corpus: Path) -> list[tuple[str, str | None]]:
    """The (id, number) pairs a build of the corpus must hold, read by the indexer's own reader."""
    return sorted((d.id, d.meta.number) for f in list_files([corpus]) for d in read_file(f) if isinstance(d, Document))


class Corpus:
    """A small corpus that changes between builds: files added, rewritten, removed."""

    def __init__(self, folder: Path, rng: random.Random, generated: int = 10, pool=None):
        self.folder, self.rng, self.next_number = folder, rng, 1
        self.pool = pool or corpus_gen.seed_pool()
        shutil.copytree(SEEDS, folder)
        for _ in range(generated):
            self.add()

    def generated(self) -> list[Path]:
        return sorted(self.folder.glob("gen/*.txt"))

    def add(self) -> None:
        path = self.folder / "gen" / f"doc{self.next_number:04d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(corpus_gen.document(self.rng, self.next_number, self.pool), encoding="utf-8")
        self.next_number += 1

    def change(self) -> None:
        # A new number too, so a stale copy of the old text shows as a wrong (id, number) pair.
        self.rng.choice(self.generated()).write_text(
            corpus_gen.document(self.rng, 9000 + self.next_number, self.pool), encoding="utf-8")
        self.next_number += 1

    def remove(self) -> None:
        self.rng.choice(self.generated()).unlink()

    def mutate(self) -> None:
        """Two or three changes of different kinds, as a day's new and corrected files bring."""
        for change in self.rng.sample([self.add, self.add, self.change, self.remove], k=self.rng.randint(2, 3)):
            change()


def answer(index_dir: Path):
    """What a reader sees now: the index's state, or None when there is no index yet.

    An empty index (a first build that created its folder and died) reads as "no index yet" too:
    both say there is nothing to search, and neither is a wrong document.
    """
    try:
        return indexed_state(index_dir) or None
    except IndexNotFound:
        return None


def duplicate_ids(state) -> list[str]:
    ids = [doc_id for doc_id, _ in state]
    return sorted({doc_id for doc_id in ids if ids.count(doc_id) > 1})


def killed_round(corpus: Corpus, index_dir: Path, engine: str, rng: random.Random, typical_s: float,
                 when: str | None = None) -> dict:
    """Change the corpus, start a build, kill it; return what the index held before, after, and should hold.

    `when`: "timed" (a random moment of the build), "after commit" or "after switch"; None draws one.
    """
    old = answer(index_dir)
    corpus.mutate()
    new = corpus_state(corpus.folder)
    proc = start_build(corpus.folder, index_dir, engine)
    if when is None:
        when = ("after switch" if rng.random() < 0.3 else "after commit") if rng.random() < 0.35 else "timed"
    if when != "timed":
        switch = when == "after switch"  # right after the switch, before the old generation is removed
        done = kill_after_commit(proc, index_dir, engine, skip=1 if old is None else 0, switch=switch)
        moment = ("after switch" if switch else "after commit") if done else "finished first"
    else:
        # Uniform over the whole build, a little past its usual end so some builds finish.
        delay = rng.uniform(0, 1.1 * typical_s)
        time.sleep(delay)
        moment = f"{delay:.2f} s"
        kill(proc)
    return {"old": old, "new": new, "seen": answer(index_dir), "moment": moment}


def refused_or_done(status: int, stderr: str) -> bool:
    """A build either completes, or says in one last line that another one is running."""
    lines = stderr.strip().splitlines()
    return "Traceback" not in stderr and (status == 0 or (lines != [] and ALREADY_BUILDING in lines[-1]))


def tally_rounds(engine: str, rounds: int, docs: int, seed: int, folder: Path) -> dict:
    """Run killed rounds like the test does, counting each outcome instead of stopping at a failure."""
    rng = random.Random(seed)
    corpus = Corpus(folder / "corpus", rng, generated=docs, pool=corpus_gen.paragraph_pool())
    index_dir, counts, failures = folder / "index", Counter(), []
    _, _, first_s = run_build(corpus.folder, folder / "timing", engine)
    for round_no in range(rounds):
        if round_no % FIRST_BUILD_EVERY == 0:
            shutil.rmtree(index_dir, ignore_errors=True)
        seen = killed_round(corpus, index_dir, engine, rng, first_s if not index_dir.exists() else first_s / 2)
        counts[seen["moment"] if seen["moment"].startswith("after") else "timed"] += 1
        status, stderr, _ = run_build(corpus.folder, index_dir, engine)
        problems = _round_problems(seen, status, stderr, index_dir)
        counts.update(problems or ["ok"])
        failures += [f"round {round_no} ({seen['moment']}): {p}" for p in problems]
        if problems:  # start the next round from a good index, so one failure is not counted again and again
            shutil.rmtree(index_dir)
            run_build(corpus.folder, index_dir, engine)
    return {"first_build_s": round(first_s, 2), "counts": dict(counts), "failures": failures}


def _round_problems(seen: dict, status: int, stderr: str, index_dir: Path) -> list[str]:
    problems = [] if seen["seen"] in (seen["old"], seen["new"]) else ["killed index answered neither old nor new"]
    if status != 0 or "Traceback" in stderr:
        return problems + [f"next build failed: {stderr.strip().splitlines()[-1:]}"]
    repaired = indexed_state(index_dir)
    if duplicate_ids(repaired):
        problems.append("next build left duplicate ids")
    if sorted(set(repaired)) != seen["new"]:
        problems.append("next build differs from a fresh build")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--docs", type=int, default=40, help="generated documents beside the seeds")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--seed", type=int, default=20261)
    args = parser.parse_args()
    figures = {"rounds": args.rounds, "generated_documents": args.docs, "seed": args.seed}
    for engine in args.engines.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            figures[engine] = tally_rounds(engine, args.rounds, args.docs, args.seed, Path(tmp))
    write_results("reliability", figures)


if __name__ == "__main__":
    main()
