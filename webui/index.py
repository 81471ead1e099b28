"""Where a request's index (and what it holds) comes from, as flaskr's `get_db`: blueprints and the
factory import this, never each other."""

from flask import abort, current_app, g

from indexer import open_index, ref_views


def get_index():
    """The app's index, looked up once per request (its engine sees the latest commit each time)."""
    if "index" not in g:
        g.index = open_index(current_app.config["INDEX_DIR"])
    return g.index


def ref_views_or_404(ref: str, kinds: list[str]):
    """The documents a ref names and their `kind` facet; 404 when the corpus cites no such document."""
    records, facet = ref_views(get_index(), ref, kinds)
    if not records:
        abort(404, description=f"Không có văn bản nào trong kho trích dẫn {ref}.")
    return records, facet
