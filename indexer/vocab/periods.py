"""The days a date names, as whole numbers (YYYYMMDD): what a date range filters on.

A date may be a day (`2019-05-15`), a month (`2019-05`) or a year (`2019`); each names a period from
its first day to its last. A document known only by its year lies somewhere in that year, and not
before the latest date it cites: its period runs from the later of the two to the year's end.
"""

import calendar
import re

from indexer.limits import MAX_YEAR, MIN_YEAR

# `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, ASCII digits only (what a form, a URL or the CLI is given).
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


def day_number(year: int, month: int, day: int) -> int:
    """
    >>> day_number(2019, 5, 15)
    20190515
    """
    return year * 10000 + month * 100 + day


def period(text: str) -> tuple[int, int] | None:
    """The first and last day a partial date names, or None when it is no date in MIN_YEAR..MAX_YEAR.

    >>> period("2019"), period("2020-02"), period("2019-05-15")
    ((20190101, 20191231), (20200201, 20200229), (20190515, 20190515))
    >>> period("2019-02-30"), period("2019-5"), period("２０１９"), period("1899")
    (None, None, None, None)
    """
    match = PARTIAL_DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR or (month is not None and not 1 <= month <= 12):
        return None
    if month is None:
        return day_number(year, 1, 1), day_number(year, 12, 31)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return day_number(year, month, 1), day_number(year, month, last)
    return (day_number(year, month, day),) * 2 if 1 <= day <= last else None


def document_period(date: str | None, date_min: str | None, year: int | None) -> tuple[int, int] | None:
    """The days a document's date lies in: its day; else its year, from the latest date it cites on.

    >>> document_period("2019-05-15", None, 2019), document_period(None, "2019-11-13", 2019)
    ((20190515, 20190515), (20191113, 20191231))
    >>> document_period(None, "2018-03-01", 2019), document_period(None, None, None)
    ((20190101, 20191231), None)
    """
    if date and period(date):
        return period(date)
    if year is None or period(str(year)) is None:
        return None
    first, last = period(str(year))
    bound = period(date_min)[0] if date_min and period(date_min) else first
    return (bound, last) if first <= bound <= last else (first, last)


def month_of(date: str | None) -> str:
    """The month (`YYYY-MM`) of a document's day, or "" when its day is not known.

    >>> month_of("2019-05-15"), month_of(None)
    ('2019-05', '')
    """
    return date[:7] if date and period(date) else ""
