"""Build (and incrementally update) an index of a corpus, with either engine.

Files stream through a pool of worker processes that read, extract and analyse them (pyvi once per
document); the main process only writes to the engine. Everything derived from the whole corpus
(the citation graph, citation counts, the accent table) is made at the end and filed under the
new commit. The engine's commit is the one atomic switch: which files are indexed, with which
digest, is read back from the index itself, so a build killed at any moment leaves the previous
state or the new one, never both.
"""

import multiprocessing
import os
import shutil
import time
from collections import deque
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from indexer.analysis import analyse
from indexer.corpus import Document, Skipped, SourceFile, list_files, read_file
from indexer.derive import derive_all, records_from_index
from indexer.engines import DEFAULT_ENGINE, ENGINES, create_engine, open_engine
from indexer.progress import BuildProgress
from indexer.store import BuildLocked, DERIVED, build_lock, read_derived, read_info, write_derived, write_info

# Below this many bytes to (re)index, starting worker processes costs more than it saves.
POOL_MIN_BYTES = 400_000
# Files in flight in the pool at once: bounds memory whatever the corpus size.
IN_FLIGHT_PER_WORKER = 4
# A longer document is indexed in parts cut at paragraph breaks, so that one huge file costs
# memory, search hits and a page no more than a normal document's.
MAX_DOCUMENT_CHARS = 400_000
# Past this many documents, whoosh gets slow: `vanban index` suggests tantivy.
WHOOSH_ADVISED_MAX = 5000

Progress = Callable[[BuildProgress], None]

__all__ = ["BuildLocked", "BuildReport", "build_index", "ENGINES", "WHOOSH_ADVISED_MAX"]


@dataclass
class BuildReport:
    """What a build did: documents written, files split, skipped and why."""

    index_dir: str
    engine: str = DEFAULT_ENGINE
    documents_indexed: int = 0
    documents_total: int = 0
    files_added: int = 0
    files_changed: int = 0
    files_removed: int = 0
    files_unchanged: int = 0
    parts_split: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _FileResult:
    """One file read, extracted and analysed in a worker."""

    source: str
    documents: list          # (IndexedDoc, graph record)
    skipped: list[Skipped]
    split: bool
    size: int


