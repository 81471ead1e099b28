"""Markdown holding HTML, as page-reading models and Word converters write it: tags to text.

`<p align="center"><b>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI</b></p>` becomes two lines; inline marks
(`<b>`, `<u>28</u>`, `<em>`) go; a header laid out as a table (`<table><tr><td>...`) comes out column by
column, so the issuer's cell is read before the motto's. Text between tags keeps its own line breaks
(it is markdown). Everything else about the text is left as it is.

A `.txt` or `.md` file that is mostly such markup is read through `strip_html` (or, when it is a whole
web page, `<html>...`, as a web page); extraction strips what markup a text still holds the same way.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from indexer.readers import legacy
from indexer.readers.plain import read_plain
from indexer.readers.result import ReadResult
from indexer.readers.webpage import page_text

# The tags that make markdown "hold HTML": what Pandoc's GFM writer and page-reading models emit.
HTML_TAG = re.compile(r"</?(?:p|br|b|strong|i|em|u|span|div|table|thead|tbody|tr|td|th|colgroup|col|sup|sub|"
                      r"center|font|h[1-6])\b[^<>]*>", re.I)

# Elements that end a line.
BLOCK_TAGS = {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "blockquote"}
# The words that make a table the document's header: the mottos, a number, a date line.
HEADER_MARKS = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*[-–]|\bSố\s*:|\bSố\s+\d|,\s*ngày\b")
HEADER_MAX_ROWS = 4


# A whole web page saved under a text file's name.
WEB_PAGE = re.compile(r"^\s*(?:<!DOCTYPE\s+html|<html\b)|<body\b", re.I)
# Share of non-blank lines holding a tag above which a text file is markup rather than text.
MARKUP_SHARE = 0.5


def has_html(text: str) -> bool:
    return HTML_TAG.search(text) is not None


def is_web_page(text: str) -> bool:
    return WEB_PAGE.search(text[:4096]) is not None


def mostly_html(text: str) -> bool:
    """True when most non-blank lines of a text hold a tag (Word through Pandoc's GFM writer, page models).

    >>> mostly_html("<table>\\n<tr><td>Số: 1/QĐ</td></tr>\\n</table>\\nNội dung")
    True
    >>> mostly_html("Nội dung <b>x</b>\\nTiếp")
    False
    """
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and sum(1 for line in lines if HTML_TAG.search(line)) > MARKUP_SHARE * len(lines)


class _Cells(HTMLParser):
    """Text with tags dropped; each table kept as rows of cells until it closes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []          # the text so far
        self.tables: list[list[list[list[str]]]] = []  # open tables: rows of cells of text pieces

    def _sink(self) -> list[str] | None:
        """Where text goes: the open cell, the text outside tables, or nowhere (between a table's cells)."""
        if not self.tables:
            return self.out
        return self.tables[-1][-1][-1] if self.tables[-1] and self.tables[-1][-1] else None

    def _put(self, text: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.append(text)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append([])
        elif tag in BLOCK_TAGS:
            self._put("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "table" and self.tables:
            rows = self.tables.pop()
            self._put(_table_text(rows) + "\n")
        elif tag in BLOCK_TAGS and tag != "br":
            self._put("\n")

    def handle_data(self, data):
        self._put(data)


def _cell_lines(pieces: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in "".join(pieces).split("\n") if line.strip()]


def _table_text(rows: list[list[list[str]]]) -> str:
    """A small table holding the header's marks column by column; any other table row by row."""
    grid = [[_cell_lines(cell) for cell in row] for row in rows if row]
    text = " ".join(line for row in grid for cell in row for line in cell)
    if len(grid) <= HEADER_MAX_ROWS and HEADER_MARKS.search(text):
        width = max(len(row) for row in grid)
        columns = [[line for row in grid if j < len(row) for line in row[j]] for j in range(width)]
        return "\n".join(line for column in columns for line in column)
    return "\n".join("\n".join(line for cell in row for line in cell) for row in grid)


def strip_html(text: str) -> str:
    """The text of markdown that holds HTML: tags dropped, blocks and line breaks kept as lines.

    >>> strip_html('<p align="center"><b>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI</b></p>\\nngày <u>28</u> tháng')
    '\\nỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÀ NỘI\\n\\nngày 28 tháng'
    """
    parser = _Cells()
    parser.feed(text)
    parser.close()
    while parser.tables:  # a table never closed: its cells as they came
        parser.out.append(_table_text(parser.tables.pop()) + "\n")
    return "".join(parser.out)


def read_text_file(path: Path) -> ReadResult:
    """Read a .txt or .md file; one that is a web page or mostly HTML is read as its text (format `html`)."""
    result = read_plain(path)
    if is_web_page(result.text):
        return ReadResult(legacy.repair(page_text(result.text)), "html")
    if mostly_html(result.text):
        return ReadResult(strip_html(result.text), "html")
    return result
