"""Text recognized from scans (Tesseract, page-reading models): header words put back, digits read
only where the reading is sure.

Tesseract's Vietnamese model reads printed body text well but mistakes diacritics in the header's
capitals (`UỶ BAN NHẪN DÂN`, `TĨNH QUANG NGAI`, `QUYÉT ĐỊNH`, `CỌNG HÒA`), reads `Số` as `Só`, reads the
image of the e-signature seal as lines of debris, and garbles stamped and handwritten digits
(`Số: Ø2 /CT-UBND`, `ngày 1Š tháng`). A header word whose letters, diacritics aside, are a known
header word's is written as that word; a digit is corrected only by the confusions that have one
reading (`Ø`/`O` for 0, `I`/`l`/`|` for 1), and a value is kept only when it is a valid number or date.
"""

import re
import unicodedata

from indexer.extract.headings import LONG_HEADING, TYPE_HEADING
from indexer.extract.issuers import CENTRAL_BODIES
from indexer.extract.places import PROVINCES
from indexer.vocab.refs import DOCUMENT_TYPES, HEADING_TYPES

# Confusions with one reading. `Š`/`S`/`§` (5 or 8), `B` (8, 5 or 3), `Z` (2 or 7) have several: unread.
DIGIT_LOOKALIKES = {"O": "0", "o": "0", "Ø": "0", "ø": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "]": "1",
                    "!": "1"}

# What a blank printed for a number or a day to be filled in holds: spaces, dots, underscores.
BLANK = re.compile(r"^[\s._…]*$")

# Lines of the e-signature seal's image and of its certificate, read as text above the header:
# `TRUNG TÂM CÔNG BÁO VÀ TIN HỌC`, `Ký bởi: ...`, `Thời gian ký: ...`, `ttcbth@quangngai.gov.vn`, `+07:00`
# (an `@` alone is a garbled digit: `Số: 86@ /QĐ-UBND`).
SEAL_LINE = re.compile(r"V[ÀA]\s*TIN\s*HỌC|CÔNG\s+BÁO|TRUNG\s+T[ÂA]M\s+C[ÔÓO]NG\s*$|\b[Kk]ý\s*(?:bởi\s*)?:"
                       r"|Cơ\s+quan\s*:|[a-z]\)?@|g[oe]v\.v|\+\s*07\s*:\s*00|\d\d\.\d\d\.\d{4}\s+\d\d:\d\d")

# A header line is short; a longer one is a paragraph of the body, left as it is.
HEADER_LINE_CHARS = 160

# `Só:`, `Sô:`, `S6:`, `SỐ:`, `Số;` at a line's start, perhaps after a scan's stray marks (`›„ SỐ:`): `Số:`.
NUMBER_WORD = re.compile(r"^([ \t]*)(?:[^\w\s]{1,3}[ \t]*)?S[óòỏõọôồốổỗộoỐỒÔÓ6][ \t]*[:;]", re.M)

# Known header phrases, keyed by their letters without diacritics (upper case).
_PHRASES = (["ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI",
             "ĐẢNG CỘNG SẢN VIỆT NAM"]
            + [t.upper() for t in DOCUMENT_TYPES + HEADING_TYPES]
            + [f"{level} {p.upper()}" for p in PROVINCES for level in ("TỈNH", "THÀNH PHỐ")]
            + ["THÀNH PHỐ HỒ CHÍ MINH"])

# A line whose letters a PDF's justified spacing split (`B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI`): several
# words of one letter. Such a line is read again from the known names its letters spell.
SPLIT_LETTERS = re.compile(r"(?:(?<=\s)|^)\w(?=\s)")
SPLIT_LETTERS_MIN = 3
_NAMES = sorted({" ".join(n.upper().split()) for n in _PHRASES + CENTRAL_BODIES}, key=len, reverse=True)


class _BareTable(dict):
    """`str.translate` table: each character without its diacritics, upper case, one character long."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        bare = "D" if ch in "đĐ" else unicodedata.normalize("NFD", ch)[0].upper()
        self[code] = bare if len(bare) == 1 else ch
        return self[code]


_BARE = _BareTable()


def bare(text: str) -> str:
    """`TĨNH QUANG NGAI` -> `TINH QUANG NGAI`: the same length as the text."""
    return text.translate(_BARE)


_BY_BARE = {bare(p): p for p in sorted(_PHRASES, key=len)}


def _by_first_letter(phrases: list[str]) -> str:
    """An alternation of phrases (blanks between their words), longest first, grouped by first letter: sre checks
    a place's letter once per group, not once per phrase (over the header lines of gazette_dev and local_dev,
    0.07 s -> 0.03 s). Only one group can match at a place, and a group keeps its phrases' order: the same
    phrase is matched.

    >>> _by_first_letter(["TINH AN", "THANH", "AN"])
    'T(?:INH[ \\\\t]+AN|HANH)|A(?:N)'
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]).replace(r"\ ", r"[ \t]+"))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