def _cuts(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of at most about `limit` characters, cut at a paragraph break (else a line break)."""
    spans, start = [], 0
    while len(text) - start > limit:
        end = text.rfind("\n\n", start + limit // 2, start + limit)
        end = end if end > 0 else text.rfind("\n", start + limit // 2, start + limit)
        end = end if end > 0 else start + limit
        spans.append((start, end))
        start = end
    return spans + [(start, len(text))]


def _parts(doc: Document) -> list[Document]:
    """The document, or its parts when it is too long: `id`, `id~2`, ... each with its citations."""
    if len(doc.text) <= MAX_DOCUMENT_CHARS:
        return [doc]
    spans = _cuts(doc.text, MAX_DOCUMENT_CHARS)
    parts = []
    for n, (start, end) in enumerate(spans, start=1):
        citations = tuple(replace(c, start=c.start - start, end=c.end - start) for c in doc.meta.citations
                          if start <= c.start and c.end <= end)
        title = f"{doc.meta.title or doc.id} (phần {n}/{len(spans)})"
        parts.append(replace(doc, id=doc.id if n == 1 else f"{doc.id}~{n}", text=doc.text[start:end],
                             meta=replace(doc.meta, citations=citations, title=title)))
    return parts


def _work(file: SourceFile) -> _FileResult:
    items = list(read_file(file))
    docs = [p for d in items if isinstance(d, Document) for p in _parts(d)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    split = len(docs) > 1 and file.path.suffix.lower() != ".jsonl"
    return _FileResult(file.source, [analyse(d, file.digest) for d in docs], skipped, split, _size(file))


def _results(todo: list[SourceFile], total_bytes: int):
    """Each file's result, in order: in worker processes for a large batch, bounded in flight."""
    workers = os.cpu_count() or 1
    if total_bytes < POOL_MIN_BYTES or workers < 2:
        yield from map(_work, todo)
        return
    from analyzers.tokens import word_spans
    word_spans("Khởi động.")  # load pyvi's model once: forked workers share it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending, files = deque(), iter(todo)
        for file in files:
            pending.append(pool.apply_async(_work, (file,)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _size(file: SourceFile) -> int:
    try:
        return file.path.stat().st_size
    except OSError:
        return 0


def _manifest(engine) -> dict[str, str]:
    """source -> digest of the files in the index, read from the index itself."""
    with engine.searcher() as searcher:
        pairs = [term for term, _ in searcher.terms("source_digest")]
    return dict(p.split("\x1f", 1) for p in pairs if "\x1f" in p)


def _open(index_dir: Path, engine_name: str | None):
    """The engine to update, or a new one (no finished index, another engine, another format)."""
    info = read_info(index_dir)
    name = engine_name or (info["engine"] if info else DEFAULT_ENGINE)
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    if info is not None and info["engine"] == name:
        return name, open_engine(name, index_dir / "engine"), False
    for stale in ("engine", DERIVED):
        shutil.rmtree(index_dir / stale, ignore_errors=True)
    return name, create_engine(name, index_dir / "engine"), True


def build_index(corpus: list[Path] | Path, index_dir: Path, progress: Progress | None = None,
                engine: str | None = None, wait: float = 0.0) -> BuildReport:
    """Index the corpus into index_dir; unchanged files are kept, changed replaced, deleted removed.

    `engine` ("whoosh" or "tantivy") is chosen when an index is made; None keeps the folder's own
    (whoosh for a new one); another engine than the folder's rebuilds it. One build at a time:
    another one raises BuildLocked (after waiting `wait` seconds).
    """
    started = time.monotonic()
    index_dir = Path(index_dir)
    paths = [Path(p) for p in (corpus if isinstance(corpus, (list, tuple)) else [corpus])]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"không có đường dẫn: {p}")
    with build_lock(index_dir, wait):
        name, eng, fresh = _open(index_dir, engine)
        report = BuildReport(index_dir=str(index_dir), engine=name)
        old = {} if fresh else _manifest(eng)
        old_commit = eng.commit_id()
        files = list_files(paths)
        current = {f.source: f for f in files}
        todo = [f for f in files if old.get(f.source) != f.digest]
        removed = [s for s in old if s not in current]
        report.files_unchanged = len(files) - len(todo)
        report.files_added = sum(1 for f in todo if f.source not in old)
        report.files_changed = len(todo) - report.files_added
        report.files_removed = len(removed)
        records = {} if fresh else (read_derived(index_dir, old_commit, "records") or records_from_index(eng))
        if todo or removed or fresh:
            _write(eng, todo, removed, old, records, report, progress, started)
        write_derived(index_dir, eng.commit_id(), derive_all(eng, records))
        if fresh:
            write_info(index_dir, name)  # only now is the folder an index: an unfinished first build is none
        with eng.searcher() as searcher:
            report.documents_total = searcher.doc_count()
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _write(eng, todo, removed, old, records, report, progress, started) -> None:
    """Delete what went away or changed, add what is new, and commit once at the end."""
    gone = set(removed) | {f.source for f in todo if f.source in old}
    for doc_id in [i for i, r in records.items() if r["source"] in gone]:
        del records[doc_id]
    total_bytes = sum(_size(f) for f in todo)
    state = {"files": 0, "bytes": 0}
    writer = eng.writer()
    try:
        for source in sorted(gone):
            writer.delete_source(source)
        for result in _results(todo, total_bytes):
            for indexed, record in result.documents:
                writer.add(indexed)
                records[record["id"]] = record
            report.documents_indexed += len(result.documents)
            report.skipped.extend(result.skipped)
            report.parts_split += result.split
            state["files"] += 1
            state["bytes"] += result.size
            if progress:
                progress(BuildProgress(len(todo), state["files"], report.documents_indexed,
                                       report.documents_indexed, total_bytes, state["bytes"],
                                       time.monotonic() - started))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
