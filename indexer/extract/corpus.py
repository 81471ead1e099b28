"""Read a corpus: folders of files staff keep (text, Word, PDF, web pages; one or several documents
each) and JSON Lines files of records."""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from analyzers.normalize import normalize_text
from indexer.extract.citations import MAX_CITATIONS
from indexer.extract.metadata import DocumentMetadata, extract, extract_one, given_metadata
from indexer.extract.scanned import Around
from indexer.readers import UnreadableFile, decode, read_bytes, read_text, without_mojibake
from indexer.sources.files import JSONL_SUFFIXES, SourceFile, list_files, path_text
from indexer.sources.guard import Failure, file_seconds, run_guarded
from indexer.sources.jsonl import Records, apply_overrides
from indexer.vocab.structure import Structure

# A JSON Lines file is an export of many documents: larger than one document's file may be.
MAX_JSONL_BYTES = 512 << 20

__all__ = ["Document", "Skipped", "SourceFile", "documents_of_text", "dropped_fields", "list_files", "read_file",
           "read_file_list", "read_files_guarded", "read_jsonl", "record_document", "skipped_before_reading"]


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
    path: str = ""        # the original file (sources.files.path_text), so a page can link to it
    digest: str = ""      # of the original file's bytes when it was read: a page serves it only unchanged
    structure: Structure | None = None  # its outline and tasks, once read (extract.structure; the build reads it)


@dataclass(frozen=True)
class Skipped:
    """A file (or a JSON Lines record) that could not be read, and why; or, with `field`, a field a record
    gave that was left out of its document (indexed all the same)."""

    source: str
    reason: str
    field: str | None = None


def documents_of_text(text: str, source: str, around: Around | None = None) -> list[Document]:
    """Split a text file's content into its documents (`source#0`, `source#1`, ...); `around` is what the
    file says around its text (its name, a scan's header read apart)."""
    text = normalize_text(text)
    return [Document(f"{source}#{m.part}", source, m.part, text[m.start:m.end], _rebase(m))
            for m in extract(text, around)]


def _rebase(meta: DocumentMetadata) -> DocumentMetadata:
    """Citation (and change) offsets relative to the document's own text (not its file's)."""
    citations = tuple(replace(c, start=c.start - meta.start, end=c.end - meta.start) for c in meta.citations)
    changes = tuple(replace(c, start=c.start - meta.start, end=c.end - meta.start) for c in meta.changes)
    return replace(meta, citations=citations, changes=changes)


def read_jsonl(data: str, source: str) -> Iterator[Document | Skipped]:
    """One document per line: `id`, `text`, optional metadata. Bad lines are reported, not fatal; a bad
    field is reported and left out, and its record indexed."""
    records = Records()
    # Records end at a newline only: a record's text may hold U+2028, form feeds or other characters
    # str.splitlines() would also cut at (JSON allows them unescaped in strings).
    for line_no, line in enumerate(data.split("\n"), start=1):
        if not line.removesuffix("\r").strip():
            continue
        checked = records.check(line, line_no)
        if len(checked) == 2:
            yield Skipped(f"{source}:{line_no}", checked[1])
            continue
        found = record_document(source, *checked[:4])
        yield found
        if isinstance(found, Document):
            yield from dropped_fields(source, line_no, checked[4])


def record_document(source: str, line_no: int, doc_id: str, text: str, overrides: dict,
                    **origin) -> Document | Skipped:
    """A checked JSON Lines record as a document (text normalized, metadata extracted, then the record's own
    put in its place), or why not; `origin`: the file's path and digest."""
    text, refused = without_mojibake(normalize_text(text))
    if refused:  # each record is checked, as a file is: one damaged record is skipped alone
        return Skipped(f"{source}:{line_no}", refused)
    # A record is one document: never split. What it gives is spelled as extraction spells it.
    meta = apply_overrides(extract_one(text), given_metadata(overrides, text))
    return Document(f"{source}#{doc_id}", source, line_no, text, meta, **{"format": "jsonl", **origin})


def dropped_fields(source: str, line_no: int, dropped: list[tuple[str, str]]) -> list[Skipped]:
    """The fields a record gave that were left out, each reported with its reason (the record indexed)."""
    return [Skipped(f"{source}:{line_no}", f"{reason}: bỏ trường này, văn bản vẫn được lập chỉ mục", name)
            for name, reason in dropped]


def read_file_list(file: SourceFile) -> list[Document | Skipped]:
    """read_file's items as a list (what a guarded worker sends back)."""
    return list(read_file(file))


def read_files_guarded(files: list[SourceFile]) -> Iterator[tuple[SourceFile, list[Document | Skipped]]]:
    """Each file and its items, read in guarded worker processes (indexer.sources.guard): a file that
    fails, runs too long or needs too much memory comes back as skipped with the reason."""
    for file, result in run_guarded(read_file_list, files, seconds=file_seconds):
        yield file, [Skipped(file.source, result.reason)] if isinstance(result, Failure) else result


def skipped_before_reading(file: SourceFile) -> list[Skipped]:
    """Why a listed file is not read at all (decided when it was listed), as a report line."""
    return [Skipped(file.source, file.skip)] if file.skip else []


def read_file(file: SourceFile) -> Iterator[Document | Skipped]:
    """The documents of one corpus file, or why it was skipped."""
    if file.skip:
        yield from skipped_before_reading(file)
        return
    try:
        items = _read(file)
    except OSError as err:
        items = [Skipped(file.source, f"không đọc được: {err.strerror}")]
    except UnreadableFile as err:
        items = [Skipped(file.source, str(err))]
    yield from items


def _around(file: SourceFile, result) -> Around:
    """What a file says around its text: its name, and a scan's header read apart (readers.pdf.ScanRead)."""
    return Around(file.path.name, tuple(normalize_text(h) for h in getattr(result, "headers", ())))


def _read(file: SourceFile) -> list[Document | Skipped]:
    """Read a file with the reader for its kind; raises UnreadableFile or OSError."""
    suffix = file.path.suffix.lower()
    if file.path.stat().st_size == 0:
        return [Skipped(file.source, "tệp rỗng")]
    if suffix not in JSONL_SUFFIXES:
        result = read_text(file.path)
        if not result.text.strip():
            return [Skipped(file.source, "tệp rỗng")]
        origin = dict(format=result.format, ocr=result.ocr, path=path_text(file.path), digest=file.digest)
        documents = [replace(d, **origin) for d in documents_of_text(result.text, file.source, _around(file, result))]
        pages = getattr(result, "confidence", ())  # a scan's pages and how well each was read (readers.pdf.ScanRead)
        documents = [replace(d, meta=replace(d.meta, ocr_pages=pages)) for d in documents] if pages else documents
        warnings = [result.warning] if result.warning else []
        if any(len(d.meta.citations) >= MAX_CITATIONS for d in documents):
            warnings.append(f"chỉ giữ {MAX_CITATIONS:,} trích dẫn đầu của một văn bản".replace(",", "."))
        return documents + [Skipped(file.source, w) for w in warnings]
    text = decode(read_bytes(file.path, MAX_JSONL_BYTES))
    if not text.strip():
        return [Skipped(file.source, "tệp rỗng")]
    origin = dict(format="jsonl", path=path_text(file.path), digest=file.digest)
    return [replace(d, **origin) if isinstance(d, Document) else d
            for d in read_jsonl(text, file.source)]
