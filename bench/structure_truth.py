"""What bench/structure.py compares with, read by hand from the texts of its sample (`structure.sample()`).

LEGAL: a legal text's own articles (those of its text and of a text issued with it: a decision's `Quy định`,
`Điều lệ`; never those an amendment quotes, a footnote reprints, or a form in an appendix holds), and the
heading of its first and last article. A heading is the words after the label (`Phạm vi điều chỉnh`); an
article with no title is known by its first sentence, written here cut with `…` (compared as a prefix).
Numbers as printed: a law that prints `Điều 52` twice has both.

PLANS: `sections`, the top-level parts as (label, heading), a text issued with the document opened into its
own (`Chương trình hành động/I`); `tasks`, every task whose lead names one body (not `Các sở, ban, ngành`,
`UBND các xã`, `Đảng ủy cơ sở`): (a phrase found once in the text and inside the task, the lead's name as
printed or written out, the deadline as (printed, first day, last day) or None). A task is a point or dash
item under a body's part (`2. Sở X` / `a) ...`), an item whose subject is the body, the text before a block
of labelled fields, a table row, a point under `Nội dung` when sibling parts name `Cơ quan chủ trì` and
`Thời gian thực hiện`. When several bodies lead together the first is the lead. A deadline is the first one
the task states (`hoàn thành trong quý II năm 2026`), never a cited document's date nor a period a plan is
about (`đến năm 2030`). Not counted: tasks in a PDF text layer's table (the layer keeps no table), reports
already made (`Bộ Tài chính báo cáo về ...` at a meeting), requests (`Đề nghị ...`).

Personal names in the texts are never copied here.
"""

_SENTENCE = "…"  # marks a heading given as the start of an article's first sentence

LEGAL = {
    "congbao:luat-so-51-2024-qh15-43559": {
        "articles": 3, "first": "Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế",
        "last": "Điều khoản thi hành"},
    "congbao:van-ban-hop-nhat-so-47-vbhn-vpqh-41398": {
        "articles": 55, "first": "Phạm vi điều chỉnh và đối tượng áp dụng",
        "last": "Quy định chi tiết và hướng dẫn thi hành"},
    "congbao:thong-tu-so-13-2026-tt-nhnn-469590": {
        "articles": 15, "first": "Sửa đổi, bổ sung Điều 4", "last": "Trách nhiệm tổ chức thực hiện"},
    "congbao:thong-tu-so-14-2023-tt-bldtbxh-41170": {
        "articles": 3, "first": "Ban hành kèm theo Thông tư này danh mục thiết bị đào tạo tối thiểu" + _SENTENCE,
        "last": "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ" + _SENTENCE},
    "congbao:van-ban-hop-nhat-so-605-vbhn-bldtbxh-41352": {
        "articles": 6, "first": "Phạm vi điều chỉnh", "last": "Điều khoản thi hành"},
    "congbao:thong-tu-so-16-2022-tt-bldtbxh-37863": {
        "articles": 3, "first": "Ban hành kèm theo Thông tư này Chương trình đào tạo về nghiệp vụ" + _SENTENCE,
        "last": "Trách nhiệm thi hành"},
    "congbao:nghi-dinh-so-147-2026-nd-cp-469496": {
        "articles": 14, "first": "Phạm vi điều chỉnh", "last": "Trách nhiệm thi hành"},
    "congbao:nghi-quyet-so-22-2026-nq-cp-469469": {
        "articles": 6, "first": "Phạm vi điều chỉnh", "last": "Hiệu lực thi hành"},
    "congbao:thong-tu-so-18-2021-tt-bnnptnt-36440": {
        "articles": 3, "first": "Bãi bỏ toàn bộ 15 văn bản quy phạm pháp luật", "last": "Điều khoản thi hành"},
    "congbao:thong-tu-so-52-2026-tt-btc-469527": {
        "articles": 10, "first": "Phạm vi điều chỉnh", "last": "Điều khoản thi hành"},
    "congbao:thong-tu-so-06-2023-tt-bkhdt-40164": {
        "articles": 5, "first": "Phạm vi điều chỉnh", "last": "Hiệu lực thi hành"},
    "congbao:thong-tu-so-21-2022-tt-bkhdt-38037": {
        "articles": 5, "first": "Phạm vi điều chỉnh", "last": "Tổ chức thực hiện"},
    "catngan-73531aa3": {
        "articles": 3, "first": "Sắp xếp các đơn vị hành chính cấp xã của tỉnh Nghệ An", "last": "Tổ chức thực hiện"},
    "ocrqn-8553d386": {
        "articles": 3, "first": "Công nhận địa bàn trọng điểm, phức tạp về TTATXH" + _SENTENCE,
        "last": "Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh" + _SENTENCE},
    "ocrqn-0358e307": {
        "articles": 5, "first": "Phê duyệt nội dung Kế hoạch Ứng phó sự cố tràn dầu" + _SENTENCE,
        "last": "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở" + _SENTENCE},
    "ocrqn-60a29833": {
        "articles": 3, "first": "Nay phê duyệt, thu hồi đất đai và giao quyền sử dụng đất ở" + _SENTENCE,
        "last": "Các ông: Chánh văn phòng UBND tỉnh" + _SENTENCE},
    "congbot-ee5e6d41": {
        "articles": 9, "first": "Ban hành kèm theo Quyết định này Quy định về việc tặng quà" + _SENTENCE,
        "last": "Quy định này được phổ biến rộng rãi đến các cơ quan, ban, ngành, địa phương trong tỉnh"},
    "congbot-16244a1b": {
        "articles": 3, "first": "Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bảo vệ bí mật nhà nước"
                                " năm 2023",
        "last": "Chánh Văn phòng Uỷ ban nhân dân tỉnh; Giám đốc Công an tỉnh" + _SENTENCE},
    "congbot-60bdeb9c": {
        "articles": 4, "first": "Tán thành cơ bản nội dung Báo cáo kết quả giám sát" + _SENTENCE,
        "last": "Nghị quyết này có hiệu lực thi hành kể từ ngày ký"},
    "congbot-b4363528": {
        "articles": 3, "first": "Thực hiện chế độ điều dưỡng luân phiên 02 năm một lần" + _SENTENCE,
        "last": "Chánh Văn phòng Ủy ban nhân dân Thành phố" + _SENTENCE},
    "qlvbqh-bc77bcb7": {
        "articles": 15, "first": "Ban hành kèm theo quyết định này “Quy định về quản lý, cung cấp" + _SENTENCE,
        "last": "Sửa đổi, bổ sung quy định"},
    "qlvbqh-14f7d09a": {
        "articles": 78, "first": "Phạm vi điều chỉnh", "last": "Quy định chi tiết và hướng dẫn thi hành"},
    "vbai-2fed55a3": {
        "articles": 3, "first": "Phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh Bình Thuận" + _SENTENCE,
        "last": "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp" + _SENTENCE},
    "vbai-965e6828": {
        "articles": 3,
        "first": "Phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Doanh nghiệp tỉnh Bình Thuận" + _SENTENCE,
        "last": "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ" + _SENTENCE},
    "vbai-d1bcd9ae": {
        "articles": 31, "first": "Công nhận Điều lệ (sửa đổi, bổ sung) lần thứ 1 của Quỹ" + _SENTENCE,
        "last": "Hiệu lực thi hành"},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/01bf9d04a5b9e2c8.md": {
        "articles": 16, "first": "Ban hành kèm theo Quyết định này Quy định thực hiện nếp sống văn minh" + _SENTENCE,
        "last": "Khen thưởng và xử lý vi phạm"},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/15decdf210c22d70.md": {
        "articles": 4, "first": "Sửa đổi, bổ sung một số nội dung tại mục II Phần 2 Định mức" + _SENTENCE,
        "last": "Quyết định này có hiệu lực kể từ ngày ký"},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/4e39af96b6891368.md": {
        "articles": 2,
        "first": "Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Tổng kiểm kê" + _SENTENCE,
        "last": "Giám đốc Sở Tài chính; Thủ trưởng các sở, ban, ngành" + _SENTENCE},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/83652dd19c6fef24.md": {
        "articles": 3, "first": "Bãi bỏ các văn bản quy phạm pháp luật do UBND tỉnh Quảng Bình" + _SENTENCE,
        "last": "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Xây dựng" + _SENTENCE},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/b1ce4a2380c2c8e3.md": {
        "articles": 7, "first": "Phạm vi điều chỉnh", "last": "Điều khoản thi hành"},
    "TuanHuu168/CongBot:data/16_2010_QD_UBND/": {
        "articles": 5, "first": "Quy định cụ thể một số chính sách về bồi thường, hỗ trợ tái định cư" + _SENTENCE,
        "last": "Chánh Văn phòng Ủy ban nhân dân tỉnh; Thủ trưởng các Sở, Ban, Ngành" + _SENTENCE},
}

