"""The JSON API: the same search() result as the pages, documents with citations both ways."""

from dataclasses import asdict

from flask import Blueprint, abort, jsonify, request

from indexer.documents import get_document, ref_record
from indexer.query import parse_ref
from indexer.search import search
from webui.app import get_index
from webui.params import search_args

bp = Blueprint("api", __name__)


def _search_json(args, extra_filters: dict | None = None):
    state = search_args(args)
    state.filters.update(extra_filters or {})
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort)
    return result.as_dict()


@bp.get("/search")
def api_search():
    """Same parameters as the search page: q, doc_type, year, issuer, province, cites, sort, page, page_size."""
    return jsonify(_search_json(request.args))


@bp.get("/documents/<path:doc_id>")
def api_document(doc_id: str):
    """A document: metadata, text, the documents it cites, the documents citing it."""
    view = get_document(get_index(), doc_id, request.args.get("q", "")[:500])
    if view is None:
        abort(404, description=f"no document with id {doc_id!r}")
    return jsonify({
        "document": view.doc.as_dict(), "text": view.text,
        "highlights": [list(s) for s in view.highlights],
        "citations": [{**{k: v for k, v in asdict(c).items() if k not in ("passages", "target")},
                       "passages": [p.as_dict() for p in c.passages],
                       "target": c.target.id if c.target else None} for c in view.citations],
        "cited_by": [{"document": c.doc.as_dict(), "passages": [p.as_dict() for p in c.passages]}
                     for c in view.cited_by],
    })


@bp.get("/cites")
def api_cites():
    """The documents citing `ref` (any spelling), in the /api/search shape, each with its passages."""
    ref = request.args.get("ref", "").strip()
    if not ref:
        abort(400, description="the ref parameter is required, e.g. /api/cites?ref=35-NQ/TW")
    key = parse_ref(ref)
    if key is None:
        abort(400, description=f"not a document reference: {ref[:60]!r}")
    body = _search_json(request.args, {"cites": [ref]})
    record = ref_record(get_index(), key)
    body["ref"] = None if record is None else record.as_dict()
    return jsonify(body)
