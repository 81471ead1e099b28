"""Shared fixtures: one real index of the bundled corpus per engine, built once per test session (and one
of the corpus with two near-copies of a plan, for near-duplicates).

Every test that takes `index_dir` (search, CLI, web, graph) runs against both engines.
"""

import shutil

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