_Q2_2026 = ("quý II năm 2026", "2026-04-01", "2026-06-30")
_MAY_2026 = ("tháng 5 năm 2026", "2026-05-01", "2026-05-31")
_ALWAYS = ("Thường xuyên", None, None)

PLANS = {
    "congbao:nghi-quyet-so-113-nq-cp-469448": {
        "sections": [("Điều 1", "Các chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán" + _SENTENCE),
                     ("Điều 2", "Tổ chức thực hiện")],
        "tasks": [
            ("giao Bảo hiểm xã", "Bảo hiểm xã hội Việt Nam", None),
            ("thanh toán giai đoạn năm 2019-2022", "Bảo hiểm xã hội Việt Nam", None),
            ("Giao Bộ Y tế, Bộ Tài chính", "Bộ Y tế", None),
            ("Bộ Tài chính chỉ đạo Bảo hiểm", "Bộ Tài chính", ("trước ngày 01 tháng 5 năm 2026", None, "2026-05-01")),
            ("Bộ Y tế chịu trách nhiệm về việc tổng hợp", "Bộ Y tế", None),
        ]},
    "congbao:nghi-quyet-so-100-nq-cp-469357": {
        "sections": [("Điều 1", "Ban hành kèm theo Nghị quyết này Chương trình hành động" + _SENTENCE),
                     ("Điều 2", "Nghị quyết này có hiệu lực kể từ ngày ký ban hành"),
                     ("Điều 3", "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ" + _SENTENCE),
                     ("Chương trình hành động", "CỦA CHÍNH PHỦ thực hiện Chỉ thị số 49-CT/TW" + _SENTENCE),
                     ("Chương trình hành động/I", "MỤC TIÊU"),
                     ("Chương trình hành động/II", "NHIỆM VỤ CỤ THỂ"),
                     ("Chương trình hành động/III", "TỔ CHỨC THỰC HIỆN"),
                     ("Phụ lục", "DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG" + _SENTENCE)],
        "tasks": [
            ("Bộ Ngoại giao chủ trì, phối hợp với các Bộ, ngành, địa phương theo dõi", "Bộ Ngoại giao", None),
            ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương, Bộ Tài chính tổng hợp", "Bộ Tài chính", None),
        ]},
    "congbao:quyet-dinh-so-982-qd-ttg-469699": {
        "sections": [("Điều 1", "Phê duyệt Đề án hỗ trợ, phát triển các doanh nghiệp công nghệ số" + _SENTENCE),
                     ("Điều 2", "Tổ chức thực hiện"), ("Điều 3", "Điều khoản thi hành"),
                     ("Phụ lục", "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM CỦA ĐỀ ÁN" + _SENTENCE)],
        "tasks": [
            ("a) Chủ trì tổ chức triển khai các nhiệm vụ", "Bộ Khoa học và Công nghệ", None),
            ("b) Bộ Khoa học và Công nghệ phối hợp các bộ", "Bộ Khoa học và Công nghệ",
             ("trước ngày 25 tháng 12 hằng năm", None, None)),
            ("c) Thực hiện chức năng quản lý, điều phối", "Bộ Khoa học và Công nghệ", None),
            ("d) Nghiên cứu, đề xuất sửa đổi quy định", "Bộ Khoa học và Công nghệ", None),
            ("đ) Nghiên cứu, đề xuất các chính sách hỗ trợ", "Bộ Khoa học và Công nghệ", None),
            ("e) Phối hợp với Bộ Tài chính và các bộ", "Bộ Khoa học và Công nghệ", None),
            ("g) Chịu trách nhiệm theo quy định", "Bộ Khoa học và Công nghệ", None),
            ("a) Trên cơ sở đề xuất của Bộ Khoa học", "Bộ Tài chính", None),
            ("Chương trình phát triển 1.000 doanh nghiệp", "Bộ Tài chính", None),
            ("Đồng chủ trì với Bộ Khoa học và Công nghệ", "Bộ Ngoại giao", None),
            ("a) Chỉ đạo hệ thống Thương vụ", "Bộ Công Thương", None),
            ("Chương trình vươn ra thị trường quốc tế", "Bộ Công Thương", None),
        ]},
    "congbao:nghi-quyet-so-122-nq-cp-469492": {
        "sections": [("I", "Về quan điểm, định hướng chỉ đạo, điều hành"),
                     ("II", "Về tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm 2026"),
                     ("III", "Về việc báo cáo Chính phủ theo quy định tại khoản 4 Điều 3" + _SENTENCE),
                     ("Phụ lục", "NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG" + _SENTENCE)],
        "tasks": [
            ("Theo dõi, đôn đốc, tổng hợp báo cáo kế h", "Bộ Tài chính", None),
            ("Tăng cường thực hiện đồng bộ, hiệu quả c", "Bộ Tài chính", None),
            ("Nghiên cứu, báo cáo cấp có thẩm quyền cơ", "Bộ Tài chính", None),
            ("Theo dõi, đôn đốc và phối hợp chặt chẽ v", "Bộ Tài chính", None),
            ("Hoàn thiện phương án đẩy mạnh sắp xếp, c", "Bộ Tài chính", _MAY_2026),
            ("Chủ động xây dựng Chương trình hành động", "Bộ Tài chính", None),
            ("Khẩn trương nghiên cứu phương án chấm đi", "Bộ Tài chính",
             ("trước ngày 15 tháng 5 năm 2026", None, "2026-05-15")),
            ("Đề xuất phương án xử lý đối với kế hoạch", "Bộ Tài chính", _MAY_2026),
            ("Bộ trưởng Bộ Tài chính - Phó Trưởng Ban", "Bộ Tài chính", None),
            ("Trong quý II năm 2026, nghiên cứu, ban h", "Bộ Tài chính", _Q2_2026),
            ("Khẩn trương báo cáo Chính phủ trong thán", "Bộ Tài chính", _MAY_2026),
            ("Đẩy mạnh các giải pháp để phát triển mạn", "Bộ Tài chính", None),
            ("Rà soát, hoàn thiện kịch bản tăng trưởng", "Bộ Tài chính",
             ("trước ngày 15 tháng 5 năm 2026", None, "2026-05-15")),
            ("Khẩn trương hoàn thiện Báo cáo tổng thể,", "Bộ Tài chính",
             ("trước ngày 11 tháng 5 năm 2026", None, "2026-05-11")),
            ("Chủ động nắm bắt tình hình, diễn biến th", "Ngân hàng Nhà nước Việt Nam", None),
            ("Điều hành tăng trưởng tín dụng ở mức phù", "Ngân hàng Nhà nước Việt Nam", None),
            ("Khẩn trương rà soát, nghiên cứu sửa đổi,", "Ngân hàng Nhà nước Việt Nam", None),
            ("Xây dựng Đề án tiếp tục hiện đại hóa hệ", "Ngân hàng Nhà nước Việt Nam", _Q2_2026),
            ("Phát triển thị trường trong nước, kích c", "Bộ Công Thương", None),
            ("Theo dõi sát diễn biến tình hình trong n", "Bộ Công Thương", None),
            ("Tập trung đa dạng hóa nguồn nhập khẩu xă", "Bộ Công Thương",
             ("tháng 6 năm 2026", "2026-06-01", "2026-06-30")),
            ("Quản lý phụ tải, đầu tư thiết bị lưu trữ", "Bộ Công Thương", None),
            ("Tăng cường kiểm tra, kiểm soát thị trườn", "Bộ Công Thương", None),
            ("Khẩn trương hoàn thiện Chiến lược quốc g", "Bộ Công Thương", _MAY_2026),
            ("Chủ trì đẩy nhanh tiến độ đàm phán thuế", "Bộ Công Thương", None),
            ("Tập trung, khẩn trương xây dựng, trình C", "Bộ Nông nghiệp và Môi trường", None),
            ("Thực hiện nghiêm Công điện số 34/CĐ-TTg", "Bộ Nông nghiệp và Môi trường", None),
            ("Chủ động theo dõi, cập nhật thông tin, d", "Bộ Nông nghiệp và Môi trường", None),
            ("Khẩn trương báo cáo Chính phủ để trình Q", "Bộ Nông nghiệp và Môi trường",
             ("trong năm 2026", "2026-01-01", "2026-12-31")),
            ("Khẩn trương hoàn thiện, trình cấp có thẩ", "Bộ Nông nghiệp và Môi trường", None),
            ("Theo dõi chặt chẽ diễn biến thời tiết, t", "Bộ Nông nghiệp và Môi trường", None),
            ("Thực hiện có hiệu quả các giải pháp bảo", "Bộ Nông nghiệp và Môi trường", None),
            ("Nghiên cứu việc chuyển các vườn quốc gia", "Bộ Nông nghiệp và Môi trường", None),
            ("Khẩn trương trình Chính phủ Nghị định sử", "Bộ Xây dựng", _MAY_2026),
            ("Nghiên cứu kỹ Kết luận số 18-KL/TW để cậ", "Bộ Xây dựng", None),
            ("Chỉ đạo các cơ quan, đơn vị, nhà thầu tậ", "Bộ Xây dựng", None),
            ("Chủ động đôn đốc, phối hợp với địa phươn", "Bộ Xây dựng",
             ("trước ngày 10 tháng 5 năm 2026", None, "2026-05-10")),
            ("Nghiên cứu tái cấu trúc sản phẩm, dịch v", "Bộ Văn hóa, Thể thao và Du lịch", _Q2_2026),
            ("Nâng cao chất lượng nguồn nhân lực ngành", "Bộ Văn hóa, Thể thao và Du lịch", None),
            ("Khẩn trương nghiên cứu, định hướng phát", "Bộ Văn hóa, Thể thao và Du lịch", None),
            ("Tăng cường kiểm tra chuyên ngành đối với", "Bộ Văn hóa, Thể thao và Du lịch", None),
            ("Nghiên cứu, xây dựng cơ chế, chính sách", "Bộ Văn hóa, Thể thao và Du lịch", None),
            ("Khẩn trương hoàn thiện trình Chính phủ,", "Bộ Khoa học và Công nghệ", None),
            ("Chủ trì, phối hợp với Bộ Tài chính hoàn", "Bộ Khoa học và Công nghệ", None),
            ("Chủ trì, phối hợp với Bộ Ngoại giao, Bộ", "Bộ Khoa học và Công nghệ", None),
            ("Khẩn trương hoàn thiện hồ sơ, báo cáo Th", "Bộ Y tế", None),
            ("Chủ trì, phối hợp với các Bộ: Xây dựng,", "Bộ Y tế", _Q2_2026),
            ("Khẩn trương bổ sung, hoàn thiện hồ sơ, t", "Bộ Giáo dục và Đào tạo", None),
            ("Nghiên cứu, xây dựng chương trình thu hú", "Bộ Giáo dục và Đào tạo", _Q2_2026),
            ("Khẩn trương rà soát lại nội dung, thể th", "Bộ Giáo dục và Đào tạo", None),
            ("Trình Thủ tướng Chính phủ xem xét, ban h", "Bộ Giáo dục và Đào tạo",
             ("trước ngày 10 tháng 5 năm 2026", None, "2026-05-10")),
            ("Bảo đảm tiến độ thi công các trường phổ", "Bộ Giáo dục và Đào tạo", None),
            ("Hướng dẫn, theo dõi, đôn đốc việc sơ kết", "Bộ Nội vụ", None),
            ("Khẩn trương rà soát, hoàn thiện chức năn", "Bộ Nội vụ", _Q2_2026),
            ("Chủ trì, phối hợp với các bộ, cơ quan li", "Bộ Nội vụ", None),
            ("Theo dõi, đôn đốc việc xây dựng, hoàn th", "Bộ Tư pháp", None),
            ("Theo dõi, đôn đốc tình hình xây dựng, ba", "Bộ Tư pháp", None),
            ("Chủ động phối hợp với các bộ, cơ quan li", "Bộ Tư pháp", None),
            ("Rà soát, xây dựng, trình Thủ tướng Chính", "Bộ Tư pháp", None),
            ("Tiếp tục duy trì nghiêm chế độ trực sẵn", "Bộ Quốc phòng", None),
            ("Tăng cường quản lý biên giới; kiểm soát", "Bộ Quốc phòng", None),
            ("Tăng cường tuyên truyền, kiên quyết xua", "Bộ Quốc phòng", None),
            ("Chỉ đạo Công an các đơn vị, địa phương t", "Bộ Công an", None),
            ("Tích cực thực hiện vai trò Cơ quan Thườn", "Bộ Công an",
             ("trước ngày 15 tháng 5 năm 2026", None, "2026-05-15")),
            ("Hoàn thành xây dựng trung tâm dữ liệu qu", "Bộ Công an",
             ("quý III năm 2026", "2026-07-01", "2026-09-30")),
            ("Nắm chắc diễn biến xung đột quân sự tại", "Bộ Ngoại giao", None),
            ("Bảo đảm chuẩn bị tốt các hoạt động đối n", "Bộ Ngoại giao", _MAY_2026),
            ("Chỉ đạo các Cơ quan đại diện Việt Nam ở", "Bộ Ngoại giao", None),
            ("Hoàn thiện dự thảo Chỉ thị của Thủ tướng", "Bộ Dân tộc và Tôn giáo", None),
            ("Hoàn thiện hồ sơ Nghị định của Chính phủ", "Bộ Dân tộc và Tôn giáo", _MAY_2026),
            ("Tham mưu, phối hợp chặt chẽ với các bộ,", "Bộ Dân tộc và Tôn giáo", None),
            ("Khẩn trương xây dựng kế hoạch giám sát,", "Thanh tra Chính phủ", None),
            ("Khẩn trương trình 06 Nghị định hướng dẫn", "Thanh tra Chính phủ", None),
            ("Bộ Công an, Bộ Quốc phòng khẩn trương", "Bộ Công an", None),
            ("Bộ Xây dựng, Bộ Khoa học và Công nghệ, c", "Bộ Xây dựng", _MAY_2026),
        ]},
    "congbao:quyet-dinh-so-892-qd-ttg-469579": {
        "sections": [("Điều 1", "Phê duyệt “Đề án bồi dưỡng cán bộ, công chức, viên chức" + _SENTENCE),
                     ("Điều 2", "Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành"),
                     ("Điều 3", "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ" + _SENTENCE)],
        "tasks": [
            ("a) Chủ trì, phối hợp tổ chức thực hiện các", "Bộ Ngoại giao", None),
            ("b) Chủ trì xây dựng chương trình, tài liệu", "Bộ Ngoại giao", None),
            ("c) Hướng dẫn, theo dõi, đôn đốc, kiểm tra v", "Bộ Ngoại giao", None),
            ("d) Tổng hợp, báo cáo Thủ tướng Chính phủ", "Bộ Ngoại giao", None),
            ("đ) Tổ chức đánh giá, sơ kết, tổng kết", "Bộ Ngoại giao", None),
            ("Bộ Nội vụ phối hợp với Bộ Ngoại giao", "Bộ Nội vụ", None),
            ("Bộ Tài chính bố trí kinh phí thực hiện", "Bộ Tài chính", None),
        ]},
    "congbao:quyet-dinh-so-1373-qd-bkhdt-37639": {
        "sections": [("Điều 1", "Đính chính lỗi kỹ thuật tại Thông tư số 10/2022/TT-BKHĐT" + _SENTENCE),
                     ("Điều 2", "Quyết định này có hiệu lực kể từ ngày 01 tháng 8 năm 2022" + _SENTENCE),
                     ("Điều 3", "Cục trưởng Cục Quản lý đấu thầu" + _SENTENCE)],
        "tasks": []},
    "ocrqn-0f2af2ac": {
        "sections": [("1", "Cục Thuế tỉnh"), ("2", "Sở Thông tin và Truyền thông" + _SENTENCE),
                     ("3", "Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Ngãi" + _SENTENCE),
                     ("4", "Sở Kế hoạch và Đầu tư" + _SENTENCE),
                     ("5", "Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Quảng Ngãi" + _SENTENCE),
                     ("6", "Ban Quản lý Khu Kinh tế Dung Quất" + _SENTENCE),
                     ("7", "UBND các huyện, thị xã, thành phố" + _SENTENCE),
                     ("8", "Hiệp hội Doanh nghiệp tỉnh" + _SENTENCE)],
        "tasks": [
            ("Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan triển khai áp dụng", "Cục Thuế tỉnh", None),
            ("Tổ chức tập huấn, hướng dẫn các tổ chức, cá nhân kinh doanh", "Cục Thuế tỉnh", None),
            ("Giao kế hoạch cụ thể đến từng đơn vị", "Cục Thuế tỉnh", None),
            ("Phối hợp với các sở, ngành; cơ quan thông tấn", "Cục Thuế tỉnh", None),
            ("2. Sở Thông tin và Truyền thông: Theo", "Sở Thông tin và Truyền thông", None),
            ("3. Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh", None),
            ("4. Sở Kế hoạch và Đầu tư: Kịp thời", "Sở Kế hoạch và Đầu tư", None),
            ("5. Ngân hàng Nhà nước Việt Nam - Chi nhánh", "Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Quảng Ngãi",
             None),
            ("6. Ban Quản lý Khu Kinh tế Dung Quất", "Ban Quản lý Khu Kinh tế Dung Quất và các Khu công nghiệp tỉnh",
             None),
            ("8. Hiệp hội Doanh nghiệp tỉnh", "Hiệp hội Doanh nghiệp tỉnh", None),
        ]},
    "ocrqn-77cde9c2": {
        "sections": [("1", "Cục Thuế tỉnh"),
                     ("2", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi chỉ đạo và hướng dẫn" + _SENTENCE),
                     ("3", "Sở Thông tin và Truyền thông chủ trì" + _SENTENCE),
                     ("4", "VNPT Quảng Ngãi chủ động phối hợp với Cục Thuế tỉnh" + _SENTENCE),
                     ("5", "Yêu cầu UBND các huyện, thị xã, thành phố" + _SENTENCE)],
        "tasks": [
            ("Chủ trì, phối hợp với các Ngân hàng thương mại", "Cục Thuế tỉnh", None),
            ("Đăng ký kế hoạch triển khai thực hiện dịch vụ nộp thuế", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi",
             None),
            ("Khẩn trương hoàn thiện hệ thống cơ sở hạ tầng", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi", None),
            ("Phối hợp chặt chẽ với cơ quan thuế hướng dẫn", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi", None),
            ("3. Sở Thông tin và Truyền thông chủ trì", "Sở Thông tin và Truyền thông", None),
            ("4. VNPT Quảng Ngãi chủ động", "VNPT Quảng Ngãi", None),
        ]},
    "ocrqn-597d28f8": {
        "sections": [("1", "Các sở, ban ngành, cơ quan, đơn vị, UBND các huyện, thị xã, thành phố"),
                     ("2", "Sở Công Thương chủ trì, phối hợp thực hiện"),
                     ("3", "Sở Tài chính chủ trì, phối hợp thực hiện"),
                     ("4", "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp thực hiện"),
                     ("5", "Sở Y tế chủ trì, phối hợp thực hiện"),
                     ("6", "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp thực hiện"),
                     ("7", "Sở Giao thông vận tải chủ trì, phối hợp thực hiện"),
                     ("8", "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp thực hiện"),
                     ("9", "Sở Thông tin và Truyền thông"), ("10", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi"),
                     ("11", "Thanh tra tỉnh chủ trì, phối hợp thực hiện"),
                     ("12", "Công an tỉnh chủ trì, phối hợp thực hiện"), ("13", "Bộ Chỉ huy Quân sự tỉnh"),
                     ("14", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"), ("15", "Ban Chỉ đạo 389 của tỉnh"),
                     ("16", "Các doanh nghiệp"),
                     ("17", "Các sở, ban ngành, địa phương, đơn vị" + _SENTENCE)],
        "tasks": [
            ("Tiếp tục rà soát và triển khai thực hiện hiệu quả Chỉ thị số 12/CT-", "Sở Công Thương", None),
            ("Theo dõi, đánh giá thường xuyên nguồn cu", "Sở Công Thương", None),
            ("Làm việc với Công ty Điện lực Quảng Ngãi", "Sở Công Thương", None),
            ("Phối hợp tô chức chu đáo, an toàn các Hộ", "Sở Công Thương", None),
            ("Tăng cường kiểm soát chặt chẽ thu, chỉ n", "Sở Tài chính", None),
            ("Tiếp tục rà soát và triển khai thực hiện hiệu quả Chỉ thị số 02/CT-", "Sở Tài chính", None),
            ("Chủ động theo dõi tình hình thời tiết và", "Sở Nông nghiệp và Phát triển nông thôn", None),
            ("Xây dựng kế hoạch cụ thể bảo đảm sản xuấ", "Sở Nông nghiệp và Phát triển nông thôn", None),
            ("Phối hợp thực hiện các biện pháp kiểm so", "Sở Nông nghiệp và Phát triển nông thôn", None),
            ("Tăng cường kiểm tra các công trình thủy", "Sở Nông nghiệp và Phát triển nông thôn", None),
            ("Tập trung, nỗ lực cao nhất cho công tác", "Sở Y tế", None),
            ("Tăng cường thanh tra, kiểm tra việc đảm", "Sở Y tế", None),
            ("Tổ chức tốt công tác khám chữa bệnh, chỉ", "Sở Y tế", None),
            ("Rà soát và thực hiện đầy đủ, kịp thời cá", "Sở Lao động - Thương binh và Xã hội", None),
            ("Bám sát Kế hoạch của Tỉnh ủy, HĐND tỉnh,", "Sở Lao động - Thương binh và Xã hội", None),
            ("Phối hợp với Liên đoàn Lao động tỉnh tổ", "Sở Lao động - Thương binh và Xã hội", None),
            ("Tăng cường thực hiện công tác bảo vệ và", "Sở Lao động - Thương binh và Xã hội", None),
            ("Tiếp tục thực hiện nghiêm túc và đầy đủ", "Sở Giao thông vận tải", None),
            ("Huy động tối đa lực lượng, phương tiện,", "Sở Giao thông vận tải", None),
            ("Tăng cường công tác điều tiết, tổ chức q", "Sở Giao thông vận tải", None),
            ("Theo dõi, đôn đốc các đơn vị quản lý đườ", "Sở Giao thông vận tải", None),
            ("Đây mạnh công tác tuần tra, kiểm tra, ki", "Sở Giao thông vận tải", None),
            ("Căn cứ vào tình hình, diễn biến của dịch", "Sở Văn hóa, Thể thao và Du lịch", None),
            ("Thực hiện tốt nhiệm vụ quảng bá, xúc tiế", "Sở Văn hóa, Thể thao và Du lịch", None),
            ("Chủ trì, phối hợp với Đài Phát thanh — T", "Sở Thông tin và Truyền thông", None),
            ("Tăng cường quản lý thông tin thuê bao, c", "Sở Thông tin và Truyền thông", None),
            ("Chỉ đạo các tổ chức tín dụng tiếp tục tr", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi", None),
            ("Phối hợp với các cơ quan chức năng tăng", "Ngân hàng Nhà nước - Chỉ nhánh Quảng Ngãi", None),
            ("Phối hợp với Ban Tiếp công dân tỉnh và c", "Thanh tra tỉnh", None),
            ("Thực hiện nghiêm chỉ đạo của Thủ tướng C", "Thanh tra tỉnh", None),
            ("Tiếp tục thực hiện đầy đủ các nội dung c", "Công an tỉnh", None),
            ("Triển khai đồng bộ các biện pháp nghiệp", "Công an tỉnh", None),
            ("Tăng cường công tác bảo đảm trật tự an t", "Công an tỉnh", None),
            ("Chủ động năm chắt tình hình an ninh", "Bộ Chỉ huy Quân sự tỉnh", None),
            ("giữ vững chủ", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", None),
            ("Tiếp tục thực hiện nghiêm túc Kế hoạch s", "Ban Chỉ đạo 389 của tỉnh", None),
            ("Tăng cường kiểm tra, kiểm soát phòng, ch", "Ban Chỉ đạo 389 của tỉnh", None),
            ("Công ty Cổ phần Môi trường đô thị Quảng", "Công ty Cổ phần Môi trường đô thị Quảng Ngãi", None),
            ("b) Công ty Điện lực Quảng Ngãi", "Công ty Điện lực Quảng Ngãi", None),
            ("c) Bưu điện Quảng Ngãi", "Bưu điện Quảng Ngãi", None),
        ]},
    "ocrqn-71fa93dc": {
        "sections": [("1", "Thực hiện nghiêm túc Nghị quyết số 19/NQ-CP" + _SENTENCE),
                     ("2", "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành và địa phương"),
                     ("3", "UBND các huyện, thành phố tích cực hỗ trợ Nhà đầu tư" + _SENTENCE),
                     ("4", "Đây mạnh giải quyết khó khăn, vướng mắc của Nhà đầu tư" + _SENTENCE),
                     ("5", "Đối với các dự án chậm tiến độ" + _SENTENCE)],
        "tasks": [
            ("Thâm định chặt chẽ hỗ sơ dự án đầu tư", "Sở Kế hoạch và Đầu tư", None),
            ("Khi Nhà đầu tư ngoài tỉnh, nước ngoài có đề xuất", "Sở Kế hoạch và Đầu tư", None),
            ("Hướng dẫn Nhà đầu tư khảo sát", "Sở Kế hoạch và Đầu tư", None),
            ("Giao Sở Xây dựng tiến hành rà soát", "Sở Xây dựng", None),
            ("Ban quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi rà soát",
             "Ban quản lý Khu kinh tế Dung Quất và các KCN Quảng Ngãi", None),
            ("Giao Sở Kế hoạch và Đâu tư rà soát", "Sở Kế hoạch và Đâu tư", None),
            ("các KCN Quảng Ngãi, Sở Kế hoạch và Đầu tư theo dõi", "Sở Kế hoạch và Đầu tư", None),
        ]},
    "ocrqn-11451882": {
        "sections": [("2", "Sở Lao động - Thương binh và Xã hội chịu trách nhiệm hướng dẫn" + _SENTENCE),
                     ("4", "Sở Tài nguyên và Môi trường chủ trì" + _SENTENCE)],
        "tasks": [
            ("2. Sở Lao động - Thương binh và Xã hội chịu", "Sở Lao động - Thương binh và Xã hội", None),
            ("4. Sở Tài nguyên và Môi trường chủ trì", "Sở Tài nguyên và Môi trường", None),
        ]},
    "congbot-2a8982fe": {
        "sections": [("A", "MỤC ĐÍCH, YÊU CẦU"),
                     ("B", "NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN TỪ NAY ĐẾN NĂM 2020"),
                     ("C", "MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM TỪ NAY ĐẾN NĂM 2015"),
                     ("D", "TỔ CHỨC THỰC HIỆN")],
        "tasks": [
            *[(needle, "Ban Chỉ đạo quốc gia", ("Tháng 12/2013 và thường xuyên", "2013-12-01", "2013-12-31"))
              for needle in ("Tổ chức Hội nghị quán triệt và triển kha", "Tổ chức triển khai thực hiện các chủ trư")],
            *[(needle, "Ban Chỉ đạo quốc gia",
               ("Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm", "2013-11-01", "2013-12-31"))
              for needle in ("Xây dựng, ban hành Quy chế, Kế hoạch của", "Ban hành Quyết định của Thủ tướng Chính",
                             "Ban hành Thông tư của Bộ Quốc phòng hướn", "Ban hành các văn bản hướng dẫn của các B")],
            *[(needle, "Ban Chỉ đạo quốc gia", ("Từ tháng 11/2013 trở đi", "2013-11-01", None))
              for needle in ("Chỉ đạo, định hướng kế hoạch tuyên truyề", "Tổ chức thành phong trào thường xuyên, s",
                             "Tổ chức các diễn đàn, trao đổi, chia sẻ", "Lập các chuyên trang, chuyên mục về công",
                             "Xây dựng cổng thông tin điện tử; xuất bả", "Tuyên truyền về kết quả tìm kiếm quy tập")],
            *[(needle, "Ban Chỉ đạo quốc gia",
               ("Tháng 11, 12/2013 và kiện toàn thường xuyên", "2013-11-01", "2013-12-31"))
              for needle in ("Thành lập và thường xuyên kiện toàn Ban", "Thành lập Ban Chỉ đạo ở các quân khu do",
                             "Thành lập Ban Chỉ đạo ở các tỉnh, thành", "Thành lập Văn phòng Ban Chỉ đạo quốc gia",
                             "Tổ chức các đội chuyên trách (hoặc lâm t")],
            *[(needle, "Ban Chỉ đạo quốc gia", ("Từ năm 2013 đến năm 2020 và tiếp theo", "2013-01-01", "2020-12-31"))
              for needle in ("Hoàn thành việc giải mã ký hiệu, phiên hiệu đơn vị quân đội trong chiến tranh;",
                             "Tổ chức rà soát, kiện toàn hồ sơ liệt sĩ", "Thu thập, kết nối, xử lý thông tin về li",
                             "Xây dựng cơ sở dữ liệu tích hợp quản lý", "Lập Bản đồ tìm kiếm, quy tập hài cốt liệ",
                             "Tổ chức các hoạt động nghiên cứu khoa họ", "Cung cấp thông tin về mộ liệt sĩ có tên",
                             "Chỉ đạo mở rộng hoạt động tìm kiếm, cất", "Đẩy nhanh tiến độ tìm kiếm, quy tập hài",
                             "Từng bước đề xuất kế hoạch tìm kiếm, quy", "Trao đổi đoàn, chia sẻ thông tin tìm kiế",
                             "Tiếp tục phối hợp với Ban Công tác đặc b", "Nghiên cứu kinh nghiệm một số nước giải",
                             "Mở rộng các hoạt động của các tổ chức hộ")],
            *[(needle, "Bộ Quốc phòng", ("Từ năm 2013 đến năm 2020 và tiếp theo", "2013-01-01", "2020-12-31"))
              for needle in ("Rà soát phương tiện hiện có, tiếp tục đề", "Từng bước bảo đảm bổ sung trang bị thiết",
                             "Bảo đảm chế độ cho lực lượng tìm kiếm, q", "Hoàn thành việc xây dựng nhà tạm cho các",
                             "Đề xuất phương án từng bước bảo đảm phươ")],
            *[(needle, "Ban Chỉ đạo quốc gia", ("6 tháng, hằng năm và định kỳ", None, None))
              for needle in ("Tổ chức kiểm tra thường xuyên và định kỳ", "Sơ kết 6 tháng, 1 năm triển khai thực hi",
                             "Tổng kết giai đoạn 2013-2015 vào năm 201", "Khen thưởng, biểu dương tập thể, cá nhân")],
            ("Chỉ đạo chặt chẽ việc triển khai Quyết định số 1237", "Ban Chỉ đạo quốc gia 1237", None),
            ("giúp Chính phủ, Thủ tướng Chính phủ quản lý Nhà nước về công tác tìm kiếm", "Bộ Quốc phòng", None),
            ("Chủ trì, phối hợp với các cơ quan chức n", "Văn phòng Ban Chỉ đạo quốc gia 1237", None),
            ("Giúp Ban Chỉ đạo quốc gia và Bộ Quốc phò", "Văn phòng Ban Chỉ đạo quốc gia 1237", None),
            ("Đề xuất và chuẩn bị nội dung sơ kết, tổn", "Văn phòng Ban Chỉ đạo quốc gia 1237", None),
            ("Bộ Quốc phòng chỉ đạo, hướng dẫn các cơ", "Bộ Quốc phòng", None),
        ]},
    "phumybac-934e4779": {
        "sections": [("I", "KẾT QUẢ ĐẠT ĐƯỢC"), ("Phần thứ hai", "NHIỆM VỤ THÁNG 7 NĂM 2026")],
        "tasks": []},
    "qlvbqh-dce8c772": {
        "sections": [("1", "Tổ chức triển khai ứng dụng, nhân rộng các tiến bộ khoa học" + _SENTENCE),
                     ("2", "Phân cấp quản lý nhà nước về hoạt động khoa học và công nghệ" + _SENTENCE),
                     ("3", "Thực hiện thống kê, báo cáo và thông tin khoa học và công nghệ" + _SENTENCE),
                     ("4", "Tăng cường biên chế chuyên trách quản lý khoa học và công nghệ" + _SENTENCE),
                     ("5", "Các sở, ban, ngành căn cứ vào tính chất, đặc điểm" + _SENTENCE),
                     ("6", "Phân công tổ chức thực hiện")],
        "tasks": [
            ("Hướng dẫn các sở, ban, ngành, huyện, thị xã thành lập", "Sở Khoa học và Công nghệ", None),
            ("Tham mưu Ủy ban nhân dân tỉnh ban hành trình tự", "Sở Khoa học và Công nghệ", None),
            ("Hướng dẫn các sở, ban, ngành, huyện, thị xã xây dựng kế hoạch", "Sở Khoa học và Công nghệ", None),
            ("Hướng dẫn và hỗ trợ về chuyên môn, nghiệp vụ", "Sở Khoa học và Công nghệ", None),
            ("Rà soát, bổ sung và kiện toàn cơ cấu tổ chức, nhân sự", "Sở Nội vụ", None),
            ("Bố trí kinh phí triển khai kế hoạch hoạt động", "Sở Tài chính", None),
            ("Chỉ đạo cơ quan tài chính cùng cấp", "Sở Tài chính", None),
            ("Giao Sở Khoa học và Công nghệ theo dõi", "Sở Khoa học và Công nghệ", None),
        ]},
    "vbai-7014f219": {
        "sections": [("I", "HƯỚNG DẪN CHUNG"), ("II", "HƯỚNG DẪN CỤ THỂ"), ("III", "TỔ CHỨC THỰC HIỆN"),
                     ("Phụ lục 1", "SƠ ĐỒ BỐ TRÍ CÁC THÀNH PHẦN THỂ THỨC VĂN BẢN CỦA ĐẢNG"),
                     ("Phụ lục 2", "SƠ ĐỒ BỐ TRÍ CÁC THÀNH PHẦN THỂ THỨC BẢN SAO"),
                     ("Phụ lục 3", "MẪU TRÌNH BÀY THỂ THỨC VĂN BẢN VÀ BẢN SAO VĂN BẢN")],
        "tasks": [("Giao Cục Lưu trữ Văn phòng Trung ương Đảng", "Cục Lưu trữ Văn phòng Trung ương Đảng", None)]},
    "sotay-45755099": {
        "sections": [("Phần thứ nhất", "VỀ CÔNG TÁC TỔ CHỨC ĐẢNG"), ("Phần thứ hai", "VỀ CÔNG TÁC ĐẢNG VIÊN"),
                     ("Phần thứ ba", "CÁC MẪU TÀI LIỆU VỀ CÔNG TÁC TỔ CHỨC ĐẢNG, ĐẢNG VIÊN")],
        "tasks": [
            ("Tổng hợp danh sách, phê duyệt đề nghị phát thẻ", "Ban Tổ chức Thành ủy", None),
            ("Gửi Công văn, quyết định của các đơn vị kèm theo", "Ban Tổ chức Thành ủy", None),
            ("Ban Tổ chức Thành ủy: Nhận thẻ đảng viên", "Ban Tổ chức Thành ủy", None),
        ]},
    "sotay-70ebcc3d": {
        "sections": [("I", "KẾT NẠP ĐẢNG VIÊN"),
                     ("II", "QUẢN LÝ HỒ SƠ ĐẢNG VIÊN, PHÁT THẺ ĐẢNG VIÊN, GIỚI THIỆU SINH HOẠT ĐẢNG"),
                     ("III", "KHEN THƯỞNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN"), ("IV", "MỘT SỐ VẤN ĐỀ LIÊN QUAN ĐẾN ĐẢNG VIÊN"),
                     ("V", "TÀI LIỆU, PHƯƠNG TIỆN THỰC HIỆN NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN")],
        "tasks": []},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/09daab284f92e2dd.md": {
        "sections": [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "MỤC TIÊU CHỦ YẾU"), ("III", "NHIỆM VỤ, GIẢI PHÁP"),
                     ("IV", "TỔ CHỨC THỰC HIỆN")],
        "tasks": [
            ("Tổ chức tập huấn, bồi dưỡng", "Sở Tư pháp", ("Theo kế hoạch công tác tư pháp hàng năm", None, None)),
            ("Nâng cao kiến thức, kỹ năng", "Sở Nội vụ",
             ("Theo Kế hoạch bồi dưỡng công chức, viên chức hàng năm", None, None)),
            ("Nghiên cứu tham mưu UBND tỉnh", "Sở Nội vụ",
             ("Giai đoạn 2026-2030 và những năm tiếp theo", "2026-01-01", "2030-12-31")),
            ("Tăng cường ưu tiên ứng dụng", "Sở Khoa học và Công nghệ", _ALWAYS),
            ("Ra mắt AI pháp luật", "Sở Khoa học và Công nghệ", ("Tháng 12/2025", "2025-12-01", "2025-12-31")),
            ("Cập nhật, khai thác, sử dụng", "Sở Tư pháp", _ALWAYS),
            ("Xây dựng, duy trì thường", "Báo và Phát thanh, Truyền hình tỉnh", _ALWAYS),
            ("trao đổi nghiệp vụ, kinh nghiệm", "Sở Tư pháp", ("Hằng năm", None, None)),
            ("Tham mưu, đề xuất tổ chức Đoàn", "Sở Tư pháp", ("Hằng năm", None, None)),
            ("Sở Tài chính chủ trì", "Sở Tài chính", None),
            ("Sở Nội vụ chủ trì, phối", "Sở Nội vụ", None),
            ("Giao Sở Tư pháp theo", "Sở Tư pháp", None),
        ]},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/31786b0833a4130d.md": {
        "sections": [("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "MỤC TIÊU"), ("III", "GIẢI PHÁP"), ("IV", "KINH PHÍ THỰC HIỆN"),
                     ("V", "TỔ CHỨC THỰC HIỆN"),
                     ("Phụ lục", "NHIỆM VỤ CHỦ YẾU CỦA KẾ HOẠCH PHÁT TRIỂN HẠ TẦNG" + _SENTENCE)],
        "tasks": [
            ("Chủ trì, phối hợp với các", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", None),
            ("Tổ chức triển khai xây dựng", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", None),
            ("Phối hợp với Sở Khoa học", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", None),
            ("Tổng hợp, tham mưu, báo", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", None),
            ("Thực hiện công tác quản lý", "Sở Khoa học và Công nghệ", None),
            ("Tham mưu, đề xuất Bộ Khoa", "Sở Khoa học và Công nghệ", None),
            ("Tham mưu hỗ trợ, khuyến", "Sở Khoa học và Công nghệ", None),
            ("Trên cơ sở đề xuất của Ban", "Sở Tài chính", None),
            ("Chủ trì, phối hợp với Ban", "Sở Tài chính", None),
            ("Tổ chức điều chỉnh, bổ sung", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
             ("Quý III Năm 2026", "2026-07-01", "2026-09-30")),
            ("Khảo sát, đánh giá thực trạng", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
             ("Quý IV/2025- Quý II/2026", "2025-10-01", "2026-06-30")),
            ("Xây dựng kế hoạch đầu tư", "Ban Quản lý các khu công nghệ cao và khu công nghiệp", _ALWAYS),
            ("Tổ chức triển khai thực hiện\ncác dự án", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
             _ALWAYS),
            ("Thực hiện khảo sát, thu nhập", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
             ("Hàng năm", None, None)),
        ]},
    "tnt305/tai_lieu_noi_bo:src/etl/dataset/b3f47f1508761da8.md": {
        "sections": [("1", "Giảm tối đa số trẻ bị bỏ rơi mới" + _SENTENCE),
                     ("2", "Bảo đảm mọi trẻ bị bỏ rơi đều được tiếp nhận" + _SENTENCE),
                     ("3", "Đổi mới mô hình chăm sóc trẻ em có hoàn cảnh đặc biệt" + _SENTENCE),
                     ("4", "Về phân công nhiệm vụ của các cơ quan liên quan")],
        "tasks": [
            ("uỷ Chính phủ: *(i)", "Đảng ủy Chính phủ", None),
            ("uỷ Công an Trung ương chủ trì", "Đảng ủy Công an Trung ương", None),
            ("uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương lãnh đạo",
             "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương", None),
            ("uỷ Quốc hội chỉ đạo", "Đảng ủy Quốc hội", None),
            ("Trung ương Đảng phối hợp theo dõi", "Văn phòng Trung ương Đảng", None),
        ]},
}
