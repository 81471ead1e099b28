"""Page furniture: the spans of a text that belong to the page or the file, never to the document.

Extraction reads a *view* of the text in which these spans are blanked with spaces (line breaks
kept), so every offset found in the view is an offset in the text itself, which is never changed.
"""

import re

from indexer.readers.markup import HTML_TAG

# Gazette running heads, with the page number before or after: `CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023`,
# `38      CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025`, and the `(Xem tiếp Công báo số 507 + 508)` at a cut.
RUNNING_HEAD = re.compile(r"^[ \t]*(?:\d{1,4}[ \t]+)?CÔNG BÁO[ \t]*/[ \t]*Số[^\n]*$"
                          r"|^[ \t]*\(Xem tiếp Công báo[^\n]*$", re.M | re.I)

# A page number alone on its line.
PAGE_NUMBER = re.compile(r"^[ \t]*\d{1,4}[ \t]*$", re.M)

# The gazette's section titles above a document: `VĂN BẢN QUY PHẠM PHÁP LUẬT`, `VĂN BẢN PHÁP LUẬT KHÁC`.
GAZETTE_SECTION = re.compile(r"^[ \t]*VĂN BẢN (?:QUY PHẠM PHÁP LUẬT|PHÁP LUẬT KHÁC)[ \t]*$", re.M)

# A digital-signature stamp: `Ký bởi: CÔNG BÁO ...` / `Email: ...` / `Cơ quan: ...` / `Thời gian ký: ...`.
SIGNATURE_STAMP = re.compile(
    r"^[ \t]*(?:Ký bởi|Người ký)[ \t]*:[^\n]*(?:\n[ \t]*(?:Email|Cơ quan|Thời gian ký|Ngày ký)[ \t]*:[^\n]*)*", re.M)

# Ornament lines under a header (`__________`, `-------`, `–––––`, `***`) and markdown residue (`**`, `#`).
ORNAMENT = re.compile(r"^[ \t]*[-_–—=*.·]{3,}[ \t]*$|\*+|^[ \t]*#+(?=[ \t])", re.M)

# A table's `|`; one touching a digit is a scan's 1 (`ngày 3| tháng 12`), not a table's, and stays.
PIPE = re.compile(r"\|")

# A footnote number glued to a word: `THÔNG TƯ1`, `thuế1`, `Quân đội73` (no Vietnamese word ends in a digit;
# codes such as `QH15` are upper case and keep theirs).
GLUED_FOOTNOTE = re.compile(r"(?<=[a-zà-ỹđ])(?P<f>\d{1,3})(?=[ \t,.;:]|$)"
                            r"|^[ \t]*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]*[A-ZĐÀ-Ỹ](?P<h>\d{1,3})[ \t]*$", re.M)

# Tags of markdown that holds HTML (`<p>`, `<strong>`, `<td>`): markup, never text.
MARKUP = HTML_TAG

FURNITURE = (RUNNING_HEAD, PAGE_NUMBER, GAZETTE_SECTION, SIGNATURE_STAMP, ORNAMENT, MARKUP, GLUED_FOOTNOTE)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The spans of page furniture in a text, sorted.

    >>> t = "THÔNG TƯ1\\nCÔNG BÁO/Số 5/Ngày 03-11-2023\\n12\\nKý bởi: X\\nCơ quan: Y"
    >>> [t[s:e] for s, e in furniture_spans(t)]
    ['1', 'CÔNG BÁO/Số 5/Ngày 03-11-2023', '12', 'Ký bởi: X\\nCơ quan: Y']
    """
    spans = [m.span() for pattern in FURNITURE[:-1] for m in pattern.finditer(text)]
    spans += [m.span("f") if m.group("f") else m.span("h") for m in GLUED_FOOTNOTE.finditer(text)]
    spans += [m.span() for m in PIPE.finditer(text) if not _touches_digit(text, m.start())]
    return sorted(span for span in spans if span[1] > span[0])


def _touches_digit(text: str, at: int) -> bool:
    return (at > 0 and text[at - 1].isdigit()) or (at + 1 < len(text) and text[at + 1].isdigit())


def blank(text: str, spans) -> str:
    """The text with each span replaced by spaces (line breaks kept), so offsets stay the same."""
    out = list(text)
    for start, end in spans:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)


def reading_view(text: str) -> str:
    """The text as extraction reads it: furniture and carriage returns blanked, offsets unchanged."""
    return blank(text.replace("\r", " "), furniture_spans(text.replace("\r", " ")))
