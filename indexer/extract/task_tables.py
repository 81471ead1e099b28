"""Assignment tables: the rows of a plan's `phân công` table, each cell with its span in the text.

A plan often repeats its tasks in a table (`TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian hoàn thành`), which reaches us in three markdown layouts: a pipe table (`| a | b |` rows, one
line each), Pandoc's cells between lines holding only `|` (two such lines end a row, the same layout
`indexer.extract.layouts.markdown` reads a header from), and an HTML table (`<tr><td>`) in markdown that
holds HTML. A PDF's text layer keeps no table: its cells come one a line and are not read.
"""

import html
import re
from dataclasses import dataclass

from analyzers.normalize import fold
from indexer.extract.layouts.markdown import CELL_BREAK, PIPE_ROW, PIPE_RULE

HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
# A Pandoc cell table's boundaries stand at most this many lines apart (a task's cell holds a few lines);
# a header's cell is short (`Cơ quan phối hợp`, `Thời gian hoàn thành`).
MAX_CELL_LINES = 40
HEADER_CELL = 60
BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Column roles, read from a header cell folded to ASCII: who leads, who works with it, by when, what.
LEAD = re.compile(r"chu tri|(?:co quan|don vi)(?: thuc hien)?$|^(?:co quan|don vi) thuc hien|^don vi$|^co quan$")
PARTNER = re.compile(r"phoi hop")
DEADLINE = re.compile(r"thoi gian|thoi han|tien do|hoan thanh|moc")
CONTENT = re.compile(r"noi dung|nhiem vu|cong viec|hoat dong|ten de an|ten van ban|san pham|giai phap")


@dataclass(frozen=True)
class Cell:
    """A cell's text and its span in the document's text."""

    text: str
    start: int
    end: int


def _pipe_tables(text: str) -> list[list[list[Cell]]]:
    tables, rows, offset = [], [], 0
    for line in text.split("\n"):
        if PIPE_ROW.match(line) and not PIPE_RULE.match(line):
            cells, at = [], offset + line.index("|") + 1
            for piece in line.strip().strip("|").split("|"):
                start = text.index(piece, at) if piece else at
                cells.append(Cell(piece.strip(), start, start + len(piece)))
                at = start + len(piece) + 1
            rows.append(cells)
        elif not PIPE_RULE.match(line):
            if rows:
                tables.append(rows)
            rows = []
        offset += len(line) + 1
    return tables + ([rows] if rows else [])


def _pandoc_tables(text: str) -> list[list[list[Cell]]]:
    """Tables of cells between `|` lines, each from a header row that names a lead column."""
    boundaries, offset = [], 0
    for line in text.split("\n"):
        if CELL_BREAK.match(line):
            boundaries.append((offset, offset + len(line)))
        offset += len(line) + 1
    ends = boundaries[1:] + [(len(text), len(text))]  # a table at the text's end may lack its last `|`
    runs: list[list[Cell]] = [[]]
    for a, b in zip(boundaries, ends):
        between = text[a[1]:b[0]]
        if text.count("\n", a[1], b[0]) > MAX_CELL_LINES or BLANK_LINE.search(between.strip("\n")):
            runs.append([])  # no cell: a cell never holds a blank line
        else:
            runs[-1].append(Cell(between.strip(), a[1], b[0]))
    tables = []
    for segments in runs:
        k = 0
        while k < len(segments):
            if segments[k].text and LEAD.search(_key(segments[k])):
                table, k = _pandoc_rows(segments, k)
                if table:
                    tables.append(table)
            k += 1
    return tables


def _pandoc_rows(segments: list[Cell], at: int) -> tuple[list[list[Cell]], int]:
    """The table whose header holds segment `at`: the header spans the short cells around it up to an empty
    segment (a row's end); each row after it is as many cells, then an empty segment. Returns the rows and
    the last segment read."""
    first = at
    while first > 0 and segments[first - 1].text and len(segments[first - 1].text) <= HEADER_CELL:
        first -= 1
    last = at
    while last + 1 < len(segments) and segments[last + 1].text:
        last += 1
    width = last - first + 1
    rows, k = [segments[first:last + 1]], last + 2
    while k + width <= len(segments) and (k + width == len(segments) or not segments[k + width].text):
        row = segments[k:k + width]
        if not any(cell.text for cell in row):
            break
        rows.append(row)
        k += width + 1
    return rows, k - 1


def _html_tables(text: str) -> list[list[list[Cell]]]:
    tables = []
    for table in HTML_TABLE.finditer(text):
        rows = []
        for row in HTML_ROW.finditer(text, table.start(), table.end()):
            cells = [Cell(html.unescape(" ".join(TAG.sub(" ", c.group(1)).split())), c.start(1), c.end(1))
                     for c in HTML_CELL.finditer(text, row.start(1), row.end(1))]
            if cells:
                rows.append(cells)
        tables.append(rows)
    return tables


def tables_of(text: str) -> list[list[list[Cell]]]:
    """Every table of the text in any markdown layout, as rows of cells."""
    found = []
    if "|" in text:
        found += _pipe_tables(text) + _pandoc_tables(text)
    if "<t" in text or "<T" in text:
        found += _html_tables(text)
    return found


def _key(cell: Cell) -> str:
    return " ".join(re.sub(r"[^a-z ]+", " ", fold(cell.text.replace("*", "")).lower()).split())


def columns(header: list[Cell]) -> dict[str, int] | None:
    """The column of each role in a header row, or None when it is no assignment table's header.

    >>> cells = [Cell(t, 0, 0) for t in ("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
    ...                                   "Thời gian hoàn thành")]
    >>> columns(cells)
    {'content': 1, 'lead': 2, 'partners': 3, 'deadline': 4}
    """
    roles: dict[str, int] = {}
    for j, cell in enumerate(header):
        key = _key(cell)
        if not key:
            continue
        if "lead" not in roles and LEAD.search(key) and not key.startswith("nhiem vu"):
            roles["lead"] = j
        elif "partners" not in roles and PARTNER.search(key):
            roles["partners"] = j
        elif "deadline" not in roles and DEADLINE.search(key):
            roles["deadline"] = j
        elif "content" not in roles and CONTENT.search(key):
            roles["content"] = j
    return roles if "lead" in roles and "content" in roles else None


def assignment_rows(text: str) -> list[tuple[dict[str, Cell], Cell]]:
    """Each data row of every assignment table: its cells by role, and its first cell (where the row starts)."""
    rows = []
    for table in tables_of(text):
        for k, header in enumerate(table[:3]):
            roles = columns(header)
            if roles:
                for row in table[k + 1:]:
                    cells = {role: row[j] for role, j in roles.items() if j < len(row)}
                    if cells.get("content") and cells["content"].text:
                        rows.append((cells, row[0]))
                break
    return rows
