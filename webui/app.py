"""The Flask app factory: configuration in one place, the pages and /api blueprints, error pages."""

from pathlib import Path

from flask import Flask, current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.paths import default_index_dir
from indexer.search import IndexNotFound, SearchError, open_index

DEFAULTS = {
    "INDEX_DIR": None,           # None: VANBAN_INDEX or the per-user default, read at startup
    "PAGE_SIZE": 10,
    "MAX_PAGE_SIZE": 100,
    "MAX_QUERY_LENGTH": 500,     # characters; longer is a 400, not a slow search
    "MAX_PAGE": 500,
    "JSON_AS_ASCII": False,
}


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app; `test_config` overrides the defaults (e.g. INDEX_DIR)."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = str(app.config["INDEX_DIR"] or default_index_dir())
    app.json.ensure_ascii = False

    from webui import api, graph_pages, pages, render

    app.register_blueprint(pages.bp)
    app.register_blueprint(graph_pages.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    render.register(app)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(SearchError, _search_error)
    app.register_error_handler(Exception, _server_error)
    return app


def get_index():
    """The app's index, opened once per request (whoosh reads the latest commit each time)."""
    if "index" not in g:
        g.index = open_index(Path(current_app.config["INDEX_DIR"]))
    return g.index


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


# Werkzeug's own English descriptions, said in Vietnamese on the pages.
PAGE_MESSAGES = {404: "Không có trang nào ở địa chỉ này.", 405: "Địa chỉ này không nhận kiểu yêu cầu đó.",
                 400: "Yêu cầu không hợp lệ."}


def _http_error(err: HTTPException):
    if wants_json():
        return jsonify(error=err.description, status=err.code), err.code
    message = err.description
    if message == type(err).description:
        message = PAGE_MESSAGES.get(err.code, message)
    return render_template("error.html", status=err.code, message=message), err.code


def _search_error(err: SearchError):
    status = 503 if isinstance(err, IndexNotFound) else 400
    message = ("Chưa có chỉ mục tìm kiếm: hãy chạy `vanban index` rồi tải lại trang." if status == 503
               else str(err))
    if wants_json():
        return jsonify(error=str(err), status=status), status
    return render_template("error.html", status=status, message=message), status


def _server_error(err: Exception):
    current_app.logger.exception("unhandled error")
    message = "Đã có lỗi trong hệ thống. Vui lòng thử lại sau."
    if wants_json():
        return jsonify(error="internal error", status=500), 500
    return render_template("error.html", status=500, message=message), 500
