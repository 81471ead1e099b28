"""The tasks a plan assigns: from assignment tables (pipe, Pandoc cells, HTML), from lists under a body's name,
from items whose subject is a body, from labelled fields and from content / lead / time parts; each with its
lead written canonically, its partners, its deadline read as days, and the anchor of its part."""

import pytest
from helpers import CORPUS

from indexer.extract.deadlines import Deadline, find_deadline, read_deadline
from indexer.extract.task_bodies import is_specific, split_bodies
from indexer.extract.tasks import tasks


def rows(text: str) -> list[tuple]:
    return [(t.text, t.lead, t.partners, t.deadline.as_dict() if t.deadline else None, t.anchor) for t in tasks(text)]


def days(printed: str, first: str | None, last: str | None) -> dict:
    return {"printed": printed, "from": first, "to": last}


TABLE_PLAN = """KẾ HOẠCH
I. MỤC ĐÍCH
Nâng cao chất lượng dịch vụ công.
II. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện theo Phụ lục kèm theo.

PHỤ LỤC
PHÂN CÔNG NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-UBND)

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng cơ sở dữ liệu hộ tịch | Sở Tư pháp | Công an tỉnh; Sở Nội vụ | Quý II/2025 |
| 2 | Tổ chức tập huấn chuyển đổi số | SỞ THÔNG TIN VÀ TRUYỀN THÔNG | UBND các huyện | Trước ngày 30/6/2025 |
| 3 | Đánh giá kết quả thực hiện | Văn phòng UBND tỉnh | | Năm 2026 |
| 4 | Tuyên truyền Kế hoạch | Báo Lai Châu | Các sở, ngành | Thường xuyên |
"""

TABLE_TASKS = [
    ("Xây dựng cơ sở dữ liệu hộ tịch", "Sở Tư pháp", ("Công an tỉnh", "Sở Nội vụ"),
     days("Quý II/2025", "2025-04-01", "2025-06-30"), "phu-luc"),
    ("Tổ chức tập huấn chuyển đổi số", "Sở Thông tin và Truyền thông", ("Ủy ban nhân dân các huyện",),
     days("Trước ngày 30/6/2025", None, "2025-06-30"), "phu-luc"),
    ("Đánh giá kết quả thực hiện", "Văn phòng Ủy ban nhân dân tỉnh", (), days("Năm 2026", "2026-01-01", "2026-12-31"),
     "phu-luc"),
    ("Tuyên truyền Kế hoạch", "Báo Lai Châu", ("Các sở, ngành",), days("Thường xuyên", None, None), "phu-luc"),
]


def test_a_pipe_table_of_assignments():
    assert rows(TABLE_PLAN) == TABLE_TASKS


PANDOC_TABLE = """I. TỔ CHỨC THỰC HIỆN
Các đơn vị thực hiện theo phụ lục.


**PHỤ LỤC**

NHIỆM VỤ CHỦ YẾU

*(Kèm theo Kế hoạch số 30/KH-UBND)*

|
**TT**
|
**Nội dung/nhiệm vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian thực hiện**
|
|
1
|
Khảo sát, đánh giá thực trạng
hạ tầng viễn thông
|
Ban Quản lý các khu công nghệ cao và khu công nghiệp
|
Sở Khoa học và Công nghệ, Sở Công Thương
|
Quý IV/2025- Quý II/2026
|
|
2
|
Bố trí kinh phí
|
Sở Tài chính
|
|
Hàng năm"""


def test_a_pandoc_cell_table_with_an_empty_cell_and_no_closing_boundary():
    assert rows(PANDOC_TABLE) == [
        ("Khảo sát, đánh giá thực trạng hạ tầng viễn thông", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
         ("Sở Khoa học và Công nghệ", "Sở Công Thương"), days("Quý IV/2025- Quý II/2026", "2025-10-01", "2026-06-30"),
         "phu-luc"),
        ("Bố trí kinh phí", "Sở Tài chính", (), days("Hàng năm", None, None), "phu-luc")]


HTML_TABLE = """<p><strong>PHỤ LỤC</strong></p>
<table>
<thead><tr><th>STT</th><th>Công việc</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Tiến độ</th></tr></thead>
<tbody>
<tr><td>1</td><td>Số hóa hồ sơ đất đai</td><td>Sở Nông nghiệp và Môi trường</td><td>UBND các xã</td>
<td>Tháng 12/2025</td></tr>
<tr><td>2</td><td>Cập nhật bản đồ &amp; dữ liệu</td><td>Trung tâm Công nghệ thông tin</td><td></td><td>6 tháng đầu năm 2026</td></tr>
</tbody>
</table>"""


