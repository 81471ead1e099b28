"""Two texts -> the passages they share: copied, edited, and what is each text's own."""

from helpers import CORPUS

from indexer.compare.align import Change, Shared, align
from indexer.compare.words import tokens

CENTRAL = ("Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch "
           "trong tình hình mới.\n\n"
           "Báo chí, xuất bản phải nâng cao chất lượng thông tin tích cực, lan tỏa những gương người tốt, việc tốt.\n\n"
           "Các cấp ủy, tổ chức đảng phải quán triệt sâu sắc nghị quyết này đến toàn thể cán bộ, đảng viên và nhân "
           "dân trong cả nước.")
# A district's plan: the first passage copied (in capitals), the third edited (old tone placement `uỷ`, the
# district added, the country made the district), the rest its own: who issues it, a deadline and who reports.
LOCAL = ("Huyện ủy Ngọc Hồi ban hành kế hoạch như sau:\n\n"
         "TĂNG CƯỜNG bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch "
         "trong tình hình mới.\n\n"
         "Các cấp uỷ, tổ chức đảng trong huyện phải quán triệt sâu sắc nghị quyết này đến toàn thể cán bộ, đảng "
         "viên và nhân dân trên địa bàn.\n\n"
         "Phòng Văn hóa và Thông tin báo cáo kết quả trước ngày 15 tháng 12 hằng năm.")


def texts(found, a: str, b: str) -> list[tuple]:
    return [(s.kind, s.similarity, a[s.a[0]:s.a[1]], b[s.b[0]:s.b[1]],
             [(a[c.a[0]:c.a[1]], b[c.b[0]:c.b[1]]) for c in s.changes]) for s in found.shared]


def test_a_copied_passage_an_edited_one_and_the_plans_own_text():
    found = align(LOCAL, CENTRAL)
    assert found.shared == (
        Shared(a=(46, 164), b=(0, 118), kind="same", similarity=1.0),
        Shared(a=(166, 284), b=(225, 331), kind="edited", similarity=0.963, changes=(Change(a=(191, 202), b=(250, 250)),)),
    )
    assert texts(found, LOCAL, CENTRAL) == [
        ("same", 1.0, "TĂNG CƯỜNG bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới.",
         "Tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới.", []),
        ("edited", 0.963,
         "Các cấp uỷ, tổ chức đảng trong huyện phải quán triệt sâu sắc nghị quyết này đến toàn thể cán bộ, đảng viên và nhân dân",
         "Các cấp ủy, tổ chức đảng phải quán triệt sâu sắc nghị quyết này đến toàn thể cán bộ, đảng viên và nhân dân",
         [("trong huyện", "")]),
    ]
    # Measured in letters: the plan's heading, its ending and its last paragraph are its own.
    assert (found.a_shared, found.b_shared) == (0.6408, 0.6565)


def test_the_same_comparison_seen_from_the_other_side():
    found = align(CENTRAL, LOCAL)
    assert [(s.kind, s.a, s.b) for s in found.shared] == [("same", (0, 118), (46, 164)), ("edited", (225, 331), (166, 284))]
    assert (found.a_shared, found.b_shared) == (0.6565, 0.6408)


def test_a_moved_passage_is_found_where_it_went():
    first, second = CENTRAL.split("\n\n")[0], CENTRAL.split("\n\n")[2]
    moved = second + "\n\n" + first
    found = align(CENTRAL, moved)
    assert [(s.kind, CENTRAL[s.a[0]:s.a[1]] == moved[s.b[0]:s.b[1]]) for s in found.shared] == [("same", True)] * 2
    assert [s.b[0] for s in found.shared] == [len(second) + 2, 0]


def test_nothing_shared_and_empty_texts():
    assert align("Hải Dương, ngày 15 tháng 5 năm 2019", "Kon Tum, ngày 13 tháng 11 năm 2019").shared == ()
    assert align("", CENTRAL) == align(CENTRAL, "") == align("", "")
    assert align("", "").a_shared == 0.0


def test_seven_words_are_no_passage_eight_are():
    seven = "nâng cao chất lượng thông tin tích"
    eight = seven + " cực"
    assert align(f"Mở đầu {seven} kết", f"Khác {seven} hết").shared == ()
    assert [s.kind for s in align(f"Mở đầu {eight} kết", f"Khác {eight} hết").shared] == ["same"]


def test_whitespace_case_tones_and_markdown_marks_are_the_same_text():
    a = "**Ban Thường vụ Tỉnh uỷ** chỉ đạo các cấp ủy\nđảng thực hiện nghiêm túc, hiệu quả"
    b = "BAN THƯỜNG VỤ TỈNH ỦY chỉ đạo các   cấp ủy đảng thực hiện nghiêm túc, hiệu quả"
    assert align(a, b).shared == (Shared(a=(2, len(a)), b=(0, len(b)), kind="same", similarity=1.0),)
    assert tokens(a).keys[:5] == ["ban", "thường", "vụ", "tỉnh", "ủy"]


def test_the_seeds_000_and_001_share_the_title_of_resolution_35():
    a = (CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")
    b = (CORPUS / "001_e44d68029944b139.txt").read_text(encoding="utf-8")
    found = align(a, b)
    assert texts(found, a, b)[:4] == [
        ("same", 1.0, "Nghị quyết số 35-NQ/TW của Bộ Chính trị", "Nghị quyết số 35-NQ/TW của Bộ Chính trị", []),
        ("same", 1.0, "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh\nphản bác các quan điểm sai trái, thù địch trong tình hình mới",
         "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác\ncác quan điểm sai trái, thù địch trong tình hình mới", []),
        ("edited", 0.9048, "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị",
         "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22-10-2018 của Bộ Chính trị", [("/", "-"), ("/", "-")]),
        ("same", 1.0, "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
         "về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới", []),
    ]
    assert (len(found.shared), sum(s.kind == "same" for s in found.shared)) == (27, 17)
    assert (found.a_shared, found.b_shared) == (0.1222, 0.3186)
    assert (align(b, a).a_shared, align(b, a).b_shared) == (0.3186, 0.1222)


def test_a_passage_repeated_thousands_of_times_stays_cheap():
    sentence = "Cơ quan, đơn vị thực hiện theo quy định tại khoản 1 Điều này. "
    text = sentence * 3000  # 190 KB of one sentence
    found = align(text, sentence * 10 + text)
    assert (len(found.shared), found.a_shared) == (1, 1.0)
