"""Read a corpus: folders of files staff keep (text, Word, PDF, web pages; one or several documents
each) and JSON Lines files of records."""

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from analyzers.normalize import normalize_text
from indexer.extract.jsonl import BadRecord, apply_overrides, parse_record
from indexer.extract.metadata import DocumentMetadata, extract, extract_one
from indexer.readers import READERS, UnreadableFile, decode, read_text

JSONL_SUFFIXES = {".jsonl"}
# A SourceFile whose digest starts with this could not be read (a folder that cannot be listed).
UNREADABLE = "unreadable:"



@dataclass(frozen=True)
class Document:
    """One document ready to index: its identity, its normalized text and its metadata."""

    id: str          # `source#part` (or `source#id` for a JSON Lines record)
    source: str
    part: int
    text: str
    meta: DocumentMetadata
    format: str = "txt"   # the reader that produced the text: txt, md, docx, doc, pdf, html, jsonl
    ocr: bool = False     # the text was recognized from a scan
    path: str = ""        # absolute path of the original file, so a page can link to it


@dataclass(frozen=True)
class SourceFile:
    """A corpus file found on disk: its name in the index and a fingerprint of its bytes."""

    path: Path
    source: str
    digest: str


@dataclass(frozen=True)
class Skipped:
    """A file (or a JSON Lines record) that could not be read, and why."""

    source: str
    reason: str


def list_files(paths: list[Path]) -> list[SourceFile]:
    """Every regular, non-hidden file under the given folders (and the given files), sorted by source name.

    A folder that cannot be listed comes back too, with an `unreadable:` digest, so it is reported.
    """
    found = {}
    for root in map(Path, paths):
        if root.is_dir():
            found.update(_walk(root))
        else:
            found[root.name] = SourceFile(root, root.name, _digest(root))
    return [found[s] for s in sorted(found)]


def _walk(root: Path) -> dict[str, SourceFile]:
    """The files under a folder by source name (`folder/sub/file`), and the subfolders we could not list."""
    found, errors = {}, []
    name = root.resolve().name
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for path in (Path(folder) / f for f in files if not f.startswith(".")):
            if path.is_file():
                source = f"{name}/{path.relative_to(root).as_posix()}"
                found[source] = SourceFile(path, source, _digest(path))
    for err in errors:
        folder = Path(err.filename)
        relative = folder.relative_to(root).as_posix() if folder != root else ""
        source = f"{name}/{relative}/" if relative else f"{name}/"
        found[source] = SourceFile(folder, source, f"{UNREADABLE}{err.strerror}")
    return found


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError as err:
        return f"{UNREADABLE}{err.strerror}"


def documents_of_text(text: str, source: str) -> list[Document]:
    """Split a text file's content into its documents (`source#0`, `source#1`, ...)."""
    text = normalize_text(text)
    return [Document(f"{source}#{m.part}", source, m.part, text[m.start:m.end], _rebase(m))
            for m in extract(text)]


def _rebase(meta: DocumentMetadata) -> DocumentMetadata:
    """Citation offsets relative to the document's own text (not its file's)."""
    citations = tuple(replace(c, start=c.start - meta.start, end=c.end - meta.start) for c in meta.citations)
    return replace(meta, citations=citations)


def read_jsonl(data: str, source: str) -> Iterator[Document | Skipped]:
    """One document per line: `id`, `text`, optional metadata. Bad lines are reported, not fatal."""
    seen: dict[str, int] = {}
    for line_no, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc_id, text, overrides = parse_record(line, line_no)
        except BadRecord as err:
            yield Skipped(f"{source}:{line_no}", f"bản ghi JSON Lines hỏng: {err}")
            continue
        if doc_id in seen:
            yield Skipped(f"{source}:{line_no}",
                          f"mã `{doc_id[:60]}` trùng với dòng {seen[doc_id]}: bỏ qua bản ghi này")
            continue
        seen[doc_id] = line_no
        text = normalize_text(text)
        meta = apply_overrides(extract_one(text), overrides)  # a record is one document: never split
        yield Document(f"{source}#{doc_id}", source, line_no, text, meta, format="jsonl")


def read_file(file: SourceFile) -> Iterator[Document | Skipped]:
    """The documents of one corpus file, or why it was skipped."""
    if file.digest.startswith(UNREADABLE):
        yield Skipped(file.source, f"không đọc được: {file.digest[len(UNREADABLE):]}")
        return
    try:
        items = _read(file)
    except OSError as err:
        items = [Skipped(file.source, f"không đọc được: {err.strerror}")]
    except UnreadableFile as err:
        items = [Skipped(file.source, str(err))]
    yield from items


def _read(file: SourceFile) -> list[Document | Skipped]:
    """Read a file with the reader for its kind; raises UnreadableFile or OSError."""
    suffix = file.path.suffix.lower()
    if suffix in READERS.keys() | JSONL_SUFFIXES and file.path.stat().st_size == 0:
        return [Skipped(file.source, "tệp rỗng")]
    if suffix not in JSONL_SUFFIXES:
        result = read_text(file.path)
        if not result.text.strip():
            return [Skipped(file.source, "tệp rỗng")]
        origin = dict(format=result.format, ocr=result.ocr, path=str(file.path.resolve()))
        documents = [replace(d, **origin) for d in documents_of_text(result.text, file.source)]
        return documents + ([Skipped(file.source, result.warning)] if result.warning else [])
    text = decode(file.path.read_bytes())
    if not text.strip():
        return [Skipped(file.source, "tệp rỗng")]
    path = str(file.path.resolve())
    return [replace(d, format="jsonl", path=path) if isinstance(d, Document) else d
            for d in read_jsonl(text, file.source)]
