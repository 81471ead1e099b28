"""The text an amending document quotes: the articles, khoản and điểm it writes for another text.

`Điều 1. Sửa đổi, bổ sung một số điều của Luật ...` / `4. Sửa đổi, bổ sung Điều 7a như sau:` /
`“Điều 7a. Trách nhiệm của ...` / `1. Chỉ đạo ...”.`: the quoted `Điều 7a.` and `1.` belong to the amending
article, never to the document's outline (the classic failure of reading structure with patterns). A quote
opens after a colon (at a line's start after a lead-in line, or in the line after `như sau:`) and closes where
its quotation marks balance; a block indented as a markdown quote (`>`) after an amendment's lead-in is
quoted too.
"""

import re
from bisect import bisect_right

from indexer.extract.outline_text import Page

# A lead-in: a line ending with a colon (`... được sửa đổi, bổ sung như sau:`), the quote on the next line.
LEAD_IN = re.compile(r":[ \t]*$")
# A quotation opened after a colon inside a line: `2. Sửa đổi khoản 2 Điều 3 như sau: “2. Mức đóng ...`.
INLINE_OPEN = re.compile(r":[ \t]*([“\"])")
# An amendment's lead-in, for a block that a converter indented (`> Điều 5. ...`) instead of quoting.
AMENDMENT_LEAD = re.compile(r"(?:sửa đổi|bổ sung|thay thế)[^\n]*(?:như\s+sau|sau\s+đây)[ \t]*:[ \t]*$", re.I)
INDENTED = re.compile(r"^[ \t]*>")

# A line of the amending text itself: a mark, then an instruction (`Điều 2. Sửa đổi, bổ sung khoản 1 ...`,
# `12. Bổ sung Điều 21a ...`). A quote whose closing mark was never printed ends before it.
INSTRUCTION = re.compile(r"^[ \t]*(?:Điều[ \t]+\d+[a-zđ]?\.|\d{1,2}\.|[a-zđ]\))[ \t]*"
                         r"(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm|Bỏ cụm|Đính chính)", re.M)

CURLY = re.compile("[“”]")
# Where a quote whose marks do not balance ends: the first line that ends with a closing mark (`...”.`,
# `...";`), the way every quoted block of the gazette's amendments ends.
CURLY_END = re.compile(r"”[ \t.,;:/]*$", re.M)
STRAIGHT_END = re.compile(r"\"[ \t.,;:/”]*$", re.M)
# How far a quote may run: the longest quoted article in the development set (a law's amendment quoting
# a whole article with its khoản) is about 9,000 characters; past this a mark was never closed.
MAX_QUOTE = 30000


def closing(view: str, at: int) -> int | None:
    """The offset just after the quote that opens at `at` closes, or None when it never does.

    >>> closing('như sau: “Điều 5. A “b” c”. Tiếp', 9)
    26
    >>> closing('"1. Mục\\n2. Mục".\\nTiếp', 0)
    15
    """
    limit = min(len(view), at + MAX_QUOTE)
    if view[at] == "“":
        depth = 0
        for match in CURLY.finditer(view, at, limit):
            depth += 1 if match.group() == "“" else -1
            if depth == 0:
                return match.end()
        found = CURLY_END.search(view, at + 1, limit)
    else:
        found = STRAIGHT_END.search(view, at + 1, limit)
    return found.start() + 1 if found else None


def _opening(page: Page, i: int, lead_in: bool) -> int | None:
    """Where a quote that runs past line `i` opens on it, or None."""
    start, end = page.lines[i]
    line = page.view[start:end]
    stripped = line.lstrip()
    if lead_in and stripped[:1] in "“\"":
        at = start + len(line) - len(stripped)
        close = closing(page.view, at)
        if close is not None and close > end:
            return at
    for match in INLINE_OPEN.finditer(line):
        at = start + match.start(1)
        close = closing(page.view, at)
        if close is not None and close > end:
            return at
    return None


def quoted_spans(page: Page, text: str) -> list[tuple[int, int]]:
    """The spans of the text that an amendment quotes, in order.

    >>> from indexer.extract.outline_text import page_of
    >>> t = "Điều 1. Sửa đổi\\n1. Sửa Điều 5 như sau:\\n“Điều 5. Tên\\n1. Nội dung.”.\\nĐiều 2. Hiệu lực"
    >>> [t[s:e] for s, e in quoted_spans(page_of(t), t)]
    ['“Điều 5. Tên\\n1. Nội dung.”']
    """
    spans: list[tuple[int, int]] = []
    starts = [s for s, _ in page.lines]
    previous = None  # the last line holding text
    i = 0
    while i < len(page.lines):
        if page.is_blank(i) or i in page.in_table:
            i += 1
            continue
        lead_in = previous is not None and LEAD_IN.search(page.line(previous)) is not None
        at = _opening(page, i, lead_in) if ("“" in page.line(i) or '"' in page.line(i)) else None
        if at is None and previous is not None and AMENDMENT_LEAD.search(page.line(previous)):
            block = _indented_block(page, text, i)
            if block is not None:
                spans.append(block)
                i = bisect_right(starts, block[1]) - 1
                previous = i
                i += 1
                continue
        if at is not None:
            close = closing(page.view, at)
            cut = INSTRUCTION.search(page.view, page.lines[i][1], close)
            if cut is not None:
                close = cut.start()
            spans.append((at, close))
            i = bisect_right(starts, close - 1) - 1
        previous = i
        i += 1
    return spans


def _indented_block(page: Page, text: str, i: int) -> tuple[int, int] | None:
    """The block of `>` lines that starts at line `i`, or None when line `i` is not indented."""
    if not INDENTED.match(text[page.lines[i][0]:page.lines[i][1]]):
        return None
    last = i
    j = i + 1
    while j < len(page.lines):
        start, end = page.lines[j]
        if INDENTED.match(text[start:end]):
            last = j
        elif text[start:end].strip():
            break
        j += 1
    return page.lines[i][0], page.lines[last][1]
