"""Build (and incrementally update) an index of a corpus, with either engine.

Files stream through worker processes that read, extract and analyse them (pyvi once per document),
each file within bounded time and memory; the main process only writes to the engine. A build
writes a new generation of the index beside the current one (indexer/store/), with everything
derived from the whole corpus (the citation graph, citation counts, the accent table, what was
skipped and why), and makes it current with one atomic rename. Which files are indexed, with which
digest, is read back from the index itself, so a build killed at any moment leaves the last good
index, and the next build completes it.
"""

import gc
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from indexer.builder.choice import choose_engine, corpus_megabytes
from indexer.builder.derive import derive_all, links_from_index, links_read_back, shared_values
from indexer.builder.executors import Executor
from indexer.builder.progress import BuildProgress
from indexer.builder.workers import BatchStats, FileDone, analysed, file_size
from indexer.engines import DEFAULT_ENGINE, ENGINES
from indexer.errors import BuildLocked, UnsafePath
from indexer.extract.corpus import Skipped, SourceFile, list_files, skipped_before_reading
from indexer.sources.files import KnownDigests, known_digests
from indexer.sources.guard import stop_fork_server
from indexer.store import Current, IndexFolder, claim_for_build

Progress = Callable[[BuildProgress], None]
# From this many documents a build stops the fork server of its workers before deriving (builder/derive.py):
# the derived values of 10,000 gazette-length documents peak at 1.2 GB in this process, the server held
# 150 MB more. Below it the server is kept for the next build in the same process (a test run makes hundreds).
STOP_FORK_SERVER_DOCUMENTS = 2_000

__all__ = ["ENGINES", "BuildLocked", "BuildReport", "build_index"]


@dataclass
class BuildReport:
    """What a build did: documents written, files split, skipped and why."""

    index_dir: str
    engine: str = DEFAULT_ENGINE
    engine_reason: str | None = None  # why a new index got its engine, when none was asked for
    corpus_megabytes: float = 0.0     # of the corpus files read, as the engine's choice weighs them (choice.py)
    documents_indexed: int = 0
    documents_total: int = 0
    files_added: int = 0
    files_changed: int = 0
    files_removed: int = 0
    files_unchanged: int = 0
    parts_split: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    field_warnings: list[Skipped] = field(default_factory=list)  # records indexed without a field they gave
    seconds: float = 0.0
    batches: int = 0                  # batches of documents the workers analysed (indexer/builder/batches.py)
    most_in_flight: int = 0           # the most batches analysed or waiting to be written at one time
    analysed_by: dict[str, list[int]] = field(default_factory=dict)  # a file analysed by several worker
    #                                   processes (its records or documents in several batches): their ids
    rebuilt: str | None = None  # why the index was made afresh rather than updated, when it was

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Plan:
    """What this build finds: the current generation (if it can be updated), the files and what to do."""

    current: Current | None                # the current generation, when this build updates it
    files: list[SourceFile]
    todo: list[SourceFile]                 # new or changed files to read
    removed: list[str]                     # sources indexed before and gone now
    indexed: dict[str, str]                # source -> digest, documents in the current generation
    skipped: dict[str, dict]               # source -> {"digest", "items"}: what reading it reported


@dataclass(frozen=True)
class _Run:
    """How this build runs: who is told its progress, when it started, how long a document part may be."""

    progress: Progress | None
    started: float
    part_chars: int | None
    executor: Executor | None = None  # where files are read and analysed: this machine's cores by default
    listed_ns: int = 0                # when the corpus was listed (time.time_ns): its digests are of then


def _manifest(engine) -> dict[str, str]:
    """source -> digest of the files in the index, read from the index itself."""
    with engine.searcher() as searcher:
        pairs = [term for term, _ in searcher.terms("source_digest")]
    return dict(p.split("\x1f", 1) for p in pairs if "\x1f" in p)


