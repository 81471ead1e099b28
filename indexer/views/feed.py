"""A feed for every search: its newest matching documents as Atom 1.0 (RFC 4287), built once for
`/feed` and `vanban search --feed`.

Newest first: by the document's date, then by when it was indexed, so a document added to the
corpus tops the feed after the next build (among those of its date). Each entry is a document: its
type, number and title; its issuer and date, and the snippet when there is a query; its page's link;
`updated` when its file was first indexed or last changed, so a feed reader shows it once. Links are
absolute, from the base URL the server was given. Only documents holding every word of the query are
listed: a followed search never falls back to any of the words (the page says when it does; a feed
reader would not).
"""

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from indexer.errors import UnknownDocument
from indexer.labels import CHANGE_LABELS, KIND_LABELS, describe
from indexer.limits import FEED_ENTRIES
from indexer.query.results import DocSummary, Hit
from indexer.searching import search_all
from indexer.store import open_index
from indexer.views.export import xml_text
from indexer.views.links import document_url, page_url, search_params
from indexer.views.refs import load_graph
from indexer.vocab.passages import Snippet
from indexer.vocab.validity import status_today

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
VIETNAM_OFFSET = "+07:00"   # a document's day is a day in Vietnam
ET.register_namespace("", ATOM)  # the feed's own elements unprefixed


@dataclass(frozen=True)
class Feed:
    """A search's newest documents, with the links and times Atom asks for."""

    title: str
    self_url: str           # the feed's own address, also its id
    page_url: str           # the search page it follows
    updated: str
    entries: tuple[Hit, ...]
    base_url: str
    snippets: bool          # a query was given: each entry shows where it matched

    def to_atom(self) -> str:
        """The feed as Atom 1.0 XML (UTF-8), every text made safe for XML."""
        feed = ET.Element(f"{{{ATOM}}}feed")
        _add(feed, "id", self.self_url)
        _add(feed, "title", self.title)
        _add(feed, "updated", self.updated)
        _add(feed, "link", rel="self", type=MEDIA_TYPE, href=self.self_url)
        _add(feed, "link", rel="alternate", type="text/html", href=self.page_url)
        _add(_add(feed, "author"), "name", "vanban")
        _add(feed, "generator", "vanban")
        for hit in self.entries:
            self._entry(feed, hit)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

    def _entry(self, feed, hit: Hit) -> None:
        entry = _add(feed, "entry")
        link = document_url(self.base_url, hit.id)
        _add(entry, "id", link)
        _add(entry, "title", entry_title(hit))
        _add(entry, "updated", hit.indexed or self.updated)
        if hit.date:
            _add(entry, "published", f"{hit.date}T00:00:00{VIETNAM_OFFSET}")
        _add(_add(entry, "author"), "name", hit.issuer or "Không rõ cơ quan ban hành")
        if hit.doc_type:
            _add(entry, "category", term=hit.doc_type)
        _add(entry, "link", rel="alternate", type="text/html", href=link)
        summary = " · ".join((hit.issuer or "Không rõ cơ quan ban hành", date_phrase(hit)))
        if self.snippets and hit.snippet.text:
            summary += "\n\n" + " ".join(hit.snippet.text.split())
        _add(entry, "summary", summary, type="text")


def _add(parent, tag: str, text: str | None = None, **attributes):
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element



def entry_title(doc) -> str:
    """`Kế hoạch 150-KH/TU: thực hiện Nghị quyết ...`: type, number (or that it has none), title."""
    head = f"{doc.doc_type or 'Văn bản'} {doc.number or '(không số)'}"
    return f"{head}: {doc.title}" if doc.title else head


