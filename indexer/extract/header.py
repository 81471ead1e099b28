"""The header of a document: its type heading, number, place and date, title, and a consolidated
text's certification block. Every function reads the furniture-free view of the text."""

import datetime
import re
from dataclasses import dataclass

from analyzers.normalize import canonical_tones
from indexer.extract.headings import HEADER_END, HEADER_REACH, LONG_HEADING, TYPE_HEADING
from indexer.extract.layouts.scans import read_digits
from indexer.vocab.refs import NUMBER_SYMBOL, SYMBOL_TAIL, TYPE_NAME, canonical_ref, type_name

# The document's own number: `Số 150 - KH/TU`, `Số: 4382/VP-KGVX`, `Luật số: 51/2024/QH15`,
# `Nghị quyết số: 78/2025/UBTVQH15`, and one-line headers `Số: 296/BHXH-CSYT V/v ...`.
HEADER_NUMBER = re.compile(rf"^[ \t]*(?:(?P<type>{TYPE_NAME})[ \t]+số[ \t]*:|[Ss]ố[ \t]*:?)[ \t]*"
                           rf"(?P<symbol>{NUMBER_SYMBOL})",
                           re.M)

# The same line as converters and scans give it: `Số:` alone with the number on the next line (Pandoc),
# the number garbled (`Số: Ø2 /CT-UBND`) or left blank in a draft (`Số:        /TB-UBND`).
PRINTED_NUMBER = re.compile(rf"^[ \t]*(?:(?P<type>{TYPE_NAME})[ \t]+số[ \t]*:|[Ss]ố[ \t]*:?)[ \t]*\n?[ \t]*"
                            rf"(?P<digits>[^\n/\-–]{{0,8}}?)[ \t]*(?P<tail>{SYMBOL_TAIL})", re.M)

# A code cut short by a misread `/` on a scan (`Số: ?? đGP-BCT`): a letter glued before the symbol's tail
# leaves no symbol to keep.
CUT_CODE = re.compile(r"[A-Za-zĐđ]$")

# The dotted number of the Government's 2026 resolutions, `Số: 66.16/2026/NQ-CP`: a number, a dot and a
# sub-number (vocab.refs.NUMBER_SYMBOL reads it so in citations); each part read as digits are.
DOTTED_DIGITS = re.compile(r"^[ \t]*(?P<number>[^.\s]{1,5})\.(?P<sub>\d{1,3})[ \t]*$")

# The place and date line: `Hải Dương, ngày 15 tháng 5 năm 2019`, `Hà Nội, ngày 26  tháng 01 năm 2026`.
PLACE_DATE = re.compile(r"^[ \t]*(?P<place>[^\n,]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                        r"\s+năm\s+(?P<y>(?:19|20)\d\d)", re.M)

# The place and date line of a header as it may come: a draft's blank day or month (`ngày    tháng 12
# năm 2024`), garbled digits from a scan (`ngày 1Š tháng`, `ngàW/† tháng`, `ngày30`, `năm` read `măm`),
# a line wrapped inside a cell, a footnote digit clinging to the year (`năm 20264`). A minutes' opening
# `Hôm nay, ngày 31 tháng 03 năm 2026` is the day of a meeting, not a header's date.
HEADER_DATE = re.compile(r"^[ \t]*(?!Hôm nay|Vào hồi)(?P<place>[^\n,]{2,40}),\s*ng[àa]y?[ \t]*\n?(?P<d>[^\n]{0,8}?)"
                         r"\s*tháng(?P<m>[^\n]{0,8}?)\s*[nm][ăa]m\s*(?P<y>(?:19|20)\d\d)", re.M)

# The adoption date of a law or a resolution of the National Assembly, at its end:
# `Luật này được Quốc hội ... thông qua ngày 27 tháng 11 năm 2024`.
PASSED_ON = re.compile(r"thông\s+qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d\d)")

# A national motto near a number marks a header block, wherever the PDF's text layer put it
# (some gazette pages print the first page's body before its header block).
MOTTO_LINE = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)
FLOATING_REACH = 12000  # characters from the start where a displaced header block may stand
BLOCK_MARGIN = 400

