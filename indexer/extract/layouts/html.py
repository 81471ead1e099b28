"""Markdown holding HTML, as page-reading models and Word converters write it: tags to text.

`<p align="center"><b>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI</b></p>` becomes two lines; inline marks
(`<b>`, `<u>28</u>`, `<em>`) go; a header laid out as a table (`<table><tr><td>...`) comes out column by
column, so the issuer's cell is read before the motto's. Text between tags keeps its own line breaks
(it is markdown). Everything else about the text is left as it is.
"""

import re
from html.parser import HTMLParser

# The tags that make markdown "hold HTML": what Pandoc's GFM writer and page-reading models emit.
HTML_TAG = re.compile(r"</?(?:p|br|b|strong|i|em|u|span|div|table|thead|tbody|tr|td|th|colgroup|col|sup|sub|"
                      r"center|font|h[1-6])\b[^<>]*>", re.I)

# Elements that end a line.
BLOCK_TAGS = {"p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "blockquote"}
# The words that make a table the document's header: the mottos, a number, a date line.
HEADER_MARKS = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*[-–]|\bSố\s*:|\bSố\s+\d|,\s*ngày\b")
HEADER_MAX_ROWS = 4


def has_html(text: str) -> bool:
    return HTML_TAG.search(text) is not None


class _Cells(HTMLParser):
    """Text with tags dropped; each table kept as rows of cells until it closes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []          # the text so far
        self.tables: list[list[list[list[str]]]] = []  # open tables: rows of cells of text pieces

    def _sink(self) -> list[str]:
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            return self.tables[-1][-1][-1]
        return self.out

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
            self._sink().append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "table" and self.tables:
            rows = self.tables.pop()
            self._sink().append("\n" + _table_text(rows) + "\n")
        elif tag in BLOCK_TAGS and tag != "br":
            self._sink().append("\n")

    def handle_data(self, data):
        self._sink().append(data)


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
        parser.out.append("\n" + _table_text(parser.tables.pop()) + "\n")
    return "".join(parser.out)
