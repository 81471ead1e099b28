"""JSON Lines corpora: one document per line, its given metadata checked field by field.

A record with a wrongly typed field is reported by `file:line` and skipped; the rest of the file
indexes. An id seen twice in one file is reported, and the first record keeps it (`Records`).
A file is read a line at a time (`record_lines`): an export of any size costs the memory of one record.
"""

import datetime
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from indexer.limits import MAX_YEAR, MIN_YEAR
from indexer.readers import UnreadableFile, decode
from indexer.readers.limits import MAX_FILE_BYTES, megabytes

MAX_ID_LENGTH = 256  # an id is part of a page's address: longer ones cannot be opened
# A record is a document: no longer than a file of text may be (readers.limits).
MAX_RECORD_BYTES = MAX_FILE_BYTES
READ_CHUNK = 1 << 20  # bytes read at a time
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # a UTF-16 file's line breaks are two bytes: not cut here

# Metadata a record may give; it overrides what extraction finds. Each: str or null.
TEXT_FIELDS = ("doc_type", "number", "issuer", "province", "signer", "title")


class BadRecord(ValueError):
    """A record that cannot be indexed as it is; the message says which field and why."""


def _year(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not MIN_YEAR <= value <= MAX_YEAR:
        raise BadRecord(f"`year` phải là một năm từ {MIN_YEAR} đến {MAX_YEAR} (nhận được {value!r:.40})")
    return value


def _date(value) -> str | None:
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        pass
    raise BadRecord(f"`date` phải là ngày dạng YYYY-MM-DD (nhận được {value!r:.40})")


def checked_overrides(record: dict) -> dict:
    """The metadata a record gives, each field checked; BadRecord names the first bad one."""
    out = {}
    for name in TEXT_FIELDS:
        if name in record:
            if record[name] is not None and not isinstance(record[name], str):
                raise BadRecord(f"`{name}` phải là chuỗi (nhận được {type(record[name]).__name__})")
            out[name] = record[name].strip() or None if record[name] is not None else None
    if "date" in record:
        out["date"] = _date(record["date"])
        if out["date"] and "year" not in record:
            out["year"], out["year_inferred"] = int(out["date"][:4]), False
    if "year" in record:
        out["year"] = _year(record["year"])
    if "year_inferred" in record:
        if not isinstance(record["year_inferred"], bool):
            raise BadRecord("`year_inferred` phải là true hoặc false")
        out["year_inferred"] = record["year_inferred"]
    return out


def record_id(record: dict, line_no: int) -> str:
    """The record's id: a string or a number that can be shown, linked and opened as part of a page's
    address (no control characters, no `.` or `..` between slashes, at most MAX_ID_LENGTH)."""
    value = record.get("id", line_no)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or (isinstance(value, str) and not value.strip()):
        raise BadRecord(f"`id` phải là chuỗi hoặc số (nhận được {value!r:.40})")
    value = str(value).strip()
    if len(value) > MAX_ID_LENGTH:
        raise BadRecord(f"`id` dài quá {MAX_ID_LENGTH} ký tự ({len(value)})")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value) or {".", ".."} & set(value.split("/")):
        raise BadRecord(f"`id` có ký tự điều khiển hoặc đoạn `.`/`..` (nhận được {value!r:.40})")
    return value


def parse_record(line: str, line_no: int) -> tuple[str, str, dict]:
    """(id, text, metadata overrides) of one line, or BadRecord."""
    try:
        record = json.loads(line)
    except ValueError as err:
        raise BadRecord(f"không phải JSON: {err}") from None
    except RecursionError:  # `[[[[...` nested past what the parser follows
        raise BadRecord("không phải JSON: lồng nhau quá sâu") from None
    if not isinstance(record, dict):
        raise BadRecord("mỗi dòng phải là một đối tượng JSON")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise BadRecord("cần trường `text` là chuỗi không rỗng")
    return record_id(record, line_no), record["text"], checked_overrides(record)


def apply_overrides(meta, overrides: dict):
    """The extracted metadata with what the record gives in its place."""
    return replace(meta, **overrides)


class Records:
    """The records of one file, checked in line order: (line, id, text, overrides), or (line, why not).

    >>> records = Records()
    >>> records.check('{"id": 1, "text": "a"}', 1), records.check('{"id": 1, "text": "b"}', 2)
    ((1, '1', 'a', {}), (2, 'mã `1` trùng với dòng 1: bỏ qua bản ghi này'))
    """

    def __init__(self):
        self.seen: dict[str, int] = {}

    def check(self, line: str, line_no: int) -> tuple:
        try:
            doc_id, text, overrides = parse_record(line.removesuffix("\r"), line_no)
        except BadRecord as err:
            return line_no, f"bản ghi JSON Lines hỏng: {err}"
        if doc_id in self.seen:
            return line_no, f"mã `{doc_id[:60]}` trùng với dòng {self.seen[doc_id]}: bỏ qua bản ghi này"
        self.seen[doc_id] = line_no
        return line_no, doc_id, text, overrides


def cut_whole(path: Path) -> bool:
    """Whether a JSON Lines file is read whole rather than a line at a time: UTF-16, whose line breaks
    are not one byte."""
    with open(path, "rb") as handle:
        return handle.read(2).startswith(UTF16_BOMS)


def record_lines(path: Path) -> Iterator[tuple[int, str | None, str | None, int]]:
    """(line number, text, None, bytes) for each line that is not blank, read a chunk at a time; (line
    number, None, why, bytes) for a line that cannot be decoded or is longer than MAX_RECORD_BYTES (never
    held whole).

    A line ends at "\\n" only: a record's text may hold U+2028, form feeds and other characters
    str.splitlines() also cuts at (JSON allows them unescaped in strings). Each line is decoded on its own
    (UTF-8, a BOM on the first, else TCVN3 or VNI: readers.decode).
    """
    line_no, held, size = 1, [], 0
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            pieces = chunk.split(b"\n")
            for piece in pieces[:-1]:
                yield from _line(line_no, held, piece, size)
                line_no, held, size = line_no + 1, [], 0
            if size <= MAX_RECORD_BYTES:
                held.append(pieces[-1])
            size += len(pieces[-1])
    yield from _line(line_no, held, b"", size)


def _line(line_no: int, held: list[bytes], last: bytes, size: int):
    size += len(last)
    if size > MAX_RECORD_BYTES:
        yield line_no, None, f"bản ghi quá lớn: {megabytes(size)} (giới hạn {megabytes(MAX_RECORD_BYTES)})", size
        return
    data = b"".join([*held, last])
    if not data.strip():
        return
    try:
        text = decode(data)
    except UnreadableFile as err:
        yield line_no, None, f"bản ghi JSON Lines hỏng: {err}", size
        return
    if text.strip():
        yield line_no, text, None, size
