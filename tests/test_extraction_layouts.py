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
                                title="Sửa đổi một số điều của Luật Thống kê")]
    assert extract(LAW)[0].title_printed == "SỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT THỐNG KÊ"


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


def test_furniture_is_blanked_on_the_first_and_last_lines_as_between():
    from indexer.extract.furniture import reading_view
    text = ("12\nCÔNG BÁO/Số 5/Ngày 03-11-2023\r\n***\n**Điều 1.** Thuế1 và QH15, ngày73.\n# Mục\n  THÔNG TƯ1 \n"
            "| a | 3| b |\nKý bởi: X\nEmail: y\n(Xem tiếp Công báo số 7)\n---\n7")
    assert reading_view(text) == ("  \n" + " " * 30 + "\n   \n  Điều 1.   Thuế  và QH15, ngày  .\n  Mục\n  THÔNG TƯ  \n"
                                  "  a   3| b  \n" + " " * 9 + "\n" + " " * 8 + "\n" + " " * 24 + "\n   \n ")


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


# --- Layout families (issue 15): each excerpt written in the layout its family gives --------------------

ALL_FIELDS = FIELDS + ("partial_date", "uncertain")


def header(text: str) -> dict:
    """The first document's header fields, the draft and scan markers included."""
    meta = extract(text)[0]
    return {k: getattr(meta, k) for k in ALL_FIELDS}


PANDOC_TABLE = ("**ỦY\nBAN NHÂN DÂN **\nTỈNH QUẢNG TRỊ\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
                "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n39/2025/QĐ-UBND\n|\n*Quảng Trị, ngày\n"
                "25 tháng 11 năm 2025*\n|\n\n** **\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ PHỐI HỢP\n\n*Căn cứ Luật Tổ chức "
                "chính\nquyền địa phương;*\n")


def test_pandoc_header_table_cells_wrapped_and_number_on_its_own_line():
    assert header(PANDOC_TABLE) == dict(
        doc_type="Quyết định", number="39/2025/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Quảng Trị",
        parent_issuer=None, authority=None, province="Quảng Trị", date="2025-11-25", signer=None,
        title="Ban hành quy chế phối hợp", partial_date=None, uncertain=())


PANDOC_PARTY_RULE = ("**BAN\nCHẤP HÀNH TRUNG ƯƠNG**\n*\n|\n**ĐẢNG\nCỘNG SẢN VIỆT NAM**\n---------------\n|\n|\n"
                     "Số 383-QĐ/TW\n|\n*Hà Nội, ngày 17\ntháng 10 năm 2025*\n|\n**QUY ĐỊNH**\nVỀ CÔNG TÁC KIỂM TRA\n"
                     "-----\n- Căn cứ Điều lệ Đảng;\n")


def test_party_rule_numbered_qd_is_a_quy_dinh_of_the_central_committee():
    assert header(PANDOC_PARTY_RULE) == dict(
        doc_type="Quy định", number="383-QĐ/TW", issuer="Ban Chấp hành Trung ương", parent_issuer=None,
        authority=None, province=None, date="2025-10-17", signer=None, title="Về công tác kiểm tra",
        partial_date=None, uncertain=())


PANDOC_PARTY_OFFICE = ("BAN CHẤP HÀNH\nTRUNG ƯƠNG\n**VĂN PHÒNG**\n*****\n|\n**ĐẢNG CỘNG\nSẢN VIỆT NAM**\n"
                       "---------------\n|\n|\nSố 450-TB/VPTW\n|\n*Hà Nội, ngày\n3 tháng 12 năm 2025*\n|\n"
                       "**THÔNG BÁO KẾT LUẬN**\nCỦA THƯỜNG TRỰC BAN BÍ THƯ\nVỀ CÔNG TÁC CÁN BỘ\n**-----**\n"
                       "Ngày 1/12/2025, Thường trực Ban Bí thư đã làm việc.\n")


