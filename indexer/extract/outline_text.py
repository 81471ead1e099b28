"""The text an outline is read from: a view with the furniture, markdown marks and escapes blanked (every
offset the same as in the text), its lines, the lines that stand in tables, and paragraphs.

Layout families wrap text differently: a gazette's PDF text layer breaks every line near one width and
never leaves a blank line between paragraphs; Pandoc markdown wraps near 72 columns and separates
paragraphs with a blank line; Word through catdoc and docx through Pandoc put a paragraph on one line.
A paragraph is therefore read either up to a blank line (when the text separates its paragraphs so) or
while the next line goes on in lower case after a line that ends no sentence.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from indexer.extract.furniture import PAGE_NUMBER, RUNNING_HEAD, blank, is_line, reading_view

# Pandoc's escapes before punctuation (`1\.`, `a\)`, `\-`) and a blockquote's `>` at a line's start
# (docx through Pandoc writes an indented paragraph as a quote: `> **3. Lĩnh vực Bảo trợ xã hội**`).
MARKUP_MARKS = re.compile(r"\\(?=[.)(\-*\[\]_#+!|<>'\"~^`{}])|^[ \t]*(?:>[ \t]*)+", re.M)

# An article's number glued to its word by a scan (`Điều1:- Nay phê duyệt`).
GLUED_ARTICLE = re.compile(r"(?:Điều|ĐIỀU)(\d{1,3})(?=[ \t]*[.:])")

# A table's lines: a pipe table's row `| a | b |`, a grid table's rule `+---+---+`, a Pandoc cell boundary
# (a line holding only `|`), an HTML table's tags.
PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
GRID_RULE = re.compile(r"^[ \t]*\+[-=:+]{3,}\+?[ \t]*$")
CELL_BREAK = re.compile(r"^[ \t]*\|[ \t]*$")
HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)

# Lines between two Pandoc cell boundaries are cells when the boundaries stand this close (a header's cell
# holds up to 15 lines, a recipients' cell up to 20).
MAX_CELL_LINES = 20

# A gazette page's footnotes: a rule of spaces (the PDF's footnote line) above them, the page's end (a running
# head or a page number) below. A footnote quotes whole articles of an amending text (`3 Các điều 10, 11 của
# Thông tư số 50/2017/TT-BYT ... quy định như sau: "Điều 10. ...`), continued on the next page's foot.
FOOTNOTE_RULE = re.compile(r"^[ \t]{20,}$")
MAX_NOTE_LINES = 80

# A text separates paragraphs with blank lines when this share of its lines is followed by one (Pandoc
# markdown and docx: 0.4-0.5; a gazette's text layer: under 0.05, its blank lines stand at page breaks).
BLANK_SEPARATED = 0.25
# The end of a sentence: a wrapped line never ends so (a heading never does either, but a title does not
# wrap at a colon).
SENTENCE_END = re.compile(r"[.;:!?…][”\"')]*\s*$")


@dataclass(frozen=True)
class Page:
    """A text prepared for reading its outline: the view, its lines, and how it separates paragraphs."""

    text: str                            # the text itself
    view: str
    lines: tuple[tuple[int, int], ...]   # (start, end) of each line in the view, `\n` excluded
    in_table: frozenset[int]             # indexes of lines that stand in a table or a footnote
    blank_separated: bool                # paragraphs end at a blank line

    def line(self, i: int) -> str:
        start, end = self.lines[i]
        return self.view[start:end]

    def is_blank(self, i: int) -> bool:
        start, end = self.lines[i]
        return not self.view[start:end].strip()


def outline_view(text: str) -> str:
    """The text with page furniture, markdown marks and escapes blanked: offsets unchanged.

    >>> outline_view("**1\\\\. Mục đích**\\n> a\\\\) Nội dung")
    '  1 . Mục đích  \\n  a ) Nội dung'
    """
    view = reading_view(text.replace("\f", " "))  # pdftotext's page break before a page number
    glued = [m.span(1) for m in GLUED_ARTICLE.finditer(text)]
    if glued:  # the furniture view blanks a digit glued to a word as a footnote's: an article's number stays
        chars = list(view)
        for start, end in glued:
            chars[start:end] = text[start:end]
        view = "".join(chars)
    return blank(view, [m.span() for m in MARKUP_MARKS.finditer(view)])


def line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every line, split at `\\n` only.

    >>> line_spans("ab\\n\\ncd")
    ((0, 2), (3, 3), (4, 6))
    """
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(spans)


