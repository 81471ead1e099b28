"""The JSON API: the same structures as the pages (search results, documents, cites lists, ref
records, the graph), each serialized by its own `as_dict()`."""

from flask import Blueprint, Response, current_app, jsonify, request

from indexer import (
    GRAPH_FORMATS,
    citing_documents,
    citing_table,
    compare_documents,
    document_outline,
    document_tasks,
    export,
    find_tasks,
    get_document,
    load_graph,
    ref_views,
    related_documents,
    search,
    search_table,
    tasks_table,
)
from webui.downloads import filename, table_download
from webui.index import get_index
from webui.params import (
    compare_args,
    graph_args,
    kinds_arg,
    query_arg,
    ref_arg,
    related_limit_arg,
    required_ref,
    search_args,
    table_format,
    task_args,
)

bp = Blueprint("api", __name__)
GRAPH_MIMETYPES = {"json": "application/json", "csv": "text/csv", "graphml": "application/xml"}


@bp.get("/search")
def api_search():
    """Same parameters as the search page: q, doc_type, year, issuer, province, cites, kind, date_from,
    date_to, sort, page, page_size, collapse; `format` = csv or xlsx: every result (up to 10,000) as a file."""
    state = search_args(request.args)
    fmt = table_format(request.args)
    if fmt:
        table = search_table(get_index(), current_app.config["BASE_URL"], state.query, state.filters, state.sort)
        return table_download(table, fmt, filename("tìm-kiếm", state.query, fmt))
    result = search(get_index(), state.query, state.filters, state.page, state.page_size, state.sort,
                    collapse=state.collapse)
    result.warnings.extend(state.warnings)
    return jsonify(result.as_dict())


@bp.get("/documents/<path:doc_id>")
def api_document(doc_id: str):
    """A document: metadata, text, the documents it cites, the documents citing it."""
    return jsonify(get_document(get_index(), doc_id, query_arg(request.args)).as_dict())


@bp.get("/documents/<path:doc_id>/outline")
def api_outline(doc_id: str):
    """A document's parts, nested: `{"id", "outline": [{"anchor", "label", "heading", "start", "end", "children"}]}`."""
    return jsonify(document_outline(get_index(), doc_id).as_dict())


@bp.get("/documents/<path:doc_id>/tasks")
def api_document_tasks(doc_id: str):
    """The tasks a document assigns: `{"id", "tasks": [{"text", "lead", "partners", "deadline", "anchor"}]}`."""
    return jsonify(document_tasks(get_index(), doc_id).as_dict())


@bp.get("/tasks")
def api_tasks():
    """The tasks of the plans a search finds: q and every search filter choose the plans; lead, deadline_year,
    deadline_from, deadline_to the tasks; sort, page, page_size; `format` = csv or xlsx: every task (up to
    10,000) as a file."""
    state, tasks = search_args(request.args), task_args(request.args)
    fmt = table_format(request.args)
    if fmt:
        table = tasks_table(get_index(), current_app.config["BASE_URL"], state.query, state.filters, tasks, state.sort)
        return table_download(table, fmt, filename("nhiệm-vụ", state.query, fmt))
    return jsonify(find_tasks(get_index(), state.query, state.filters, tasks, state.page, state.page_size,
                              state.sort).as_dict())


@bp.get("/documents/<path:doc_id>/related")
def api_related(doc_id: str):
    """The documents most related to one (`limit`, 1-20, default 10), each with its reasons."""
    return jsonify(related_documents(get_index(), doc_id, related_limit_arg(request.args)).as_dict())


@bp.get("/compare")
def api_compare():
    """Two documents (`a`, `b`): the passages they share, same or edited, and each text's shared share."""
    a, b = compare_args(request.args)
    return jsonify(compare_documents(get_index(), a, b).as_dict())


@bp.get("/cites")
def api_cites():
    """The documents citing `ref` (any spelling): the cites page's list, as its JSON download."""
    ref = required_ref(request.args)
    state = search_args(request.args, known=("ref",))
    fmt = table_format(request.args)
    if fmt:
        table = citing_table(get_index(), current_app.config["BASE_URL"], ref, state.query, state.filters, state.sort)
        return table_download(table, fmt, filename("trích-dẫn", ref, fmt))
    citing = citing_documents(get_index(), ref, state.query, state.filters, state.page, state.page_size,
                              state.sort)
    citing.result.warnings.extend(state.warnings)
    return jsonify(citing.as_dict())


@bp.get("/refs/<path:ref>")
def api_ref(ref: str):
    """The record of a cited document: who cites it (kind, level, passage), what it implements."""
    ref = ref_arg(ref)
    records, facet = ref_views(get_index(), ref, kinds_arg(request.args))
    return jsonify({"ref": ref, "records": [r.as_dict() for r in records], "facets": {"kind": facet.as_dict()}})


@bp.get("/graph")
def api_graph():
    """The whole graph: `format` = json (default), graphml or csv (`table` = edges or nodes)."""
    fmt, table = graph_args(request.args, GRAPH_FORMATS)
    body = export(load_graph(get_index()), fmt, table)
    return Response(body, content_type=f"{GRAPH_MIMETYPES[fmt]}; charset=utf-8")
