"""When a document takes effect and when it ends, read from its own effect clause (`Hiệu lực thi hành`):
a pure function with a typed result.

The clause's subject is the document itself (`Nghị định này`, `Kế hoạch này`) at the start of a clause;
the same words after `kể từ ngày` or `trước ngày` (`kể từ ngày Nghị định này có hiệu lực`) are a
transition rule, never the effect clause.
"""

import datetime
import re
from dataclasses import dataclass

from indexer.extract.starts import caseless, matches, starts
from indexer.vocab.refs import type_name

# Types whose effect clause names them: `Thông tư này có hiệu lực ...` (longest first).
_SUBJECT_TYPES = ("Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định",
                  "Nghị quyết", "Thông tư", "Quyết định", "Chỉ thị", "Kế hoạch", "Quy định", "Quy chế", "Hướng dẫn",
                  "Chương trình", "Đề án", "Kết luận", "Thông báo", "Lệnh", "Văn bản", "Thông tri", "Công điện")
_SUBJECT = "(?P<subject>" + "|".join(t.replace(" ", r"\s+") for t in _SUBJECT_TYPES) + r")\s+này"

# Where an effect clause may start: the text's start, a sentence or list item (`1.`, `a)`), an article
# heading (`Điều 2.`, `Điều 24. Hiệu lực thi hành`), or a line break after a heading that ends a line.
_LEAD = (r"(?:^|(?<=[.:;!])|(?<=\n)|(?<=\d\.)|(?<=\d\))|(?<=[a-zđ]\))|(?<=thi hành)|(?<=thực hiện)"
         r"|(?<=Hiệu lực)|(?<=\*))")

# A day: `01 tháng 7 năm 2025`, `01/7/2026`, `01-7-2026`.
DAY = r"(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d)"

# The effect clause: `Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025`, `... kể từ ngày ký
# (ban hành)`, `... sau 45 ngày kể từ ngày ký`, `... từ ngày được thông qua (ngày 16 tháng 6 năm 2025)`,
# `... từ ngày thông qua`; `đã được ... thông qua ngày ... và có hiệu lực ...` (a People's Council resolution).
EFFECT = re.compile(
    rf"{_LEAD}[ \t\r\n]*{_SUBJECT}(?P<between>[^.;:]{{0,200}}?)\s*có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s*,?\s*"
    rf"(?:(?:k[ểếê]\s+)?từ\s+ngày\s+(?:(?P<date>{DAY})"
    r"|(?P<signing>ký|ban\s+hành)"
    r"|(?:được\s+)?(?P<passed>thông\s+qua)(?:\s*\(\s*ngày\s+(?P<pd>\d{1,2})\s+tháng\s+(?P<pm>\d{1,2})\s+năm\s+"
    r"(?P<py>(?:19|20)\d\d)\s*\))?"
    r"|(?P<published>công\s+bố))"
    r"|sau\s+(?P<after>\d{1,3})\s+ngày\s*,?\s*k[ểếê]\s+từ\s+ngày\s+(?:ký|ban\s+hành)"
    rf"|(?:từ\s+)?ngày\s+(?P<date2>{DAY.replace('?P<', '?P<x')})"
    r"|(?P<until_only>đến\s+(?:hết\s+)?ngày))",
    re.I)

# Where an effect clause's subject begins (`Nghị định này`, `THÔNG TƯ NÀY`), in caseless text. EFFECT, case-blind and
# opening with lookbehinds, was tried at every character (0.9 s on gazette_dev and local_dev); it is tried only
# from the blanks before each subject (`_places`).
SUBJECT_START = re.compile("(?:" + "|".join(t.lower().replace(" ", r"\s+") for t in _SUBJECT_TYPES) + r")\s+này")

# What EFFECT allows between its lead and its subject.
LEAD_BLANKS = " \t\r\n"

# An end the text sets for itself: `... có hiệu lực ... đến hết ngày 31 tháng 12 năm 2025`,
# `Luật này có hiệu lực đến ngày 31 tháng 12 năm 2020`.
UNTIL = re.compile(rf"[^.;]{{0,120}}?\bđến\s+(?:hết\s+)?ngày\s+{DAY.replace('?P<', '?P<u')}", re.I)

# A clause that is the document's own effect clause only when it ends the sentence there: after
# `đến hết ngày ...,` a rule for that period follows (`..., mức thu phí ... là 2%`), not an end.
RULE_AFTER = re.compile(r"^\s*,\s*(?:mức|miễn|áp\s+dụng|thực\s+hiện|được)", re.I)

