"""Kill -9 during index builds: the last good index keeps answering, and the next build repairs it.

Builds run as `python -m vanban index` subprocesses over a small corpus (the seeds and ten documents
recombined from their paragraphs, 2-3 s for a first build). Each round changes the corpus (adds,
changes, removes files), kills the build at a seeded random moment (or right after the engine's
commit appears on disk, the moment a build is most fragile), checks what the index answers, then
lets the next build finish and compares it with what a fresh build of the same corpus holds.
The machinery lives in bench/reliability.py, which runs the same rounds longer.
"""

import random
import shutil
import sys
import time

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))  # the kill machinery and corpus generator are shared with the benchmarks
from common import ENGINES
from reliability import (
    BUILD_TIMEOUT,
    FIRST_BUILD_EVERY,
    Corpus,
    corpus_state,
    duplicate_ids,
    indexed_state,
    killed_round,
    refused_or_done,
    run_build,
    start_build,
)

pytestmark = pytest.mark.slow

SEED = 20261
ROUNDS = 8  # bench/reliability.py runs the same rounds by the hundred, at moments drawn at random
# Each kind of moment in turn: a random moment of the build, right after the engine's commit, right after the switch.
WHEN = ("timed", "after commit", "timed", "after switch")


@pytest.mark.parametrize("engine", ENGINES)
def test_kill_during_builds_leaves_last_good_index_and_next_build_repairs(engine, tmp_path):
    rng = random.Random(SEED)
    corpus = Corpus(tmp_path / "corpus", rng)
    index_dir = tmp_path / "index"
    status, stderr, first_s = run_build(corpus.folder, tmp_path / "timing", engine)
    assert (status, "Traceback" in stderr) == (0, False)
    for round_no in range(ROUNDS):
        if round_no % FIRST_BUILD_EVERY == 0:
            shutil.rmtree(index_dir, ignore_errors=True)
        seen = killed_round(corpus, index_dir, engine, rng, first_s if not index_dir.exists() else first_s / 2,
                            WHEN[round_no % len(WHEN)])
        where = f"round {round_no}, killed at {seen['moment']}"
        assert (where, seen["seen"] in (seen["old"], seen["new"])) == (where, True)
        status, stderr, _ = run_build(corpus.folder, index_dir, engine)
        assert (where, status, "Traceback" in stderr) == (where, 0, False), stderr
        repaired = indexed_state(index_dir)
        assert (where, duplicate_ids(repaired)) == (where, [])
        assert (where, repaired) == (where, seen["new"])
    fresh = tmp_path / "fresh"
    assert run_build(corpus.folder, fresh, engine)[0] == 0
    assert indexed_state(index_dir) == indexed_state(fresh) == corpus_state(corpus.folder)


@pytest.mark.parametrize("engine", ENGINES)
def test_overlapping_builds_leave_one_complete_index(engine, tmp_path):
    rng = random.Random(SEED + 1)
    corpus = Corpus(tmp_path / "corpus", rng)
    index_dir = tmp_path / "index"
    for _ in range(2):  # a first build, then an update
        corpus.mutate()
        first = start_build(corpus.folder, index_dir, engine)
        time.sleep(rng.uniform(0.3, 1.0))  # the second starts while the first analyzes
        second = start_build(corpus.folder, index_dir, engine)
        outcomes = [(p.communicate(timeout=BUILD_TIMEOUT)[1], p.returncode)[::-1] for p in (first, second)]
        assert [refused_or_done(*o) for o in outcomes] == [True, True], outcomes
        assert 0 in [status for status, _ in outcomes]
        state = indexed_state(index_dir)
        assert duplicate_ids(state) == []
        assert state == corpus_state(corpus.folder)
    fresh = tmp_path / "fresh"
    assert run_build(corpus.folder, fresh, engine)[0] == 0
    assert indexed_state(index_dir) == indexed_state(fresh)
