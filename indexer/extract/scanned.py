"""A scanned document's number and date: what two readings of its header agree on, and what the file
and the page say around the handwriting.

Offices scan what they sign: the number and the day are often written by hand into the printed
template (`Số: ____/QĐ-UBND`, `ngày __ tháng 7 năm 2026`), and Tesseract reads the handwriting as noise.
The reader (`indexer.readers.ocr`) reads the header twice and masks the digits it is unsure of (`?`);
here a value is kept only when a reading reads it for sure and no reading reads another. When the
digits are not read, the printed rest is kept (`/QĐ-UBND`, `năm 2026`) and the values are looked for
around them, each kept with its source:
- `filename`: the number in the file's name (`QD-26-QD-XPVPHC-2026-...pdf`, `CT-11-2025.pdf`,
  `2019.08.30-71.2019.ND.CP-...pdf`), when the page prints the symbol and what the name says around
  the number (type code, body code, year) agrees with the page; the date at the front of a name
  (`2019.08.30-...`) when the page's date line prints the same month and year;
- `signature`: the day a digital signature's box says the issuer signed (`Ký bởi: Bộ Công Thương` /
  `Thời gian ký: 02.04.2026 14:24:26`), kept as `signed_on`, never as the date: the office writes the
  date by hand, and in 7 of the 10 issuer-signed scans of local_dev and scans_dev the two differ (by 1-17
  days, before or after); a certified copy's box (`SAO Y`) or a portal's publishing signature is not the
  issuer's;
- `printed_year`: the year (and month) of the printed date line, as a partial date.
An incoming stamp (`ĐẾN Số: 14708 Ngày: 20/7/2026`) is never read: it prints no `tháng`/`năm` line and
no symbol.
"""

import re
from dataclasses import dataclass

from analyzers.normalize import fold
from indexer.extract.header import Printed, date_parts, printed_date, read_number
from indexer.extract.issuers import body_key
from indexer.extract.layouts.scans import bare
from indexer.vocab.refs import CODE_TYPES, SYMBOL_ONLY_CODES, canonical_ref, ref_key, year_of_symbol


@dataclass(frozen=True)
class Around:
    """What a file says around a document's text: its name, and a scan's header read apart
    (`indexer.readers.pdf.ScanRead.headers`: each reading's columns apart, unsure digits masked)."""

    file_name: str = ""
    headers: tuple[str, ...] = ()


# The codes a file name may carry for a type: the symbols' codes, and `CV` for a letter.
NAME_TYPE_CODES = {fold(code): name for code, name in (CODE_TYPES | SYMBOL_ONLY_CODES | {"CV": "Công văn"}).items()}

# The words of a file name: letters or digits between `-`, `_`, `.` and spaces.
NAME_WORD = re.compile(r"[^\W_]+")
# A number in a file name: 1-5 digits that are not a year.
NAME_NUMBER = re.compile(r"\d{1,5}")
YEAR = re.compile(r"(?:19|20)\d\d")

# A date at the front of a file name, as archives name their files: `2019.08.30-...`, `31.3.2026_...`.
NAME_DATE = re.compile(r"^(?:(?P<y>(?:19|20)\d\d)[._-](?P<m>\d{1,2})[._-](?P<d>\d{1,2})"
                       r"|(?P<d2>\d{1,2})[._-](?P<m2>\d{1,2})[._-](?P<y2>(?:19|20)\d\d))(?!\d)")

# A digital signature's box, from the PDF's annotations or read on the page: `Ký bởi: Bộ Công Thương`,
# `Cơ quan: Bộ Công thương`, `Thời gian ký: 02.04.2026 14:24:26 +07:00` (Tesseract: `Kỷ bởi`, `Thời gian kỷ`).
SIGNED_BY = re.compile(r"^[ \t]*K[ýỳỷyỹ][ \t]*b[ởơóoò]i[ \t]*:[ \t]*(?P<who>[^\n]+)", re.M)
SIGNING_AGENCY = re.compile(r"^[ \t]*C[ơo][ \t]*quan[ \t]*:[ \t]*(?P<who>[^\n]+)", re.M)
SIGNING_TIME = re.compile(r"Th[ờơo]i[ \t]*gian[ \t]*k[ýỳỷyỹ][ \t]*:[ \t]*(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-]"
                          r"(?P<y>(?:19|20)\d\d)")
