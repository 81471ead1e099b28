"""List a corpus: every file under its folders, each either to read (with a digest of its bytes) or
skipped with the reason, decided without opening it. Nothing is skipped silently but hidden files.

What an office share holds besides documents is named, never read: files of kinds we do not read
(a 3 GB video is never opened), FIFOs, devices and sockets (reading one hangs or never ends), links
whose target leaves the corpus folder (a link to /etc/shadow would serve its contents), broken links,
folders that cannot be listed, and names that are not UTF-8 (shown with replacement characters).
"""

import hashlib
import os
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_from_bytes, unquote_to_bytes

from indexer.readers import READERS

JSONL_SUFFIXES = {".jsonl"}
READ_SUFFIXES = set(READERS) | JSONL_SUFFIXES
DIGEST_CHUNK = 1 << 20  # bytes read at a time for a digest: a huge file costs no memory
# A digest an earlier listing took is trusted for a file whose size, times and inode are still those it was
# taken with, unless the file was written less than this before that listing: git's rule for its index, since
# a file written again in the same tick of the file system's clock keeps its time (listing 10,000
# gazette-length files, 881 MB, read them all for 1.7 s of CPU).
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class SourceFile:
    """A corpus file found on disk: its name in the index, a fingerprint of its bytes, or why it is
    not read at all; `stat`: its size, times and inode when the digest was taken (known_digests)."""

    path: Path
    source: str
    digest: str = ""
    skip: str | None = None
    stat: tuple | None = None


def stat_signature(st: os.stat_result) -> tuple[int, int, int, int]:
    """What says a file is the one a digest was taken of: its size, modification and change times, inode."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


@dataclass(frozen=True)
class KnownDigests:
    """The digests a listing took, to trust again: source -> (size, mtime, ctime, inode, digest), and when
    (time.time_ns) that listing started."""

    files: dict
    listed_ns: int

    def digest(self, source: str, st: os.stat_result) -> str | None:
        entry = self.files.get(source)
        if entry and tuple(entry[:4]) == stat_signature(st) and st.st_mtime_ns < self.listed_ns - RACY_NS:
            return entry[4]
        return None


def known_digests(files: list[SourceFile], listed_ns: int) -> KnownDigests:
    """The digests of a listing started at `listed_ns`, as the next listing trusts them."""
    return KnownDigests({f.source: (*f.stat, f.digest) for f in files if f.stat and f.digest}, listed_ns)


def file_digest(path) -> str:
    """The sha1 of a file's bytes, read in chunks."""
    with open(path, "rb") as handle:
        return handle_digest(handle)


