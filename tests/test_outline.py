"""A document's outline: articles and sections with their labels, headings, spans and anchors; what an amendment
quotes kept in the article quoting it; appendices and texts issued with a decision; the part an offset stands
in; and the parts a citation names."""

import json

import pytest
from helpers import CORPUS, SHARED_DATA

from indexer.extract.citations import find_citations
from indexer.extract.outline import Node, anchor_at, outline, part_at
from indexer.extract.parts import parts_before


def tree(nodes):
    """(anchor, label, heading, children) of every node, spans left out."""
    return [(n.anchor, n.label, n.heading, tree(n.children)) for n in nodes]


def articles(nodes):
    found = []
    for n in nodes:
        if n.label.startswith("Điều ") and n.label[5:6].isdigit():
            found.append(n.label)
        found += articles(n.children)
    return found


AMENDING = """CHÍNH PHỦ
Số: 15/2026/NĐ-CP
NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP
Căn cứ Luật Tổ chức Chính phủ;
Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP
1. Sửa đổi khoản 2 Điều 3 như sau:
“2. Mức phạt tiền tối đa là 100.000.000 đồng.”.
2. Sửa đổi, bổ sung Điều 5 như sau:
“Điều 5. Phạt tiền đối với hành vi vi phạm
1. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với hành vi “không thông báo”.
2. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng.”.
3. Bổ sung Điều 5a vào sau Điều 5 như sau: “Điều 5a. Biện pháp khắc phục hậu quả
Buộc gỡ bỏ thông tin sai sự thật.”.
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.
Điều 3. Trách nhiệm thi hành
Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.
Nơi nhận:
- Như Điều 3;
"""


def test_an_amending_decree_keeps_the_articles_it_quotes_inside_its_own():
    nodes = outline(AMENDING)
    assert tree(nodes) == [
        ("dieu-1", "Điều 1", "Sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP", [
            ("dieu-1-khoan-1", "1", "Sửa đổi khoản 2 Điều 3 như sau", []),
            ("dieu-1-khoan-2", "2", "Sửa đổi, bổ sung Điều 5 như sau", []),
            ("dieu-1-khoan-3", "3", "Bổ sung Điều 5a vào sau Điều 5 như sau", [])]),
        ("dieu-2", "Điều 2", "Hiệu lực thi hành", []),
        ("dieu-3", "Điều 3", "Trách nhiệm thi hành", [])]
    # the quoted `Điều 5` and its khoản belong to the khoản quoting them
    assert part_at(nodes, AMENDING.index("không thông báo")) == ["Điều 1", "khoản 2"]
    assert anchor_at(nodes, AMENDING.index("sai sự thật")) == "dieu-1-khoan-3"
    # the last article ends before the recipients' list
    assert AMENDING[nodes[2].start:nodes[2].end] == ("Điều 3. Trách nhiệm thi hành\n"
                                                     "Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này./.")


def test_straight_quotes_and_a_quote_without_its_closing_mark():
    text = ('Điều 1. Sửa đổi Thông tư số 05/2020/TT-BYT\n1. Sửa đổi Điều 4 như sau:\n"Điều 4. Hồ sơ\n'
            '1. Đơn đề nghị."\n2. Sửa đổi Điều 6 như sau:\n“Điều 6. Thời hạn\nTrong 10 ngày làm việc.\n'
            'Điều 2. Sửa đổi khoản 1 Điều 8 như sau:\n“1. Lệ phí.”\nĐiều 3. Hiệu lực thi hành\nTừ ngày ký.')
    # the quote of `Điều 6` never closes: it ends where the amending text's next instruction starts
    assert articles(outline(text)) == ["Điều 1", "Điều 2", "Điều 3"]


LAW = """LUẬT
THANH TRA
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về tổ chức, hoạt động thanh tra.
Điều 2. Giải thích từ ngữ
Trong Luật này, các từ ngữ dưới đây được hiểu như sau:
1. Thanh tra nhà nước là hoạt động xem xét, đánh giá.
2. Thanh tra hành chính gồm:
a) Thanh tra theo kế hoạch;
b) Thanh tra đột xuất.
Chương II
TỔ CHỨC THANH TRA
Mục 1
THANH TRA CHÍNH PHỦ
Điều 3. Tổ chức của Thanh tra Chính phủ
Thanh tra Chính phủ có Tổng Thanh tra, Phó Tổng Thanh tra.
Mục 2
THANH TRA TỈNH
Điều 4. Tổ chức của Thanh tra tỉnh
Thanh tra tỉnh có Chánh Thanh tra, theo quy định tại khoản 2
Điều 3. Thanh tra tỉnh chịu sự chỉ đạo của Ủy ban nhân dân tỉnh.
"""


