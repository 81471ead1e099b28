"""Pages and API over the citation graph: a record per cited document, the cascade, the most cited."""

from flask import Blueprint, Response, abort, jsonify, render_template, request

from indexer.graph import LEVELS, load_graph
from indexer.graph_export import FORMATS, export
from indexer.query import parse_ref
from indexer.relations import KIND_LABELS, KINDS
from webui.app import get_index

bp = Blueprint("graph", __name__)
LEVEL_LABELS = {"central": "Trung ương", "province": "Cấp tỉnh", "district": "Cấp huyện", None: "Không rõ cấp"}


def _kinds_asked() -> list[str]:
    kinds = [k for k in request.args.getlist("kind") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        abort(400, description=f"Loại quan hệ không hợp lệ: {unknown[0][:30]!r} (chọn: {', '.join(KINDS)}).")
    return kinds


def _records(ref: str, kinds: list[str]) -> list[dict]:
    """Each document a ref names (one per year, or per province for local symbols), with its citers
    grouped by kind and by level."""
    key = parse_ref(ref)
    if key is None:
        abort(400, description=f"“{ref}” không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35).")
    graph = load_graph(get_index())
    nodes = graph.by_ref(key)
    if not nodes:
        abort(404, description=f"Không có văn bản nào trong kho trích dẫn {ref}.")
    records = []
    for node in nodes:
        edges = [e for e in graph.incoming(node.id) if not kinds or e.kind in kinds]
        groups = []
        for kind in KINDS:
            for level in (*LEVELS, None):
                members = [(graph.nodes[e.source], e) for e in edges
                           if e.kind == kind and graph.nodes[e.source].level == level]
                if members:
                    groups.append({"kind": kind, "level": level, "members": members})
        records.append({"node": node, "groups": groups, "edges": edges,
                        "implements": [(graph.nodes[e.target], e) for e in graph.outgoing(node.id, "implements")]})
    return records


@bp.get("/refs/<path:ref>")
def ref_page(ref: str):
    kinds = _kinds_asked()
    return render_template("ref.html", ref=ref, records=_records(ref, kinds), kinds=kinds, KINDS=KINDS,
                           KIND_LABELS=KIND_LABELS, LEVEL_LABELS=LEVEL_LABELS)


@bp.get("/cascade/<path:node_id>")
def cascade_page(node_id: str):
    graph = load_graph(get_index())
    if node_id not in graph.nodes:
        abort(404, description=f"Không có văn bản “{node_id}” trong đồ thị trích dẫn.")
    return render_template("cascade.html", down=graph.cascade(node_id, "down"), up=graph.cascade(node_id, "up"),
                           node=graph.nodes[node_id], LEVEL_LABELS=LEVEL_LABELS)


@bp.get("/most-cited")
def most_cited_page():
    graph = load_graph(get_index())
    return render_template("most_cited.html", nodes=graph.most_cited(100), LEVEL_LABELS=LEVEL_LABELS)


@bp.get("/api/refs/<path:ref>")
def api_ref(ref: str):
    """The record of a cited document: who cites it (with kind, level, passage), what it implements."""
    records = _records(ref, _kinds_asked())
    return jsonify({"ref": ref, "records": [{
        "node": r["node"].as_dict(),
        "cited_by": [{"source": src.as_dict(), **e.as_dict()} for g in r["groups"] for src, e in g["members"]],
        "implements": [{"target": t.as_dict(), **e.as_dict()} for t, e in r["implements"]],
    } for r in records]})


@bp.get("/api/graph")
def api_graph():
    """The whole graph: `format` = json (default), graphml or csv (`table` = edges or nodes)."""
    fmt = request.args.get("format", "json")
    if fmt not in FORMATS:
        abort(400, description=f"unknown format {fmt[:20]!r}: use one of {', '.join(FORMATS)}")
    table = request.args.get("table", "edges")
    if table not in ("edges", "nodes"):
        abort(400, description="table must be edges or nodes")
    body = export(load_graph(get_index()), fmt, table)
    mimetype = {"json": "application/json", "csv": "text/csv", "graphml": "application/xml"}[fmt]
    return Response(body, mimetype=f"{mimetype}; charset=utf-8")