BOX_LINES = 6
# The header lines where a number stands: the issuer block's two or three lines, then `Số:` (a reading
# puts the left column first).
SYMBOL_LINES = 8
ASCII_WORD = re.compile(r"[A-Za-z0-9]")  # a box's lines from `Ký bởi` to `Thời gian ký`


def agreed_number(headers: tuple[str, ...]) -> Printed:
    """The number the readings of a scan's header print: read when one reads its digits for sure and
    none reads others; else unsure, with the symbol's printed tail (`/QĐ-UBND`) kept.

    >>> agreed_number(("Số: 23 /2024/TT-BCT", "Số: ^ Ổ/2024/TT-BCT")).value
    '23/2024/TT-BCT'
    >>> agreed_number(("Số: ?? /CT-UBND", "Số: M_ /CT-UBND"))
    Printed(value=None, state='unsure', doc_type=None, symbol='/CT-UBND')
    """
    found = [p for p in (read_number(h) for h in headers) if p.state != "none"]
    read = {ref_key(p.value): p for p in found if p.state == "read"}
    if len(read) == 1:
        return next(iter(read.values()))
    if not found:
        return Printed(None)
    symbol = next((p.symbol for p in found if p.symbol), None)
    # A blank on a scan is handwriting Tesseract did not see, not a draft's blank.
    return Printed(None, "unsure", next((p.doc_type for p in found if p.doc_type), None), symbol)


def _agreed(parts: list[tuple[str | None, bool]]) -> tuple[str | None, bool]:
    """One day (or month) from several readings: the one read for sure, unless readings differ."""
    sure = {int(v) for v, ok in parts if v is not None and ok}
    if len(sure) == 1:
        return str(sure.pop()), True
    return None, False


def agreed_date(headers: tuple[str, ...]) -> Printed:
    """The date the readings of a scan's header print, day and month each taken where one reading reads it.

    >>> agreed_date(("Lào Cai, ngày 2? tháng 7 năm 2026", "Lào Cai, ngày 21 tháng ? năm 2026")).value
    '2026-07-21'
    >>> agreed_date(("Hà Nội, ngày ?} tháng 4 năm 2026", "Hà Nội, ngày 0) tháng 4 năm 2026"))
    Printed(value='2026-04', state='unsure', doc_type=None, symbol=None)
    """
    parts = [p for p in (date_parts(h) for h in headers) if p]
    if len({year for year, _, _ in parts}) != 1:
        return Printed(None, "unsure" if parts else "none")
    date = printed_date(parts[0][0], _agreed([d for _, d, _ in parts]), _agreed([m for _, _, m in parts]))
    return date if date.state == "read" else Printed(date.value, "unsure")


def _codes(symbol: str) -> set[str]:
    """The codes of a printed symbol, folded: `/2019/NĐ-CP` -> {'nd', 'cp'}."""
    return {fold(c) for c in re.split(r"[-/–\s]+", symbol) if c and not c.isdigit()}


def _name_words(file_name: str) -> list[str]:
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return [fold(w) for w in NAME_WORD.findall(stem)]


def _is_year(word: str) -> bool:
    return bool(YEAR.fullmatch(word))


def _evidence(words: list[str], at: int, codes: set[str], doc_type: str | None) -> bool:
    """Whether the words around a number of a file name say the page's symbol or type: `CT-11`,
    `71.2019.ND.CP`, `1360-QĐ-TTg`; never a type code that names another type."""
    before = words[at - 1] if at else ""
    after = next((w for w in words[at + 1:] if not _is_year(w)), "")
    named = [NAME_TYPE_CODES[w] for w in (before, after) if w in NAME_TYPE_CODES and w not in codes]
    if any(name != doc_type for name in named):
        return False
    return before in codes or after in codes or bool(named)


