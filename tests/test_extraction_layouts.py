"""Extraction on each layout of real archives, from short excerpts written in that layout."""

from indexer.extract.metadata import extract

FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "authority", "province", "date", "signer", "title")


def fields(text: str) -> list[dict]:
    return [{k: getattr(m, k) for k in FIELDS} for m in extract(text)]


def refs(text: str) -> list[tuple[str, str]]:
    return [(c.doc_type, c.ref) for m in extract(text) for c in m.citations]


LAW = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUỐC HỘI\n\nLuật số: 12/2025/QH15\n\n"
       "LUẬT\nSỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT THỐNG KÊ\n\nCăn cứ Hiến pháp;\nQuốc hội ban hành Luật sửa đổi.\n\n"
       "Điều 1. Nội dung\n\nLuật này được Quốc hội khóa XV, kỳ họp thứ 9 thông qua ngày 20 tháng 6 năm 2025.\n\n"
       "CHỦ TỊCH QUỐC HỘI\n\nTrần Thanh Mẫn\n")


def test_law_header_number_type_and_adoption_date():
    assert fields(LAW) == [dict(doc_type="Luật", number="12/2025/QH15", issuer="Quốc hội", parent_issuer=None,
                                authority=None, province=None, date="2025-06-20", signer="Trần Thanh Mẫn",
                                title="SỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT THỐNG KÊ")]


CONSOLIDATED = (
    "VĂN BẢN HỢP NHẤT - BỘ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "THÔNG TƯ\nQuy định về khám bệnh\n\nThông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015 của Bộ trưởng Bộ Y tế, "
    "có hiệu lực kể từ ngày 01 tháng 5 năm 2015, được sửa đổi, bổ sung bởi:\n"
    "Thông tư số 50/2017/TT-BYT ngày 29 tháng 12 năm 2017.\n\nCăn cứ Luật khám bệnh;\n\nĐiều 1. Phạm vi\nNội dung./.\n\n"
    "BỘ Y TẾ\n\nSố: 04/VBHN-BYT\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\nHà Nội, ngày 13 tháng 4 năm 2018\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhạm Lê Tuấn\n")


def test_consolidated_text_takes_its_own_number_date_and_certifier_from_the_end():
    assert fields(CONSOLIDATED) == [dict(
        doc_type="Văn bản hợp nhất", number="04/VBHN-BYT", issuer="Bộ Y tế", parent_issuer=None, authority=None,
        province=None, date="2018-04-13", signer="Phạm Lê Tuấn", title="Quy định về khám bệnh")]
    assert refs(CONSOLIDATED) == [("Thông tư", "05/2015/TT-BYT"), ("Thông tư", "50/2017/TT-BYT")]


JOINT = ("BỘ TÀI CHÍNH - \nBỘ Y TẾ\n\nSố: 09/2024/TTLT-BTC-BYT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 02 tháng 3 năm 2024\n\nTHÔNG TƯ LIÊN TỊCH\n"
         "Hướng dẫn quản lý kinh phí\n\nCăn cứ Nghị định số 10/2023/NĐ-CP;\n")


def test_joint_circular_names_every_issuer():
    assert fields(JOINT) == [dict(
        doc_type="Thông tư liên tịch", number="09/2024/TTLT-BTC-BYT", issuer="Bộ Tài chính, Bộ Y tế",
        parent_issuer=None, authority=None, province=None, date="2024-03-02", signer=None,
        title="Hướng dẫn quản lý kinh phí")]


LETTER = ("BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 296/BHXH-CSYT V/v hướng dẫn thanh toán chi phí khám bệnh\n"
          "Hà Nội, ngày 05 tháng 02 năm 2024\n\nKính gửi: Bảo hiểm xã hội các tỉnh.\n\nNội dung./.\n\n"
          "KT. TỔNG GIÁM ĐỐC\nPHÓ TỔNG GIÁM ĐỐC\n\nLê Văn Phúc\n")


def test_one_line_header_with_number_and_subject():
    assert fields(LETTER) == [dict(
        doc_type="Công văn", number="296/BHXH-CSYT", issuer="Bảo hiểm xã hội Việt Nam", parent_issuer=None,
        authority=None, province=None, date="2024-02-05", signer="Lê Văn Phúc",
        title="hướng dẫn thanh toán chi phí khám bệnh")]


PROVINCIAL = ("ỦY BAN NHÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nDÂN\nTỈNH BẮC NINH\n"
              "Độc lập - Tự do - Hạnh phúc\n\nSố: 15/QĐ-UBND\n\nBắc Ninh, ngày 10 tháng 01 năm 2025\n\n"
              "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nCăn cứ Luật;\n")


