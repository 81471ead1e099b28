"""Pages over the citation graph: a record per cited document, the cascade, the most cited."""

from flask import Blueprint, render_template, request

from indexer import KINDS, implementation_chains, load_graph, ref_views
from webui.index import get_index
from webui.params import kinds_arg, ref_arg

bp = Blueprint("graph", __name__)


@bp.get("/refs/<path:ref>")
def ref_page(ref: str):
    ref, kinds = ref_arg(ref), kinds_arg(request.args)
    records, facet = ref_views(get_index(), ref, kinds)
    return render_template("ref.html", ref=ref, records=records, kinds=kinds, kind_facet=facet, KINDS=KINDS)


@bp.get("/cascade/<path:node_id>")
def cascade_page(node_id: str):
    node, down, up = implementation_chains(get_index(), node_id)
    return render_template("cascade.html", down=down, up=up, node=node)


@bp.get("/most-cited")
def most_cited_page():
    return render_template("most_cited.html", nodes=load_graph(get_index()).most_cited(100))
