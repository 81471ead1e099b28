"""Shared fixtures: one real index of the bundled corpus per engine, built once per test session.

Every test that takes `index_dir` (search, CLI, web, graph) runs against both engines.
"""

import pytest
from helpers import CORPUS

from indexer.builder.index import build_index

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