# A consolidated text's own block at its end: `BỘ Y TẾ` / `Số: 04/VBHN-BYT` / `XÁC THỰC VĂN BẢN HỢP NHẤT`
# / `Hà Nội, ngày ...` / the certifier (`XÁC NHẬN` in older texts).
CERTIFICATION = re.compile(r"^[ \t]*XÁC[ \t]+(?:THỰC|NHẬN)[ \t]+VĂN[ \t]+BẢN[ \t]+HỢP[ \t]+NHẤT[ \t]*$", re.M)

# A consolidated text cut before its certification block still opens with its note:
# `Nghị định số 131/2021/NĐ-CP ngày ..., có hiệu lực kể từ ngày ..., được sửa đổi, bổ sung bởi:`.
CONSOLIDATION_INTRO = re.compile(r"có\s+hiệu\s+lực[^.;]{0,200}?được\s+sửa\s+đổi,?\s+bổ\s+sung\s+bởi\s*:")
INTRO_REACH = 4000

# The gazette's section title over a consolidated text names its certifier: `VĂN BẢN HỢP NHẤT - BỘ Y TẾ`.
CONSOLIDATED_SECTION = re.compile(r"^[ \t]*VĂN BẢN HỢP NHẤT[ \t]*-[ \t]*(?P<body>[^\n]*)(?P<more>\n[^\n]*)?", re.M)

# Where the title ends and the body starts: `Căn cứ` (a Party text's `- Căn cứ`), `Điều 1`, `Chương I`,
# `Phần thứ nhất`, `I.`, `1.`.
TEXT_START = re.compile(r"^[ \t]*(?:[-–•][ \t]*)?(?:Căn cứ|Điều \d|Chương [IVXLC\d]|Phần (?:thứ|[IVX\d])|Mục \d"
                        r"|[IVX]+\.\s|\d+\.\s|[a-zđ]\)|Theo đề nghị|Xét đề nghị|Kính gửi|QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:"
                        r"|Nơi nhận)")

# A consolidated text's note under its title: `Thông tư số 05/2015/TT-BYT ngày ... được sửa đổi, bổ sung bởi:`.
CONSOLIDATION_NOTE = re.compile(rf"^[ \t]*{TYPE_NAME}\b[^\n]{{0,120}}?\bsố\s+\d")

# `CỦA BAN THƯỜNG VỤ TỈNH ỦY` under the type heading.
TITLE_ISSUER = re.compile(r"^[ \t*]*CỦA\s+(?P<org>[A-ZĐÀ-Ỹ ]+?)[ \t*]*$", re.M)

# The issuer printed again above the preamble, under a title in capitals (`ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI`,
# `CHÍNH PHỦ`): a line that names a body the header names, and no wrapped line of the title, which would
# follow a word that wants its complement (`... CỦA` / `ỦY BAN NHÂN DÂN TỈNH`).
ISSUER_AGAIN = re.compile(r"(?:ỦY BAN|UBND|HỘI ĐỒNG|HĐND|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|BỘ|BAN|SỞ|VĂN PHÒNG|"
                          r"(?:TỈNH|THÀNH|HUYỆN|ĐẢNG) ỦY)\b")
WANTS_MORE = re.compile(r"(?:\b(?:CỦA|VÀ|VỚI|CHO|DO|THUỘC|TẠI|VỀ|TRÊN|TRONG|GIỮA|ĐỐI VỚI)|[-–,])$")

# The subject line of an official letter, alone or after the number: `V/v thực hiện Kế hoạch số ...`.
SUBJECT_LINE = re.compile(r"(?:^|(?<=\s))V/v\.?\s*(?P<title>[^\n]+(?:\n[ \t]*\S[^\n]*)*)", re.M)
TITLE_LIMIT = 500

