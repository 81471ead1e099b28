"""Stream a build's batches through guarded worker processes; the main process cuts files into batches
(indexer.builder.batches) and writes what comes back, as it comes back.

Where those processes run is the executor's (executors.py: this machine's cores, or a Dask cluster's
machines, cluster.py); a machine that cannot read the corpus folder gets each file with its bytes.

Every worker is handed a new batch as soon as it returns one, before its results are written; a batch
is cut only when a worker is free, so what is in flight (batches being analysed, results not written
yet) stays within twice the workers, whatever one file holds. A batch whose worker died or ran past its
time is run again one unit at a time: a poison record costs only itself. Files are told complete
(`FileDone`: what reading each reported, in the file's order) when all their units are back.
"""

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from indexer.builder.batches import (
    BATCH_CHARS,
    Batch,
    File,
    Part,
    Record,
    UnitResult,
    batches,
    failed,
    file_unit,
    parts_batch,
    work,
)
from indexer.builder.executors import Executor, Local, Pool
from indexer.extract.corpus import Skipped, SourceFile
from indexer.sources.files import JSONL_SUFFIXES, path_text
from indexer.sources.guard import Failure, memory_for, seconds_for
from indexer.sources.jsonl import Records, cut_whole, record_lines


def file_size(file: SourceFile) -> int:
    try:
        return file.path.stat().st_size
    except OSError:
        return 0


@dataclass
class FileDone:
    """A file whose units are all back: what reading it reported (in its order), its documents, whether it
    held several, its size, and the worker processes that analysed it (one per batch it went in)."""

    source: str
    skipped: list[Skipped]
    documents: int
    split: bool
    size: int
    workers: list[int]


@dataclass
class BatchStats:
    """How the batches ran: how many were given to workers, and the most in flight at once."""

    given: int = 0
    most_in_flight: int = 0


@dataclass
class _Open:
    size: int
    units: int = 0         # given out so far
    back: int = 0
    closed: bool = False   # every unit given out
    documents: int = 0
    split: bool = False
    skipped: list = field(default_factory=list)   # (ordinal, Skipped)
    workers: list = field(default_factory=list)


class Ledger:
    """Each file being read: its units given out and back, what reading it reported; a file is done when
    every unit it was cut into came back."""

    def __init__(self):
        self.open: dict[str, _Open] = {}
        self.done: list[FileDone] = []

    def start(self, file: SourceFile) -> None:
        self.open[file.source] = _Open(file_size(file))

    def give(self, source: str, units: int = 1) -> None:
        self.open[source].units += units

    def skip(self, source: str, ordinal: int, skipped: Skipped) -> None:
        self.open[source].skipped.append((ordinal, skipped))

    def close(self, source: str) -> None:
        self.open[source].closed = True
        self._check(source)

    def back(self, result: UnitResult, pid: int) -> None:
        entry = self.open[result.source]
        entry.back += 1
        entry.documents += len(result.documents)
        entry.split = entry.split or result.split
        entry.skipped += [(result.ordinal, s) for s in result.skipped]
        if pid not in entry.workers:
            entry.workers.append(pid)
        self.give(result.source, len(result.read))
        self._check(result.source)

    def _check(self, source: str) -> None:
        entry = self.open[source]
        if entry.closed and entry.back == entry.units:
            del self.open[source]
            skipped = [s for _, s in sorted(entry.skipped, key=lambda pair: pair[0])]
            self.done.append(FileDone(source, skipped, entry.documents, entry.split, entry.size, entry.workers))

    def completed(self) -> list[FileDone]:
        """The files done since last asked."""
        done, self.done = self.done, []
        return done


def units(todo: list[SourceFile], ledger: Ledger) -> Iterator:
    """Each file's units, as they are read: a JSON Lines file's records a line at a time, else the file."""
    for file in todo:
        ledger.start(file)
        if file.path.suffix.lower() in JSONL_SUFFIXES and not _read_whole(file):
            yield from _records(file, ledger)
        else:
            ledger.give(file.source)
            yield file_unit(file)
        ledger.close(file.source)


