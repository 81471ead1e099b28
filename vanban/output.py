"""What every command shares: its one kind of error, the index it opens, how it names a document, JSON out."""

import json
import sys

import indexer


class UserError(Exception):
    """Something the person can fix (no index, a file that cannot be written): one line, exit 1."""


def say(message: str = "", end: str = "\n") -> None:
    print(message, file=sys.stderr, end=end)


def open_index(index_dir: str):
    try:
        return indexer.open_index(index_dir)
    except indexer.IndexNotFound as err:  # none yet, an older format, or damaged: the message says which
        raise UserError(str(err)) from err


def head(doc) -> str:
    """A document on one line: type, number, issuer, date."""
    date = f"{doc.year} (suy ra)" if doc.year_inferred else (doc.date or doc.year or "không rõ ngày")
    if getattr(doc, "in_range_by", None) == "year":  # a date range took it by its year
        date = f"{date}, trong khoảng theo năm"
    status = getattr(doc, "status", None)
    if status and status != "unknown":  # a hit's validity beside its date (a repealed one marked, never hidden)
        date = f"{date} ({indexer.labels.STATUS_LABELS[status].lower()})"
    return " · ".join(str(x) for x in (doc.doc_type or "Văn bản", doc.number or "không số",
                                       doc.issuer or "không rõ cơ quan ban hành", date))


def print_json(body: dict) -> None:
    """The JSON the API answers, on standard output."""
    print(json.dumps(body, ensure_ascii=False, indent=1))