def name_number(file_name: str, printed: Printed, doc_type: str | None, year: str | None) -> str | None:
    """The digits of the number in a file's name that agrees with what the page prints: its symbol's
    codes or its type, and its year; None when no number, or more than one, does.

    >>> name_number("QD-26-QD-XPVPHC-2026-Cuc-Hoa-chat.pdf", Printed(None, "unsure", symbol="/QĐ-XPVPHC"),
    ...             "Quyết định", "2026")
    '26'
    >>> name_number("2019.08.30-71.2019.ND.CP-Xu-phat.pdf", Printed(None, "unsure", symbol="/2019/NĐ-CP"),
    ...             "Nghị định", "2019")
    '71'
    >>> name_number("CT-11-2025.pdf", Printed(None, "unsure", symbol="/CT-UBND"), "Chỉ thị", "2024")
    >>> name_number("test AI 03.pdf", Printed(None, "unsure", symbol="/STP-VB"), "Công văn", "2021")
    """
    if not printed.symbol:
        return None
    words, codes = _name_words(file_name), _codes(printed.symbol)
    if year and any(_is_year(w) and w != year for w in words):
        return None  # the name speaks of another year
    found = {w.lstrip("0") or "0" for at, w in enumerate(words) if NAME_NUMBER.fullmatch(w) and not _is_year(w)
             and _evidence(words, at, codes, doc_type)}
    return found.pop() if len(found) == 1 else None


def symbol_in(header: str, file_name: str) -> str | None:
    """A symbol's tail the page prints with its `Số:` garbled (`sẽ,? ? ŸBCT-ATMT`), found from the codes
    the file's name gives after its number (`CV-2265-BCT-ATMT-...`): `/BCT-ATMT`.

    >>> symbol_in("BỘ CÔNG THƯƠNG\\nsẽ,? ? ŸBCT-ATMT\\nV/v triển khai", "CV-2265-BCT-ATMT-trien-khai.pdf")
    '/BCT-ATMT'
    """
    words = NAME_WORD.findall(file_name.rsplit(".", 1)[0])
    header = "\n".join(header.split("\n")[:SYMBOL_LINES])
    for at, word in enumerate(words):
        codes = words[at + 1:at + 3]
        if not NAME_NUMBER.fullmatch(word) or _is_year(word) or len(codes) < 2 or not all(c.isalpha() for c in codes):
            continue
        pattern = re.compile(r"[-/]".join(re.escape(bare(c).upper()) for c in codes) + r"(?![A-Za-z0-9])")
        for found in pattern.finditer(bare(header)):  # bare() keeps offsets: the match is the printed text's
            if not found.start() or not ASCII_WORD.match(header[found.start() - 1]):  # a misread `/` may stand before
                printed = header[found.start():found.end()]
                return ("-" if "/" in printed else "/") + printed
    return None


def number_around(around: Around, printed: Printed, doc_type: str | None, year: str | None,
                  header: str) -> tuple[Printed, str | None]:
    """The page's number, or the file name's (source `filename`) where a scan prints its symbol but not
    its digits; a number a scan's page and the name both give, differently, is left out. A draft's blank
    stays blank: it has no number to find."""
    if not around.file_name or printed.state == "blank":
        return printed, None
    if printed.state == "read":  # a typed number stands; a scan's digits must agree with the name
        if not around.headers:
            return printed, None
        digits = name_number(around.file_name, printed, doc_type, year)
        same = digits is None or ref_key(printed.value).split("-")[0] == digits
        return (printed if same else Printed(None, "unsure", printed.doc_type, printed.symbol)), None
    garbled = printed.state == "none" and around.headers  # `Số:` unreadable: the symbol found from the name
    symbol = printed.symbol or (symbol_in(header, around.file_name) if garbled else None)
    if not symbol:
        return printed, None
    digits = name_number(around.file_name, Printed(None, "unsure", symbol=symbol), doc_type,
                         year or _symbol_year(symbol))
    if digits is None:
        return Printed(None, "unsure", printed.doc_type, symbol), None
    return Printed(canonical_ref(digits + symbol), "read", printed.doc_type, symbol), "filename"


