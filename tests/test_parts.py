"""A long document indexed in parts is one hit: its best part stands for it, the others are reachable
from it, and totals, facets, files and citing lists count documents; a long plan's tasks come from every
part, and a hit's part (its place in the outline) is the whole document's."""

import pytest
from structure_corpus import PLAN

from indexer import citing_documents, find_tasks, search
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


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory):
    """The hand-written plan (tests/structure_corpus) in two parts: its list's tasks in the first, its
    appendix's table in the second."""
    root = tmp_path_factory.mktemp("long-plan")
    (root / "c").mkdir()
    (root / "c" / "plan.txt").write_text(PLAN, encoding="utf-8")
    report = build_index([root / "c"], root / "ix", engine="whoosh", part_chars=900)
    assert (report.documents_total, report.parts_split) == (2, 1)
    return root / "ix"


def test_a_long_plans_tasks_come_from_every_part_in_order(long_plan):
    found = find_tasks(long_plan, page_size=100)
    assert (found.total, found.plans) == (4, 1)
    assert [(h.document.id, h.task["lead"]) for h in found.hits] == [
        ("c/plan.txt#0", "Phòng Văn hóa và Thông tin"), ("c/plan.txt#0", "Trung tâm Văn hóa - Thể thao huyện"),
        ("c/plan.txt#0~2", "Công an huyện"), ("c/plan.txt#0~2", "Phòng Nội vụ")]


def test_a_hit_in_a_later_part_says_where_it_stands_in_the_whole(long_plan):
    hit = search(long_plan, "rà soát quy trình xử lý tin giả").as_dict()["hits"][0]
    assert (hit["id"], hit["part"], hit["part_anchor"], hit["part_number"]) == ("c/plan.txt#0~2", ["Phụ lục"],
                                                                                 "phu-luc", 0)