# Lines that end a letter's subject: the motto's second line, the addressees.
SUBJECT_END = re.compile(r"[ \t]*(?:Độc lập|Kính gửi)")


@dataclass(frozen=True)
class Printed:
    """A value as a header prints it: read, left blank (a draft), or there but not readable (a scan)."""

    value: str | None
    state: str = "none"          # "read", "blank", "unsure" (printed, not readable) or "none" (not printed)
    doc_type: str | None = None  # the type a number is printed with: `Luật số: 51/2024/QH15`
    symbol: str | None = None    # what follows the number, read even when the number is not: `/TB-UBND`


def header_heading(view: str):
    """The document's own type heading: one in its header (a long one too), else the first one anywhere."""
    end = HEADER_END.search(view, 0, HEADER_REACH)
    reach = end.start() if end else min(len(view), HEADER_REACH)
    own = TYPE_HEADING.search(view, 0, reach) or LONG_HEADING.search(view, 0, reach)
    return (own, True) if own and _is_upper(own.group(0)) else (TYPE_HEADING.search(view), False)


def type_heading(view: str):
    return header_heading(view)[0]


def read_number(header: str) -> Printed:
    """The number printed in a header, as printed (spacing normalized), or why there is none."""
    match = PRINTED_NUMBER.search(header)
    if not match:
        return Printed(None)
    kind = type_name(match.group("type")) if match.group("type") else None
    cut = CUT_CODE.search(match.group("digits"))
    symbol = None if cut else canonical_ref(match.group("tail"))
    dotted = DOTTED_DIGITS.match(match.group("digits"))
    digits, sure = read_digits(dotted.group("number") if dotted else match.group("digits"))
    if digits is None or int(digits) == 0:
        return Printed(None, "blank" if sure and digits is None else "unsure", kind, symbol)
    number = f"{digits}.{dotted.group('sub')}" if dotted else digits
    return Printed(canonical_ref(number + match.group("tail")), "read", kind, symbol)


def header_number(header: str) -> tuple[str | None, str | None]:
    """The number printed in a header, as printed (spacing normalized), and the type named before it."""
    printed = read_number(header)
    return printed.value, printed.doc_type


def floating_header(view: str) -> str | None:
    """A header block printed away from the top: a `Số:` line with the national motto or a date near it."""
    for match in HEADER_NUMBER.finditer(view, 0, min(len(view), FLOATING_REACH)):
        start, end = max(0, match.start() - BLOCK_MARGIN), min(len(view), match.end() + BLOCK_MARGIN)
        if MOTTO_LINE.search(view, start, end):
            return view[start:end]
    return None


def passed_on(view: str) -> str | None:
    """The date a law or resolution was adopted, from the last `thông qua ngày ...` of its text."""
    found = list(PASSED_ON.finditer(view))
    return iso_date(found[-1]) if found else None


def iso_date(match) -> str | None:
    day, month, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None


def header_date(header: str) -> str | None:
    printed = read_date(header)
    return printed.value if printed.state == "read" else None


def read_date(header: str) -> Printed:
    """The header's date: ISO when whole; `2024-12` or `2024` (state "blank") when a draft leaves the day
    or month blank, or (state "unsure") when a scan garbles them."""
    parts = date_parts(header)
    return printed_date(*parts) if parts else Printed(None)


def date_parts(header: str) -> tuple[str, tuple[str | None, bool], tuple[str | None, bool]] | None:
    """The year, and the day and month as `read_digits` reads them, of a header's place and date line.

    >>> date_parts("Hà Nội, ngày?} tháng 4 năm 2026")
    ('2026', (None, False), ('4', True))
    """
    match = HEADER_DATE.search(header)
    if not match:
        return None
    return match.group("y"), read_digits(match.group("d")), read_digits(match.group("m"))