PHRASE = re.compile(r"(?<![A-Z])(?:" + _by_first_letter(sorted(_BY_BARE, key=len, reverse=True)) + r")(?![A-Z])")


# The mottos, their diacritics aside (a scan misreads them: `CỌNG HOÀ XÃ HỘI`, `ĐẢNG CỘNG SẢN VIỆT NAMI`).
BARE_MOTTO = re.compile(r"CONG\s+HOA\s+XA\s+HOI|DOC\s+LAP\s*[-–—]\s*TU\s+DO|DANG\s+CONG\s+SAN\s+VIET")


def motto_at(line: str) -> int | None:
    """Where a motto starts on a line, however its diacritics were read.

    >>> motto_at("ỦY BAN NHÂN DÂN CỌNG HOÀ XÃ HỘI CHỦ NGHIA VIỆT NAMI"), motto_at("TỈNH QUẢNG NGÃI")
    (16, None)
    """
    match = BARE_MOTTO.search(bare(line))
    return match.start() if match else None


def fix_header_words(line: str) -> str:
    """A header line's known words written right, whatever diacritics the recognizer gave them.

    >>> fix_header_words("UỶ BAN NHẪN DÂN CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> fix_header_words("TĨNH QUANG NGAI"), fix_header_words("QUYÉT ĐỊNH")
    ('TỈNH QUẢNG NGÃI', 'QUYẾT ĐỊNH')
    """
    plain = bare(line)
    out, last = [], 0
    for match in PHRASE.finditer(plain):
        if line[match.start():match.end()].isupper():  # header capitals only, never running text
            out += [line[last:match.start()], _BY_BARE[" ".join(match.group(0).split())]]
            last = match.end()
    return "".join(out) + line[last:]


def _squeezed(text: str) -> str:
    return bare(text).replace(" ", "").replace("\t", "")


_BY_SQUEEZED = {}
for _name in _NAMES:
    _BY_SQUEEZED.setdefault(_squeezed(_name), _name)
_SQUEEZED_LENGTHS = sorted({len(k) for k in _BY_SQUEEZED}, reverse=True)


def respace(line: str) -> str:
    """A capitals line whose letters were spaced apart, read as the known names it spells; else as it is.

    >>> respace("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH -------")
    'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH -------'
    """
    if len(SPLIT_LETTERS.findall(line)) < SPLIT_LETTERS_MIN or not line.isupper():
        return line
    squeezed, names, at = _squeezed(line), [], 0
    while at < len(squeezed) and squeezed[at].isalpha():
        found = next((n for n in _SQUEEZED_LENGTHS if squeezed[at:at + n] in _BY_SQUEEZED), None)
        if found is None:
            return line
        names.append(_BY_SQUEEZED[squeezed[at:at + found]])
        at += found
    return " ".join(names + ([squeezed[at:]] if at < len(squeezed) else []))


# Debris a scan reads before a heading on its line (`Ilàexe: GIÁY PHÉP`, `BI : GIẤY PHÉP`): a few characters,
# no word of capitals, ending in a colon or a mark.
HEADING_DEBRIS = re.compile(r"^(?P<debris>[^\n:]{0,10}[:;|>»]|[^\w\n]{0,2}_*[^\w\n]{0,2})[ \t]*(?=\w)")


def heading_without_debris(line: str) -> str:
    """A type heading with what a scan read before it on its line dropped; any other line as it is.

    >>> heading_without_debris("Ilàexe: GIẤY PHÉP"), heading_without_debris("-_ GIẤY PHÉP")
    ('GIẤY PHÉP', 'GIẤY PHÉP')
    >>> heading_without_debris("Số: 12/QĐ-UBND")
    'Số: 12/QĐ-UBND'
    """
    debris = HEADING_DEBRIS.match(line)
    if not debris or re.search(r"[A-ZĐÀ-Ỹ]{3,}", debris.group("debris")):
        return line
    rest = line[debris.end():]
    return rest if TYPE_HEADING.fullmatch(rest) or LONG_HEADING.fullmatch(rest) else line


