"""An index folder: its marker, its generations (each an engine index and what the build derived for
it), which generation is current, its lock.

    index_dir/vanban.json                 the marker and the switch: {"kind": "vanban-index", "format",
                                          "engine", "generation", "previous", "corpus", "built"}
    index_dir/generations/g000012/engine/   the engine's own files
    index_dir/generations/g000012/derived/  the citation graph, counts, the accent table, links
    index_dir/build.lock                  held by the one build running

A build writes a new generation beside the current one (its engine files hard-linked from the current
one, so an update costs no copy) and makes it current by renaming vanban.json into place: the one
moment a build becomes visible, with its derived values already there. A kill at any moment leaves
the current generation as it was; a server keeps answering from it until the switch, whatever engine
the new one uses. Only files the index itself wrote are ever removed: the generations named in its own
pattern under its own marker.
"""

import fcntl
import json
import os
import pickle
import re
import shutil
import threading
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from indexer.engines import open_engine
from indexer.errors import BuildLocked, IndexNotFound, UnsafePath

# Bump when analysis, extraction, the fields or the derived values' classes change: the next build
# starts afresh (6: generations under one marker, the engine switched at the marker's rename;
# 7: headers read per layout family, issuers named canonically, `partial_date` and `uncertain` stored;
# 8: date spans for ranges, the month, when each document was indexed;
# 9: each document's fingerprint in its links, related documents and near-duplicates derived;
# 10: words, bigram fields (plain and folded) and the folded words the keyword queries read;
# 11: laws cited by name, the name printed with a law's number, the derived law_names).
FORMAT_VERSION = 11
KIND = "vanban-index"
INFO = "vanban.json"
LOCK = "build.lock"
GENERATIONS = "generations"
ENGINE = "engine"
DERIVED = "derived"
GENERATION_NAME = re.compile(r"g\d{6}")
# What an index folder of format 1-5 held (engine/ and derived/ beside vanban.json): removed once a
# build of this format is current, since that marker says the index wrote them.
LEGACY_DIRS = ("engine", "derived")
# Lock files the engines keep in their folder: never shared between generations.
ENGINE_LOCKS = re.compile(r"^\.tantivy-.*\.lock$|^MAIN_WRITELOCK$|\.lock$")


# ---- the marker ----

def read_info(index_dir) -> dict | None:
    """The folder's marker when it is one of ours (of any format; `legacy` when it predates
    generations), else None."""
    try:
        info = json.loads((Path(index_dir) / INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict):
        return None
    if info.get("kind") == KIND:
        return info
    if isinstance(info.get("format"), int) and "engine" in info:  # format 1-5, written by an older vanban
        return {"kind": KIND, "format": info["format"], "engine": info["engine"], "generation": None,
                "legacy": True}
    return None


def write_info(index_dir: Path, info: dict) -> None:
    """Write the marker atomically and durably: a temporary file, fsync, rename, fsync of the folder."""
    tmp = Path(index_dir) / (INFO + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"kind": KIND, **info}, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, Path(index_dir) / INFO)
    _fsync_dir(Path(index_dir))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def index_exists(index_dir) -> bool:
    """True when the folder holds a finished index of this format."""
    info = read_info(Path(index_dir).expanduser())
    return bool(info and info.get("format") == FORMAT_VERSION and info.get("generation"))


def claim(index_dir, corpus: list[Path]) -> Path:
    """The index folder, made ready for a build: ours already, or new, or empty (then marked as ours).

    Refused with UnsafePath, and left untouched: `/`, the home folder, a file, a folder inside the
    corpus, and a folder that holds anything and is not an index.
    """
    folder = Path(index_dir).expanduser()
    resolved = folder.resolve()
    if resolved in (Path("/"), Path.home().resolve()):
        raise UnsafePath(f"không dùng {folder} làm thư mục chỉ mục: đó là thư mục gốc hoặc thư mục nhà")
    if folder.exists() and not folder.is_dir():
        raise UnsafePath(f"{folder} là một tệp, không phải thư mục: chọn một thư mục cho chỉ mục")
    for root in corpus:
        root = Path(root).resolve()
        if root.is_dir() and (resolved == root or root in resolved.parents):
            raise UnsafePath(f"thư mục chỉ mục {folder} nằm trong kho văn bản {root}: chọn một thư mục khác")
    if read_info(folder) is not None:
        return folder
    if folder.exists() and any(folder.iterdir()):
        raise UnsafePath(f"thư mục {folder} không trống và không phải chỉ mục của vanban: "
                         "chọn một thư mục trống hoặc chưa có")
    folder.mkdir(parents=True, exist_ok=True)
    write_info(folder, {"format": FORMAT_VERSION, "engine": None, "generation": None})
    return folder


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


# ---- generations ----