def date_phrase(doc) -> str:
    """The date as a summary says it: the day, or the year and what it was deduced from.

    >>> from types import SimpleNamespace as D
    >>> date_phrase(D(date="2019-05-15", deduced=(), year=2019, year_inferred=False, date_min=None))
    'ngày 15/05/2019'
    >>> date_phrase(D(date=None, deduced=("year",), year=2019, year_inferred=True, date_min="2019-11-13"))
    'năm 2019 (suy ra; sau ngày 13/11/2019)'
    """
    if doc.date:
        return f"ngày {_vn(doc.date)}" + (" (suy ra)" if "date" in (doc.deduced or ()) else "")
    notes = (["suy ra"] if doc.year_inferred else []) + ([f"sau ngày {_vn(doc.date_min)}"] if doc.date_min else [])
    said = f" ({'; '.join(notes)})" if notes else ""
    return f"năm {doc.year}{said}" if doc.year else "không rõ ngày" + said


def _vn(iso: str) -> str:
    return "/".join(reversed(iso.split("-")))


def search_feed(index, base_url: str, query: str = "", filters: dict | None = None) -> Feed:
    """The FEED_ENTRIES newest documents a search matches, holding every word of its query."""
    ix = open_index(index)
    result = search_all(ix, query, filters, "date", limit=FEED_ENTRIES, snippets=bool(query), relax=False)
    params = search_params(result.query, result.filters)
    updated = max((h.indexed for h in result.hits if h.indexed), default=None) or ix.built or "1970-01-01T00:00:00Z"
    return Feed(title=f"vanban · {describe(result.query, result.filters)}", self_url=page_url(base_url, "feed", params),
                page_url=page_url(base_url, "", [*params, ("sort", "date")]), updated=updated,
                entries=tuple(result.hits), base_url=base_url, snippets=bool(result.query))


def _relations(graph, records: dict, doc_id: str) -> dict[str, tuple[str, str]]:
    """Corpus document id -> (what it does to this one, the passage saying so): the changes its clauses
    make (amends, replaces, repeals...) first, else its citing relation."""
    found = {}
    for change in (records.get(doc_id) or {}).get("changed_by") or []:
        found.setdefault(change["source"], (CHANGE_LABELS[change["kind"]], change["passage"]))
    for edge in graph.incoming(doc_id):
        if edge.stated_by is None and graph.nodes[edge.source].in_corpus:
            found.setdefault(edge.source, (f"trích dẫn ({KIND_LABELS.get(edge.kind, edge.kind)})", edge.passage))
    return found


def _later(doc: DocSummary, followed: DocSummary) -> bool:
    """Issued on or after the followed document (either day unknown: kept)."""
    return not (doc.date and followed.date and doc.date < followed.date)


def document_feed(index, base_url: str, doc_id: str) -> Feed:
    """"Theo dõi văn bản này": the FEED_ENTRIES newest documents that cite, amend, replace or repeal a
    document, each entry saying what it does to it and the passage that says so. Raises UnknownDocument."""
    ix = open_index(index)
    graph, records = load_graph(ix), ix.derived("validity") or {}
    with ix.searcher() as searcher:
        stored = searcher.by_id(doc_id, structure=False, text=False)
        if stored is None:
            raise UnknownDocument(f"Không có văn bản nào mang mã “{doc_id}”.")
        followed = DocSummary.from_stored(stored)
        hits = []
        for source, (does, passage) in _relations(graph, records, doc_id).items():
            found = searcher.by_id(source, structure=False, text=False)
            doc = DocSummary.from_stored(found) if found else None
            if doc and _later(doc, followed):
                hits.append(Hit(**vars(doc), snippet=Snippet(f"{does}: {passage}", (), 0),
                                status=status_today(records.get(source)).status))
    hits.sort(key=lambda h: (h.date or "", h.indexed or ""), reverse=True)
    hits = hits[:FEED_ENTRIES]
    updated = max((h.indexed for h in hits if h.indexed), default=None) or ix.built or "1970-01-01T00:00:00Z"
    name = entry_title(followed).split(":")[0]
    return Feed(title=f"vanban · theo dõi {name}", self_url=page_url(base_url, "feed", [("doc", doc_id)]),
                page_url=document_url(base_url, doc_id), updated=updated, entries=tuple(hits), base_url=base_url,
                snippets=True)

