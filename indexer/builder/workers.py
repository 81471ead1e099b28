"""Read, extract and analyse files in guarded worker processes; the main process only writes to the engine.

Where those processes run is the executor's (executors.py: this machine's cores, or a Dask cluster's
machines, cluster.py); a machine that cannot read the corpus folder gets each file with its bytes.
"""

import functools
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from indexer.builder.analysis import analyse
from indexer.builder.executors import Executor, Local
from indexer.builder.parts import document_parts
from indexer.extract.corpus import Document, Skipped, SourceFile, read_file
from indexer.extract.structure import document_structure
from indexer.sources.files import path_text
from indexer.sources.guard import Failure, file_seconds

# A file goes to a cluster worker with its bytes up to this size; a larger one (a long JSON Lines export,
# a big scan) is done by the client's own guarded process, so no task the scheduler holds is larger.
MAX_SHIPPED_BYTES = 64 << 20


@dataclass
class FileResult:
    """One file read, extracted and analysed in a worker."""

    source: str
    documents: list          # (IndexedDoc, links) per document
    skipped: list[Skipped]
    split: bool              # the file held several documents
    size: int


@dataclass(frozen=True)
class ShippedFile:
    """A corpus file with its bytes, for a machine that cannot read the corpus folder (`data` None: too
    big to ship, or unreadable here, so done by the client itself, which reports why)."""

    file: SourceFile
    data: bytes | None
    origin: str              # the file's path as the index records it (sources.files.path_text), read here

    @property
    def path(self) -> Path:  # its time limit follows its size (guard.file_seconds)
        return self.file.path

    @property
    def on_client(self) -> bool:
        return self.data is None


def file_size(file: SourceFile) -> int:
    try:
        return file.path.stat().st_size
    except OSError:
        return 0


def work(file: SourceFile, part_chars: int | None = None) -> FileResult:
    """Read one file, extract its documents, read each one's structure (outline, tasks) and analyse it (its
    parts, when it is longer than `part_chars`: the structure is read on the whole text, then cut)."""
    return _analysed(file, list(read_file(file)), part_chars)


def _analysed(file: SourceFile, items: list, part_chars: int | None) -> FileResult:
    docs = [p for d in items if isinstance(d, Document)
            for p in document_parts(replace(d, structure=document_structure(d.text)), part_chars)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    split = len(docs) > 1 and file.path.suffix.lower() != ".jsonl"
    return FileResult(file.source, [analyse(d, file.digest) for d in docs], skipped, split, file_size(file))


def ship(file: SourceFile) -> ShippedFile:
    """The file with its bytes, read here (at most MAX_SHIPPED_BYTES: past that, it stays here)."""
    try:
        with open(file.path, "rb") as handle:
            data = handle.read(MAX_SHIPPED_BYTES + 1)
    except OSError:
        data = None
    return ShippedFile(file, data if data is not None and len(data) <= MAX_SHIPPED_BYTES else None,
                       path_text(file.path))


def work_shipped(unit: ShippedFile, part_chars: int | None = None) -> FileResult:
    """work() on a file's bytes: written to a temporary folder under the file's own name (the readers go by
    its extension), its documents keep the path of the original."""
    if unit.data is None:
        return work(unit.file, part_chars)
    with tempfile.TemporaryDirectory(prefix="vanban-unit-") as folder:
        copy = replace(unit.file, path=Path(folder) / unit.file.path.name)
        copy.path.write_bytes(unit.data)
        items = [replace(i, path=unit.origin) if isinstance(i, Document) else i for i in read_file(copy)]
        return _analysed(copy, items, part_chars)


def results(todo: list[SourceFile], part_chars: int | None = None, executor: Executor | None = None):
    """Each file's result, in order, each file read and analysed in a guarded worker process (of this
    machine, or of the executor's): a file that fails, runs too long or needs too much memory comes back
    as skipped, with the reason."""
    executor = executor or Local()
    if executor.reads_paths:
        func, units = functools.partial(work, part_chars=part_chars), todo
    else:  # the machines doing the work see no corpus folder: each file goes with its bytes, read as sent
        func, units = functools.partial(work_shipped, part_chars=part_chars), map(ship, todo)
    for unit, result in executor.map(func, units, seconds=file_seconds, preload=("analyzers.preload",)):
        file = getattr(unit, "file", unit)
        if isinstance(result, Failure):
            yield FileResult(file.source, [], [Skipped(file.source, result.reason)], False, file_size(file))
        else:
            yield result
