"""Read, extract and analyse files in guarded worker processes; the main process only writes to the engine."""

import functools
from dataclasses import dataclass, replace

from indexer.builder.analysis import analyse
from indexer.builder.parts import document_parts
from indexer.extract.corpus import Document, Skipped, SourceFile, read_file
from indexer.extract.structure import document_structure
from indexer.sources.guard import Failure, file_seconds, run_guarded


@dataclass
class FileResult:
    """One file read, extracted and analysed in a worker."""

    source: str
    documents: list          # (IndexedDoc, links) per document
    skipped: list[Skipped]
    split: bool              # the file held several documents
    size: int


def file_size(file: SourceFile) -> int:
    try:
        return file.path.stat().st_size
    except OSError:
        return 0


def work(file: SourceFile, part_chars: int | None = None) -> FileResult:
    """Read one file, extract its documents, read each one's structure (outline, tasks) and analyse it (its
    parts, when it is longer than `part_chars`: the structure is read on the whole text, then cut)."""
    items = list(read_file(file))
    docs = [p for d in items if isinstance(d, Document)
            for p in document_parts(replace(d, structure=document_structure(d.text)), part_chars)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    split = len(docs) > 1 and file.path.suffix.lower() != ".jsonl"
    return FileResult(file.source, [analyse(d, file.digest) for d in docs], skipped, split, file_size(file))


def results(todo: list[SourceFile], part_chars: int | None = None):
    """Each file's result, in order, each file read and analysed in a guarded worker process: a file
    that fails, runs too long or needs too much memory comes back as skipped, with the reason."""
    for file, result in run_guarded(functools.partial(work, part_chars=part_chars), todo, seconds=file_seconds,
                                    preload=("analyzers.preload",)):
        if isinstance(result, Failure):
            yield FileResult(file.source, [], [Skipped(file.source, result.reason)], False, file_size(file))
        else:
            yield result
