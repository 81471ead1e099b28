"""The HTML pages: search, document, citations. Each is a view over search() or a document record."""

import mimetypes

from flask import Blueprint, abort, render_template, request, send_file, url_for

import indexer
from indexer import FILTERS, citing_documents, get_document, search
from webui.downloads import citing_download
from webui.index import get_index
from webui.params import SearchArgs, download_format, query_arg, ref_arg, search_args, toggled, url_args

bp = Blueprint("pages", __name__)


def _links(endpoint: str, state: SearchArgs, **values):
    """URL builders for the templates (facet toggles, chips, sorting, paging), from checked state only."""
    def url(**changes):
        return url_for(endpoint, **values, **url_args(state, **changes).to_dict(flat=False), _external=False)

    return {
        "toggle": lambda name, value: url(filters=toggled(state, name, value)),
        "sort": lambda sort: url(sort=sort),
        "page": lambda page: url(page=page),
        "query": lambda query: url(query=query),
        "download": lambda fmt: url_for(endpoint, **values, format=fmt, _external=False,
                                        **url_args(state).to_dict(flat=False)),
    }


def _chips(state: SearchArgs) -> list[tuple[str, str]]:
    return [(name, value) for name in FILTERS for value in state.filters.get(name, [])]


@bp.get("/")
def search_page():
    state = search_args(request.args)
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort)
    return render_template("search.html", state=state, result=result, hits=result.hits, chips=_chips(state),
                           links=_links("pages.search_page", state))


@bp.get("/doc/<path:doc_id>")
def document_page(doc_id: str):
    query = query_arg(request.args)
    view = get_document(get_index(), doc_id, query)
    if view is None:
        abort(404, description=f"Không có văn bản nào mang mã “{doc_id}”.")
    return render_template("document.html", view=view, query=query)


@bp.get("/original/<path:doc_id>")
def original_page(doc_id: str):
    """The file a document was read from (Word, PDF, text), as it is on disk."""
    original = indexer.original_file(get_index(), doc_id)
    if original.problem:
        abort(original.status, description=original.problem)
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
        return citing_download(citing, ref, fmt)
    citing = citing_documents(get_index(), ref, state.query, state.filters, state.page, state.page_size,
                              state.sort)
    return render_template("cites.html", ref=ref, citing=citing, result=citing.result, hits=citing.hits,
                           state=state, chips=_chips(state), links=_links("pages.cites_page", state, ref=ref))
