"""Shared fixtures: one real index of the bundled corpus per engine, built once per test session (and one
of the corpus with two near-copies of a plan, for near-duplicates); the web app and Flask's test client
over it; a copy of the corpus to change.

Every test that takes `index_dir` (search, CLI, web, graph) runs against both engines. An app over
another index comes from the factories: `make_client(tmp_path / "ix")`, `make_app(index, BASE_URL=...)`.
"""

import shutil

import pytest
from helpers import BASE_URL, CORPUS

from indexer.builder.index import build_index
from webui.app import create_app

ENGINES = ("whoosh", "tantivy")


@pytest.fixture(scope="session", params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, engine):
    """A real index of corpus/ in a temporary folder, made by each engine in turn."""
    path = tmp_path_factory.mktemp(f"index-{engine}")
    build_index([CORPUS], path, engine=engine)
    return path


# The Hải Dương plan issued again by two districts: the same text under another header.
HEADER = "*\n\nSố 150 - KH/TU\n\nHải Dương, ngày 15 tháng 5 năm 2019\n\nKẾ HOẠCH\n\nCỦA BAN THƯỜNG VỤ TỈNH ỦY"
COPIES = {"cam_giang.txt": "HUYỆN ỦY CẨM GIÀNG\n*\n\nSố 88 - KH/HU\n\nCẩm Giàng, ngày 3 tháng 6 năm 2019\n\nKẾ HOẠCH\n\n"
                           "CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
          "thanh_ha.txt": "HUYỆN ỦY THANH HÀ\n*\n\nSố 41 - KH/HU\n\nThanh Hà, ngày 10 tháng 6 năm 2019\n\nKẾ HOẠCH\n\n"
                          "CỦA BAN THƯỜNG VỤ HUYỆN ỦY"}


@pytest.fixture(scope="session")
def copies_index(tmp_path_factory, engine):
    """The bundled corpus and two copies of the Hải Dương plan with their own header, indexed."""
    corpus = tmp_path_factory.mktemp("copies")
    shutil.copytree(CORPUS, corpus / "corpus")
    original = (CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")
    assert HEADER in original
    for name, header in COPIES.items():
        (corpus / "copies").mkdir(exist_ok=True)
        (corpus / "copies" / name).write_text(original.replace(HEADER, header), encoding="utf-8")
    index = tmp_path_factory.mktemp(f"copies-index-{engine}")
    build_index([corpus / "corpus", corpus / "copies"], index, engine=engine)
    return index


@pytest.fixture(scope="session")
def make_app():
    """A factory: the Flask app over an index folder, with any other setting given as a keyword."""

    def make(index, **config):
        return create_app({"INDEX_DIR": str(index), "TESTING": True, "BASE_URL": BASE_URL, **config})

    return make


@pytest.fixture(scope="session")
def make_client(make_app):
    """A factory: Flask's test client over an index folder, with any other setting given as a keyword."""
    return lambda index, **config: make_app(index, **config).test_client()


@pytest.fixture(scope="session")
def app(make_app, index_dir):
    """The app over the session's index, made by each engine in turn."""
    return make_app(index_dir)


@pytest.fixture(scope="session")
def client(app):
    """Flask's test client over the session's index, made by each engine in turn."""
    return app.test_client()


@pytest.fixture
def corpus_copy(tmp_path):
    """The bundled corpus copied into the test's folder, to add, change or remove files in."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder
