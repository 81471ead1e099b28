"""The limits every surface (search(), the web pages, the JSON API, the CLI) applies the same way.

One place, so that a query the web refuses is refused by the CLI too, with the same numbers.
"""

MAX_QUERY_LENGTH = 500      # characters of a query; longer is refused, not searched slowly
MAX_TERMS = 48              # words and phrase words of one query; the rest add nothing but cost
MAX_PHRASES = 8             # quoted phrases in one query
MAX_REFS = 8                # document numbers in one query
MAX_PAGE = 500              # pages of a listing
MAX_PAGE_SIZE = 100         # hits per page
MAX_FILTER_VALUES = 20      # values of one filter (`year=2019&year=2020...`)
MAX_FILTER_LENGTH = 200     # characters of one filter value
MAX_EXPORT_ROWS = 10_000    # documents in a CSV or Excel file of a result list
FEED_ENTRIES = 50           # documents in a search's Atom feed, newest first
MAX_ID_LENGTH = 1000        # characters of a document id (a path, `#` and the part)
MAX_RELATED = 20            # related documents one answer lists (the build keeps that many)
MIN_YEAR, MAX_YEAR = 1900, 2100
MIN_PORT, MAX_PORT = 1, 65535


def year_of(text: str) -> int | None:
    """The year a string names: four ASCII digits in range (`２０１９` is not `2019` to the index), else None.

    >>> year_of("2019"), year_of("2019.5"), year_of("２０１９"), year_of("1899")
    (2019, None, None, None)
    """
    if len(text) != 4 or not (text.isascii() and text.isdigit()):
        return None
    return int(text) if MIN_YEAR <= int(text) <= MAX_YEAR else None
