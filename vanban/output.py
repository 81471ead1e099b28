"""What every command shares: its one kind of error, the index it opens, how it names a document, JSON out."""

import json
import sys
from contextlib import contextmanager

import indexer


class UserError(Exception):
    """Something the person can fix (no index, a file that cannot be written): one line, exit 1."""


@contextmanager
def user_errors():
    """Turn what indexer says cannot be done (indexer.SearchError: no index, an unknown document, a
    value out of range) into the command's one line and exit status 1, in its own words."""
    try:
        yield
    except indexer.SearchError as err:
        raise UserError(str(err)) from err


def say(message: str = "", end: str = "\n") -> None:
    print(message, file=sys.stderr, end=end)


def open_index(index_dir: str):
    with user_errors():  # none yet, an older format, or damaged: the message says which
        return indexer.open_index(index_dir)


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


def answer(args, found, printer) -> int:
    """What a command found: the JSON the API answers with --json, else `printer(found)` for a person."""
    if args.json:
        print_json(found.as_dict())
    else:
        printer(found)
    return 0