def _known_digests(folder: IndexFolder) -> KnownDigests | None:
    """The digests the build of the current generation took, trusted again for files not touched since."""
    filed = folder.derived("digests")
    return KnownDigests(filed["files"], filed["listed_ns"]) if isinstance(filed, dict) else None


def _corpus_paths(corpus) -> list[Path]:
    """The corpus paths asked for: each an existing folder or regular file (a FIFO or a device given
    as the corpus would hang the build or never end)."""
    paths = [Path(p).expanduser() for p in (corpus if isinstance(corpus, (list, tuple)) else [corpus])]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"không có đường dẫn: {p}")
        if not (p.is_dir() or p.is_file()):
            raise UnsafePath(f"{p} không phải tệp thường hay thư mục (FIFO, thiết bị...): không đọc")
    return paths


def _plan(current: Current | None, files: list[SourceFile]) -> _Plan:
    indexed = _manifest(current.engine) if current else {}
    skipped = (current.derived("skipped") or {}) if current else {}
    readable = [f for f in files if not f.skip]
    known = {**{s: e["digest"] for s, e in skipped.items()}, **indexed}
    todo = [f for f in readable if known.get(f.source) != f.digest]
    present = {f.source for f in readable}
    removed = [s for s in indexed if s not in present]
    return _Plan(current, files, todo, removed, indexed, skipped)


def build_index(corpus: list[Path] | Path, index_dir: Path, progress: Progress | None = None,
                engine: str | None = None, wait: float = 0.0, part_chars: int | None = None,
                executor: Executor | None = None) -> BuildReport:
    """Index the corpus into index_dir; unchanged files are kept, changed replaced, deleted removed.

    `engine` ("whoosh" or "tantivy") is chosen when an index is made; None keeps the folder's own
    (for a new one, the engine that suits the corpus's size: builder/choice.py); another engine than
    the folder's rebuilds it beside the current one. The new generation becomes current at one atomic
    rename, its derived values already written (indexer/store/ runs the switch); a build that fails
    removes what it wrote. One build at a time: another one raises BuildLocked (after
    waiting `wait` seconds). A folder that is not an index and not empty is refused (UnsafePath).
    A document longer than `part_chars` (indexer.builder.parts.MAX_DOCUMENT_CHARS) is indexed in parts.
    `executor` runs the reading and analysis (builder/executors.py; a Dask cluster: builder/cluster.py);
    this process stays the one writer either way.
    """
    started = time.monotonic()
    paths = _corpus_paths(corpus)
    with claim_for_build(index_dir, paths, wait) as folder:
        listed_ns = time.time_ns()
        files = list_files(paths, _known_digests(folder))
        name, reason = choose_engine(files, engine, folder.info.get("engine"))
        if name not in ENGINES:
            raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
        plan = _plan(folder.current(name), files)
        report = BuildReport(index_dir=str(folder.path), engine=name, engine_reason=reason,
                             corpus_megabytes=corpus_megabytes(files),
                             rebuilt=None if plan.current else folder.why_afresh(name))
        report.files_unchanged = len([f for f in plan.files if not f.skip]) - len(plan.todo)
        report.files_added = sum(1 for f in plan.todo if f.source not in plan.indexed)
        report.files_changed = len(plan.todo) - report.files_added
        report.files_removed = len(plan.removed)
        if plan.current and not plan.todo and not plan.removed:
            report.skipped, report.field_warnings = _reported(plan, {})
            report.documents_total = _doc_count(plan.current.engine)
        else:
            _new_generation(folder, name, paths, plan, report, _Run(progress, started, part_chars, executor, listed_ns))
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _reported(plan: _Plan, fresh: dict[str, dict]) -> tuple[list[Skipped], list[Skipped]]:
    """Every file not read and every problem reading one reported, whether read now or before; apart,
    every field left out of a record indexed all the same."""
    out = []
    for f in plan.files:
        entry = fresh.get(f.source) or plan.skipped.get(f.source)
        out += skipped_before_reading(f) or ([Skipped(*item) for item in entry["items"]] if entry else [])
    return [s for s in out if not s.field], [s for s in out if s.field]


