"""Pages over the citation graph: a record per cited document, the cascade, the most cited."""

from flask import Blueprint, abort, render_template, request

from indexer import KINDS, load_graph
from webui.index import get_index, ref_views_or_404
from webui.params import kinds_arg, ref_arg

bp = Blueprint("graph", __name__)


@bp.get("/refs/<path:ref>")
def ref_page(ref: str):
    ref, kinds = ref_arg(ref), kinds_arg(request.args)
    records, facet = ref_views_or_404(ref, kinds)
    return render_template("ref.html", ref=ref, records=records, kinds=kinds, kind_facet=facet, KINDS=KINDS)


@bp.get("/cascade/<path:node_id>")
def cascade_page(node_id: str):
    graph = load_graph(get_index())
    if node_id not in graph.nodes:
        abort(404, description=f"Không có văn bản “{node_id}” trong đồ thị trích dẫn.")
    return render_template("cascade.html", down=graph.cascade(node_id, "down"), up=graph.cascade(node_id, "up"),
                           node=graph.nodes[node_id])


@bp.get("/most-cited")
def most_cited_page():
    return render_template("most_cited.html", nodes=load_graph(get_index()).most_cited(100))
