"""A document's structure as the build keeps it: where its text starts after the header, the furniture a
snippet skips, its outline stored and read back (whole, or the nodes a hit reads), cut to the parts of a
long document; parts named as citations name them, and found in an outline."""

import pytest
from helpers import CORPUS

from indexer.builder.parts import cuts
from indexer.extract.outline import outline, path_at
from indexer.extract.structure import body_start, document_structure, furniture_spans
from indexer.vocab.outline import Node, canonical_part, find_part, part_prefixes
from indexer.vocab.structure import EMPTY, head, pack, unpack

HEADER = """| ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 617/KH-UBND | Đồng Tháp, ngày 01 tháng 12 năm 2025 |

KẾ HOẠCH
Chuyển đổi số năm 2026

Thực hiện Nghị quyết số 57-NQ/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số như sau:
I. MỤC ĐÍCH
Số hóa hồ sơ.
"""


def shown(text: str, spans) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in spans]


def test_the_header_ends_where_the_text_starts_to_speak():
    assert HEADER[body_start(HEADER):].startswith("Thực hiện Nghị quyết số 57-NQ/TW")
    seeds = {p.name: (t := p.read_text(encoding="utf-8"))[body_start(t):][:30] for p in sorted(CORPUS.glob("*.txt"))}
    assert seeds == {"000_65df158a4e7ec0a6.txt": "Thực hiện Nghị quyết số 35-NQ/",
                     "001_e44d68029944b139.txt": "Thực hiện Kế hoạch số 3006/KH-",  # its bold title starts so too
                     "002_45d61e181700c579.txt": "Thực hiện Kết luận số 224-KL/T",
                     "003_189e87e651a32754.txt": "Thực hiện Hướng dẫn số 97-HD/B",
                     "004_2a738f3429698ec1.txt": "Kính gửi:\n\n- Các sở, ban, ngàn"}
    assert body_start("Điều 1. Phạm vi\nNội dung.") == 0
    assert body_start("Một đoạn văn không có đầu văn bản.") == 0


def test_the_furniture_of_a_header_in_a_table_and_of_a_gazette_page():
    assert shown(HEADER, furniture_spans(HEADER)) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "Số: 617/KH-UBND | Đồng Tháp, ngày 01 tháng 12 năm 2025"]
    page = "Điều 5. Thời hạn\nHồ sơ được giải quyết\n12\nCÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023\ntrong 5 ngày."
    assert shown(page, furniture_spans(page)) == ["12 CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023"]


LAW = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về tiếp cận thông tin.
Điều 2. Giải thích từ ngữ
1. Thông tin là tin, dữ liệu.
2. Thông tin công khai là thông tin được đăng tải.
Chương II
THỰC HIỆN
Điều 3. Trách nhiệm
Các cơ quan thực hiện Luật này.
"""


def test_an_outline_stored_and_read_back_whole_or_as_a_hit_reads_it():
    structure = document_structure(LAW)
    assert unpack(*pack(structure)) == structure
    nodes, quick = structure.outline, head(pack(structure)[0])
    assert (quick.body, quick.furniture.pairs()) == (structure.body, structure.furniture)
    for offset in range(0, len(LAW), 7):  # the hit's reading gives the tree's path, node for node
        assert [(n.anchor, n.label, n.start, n.end) for n in quick.path_at(offset)] == \
            [(n.anchor, n.label, n.start, n.end) for n in path_at(nodes, offset)]
    assert [n.anchor for n in quick.path_at(LAW.index("Thông tin công khai"))] == \
        ["chuong-i", "dieu-2", "dieu-2-khoan-2"]
    assert (unpack(None, None), unpack("", ""), head(None).path_at(3)) == (EMPTY, EMPTY, [])


def test_a_long_document_cut_in_parts_keeps_the_whole_texts_anchors():
    structure = document_structure(LAW)
    first, second = cuts(LAW, 150)
    assert (first, second) == ((0, 147), (147, 271))  # cut inside Điều 2, between its khoản 1 and 2

    def tree(nodes):
        return [(n.anchor, n.start, n.end, tree(n.children)) for n in nodes]
    # the second part opens inside Chương I and Điều 2: they go on in it, under the whole text's anchors
    assert tree(structure.sliced(*second).outline) == [
        ("chuong-i", 0, 51, [("dieu-2", 0, 51, [("dieu-2-khoan-2", 1, 51, [])])]),
        ("chuong-ii", 52, 123, [("dieu-3", 72, 123, [])])]
    piece = LAW[second[0]:second[1]]
    assert (piece[1:10], piece[52:61], piece[72:79]) == ("2. Thông ", "Chương II", "Điều 3.")
    assert tree(structure.sliced(*first).outline)[0][3][1] == ("dieu-2", 92, 147, [("dieu-2-khoan-1", 118, 147, [])])
    assert (structure.sliced(*first).body, structure.sliced(*second).body) == (0, 0)


@pytest.mark.parametrize(("typed", "named"), [
    ("Điều 5", "Điều 5"), ("điều 5", "Điều 5"), ("dieu 5", "Điều 5"), ("khoản 2 Điều 5", "Điều 5 khoản 2"),
    ("Điều 5, khoản 2, điểm a", "Điều 5 khoản 2 điểm a"), ("điểm đ khoản 1 điều 7a", "Điều 7a khoản 1 điểm đ"),
    ("chương ii", "Chương II"), ("Mục 2 Chương IV", "Chương IV Mục 2"), ("phu luc I", "Phụ lục I"),
    ("Nghị định 15", None), ("Điều", None), ("Điều 5 Điều 6", None), ("", None),
])
def test_a_part_as_typed_is_named_as_citations_name_it(typed, named):
    assert canonical_part(typed) == named


def test_a_cited_part_and_the_parts_holding_it():
    assert part_prefixes("Chương IV Mục 2") == ["Chương IV", "Chương IV Mục 2"]
    assert part_prefixes("Điều 5") == ["Điều 5"]


def test_a_cited_part_found_in_an_outline():
    nodes = outline(LAW)
    assert [getattr(find_part(nodes, p), "anchor", None) for p in
            ("Điều 2", "Điều 2 khoản 2", "Chương II", "Điều 3", "Điều 2 khoản 3", "Điều 9", "Chương I Điều 1")] == \
        ["dieu-2", "dieu-2-khoan-2", "chuong-ii", "dieu-3", None, None, "dieu-1"]
    # a decision's own article comes before the article of the text it issues that bears the same number
    decision = (Node("dieu-1", "Điều 1", "", 0, 5), Node("quy-dinh", "Quy định", "", 6, 20,
                                                          (Node("quy-dinh-dieu-1", "Điều 1", "", 7, 12),
                                                           Node("quy-dinh-dieu-5", "Điều 5", "", 13, 20))))
    assert (find_part(decision, "Điều 1").anchor, find_part(decision, "Điều 5").anchor) == ("dieu-1", "quy-dinh-dieu-5")
