"""A long document indexed in parts is one hit: its best part stands for it, the others are reachable
from it, and totals, facets, files and citing lists count documents."""

import pytest

from indexer import citing_documents, search
from indexer.builder.index import build_index
from indexer.searching import search_all

PART_LIMIT = 300  # characters: the seven paragraphs below make four parts
PARAGRAPHS = [f"Đoạn {n}: thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về bảo vệ nền tảng tư tưởng của Đảng "
              "trong tình hình mới." for n in range(1, 8)]
PARAGRAPHS[5] = PARAGRAPHS[5].replace("tình hình mới", "tình hình mới, chống diễn biến hòa bình")
SHORT = "KẾ HOẠCH\n\nThực hiện Nghị quyết số 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng.\n"
PARTS = ["c/long.txt#0", "c/long.txt#0~2", "c/long.txt#0~3", "c/long.txt#0~4"]


@pytest.fixture(scope="module", params=["whoosh", "tantivy"])
def parted(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"parted-{request.param}")
    (root / "c").mkdir()
    (root / "c" / "long.txt").write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    (root / "c" / "short.txt").write_text(SHORT, encoding="utf-8")
    report = build_index([root / "c"], root / "ix", engine=request.param, part_chars=PART_LIMIT)
    assert (report.documents_total, report.parts_split) == (5, 1)
    return root / "ix"


def test_the_parts_of_one_document_are_one_hit(parted):
    result = search(parted, "nền tảng tư tưởng")
    long = next(h for h in result.hits if h.id in PARTS)
    assert (result.total, len(result.hits), sorted([long.id, *(p.id for p in long.other_parts)])) == (2, 2, PARTS)
    assert sorted(h.id for h in result.hits) == sorted([long.id, "c/short.txt#0"])
    assert result.as_dict()["hits"][[h.id for h in result.hits].index(long.id)]["other_parts"] == [
        p.id for p in long.other_parts]
    assert {f.name: [(v.value, v.count) for v in f.results] for f in result.facets}["year"] == []


def test_the_best_part_stands_for_the_document(parted):
    result = search(parted, "diễn biến hòa bình")  # only in paragraph 6, in the third part
    assert [(h.id, h.other_parts) for h in result.hits] == [("c/long.txt#0~3", ())]


def test_files_and_citing_lists_count_documents(parted):
    assert search_all(parted, "tư tưởng").total == 2
    citing = citing_documents(parted, "35-NQ/TW")
    assert (citing.total, len(citing.hits)) == (2, 2)
    assert search(parted, "", {"cites": ["35-NQ/TW"]}).total == 2
