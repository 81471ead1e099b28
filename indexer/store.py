"""An index folder: which engine made it, its engine files, what was derived at each commit, its lock.

    index_dir/vanban.json          {"engine": ..., "format": ...}: written when the first build completes
    index_dir/engine/              the engine's own files (one atomic commit per build)
    index_dir/derived/<commit>/    the citation graph, counts, the accent table, made for that commit
    index_dir/build.lock           held by the one build running

A folder without vanban.json holds no index yet (or an unfinished first build).
"""

import fcntl
import json
import os
import pickle
import shutil
import threading
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from indexer.engines import open_engine
from indexer.errors import BuildLocked, IndexNotFound

# Bump when analysis, extraction, the fields or the derived values' classes change: the next build
# starts afresh (5: the derived values' classes moved into indexer.graph.model, `records` became `links`).
FORMAT_VERSION = 6
INFO = "vanban.json"
DERIVED = "derived"
LOCK = "build.lock"


def read_info(index_dir: Path) -> dict | None:
    """The folder's index record, or None when it holds no finished index of this format."""
    try:
        info = json.loads((Path(index_dir) / INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and info.get("format") == FORMAT_VERSION else None


def _older_format(index_dir: Path) -> bool:
    try:
        info = json.loads((Path(index_dir) / INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and info.get("format") != FORMAT_VERSION


def write_info(index_dir: Path, engine: str) -> None:
    """Mark the folder as holding a finished index (atomic: a rename)."""
    tmp = Path(index_dir) / (INFO + ".tmp")
    tmp.write_text(json.dumps({"engine": engine, "format": FORMAT_VERSION}), encoding="utf-8")
    os.replace(tmp, Path(index_dir) / INFO)


def index_exists(index_dir) -> bool:
    """True when the folder holds a finished index."""
    return read_info(Path(index_dir)) is not None


@contextmanager
def build_lock(index_dir: Path, wait: float = 0.0):
    """Hold the folder's build lock; another holder makes it raise BuildLocked after `wait` seconds."""
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(index_dir) / LOCK, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildLocked(f"một lần lập chỉ mục khác đang chạy trên {index_dir}") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def derived_dir(index_dir: Path, commit_id: str) -> Path:
    return Path(index_dir) / DERIVED / commit_id


def write_derived(index_dir: Path, commit_id: str, values: dict) -> None:
    """Write the values derived from a commit: each a compressed pickle (passages compress 5:1), the
    folder renamed into place at once."""
    final = derived_dir(index_dir, commit_id)
    tmp = final.with_name(final.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for name, value in values.items():
        (tmp / f"{name}.pickle.z").write_bytes(zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 6))
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    for other in (Path(index_dir) / DERIVED).iterdir():  # older commits' values are dead now
        if other.name != commit_id:
            shutil.rmtree(other, ignore_errors=True)


def read_derived(index_dir: Path, commit_id: str, name: str):
    """A value derived from a commit, or None when it was not written (an interrupted build)."""
    try:
        return pickle.loads(zlib.decompress((derived_dir(index_dir, commit_id) / f"{name}.pickle.z").read_bytes()))
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError):
        return None


class Index:
    """An opened index folder: its engine, a searcher per thread kept until the next commit, and
    the values derived at build time, each loaded only when asked for."""

    _cache: ClassVar[dict] = {}  # (folder, commit, name) -> value, shared by every Index of a process
    _lock = threading.Lock()

    def __init__(self, index_dir: Path, engine_name: str):
        self.path = Path(index_dir)
        self.engine_name = engine_name
        self.engine = open_engine(engine_name, self.path / "engine")
        self._local = threading.local()

    def commit_id(self) -> str:
        return self.engine.commit_id()

    @contextmanager
    def searcher(self):
        """A searcher of the latest commit, reused by this thread until a new commit appears."""
        commit = self.commit_id()
        current = getattr(self._local, "searcher", None)
        if current is None or self._local.commit != commit:
            if current is not None:
                current.close()
            self._local.searcher, self._local.commit = self.engine.searcher(), commit
        yield self._local.searcher

    def derived(self, name: str):
        """A value the build derived from the latest commit (indexer.builder.derive), read once and kept;
        None when the build that made the commit was cut short before writing it (the next build does)."""
        key = (str(self.path), self.commit_id(), name)
        with Index._lock:
            if key in Index._cache:
                return Index._cache[key]
        value = read_derived(self.path, key[1], name)
        if value is None:
            return None
        with Index._lock:
            for old in [k for k in Index._cache if k[0] == key[0] and k[2] == name and k[1] != key[1]]:
                del Index._cache[old]
            Index._cache[key] = value
        return value


_opened: dict = {}


def open_index(index) -> Index:
    """The finished index in a folder (one Index per folder per process), or IndexNotFound; an Index
    is returned as it is, so every function that takes an index takes a folder too."""
    if isinstance(index, Index):
        return index
    index_dir = Path(index)
    info = read_info(index_dir)
    if info is None:
        if _older_format(index_dir):
            raise IndexNotFound(f"chỉ mục trong {index_dir} được lập bằng phiên bản cũ: hãy chạy `vanban index` "
                                "để lập lại")
        raise IndexNotFound(f"chưa có chỉ mục trong {index_dir}: hãy chạy `vanban index`")
    key = (str(index_dir.resolve()), info["engine"])
    index = _opened.get(key)
    if index is None:
        index = _opened[key] = Index(index_dir, info["engine"])
    return index
