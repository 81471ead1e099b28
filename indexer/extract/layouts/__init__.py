"""Layout families: each way a document's header reaches us, put into one reading order before its
type, number, date and issuer are read.

The header of an administrative document is two columns: the issuer, its number (and a letter's `V/v`)
on the left; the national motto (or the Party's name) and the place and date on the right. Each family
of files scrambles them its own way, and each has its step here:

    gazette PDFs' text layer   the columns one after the other: nothing to do
    markdown holding HTML      `indexer.readers.markup`: tags stripped to text, a header table read
                               column by column (the reader does it for a file that is mostly HTML)
    Pandoc markdown            `markdown`: `\\` escapes undone, emphasis split by a wrap rejoined, a header
                               table (cells between `|` lines, or `| a | b |` rows) read column by column
    Word through old converters, pdftotext -layout, Tesseract
                               `columns`: a line holding both columns (a tab, a run of spaces, one space)
                               cut where the right column starts
    Tesseract and page-model text of scans
                               `scans`: the seal's debris dropped, header words whose diacritics were
                               misread written right; digits read only where the reading is sure

`head_text(text)` gives the text's first part (as much as a header, title and preamble take) with every
step that applies done: left column first, then right column, then the rest, page furniture blanked.
It is for reading the header; offsets into it mean nothing in the text itself.

May import: analyzers, indexer.readers (markup) and indexer.extract's table modules (headings, refs,
places, issuers, furniture).
"""

import re

from indexer.extract.furniture import reading_view
from indexer.extract.headings import LONG_HEADING, TYPE_HEADING
from indexer.extract.layouts.columns import in_columns
from indexer.extract.layouts.markdown import join_emphasis, pandoc_table, pipe_table, unescape
from indexer.extract.layouts.scans import fix_scan_header
from indexer.readers import has_html, strip_html

__all__ = ["head_text"]

# The lines a header may take, seal debris and wrapped cells included.
HEAD_LINES = 40
# How much of a text its header, title and preamble can take, with room for a header printed after the
# first page's body (a gazette's text layer): the rest is never read for them.
HEAD_CHARS = 30000

# What a markdown or HTML step would change: without any, the text's furniture view is its head's start.
MARKDOWN_OR_HTML = re.compile(r"[|\\*<]")

# Markdown marks on a header line: emphasis, a heading's `#`, a quote's `>`.
MARKS = re.compile(r"\*+|^[ \t]*(?:#+|>)[ \t]*")


def _heading_line(lines: list[str]) -> int:
    """The index of the first type heading line (where the header ends), or the number of lines."""
    for i, line in enumerate(lines):
        if TYPE_HEADING.fullmatch(line) or LONG_HEADING.fullmatch(line):
            return i
    return len(lines)


def _markdown(text: str) -> str:
    if "\\" in text:
        text = unescape(text)
    return join_emphasis(text) if "*" in text else text


def head_text(text: str, view: str | None = None) -> str:
    """The text in reading order for its header: every layout family's step that applies, done
    (`view`, the text's furniture view when the caller has it, saves making it again).

    >>> print(head_text("ỦY BAN NHÂN DÂN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nTỈNH BẮC NINH\\tĐộc lập - Tự do"
    ...                 "\\nSố: 12/QĐ-UBND\\tBắc Ninh, ngày 2 tháng 3 năm 2025\\nQUYẾT ĐỊNH\\nVề việc"))
    ỦY BAN NHÂN DÂN
    TỈNH BẮC NINH
    Số: 12/QĐ-UBND
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Độc lập - Tự do
    Bắc Ninh, ngày 2 tháng 3 năm 2025
    QUYẾT ĐỊNH
    Về việc
    """
    cut = text.find("\n", HEAD_CHARS)
    text = text if cut < 0 else text[:cut]
    if view is not None and not MARKDOWN_OR_HTML.search(text):
        text = view[:len(text)]  # nothing to undo: the furniture view the caller has is the same text
    else:
        if "|" in text:  # before the tags go: a page model's cell holds `<br>` between its lines
            text = pipe_table(pandoc_table(text))
        if has_html(text):
            text = strip_html(text)
        text = reading_view(_markdown(text))
    lines = text.split("\n", HEAD_LINES)
    head = fix_scan_header([MARKS.sub("", line) for line in lines[:HEAD_LINES]])
    return in_columns("\n".join(head + lines[HEAD_LINES:]), _heading_line(head))
