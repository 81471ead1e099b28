"""Deadlines as plans print them, read as a span of days when a year is there to read.

`Quý II/2025` -> 2025-04-01..2025-06-30; `Tháng 12/2025`; `tháng 11, 12/2013`; `trước ngày 30/6/2025` (a last
day only); `Năm 2026`; `Giai đoạn 2026-2030`; `6 tháng đầu năm 2025`; `Quý IV/2025 - Quý II/2026` (a range);
`Từ tháng 11/2013 trở đi` (a first day only). `Thường xuyên`, `Hằng năm`, `trước ngày 15 tháng 11` (no year)
are kept as printed with no days: a value that cannot be read is never guessed.
"""

import calendar
import re
from dataclasses import dataclass

_Y = r"(?P<{}>(?:19|20)\d\d)"
# Each form a point in time takes, as its own pattern; the names of groups say what each holds.
QUARTER = rf"quý\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|-|,|\s)\s*(?:năm\s+)?{_Y.format('yq')}"
HALF = rf"(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s*(?:/\s*)?{_Y.format('yh')}"
DAY = (rf"(?:ngày\s+)?(?P<d>\d{{1,2}})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<dm>\d{{1,2}})\s*(?:/|-|\.|\s+năm\s+)\s*"
       rf"{_Y.format('yd')}")
MONTH = rf"tháng\s+(?P<m>\d{{1,2}})(?:\s*(?:,|và|-|–)\s*(?P<m2>\d{{1,2}}))?\s*(?:/|-|\s+năm\s+)\s*{_Y.format('ym')}"
PERIOD = r"(?:giai\s+đoạn\s+|từ\s+năm\s+)?(?P<y1>(?:19|20)\d\d)\s*(?:-|–|đến(?:\s+năm)?)\s*(?P<y2>(?:19|20)\d\d)"
YEAR = rf"(?:trong\s+|cả\s+)?năm\s+{_Y.format('yy')}"
POINT = re.compile(rf"{QUARTER}|{HALF}|{DAY}|{MONTH}|{PERIOD}|{YEAR}", re.I)

# What stands before a point and changes the span it gives: `trước ngày` (only the last day), `từ` (only the
# first), `đến hết` (the last).
BEFORE = re.compile(r"(?:trước|chậm\s+nhất(?:\s+là)?|đến(?:\s+hết)?|muộn\s+nhất)\s*(?:ngày\s*)?$", re.I)
FROM = re.compile(r"(?:từ|bắt\s+đầu\s+từ|kể\s+từ)\s*(?:ngày\s*)?$", re.I)
# A range: a second point after the first (`Quý IV/2025 - Quý II/2026`, `từ tháng 6/2025 đến tháng 12/2025`).
RANGE_JOIN = re.compile(r"\s*(?:-|–|đến(?:\s+hết)?)\s*", re.I)

# More years after a year: `năm 2023, 2024`, `năm 2025 và 2026`.
MORE_YEARS = re.compile(r"(?:\s*(?:,|và)\s*(?P<y>(?:19|20)\d\d)\b)+")

# Deadlines with no days: the work never ends, or recurs.
RECURRING = re.compile(r"thường\s+xuyên|hằng\s+năm|hàng\s+năm|định\s+kỳ|hằng\s+quý|hàng\s+quý|hằng\s+tháng|"
                       r"hàng\s+tháng|liên\s+tục|theo\s+tiến\s+độ|theo\s+yêu\s+cầu", re.I)

# In running text, a point is a deadline only after these words (`hoàn thành trong Quý II/2025`, `trước ngày
# 30/6/2025`, `(Quý IV/2023)`), never a citation's date (`Nghị quyết số 35-NQ/TW ngày 22/10/2018`) nor what a
# plan is about (`phát triển đến năm 2030`, `có hiệu lực từ ngày 01/7/2026`).
CUE = re.compile(r"(?:hoàn\s+thành|xong|trước|chậm\s+nhất(?:\s+là)?|trong|thời\s+gian|thời\s+hạn|tiến\s+độ|"
                 r"đến\s+hết|vào)\s*(?:là\s+)?(?:ngày\s*)?[:,]?\s*$|\(\s*(?:hoàn\s+thành\s+)?(?:trong\s+)?$", re.I)
CUE_REACH = 30
# A year that carries its own cue: `trong năm 2026`.
IN_YEAR = re.compile(r"trong\s+năm", re.I)
# A date that belongs to a cited document: `... số 24/KH-UBND ngày 14/8/2025 của`.
CITED_DATE = re.compile(r"\s*(?:của|,\s*của)\b", re.I)

# A day with no year, every year (`trước ngày 25 tháng 12 hằng năm`, `trước ngày 15/11`): printed, no days.
YEARLY = re.compile(r"(?:trước|chậm\s+nhất(?:\s+là)?)\s+ngày\s+\d{1,2}\s*(?:/|\s+tháng\s+)\s*\d{1,2}"
                    r"(?!\s*(?:/|\s+năm\s+)\s*\d)(?:\s+(?:hằng|hàng)\s+năm)?", re.I)

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class Deadline:
    """A deadline as printed, and its first and last day when they can be read (ISO dates)."""

    printed: str
    first: str | None = None
    last: str | None = None

    def as_dict(self) -> dict:
        return {"printed": self.printed, "from": self.first, "to": self.last}


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str | None:
    return _iso(year, month, calendar.monthrange(year, month)[1]) if 1 <= month <= 12 else None


