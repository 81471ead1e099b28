"""Page furniture: the spans of a text that belong to the page or the file, never to the document.

Extraction reads a *view* of the text in which these spans are blanked with spaces (line breaks
kept), so every offset found in the view is an offset in the text itself, which is never changed.
"""

import re

from indexer.readers.markup import HTML_TAG


def _line(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern for a line from its start, written after a line break: it is searched in the text with a line
    break put before it (`lined`), where sre finds it by that literal `\\n`. As `^...` with re.M sre tried it at
    every character: the six took about 0.55 s on the texts of gazette_dev and local_dev, written so 0.25 s."""
    return re.compile(rf"\n(?:{pattern})", flags | re.M)


# Gazette running heads, with the page number before or after: `CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023`,
# `38      CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025`, and the `(Xem tiếp Công báo số 507 + 508)` at a cut.
RUNNING_HEAD = _line(r"[ \t]*(?:\d{1,4}[ \t]+)?CÔNG BÁO[ \t]*/[ \t]*Số[^\n]*$|[ \t]*\(Xem tiếp Công báo[^\n]*$", re.I)

# A page number alone on its line.
PAGE_NUMBER = _line(r"[ \t]*\d{1,4}[ \t]*$")

# The gazette's section titles above a document: `VĂN BẢN QUY PHẠM PHÁP LUẬT`, `VĂN BẢN PHÁP LUẬT KHÁC`.
GAZETTE_SECTION = _line(r"[ \t]*VĂN BẢN (?:QUY PHẠM PHÁP LUẬT|PHÁP LUẬT KHÁC)[ \t]*$")

# A digital-signature stamp: `Ký bởi: CÔNG BÁO ...` / `Email: ...` / `Cơ quan: ...` / `Thời gian ký: ...`.
SIGNATURE_STAMP = _line(r"[ \t]*(?:Ký bởi|Người ký)[ \t]*:[^\n]*"
                        r"(?:\n[ \t]*(?:Email|Cơ quan|Thời gian ký|Ngày ký)[ \t]*:[^\n]*)*")

# Ornament lines under a header (`__________`, `-------`, `–––––`, `***`) and markdown residue (`#`).
ORNAMENT = _line(r"[ \t]*[-_–—=*.·]{3,}[ \t]*$|[ \t]*#+(?=[ \t])")

# A footnote number glued to a heading in capitals: `THÔNG TƯ1`, the line's last word.
GLUED_HEADING_FOOTNOTE = _line(r"[ \t]*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]*[A-ZĐÀ-Ỹ](?P<h>\d{1,3})[ \t]*$")

LINE_FURNITURE = (RUNNING_HEAD, PAGE_NUMBER, GAZETTE_SECTION, SIGNATURE_STAMP, ORNAMENT)

# Markdown emphasis (`**`, `*`): a pattern of its own (with the line patterns it was tried at every character),
# written `\*\**` rather than `\*+` so that sre finds it by its first `*` (20x faster).
EMPHASIS = re.compile(r"\*\**")

# A table's `|`; one touching a digit is a scan's 1 (`ngày 3| tháng 12`), not a table's, and stays.
PIPE = re.compile(r"\|")

# A footnote number glued to a word: `thuế1`, `Quân đội73` (no Vietnamese word ends in a digit; codes such
# as `QH15` are upper case and keep theirs). It opens with its digit, so sre looks only at digits (with the
# letter before it as a lookbehind first, it was tried at every character: about 0.5 s on the texts of
# gazette_dev and local_dev, written so 0.15 s).
GLUED_FOOTNOTE = re.compile(r"\d(?<=[a-zà-ỹđ]\d)\d{0,2}(?=[ \t,.;:]|$)", re.M)

# Tags of markdown that holds HTML (`<p>`, `<strong>`, `<td>`): markup, never text.
MARKUP = HTML_TAG

FURNITURE = (EMPHASIS, MARKUP, GLUED_FOOTNOTE)

# What a span of furniture keeps: its line breaks.
NOT_LINE_BREAK = re.compile(r"[^\n]")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The spans of page furniture in a text, sorted (they may overlap).

    >>> t = "THÔNG TƯ1\\nCÔNG BÁO/Số 5/Ngày 03-11-2023\\n12\\nKý bởi: X\\nCơ quan: Y"
    >>> [t[s:e] for s, e in furniture_spans(t)]
    ['1', 'CÔNG BÁO/Số 5/Ngày 03-11-2023', '12', 'Ký bởi: X\\nCơ quan: Y']
    """
    lined = "\n" + text  # every line, the first too, after a line break: offsets one on
    spans = [(m.start(), m.end() - 1) for pattern in LINE_FURNITURE for m in pattern.finditer(lined)]
    spans += [(m.start("h") - 1, m.end("h") - 1) for m in GLUED_HEADING_FOOTNOTE.finditer(lined)]
    spans += [m.span() for pattern in FURNITURE for m in pattern.finditer(text)]
    spans += [m.span() for m in PIPE.finditer(text) if not _touches_digit(text, m.start())]
    return sorted({span for span in spans if span[1] > span[0]})


def line_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The spans in `text` of a line pattern (written after a line break: `_line`).

    >>> line_spans(PAGE_NUMBER, "12\\nabc\\n 7")
    [(0, 2), (7, 9)]
    """
    return [(m.start(), m.end() - 1) for m in pattern.finditer("\n" + text)]


def is_line(pattern: re.Pattern, line: str) -> bool:
    """Whether a line pattern (`_line`) matches at the start of `line`.

    >>> is_line(PAGE_NUMBER, "38"), is_line(PAGE_NUMBER, "38 trang")
    (True, False)
    """
    return pattern.match("\n" + line) is not None


def _touches_digit(text: str, at: int) -> bool:
    return (at > 0 and text[at - 1].isdigit()) or (at + 1 < len(text) and text[at + 1].isdigit())


def blank(text: str, spans) -> str:
    """The text with each span (sorted by start) replaced by spaces, line breaks kept, so offsets stay the same.

    >>> blank("ab\\ncd ef", [(1, 4), (3, 5), (6, 7)])
    'a \\n    f'
    """
    pieces, done = [], 0
    for start, end in spans:
        start = max(start, done)
        if end > start:
            piece = text[start:end]
            pieces += [text[done:start], NOT_LINE_BREAK.sub(" ", piece) if "\n" in piece else " " * len(piece)]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def reading_view(text: str) -> str:
    """The text as extraction reads it: furniture and carriage returns blanked, offsets unchanged."""
    text = text.replace("\r", " ")
    return blank(text, furniture_spans(text))
