"""Build (and incrementally update) an index of a corpus, with either engine.

Files stream through a pool of worker processes that read, extract and analyse them (pyvi once per
document); the main process only writes to the engine. Everything derived from the whole corpus
(the citation graph, citation counts, the accent table) is made at the end and filed under the
new commit. The engine's commit is the one atomic switch: which files are indexed, with which
digest, is read back from the index itself, so a build killed at any moment leaves the previous
state or the new one, never both.
"""

import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from indexer.builder.derive import derive_all, links_from_index
from indexer.builder.progress import BuildProgress
from indexer.builder.workers import file_size, results
from indexer.engines import DEFAULT_ENGINE, ENGINES, create_engine, open_engine
from indexer.errors import BuildLocked
from indexer.extract.corpus import Skipped, list_files
from indexer.store import DERIVED, build_lock, read_derived, read_info, write_derived, write_info

# Past this many documents, whoosh gets slow: `vanban index` suggests tantivy.
WHOOSH_ADVISED_MAX = 5000

Progress = Callable[[BuildProgress], None]

__all__ = ["ENGINES", "WHOOSH_ADVISED_MAX", "BuildLocked", "BuildReport", "build_index"]


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
        links = {} if fresh else (read_derived(index_dir, old_commit, "links") or links_from_index(eng))
        if todo or removed or fresh:
            _write(eng, todo, removed, old, links, report, progress, started)
        write_derived(index_dir, eng.commit_id(), derive_all(eng, links))
        if fresh:
            write_info(index_dir, name)  # only now is the folder an index: an unfinished first build is none
        with eng.searcher() as searcher:
            report.documents_total = searcher.doc_count()
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _write(eng, todo, removed, old, links, report, progress, started) -> None:
    """Delete what went away or changed, add what is new, and commit once at the end."""
    gone = set(removed) | {f.source for f in todo if f.source in old}
    for doc_id in [i for i, r in links.items() if r["source"] in gone]:
        del links[doc_id]
    total_bytes = sum(file_size(f) for f in todo)
    state = {"files": 0, "bytes": 0}
    writer = eng.writer()
    try:
        for source in sorted(gone):
            writer.delete_source(source)
        for result in results(todo, total_bytes):
            for indexed, doc_links in result.documents:
                writer.add(indexed)
                links[doc_links["id"]] = doc_links
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
