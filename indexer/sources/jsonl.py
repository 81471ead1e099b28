"""JSON Lines corpora: one document per line, its given metadata checked field by field.

A record with a wrongly typed field is reported by `file:line` and skipped; the rest of the file
indexes. An id seen twice in one file is reported, and the first record keeps it.
"""

import datetime
import json
import unicodedata
from dataclasses import replace

from indexer.limits import MAX_YEAR, MIN_YEAR

MAX_ID_LENGTH = 256  # an id is part of a page's address: longer ones cannot be opened

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
    if not isinstance(record, dict):
        raise BadRecord("mỗi dòng phải là một đối tượng JSON")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise BadRecord("cần trường `text` là chuỗi không rỗng")
    return record_id(record, line_no), record["text"], checked_overrides(record)


def apply_overrides(meta, overrides: dict):
    """The extracted metadata with what the record gives in its place."""
    return replace(meta, **overrides)