def test_central_party_office_is_named_under_the_central_committee():
    assert header(PANDOC_PARTY_OFFICE) == dict(
        doc_type="Thông báo", number="450-TB/VPTW", issuer="Văn phòng Trung ương Đảng",
        parent_issuer="Ban Chấp hành Trung ương", authority=None, province=None, date="2025-12-03", signer=None,
        title="Về công tác cán bộ", partial_date=None, uncertain=())


PANDOC_ESCAPES = ("ỦY BAN THƯỜNG VỤ\\\nQUỐC HỘI\\\n\\-\\-\\-\\-\\-\n\nSố: 1700/NQ-UBTVQH15\n\n"
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\nĐộc lập - Tự do - Hạnh phúc\n\n"
                  "Hà Nội, ngày 16 tháng 6 năm 2025\n\nNGHỊ QUYẾT\n\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\n\n"
                  "Căn cứ Hiến pháp;\n\n\\- Căn cứ Luật Tổ chức chính quyền địa phương;\n")


def test_pandoc_hard_breaks_do_not_split_or_reverse_the_issuer():
    assert header(PANDOC_ESCAPES) == dict(
        doc_type="Nghị quyết", number="1700/NQ-UBTVQH15", issuer="Ủy ban Thường vụ Quốc hội", parent_issuer=None,
        authority=None, province=None, date="2025-06-16", signer=None,
        title="Về việc sắp xếp các đơn vị hành chính", partial_date=None, uncertain=())


PIPE_TABLE = ("# 1414_2013_CV_TCT_preamble\n\n| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
              "Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 1414/TCT-CS V/v chính sách thuế GTGT | "
              "Hà Nội, ngày 04 tháng 5 năm 2013 |\n\nKính gửi: Cục Thuế các tỉnh.\n")


def test_flattened_pipe_table_parent_and_unit_on_one_cell_line():
    assert header(PIPE_TABLE) == dict(
        doc_type="Công văn", number="1414/TCT-CS", issuer="Tổng cục Thuế", parent_issuer="Bộ Tài chính",
        authority=None, province=None, date="2013-05-04", signer=None, title="chính sách thuế GTGT",
        partial_date=None, uncertain=())


HTML_MARKDOWN = ('<p align="center"><b>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI</b></p>\n'
                 '<p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b></p>\n'
                 '<p>Số: 10 /2025/QĐ-UBND</p>\n<p align="right"><i>Hà Nội, ngày <u>28</u> tháng <u>02</u> năm 2025'
                 '</i></p>\n<p align="center"><b>QUYẾT ĐỊNH</b></p>\n<p align="center"><b>Ban hành Quy chế làm việc'
                 '</b></p>\n<p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>\n')


def test_markdown_holding_html_is_read_as_its_text():
    assert header(HTML_MARKDOWN) == dict(
        doc_type="Quyết định", number="10/2025/QĐ-UBND", issuer="Ủy ban nhân dân thành phố Hà Nội",
        parent_issuer=None, authority=None, province="Hà Nội", date="2025-02-28", signer=None,
        title="Ban hành Quy chế làm việc", partial_date=None, uncertain=())


HTML_TABLE_DRAFT = ("<table>\n<tbody>\n<tr class=\"odd\">\n<td><p><strong>ỦY</strong> <strong>BAN NHÂN DÂN</strong></p>\n"
                    "<p><strong>TỈNH LÂM ĐỒNG</strong></p>\n<p>Số: /UBND-NC</p>\n<p>V/v góp ý dự thảo Điều lệ Hội</p>"
                    "</td>\n<td><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>\n<p><strong>Độc lập - Tự do "
                    "- Hạnh phúc</strong></p>\n<p><em>Lâm Đồng, ngày tháng 9 năm 2025</em></p></td>\n</tr>\n</tbody>\n"
                    "</table>\n\n> Kính gửi: Sở Nội vụ\n\nNội dung.\n")


def test_unsigned_draft_in_an_html_table_has_no_number_and_a_month_for_its_date():
    assert header(HTML_TABLE_DRAFT) == dict(
        doc_type="Công văn", number=None, issuer="Ủy ban nhân dân tỉnh Lâm Đồng", parent_issuer=None,
        authority=None, province="Lâm Đồng", date=None, signer=None, title="góp ý dự thảo Điều lệ Hội",
        partial_date="2025-09", uncertain=())


