"""Read, extract and analyse files in worker processes; the main process only writes to the engine."""

import multiprocessing
import os
from collections import deque
from dataclasses import dataclass

from indexer.builder.analysis import analyse
from indexer.builder.parts import document_parts
from indexer.extract.corpus import Document, Skipped, SourceFile, read_file

# Below this many bytes to (re)index, starting worker processes costs more than it saves.
POOL_MIN_BYTES = 400_000
# Files in flight in the pool at once: bounds memory whatever the corpus size.
IN_FLIGHT_PER_WORKER = 4


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


def work(file: SourceFile) -> FileResult:
    """Read one file, extract its documents and analyse each (its parts, when it is huge)."""
    items = list(read_file(file))
    docs = [p for d in items if isinstance(d, Document) for p in document_parts(d)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    split = len(docs) > 1 and file.path.suffix.lower() != ".jsonl"
    return FileResult(file.source, [analyse(d, file.digest) for d in docs], skipped, split, file_size(file))


def results(todo: list[SourceFile], total_bytes: int):
    """Each file's result, in order: in worker processes for a large batch, bounded in flight."""
    workers = os.cpu_count() or 1
    if total_bytes < POOL_MIN_BYTES or workers < 2:
        yield from map(work, todo)
        return
    from analyzers.tokens import word_spans
    word_spans("Khởi động.")  # load pyvi's model once: forked workers share it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = deque()
        for file in todo:
            pending.append(pool.apply_async(work, (file,)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