# Words that start the name of a body below a ministry or a province, beside the known names' words.
UNIT_WORDS = ["TRƯỜNG ĐẠI HỌC", "HỌC VIỆN", "TRUNG TÂM", "CÔNG TY", "BỆNH VIỆN", "CHI CỤC", "TỔNG CỤC", "PHÒNG",
              "ĐOÀN THANH NIÊN", "LIÊN ĐOÀN", "HỘI", "KHOA", "VIỆN"]
# The syllables a header prints, bare: a scan's stray space inside one (`TRƯỜN G`, `MIN H`) is closed
# when the two pieces make one of them and the first alone does not.
_SYLLABLES = {bare(w) for name in _NAMES + UNIT_WORDS for w in name.split()}
SPLIT_TAIL = 2  # letters a stray space cuts off a syllable's end


def mend_syllables(line: str) -> str:
    """A line with the capitals syllables a scan broke made whole again: cut in two by a stray space
    (`TRƯỜN G`), or a letter read twice (`NGAÀI`).

    >>> mend_syllables("TRƯỜN G ĐẠI HỌC ĐIỆN LỰC"), mend_syllables("ĐẠI HỌC Y HÀ NỘI")
    ('TRƯỜNG ĐẠI HỌC ĐIỆN LỰC', 'ĐẠI HỌC Y HÀ NỘI')
    >>> mend_syllables("TĨNH QUANG NGAÀI")
    'TĨNH QUANG NGÀI'
    """
    words: list[str] = []
    for word in line.split(" "):
        if (words and word.isalpha() and word.isupper() and words[-1].isupper() and len(word) <= SPLIT_TAIL
                and bare(words[-1]) not in _SYLLABLES and bare(words[-1] + word) in _SYLLABLES):
            words[-1] += word
        else:
            words.append(_undoubled(word) if word.isupper() and bare(word) not in _SYLLABLES else word)
    return " ".join(words)


def _undoubled(word: str) -> str:
    """A word with a letter read twice (`NGAÀI`) read once, when that makes a known syllable."""
    plain = bare(word)
    for i in range(1, len(word)):
        if plain[i] == plain[i - 1] and plain[i].isalpha() and plain[:i] + plain[i + 1:] in _SYLLABLES:
            return word[:i - 1] + word[i:]  # the second reading keeps its diacritics: `AÀ` -> `À`
    return word


def fix_scan_header(lines: list[str]) -> list[str]:
    """Header lines with the seal's debris dropped, known words written right, `Só:` read as `Số:`, a
    heading's debris dropped (a long line is a paragraph of the body: left as it is)."""
    return [_fixed(line) if len(line) <= HEADER_LINE_CHARS else line for line in lines if not SEAL_LINE.search(line)]


def _fixed(line: str) -> str:
    return heading_without_debris(NUMBER_WORD.sub(r"\1Số:", fix_header_words(mend_syllables(respace(line)))))


# A date word a scan glues to its digits: `ngày30`, `ngày?}`, `năm2026` (page furniture would take the
# digits for a footnote's).
GLUED_DATE = re.compile(r"(?:(?<=ngày)|(?<=tháng))(?=[\d?])|(?<=năm)(?=(?:19|20)\d\d)")
GLUED_DAY = re.compile(r"(?<=ngày)\d{1,2}(?!\d)")


def unglue(text: str) -> str:
    """A scan's date words apart from their digits.

    >>> unglue("Hà Nội, ngày30 tháng 4 năm2026")
    'Hà Nội, ngày 30 tháng 4 năm 2026'
    """
    return GLUED_DATE.sub(" ", text)


def unglued_view(text: str, view: str) -> str:
    """A furniture view with the day a scan glued to `ngày` given back (the view blanks it as a footnote
    number): offsets unchanged."""
    for match in GLUED_DAY.finditer(text):
        view = view[:match.start()] + match.group(0) + view[match.end():]
    return view


def read_digits(raw: str) -> tuple[str | None, bool]:
    """(digits, sure) from what a scan shows where digits are printed: `Ø3` -> ('03', True).

    A blank gives (None, True): nothing was printed. Characters with no single reading give (None, False).

    >>> read_digits("II"), read_digits("   "), read_digits("1Š"), read_digits("42")
    (('11', True), (None, True), (None, False), ('42', True))
    """
    if BLANK.match(raw):
        return None, True
    text = "".join(DIGIT_LOOKALIKES.get(c, c) for c in raw.strip())
    return (text, True) if text.isdigit() and len(text) <= 5 else (None, False)
