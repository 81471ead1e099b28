"""Read saved web pages (.html, .htm): the visible text, one line per block element."""

import re
from html.parser import HTMLParser
from pathlib import Path

from indexer.readers import legacy
from indexer.readers.plain import UTF8_BOM, decode, read_bytes
from indexer.readers.result import ReadResult, UnreadableFile

# Elements that start a new line of text.
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
              "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
              "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul"}
CELL_TAGS = {"td", "th"}
# Elements whose content is not the page's text (`title` repeats the heading or names the site;
# `head` itself is not listed: pages often leave it unclosed).
HIDDEN_TAGS = {"noscript", "script", "style", "template", "title"}
# `<meta charset="windows-1252">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
META_SCAN_BYTES = 4096
SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextCollector(HTMLParser):
    """Collect the visible text of a page, breaking lines at block elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden, self.pre = [], 0, 0

    def handle_starttag(self, tag, attrs):
        self._mark(tag, 1)

    def handle_endtag(self, tag):
        self._mark(tag, -1)

    def _mark(self, tag, step):
        self.hidden += step if tag in HIDDEN_TAGS else 0
        self.pre += step if tag == "pre" else 0
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in CELL_TAGS and step > 0:
            self.parts.append("\t")

    def handle_data(self, data):
        if self.hidden <= 0:
            self.parts.append(data if self.pre > 0 else SPACES.sub(" ", data))


def page_text(markup: str) -> str:
    """The visible text of an HTML page: one line per block, table cells separated by tabs.

    >>> page_text("<p>Số: 12/QĐ-UBND</p><script>x=1</script><table><tr><td>1</td><td>Kế  hoạch</td></tr></table>")
    'Số: 12/QĐ-UBND\\n1\\tKế hoạch'
    """
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (line.strip(" \t") for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _charset(data: bytes) -> str | None:
    found = META_CHARSET.search(data[:META_SCAN_BYTES])
    return found.group(1).decode("ascii").lower() if found else None


def read_html(path: Path) -> ReadResult:
    """Read an .html/.htm file in the charset its BOM or meta tag declares (UTF-8 otherwise)."""
    data = read_bytes(path)
    charset = _charset(data)
    if data.startswith(UTF8_BOM) or charset in (None, "utf-8", "utf8"):
        markup = decode(data)
    else:
        try:
            markup = data.decode(charset)
        except (LookupError, UnicodeDecodeError) as err:
            raise UnreadableFile(f"trang web khai báo bảng mã {charset} nhưng không giải mã được: {err}") from err
    return ReadResult(legacy.repair(page_text(markup)), path.suffix.lower().lstrip("."))
