"""Read Word 2007+ files (.docx): paragraphs and tables in the body's reading order."""

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml import etree

from indexer.readers import legacy
from indexer.readers.result import ReadResult, UnreadableFile

# What marks a layout table (the document header or signature block laid out in two columns):
# the national motto, the Party's name, a number-symbol `Số: 12/QĐ-UBND`, a date line
# `ngày 15 tháng 5`, or the recipients list `Nơi nhận:`.
LAYOUT_MARKERS = re.compile(
    r"cộng\s+h(?:òa|oà)\s+xã\s+hội|đảng\s+cộng\s+sản|\bsố\s*:?\s*\d+\s*[-/]|ngày\s+\d+\s+tháng|nơi\s+nhận",
    re.IGNORECASE)
# Layout tables are small: a header has two rows, a signature block one or two.
LAYOUT_MAX_ROWS = 4

Fix = Callable[[str], str]


def read_docx(path: Path) -> ReadResult:
    """Read a .docx file; text typed in TCVN3 or VNI fonts is converted to Unicode."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as err:
        raise UnreadableFile(f"tệp .docx hỏng hoặc không phải Word 2007+: {err}") from err
    encoding = legacy.detect("\n".join(_all_text(document)))
    fix = (lambda text: legacy.convert(text, encoding)) if encoding else (lambda text: text)
    return ReadResult("\n".join(_blocks(document, fix)), "docx")


def _all_text(container) -> list[str]:
    """Every paragraph's text, tables included, to detect a legacy encoding once per document."""
    lines = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.extend(line for row in item.rows for cell in row.cells for line in _all_text(cell))
        else:
            lines.append(item.text)
    return lines


def _blocks(container, fix: Fix) -> list[str]:
    """The lines of a body or a cell: a paragraph is one line, a table several."""
    lines = []
    for item in container.iter_inner_content():
        lines.extend(_table_lines(item, fix) if isinstance(item, Table) else [fix(item.text)])
    return lines


def _table_lines(table: Table, fix: Fix) -> list[str]:
    """A layout table column by column, so each column's block stays together; others row by row."""
    grid = _unique_cells(table)
    cells = {id(c): _blocks(c, fix) for row in grid for c in row}
    text = " ".join(line for lines in cells.values() for line in lines)
    if len(table.columns) == 2 and len(grid) <= LAYOUT_MAX_ROWS and LAYOUT_MARKERS.search(text):
        columns = [[row[j] for row in grid if j < len(row)] for j in range(2)]
        return [line for column in columns for c in column for line in cells[id(c)] if line.strip()]
    return ["\t".join(" ".join(cells[id(c)]).strip() for c in row) for row in grid]


def _unique_cells(table: Table) -> list[list]:
    """The table's cells row by row, each merged cell once (python-docx repeats it per grid column)."""
    seen, grid = set(), []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                cells.append(cell)
        grid.append(cells)
    return grid
