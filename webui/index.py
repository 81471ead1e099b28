"""Where a request's index comes from, as flaskr's `get_db`: blueprints and the factory import this,
never each other."""

from flask import current_app, g

from indexer import open_index


def get_index():
    """The app's index, looked up once per request (its engine sees the latest commit each time)."""
    if "index" not in g:
        g.index = open_index(current_app.config["INDEX_DIR"])
    return g.index