def test_an_html_table():
    assert rows(HTML_TABLE) == [
        ("Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", ("Ủy ban nhân dân các xã",),
         days("Tháng 12/2025", "2025-12-01", "2025-12-31"), None),
        ("Cập nhật bản đồ & dữ liệu", "Trung tâm Công nghệ thông tin", (),
         days("6 tháng đầu năm 2026", "2026-01-01", "2026-06-30"), None)]


LIST_PLAN = """I. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ, Công an tỉnh rà soát văn bản quy phạm pháp luật, hoàn thành trong Quý II/2025.
2. Sở Tài chính
- Bố trí kinh phí thực hiện Kế hoạch (Năm 2026).
- Hướng dẫn thanh quyết toán kinh phí trước ngày 30/6/2025.
3. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch (thường xuyên).
4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.
5. Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ triển khai thực hiện.
6. Sở Y tế: chỉ đạo các bệnh viện tổ chức khám sàng lọc, hoàn thành trong tháng 10/2025.
"""


def test_a_plan_assigning_tasks_in_lists():
    assert rows(LIST_PLAN) == [
        ("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ, Công an tỉnh rà soát văn bản quy phạm pháp luật, hoàn thành "
         "trong Quý II/2025.", "Sở Tư pháp", ("Sở Nội vụ", "Công an tỉnh"),
         days("Quý II/2025", "2025-04-01", "2025-06-30"), "muc-i-1"),
        ("Bố trí kinh phí thực hiện Kế hoạch (Năm 2026).", "Sở Tài chính", (),
         days("Năm 2026", "2026-01-01", "2026-12-31"), "muc-i-2"),
        ("Hướng dẫn thanh quyết toán kinh phí trước ngày 30/6/2025.", "Sở Tài chính", (),
         days("trước ngày 30/6/2025", None, "2025-06-30"), "muc-i-2"),
        ("Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch (thường xuyên).",
         "Văn phòng Ủy ban nhân dân tỉnh", (), days("thường xuyên", None, None), "muc-i-3"),
        # item 4 is a request to a body the issuer does not direct: no task
        ("Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ triển khai thực hiện.",
         "Các sở, ban, ngành", (), None, "muc-i-5"),
        ("Sở Y tế: chỉ đạo các bệnh viện tổ chức khám sàng lọc, hoàn thành trong tháng 10/2025.", "Sở Y tế", (),
         days("tháng 10/2025", "2025-10-01", "2025-10-31"), "muc-i-6")]
    assert [is_specific(t.lead) for t in tasks(LIST_PLAN)] == [True, True, True, True, False, True]


BODY_PARTS = """I. NHIỆM VỤ CỤ THỂ
1. Bộ Tài chính chủ trì, phối hợp với các cơ quan, địa phương:
a) Hoàn thiện phương án sắp xếp doanh nghiệp nhà nước, hoàn thành trong tháng 5 năm 2026.
b) Nghiên cứu cơ chế chỉ định thầu.
2. Bộ Công an, Bộ Quốc phòng khẩn trương xây dựng Nghị định hướng dẫn Luật An ninh mạng.
3. Đối với các dự án chậm tiến độ, Sở Xây dựng rà soát và báo cáo trước ngày 15 tháng 12 hằng năm.
4. Ban Tuyên giáo Tỉnh ủy; Báo Lai Châu
- Tuyên truyền kết quả thực hiện Kế hoạch.
Giao Sở Khoa học và Công nghệ theo dõi, tổng hợp kết quả.
"""


