"""Hand-written texts of issue 22's cases, indexed by each engine: a decree with chapters, articles and
khoản; a letter citing its khoản 2 Điều 5; a plan citing its Điều 5 and Điều 2, assigning tasks in a list
and in a phân công table; a long law indexed in parts."""

DECREE = """CHÍNH PHỦ
Số: 15/2020/NĐ-CP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 03 tháng 02 năm 2020

NGHỊ ĐỊNH
Quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Chính phủ ban hành Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông.

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về hành vi vi phạm hành chính, hình thức xử phạt, mức xử phạt.

Điều 2. Đối tượng áp dụng

Nghị định này áp dụng đối với cơ quan, tổ chức, cá nhân Việt Nam và nước ngoài.

Chương II
HÀNH VI VI PHẠM, HÌNH THỨC XỬ PHẠT

Điều 3. Vi phạm quy định về cung cấp dịch vụ bưu chính

Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng đối với hành vi không niêm yết giá cước.

Điều 4. Vi phạm quy định về an toàn mạng lưới

Phạt tiền từ 2.000.000 đồng đến 5.000.000 đồng đối với hành vi không bảo đảm an toàn mạng lưới.

Điều 5. Vi phạm quy định về thông tin trên mạng

1. Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi cung cấp thông tin sai sự thật.
2. Phạt tiền từ 10.000.000 đồng đến 20.000.000 đồng đối với hành vi chia sẻ thông tin xuyên tạc, vu khống.

Chương III
ĐIỀU KHOẢN THI HÀNH

Điều 6. Hiệu lực thi hành

Nghị định này có hiệu lực thi hành từ ngày 15 tháng 4 năm 2020.

Nơi nhận:
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Xuân Phúc
"""

LETTER = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 120/UBND-KGVX
V/v xử lý thông tin sai sự thật trên mạng

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Kiên Giang, ngày 12 tháng 5 năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

Căn cứ khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ, Ủy ban nhân dân tỉnh đề nghị các cơ quan xử lý nghiêm hành vi chia sẻ thông tin xuyên tạc trên mạng xã hội.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Quốc Anh
"""

PLAN = """ỦY BAN NHÂN DÂN HUYỆN NGỌC HỒI
Số: 45/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Ngọc Hồi, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Tuyên truyền phòng, chống thông tin sai sự thật năm 2025

Thực hiện Điều 5 của Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ và Điều 2 Nghị định số 15/2020/NĐ-CP, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích

Nâng cao nhận thức về chuyển đổi số và an toàn thông tin.
2. Yêu cầu

Bảo đảm thiết thực, hiệu quả.

II. NHIỆM VỤ
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện tổ chức tuyên truyền về chuyển đổi số trên mạng xã hội, hoàn thành trong Quý II/2025.
2. Giao Trung tâm Văn hóa - Thể thao huyện xây dựng chuyên mục phát thanh về an toàn thông tin, hoàn thành trước ngày 30/9/2025.

III. TỔ CHỨC THỰC HIỆN
Các cơ quan thực hiện theo Phụ lục kèm theo.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Hòa

PHỤ LỤC
PHÂN CÔNG NHIỆM VỤ
(Kèm theo Kế hoạch số 45/KH-UBND)

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Rà soát quy trình xử lý tin giả | Công an huyện | Phòng Tư pháp | Quý IV/2025 |
| 2 | Tập huấn kỹ năng số cho cán bộ | Phòng Nội vụ | | Năm 2026 |
"""

LONG_LAW = ("QUỐC HỘI\nLuật số: 99/2025/QH15\n\nLUẬT\nThử nghiệm văn bản dài\n\n"
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\nQuốc hội ban hành Luật Thử nghiệm văn bản dài.\n\n"
            + "\n".join(f"Điều {k}. Quy định thứ {k}\n\n1. Khoản một của điều {k} nói về việc lập hồ sơ "
                        f"lưu trữ số {k}.\n2. Khoản hai của điều {k} nói về việc bảo quản tài liệu điện tử loại {k}.\n"
                        for k in range(1, 31))
            + "\nLuật này được Quốc hội thông qua ngày 10 tháng 12 năm 2025.\n")

FILES = {"nghi_dinh_15.txt": DECREE, "cong_van_120.txt": LETTER, "ke_hoach_45.txt": PLAN, "luat_dai.txt": LONG_LAW}
PART_CHARS = 3000  # the long law (5,004 characters) is indexed in two parts; the others whole