def generation_dir(index_dir: Path, generation: str) -> Path:
    return Path(index_dir) / GENERATIONS / generation


def new_generation(index_dir: Path) -> str:
    """A generation name not used yet in the folder (kept increasing, partial ones included)."""
    found = [int(p.name[1:]) for p in _generations(index_dir)]
    return f"g{max(found, default=0) + 1:06d}"


def _generations(index_dir: Path) -> list[Path]:
    try:
        return [p for p in (Path(index_dir) / GENERATIONS).iterdir() if GENERATION_NAME.fullmatch(p.name)]
    except FileNotFoundError:
        return []


def link_engine(source: Path, target: Path) -> None:
    """A new engine folder holding the files of another: hard links (the engines never write into a
    file they wrote: every commit writes new files and renames its own metadata into place), copies
    where the file system has none. Lock files stay behind."""
    target.mkdir(parents=True)
    for entry in os.scandir(source):
        if not entry.is_file(follow_symlinks=False) or ENGINE_LOCKS.search(entry.name):
            continue
        try:
            os.link(entry.path, target / entry.name)
        except OSError:
            shutil.copy2(entry.path, target / entry.name)


def remove_generations(index_dir: Path, keep: set) -> None:
    """Remove the generations not kept (and the folders an older format left), never anything else."""
    for path in _generations(index_dir):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def remove_legacy(index_dir: Path) -> None:
    """The engine/ and derived/ folders of an index of format 1-5, once its marker is rewritten."""
    for name in LEGACY_DIRS:
        shutil.rmtree(Path(index_dir) / name, ignore_errors=True)


def write_derived(folder: Path, values: dict) -> None:
    """Write a generation's derived values, each a compressed pickle (passages compress 5:1), fsync'd."""
    target = folder / DERIVED
    target.mkdir(parents=True, exist_ok=True)
    for name, value in values.items():
        path = target / f"{name}.pickle.z"
        with open(path, "wb") as handle:
            handle.write(zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 6))
            handle.flush()
            os.fsync(handle.fileno())


def read_derived(folder: Path, name: str):
    """A derived value of a generation, or None when it is not there."""
    try:
        return pickle.loads(zlib.decompress((folder / DERIVED / f"{name}.pickle.z").read_bytes()))
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError):
        return None


# ---- reading ----

class Index:
    """One generation of an index folder, opened: its engine, a searcher per thread kept until the
    engine's commit changes, and the values derived at build time, each read only when asked for."""

    def __init__(self, index_dir: Path, info: dict):
        self.path = Path(index_dir)
        self.info = info
        self.engine_name = info["engine"]
        self.generation = info["generation"]
        self.folder = generation_dir(self.path, self.generation)
        self.engine = open_engine(self.engine_name, self.folder / ENGINE)
        self.corpus = [Path(p) for p in info.get("corpus") or []]
        self._local = threading.local()
        self._derived: dict = {}
        self._lock = threading.Lock()

    def commit_id(self) -> str:
        return f"{self.generation}:{self.engine.commit_id()}"

    @property
    def built(self) -> str | None:
        """When the build that made this generation ran (ISO 8601, UTC)."""
        return self.info.get("built")

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
        """A value the build derived for this generation (indexer.builder.derive), read once and kept."""
        with self._lock:
            if name not in self._derived:
                self._derived[name] = read_derived(self.folder, name)
            return self._derived[name]


_opened: dict = {}
_opened_lock = threading.Lock()


def open_index(index) -> Index:
    """The current generation of an index folder (one Index per generation per process), or
    IndexNotFound saying why in one line; an Index is returned as it is, so every function that
    takes an index takes a folder too. Nothing in the folder is ever written here."""
    if isinstance(index, Index):
        return index
    folder = Path(index).expanduser()
    info = read_info(folder)
    if info is None or (not info.get("generation") and info.get("format") == FORMAT_VERSION):
        raise IndexNotFound(f"chưa có chỉ mục trong {folder}: hãy chạy `vanban index`")
    if info.get("format") != FORMAT_VERSION:
        raise IndexNotFound(f"chỉ mục trong {folder} được lập bằng phiên bản cũ: hãy chạy `vanban index` "
                            "để lập lại")
    key = (str(folder.resolve()), info["generation"], info["engine"])
    with _opened_lock:
        if key not in _opened:
            try:
                opened = Index(folder, info)
            except Exception as err:  # a generation removed by hand, a truncated engine file...
                raise IndexNotFound(f"chỉ mục trong {folder} bị hỏng ({type(err).__name__}): hãy chạy "
                                    "`vanban index` để lập lại") from err
            for old in [k for k in _opened if k[0] == key[0]]:  # requests still using it keep their own
                del _opened[old]
            _opened[key] = opened
        return _opened[key]