def test_a_body_leading_points_a_sentence_after_an_opening_phrase_and_a_paragraph_of_its_own():
    assert [(t.text, t.lead, t.partners, t.deadline, t.anchor) for t in tasks(BODY_PARTS)] == [
        ("Hoàn thiện phương án sắp xếp doanh nghiệp nhà nước, hoàn thành trong tháng 5 năm 2026.", "Bộ Tài chính",
         ("Các cơ quan, địa phương",), Deadline("tháng 5 năm 2026", "2026-05-01", "2026-05-31"), "muc-i-1-a"),
        ("Nghiên cứu cơ chế chỉ định thầu.", "Bộ Tài chính", ("Các cơ quan, địa phương",), None, "muc-i-1-b"),
        ("Bộ Công an, Bộ Quốc phòng khẩn trương xây dựng Nghị định hướng dẫn Luật An ninh mạng.", "Bộ Công an", (),
         None, "muc-i-2"),
        ("Đối với các dự án chậm tiến độ, Sở Xây dựng rà soát và báo cáo trước ngày 15 tháng 12 hằng năm.",
         "Sở Xây dựng", (), Deadline("trước ngày 15 tháng 12 hằng năm"), "muc-i-3"),
        ("Tuyên truyền kết quả thực hiện Kế hoạch.", "Ban Tuyên giáo Tỉnh ủy", (), None, "muc-i-4"),
        ("Giao Sở Khoa học và Công nghệ theo dõi, tổng hợp kết quả.", "Sở Khoa học và Công nghệ", (), None,
         "muc-i-4")]


FIELDS = """**I. NHIỆM VỤ, GIẢI PHÁP**

**1. Nâng cao năng lực đội ngũ**

- Tổ chức tập huấn, bồi dưỡng
kiến thức xây dựng pháp luật.

*Đơn vị chủ trì tham mưu thực
hiện: *Sở Tư pháp.

*Đơn vị phối hợp: *Sở Nội vụ; các
cơ quan, đơn vị liên quan.

*Thời gian thực hiện: *Quý III/2026.

- Ra mắt trợ lý pháp luật.

*Đơn vị chủ trì: *Sở Khoa học và Công nghệ.

*Thời gian thực hiện*: Thường
xuyên.
"""


def test_tasks_closed_by_labelled_fields():
    assert rows(FIELDS) == [
        ("Nâng cao năng lực đội ngũ - Tổ chức tập huấn, bồi dưỡng kiến thức xây dựng pháp luật.", "Sở Tư pháp",
         ("Sở Nội vụ", "Các cơ quan, đơn vị liên quan"), days("Quý III/2026", "2026-07-01", "2026-09-30"),
         "muc-i-1"),
        ("Ra mắt trợ lý pháp luật.", "Sở Khoa học và Công nghệ", (), days("Thường xuyên", None, None), "muc-i-1")]


ROLES = """A. NỘI DUNG, NHIỆM VỤ
I. CÔNG TÁC QUÁN TRIỆT
1. Nội dung, biện pháp
a) Tổ chức Hội nghị quán triệt Chỉ thị số 24-CT/TW;
b) Tổ chức triển khai các văn bản chỉ đạo.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Ban Chỉ đạo quốc gia.
- Bộ Quốc phòng.
b) Cơ quan phối hợp
- Hội Cựu chiến binh Việt Nam.
3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.
"""


def test_points_of_a_part_that_names_its_lead_partners_and_time_in_parts_of_its_own():
    deadline = days("Tháng 12/2013 và thường xuyên", "2013-12-01", "2013-12-31")
    partners = ("Bộ Quốc phòng", "Hội Cựu chiến binh Việt Nam")
    assert rows(ROLES) == [
        ("Tổ chức Hội nghị quán triệt Chỉ thị số 24-CT/TW;", "Ban Chỉ đạo quốc gia", partners, deadline,
         "muc-a-i-1-a"),
        ("Tổ chức triển khai các văn bản chỉ đạo.", "Ban Chỉ đạo quốc gia", partners, deadline, "muc-a-i-1-b")]


def test_a_text_that_assigns_nothing():
    assert tasks("Kính gửi: Sở Tư pháp\nBáo cáo kết quả công tác năm 2025.\n") == () and tasks("") == ()