def _read_whole(file: SourceFile) -> bool:
    try:
        return cut_whole(file.path) or file_size(file) == 0
    except OSError:
        return True  # read_file reports it


def _records(file: SourceFile, ledger: Ledger) -> Iterator[Record]:
    """A JSON Lines file's records, checked (their ids in line order); the bad ones reported here."""
    source, path, checker, found = file.source, path_text(file.path), Records(), False
    try:
        for line_no, text, why, size in record_lines(file.path):
            found = True
            checked = (line_no, why) if why else checker.check(text, line_no)
            if len(checked) == 2:
                ledger.skip(source, line_no, Skipped(f"{source}:{line_no}", checked[1]))
                continue
            ledger.give(source)
            yield Record(source, *checked, path, file.digest, size)
    except OSError as err:
        ledger.skip(source, 0, Skipped(source, f"không đọc được: {err.strerror}"))
        return
    if not found:
        ledger.skip(source, 0, Skipped(source, "tệp rỗng"))


def batch_seconds(batch: Batch) -> float:
    return seconds_for(batch.size)


def batch_memory(batch: Batch) -> int:
    return memory_for(batch.size)


def analysed(todo: list[SourceFile], part_chars: int | None = None, executor: Executor | None = None,
             stats: BatchStats | None = None) -> Iterator[UnitResult | FileDone]:
    """Each unit's result as it comes back, and each file when all of its units are back; every file read
    and analysed in guarded worker processes (of this machine, or of the executor's), in batches (a unit
    that fails, runs too long or needs too much memory comes back as skipped, with the reason)."""
    stats = stats or BatchStats()
    ledger = Ledger()
    stream = batches(units(todo, ledger), part_chars)
    retry: deque[Batch] = deque()    # a failed batch's units, one a batch
    pending: deque[Part] = deque()   # long files' documents
    executor = executor or Local()
    with executor.pool(work, seconds=batch_seconds, budget=batch_memory, preload=("analyzers.preload",)) as pool:
        exhausted = _fill(pool, retry, pending, stream, part_chars, stats)
        yield from ledger.completed()  # files with nothing to analyse (empty, every record bad)
        while pool.busy():
            finished = pool.wait()
            out = [result for done in finished for result in _results(done, retry, pending, ledger)]
            exhausted = _fill(pool, retry, pending, stream, part_chars, stats, exhausted)
            stats.most_in_flight = max(stats.most_in_flight, pool.busy() + len(finished))
            yield from out
            yield from ledger.completed()


def _results(done, retry: deque, pending: deque, ledger: Ledger) -> list[UnitResult]:
    """What a finished batch gave: its units' results; a failed batch is run again one unit at a time,
    and a failed single unit is its own skipped item."""
    batch = done.item
    if isinstance(done.result, Failure):
        if len(batch.units) > 1:
            retry.extend(batch.one_by_one())
            return []
        results = [failed(batch.units[0], done.result.reason)]
    else:
        results = done.result
    for result in results:
        pending.extend(result.read)
        ledger.back(result, done.pid)
    return results


def _fill(pool: Pool, retry: deque, pending: deque, stream, part_chars, stats: BatchStats,
          exhausted: bool = False) -> bool:
    """Give every idle worker a batch: one to run again first, then long files' documents, then the next
    of the stream; whether the stream is exhausted."""
    while pool.idle():
        batch = retry.popleft() if retry else parts_batch(pending, part_chars)
        if batch is None and not exhausted:
            batch = next(stream, None)
            exhausted = batch is None
        if batch is None:
            return exhausted
        pool.give(batch)
        stats.given += 1
    return exhausted


__all__ = ["BATCH_CHARS", "BatchStats", "File", "FileDone", "analysed", "file_size"]
