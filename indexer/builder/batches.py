"""The unit of a build's work: a batch of documents, of bounded size whatever one file holds.

A JSON Lines export is cut into its records, a folder into its files, and a long file (a multi-document
file, a long document cut in parts) is read first and its documents come back to be batched on their own,
so every worker is busy while one file is analysed and no result is ever a whole file's. A batch holds
at most BATCH_CHARS characters of text and BATCH_UNITS records, files or documents (one that is longer
goes alone).

A batch is a plain value: JSON Lines records travel as their checked text, a document of a long file as
its text and metadata, a file as where it is (the workers read it: they see the corpus folder) or, for
machines that do not see it, with its bytes (`Batch.shipped`). `work` is a pure module-level function of
a batch, so a Dask worker (builder/cluster.py) runs batches as the build's guarded pool does. Each unit
in a batch is done on its own: an exception in one is that unit's, reported with `file:line` or its id; a
batch whose worker died or ran out of time is run again one unit at a time by the build
(indexer.builder.workers), so one poison record costs only itself.
"""

import os
import tempfile
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path

from indexer.builder.analysis import analyse
from indexer.builder.parts import document_parts
from indexer.extract.corpus import Document, Skipped, SourceFile, dropped_fields, read_file, record_document
from indexer.extract.structure import document_structure
from indexer.sources.files import path_text
from indexer.sources.guard import failure_reason

# Characters of text a batch holds at most (0.6 MB of Vietnamese text as UTF-8, 1-2 s of a worker's
# time): small enough that the last batches of a build keep both workers busy, large enough that
# sending it and its results costs a few percent of its analysis.
BATCH_CHARS = 500_000
BATCH_UNITS = 64          # records, files or documents a batch holds at most
# A file goes to a cluster worker with its bytes up to this size; a larger one (a long JSON Lines export,
# a big scan) is read by the client's own guarded process, so no task the scheduler holds is larger.
MAX_SHIPPED_BYTES = 64 << 20


@dataclass(frozen=True)
class Record:
    """One JSON Lines record, checked where its file was cut (jsonl.Records): its id, text and metadata."""

    source: str
    line: int
    doc_id: str
    text: str
    overrides: dict
    dropped: list      # fields it gave that were left out, with the reason (jsonl.checked_overrides)
    path: str          # the file's (sources.files.path_text), and its digest: what a page links to
    digest: str
    bytes: int         # of its line in the file

    @property
    def size(self) -> int:
        return len(self.text)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def ordinal(self) -> int:
        return self.line


@dataclass(frozen=True)
class File:
    """A corpus file, read in the worker: analysed there (`whole`), or read and extracted only, its
    documents coming back to be batched on their own (a long file)."""

    file: SourceFile
    size: int
    whole: bool = True
    ordinal: int = 0
    data: bytes | None = None   # its bytes, for a machine that cannot read the corpus folder (ship())
    origin: str | None = None   # then its path as the index records it, read where it was shipped from
    kept: bool = False          # too big to ship or unreadable here: read by the client itself

    @property
    def source(self) -> str:
        return self.file.source

    @property
    def bytes(self) -> int:
        return self.size

    where = source


@dataclass(frozen=True)
class Part:
    """A document of a long file, read and extracted already (its parts cut), to analyse."""

    document: Document
    digest: str
    ordinal: int

    @property
    def source(self) -> str:
        return self.document.source

    @property
    def size(self) -> int:
        return len(self.document.text)

    @property
    def where(self) -> str:
        return self.document.id

    bytes = 0  # its file's were counted when it was read


@dataclass(frozen=True)
class Batch:
    """Records, files or documents analysed together in one worker; `part_chars`: how long a document may
    be before it is indexed in parts (indexer.builder.parts)."""

    units: tuple
    part_chars: int | None = None

    @property
    def size(self) -> int:
        """Characters of text (bytes of a file not read yet): what its time and memory limits scale with."""
        return sum(unit.size for unit in self.units)

    def one_by_one(self) -> list["Batch"]:
        """A batch for each unit: how a batch whose worker died is run again."""
        return [Batch((unit,), self.part_chars) for unit in self.units]

    def shipped(self) -> "Batch":
        """The batch with its files' bytes, for machines that cannot read the corpus folder."""
        return replace(self, units=tuple(ship(unit) for unit in self.units))

    @property
    def on_client(self) -> bool:
        """Whether a file of it is too big to ship (done by the client's own guarded process)."""
        return any(getattr(unit, "kept", False) for unit in self.units)


@dataclass
class UnitResult:
    """What one unit gave: its documents analysed (IndexedDoc in its lines form, links), what could not
    be read, a long file's documents to analyse in batches of their own, and whether its file held
    several documents."""

    source: str
    ordinal: int
    bytes: int            # of the file the unit stands for (a JSON Lines record: its line)
    documents: list = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    read: list[Part] = field(default_factory=list)
    split: bool = False


