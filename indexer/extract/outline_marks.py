"""The marks that open a part of a document at a line's start, and whether one continues a sequence.

Legal texts: `Phần thứ hai`, `Chương II`, `Mục 1`, `Điều 5.`, a khoản `1.`, an điểm `a)`; plans, programmes,
reports and Party documents: `A.`/`A-`, `I.`/`I-`, `1.`, `1.1.`, `a)`; both: `Phụ lục I`. A line that only
looks like a mark (a wrapped `2. ...` inside a sentence, a list inside a point, an article number in a
citation) is told apart by its sequence: a part's number follows its previous sibling's.
"""

import re
from dataclasses import dataclass

from indexer.extract.outline_text import is_caps

# How deep each kind of part stands: a mark closes every open part at its depth or deeper.
RANKS = {"appendix": 0, "attachment": 0, "form": 1, "part": 2, "chapter": 3, "section": 4, "article": 5,
         "division": 6, "roman": 7, "number": 8, "subnumber": 9, "point": 12}

# `Phần thứ hai`, `PHẦN I`, `Phần 2`: the part's words stand after it or on the next lines, in capitals.
PART = re.compile(r"(?:Phần|PHẦN)[ \t]+(?:(?:thứ|THỨ)[ \t]+(?P<word>[^\W\d_]+)|(?P<n>[IVX]{1,5}|\d{1,2}))\b"
                  r"[ \t]*[.:\-–]?[ \t]*")
# `Chương I`, `CHƯƠNG 1.`, `Chương II - QUY ĐỊNH CHUNG`.
CHAPTER = re.compile(r"(?:Chương|CHƯƠNG)[ \t]+(?P<n>[IVXL]{1,6}|\d{1,3})\b[ \t]*[.:\-–]?[ \t]*")
# A legal section inside a chapter: `Mục 1`, `MỤC 2. THANH TRA VIÊN` (never `Mục tiêu`).
SECTION = re.compile(r"(?:Mục|MỤC)[ \t]+(?P<n>\d{1,2}|[IVX]{1,5})\b[ \t]*[.:\-–]?[ \t]*")
# `Điều 5.`, `Điều 7a.`, `ĐIỀU 3:`, `Điều 12` alone on its line (its title on the next).
ARTICLE = re.compile(r"(?:Điều|ĐIỀU)[ \t]*(?P<n>\d{1,3}[a-zđ]?)[ \t]*(?:[.:][ \t]*|$|[-–][ \t]+)")
# `Phụ lục`, `PHỤ LỤC I`, `Phụ lục số 02: DANH MỤC ...`, `Phụ lục II.`
APPENDIX = re.compile(r"(?:Phụ lục|PHỤ LỤC|Phụ Lục)(?:[ \t]+(?:số|SỐ)?[ \t]*(?P<n>[IVX]{1,5}|\d{1,3}[a-z]?|[A-Z])\b)?"
                      r"[ \t]*[.:\-–]?[ \t]*")
# A form in an appendix, after the signature: `Mẫu số 04` / `UBND TỈNH ...`, `MẪU SỐ 01`, `Mẫu AP01`.
FORM = re.compile(r"(?:Mẫu|MẪU)(?:[ \t]+(?:số|SỐ))?[ \t]+(?P<n>[A-Z0-9][A-Z0-9.\-]{0,8}[a-z]?)\b[ \t]*[.:\-–]?[ \t]*")
# A plan's division above its roman sections: `A. MỤC ĐÍCH, YÊU CẦU`, `B- NỘI DUNG` (capitals after it).
DIVISION = re.compile(r"(?P<n>[A-H])[ \t]*[.\-–)][ \t]+")
# A roman section: `I. MỤC ĐÍCH, YÊU CẦU`, `II- NỘI DUNG`, `III) ...` (never `V/v`).
ROMAN = re.compile(r"(?P<n>[IVX]{1,5})[ \t]*[.:\-–)][ \t]*")
# `1.1.`, `2.3`, `1.2.1.`: a numbered section's subsection (`8.1 Tình hình ...` without the last dot).
SUBNUMBER = re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})(?:[ \t]*[.)][ \t]*|[ \t]+)(?!\d)")
# A khoản or a numbered section: `1.`, `2)`, `1 .` (bold split by a converter: `**1**. **Mục đích**`),
# a scan's `1, Cục Thuế tỉnh`.
NUMBER = re.compile(r"(?P<n>\d{1,2})(?:[ \t]*[.)][ \t]*(?!\d)|,[ \t]+(?=[A-ZĐÀ-Ỹ]))")
# An điểm: `a)`, `đ)`, `b )`.
POINT = re.compile(r"(?P<n>[a-zđ])[ \t]*\)[ \t]*")

# A line that only names an article, its number on the next line (Pandoc wraps `**Điều\n2. Tên**`).
BARE_ARTICLE = re.compile(r"(?:Điều|ĐIỀU)[ \t]*$")
ARTICLE_NUMBER = re.compile(r"(?P<n>\d{1,3}[a-zđ]?)[ \t]*[.:][ \t]*")

# Vietnamese letters in order: a point may skip `đ` (and `f`, `j`, `w`, `z` that Vietnamese does not use).
LETTERS = "abcdđefghijklmnopqrstuvwxyz"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
ORDINAL_WORDS = {"nhất": 1, "nhứt": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                 "tám": 8, "chín": 9, "mười": 10}
# Numbers a sequence may skip: a document that misnumbers (`1.`, `3.`) keeps its parts; a wrapped line that
# starts with a number rarely continues the sequence it breaks.
SKIP = {"article": 3, "point": 3}
DEFAULT_SKIP = 2
# Kinds whose numbering may start anywhere (a document's `PHẦN THỨ HAI` without its first part).
FREE_START = {"part", "chapter", "appendix", "attachment", "form"}