TAB_COLUMNS = ("ỦY BAN NHÂN DÂN \nTỈNH BÌNH DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
               "Số:           /TB-UBND\t         Thủ Dầu Một, ngày        tháng 12 năm 2024\n\nTHÔNG BÁO\n"
               "Kết luận của Chủ tịch tại cuộc họp\nCăn cứ Quy chế làm việc;\n")


def test_tab_separated_columns_and_a_blank_draft_number():
    assert header(TAB_COLUMNS) == dict(
        doc_type="Thông báo", number=None, issuer="Ủy ban nhân dân tỉnh Bình Dương", parent_issuer=None,
        authority=None, province="Bình Dương", date=None, signer=None, title="Kết luận của Chủ tịch tại cuộc họp",
        partial_date="2024-12", uncertain=())


PDF_LAYOUT = (" UBND TỈNH BÌNH THUẬN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n       SỞ NỘI VỤ                   "
              "      Độc lập – Tự do – Hạnh phúc\n     Số: 108 /TTr-SNV                   Bình Thuận, ngày 12          "
              "  tháng 3 năm 2025\n\n                              TỜ TRÌNH\n        Về việc công nhận Điều lệ Quỹ\n\n"
              "                      Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n")


def test_pdftotext_layout_columns_side_by_side_and_a_unit_under_its_committee():
    assert header(PDF_LAYOUT) == dict(
        doc_type="Tờ trình", number="108/TTr-SNV", issuer="Sở Nội vụ tỉnh Bình Thuận",
        parent_issuer="Ủy ban nhân dân tỉnh Bình Thuận", authority=None, province="Bình Thuận",
        date="2025-03-12", signer=None, title="Về việc công nhận Điều lệ Quỹ", partial_date=None, uncertain=())


PDF_PARTY = ("   BAN CHẤP HÀNH TRUNG ƯƠNG                                   ĐẢNG CỘNG SẢN VIỆT NAM\n         BAN TỔ CHỨC\n"
             "                 *                                      Hà Nội, ngày 29 tháng 9 năm 2025\n"
             "        Số 38 - HD/BTCTW\n\n                                HƯỚNG DẪN\n"
             "                      nghiệp vụ công tác đảng viên\n                                 -----\n"
             "    Căn cứ Điều lệ Đảng,\n")


def test_party_board_under_the_central_committee_and_party_number_with_spaces():
    assert header(PDF_PARTY) == dict(
        doc_type="Hướng dẫn", number="38-HD/BTCTW", issuer="Ban Tổ chức Trung ương",
        parent_issuer="Ban Chấp hành Trung ương", authority=None, province=None, date="2025-09-29", signer=None,
        title="nghiệp vụ công tác đảng viên", partial_date=None, uncertain=())


PDF_PARTY_CITY = ("       THÀNH UỶ HÀ NỘI                    ĐẢNG CỘNG SẢN VIỆT NAM\n          BAN TỔ CHỨC\n"
                  "                *                       Hà Nội, ngày        tháng 8 năm 2025\n"
                  "       Số     - HD/BTCTU\n\n                               HƯỚNG DẪN\n"
                  "                 Nghiệp vụ công tác tổ chức đảng\n      - Căn cứ Điều lệ Đảng,\n")


def test_unnumbered_copy_of_a_city_party_board():
    assert header(PDF_PARTY_CITY) == dict(
        doc_type="Hướng dẫn", number=None, issuer="Ban Tổ chức Thành ủy Hà Nội", parent_issuer="Thành ủy Hà Nội",
        authority=None, province="Hà Nội", date=None, signer=None, title="Nghiệp vụ công tác tổ chức đảng",
        partial_date="2025-08", uncertain=())


