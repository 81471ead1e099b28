"""A document's structure as the build keeps it (`indexer.vocab.structure.Structure`): its outline, the tasks it
assigns, where its own text starts after the header, and the furniture a hit's snippet never shows.

The header (issuer, motto, number, place and date, type and title) ends where the text starts to speak
(`Căn cứ`, `Thực hiện`, `Kính gửi`, `Điều 1`, `I.`); a hit's snippet is looked for after it first (the
title is shown beside every hit already). Furniture is what a page or a header prints around the text, in
any cell of a header's table: running heads and page numbers, the gazette's section titles, signature stamps,
the national or Party motto, the `Số:` line, the place and date line.
"""

import re

from indexer.extract.furniture import (
    GAZETTE_SECTION,
    PAGE_NUMBER,
    RUNNING_HEAD,
    SIGNATURE_STAMP,
    line_spans,
    reading_view,
)
from indexer.extract.headings import HEADER_END, HEADER_REACH
from indexer.extract.outline import outline
from indexer.extract.tasks import tasks
from indexer.vocab.structure import Structure

# A header's lines, alone or as a cell of the header's table (`| Số: 617/KH-UBND | Đồng Tháp, ngày 01 tháng 12
# năm 2025 |`): the mottos, the number (`Số: 4382/VP-KGVX`, `Số 150 - KH/TU`), the place and date.
HEADER_CELL = re.compile(
    r"(?:^|(?<=\|))[ \t*_]*(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|Độc lập[ \t]*[-–][ \t]*Tự do[ \t]*[-–][ \t]*Hạnh phúc"
    r"|Số[ \t]*:|Số[ \t]+\d+[ \t]*[-/–]"
    r"|[^\n|,]{2,40},[ \t]*ngày[ \t]+[\d.…_ \t]{0,6}tháng[ \t]+[\d.…_ \t]{0,6}năm[ \t]+(?:19|20)\d\d)[^\n|]*",
    re.M)
PAGE_FURNITURE = (RUNNING_HEAD, PAGE_NUMBER, GAZETTE_SECTION, SIGNATURE_STAMP)


def body_start(text: str) -> int:
    """Where the document's own text starts: its first `Căn cứ`, `Thực hiện`, `Kính gửi`, `Điều 1` or `I.` line
    within the header's reach (a title in bold that opens with `Thực hiện` is still the title), else 0.

    >>> t = "ỦY BAN NHÂN DÂN\\nSố: 12/KH-UBND\\nKẾ HOẠCH\\n**Thực hiện Đề án 06**\\nThực hiện Nghị quyết số 35-NQ/TW"
    >>> t[body_start(t):]
    'Thực hiện Nghị quyết số 35-NQ/TW'
    """
    head = text[:HEADER_REACH]
    view = reading_view(head)
    for found in HEADER_END.finditer(view):
        line = found.group(0)
        start = found.start() + len(line) - len(line.lstrip(" \t>*"))
        if not (head[found.start():start].count("**") and head.startswith("Thực hiện", start)):
            return start
    return 0


def furniture_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of page and header furniture, merged, in text order.

    >>> t = "| Số: 5/KH-UBND | Hà Nội, ngày 2 tháng 3 năm 2025 |\\nTheo Số: liệu\\nCÔNG BÁO/Số 5/Ngày 03-11-2023\\n12"
    >>> [t[s:e] for s, e in furniture_spans(t)]
    [' Số: 5/KH-UBND | Hà Nội, ngày 2 tháng 3 năm 2025 ', 'CÔNG BÁO/Số 5/Ngày 03-11-2023\\n12']
    """
    spans = sorted([m.span() for m in HEADER_CELL.finditer(text)]
                   + [span for pattern in PAGE_FURNITURE for span in line_spans(pattern, text)])
    merged: list[list[int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1] + 1:  # touching, or a line break apart
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def document_structure(text: str) -> Structure:
    """The structure of a document's text: header's end (at its first part at the latest), furniture, outline,
    tasks (each with its span)."""
    nodes = outline(text)
    found = tuple({**t.as_dict(), "start": t.start, "end": t.end} for t in tasks(text, nodes))
    body = min(body_start(text), nodes[0].start) if nodes else body_start(text)
    return Structure(body, furniture_spans(text), nodes, found)
