"""Read a corpus: folders of .txt/.md files (one or several documents each) and JSON Lines files."""

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from analyzers.normalize import normalize_text
from indexer.metadata import DocumentMetadata, extract, extract_one

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}

# Metadata a JSON Lines record may give; it overrides what extraction finds.
OVERRIDABLE = {"doc_type", "number", "issuer", "province", "date", "year", "year_inferred", "signer", "title"}


@dataclass(frozen=True)
class Document:
    """One document ready to index: its identity, its normalized text and its metadata."""

    id: str          # `source#part` (or `source#id` for a JSON Lines record)
    source: str
    part: int
    text: str
    meta: DocumentMetadata


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


class UnreadableFile(Exception):
    """A corpus file that is not text in an encoding we read."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse anything else."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"not UTF-8 (byte {err.start}); save it as UTF-8 or UTF-16 with BOM") from err


def list_files(paths: list[Path]) -> list[SourceFile]:
    """The corpus files under the given folders and files, sorted, with their source names."""
    found = {}
    for root in paths:
        root = Path(root)
        if root.is_dir():
            candidates = sorted(p for p in root.rglob("*") if p.is_file())
            names = [(p, f"{root.resolve().name}/{p.relative_to(root).as_posix()}") for p in candidates]
        else:
            names = [(root, root.name)]
        for path, source in names:
            if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES and not path.name.startswith("."):
                found[source] = path
    return [SourceFile(p, s, _digest(p)) for s, p in sorted(found.items())]


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError as err:
        return f"unreadable:{err.strerror}"


def documents_of_text(text: str, source: str) -> list[Document]:
    """Split a text file's content into its documents (`source#0`, `source#1`, ...)."""
    text = normalize_text(text)
    return [Document(f"{source}#{m.part}", source, m.part, text[m.start:m.end], _rebase(m))
            for m in extract(text)]


def _rebase(meta: DocumentMetadata) -> DocumentMetadata:
    """Citation offsets relative to the document's own text (not its file's)."""
    citations = tuple(replace(c, start=c.start - meta.start, end=c.end - meta.start) for c in meta.citations)
    return replace(meta, citations=citations)


def _record_document(record: dict, source: str, line_no: int) -> Document:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise ValueError("a record needs a string `text`")
    text = normalize_text(record["text"])
    meta = extract_one(text)  # a record is one document: never split
    overrides = {k: record[k] for k in OVERRIDABLE if k in record}
    if "date" in overrides and "year" not in overrides and overrides["date"]:
        overrides["year"] = int(str(overrides["date"])[:4])
        overrides["year_inferred"] = False
    meta = replace(meta, **overrides)
    doc_id = str(record.get("id", line_no))
    return Document(f"{source}#{doc_id}", source, line_no, text, meta)


def read_jsonl(data: str, source: str) -> Iterator[Document | Skipped]:
    """One document per line: `id`, `text`, optional metadata. Bad lines are reported, not fatal."""
    for line_no, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _record_document(json.loads(line), source, line_no)
        except (ValueError, TypeError) as err:
            yield Skipped(f"{source}:{line_no}", f"bad JSON Lines record: {err}")


def read_file(file: SourceFile) -> Iterator[Document | Skipped]:
    """The documents of one corpus file, or why it was skipped."""
    try:
        text = decode(file.path.read_bytes())
    except OSError as err:
        yield Skipped(file.source, f"cannot read: {err.strerror}")
        return
    except (UnreadableFile, UnicodeDecodeError) as err:
        yield Skipped(file.source, str(err))
        return
    if file.path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(text, file.source)
    elif not text.strip():
        yield Skipped(file.source, "empty file")
    else:
        yield from documents_of_text(text, file.source)
