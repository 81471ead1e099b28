"""Texts for the validity tests, written on the layouts of real ones (gazette_dev, local_dev): two decrees, one
repealing the other with a second in whole and a third in part, an amending decree in force from signing,
a consolidated text, a provincial plan replacing an earlier one, a decree not yet in force."""

OLD_DECREE = """CHÍNH PHỦ
Số: 30/2016/NĐ-CP
Hà Nội, ngày 28 tháng 4 năm 2016

NGHỊ ĐỊNH
Quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Chính phủ ban hành Nghị định quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội.

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định hoạt động đầu tư từ quỹ bảo hiểm xã hội.

Điều 20. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2016.
"""

REPEALING_DECREE = """CHÍNH PHỦ
Số: 212/2025/NĐ-CP
Hà Nội, ngày 01 tháng 8 năm 2025

NGHỊ ĐỊNH
Quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

Chính phủ ban hành Nghị định quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế.

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế.

Điều 24. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 9 năm 2025.
2. Kể từ ngày Nghị định này có hiệu lực thi hành, các văn bản sau đây hết hiệu lực thi hành:
a) Nghị định số 30/2016/NĐ-CP ngày 28 tháng 4 năm 2016 của Chính phủ quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội;
b) Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều của Luật Bảo hiểm xã hội;
c) khoản 2 Điều 1 của Nghị định số 29/2013/NĐ-CP ngày 08 tháng 4 năm 2013 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 92/2009/NĐ-CP ngày 22 tháng 10 năm 2009 của Chính phủ.
"""

AMENDING_DECREE = """CHÍNH PHỦ
Số: 74/2025/NĐ-CP
Hà Nội, ngày 01 tháng 12 năm 2025

NGHỊ ĐỊNH
Sửa đổi, bổ sung một số điều của Nghị định số 212/2025/NĐ-CP ngày 01 tháng 8 năm 2025 của Chính phủ quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 212/2025/NĐ-CP ngày 01 tháng 8 năm 2025 của Chính phủ.

Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 212/2025/NĐ-CP
1. Sửa đổi, bổ sung khoản 1 Điều 4 như sau:
“1. Nghị định số 1/2000/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 01 năm 2026.”
2. Bổ sung Điều 5a vào sau Điều 5 như sau:
“Điều 5a. Danh mục đầu tư
Thay thế Nghị định số 2/2001/NĐ-CP.”
3. Bãi bỏ khoản 3 Điều 7.

Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày ký.
"""

CONSOLIDATED = """BỘ TÀI CHÍNH

NGHỊ ĐỊNH
Quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế

Nghị định số 212/2025/NĐ-CP ngày 01 tháng 8 năm 2025 của Chính phủ quy định chi tiết hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế, có hiệu lực kể từ ngày 15 tháng 9 năm 2025, được sửa đổi, bổ sung bởi:
Nghị định số 74/2025/NĐ-CP ngày 01 tháng 12 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 212/2025/NĐ-CP, có hiệu lực kể từ ngày 01 tháng 12 năm 2025.

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định hoạt động đầu tư từ quỹ bảo hiểm xã hội, bảo hiểm y tế.

BỘ TÀI CHÍNH
Số: 05/VBHN-BTC
XÁC THỰC VĂN BẢN HỢP NHẤT
Hà Nội, ngày 20 tháng 12 năm 2025
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn An
"""

OLD_PLAN = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 12/KH-UBND
Kon Tum, ngày 15 tháng 01 năm 2022

KẾ HOẠCH
Chuyển đổi số tỉnh Kon Tum năm 2022

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số trên địa bàn tỉnh Kon Tum.
"""

NEW_PLAN = """ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 45/KH-UBND
Kon Tum, ngày 10 tháng 3 năm 2024

KẾ HOẠCH
Chuyển đổi số tỉnh Kon Tum giai đoạn 2024-2025

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số trên địa bàn tỉnh Kon Tum.

III. TỔ CHỨC THỰC HIỆN
Kế hoạch này thay thế Kế hoạch số 12/KH-UBND ngày 15/01/2022 của Ủy ban nhân dân tỉnh về chuyển đổi số tỉnh Kon Tum năm 2022.
"""

FUTURE_DECREE = """CHÍNH PHỦ
Số: 300/2026/NĐ-CP
Hà Nội, ngày 20 tháng 11 năm 2026

NGHỊ ĐỊNH
Quy định về quỹ đầu tư dài hạn

Chính phủ ban hành Nghị định quy định về quỹ đầu tư dài hạn.

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về quỹ đầu tư dài hạn.

Điều 9. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2099.
"""
