"""Read Word 2007+ files (.docx): paragraphs and tables in the body's reading order."""

import re
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml.ns import nsmap
from docx.table import Table
from lxml import etree

from indexer.readers import legacy
from indexer.readers.result import ReadResult, UnreadableFile
from indexer.readers.wordzip import check_package

# What marks a layout table (the document header or signature block laid out in two columns):
# the national motto, the Party's name, a number-symbol `Số: 12/QĐ-UBND`, a date line
# `ngày 15 tháng 5`, or the recipients list `Nơi nhận:`.
LAYOUT_MARKERS = re.compile(
    r"cộng\s+h(?:òa|oà)\s+xã\s+hội|đảng\s+cộng\s+sản|\bsố\s*:?\s*\d+\s*[-/]|ngày\s+\d+\s+tháng|nơi\s+nhận",
    re.IGNORECASE)
# Layout tables are small: a header has two rows, a signature block one or two.
LAYOUT_MAX_ROWS = 4

# A paragraph's text as python-docx's `Paragraph.text` builds it (the runs, also inside hyperlinks;
# tabs, breaks and non-breaking hyphens as their characters), from an XPath compiled once:
# python-docx compiles its own on every paragraph and run, 15 times slower on a long document.
RUN_TEXT = "*[self::w:br or self::w:cr or self::w:noBreakHyphen or self::w:ptab or self::w:t or self::w:tab]"
PARAGRAPH_TEXT = etree.XPath(f"w:r/{RUN_TEXT} | w:hyperlink/w:r/{RUN_TEXT}", namespaces=nsmap)
# python-docx's refusal of a package whose main part is not a Word document.
NOT_WORD = re.compile(r"is not a Word file, content type is '([^']*)'")
# What such a main part is, by its content type.
OOXML = "application/vnd.openxmlformats-officedocument."
OTHER_DOCUMENTS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "văn bản Word có macro (.docm)",
    OOXML + "wordprocessingml.template.main+xml": "mẫu Word (.dotx)",
    OOXML + "spreadsheetml.sheet.main+xml": "bảng tính Excel",
    OOXML + "presentationml.presentation.main+xml": "bản trình chiếu PowerPoint",
}

Fix = Callable[[str], str]


def read_docx(path: Path) -> ReadResult:
    """Read a .docx file; text typed in TCVN3 or VNI fonts is converted to Unicode."""
    check_package(path)
    try:
        document = docx.Document(str(path))
        encoding = legacy.detect("\n".join(_all_text(document)))
        fix = (lambda text: legacy.convert(text, encoding)) if encoding else (lambda text: text)
        return ReadResult("\n".join(_blocks(document, fix)), "docx")
    except MemoryError:
        raise  # not the file's fault alone: the caller's limit on the process says what happened
    except Exception as err:  # python-docx fails in many ways on broken XML; each one is this file's
        raise UnreadableFile(_failure(err)) from err


def _failure(err: Exception) -> str:
    """Why python-docx could not read a .docx, in one line."""
    not_word = NOT_WORD.search(str(err))
    if not_word:
        kind = OTHER_DOCUMENTS.get(not_word.group(1), f"nội dung loại {not_word.group(1)}")
        return f"tệp .docx không phải văn bản Word: phần chính là {kind}"
    reason = " ".join(str(err).split()) or type(err).__name__
    return f"tệp .docx hỏng hoặc không phải Word 2007+: {reason}"


def _text(paragraph) -> str:
    return "".join(map(str, PARAGRAPH_TEXT(paragraph._p)))


def _all_text(container) -> list[str]:
    """Every paragraph's text, tables included, to detect a legacy encoding once per document."""
    lines = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.extend(line for row in item.rows for cell in row.cells for line in _all_text(cell))
        else:
            lines.append(_text(item))
    return lines


def _blocks(container, fix: Fix) -> list[str]:
    """The lines of a body or a cell: a paragraph is one line, a table several."""
    lines = []
    for item in container.iter_inner_content():
        lines.extend(_table_lines(item, fix) if isinstance(item, Table) else [fix(_text(item))])
    return lines


def _table_lines(table: Table, fix: Fix) -> list[str]:
    """A layout table column by column, so each column's block stays together; others row by row."""
    grid, width = _unique_cells(table)
    cells = {id(c): _blocks(c, fix) for row in grid for c in row}
    text = " ".join(line for lines in cells.values() for line in lines)
    if width == 2 and len(grid) <= LAYOUT_MAX_ROWS and LAYOUT_MARKERS.search(text):
        columns = [[row[j] for row in grid if j < len(row)] for j in range(2)]
        return [line for column in columns for c in column for line in cells[id(c)] if line.strip()]
    return ["\t".join(" ".join(cells[id(c)]).strip() for c in row) for row in grid]


def _unique_cells(table: Table) -> tuple[list[list], int]:
    """The table's cells row by row, each merged cell once, and its width in grid columns."""
    seen, grid, width = set(), [], 0
    for row in table.rows:
        cells = []
        row_cells = row.cells  # one per grid column, a merged cell repeated
        width = max(width, len(row_cells))  # from the rows: `len(table.columns)` fails without `<w:tblGrid>`
        for cell in row_cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                cells.append(cell)
        grid.append(cells)
    return grid, width