# Where the same words are not the effect clause: `kể từ ngày Nghị định này có hiệu lực`.
NOT_CLAUSE = re.compile(r"(?:ngày|từ|khi|trước|sau|điểm|đến|lúc|kỳ)[ \t\r\n*]*$", re.I)


@dataclass(frozen=True)
class Effect:
    """When a document takes effect and ends, with the passage that says so; unknown is None.

    `rule`: `date` (a day printed), `signing` (the signing day: the header's date) or `after_signing`
    (N days after it); the last two are deduced from the header's date (`deduced`)."""

    effective: str | None
    rule: str | None
    expires: str | None
    passage: str | None
    deduced: bool = False
    days_after: int | None = None


NO_EFFECT = Effect(None, None, None, None)


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _plus_days(iso: str | None, days: int) -> str | None:
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat() if iso else None


def _own(match, doc_type: str | None) -> bool:
    """The clause names this document's own type (a Thông tư's `Quyết định này` is an attached text's)."""
    subject = type_name(match.group("subject"))
    if not doc_type or subject == "Văn bản":
        return True
    mine = type_name(doc_type)
    return subject == mine or mine.startswith(subject) or (mine == "Nghị quyết" and subject == "Nghị quyết liên tịch")


def _clause(text: str, match) -> str:
    end = re.compile(r"[.;](?=\s)|\n\s*\n").search(text, match.end())
    return " ".join(text[match.start():end.end() if end else min(len(text), match.end() + 300)].split()).lstrip("*")


def effect_of(text: str, doc_type: str | None, signed: str | None) -> Effect:
    """The document's effect: the first effect clause naming its own type.

    `signed` is the header's date (what `kể từ ngày ký` means).

    >>> effect_of("Điều 44. Hiệu lực thi hành\\n1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
    ...           "Nghị định", "2025-05-10").effective
    '2025-07-01'
    >>> effect_of("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "Quyết định", "2025-01-17").rule
    'signing'
    >>> effect_of("1. Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký.", "Thông tư", "2024-01-01").effective
    '2024-02-15'
    >>> effect_of("Trước ngày Thông tư này có hiệu lực từ ngày 01/7/2026 thì ...", "Thông tư", None)
    Effect(effective=None, rule=None, expires=None, passage=None, deduced=False, days_after=None)
    """
    for match in matches(EFFECT, text, _places(text)):
        if NOT_CLAUSE.search(text, max(0, match.start("subject") - 12), match.start("subject")) \
                or not _own(match, doc_type):
            continue
        effective, rule, days = _effective(match, signed)
        if effective is None and rule is None and not match.group("until_only"):
            continue
        expires = _expires(text, match)
        if rule is None and expires is None:
            continue
        return Effect(effective, rule, expires, _clause(text, match), deduced=rule in ("signing", "after_signing"),
                      days_after=days)
    return NO_EFFECT


def _places(text: str) -> list[int] | None:
    """Where an effect clause may begin: at each subject, or in the blanks before it (None: anywhere).

    >>> _places("Điều 2. Quyết định này có hiệu lực.\\n  THÔNG TƯ NÀY")
    [7, 8, 35, 36, 37, 38]
    """
    subjects = starts(SUBJECT_START, caseless(text))
    if subjects is None:
        return None
    places = []
    for subject in subjects:  # a subject opens with a letter: the blanks before the next lie after it
        lead = subject
        while lead > 0 and text[lead - 1] in LEAD_BLANKS:
            lead -= 1
        places += range(lead, subject + 1)
    return places


def _effective(match, signed: str | None) -> tuple[str | None, str | None, int | None]:
    """(day, rule, days after signing) of an effect clause."""
    if match.group("date"):
        return _iso(match.group("d"), match.group("m"), match.group("y")), "date", None
    if match.group("date2"):
        return _iso(match.group("xd"), match.group("xm"), match.group("xy")), "date", None
    if match.group("pd"):
        return _iso(match.group("pd"), match.group("pm"), match.group("py")), "date", None
    if match.group("signing") or match.group("passed"):
        return signed, "signing", None
    if match.group("after"):
        days = int(match.group("after"))
        return _plus_days(signed, days), "after_signing", days
    return None, None, None


def _expires(text: str, match) -> str | None:
    """The end the clause sets (`đến hết ngày 31 tháng 12 năm 2025`), unless a rule for that period follows."""
    start = match.start("until_only") if match.group("until_only") else match.end()
    until = UNTIL.match(text, start)
    if until is None or RULE_AFTER.match(text, until.end()):
        return None
    return _iso(until.group("ud"), until.group("um"), until.group("uy"))