def printed_date(year: str, day: tuple[str | None, bool], month: tuple[str | None, bool]) -> Printed:
    """The date a line prints, from its year and its day and month as read (`date_parts`)."""
    (day, day_sure), (month, month_sure) = day, month
    if day and month and _exists(int(year), int(month), int(day)):
        return Printed(f"{year}-{int(month):02d}-{int(day):02d}", "read")
    partial = f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else year
    return Printed(partial, "blank" if day_sure and month_sure and not day else "unsure")


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def certification_block(view: str) -> tuple[int, int, int] | None:
    """A consolidated text's certification block: (start, marker, end) around its last `XÁC THỰC` marker,
    with the lines that hold the certifier's name, number, date and signer."""
    markers = list(CERTIFICATION.finditer(view))
    if not markers:
        return None
    marker = markers[-1]
    return max(0, marker.start() - BLOCK_MARGIN), marker.start(), min(len(view), marker.end() + 600)


def certifier_lines(view: str, start: int, marker: int) -> list[str]:
    """The upper-case lines right above the certification marker (and its `Số:` line): the certifier."""
    lines = []
    for line in reversed(view[start:marker].split("\n")):
        line = line.strip()
        if not any(c.isalpha() for c in line) or HEADER_NUMBER.match(line):
            if lines and not line:
                break
            continue  # the certifier's number, a stray dot

        if not _is_upper(line):
            break
        lines.insert(0, line)
    return lines


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _letters(text: str) -> str:
    return "".join(c for c in canonical_tones(text) if c.isalpha())


def _issuer_again(line: str, previous: str, header: str) -> bool:
    """A title in capitals followed by the issuer's name as a line of the header starts it (`CHÍNH PHỦ`
    under a header that prints `CHÍNH PHỦ`, never under one that prints `THỦ TƯỚNG CHÍNH PHỦ`)."""
    if not ISSUER_AGAIN.match(canonical_tones(line)) or " " not in line or WANTS_MORE.search(canonical_tones(previous)):
        return False
    wanted, lines = _letters(line), header.split("\n")
    return any(_letters(" ".join(lines[i:i + 4])).startswith(wanted) for i in range(len(lines)))


def _title_lines(view: str, start: int, consolidated: bool, header: str = "") -> list[str]:
    lines = []
    for line in view[start:start + 4000].split("\n"):
        stripped = line.strip()
        if not stripped:
            if lines:
                break
            continue
        if TITLE_ISSUER.fullmatch(stripped) and not lines:
            continue
        if TEXT_START.match(stripped) or (consolidated and lines and CONSOLIDATION_NOTE.match(stripped)):
            break
        if lines and _is_upper(stripped) and (not _is_upper(lines[-1]) or _issuer_again(stripped, lines[-1], header)):
            break  # the issuer repeated above the preamble: `CHÍNH PHỦ`, `BỘ TRƯỞNG BỘ TÀI CHÍNH`
        lines.append(stripped)
    return lines


def _subject(text: str) -> str | None:
    """A letter's `V/v` subject over its wrapped lines, up to the date, motto or `Kính gửi` beside it."""
    lines = []
    for line in text.split("\n"):
        if PLACE_DATE.match(line) or MOTTO_LINE.search(line) or SUBJECT_END.match(line):
            break
        lines.append(line)
    return " ".join(" ".join(lines).split()).rstrip(".") or None


def title(view: str, header: str, consolidated: bool = False) -> str | None:
    """The trích yếu: the `V/v` line of a letter, or the lines under the type heading up to the body."""
    subject = SUBJECT_LINE.search(header)
    if subject:
        return _subject(subject.group("title"))
    heading = type_heading(view)
    if not heading:
        return None
    text = " ".join(" ".join(_title_lines(view, heading.end(), consolidated, header)).split())
    if not text or text.endswith(":") or len(text) > TITLE_LIMIT:
        return None  # the body starts right away: no trích yếu
    return text