def table_lines(text: str, lines) -> frozenset[int]:
    """Indexes of the lines that stand in a table of any layout family."""
    inside = set()
    boundaries = []
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if "|" in line or "+" in line:
            if CELL_BREAK.match(line):
                boundaries.append(i)
            elif PIPE_ROW.match(line) or GRID_RULE.match(line):
                inside.add(i)
    for before, after in pairwise(boundaries):
        # a cell never holds a blank line: what does (an appendix's title between two tables) is no cell
        if after - before <= MAX_CELL_LINES and all(text[s:e].strip() for s, e in lines[before + 1:after]):
            inside.update(range(before, after + 1))
    if "<t" in text or "<T" in text:
        starts = [s for s, _ in lines]
        for match in HTML_TABLE.finditer(text):
            first, last = _line_of(starts, match.start()), _line_of(starts, match.end() - 1)
            inside.update(range(first, last + 1))
    return frozenset(inside)


def note_lines(text: str, lines) -> frozenset[int]:
    """Indexes of the lines of a gazette page's footnotes (from the rule above them to the page's end)."""
    inside: set[int] = set()
    for i, (start, end) in enumerate(lines):
        if end - start < 20 or not FOOTNOTE_RULE.match(text[start:end]):
            continue
        for j in range(i + 1, min(len(lines), i + MAX_NOTE_LINES)):
            line = text[lines[j][0]:lines[j][1]]
            if is_line(RUNNING_HEAD, line) or is_line(PAGE_NUMBER, line):
                inside.update(range(i, j))
                break
        else:
            if len(lines) - i <= MAX_NOTE_LINES:
                inside.update(range(i, len(lines)))
    return frozenset(inside)


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def separates_paragraphs(view: str) -> bool:
    """True when a text ends its paragraphs with a blank line (Pandoc markdown, docx), not a gazette's text layer.

    >>> separates_paragraphs("Một dòng\\n\\nHai dòng\\n\\nBa"), separates_paragraphs("Một\\nHai\\nBa")
    (True, False)
    """
    return _blank_separated(view, line_spans(view))


def _blank_separated(view: str, lines) -> bool:
    filled = [bool(view[s:e].strip()) for s, e in lines]
    followed = sum(1 for a, b in pairwise(filled) if a and not b)
    return bool(filled) and followed >= BLANK_SEPARATED * max(1, sum(filled))


def page_of(text: str) -> Page:
    """The text prepared for reading its outline."""
    view = outline_view(text)
    lines = line_spans(view)
    skipped = table_lines(text, lines) | note_lines(text, lines)
    return Page(text, view, lines, skipped, _blank_separated(view, lines))


def continues(page: Page, i: int) -> bool:
    """True when line `i`'s paragraph goes on to the next line (the caller checks that it is no marker)."""
    if i + 1 >= len(page.lines) or page.is_blank(i + 1) or (i + 1) in page.in_table:
        return False
    if page.blank_separated:
        return True
    line = page.line(i).rstrip()
    if SENTENCE_END.search(line):
        return False
    # a wrapped sentence goes on in lower case (`Sửa đổi, bổ` / `sung một số ...`) however short its first line;
    # a title that fills its line is followed by its article's first sentence, in capitals (`... điều kiện lao
    # động` / `Loại điều kiện lao động quy định tại ...`)
    following = page.line(i + 1).lstrip()[:1]
    return following.islower() or following.isdigit()


def clean_heading(text: str, limit: int) -> str:
    """A heading on one line, without the punctuation around it, cut at a word within `limit` characters.

    >>> clean_heading(" : Phạm vi   điều chỉnh.", 100)
    'Phạm vi điều chỉnh'
    >>> clean_heading("Quy định chung về việc", 12)
    'Quy định…'
    """
    words = " ".join(text.split()).strip(" .:;,-–/")
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit)
    return words[:cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def is_caps(text: str) -> bool:
    """True when the letters of a text are upper case (a heading's line), with at least two of them.

    >>> is_caps("QUY ĐỊNH CHUNG"), is_caps("Quy định chung"), is_caps("1.")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