@dataclass(frozen=True)
class Mark:
    """A mark at a line's start: its kind, number as printed, order, and where the words after it start."""

    kind: str
    token: str            # `5`, `7a`, `II`, `a`, `1.2`, `thứ hai`, `` (a lone `Phụ lục`)
    order: tuple          # compared within one sequence: `(7, 1)` for `7a`, `(1, 2)` for `1.2`
    rest: int             # the column where the words after the mark start

    @property
    def rank(self) -> int:
        return RANKS[self.kind] + (self.token.count(".") - 1 if self.kind == "subnumber" else 0)


def roman_value(token: str) -> int | None:
    """The value of a roman numeral, or None when it is not one written the usual way.

    >>> roman_value("XIV"), roman_value("IIII"), roman_value("VX")
    (14, None, None)
    """
    values = [ROMAN_VALUES[c] for c in token]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and to_roman(total) == token else None


def to_roman(value: int) -> str:
    out = ""
    for number, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def _number(token: str) -> int | None:
    digits = re.match(r"\d+", token)
    if digits:
        return int(digits.group())
    return roman_value(token) if set(token) <= set(ROMAN_VALUES) else ord(token[0]) - ord("A") + 1


def _article_order(token: str) -> tuple:
    digits = token.rstrip(LETTERS)
    suffix = token[len(digits):]
    return (int(digits), LETTERS.index(suffix) + 1 if suffix else 0)


def _rest_starts_right(kind: str, rest: str) -> bool:
    """The words after a heading mark start a heading (capitals), or stand on the next line."""
    if kind in ("part", "chapter", "section", "appendix"):
        return not rest or rest[0].isupper() or rest[0].isdigit()
    if kind == "form":
        return not rest.strip() or is_caps(rest)
    if kind == "division":
        letters = [c for c in rest[:40] if c.isalpha()]
        return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return True


def _mark(kind: str, match, line: str) -> Mark | None:
    token = match.group("n") or ""
    if kind == "part" and match.group("word"):
        value = ORDINAL_WORDS.get(match.group("word").lower())
        order = (value,) if value else None
        token = "thứ " + match.group("word").lower()
    elif kind == "article":
        order = _article_order(token)
    elif kind == "subnumber":
        order = tuple(int(p) for p in token.split("."))
    elif kind == "point":
        order = (LETTERS.index(token),)
    elif kind == "division":
        order = (ord(token) - ord("A"),)
    elif kind in ("appendix", "form"):
        order = (0,)
    else:
        value = _number(token)
        order = (value,) if value else None
    if order is None or not _rest_starts_right(kind, line[match.end():]):
        return None
    return Mark(kind, token, order, match.end())


# The patterns in the order they are tried: `Điều`, `Chương` before the numbers; `1.1.` before `1.`;
# roman `I.`, `V.`, `X.` before the divisions `A.`-`H.`.
PATTERNS = (("article", ARTICLE), ("chapter", CHAPTER), ("part", PART), ("section", SECTION),
            ("appendix", APPENDIX), ("form", FORM), ("subnumber", SUBNUMBER), ("number", NUMBER), ("roman", ROMAN),
            ("division", DIVISION), ("point", POINT))
FIRST_CHARS = set("ĐđCcPpMm0123456789IVXABCDEFGH") | set(LETTERS)


def read_mark(line: str) -> Mark | None:
    """The mark a line (of the view, indentation stripped) starts with, or None.

    >>> read_mark("Điều 7a. Trách nhiệm")
    Mark(kind='article', token='7a', order=(7, 1), rest=9)
    >>> [read_mark(t).kind for t in ("II. NỘI DUNG", "1.2. Về tuổi đời", "đ) Thanh tra", "Chương I")]
    ['roman', 'subnumber', 'point', 'chapter']
    >>> read_mark("V/v thực hiện"), read_mark("Mục tiêu cụ thể"), read_mark("2025. Năm")
    (None, None, None)
    """
    if not line or line[0] not in FIRST_CHARS:
        return None
    for kind, pattern in PATTERNS:
        match = pattern.match(line)
        if match:
            mark = _mark(kind, match, line)
            if mark is not None:
                return mark
    return None


def follows(previous: tuple | None, mark: Mark) -> bool:
    """True when a mark continues its sequence after the previous sibling's order (None: it is the first).

    >>> m = read_mark("3. Nội dung")
    >>> follows((2,), m), follows((1,), m), follows((5,), m), follows(None, m)
    (True, True, False, False)
    """
    order = mark.order
    if previous is None:
        if mark.kind in FREE_START:
            return True
        if mark.kind == "article":
            return order == (1, 0)
        return order[-1] == (0 if mark.kind in ("point", "division") else 1)
    if mark.kind in ("appendix", "attachment", "form"):
        return True
    if mark.kind == "article" and order[1]:  # `7a` after `7`, `7b` after `7a`
        return order[0] == previous[0] and order[1] == previous[1] + 1
    if mark.kind == "subnumber" and (len(order) != len(previous)):
        return False
    step = order[0] - previous[0] if mark.kind == "article" else order[-1] - previous[-1]
    if step == 0 and (mark.kind == "roman" or (mark.kind == "article" and order[-1] == 0)):
        return True  # a number printed twice (`III.` ... `III.`, `Điều 52.` ... `Điều 52.`) is still the next part
    return 1 <= step <= SKIP.get(mark.kind, DEFAULT_SKIP)
