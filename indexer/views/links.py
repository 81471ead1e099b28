"""Absolute links to the web UI's pages, for what is read away from it (a feed, a spreadsheet): built
from the base URL the server was given (`vanban serve --base-url`), never from a request's Host.

The paths are the web UI's own (`/doc/<id>`, `/`, `/feed`); tests/test_feed.py checks they agree
with Flask's url_for.
"""

from urllib.parse import quote, urlencode

from indexer.query.checks import FILTERS


def search_params(query: str, filters: dict, **extra) -> list[tuple[str, str]]:
    """A search's URL parameters in one order: q, then each filter's values in FILTERS order.

    >>> search_params("tham nhũng", {"year": ["2019"], "doc_type": ["Kế hoạch"]})
    [('q', 'tham nhũng'), ('doc_type', 'Kế hoạch'), ('year', '2019')]
    """
    params = [("q", query)] if query else []
    params += [(name, value) for name in FILTERS for value in filters.get(name, [])]
    return params + [(k, str(v)) for k, v in extra.items() if v is not None]


def page_url(base_url: str, path: str, params=()) -> str:
    """`base_url` + a path of the web UI, with its parameters.

    >>> page_url("http://127.0.0.1:5000/", "feed", [("q", "không gian")])
    'http://127.0.0.1:5000/feed?q=kh%C3%B4ng+gian'
    """
    query = urlencode(list(params))
    return base_url + path + (f"?{query}" if query else "")


def document_url(base_url: str, doc_id: str) -> str:
    """A document's page (the id's `#` and other reserved characters escaped, its `/` kept).

    >>> document_url("https://vanban.example.vn/", "corpus/004_2a.txt#1")
    'https://vanban.example.vn/doc/corpus/004_2a.txt%231'
    """
    return base_url + "doc/" + quote(doc_id, safe="/")