TESSERACT = ("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nCơ quan: Tỉnh Quảng Ngãi\nTRUNG TÂM CÔNG Thời gian ký: 05/01/2024\n"
             "»\\À BÁO VÀ TIN HỌC\nttcbth@quangngai.gov.vn\n\n"
             "UỶ BAN NHẪN DÂN CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n07:00\n\nTĨNH QUANG NGAI ằ Độc lập - Tự do - Hạnh phúc\n"
             "Số: Ø2  /CT-UBND Quảng Ngãi, ngày 1Š thángØ3 năm 2024\nCHÍ THỊ\n\nVề việc tăng cường phòng, chống thiên tai\n\n"
             "Thực hiện Chỉ thị của Thủ tướng,\n")


def test_tesseract_header_interleaved_with_misread_capitals_and_digits():
    assert header(TESSERACT) == dict(
        doc_type="Chỉ thị", number="02/CT-UBND", issuer="Ủy ban nhân dân tỉnh Quảng Ngãi", parent_issuer=None,
        authority=None, province="Quảng Ngãi", date=None, signer=None, title="Về việc tăng cường phòng, chống thiên tai",
        partial_date="2024-03", uncertain=("date",))


def test_tesseract_number_with_no_single_reading_is_left_out_and_marked():
    text = TESSERACT.replace("Ø2  /CT-UBND", "4Š /QĐ-UBND").replace("CHÍ THỊ", "QUYÉT ĐỊNH").replace(
        "1Š thángØ3", "I5 tháng 0l")
    meta = header(text)
    assert (meta["doc_type"], meta["number"], meta["date"], meta["uncertain"]) == (
        "Quyết định", None, "2024-01-15", ("number",))


SPACED_LETTERS = ("| ỦY B AN NHÂN D Â N T ỈNH SƠN L A ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                  "--------------- |\n|---|---|\n| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |\n\n"
                  "QUYẾT ĐỊNH\n\nVề việc phê duyệt danh mục\n\nCăn cứ Luật;\n")


def test_letters_spaced_apart_by_justified_pdf_text_are_read_as_the_name_they_spell():
    meta = header(SPACED_LETTERS)
    assert (meta["issuer"], meta["number"], meta["date"]) == ("Ủy ban nhân dân tỉnh Sơn La", "254/QĐ-UBND", "2023-02-17")


def test_every_type_heading_of_the_decrees_and_long_headings():
    def doc_type(heading: str) -> str | None:
        return header(f"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nVĂN PHÒNG\n\n{heading}\n\nKính gửi: Lãnh đạo\n")["doc_type"]

    assert [doc_type(h) for h in ("PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC", "GIẤY MỜI", "TỜ TRÌNH", "THÔNG CÁO",
                                  "KẾ HOẠCH, NHIỆM VỤ", "BÁO CÁO CÔNG TÁC TUẦN 02 THÁNG 6")] == [
        "Phiếu trình", "Giấy mời", "Tờ trình", "Thông cáo", "Kế hoạch", "Báo cáo"]


def test_issuer_facet_of_every_layout_is_a_body_never_the_motto():
    texts = (PANDOC_TABLE, PANDOC_PARTY_RULE, PANDOC_PARTY_OFFICE, PANDOC_ESCAPES, PIPE_TABLE, HTML_MARKDOWN,
             HTML_TABLE_DRAFT, TAB_COLUMNS, PDF_LAYOUT, PDF_PARTY, PDF_PARTY_CITY, TESSERACT, SPACED_LETTERS)
    issuers = {extract(t)[0].issuer for t in texts}
    assert sorted(issuers) == [
        "Ban Chấp hành Trung ương", "Ban Tổ chức Thành ủy Hà Nội", "Ban Tổ chức Trung ương", "Sở Nội vụ tỉnh Bình Thuận",
        "Tổng cục Thuế", "Văn phòng Trung ương Đảng", "Ủy ban Thường vụ Quốc hội", "Ủy ban nhân dân thành phố Hà Nội",
        "Ủy ban nhân dân tỉnh Bình Dương", "Ủy ban nhân dân tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Sơn La"]