def test_a_law_reads_as_chapters_sections_articles_khoan_and_diem():
    nodes = outline(LAW)
    assert tree(nodes) == [
        ("chuong-i", "Chương I", "NHỮNG QUY ĐỊNH CHUNG", [
            ("dieu-1", "Điều 1", "Phạm vi điều chỉnh", []),
            ("dieu-2", "Điều 2", "Giải thích từ ngữ", [
                ("dieu-2-khoan-1", "1", "Thanh tra nhà nước là hoạt động xem xét, đánh giá", []),
                ("dieu-2-khoan-2", "2", "Thanh tra hành chính gồm", [
                    ("dieu-2-khoan-2-diem-a", "a", "Thanh tra theo kế hoạch", []),
                    ("dieu-2-khoan-2-diem-b", "b", "Thanh tra đột xuất", [])])])]),
        ("chuong-ii", "Chương II", "TỔ CHỨC THANH TRA", [
            ("chuong-ii-muc-1", "Mục 1", "THANH TRA CHÍNH PHỦ", [
                ("dieu-3", "Điều 3", "Tổ chức của Thanh tra Chính phủ", [])]),
            # `Điều 3.` wrapped to a line's start inside Điều 4 breaks the sequence: no article
            ("chuong-ii-muc-2", "Mục 2", "THANH TRA TỈNH", [
                ("dieu-4", "Điều 4", "Tổ chức của Thanh tra tỉnh", [])])])]
    assert part_at(nodes, LAW.index("đột xuất")) == ["Chương I", "Điều 2", "khoản 2", "điểm b"]
    assert anchor_at(nodes, LAW.index("đột xuất")) == "dieu-2-khoan-2-diem-b"
    assert part_at(nodes, LAW.index("THANH TRA\nChương")) == [] and anchor_at(nodes, 0) is None
    node = nodes[0].children[0]
    assert (type(node), LAW[node.start:node.end]) == (
        Node, "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về tổ chức, hoạt động thanh tra.")


DECISION = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Quy định về cưới, tang.
Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025.
Các văn bản cần bãi bỏ được liệt kê tại
Phụ lục I kèm theo Quyết định này.
Nơi nhận:
- Như Điều 2;
TM. ỦY BAN NHÂN DÂN

QUY ĐỊNH
VỀ VIỆC CƯỚI, VIỆC TANG
(Kèm theo Quyết định số 87/2025/QĐ-UBND ngày 19 tháng 11 năm 2025)

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này áp dụng trên địa bàn tỉnh.
Điều 2. Khen thưởng
Tổ chức thực hiện tốt được khen thưởng.

Phụ lục I
DANH MỤC VĂN BẢN BÃI BỎ
(Kèm theo Quyết định số 87/2025/QĐ-UBND)
1. Quyết định số 15/2014/QĐ-UBND.