def point_span(match) -> tuple[str | None, str | None]:
    """The first and last day a point names."""
    groups = match.groupdict()
    if groups["y1"]:
        return f"{groups['y1']}-01-01", f"{groups['y2']}-12-31"
    year = int(next(groups[g] for g in ("yq", "yh", "yd", "ym", "yy") if groups[g]))
    if groups["q"]:
        q = ROMAN_QUARTERS.get(groups["q"].upper()) or int(groups["q"])
        return _iso(year, 3 * q - 2, 1), _month_end(year, 3 * q)
    if groups["half"]:
        first = groups["half"].lower() == "đầu"
        return (f"{year}-01-01", f"{year}-06-30") if first else (f"{year}-07-01", f"{year}-12-31")
    if groups["d"]:
        day = _iso(year, int(groups["dm"]), int(groups["d"]))
        return day, day
    if groups["m"]:
        return _iso(year, int(groups["m"]), 1), _month_end(year, int(groups["m2"] or groups["m"]))
    return f"{year}-01-01", f"{year}-12-31"


def _clean(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).strip(" .;,:")


def _spanned(text: str, match) -> tuple[str | None, str | None, int]:
    """A point's span, stretched to a second point joined to it (a range) or to the years listed after a year
    (`Trong năm 2023, 2024`); and where the phrase ends."""
    first, last = point_span(match)
    join = RANGE_JOIN.match(text, match.end())
    if join:
        second = POINT.match(text, join.end())
        if second:
            return first, point_span(second)[1], second.end()
    more = MORE_YEARS.match(text, match.end()) if match.group("yy") else None
    if more:
        return first, f"{more.group('y')}-12-31", more.end()
    return first, last, match.end()


def _bounded(before: str, first, last) -> tuple[str | None, str | None]:
    if BEFORE.search(before):
        return None, last
    if FROM.search(before):
        return first, None
    return first, last


def read_deadline(cell: str) -> Deadline | None:
    """A deadline cell (`Thời gian hoàn thành`) or field (`Thời gian thực hiện: ...`), read whole.

    >>> read_deadline("Quý II/2025")
    Deadline(printed='Quý II/2025', first='2025-04-01', last='2025-06-30')
    >>> read_deadline("Quý IV/2025- Quý II/2026").as_dict()
    {'printed': 'Quý IV/2025- Quý II/2026', 'from': '2025-10-01', 'to': '2026-06-30'}
    >>> read_deadline("Trong năm 2023, 2024").as_dict()
    {'printed': 'Trong năm 2023, 2024', 'from': '2023-01-01', 'to': '2024-12-31'}
    >>> read_deadline("Thường xuyên.")
    Deadline(printed='Thường xuyên', first=None, last=None)
    >>> read_deadline("Trước ngày 30/6/2025").as_dict()
    {'printed': 'Trước ngày 30/6/2025', 'from': None, 'to': '2025-06-30'}
    """
    printed = _clean(cell)
    if not printed:
        return None
    match = POINT.search(printed)
    if match is None:
        return Deadline(printed) if RECURRING.search(printed) or len(printed) <= 60 else None
    first, last, _ = _spanned(printed, match)
    first, last = _bounded(printed[:match.start()], first, last)
    return Deadline(printed, first, last)


def find_deadline(text: str) -> Deadline | None:
    """The deadline a task's running text states, or None.

    >>> find_deadline("Sở Tư pháp chủ trì, hoàn thành trong Quý II/2025.").as_dict()
    {'printed': 'Quý II/2025', 'from': '2025-04-01', 'to': '2025-06-30'}
    >>> find_deadline("báo cáo UBND tỉnh trước ngày 30/6/2025;").as_dict()
    {'printed': 'trước ngày 30/6/2025', 'from': None, 'to': '2025-06-30'}
    >>> find_deadline("Thực hiện Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh") is None
    True
    >>> find_deadline("Rà soát dữ liệu (thường xuyên).").printed
    'thường xuyên'
    """
    for match in POINT.finditer(text):
        before = text[max(0, match.start() - CUE_REACH):match.start()]
        cue = CUE.search(before) or IN_YEAR.match(match.group())
        if cue is None or CITED_DATE.match(text, match.end()):
            continue
        if cue.group().startswith("(") and match.group("y1") and not match.group().lower().startswith("giai"):
            continue  # `(2026 - 2031)`: a term named, not a deadline
        first, last, end = _spanned(text, match)
        modifier = BEFORE.search(before) or FROM.search(before)
        start = match.start() - len(modifier.group()) if modifier else match.start()
        first, last = _bounded(before, first, last)
        return Deadline(_clean(text[start:end]), first, last)
    yearly = YEARLY.search(text)
    if yearly:
        return Deadline(_clean(yearly.group()))
    recurring = re.search(r"\(\s*(" + RECURRING.pattern + r")\s*\)", text, re.I)
    return Deadline(recurring.group(1)) if recurring else None
