"""Titles as people write them: sentence case for a title printed in capitals, names kept."""

from indexer.extract.metadata import extract
from indexer.extract.titles import person_title, tidy

# A header in capitals and its running text, as a Party provincial plan prints them.
PLAN = ("TỈNH ỦY QUẢNG NAM\n*\nSố 150-KH/TU\tĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Nam, ngày 15 tháng 5 năm 2025\n\n"
        "KẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ , ĐỔI\n"
        "MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TẠI HỘI AN VÀ TRONG CÁC CƠ QUAN NHÀ NƯỚC CỦA TỈNH QUẢNG NAM\n\n"
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch "
        "phát triển hạ tầng số tại thành phố Hội An và các cơ quan nhà nước.\n")


def test_a_title_in_capitals_is_stored_as_a_person_writes_it_and_as_printed():
    meta = extract(PLAN)[0]
    assert meta.title == ("Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công "
                          "nghệ, đổi mới sáng tạo và chuyển đổi số tại Hội An và trong các cơ quan nhà nước của tỉnh "
                          "Quảng Nam")
    assert meta.title_printed == ("THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, "
                                  "CÔNG NGHỆ , ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TẠI HỘI AN VÀ TRONG CÁC CƠ QUAN "
                                  "NHÀ NƯỚC CỦA TỈNH QUẢNG NAM")


def test_names_the_document_writes_and_names_every_document_shares():
    text = "Căn cứ Luật Đất đai; hỗ trợ khi Nhà nước thu hồi đất ở Căm-pu-chi-a và tại Lào; hạ tầng 5G, IoT."
    assert [person_title(t, text) for t in (
        "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI KHI NHÀ NƯỚC THU HỒI ĐẤT",
        "VỀ CHẾ ĐỘ ĐỐI VỚI NGƯỜI LÀM NHIỆM VỤ QUỐC TẾ Ở CĂM-PU-CHI-A, GIÚP BẠN LÀO",
        "PHÁT TRIỂN HẠ TẦNG 5G, IOT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐẮK LẮK",
        "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ, BÁO CÁO UBND CẤP HUYỆN",
        "ĐIỀU LỆ ĐẢNG VÀ CÔNG TÁC ĐẢNG VIÊN CỦA BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XIII",
        "Kế hoạch thực hiện (giai đoạn 2021 - 2025) .")] == [
        "Quy định chi tiết một số điều của Luật Đất đai khi Nhà nước thu hồi đất",
        "Về chế độ đối với người làm nhiệm vụ quốc tế ở Căm-pu-chi-a, giúp bạn Lào",
        "Phát triển hạ tầng 5G, IoT của Sở Giáo dục và Đào tạo tỉnh Đắk Lắk",
        "Thực hiện Chỉ thị số 27/CT-TTg của Thủ tướng Chính phủ về công tác dân số, báo cáo UBND cấp huyện",
        "Điều lệ Đảng và công tác đảng viên của Ban Chấp hành Trung ương khóa XIII",
        "Kế hoạch thực hiện (giai đoạn 2021 - 2025)"]


def test_a_capital_the_text_gives_a_word_once_in_a_table_cell_is_not_taken():
    text = ("Bãi bỏ văn bản của UBND tỉnh Quảng Trị (cũ) Ban hành Quy chế quản lý. Văn bản do Ủy ban nhân dân tỉnh "
            "ban hành trong lĩnh vực giáo dục và Sở Giáo dục và Đào tạo thực hiện.")
    assert person_title("BÃI BỎ VĂN BẢN DO UBND TỈNH QUẢNG TRỊ (CŨ) BAN HÀNH TRONG LĨNH VỰC GIÁO DỤC VÀ ĐÀO TẠO",
                        text) == ("Bãi bỏ văn bản do UBND tỉnh Quảng Trị (cũ) ban hành trong lĩnh vực giáo dục và "
                                  "đào tạo")


def test_the_issuer_printed_again_under_a_title_in_capitals_is_not_part_of_it():
    text = ("**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ HÀ NỘI\n--------\n|\nSố:\n70/2025/QĐ-UBND\n|\n*Hà Nội, ngày\n"
            "17 tháng 11 năm 2025*\n|\n**QUYẾT ĐỊNH**\nSỬA ĐỔI QUYẾT ĐỊNH SỐ 48/2024/QĐ-UBND CỦA\n"
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n**ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI**\n*Căn cứ Luật Giá;*\n")
    assert extract(text)[0].title == "Sửa đổi Quyết định số 48/2024/QĐ-UBND của Ủy ban nhân dân thành phố Hà Nội"


def test_a_title_in_mixed_case_is_only_tidied():
    assert person_title("về  việc triển khai Nghị quyết 57 , đổi mới về về đột phá") == (
        "về việc triển khai Nghị quyết 57, đổi mới về đột phá")
    assert tidy("nhà nhà , người người") == "nhà nhà, người người"
    assert person_title(None) is None