PHỤ LỤC II
MẪU BÁO CÁO
Mẫu số 01
UBND XÃ ...
Điều 1. Báo cáo kết quả.
"""


def test_a_text_issued_with_a_decision_and_its_appendices_number_their_parts_afresh():
    nodes = outline(DECISION)
    assert tree(nodes) == [
        ("dieu-1", "Điều 1", "Ban hành kèm theo Quyết định này Quy định về cưới, tang", []),
        ("dieu-2", "Điều 2", "Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025", []),
        ("quy-dinh", "Quy định", "VỀ VIỆC CƯỚI, VIỆC TANG", [
            ("quy-dinh-chuong-i", "Chương I", "QUY ĐỊNH CHUNG", [
                ("quy-dinh-dieu-1", "Điều 1", "Phạm vi điều chỉnh", []),
                ("quy-dinh-dieu-2", "Điều 2", "Khen thưởng", [])])]),
        # `Phụ lục I kèm theo Quyết định này.` in Điều 2's sentence is no appendix
        ("phu-luc-i", "Phụ lục I", "DANH MỤC VĂN BẢN BÃI BỎ", [("phu-luc-i-muc-1", "1", "Quyết định số 15/2014/QĐ-UBND", [])]),
        ("phu-luc-ii", "Phụ lục II", "MẪU BÁO CÁO", [
            ("phu-luc-ii-mau-1", "Mẫu số 01", "UBND XÃ", [("phu-luc-ii-mau-1-dieu-1", "Điều 1", "Báo cáo kết quả", [])])])]
    assert part_at(nodes, DECISION.index("áp dụng")) == ["Quy định", "Chương I", "Điều 1"]


PLAN = """KẾ HOẠCH
Thực hiện Nghị quyết số 35-NQ/TW
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức.
2. Yêu cầu
II. NHIỆM VỤ,
GIẢI PHÁP
1. Tuyên truyền
a) Sở Văn hóa chủ trì.
b) Báo tỉnh phối hợp.
1.1. Trên báo in
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện.
"""


def test_a_plan_reads_as_roman_sections_numbers_and_points():
    nodes = outline(PLAN)
    assert tree(nodes) == [
        ("muc-i", "I", "MỤC ĐÍCH, YÊU CẦU", [("muc-i-1", "1", "Mục đích", []), ("muc-i-2", "2", "Yêu cầu", [])]),
        ("muc-ii", "II", "NHIỆM VỤ, GIẢI PHÁP", [
            ("muc-ii-1", "1", "Tuyên truyền", [
                ("muc-ii-1-a", "a", "Sở Văn hóa chủ trì", []), ("muc-ii-1-b", "b", "Báo tỉnh phối hợp", []),
                ("muc-ii-1-1", "1.1", "Trên báo in", [])])]),
        ("muc-iii", "III", "TỔ CHỨC THỰC HIỆN", [])]
    assert part_at(nodes, PLAN.index("Báo tỉnh")) == ["II", "1", "b"]


def test_markdown_marks_escapes_and_a_label_split_from_its_number_by_a_wrap():
    text = ("**Điều 1. **Ban\nhành kèm theo Quyết định này Quy chế.\n\n**Điều\n2. Hiệu lực thi hành**\n\n"
            "1\\. Quyết định này có hiệu lực.\n\n**Điều 3. Trách nhiệm\nthi hành**\n\nChánh Văn phòng thi hành.\n")
    assert tree(outline(text)) == [
        ("dieu-1", "Điều 1", "Ban hành kèm theo Quyết định này Quy chế", []),
        ("dieu-2", "Điều 2", "Hiệu lực thi hành", [("dieu-2-khoan-1", "1", "Quyết định này có hiệu lực", [])]),
        ("dieu-3", "Điều 3", "Trách nhiệm thi hành", [])]


def test_a_text_without_structure_has_an_empty_outline():
    letter = ("Kính gửi: Sở Tư pháp\nỦy ban nhân dân tỉnh đề nghị Sở Tư pháp báo cáo kết quả trước ngày 15/6/2025.\n"
              "Ngày 2. Tháng 3. Năm 2025.\nTrân trọng./.\n")
    assert outline(letter) == () and outline("") == ()
    assert part_at((), 5) == [] and anchor_at((), 5) is None


def test_a_number_printed_twice_stays_a_section_with_an_anchor_of_its_own():
    text = "I. MỤC ĐÍCH\nII. NỘI DUNG\n1. Một\nIII. HÌNH THỨC\n1. Hai\nIII. TỔ CHỨC THỰC HIỆN\n1. Ba\n"
    assert [(n.anchor, n.label, [c.anchor for c in n.children]) for n in outline(text)] == [
        ("muc-i", "I", []), ("muc-ii", "II", ["muc-ii-1"]), ("muc-iii", "III", ["muc-iii-1"]),
        ("muc-iii-lan-2", "III", ["muc-iii-lan-2-1"])]


SEED_SECTIONS = {
    "000_65df158a4e7ec0a6.txt": [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG"), ("III", "TÔ CHỨC THỰC HIỆN")],
    "001_e44d68029944b139.txt": [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG"), ("III", "TỔ CHỨC THỰC HIỆN")],
    "002_45d61e181700c579.txt": [("A", "MỤC ĐÍCH, YÊU CẦU"), ("B", "NỘI DUNG"), ("C", "TỔ CHỨC THỰC HIỆN")],
    "003_189e87e651a32754.txt": [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG SINH HOẠT"),
                                 ("III", "HÌNH THỨC, THỜI GIAN THỰC HIỆN VÀ TÀI LIỆU"), ("III", "TỔ CHỨC THỰC HIỆN")],
    # the official letter's two points (a sentence with no title: its first 200 characters), then the plan
    "004_2a738f3429698ec1.txt": [
        ("1", "Giao Sở Thông tin và Truyền thông làm đầu mối chủ trì, phối hợp với Công an tỉnh, Sở Văn hóa và Thể "
              "thao và các ngành liên quan tham mưu Ban Cán sự Đảng Ủy ban nhân dân tỉnh việc thực hiện Kế hoạch…"),
        ("2", "Các sở, ban, ngành tỉnh, Ủy ban nhân dân các huyện, thành phố tiếp tục quán triệt, thực hiện tốt Chỉ "
              "thị số 07-CT/TU ngày 04-6-2021 theo chỉ đạo của Thường trực Ủy ban nhân dân tỉnh tại Công văn số…"),
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NỘI DUNG TRIỂN KHAI QUÁN TRIỆT, TUYÊN TRUYỀN, GIÁO DỤC"),
        ("III", "HÌNH THỨC TRIỂN KHAI, QUẢN TRIỆT, TUYÊN TRUYỀN, GIÁO DỤC"), ("IV", "THỜI GIAN"),
        ("V", "TỔ CHỨC THỰC HIỆN")],
}


@pytest.mark.parametrize("name", sorted(SEED_SECTIONS))
def test_the_seeds_top_level_sections(name):
    nodes = outline((CORPUS / name).read_text(encoding="utf-8"))
    assert [(n.label, n.heading) for n in nodes] == SEED_SECTIONS[name]


def test_seed_anchors_and_the_part_of_a_passage():
    text = (CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")
    nodes = outline(text)
    assert [c.anchor for c in nodes[1].children[1].children] == [f"muc-ii-2-{k}" for k in range(1, 7)]
    at = text.index("Tăng cường công tác bảo vệ bí mật nhà nước")
    assert (part_at(nodes, at), anchor_at(nodes, at)) == (["II", "2", "2.6"], "muc-ii-2-6")


def gazette(slug: str) -> str:
    lines = (SHARED_DATA / "gazette_dev" / "documents.jsonl").read_text(encoding="utf-8").split("\n")
    return next(json.loads(line)["text"] for line in lines if f'"congbao:{slug}"' in line)


def test_a_real_amending_law_counts_three_articles_not_the_fifty_it_quotes():
    text = gazette("luat-so-51-2024-qh15-43559")
    nodes = outline(text)
    assert [(n.label, n.heading) for n in nodes] == [
        ("Điều 1", "Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"),
        ("Điều 2", "Sửa đổi, bổ sung Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở số 30/2023/QH15"),
        ("Điều 3", "Điều khoản thi hành")]
    assert [c.label for c in nodes[0].children] == [str(k) for k in range(1, 36)]
    assert part_at(nodes, text.index("Điều 48b. Trốn đóng")) == ["Điều 1", "khoản 33"]


def test_a_consolidated_text_leaves_out_the_articles_its_footnotes_reprint():
    nodes = outline(gazette("van-ban-hop-nhat-so-47-vbhn-vpqh-41398"))
    own = articles(nodes)
    assert (len(own), own[:10], own[-3:]) == (
        55, ["Điều 1", "Điều 2", "Điều 3", "Điều 4", "Điều 5", "Điều 6", "Điều 7", "Điều 7a", "Điều 7b", "Điều 7c"],
        ["Điều 50", "Điều 51", "Điều 52"])


@pytest.mark.parametrize(("text", "parts"), [
    ("theo khoản 2 Điều 5 |Nghị định số 15/2020/NĐ-CP", ("Điều 5 khoản 2",)),
    ("quy định tại điểm a khoản 1 Điều 2 của |Quyết định này", ("Điều 2 khoản 1 điểm a",)),
    ("các khoản 1, 2 và 3 Điều 5 |Luật", ("Điều 5 khoản 1", "Điều 5 khoản 2", "Điều 5 khoản 3")),
    ("điểm b khoản 2 và điểm b khoản 3 Điều 18 |Nghị định", ("Điều 18 khoản 2 điểm b", "Điều 18 khoản 3 điểm b")),
    ("Bãi bỏ các Điều 3, 13 và 14, khoản 4 Điều 17 |Nghị định",
     ("Điều 3", "Điều 13", "Điều 14", "Điều 17 khoản 4")),
    ("tại Mục 2 Chương IV |Nghị định", ("Chương IV Mục 2",)),
    ("Thực hiện |Nghị định", ()),
])
def test_the_parts_named_before_a_citation(text, parts):
    """`|` marks where the citation starts."""
    assert parts_before(text.replace("|", ""), text.index("|")) == parts


def test_citations_carry_the_parts_they_name():
    text = ("Căn cứ khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ; thực hiện "
            "Nghị quyết số 35-NQ/TW (sau đây gọi tắt là Nghị quyết 35) và Điều 3 Nghị quyết 35.")
    assert [(c.ref, c.short, c.parts) for c in find_citations(text)] == [
        ("15/2020/NĐ-CP", False, ("Điều 5 khoản 2",)), ("35-NQ/TW", False, ()), ("35-NQ/TW", True, ("Điều 3",))]
