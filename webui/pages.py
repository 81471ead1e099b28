"""The HTML pages: search, document, citations. Each is a view over search() or a document record."""

import csv
import io
import json

from flask import Blueprint, Response, abort, render_template, request, url_for

from indexer.documents import get_document, ref_record
from indexer.query import parse_ref
from indexer.search import hit_dict, search
from webui.app import get_index
from webui.params import FILTER_PARAMS, SearchArgs, search_args, toggled, url_args

bp = Blueprint("pages", __name__)

SORT_LABELS = {"relevance": "Liên quan nhất", "date": "Mới nhất", "date_asc": "Cũ nhất",
               "cited": "Được trích dẫn nhiều"}


def _links(endpoint: str, state: SearchArgs, **values):
    """URL builders for the templates: facet toggles, chip removal, sorting, paging."""
    def url(**changes):
        return url_for(endpoint, **values, **url_args(state, **changes).to_dict(flat=False))

    return {
        "toggle": lambda name, value: url(filters=toggled(state, name, value)),
        "sort": lambda sort: url(sort=sort),
        "page": lambda page: url(page=page),
        "query": lambda query: url(query=query),
    }


@bp.get("/")
def search_page():
    state = search_args(request.args)
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort)
    chips = [(name, value) for name in FILTER_PARAMS for value in state.filters.get(name, [])]
    return render_template("search.html", state=state, result=result, chips=chips, sorts=SORT_LABELS,
                           links=_links("pages.search_page", state))


@bp.get("/doc/<path:doc_id>")
def document_page(doc_id: str):
    query = request.args.get("q", "")[:500]
    view = get_document(get_index(), doc_id, query)
    if view is None:
        abort(404, description=f"Không có văn bản nào mang mã “{doc_id}”.")
    return render_template("document.html", view=view, query=query)


@bp.get("/cites/<path:ref>")
def cites_page(ref: str):
    key = parse_ref(ref)
    if key is None:
        abort(400, description=f"“{ref}” không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35).")
    state = search_args(request.args)
    state.filters["cites"] = [ref]
    fmt = request.args.get("format")
    if fmt:  # a download is the whole list: no page of it is searched first
        return _download(fmt, ref, state)
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort)
    record = ref_record(get_index(), key)
    base = {**state.filters}
    base.pop("cites")
    page_state = SearchArgs(state.query, base, state.sort, state.page, state.page_size)
    chips = [(name, value) for name in FILTER_PARAMS for value in page_state.filters.get(name, [])]
    return render_template("cites.html", ref=ref, record=record, result=result, state=page_state, chips=chips,
                           sorts=SORT_LABELS, links=_links("pages.cites_page", page_state, ref=ref))


def _all_hits(state: SearchArgs) -> list:
    """Every citing document, whatever the page shown: a download is the whole list."""
    hits, page = [], 1
    while True:
        result = search(get_index(), state.query, state.filters, page, 100, state.sort)
        hits += result.hits
        if page * 100 >= result.total:
            return hits
        page += 1


def _csv(hits) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "doc_type", "number", "issuer", "province", "date", "year", "title", "passage"])
    for hit in hits:
        row = hit_dict(hit)
        for passage in hit.passages or [hit.snippet]:
            writer.writerow([row["id"], row["doc_type"], row["number"], row["issuer"], row["province"],
                             row["date"], row["year"], row["title"], " ".join(passage.text.split())])
    return "\ufeff" + out.getvalue()  # the BOM makes spreadsheet programs read UTF-8


def _download(fmt: str, ref: str, state: SearchArgs) -> Response:
    if fmt not in ("csv", "json"):
        abort(400, description=f"Định dạng tải về không hợp lệ: {fmt[:20]!r} (chọn csv hoặc json).")
    hits = _all_hits(state)
    if fmt == "csv":
        body = _csv(hits)
    else:
        body = json.dumps({"ref": ref, "total": len(hits), "hits": [hit_dict(h) for h in hits]},
                          ensure_ascii=False, indent=1)
    name = "".join(c if c.isalnum() else "_" for c in ref.encode("ascii", "ignore").decode()) or "ref"
    mimetype = "text/csv" if fmt == "csv" else "application/json"
    return Response(body, mimetype=f"{mimetype}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="trich-dan-{name}.{fmt}"'})
