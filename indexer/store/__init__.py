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

The switch runs here, as a transaction: a build holds the folder (`claim_for_build`), writes into the
engine of `next_generation` (whose folder is removed if it is left unpublished), and `publish`es it: the
derived values (store/derived.py: how they are filed), the marker's rename, then the removal of what
`keep_after_switch` no longer keeps.

It imports the engines only (and indexer's shared modules): the builder, searching and the views stand on it.
"""

import fcntl
import json
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from indexer.engines import Engine, create_engine, open_engine
from indexer.errors import BuildLocked, IndexNotFound, UnsafePath
from indexer.store.derived import read_derived, write_derived

# Bump when analysis, extraction, the fields or the derived values' classes change: the next build
# starts afresh (6: generations under one marker, the engine switched at the marker's rename;
# 7: headers read per layout family, issuers named canonically, `partial_date` and `uncertain` stored;
# 8: date spans for ranges, the month, when each document was indexed;
# 9: each document's fingerprint in its links, related documents and near-duplicates derived;
# 10: words, bigrams; 11: laws by name; 12: effect, changes, validity; 13: scans; 14: parts, structure, tasks)
FORMAT_VERSION = 14
KIND = "vanban-index"
INFO = "vanban.json"
LOCK = "build.lock"
GENERATIONS = "generations"
ENGINE = "engine"
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
    """Remove the generations of the folder not in `keep`, and nothing else (only names of our pattern)."""
    for path in _generations(index_dir):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


# ---- one build: the switch ----

def keep_after_switch(replaced: dict, published: str, engine: str, updated: bool) -> set[str]:
    """The generations left once `published` is current; `replaced` is the marker it replaced.

    The one before stays for requests still reading it: when this build updated it (`updated`), or when
    it is another engine's of this format (not opened by the build, so taken as sound). It goes when no
    one can read it: of another format, or of this engine and not opening (damaged, so rebuilt).
    """
    before = replaced.get("generation")
    if not before or replaced.get("format") != FORMAT_VERSION:
        return {published}
    if replaced.get("engine") == engine and not updated:
        return {published}
    return {published, before}


@dataclass(frozen=True)
class Current:
    """The current generation as a build found it, opened to be updated: its folder and its engine."""

    folder: Path
    engine: Engine

    def derived(self, name: str):
        """One of the values its build derived (read_derived), or None."""
        return read_derived(self.folder, name)


class IndexFolder:
    """An index folder held by one build (claim_for_build): its marker as the build found it, the
    generation the build may update, and the generation it writes next."""

    def __init__(self, path: Path, info: dict):
        self.path, self.info = path, info

    def current(self, engine: str) -> Current | None:
        """The current generation when a build with `engine` can update it: the same engine and format,
        and an engine that opens (a damaged one is rebuilt, not updated); else None."""
        info = self.info
        if info.get("format") != FORMAT_VERSION or not info.get("generation") or info.get("engine") != engine:
            return None
        folder = generation_dir(self.path, info["generation"])
        try:
            return Current(folder, open_engine(engine, folder / ENGINE))
        except Exception:  # a truncated or half-removed index: the build makes a whole new one
            return None

    def derived(self, name: str):
        """A value the current generation's build derived, whatever its engine (None: no generation of
        this format)."""
        if self.info.get("format") != FORMAT_VERSION or not self.info.get("generation"):
            return None
        return read_derived(generation_dir(self.path, self.info["generation"]), name)

    def why_afresh(self, engine: str) -> str | None:
        """Why a build with `engine` cannot update the current generation, in a few words (None: there is none)."""
        if not self.info.get("generation"):
            return "phiên bản cũ" if self.info.get("legacy") else None
        if self.info.get("format") != FORMAT_VERSION:
            return "phiên bản cũ"
        if self.info.get("engine") != engine:
            return f"đổi bộ máy {self.info.get('engine')} -> {engine}"
        return "chỉ mục cũ bị hỏng"

    @contextmanager
    def next_generation(self, engine: str, base: Current | None):
        """A new generation beside the current one (NewGeneration), written from `base` or from nothing;
        leaving without publishing it (an error, an interrupt) removes its folder and nothing else."""
        new = NewGeneration(self, engine, base)
        try:
            new.start()
            yield new
        finally:
            if not new.published:
                shutil.rmtree(new.folder, ignore_errors=True)  # the current generation is untouched


class NewGeneration:
    """A generation being written: `engine` is empty, or holds the files of the generation it updates
    (hard-linked: no copy); `publish` makes it current."""

    def __init__(self, index: IndexFolder, engine: str, base: Current | None):
        self.index, self.engine_name, self.base = index, engine, base
        self.name = new_generation(index.path)
        self.folder = generation_dir(index.path, self.name)
        self.engine: Engine | None = None
        self.published = False

    def start(self) -> None:
        """Make the engine folder: the base's engine files linked and opened, or an empty engine."""
        if self.base is None:
            self.engine = create_engine(self.engine_name, self.folder / ENGINE)
        else:
            link_engine(self.base.folder / ENGINE, self.folder / ENGINE)
            self.engine = open_engine(self.engine_name, self.folder / ENGINE)

    def publish(self, derived: dict, corpus: list[Path], built: str) -> None:
        """Write the derived values, make this generation current (the marker's atomic rename), then remove
        what no one reads any more: the generations keep_after_switch leaves out, an older format's folders."""
        write_derived(self.folder, derived)
        replaced = self.index.info
        previous = replaced.get("generation") if replaced.get("format") == FORMAT_VERSION else None
        write_info(self.index.path, {"format": FORMAT_VERSION, "engine": self.engine_name, "generation": self.name,
                                     "previous": previous, "corpus": [str(Path(p).resolve()) for p in corpus],
                                     "built": built})
        self.published = True
        if replaced.get("legacy"):  # an index of format 1-5: its engine/ and derived/ beside the marker
            for name in LEGACY_DIRS:
                shutil.rmtree(self.index.path / name, ignore_errors=True)
        remove_generations(self.index.path, keep=keep_after_switch(replaced, self.name, self.engine_name,
                                                                   updated=self.base is not None))


@contextmanager
def claim_for_build(index_dir, corpus: list[Path], wait: float = 0.0):
    """The index folder claimed (claim) and locked (build_lock) for one build, as an IndexFolder; the
    generations of builds cut short are removed first (the current one and the one before it stay)."""
    folder = claim(index_dir, corpus)
    with build_lock(folder, wait):
        info = read_info(folder) or {}
        remove_generations(folder, keep={info.get("generation"), info.get("previous")})
        yield IndexFolder(folder, info)


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
