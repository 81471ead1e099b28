"""A document's header as its page prints it: the part above the type heading, stamps blanked, and the
number, date and type it prints; for a scan, each reading of it (`scanned.Around.headers`), the digits
the readings agree on. `metadata.extract_one` names the issuer and the rest from it."""

import re

from indexer.extract.header import (
    SUBJECT_LINE,
    Printed,
    floating_header,
    header_heading,
    read_date,
    read_number,
    type_heading,
)
from indexer.extract.issuer_block import header_issuer
from indexer.extract.layouts import head_text
from indexer.extract.layouts.scans import unglue
from indexer.extract.scanned import Around, agreed_date, agreed_number
from indexer.vocab.refs import type_name, type_of_symbol

# An arrival stamp OCR'd into the text (`VP. UBND TỈNH KG Số: 606 ĐẾN Ngày: 10/6/2021`, a scan's
# `ĐẾN sð4410ý....`, `Số và ký hiệu H§:`, `Chuyển:`): neither its number nor its date belongs to the document.
STAMP = re.compile(r"(?:ĐẾN|Đến)\s*Ngày\s*:|(?:^|\s)ĐẾN\s+S|Số và ký hiệu H|^[ \t]*Chuyển\s*:", re.M)
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# Words every match of STAMP holds: a paragraph without any is not searched (STAMP, case-sensitive and opening
# with `^` or `\s`, is tried at every character: over every paragraph of gazette_dev and local_dev, 0.4 s).
STAMP_WORDS = ("ĐẾN", "Đến", "Số và ký hiệu H", "Chuyển")

# The header when no type heading ends it, in characters (one of the reaches bench/reaches.py halves,
# doubles and lifts on the 339 texts of gazette_dev, local_dev and the seeds, figures of 2026-12-06):
# 24 documents have none, 22 of them with a head text past this bound; their metadata is the same at
# 750, at 3,000 and with no bound. Set in the first extraction.
HEADER_FALLBACK = 1500


def stamped_paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs that hold an arrival stamp.

    >>> stamped_paragraphs("Kính gửi: Sở\\n\\nVP. UBND TỈNH KG\\nSố: 606\\nĐẾN Ngày: 10/6/2021\\n\\nĐến năm 2025")
    [(14, 58)]
    """
    return [m.span() for m in PARAGRAPH.finditer(text)
            if any(word in m.group(0) for word in STAMP_WORDS) and STAMP.search(m.group(0))]


def header_of(head: str) -> str:
    """The part before the type heading (or the first lines), stamps blanked out."""
    heading = type_heading(head)
    end = heading.start() if heading else min(len(head), HEADER_FALLBACK)
    header = head[:end]
    for s, e in stamped_paragraphs(header):
        header = header[:s] + " " * (e - s) + header[e:]
    return header


def _printed(head: str) -> tuple[str, Printed, Printed]:
    """The header, and the number and date it prints; a header printed away from the top when the
    top prints no number."""
    header = header_of(head)
    number = read_number(header)
    if number.state == "none":
        floating = floating_header(head)
        if floating:
            header, number = floating, read_number(floating)
    return header, number, read_date(header)


def page_header(text: str, view: str, around: Around) -> tuple[list[str], list[str], Printed, Printed]:
    """The head in reading order and its header (before the type heading), and the number and date it
    prints; for a scan, each reading of its header (`Around.headers`), the one that names an issuer first,
    with the digits the readings agree on."""
    if not around.headers:
        head = head_text(text, view)  # the header in reading order, whatever its layout
        header, number, date = _printed(head)
        return [head], [header], number, date
    heads = [head_text(unglue(h)) for h in around.headers]
    headers = [header_of(h) for h in heads]
    named = sorted(range(len(heads)), key=lambda i: header_issuer(headers[i])[0] is None)
    number, date = agreed_number(tuple(headers)), agreed_date(tuple(headers))
    return [heads[i] for i in named], [headers[i] for i in named], number, date


def _doc_type(head: str, header: str, number: Printed) -> str | None:
    """The type its heading names (`QUY ĐỊNH` is a Quy định though its symbol says `QĐ`), else its symbol's
    code, else a letter's `V/v` line."""
    heading, in_header = header_heading(head)
    symbol_type = type_of_symbol(number.value or f"0{number.symbol}") if number.symbol else None
    if heading and in_header:
        return type_name(heading.group(1))
    if symbol_type or number.doc_type:
        return symbol_type or number.doc_type
    if heading:
        return type_name(heading.group(1))
    if SUBJECT_LINE.search(header) or number.value or number.symbol:
        return "Công văn"  # an official letter carries no type code and no type heading
    return None


def read_type(heads: list[str], headers: list[str], number: Printed) -> str | None:
    """The type a head names; of a scan's readings, the heading one of them reads in its header first.

    >>> read_type(["BỘ Y TẾ\\nSố: 12/QĐ-BYT\\n\\nQUYẾT ĐỊNH\\nVề việc ..."], ["BỘ Y TẾ\\nSố: 12/QĐ-BYT\\n"],
    ...           Printed("12/QĐ-BYT", "read", symbol="/QĐ-BYT"))
    'Quyết định'
    """
    for head in heads[1:]:
        heading, in_header = header_heading(head)
        if heading and in_header and not header_heading(heads[0])[1]:
            return type_name(heading.group(1))
    return next((t for t in (_doc_type(h, hh, number) for h, hh in zip(heads, headers)) if t), None)