def handle_digest(handle) -> str:
    """The sha1 of what is left to read from an open binary file, in chunks."""
    digest = hashlib.sha1()
    while chunk := handle.read(DIGEST_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def shown_name(name: str) -> str:
    """A file name as the index names it: bytes that are not UTF-8 and control characters become
    U+FFFD (`C\\xf4ng v\\xe3n.txt` -> `C�ng v�n.txt`), so every id can be shown, linked and opened.

    >>> shown_name("C\\udcf4ng\\nv\\udce3n.txt")
    'C�ng�v�n.txt'
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in text)


# A path that is not UTF-8 text is kept as its bytes, percent-encoded after this prefix.
PATH_BYTES = "bytes:"


def path_text(path: Path) -> str:
    r"""An absolute path as text the index can store (JSON, UTF-8), and `path_of` reads back.

    >>> path_of(path_text(Path("/kho/C\udcf4ng.txt"))) == Path("/kho/C\udcf4ng.txt")
    True
    """
    text = str(Path(path).resolve())
    if shown_name(text) == text:
        return text
    return PATH_BYTES + quote_from_bytes(os.fsencode(text))


def path_of(text: str) -> Path:
    if text.startswith(PATH_BYTES):
        return Path(os.fsdecode(unquote_to_bytes(text[len(PATH_BYTES):])))
    return Path(text)


def list_files(paths: list[Path], known: KnownDigests | None = None) -> list[SourceFile]:
    """Every non-hidden file under the given folders (and the given files), sorted by source name; a file
    `known` has a digest of is not read again. Sources are named from the given paths (root_names)."""
    found: dict[str, SourceFile] = {}
    for root, name in root_names(paths):
        entries = _walk(root, name, known) if root.is_dir() else [_examine(root, name, None, known)]
        for entry in entries:
            if entry.source in found:  # two names that differ only in unreadable bytes
                entry = SourceFile(entry.path, f"{entry.source} ({len(found)})",
                                   skip=f"tên trùng với {entry.source} khi thay các ký tự không đọc được")
            found[entry.source] = entry
    return [found[s] for s in sorted(found)]


def root_names(paths: list[Path]) -> list[tuple[Path, str]]:
    """Each given path once, with the name its sources start with: a folder's own name (`kho/a.txt`), a file's
    (a link given as the corpus is followed, since the person named it, but keeps its name); paths of the same
    name take as many of their parent folders as tell them apart (two exports `tinh/documents.jsonl` and
    `bo/documents.jsonl` are named so, as if their folders had been given), the others keep their own.

    >>> [name for _, name in root_names([Path("/kho/tinh/documents.jsonl"), Path("/kho/bo/documents.jsonl"),
    ...                                  Path("/kho/bo/a.txt")])]
    ['tinh/documents.jsonl', 'bo/documents.jsonl', 'a.txt']
    """
    given = {}
    for path in map(Path, paths):  # the same folder or file given twice is listed once
        given.setdefault(path.resolve(), path)
    named = {path: (resolved if path.is_dir() else path.absolute()).parts[1:] for resolved, path in given.items()}
    depth = dict.fromkeys(named, 1)
    while True:
        names = {path: "/".join(map(shown_name, parts[-depth[path]:])) for path, parts in named.items()}
        taken = Counter(names.values())
        clashing = [p for p, name in names.items() if taken[name] > 1 and depth[p] < len(named[p])]
        if not clashing:
            return list(names.items())
        for path in clashing:
            depth[path] += 1


def _walk(root: Path, name: str, known: KnownDigests | None) -> list[SourceFile]:
    """The files under a folder (`folder/sub/file`, `name` standing for the folder), links that stay inside it
    followed once."""
    inside = root.resolve()
    found, errors, seen = [], [], {inside}
    for folder, subfolders, files in os.walk(root, followlinks=True, onerror=errors.append):
        kept = []
        for sub in sorted(d for d in subfolders if not d.startswith(".")):
            path = Path(folder) / sub
            target = path.resolve()
            if not _within(target, inside):
                found.append(_skipped(path, root, name, "thư mục liên kết trỏ ra ngoài kho văn bản: không đọc"))
            elif target not in seen:  # a link back to a folder already listed is listed once
                seen.add(target)
                kept.append(sub)
        subfolders[:] = kept
        for file in sorted(f for f in files if not f.startswith(".")):
            path = Path(folder) / file
            found.append(_examine(path, _source(path, root, name), inside, known))
    for err in errors:
        where = Path(err.filename)
        found.append(_skipped(where, root, name, f"không đọc được: {err.strerror}", folder=True))
    return found


def _source(path: Path, root: Path, name: str) -> str:
    return f"{name}/{shown_name(path.relative_to(root).as_posix())}"


def _skipped(path: Path, root: Path, name: str, reason: str, folder: bool = False) -> SourceFile:
    relative = path.relative_to(root).as_posix() if path != root else ""
    source = f"{name}/{shown_name(relative)}" if relative else name
    return SourceFile(path, source + ("/" if folder else ""), skip=reason)


def _within(target: Path, inside: Path) -> bool:
    return target == inside or inside in target.parents


def _examine(path: Path, source: str, inside: Path | None, known: KnownDigests | None = None) -> SourceFile:
    """A file to read, or why not: where a link leads, what kind of file it is, its kind by name."""
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if not target.exists():
                return SourceFile(path, source, skip="liên kết hỏng: không có tệp đích")
            if inside is not None and not _within(target, inside):
                return SourceFile(path, source, skip="liên kết trỏ ra ngoài kho văn bản: không đọc")
        st = path.stat()
        mode = st.st_mode
    except OSError as err:
        return SourceFile(path, source, skip=f"không đọc được: {err.strerror}")
    if not stat.S_ISREG(mode):
        return SourceFile(path, source, skip=f"không phải tệp thường ({_kind(mode)}): không đọc")
    suffix = path.suffix.lower()
    if suffix not in READ_SUFFIXES:
        return SourceFile(path, source, skip=f"không đọc loại tệp {suffix or '(không có đuôi)'}")
    try:
        digest = (known and known.digest(source, st)) or file_digest(path)
        return SourceFile(path, source, digest, stat=stat_signature(st))
    except OSError as err:
        return SourceFile(path, source, skip=f"không đọc được: {err.strerror}")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "thiết bị"
    return "thư mục" if stat.S_ISDIR(mode) else "không rõ loại"