def test_wrapped_two_column_provincial_header():
    assert fields(PROVINCIAL) == [dict(
        doc_type="Quyết định", number="15/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Bắc Ninh", parent_issuer=None,
        authority=None, province="Bắc Ninh", date="2025-01-10", signer=None, title="Về việc phê duyệt kế hoạch")]


PARTY = ("BAN CHẤP HÀNH TRUNG ƯƠNG            ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\n"
         "Số 37-HD/BTGDVTW\n\nHà Nội, ngày 20 tháng 5 năm 2025\n\nHƯỚNG DẪN\ntuyên truyền kỷ niệm ngày thành lập\n\n"
         "I. MỤC ĐÍCH\n")


def test_party_header_keeps_the_party_number_as_printed():
    assert fields(PARTY)[0]["number"] == "37-HD/BTGDVTW"
    assert (fields(PARTY)[0]["doc_type"], fields(PARTY)[0]["title"]) == (
        "Hướng dẫn", "tuyên truyền kỷ niệm ngày thành lập")


MINISTRY_UNIT = ("BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\n-------\nSố: 1234/TCHQ-GSQL\nV/v thủ tục hải quan\n\n"
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 03 tháng 4 năm 2023\n\n"
                 "Kính gửi: Cục Hải quan các tỉnh.\n")


def test_ministry_parent_above_its_unit():
    meta = fields(MINISTRY_UNIT)[0]
    assert (meta["issuer"], meta["parent_issuer"], meta["province"], meta["title"]) == (
        "Tổng cục Hải quan", "Bộ Tài chính", None, "thủ tục hải quan")


GAZETTE = ("CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023\n3\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\nBỘ Y TẾ\n__________\n\n"
           "Số: 21/2023/TT-BYT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
           "Hà Nội, ngày 17 tháng 10 năm 2023\n\nTHÔNG TƯ1\nQuy định khung giá dịch vụ\n\nCăn cứ Nghị \n"
           "\nCÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023\n4\n\nđịnh số 75/2017/NĐ-CP;\nBộ trưởng Bộ Y tế ban hành Thông tư.\n"
           "Nội dung./.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn\n"
           "Ký bởi: Cổng Thông tin điện tử Chính phủ\nEmail: thongtinchinhphu@chinhphu.vn\nCơ quan: Văn phòng Chính phủ\n"
           "Thời gian ký: 07.11.2023 10:12:47 +07:00\n\nPHỤ LỤC\nMẫu số 01\n\nQUYẾT ĐỊNH\nVề việc cử cán bộ\n\n"
           "GIÁM ĐỐC\n\nHọ và tên\n")


def test_gazette_running_heads_stamp_footnote_and_annex_are_furniture():
    assert fields(GAZETTE) == [dict(
        doc_type="Thông tư", number="21/2023/TT-BYT", issuer="Bộ Y tế", parent_issuer=None, authority=None,
        province=None, date="2023-10-17", signer="Trần Văn Thuấn", title="Quy định khung giá dịch vụ")]
    assert refs(GAZETTE) == [("Nghị định", "75/2017/NĐ-CP")]


def test_crlf_text_reads_like_lf():
    assert fields(GAZETTE.replace("\n", "\r\n")) == fields(GAZETTE)


def test_headerless_gazette_text_takes_issuer_and_authority_from_the_preamble():
    text = ("THÔNG TƯ\nHướng dẫn kế toán\n\nCăn cứ Luật Kế toán số 88/2015/QH13;\n"
            "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn kế toán.\n")
    meta = fields(text)[0]
    assert (meta["issuer"], meta["authority"], meta["title"]) == ("Bộ Tài chính", "Bộ trưởng", "Hướng dẫn kế toán")


def test_laws_codes_broken_type_names_and_list_continuations_are_cited():
    text = ("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15; Bộ luật Dân sự số 91/2015/QH13; căn cứ Nghị \n"
            "định số 75/2014/NĐ-CP; xét Tờ trình số 2138/TTr-BCT, số 3390/TTr-BCT và số 12/TTr-BCT; "
            "Thông tư liên bộ số 03/TTLB; Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN.")
    assert refs(text) == [("Luật", "63/2025/QH15"), ("Bộ luật", "91/2015/QH13"), ("Nghị định", "75/2014/NĐ-CP"),
                          ("Tờ trình", "2138/TTr-BCT"), ("Tờ trình", "3390/TTr-BCT"), ("Tờ trình", "12/TTr-BCT"),
                          ("Thông tư liên bộ", "03/TTLB"), ("Nghị quyết liên tịch", "09/2008/NQLT-CP-UBTWMTTQVN")]


def test_junk_from_tables_and_glued_text_is_not_cited():
    text = "Bảng 2: Kế hoạch 2/Quý I; Nghị định số 142/2025/NĐ-Cpng xem Thông tư 5/Thang đo."
    assert refs(text) == []