def _symbol_year(symbol: str) -> str | None:
    year = year_of_symbol("0" + symbol)
    return str(year) if year else None


def name_date(file_name: str, printed: Printed) -> str | None:
    """The date at the front of a file's name, when the page's date line prints its month and year.

    >>> name_date("2019.08.30-71.2019.ND.CP.pdf", Printed("2019-08", "unsure"))
    '2019-08-30'
    >>> name_date("31.3.2026_BB_kiemtra.pdf", Printed(None))
    """
    match = NAME_DATE.match(file_name)
    if not match or not printed.value or len(printed.value) != len("2019-08"):
        return None
    year, month, day = (match.group(k) or match.group(k + "2") for k in ("y", "m", "d"))
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    return iso if iso.startswith(printed.value + "-") and 1 <= int(day) <= 31 else None


def date_around(around: Around, printed: Printed, date: str | None,
                partial: str | None) -> tuple[str | None, str | None, str | None]:
    """(date, partial date, source): a date the page does not print readably, from the file's name
    (`name_date`), else its printed year and month.

    >>> date_around(Around("2019.08.30-71.2019.ND.CP.pdf"), Printed("2019-08", "unsure"), None, "2019-08")
    ('2019-08-30', None, 'filename')
    >>> date_around(Around("CT-11-2025.pdf"), Printed("2025", "unsure"), None, "2025")
    (None, '2025', 'printed_year')
    """
    if date or printed.state not in ("unsure", "blank"):
        return date, partial, None
    named = name_date(around.file_name, printed) if printed.state == "unsure" else None
    if named:
        return named, None, "filename"
    return None, partial, "printed_year" if partial else None


@dataclass(frozen=True)
class SignatureBox:
    """A digital signature's box: who signed, for which agency, on which day; a certified copy's or not."""

    signer: str
    agency: str
    day: str  # ISO


def signature_boxes(text: str) -> list[SignatureBox]:
    """The signing boxes a text holds (a `SAO Y` copy's box has no `Ký bởi` and is not one).

    >>> signature_boxes("Ký bởi: Bộ Công Thương\\nCơ quan: Bộ Công thương\\nThời gian ký: 02.04.2026 14:24:26 +07:00")
    [SignatureBox(signer='Bộ Công Thương', agency='Bộ Công thương', day='2026-04-02')]
    """
    boxes = []
    for signed in SIGNED_BY.finditer(text):
        end = signed.end()
        for _ in range(BOX_LINES):
            end = text.find("\n", end + 1)
            if end < 0:
                end = len(text)
                break
        box = text[signed.start():end]
        when, agency = SIGNING_TIME.search(box), SIGNING_AGENCY.search(box)
        if when and 1 <= int(when.group("m")) <= 12 and 1 <= int(when.group("d")) <= 31:
            boxes.append(SignatureBox(signed.group("who").strip(), agency.group("who").strip() if agency else "",
                                      f"{when.group('y')}-{int(when.group('m')):02d}-{int(when.group('d')):02d}"))
    return boxes


def _issuer_signed(box: SignatureBox, issuer: str | None) -> bool:
    """Whether a box was signed by the issuer itself (`Sở Tư pháp` for `Sở Tư pháp thành phố Hồ Chí
    Minh`), not by a portal or an office that published or copied it."""
    if not issuer:
        return False
    key = body_key(issuer)
    return any(k and (key == k or key.startswith(k + " ")) for k in (body_key(box.signer), body_key(box.agency)))


def signed_on(text: str, issuer: str | None) -> str | None:
    """The day the issuer's own digital signature box says it signed the document (one day only).

    >>> signed_on("Ký bởi: Sở Tư pháp\\nThời gian ký: 25.02.2021 15:12:01", "Sở Tư pháp thành phố Hồ Chí Minh")
    '2021-02-25'
    >>> signed_on("Ký bởi: Cổng Thông tin điện tử Chính phủ\\nThời gian ký: 03.09.2019 09:33:36", "Chính phủ")
    """
    days = {b.day for b in signature_boxes(text) if _issuer_signed(b, issuer)}
    return days.pop() if len(days) == 1 else None
