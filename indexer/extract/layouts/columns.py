"""Two header columns side by side on one line, read left column first, then right.

The same header arrives with its columns separated by a tab (Word through catdoc: `ỦY BAN NHÂN DÂN\\t
CỘNG HÒA XÃ HỘI ...`), by a run of spaces (pdftotext -layout), or by one space (Tesseract reads both
columns as one line: `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ...`, `Số: 12 /CT-UBND Quảng Ngãi, ngày ...`).
What starts the right column is the same in all three: the national motto, `Độc lập - Tự do`, the
Party's name, the place-and-date line, or the motto's rule after a gap. So a header line is cut
there, and the left parts are read before the right ones: the issuer never runs into the motto.
"""

import re

from indexer.extract.layouts.scans import motto_at

# Where the right column starts on a header line: the mottos (found by `motto_at`), or a place before `, ngày`
# (`Quảng Ngãi, ngày`, `Thành phố Hồ Chí Minh, ngày`, `TP. Hồ Chí Minh, ngày`, a scan's `Quảng Ngãi, ngàW`),
# or a rule after a gap.
RIGHT_COLUMN = re.compile(
    r"(?:(?<=\s)|^)(?:TP\.\s*)?[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|phố))*[ \t]*,[ \t]*ng[àa]"
    r"|(?:\t|[ ]{3,})[-_–—=*]{3,}[ \t]*$")

# A line where the header has ended: the type heading's line is found by the caller; these are the
# first lines of a body (`Căn cứ`, `Kính gửi`, `Điều 1`, `I.`).
BODY_START = re.compile(r"^[ \t>*]*(?:[-–•][ \t]*)?(?:Căn cứ|Kính gửi|Điều \d|Thực hiện|Theo đề nghị|Xét đề nghị"
                        r"|I\.\s)")


def split_line(line: str) -> tuple[str, str]:
    """A header line's left and right column.

    >>> split_line("Số: 09/2009/CT-UBND\\tThủ Dầu Một, ngày 15 tháng 4 năm 2009")
    ('Số: 09/2009/CT-UBND', 'Thủ Dầu Một, ngày 15 tháng 4 năm 2009')
    >>> split_line("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    """
    match, motto = RIGHT_COLUMN.search(line), motto_at(line)
    starts = [at for at in (match.start() if match else None, motto) if at is not None]
    if not starts:
        return line.rstrip(), ""
    return line[:min(starts)].rstrip(), line[min(starts):].strip()


def in_columns(text: str, end_line: int) -> str:
    """The text with its first `end_line` lines (up to a body's first line) read left column first, then
    right column."""
    lines = text.split("\n")
    head = min(end_line, len(lines))
    left, right = [], []
    for i, line in enumerate(lines[:head]):
        if BODY_START.match(line):
            head = i
            break
        first, second = split_line(line)
        if first.strip() or not second:
            left.append(first)
        if second:
            right.append(second)
    return "\n".join(left + right + lines[head:])
