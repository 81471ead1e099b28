"""The Flask app factory: configuration in one place, the blueprints, error pages, security headers."""

import os

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer import (
    IndexNotFound,
    NoOriginal,
    OriginalChanged,
    OutsideCorpus,
    SearchError,
    UnknownDocument,
    checks,
    default_index_dir,
)

# Werkzeug's own English descriptions, said in Vietnamese.
STATUS_MESSAGES = {400: "Yêu cầu không hợp lệ.", 404: "Không có trang nào ở địa chỉ này.",
                   405: "Địa chỉ này không nhận kiểu yêu cầu đó.",
                   500: "Đã có lỗi trong hệ thống. Vui lòng thử lại sau.",
                   503: "Chưa có chỉ mục tìm kiếm: hãy chạy `vanban index` rồi tải lại trang."}

# The status of each error a person can be told about (the first class it is an instance of): the views
# raise these and only this table says what the web answers. No index: 503 with STATUS_MESSAGES' words.
ERROR_STATUSES = ((IndexNotFound, 503), (UnknownDocument, 404), (NoOriginal, 404), (OutsideCorpus, 403),
                  (OriginalChanged, 409), (SearchError, 400))

DEFAULT_BASE_URL = "http://127.0.0.1:5000/"  # where `vanban serve` listens unless told otherwise

DEFAULTS = {
    "INDEX_DIR": None,           # None: VANBAN_INDEX or the per-user default, read at startup
    "BASE_URL": None,            # absolute links (feeds, spreadsheets); None: VANBAN_BASE_URL or DEFAULT_BASE_URL
    "PAGE_SIZE": 10,             # the limits themselves are indexer.limits, shared with the CLI
    "JSON_AS_ASCII": False,
}

# Scripts and styles come from /static only: a query echoed into a page can never run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app; `test_config` overrides the defaults (e.g. INDEX_DIR)."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = str(app.config["INDEX_DIR"] or default_index_dir())
    # Never the request's Host header: a client could make the links point anywhere.
    app.config["BASE_URL"] = checks.base_url(app.config["BASE_URL"] or os.environ.get("VANBAN_BASE_URL")
                                             or DEFAULT_BASE_URL)
    app.json.ensure_ascii = False
    # No redirects from routing: werkzeug builds them from the Host header a client sends.
    app.url_map.merge_slashes = False
    app.url_map.strict_slashes = False

    from webui import api, graph_pages, pages, render

    app.register_blueprint(pages.bp)
    app.register_blueprint(graph_pages.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    render.register(app)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(SearchError, _search_error)
    app.register_error_handler(Exception, _server_error)
    app.after_request(_secure)
    return app


def _secure(response):
    response.headers.update(SECURITY_HEADERS)
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def error_response(status: int, message: str):
    """The one error shape: JSON for the API, the friendly page for the rest."""
    if wants_json():
        return jsonify(error=message, status=status), status
    return render_template("error.html", status=status, message=message), status


def _http_error(err: HTTPException):
    message = err.description
    if message == type(err).description:  # werkzeug's English default
        message = STATUS_MESSAGES.get(err.code, message)
    return error_response(err.code, message)


def _search_error(err: SearchError):
    status = next(status for kind, status in ERROR_STATUSES if isinstance(err, kind))
    return error_response(status, STATUS_MESSAGES[503] if status == 503 else str(err))


def _server_error(err: Exception):
    current_app.logger.exception("unhandled error on %s", request.path)
    return error_response(500, STATUS_MESSAGES[500])
