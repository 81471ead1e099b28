"""The HTML pages: search, document, citations. Each is a view over search() or a document record."""

import mimetypes

from flask import Blueprint, Response, current_app, render_template, request, send_file, url_for

import indexer
from indexer import (
    FILTERS,
    checks,
    citing_documents,
    citing_list_table,
    compare_documents,
    document_feed,
    get_document,
    related_documents,
    search,
    search_feed,
)
from webui.downloads import citing_json, filename, table_download
from webui.index import get_index
from webui.params import (
    SearchArgs,
    compare_args,
    download_format,
    month_toggled,
    query_arg,
    ref_arg,
    search_args,
    toggled,
    url_args,
    without_dates,
)

bp = Blueprint("pages", __name__)
FEED_TYPE = "application/atom+xml"
RELATED_ON_PAGE = 10  # related documents a document page lists


def _links(endpoint: str, state: SearchArgs, download: str | None = None, feed: dict | None = None, **values):
    """URL builders for the templates (facet toggles, chips, months, sorting, paging, downloads, the
    feed), from checked state only. `download`: the endpoint of the list's files (default: its own);
    `feed`: the filters of the search a feed follows (None: no feed)."""
    def url(**changes):
        return url_for(endpoint, **values, **url_args(state, **changes).to_dict(flat=False), _external=False)

    def feed_url():  # the search without paging and order: a feed is the newest first
        return url_for("pages.feed", **url_args(state, filters=feed, sort="relevance").to_dict(flat=False),
                       _external=False)

    return {
        "toggle": lambda name, value: url(filters=toggled(state, name, value)),
        "month": lambda month: url(filters=month_toggled(state, month)),
        "sort": lambda sort: url(sort=sort),
        "page": lambda page: url(page=page),
        "collapse": lambda collapse: url(collapse=collapse),
        "query": lambda query: url(query=query),
        "download": lambda fmt: url_for(download or endpoint, **values, format=fmt, _external=False,
                                        **url_args(state).to_dict(flat=False)),
        "feed": feed_url if feed is not None else None,
        "hidden": lambda: without_dates(state).items(multi=True),
        "action": lambda: url_for(endpoint, **values, _external=False),
    }


def _chips(state: SearchArgs) -> list[tuple[str, str]]:
    return [(name, value) for name in FILTERS for value in state.filters.get(name, [])]


@bp.get("/")
def search_page():
    state = search_args(request.args)
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort,
                    collapse=state.collapse)
    result.warnings.extend(state.warnings)
    return render_template("search.html", state=state, result=result, hits=result.hits, chips=_chips(state),
                           links=_links("pages.search_page", state, download="api.api_search", feed=state.filters),
                           takeaway=True)


@bp.get("/feed")
def feed():
    """The search's newest documents as Atom 1.0, links from the configured base URL (never the Host);
    `doc=<id>`: the documents that cite, amend, replace or repeal that document ("Theo dõi văn bản này")."""
    doc_id = request.args.get("doc", "").strip()
    if doc_id:
        found = document_feed(get_index(), current_app.config["BASE_URL"], checks.document_id(doc_id, "doc"))
        body = found.to_atom()
    else:
        state = search_args(request.args)
        body = search_feed(get_index(), current_app.config["BASE_URL"], state.query, state.filters).to_atom()
    response = Response(body, content_type=f"{FEED_TYPE}; charset=utf-8")
    response.add_etag()  # a feed reader polling an unchanged feed gets 304
    return response.make_conditional(request)


@bp.get("/doc/<path:doc_id>")
def document_page(doc_id: str):
    query = query_arg(request.args)
    view = get_document(get_index(), doc_id, query, structure=True)
    related = related_documents(get_index(), doc_id, RELATED_ON_PAGE)
    return render_template("document.html", view=view, query=query, related=related)


@bp.get("/compare")
def compare_page():
    """Two documents side by side: what they share, copied or edited, and what `a` adds."""
    a, b = compare_args(request.args)
    return render_template("compare.html", comparison=compare_documents(get_index(), a, b))


@bp.get("/original/<path:doc_id>")
def original_page(doc_id: str):
    """The file a document was read from (Word, PDF, text), as it is on disk."""
    original = indexer.original_file(get_index(), doc_id)
    # The bytes sent are those just checked against the digest, from the same open file.
    name = original.name
    return send_file(original.handle, download_name=name, mimetype=_mimetype(name),
                     as_attachment=original.path.suffix.lower() not in (".pdf", ".txt"))


def _mimetype(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


@bp.get("/cites/<path:ref>")
def cites_page(ref: str):
    """Every document citing a ref, with facets over them; `format=csv|json` downloads the whole list."""
    ref = ref_arg(ref)
    state = search_args(request.args)
    fmt = download_format(request.args)
    if fmt:
        citing = citing_documents(get_index(), ref, state.query, state.filters, sort=state.sort, all_pages=True)
        if fmt == "json":
            return citing_json(citing, ref)
        table = citing_list_table(citing, ref, current_app.config["BASE_URL"])
        return table_download(table, fmt, filename("trích-dẫn", ref, fmt))
    citing = citing_documents(get_index(), ref, state.query, state.filters, state.page, state.page_size,
                              state.sort)
    citing.result.warnings.extend(state.warnings)
    # Its feed: documents citing the ref, as a `cites` filter (unless the page already filters on refs).
    feed = None if state.filters.get("cites") else {**state.filters, "cites": [ref]}
    links = _links("pages.cites_page", state, feed=feed, ref=ref)
    return render_template("cites.html", ref=ref, citing=citing, result=citing.result, hits=citing.hits,
                           state=state, chips=_chips(state), links=links)
