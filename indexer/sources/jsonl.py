"""JSON Lines corpora: one document per line, its given metadata checked field by field.

A line that cannot be a document (not JSON, no text, an id that cannot be an address) is reported by
`file:line` and skipped; the rest of the file indexes. A field of the wrong type or shape costs the
field, not the document: the record is indexed with its text and its other fields, extraction fills
that field where it can, and the field is reported by `file:line` with the reason. An id seen twice in
one file is reported, and the first record keeps it (`Records`). A file is read a line at a time
(`record_lines`): an export of any size costs the memory of one record.
"""

import datetime
import json
import re
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

# A date as an export gives it: a day `2019-05-15`, or only the month `2025-03` or the year `2025` when
# the document leaves the day (and month) blank, as a draft does (local_dev's export has both).
GIVEN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


class BadRecord(ValueError):
    """A record that cannot be indexed as it is; the message says why."""


class BadField(ValueError):
    """A field a record gives that cannot be used as it is; the message says which field and why."""


def _year(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not MIN_YEAR <= value <= MAX_YEAR:
        raise BadField(f"`year` phải là một năm từ {MIN_YEAR} đến {MAX_YEAR} (nhận được {value!r:.40})")
    return value


def given_date(value) -> tuple[str | None, str | None]:
    """(date, partial date) of a given `date`: a whole day, or a month or year whose day is blank.

    >>> given_date("2019-05-15"), given_date(" 2025-03"), given_date("2025"), given_date(None)
    (('2019-05-15', None), (None, '2025-03'), (None, '2025'), (None, None))
    """
    if value is None:
        return None, None
    match = GIVEN_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError:
            match = None
        else:
            if MIN_YEAR <= year <= MAX_YEAR:
                text = match.group(0)
                return (text, None) if day else (None, text)
    raise BadField(f"`date` phải là ngày dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY khi không có ngày) "
                   f"(nhận được {value!r:.40})")


def _text_field(record: dict, name: str) -> str | None:
    value = record[name]
    if value is not None and not isinstance(value, str):
        raise BadField(f"`{name}` phải là chuỗi (nhận được {type(value).__name__})")
    return value.strip() or None if value is not None else None


def _dated(record: dict) -> dict:
    """The date fields a given `date` sets: the day or the partial date, and the year it prints."""
    date, partial = given_date(record["date"])
    out = {"date": date} | ({"partial_date": partial} if partial else {})
    if (date or partial) and "year" not in record:
        out["year"], out["year_inferred"] = int((date or partial)[:4]), False
    return out


def _inferred(record: dict) -> dict:
    if not isinstance(record["year_inferred"], bool):
        raise BadField("`year_inferred` phải là true hoặc false")
    return {"year_inferred": record["year_inferred"]}


def checked_overrides(record: dict) -> tuple[dict, list[tuple[str, str]]]:
    """The metadata a record gives, each field checked, and the fields left out: (name, reason) each."""
    checks = [(name, lambda n=name: {n: _text_field(record, n)}) for name in TEXT_FIELDS]
    checks += [("date", lambda: _dated(record)), ("year", lambda: {"year": _year(record["year"])}),
               ("year_inferred", lambda: _inferred(record))]
    out, dropped = {}, []
    for name, check in checks:
        if name in record:
            try:
                out.update(check())
            except BadField as err:
                dropped.append((name, str(err)))
    return out, dropped


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


def parse_record(line: str, line_no: int) -> tuple[str, str, dict, list[tuple[str, str]]]:
    """(id, text, metadata overrides, fields left out with the reason) of one line, or BadRecord."""
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
    return (record_id(record, line_no), record["text"]) + checked_overrides(record)


def apply_overrides(meta, overrides: dict):
    """The extracted metadata with what the record gives in its place; a date given (whole or partial)
    replaces every date extraction read or deduced, a number given the printed symbol kept for unreadable
    digits (`partial_number`); neither is then said to be unsure or to come from around the page (`sources`)."""
    given = {"date"} if overrides.get("date") or overrides.get("partial_date") else set()
    given |= {"number"} if overrides.get("number") else set()
    if not given:
        return replace(meta, **overrides)
    cleared = ({"partial_date": None, "date_min": None} if "date" in given else {}) | (
        {"partial_number": None} if "number" in given else {})
    gone = given | ({"year"} if "date" in given else set())
    return replace(meta, **cleared | overrides | {
        "deduced": tuple(f for f in meta.deduced if f not in gone),
        "uncertain": tuple(f for f in meta.uncertain if f not in given),
        "sources": tuple((f, s) for f, s in meta.sources if f not in given)})


class Records:
    """The records of one file, checked in line order: (line, id, text, overrides, fields left out with
    the reason), or (line, why not).

    >>> records = Records()
    >>> records.check('{"id": 1, "text": "a"}', 1), records.check('{"id": 1, "text": "b"}', 2)
    ((1, '1', 'a', {}, []), (2, 'mã `1` trùng với dòng 1: bỏ qua bản ghi này'))
    """

    def __init__(self):
        self.seen: dict[str, int] = {}

    def check(self, line: str, line_no: int) -> tuple:
        try:
            doc_id, text, overrides, dropped = parse_record(line.removesuffix("\r"), line_no)
        except BadRecord as err:
            return line_no, f"bản ghi JSON Lines hỏng: {err}"
        if doc_id in self.seen:
            return line_no, f"mã `{doc_id[:60]}` trùng với dòng {self.seen[doc_id]}: bỏ qua bản ghi này"
        self.seen[doc_id] = line_no
        return line_no, doc_id, text, overrides, dropped


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