def test_central_body_whose_last_line_was_lost_is_completed_from_its_number_code():
    text = ("| ỦY BAN THƯỜNG VỤ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------- |\n"
            "|---|---|\n| Số: 494/NQ-UBTVQH13 | Hà Nội, ngày 18 tháng 5 năm 2012 |\n\nNGHỊ QUYẾT\n\nVề việc phê chuẩn\n")
    meta = header(text)
    assert (meta["issuer"], meta["province"], meta["doc_type"]) == ("Ủy ban Thường vụ Quốc hội", None, "Nghị quyết")


PAGE_MODEL_TABLE = ("| ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN<br>——— | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - "
                    "Hạnh phúc |\n| --- | --- |\n| Số: <b>215</b>/QĐ-UBND | <i>Nghệ An, ngày <u>05</u> tháng <u>3</u> năm "
                    "2025</i> |\n\n## QUYẾT ĐỊNH\n\n**Về việc thành lập Hội đồng thẩm định**\n\nCăn cứ Luật;\n")


def test_page_model_markdown_table_with_html_inside_its_cells():
    assert header(PAGE_MODEL_TABLE) == dict(
        doc_type="Quyết định", number="215/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh Nghệ An", parent_issuer=None,
        authority=None, province="Nghệ An", date="2025-03-05", signer=None,
        title="Về việc thành lập Hội đồng thẩm định", partial_date=None, uncertain=())


def test_peoples_council_and_its_standing_committee():
    council = ("HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc\n"
               "Số: 88/2024/NQ-HĐND\tHà Tĩnh, ngày 12 tháng 7 năm 2024\n\nNGHỊ QUYẾT\nQuy định mức chi\n\nCăn cứ Luật;\n")
    standing = ("HĐND TỈNH HÀ TĨNH\nTHƯỜNG TRỰC\n\nSố: 301/TB-HĐND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n\nHà Tĩnh, ngày 3 tháng 8 năm 2024\n\nTHÔNG BÁO\nKết luận phiên họp\n")
    assert [(m["issuer"], m["parent_issuer"], m["doc_type"]) for m in (header(council), header(standing))] == [
        ("Hội đồng nhân dân tỉnh Hà Tĩnh", None, "Nghị quyết"),
        ("Thường trực Hội đồng nhân dân tỉnh Hà Tĩnh", "Hội đồng nhân dân tỉnh Hà Tĩnh", "Thông báo")]


def test_national_assembly_above_its_standing_committee_is_one_body():
    text = ("QUỐC HỘI\nỦY BAN THƯỜNG VỤ\n\nSố: 12/2024/UBTVQH15\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 5 tháng 2 năm 2024\n\nNGHỊ QUYẾT\nQuy định chi tiết\n")
    meta = header(text)
    assert (meta["issuer"], meta["parent_issuer"]) == ("Ủy ban Thường vụ Quốc hội", "Quốc hội")


def test_province_is_the_one_the_issuer_names_not_the_one_the_text_names_most():
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 77/QĐ-UBND\tLâm Đồng, ngày 2 tháng 9 năm 2025\n\nQUYẾT ĐỊNH\nĐổi tên Hội Khuyến học tỉnh Bình Thuận\n\n"
            "Căn cứ đề nghị của Hội Khuyến học tỉnh Bình Thuận, Quỹ tỉnh Bình Thuận, Sở Nội vụ tỉnh Bình Thuận;\n")
    assert header(text)["province"] == "Lâm Đồng"


def test_motto_misread_beyond_repair_still_ends_the_issuer():
    text = ("UỶ BAN NHÂN DÂN CỌNG HOÀ XÃ HỘI CHỦ NGHIA VIỆT NAMI\nTỈNH GIA LAI Độc lập - Tự do - Hạnh phúc\n"
            "Số: 318/QĐ-UBND Gia Lai, ngày 14 tháng 5 năm 2024\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n")
    meta = header(text)
    assert (meta["issuer"], meta["number"], meta["date"]) == ("Ủy ban nhân dân tỉnh Gia Lai", "318/QĐ-UBND", "2024-05-14")
