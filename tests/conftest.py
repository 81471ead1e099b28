"""Shared fixtures: one real index built from the bundled corpus, once per test session."""

import pytest

from helpers import CORPUS
from indexer.build import build_index


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    """A real whoosh index of corpus/ in a temporary folder."""
    path = tmp_path_factory.mktemp("index")
    build_index([CORPUS], path)
    return path