def work(batch: Batch) -> list[UnitResult]:
    """Read, extract and analyse each unit of a batch; an exception in one unit is reported as its own."""
    results = []
    for unit in batch.units:
        try:
            results.append(_unit(unit, batch.part_chars))
        except Exception as err:  # MemoryError and RecursionError too: the unit's, not the batch's
            results.append(failed(unit, failure_reason(err)))
    return results


def failed(unit, reason: str) -> UnitResult:
    """A unit that gave nothing, and why, reported where it is (`file:line`, a document's id, a file)."""
    return UnitResult(unit.source, unit.ordinal, unit.bytes, skipped=[Skipped(unit.where, reason)])


def _unit(unit, part_chars: int | None) -> UnitResult:
    done = UnitResult(unit.source, unit.ordinal, unit.bytes)
    if isinstance(unit, Record):
        found = record_document(unit.source, unit.line, unit.doc_id, unit.text, unit.overrides, path=unit.path,
                                digest=unit.digest)
        if isinstance(found, Skipped):
            done.skipped = [found]
        else:
            done.documents = _analysed(_cut(found, part_chars), unit.digest)
            done.skipped = dropped_fields(unit.source, unit.line, unit.dropped)
        return done
    if isinstance(unit, Part):
        done.documents = _analysed([unit.document], unit.digest)
        return done
    items = _read(unit)
    docs = [p for d in items if isinstance(d, Document) for p in _cut(d, part_chars)]
    done.skipped = [i for i in items if isinstance(i, Skipped)]
    done.split = len(docs) > 1 and unit.file.path.suffix.lower() != ".jsonl"
    if unit.whole:
        done.documents = _analysed(docs, unit.file.digest)
    else:
        done.read = [Part(d, unit.file.digest, n) for n, d in enumerate(docs, start=1)]
    return done


def _cut(doc: Document, part_chars: int | None) -> list[Document]:
    """The document with its structure (outline, tasks), read on its whole text, then cut in parts when it
    is longer than `part_chars`."""
    return document_parts(replace(doc, structure=document_structure(doc.text)), part_chars)


def _read(unit: File) -> list:
    """A file's documents and what reading it reported; a shipped file read from its bytes, written to a
    temporary folder under its own name (the readers go by its extension), its documents keeping its path."""
    if unit.data is None:
        return list(read_file(unit.file))
    with tempfile.TemporaryDirectory(prefix="vanban-unit-") as folder:
        copy = replace(unit.file, path=Path(folder) / unit.file.path.name)
        copy.path.write_bytes(unit.data)
        return [replace(i, path=unit.origin) if isinstance(i, Document) else i for i in read_file(copy)]


def ship(unit):
    """A file unit with its bytes (at most MAX_SHIPPED_BYTES: past that, or unreadable here, kept for the
    client); records and documents travel as they are."""
    if not isinstance(unit, File) or unit.data is not None or unit.kept:
        return unit
    try:
        with open(unit.file.path, "rb") as handle:
            data = handle.read(MAX_SHIPPED_BYTES + 1)
    except OSError:
        data = None
    if data is None or len(data) > MAX_SHIPPED_BYTES:
        return replace(unit, kept=True)
    return replace(unit, data=data, origin=path_text(unit.file.path))


def _analysed(docs: list[Document], digest: str) -> list:
    """Each document analysed, its tokens in the form they travel in."""
    return [(indexed.packed(), links) for indexed, links in (analyse(d, digest) for d in docs)]


def file_unit(file: SourceFile) -> File:
    """How a file is read: whole in a worker, or (longer than a batch) read first, its documents batched."""
    try:
        size = os.stat(file.path).st_size
    except OSError:
        size = 0
    return File(file, size, whole=size <= BATCH_CHARS)


def batches(units, part_chars: int | None = None):
    """The units (an iterator) gathered into batches of at most BATCH_CHARS characters and BATCH_UNITS
    units, taken from the iterator only as each batch is made."""
    held, size = [], 0
    for unit in units:
        if held and (size + unit.size > BATCH_CHARS or len(held) >= BATCH_UNITS):
            yield Batch(tuple(held), part_chars)
            held, size = [], 0
        held.append(unit)
        size += unit.size
    if held:
        yield Batch(tuple(held), part_chars)


def parts_batch(pending: deque, part_chars: int | None) -> Batch | None:
    """The documents of long files waiting, as one batch of at most BATCH_CHARS and BATCH_UNITS."""
    held, size = [], 0
    while pending and len(held) < BATCH_UNITS and (not held or size + pending[0].size <= BATCH_CHARS):
        held.append(pending.popleft())
        size += held[-1].size
    return Batch(tuple(held), part_chars) if held else None