@pytest.mark.parametrize(("cell", "expected"), [
    ("Quý II/2025", ("Quý II/2025", "2025-04-01", "2025-06-30")),
    ("quý IV năm 2026", ("quý IV năm 2026", "2026-10-01", "2026-12-31")),
    ("Tháng 6/2025", ("Tháng 6/2025", "2025-06-01", "2025-06-30")),
    ("tháng 11, 12/2013", ("tháng 11, 12/2013", "2013-11-01", "2013-12-31")),
    ("Trước ngày 30/6/2025", ("Trước ngày 30/6/2025", None, "2025-06-30")),
    ("trước ngày 30 tháng 6 năm 2025.", ("trước ngày 30 tháng 6 năm 2025", None, "2025-06-30")),
    ("Năm 2026", ("Năm 2026", "2026-01-01", "2026-12-31")),
    ("Giai đoạn 2026-2030", ("Giai đoạn 2026-2030", "2026-01-01", "2030-12-31")),
    ("6 tháng cuối năm 2025", ("6 tháng cuối năm 2025", "2025-07-01", "2025-12-31")),
    ("Từ tháng 11/2013 trở đi", ("Từ tháng 11/2013 trở đi", "2013-11-01", None)),
    ("Quý IV/2025 - Quý II/2026", ("Quý IV/2025 - Quý II/2026", "2025-10-01", "2026-06-30")),
    ("ngày 29/02/2025", ("ngày 29/02/2025", None, None)),  # no such day: never guessed
    ("Thường xuyên", ("Thường xuyên", None, None)),
    ("Hằng năm", ("Hằng năm", None, None)),
    ("", None),
])
def test_a_deadline_cell(cell, expected):
    got = read_deadline(cell)
    assert (None if got is None else (got.printed, got.first, got.last)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sở Tư pháp chủ trì, hoàn thành trong Quý II/2025.", ("Quý II/2025", "2025-04-01", "2025-06-30")),
    ("báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 5 năm 2026.",
     ("trước ngày 15 tháng 5 năm 2026", None, "2026-05-15")),
    ("sửa đổi Luật Đất đai trong năm 2026;", ("trong năm 2026", "2026-01-01", "2026-12-31")),
    ("Rà soát dữ liệu (thường xuyên).", ("thường xuyên", None, None)),
    # a cited document's date, a plan's horizon, an effect date, a term: none is a deadline
    ("Thực hiện Kế hoạch số 24/KH-UBND ngày 14/8/2025 của UBND tỉnh", None),
    ("Chiến lược công tác dân tộc đến năm 2030, tầm nhìn đến năm 2045", None),
    ("để có hiệu lực từ 01 tháng 7 năm 2026", None),
    ("nhiệm kỳ Quốc hội khóa XVI (2026 - 2031)", None),
])
def test_a_deadline_in_running_text(text, expected):
    got = find_deadline(text)
    assert (None if got is None else (got.printed, got.first, got.last)) == expected


def test_lists_of_bodies_split_and_written_canonically():
    assert split_bodies("(1) Văn phòng Chính phủ (2) Bộ Công an") == ["Văn phòng Chính phủ", "Bộ Công an"]
    assert split_bodies("SỞ Y TẾ, Sở Nội vụ và UBND các xã") == ["Sở Y tế", "Sở Nội vụ", "Ủy ban nhân dân các xã"]
    assert split_bodies("Bộ Văn hóa, Thể thao và Du lịch") == ["Bộ Văn hóa, Thể thao và Du lịch"]


def seed(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def test_the_tasks_of_a_seed_plan_by_body():
    found = tasks(seed("001_e44d68029944b139.txt"))
    assert [(t.lead, t.anchor) for t in found] == [
        ("Phòng Văn hóa Thông tin", "muc-ii-3"), ("Phòng Văn hóa Thông tin", "muc-ii-3"),
        ("Phòng Giáo dục và Đào tạo", "muc-ii-5"), ("Công an huyện", "muc-ii-6"),
        ("Phòng Văn hóa và Thông tin", "muc-iii-2")]
    assert found[3].partners == ("Ban Tuyên giáo Huyện ủy", "Phòng Văn hóa Thông tin")


def test_the_tasks_of_the_seed_letter_and_its_plan():
    found = tasks(seed("004_2a738f3429698ec1.txt"))
    assert [(t.lead, t.anchor) for t in found if is_specific(t.lead)] == [
        ("Sở Thông tin và Truyền thông", "muc-1"),
        *[("Ban Tuyên giáo Tỉnh ủy", "muc-v-1")] * 5,
        ("Sở Thông tin và Truyền thông", "muc-v-5"), ("Sở Thông tin và Truyền thông", "muc-v-5"),
        ("Sở Thông tin và Truyền thông", "muc-v-5"), ("Sở Văn hóa và Thể thao", "muc-v-7"),
        ("Sở Văn hóa và Thể thao", "muc-v-7")]
    assert found[0].partners == ("Công an tỉnh", "Sở Văn hóa và Thể thao")