def built_at() -> str:
    """Now, as the index records when a document was indexed (ISO 8601, UTC, to the second)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_generation(folder: IndexFolder, name: str, paths: list[Path], plan: _Plan, report: BuildReport,
                    run: _Run) -> None:
    """Write a new generation beside the current one and make it current; if anything fails before the
    switch, the store removes the new generation and only it.

    Each document written now is stamped with this build's time; those of unchanged files keep theirs.
    """
    stamp = built_at()
    with folder.next_generation(name, plan.current) as new:
        current = plan.current
        with _no_cycle_collection():
            links = (links_read_back(current.derived("links")) or links_from_index(current.engine)) if current else {}
        fresh = _write(new.engine, plan, links, report, run, stamp)
        if len(links) >= STOP_FORK_SERVER_DOCUMENTS:
            stop_fork_server()  # its memory goes to the derived values
        changed = {f.source for f in plan.todo}
        present = {f.source for f in plan.files}
        kept = {s: e for s, e in plan.skipped.items() if s in present and s not in changed} if current else {}
        report.skipped, report.field_warnings = _reported(plan, fresh)
        report.documents_total = _doc_count(new.engine)
        digests = asdict(known_digests(plan.files, run.listed_ns))
        with _no_cycle_collection():
            derived = {**derive_all(new.engine, links), "skipped": {**kept, **fresh}, "digests": digests}
            new.publish(derived, paths, stamp)


@contextmanager
def _no_cycle_collection():
    """Python's collector of reference cycles paused: reading the links of a whole corpus back, and deriving
    and filing its values, make millions of objects, none in a cycle, and every full collection walks all of
    them again (build_graph of 10,000 gazette-length documents: 8.0 s of CPU with it, 2.6 s without)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _doc_count(engine) -> int:
    with engine.searcher() as searcher:
        return searcher.doc_count()


def _write(eng, plan: _Plan, links: dict, report: BuildReport, run: _Run, stamp: str) -> dict[str, dict]:
    """Delete what went away or changed, add what is new as it comes back from the workers, commit once at
    the end; what reading each file reported, by source."""
    gone = set(plan.removed) | {f.source for f in plan.todo if f.source in plan.indexed}
    for doc_id in [i for i, r in links.items() if r["source"] in gone]:
        del links[doc_id]
    total_bytes = sum(file_size(f) for f in plan.todo)
    digests = {f.source: f.digest for f in plan.todo}
    fresh, state, stats, held = {}, {"files": 0, "bytes": 0}, BatchStats(), {}
    writer = eng.writer()
    try:
        for source in sorted(gone):
            writer.delete_source(source)
        for result in analysed(plan.todo, run.part_chars, run.executor, stats):
            if isinstance(result, FileDone):
                _file_done(result, digests, fresh, report, state)
            else:
                for indexed, doc_links in result.documents:
                    indexed.indexed = stamp
                    writer.add(indexed)
                    links[doc_links["id"]] = shared_values(doc_links, held)
                report.documents_indexed += len(result.documents)
                state["bytes"] += result.bytes
            if run.progress:
                run.progress(BuildProgress(len(plan.todo), state["files"], report.documents_indexed,
                                           report.documents_indexed, total_bytes, state["bytes"],
                                           time.monotonic() - run.started))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    report.batches, report.most_in_flight = stats.given, stats.most_in_flight
    return dict(sorted(fresh.items()))


def _file_done(done: FileDone, digests: dict[str, str], fresh: dict, report: BuildReport, state: dict) -> None:
    """A file all of whose documents are written: what reading it reported, whether it was split."""
    if done.skipped:
        fresh[done.source] = {"digest": digests[done.source],
                              "items": [(s.source, s.reason, s.field) for s in done.skipped]}
    report.parts_split += done.split
    if len(done.workers) > 1:
        report.analysed_by[done.source] = sorted(done.workers)
    state["files"] += 1
