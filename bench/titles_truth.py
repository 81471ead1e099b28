"""Titles as people write them: 50 titles local_dev prints in capitals, each written as a person writes
it, checked by hand, and how many of them extraction writes so.

The sample is fixed by a rule: the first 50 documents of ../shared/data/local_dev/documents.jsonl, in file
order, whose title extraction reads in capitals (`titles.in_capitals` of `title_printed`; local_dev has 50
such titles). The truth: names capitalised (provinces and places, bodies, the Party and the State acting,
a law by its name, a document's type before its number, countries, the document's own named bodies such
as `Trung tâm Bảo tồn Di sản văn hóa thế giới Hội An`), every other word in lower case (a writer's
emphasis dropped: `bổ sung lĩnh vực lưu thông`, `ban hành quy định`), abbreviations and symbols as
printed (`UBND`, `1237/QĐ-TTg`), a time as written in running text (`0h00`).

Usage: python bench/titles_truth.py
Prints the share written as the truth says and each difference; writes bench/results/titles.json.
"""

import time

from common import LOCAL_DEV_RECORDS, read_jsonl, write_results

from analyzers.normalize import normalize_text
from indexer.extract.metadata import extract_one
from indexer.extract.titles import in_capitals

SAMPLE = 50

# (local_dev id, the title as a person writes it), in file order.
TRUTH = [
    ('congbot-ee5e6d41',
     'Về việc ban hành quy định tặng quà đối với thương binh, bệnh binh, gia đình liệt sĩ và người có công'
     ' với cách mạng trên địa bàn tỉnh Tuyên Quang'),
    ('congbot-fdd15aa6',
     'Công bố danh mục thủ tục hành chính được chuẩn hóa và phê duyệt quy trình nội bộ giải quyết thủ tục '
     'hành chính trong lĩnh vực người có công thuộc thẩm quyền giải quyết của Sở Lao động - Thương binh và'
     ' Xã hội, UBND cấp huyện và UBND cấp xã trên địa bàn tỉnh Quảng Ngãi'),
    ('congbot-c66586eb',
     'Về việc quy định cụ thể một số chính sách về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi '
     'đất theo Nghị định số 197/2004/NĐ-CP ngày 03/12/2004 và Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 '
     'của Chính phủ trên địa bàn tỉnh Lai Châu'),
    ('congbot-68dcc3be',
     'Về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung, bãi bỏ thuộc phạm vi chức năng '
     'quản lý của ngành Tư pháp trên địa bàn tỉnh'),
    ('congbot-2a8982fe',
     'Triển khai thực hiện Quyết định số 1237/QĐ-TTg ngày 27 tháng 7 năm 2013 của Thủ tướng Chính phủ về '
     'việc phê duyệt đề án tìm kiếm, quy tập hài cốt liệt sĩ từ nay đến năm 2020 và những năm tiếp theo'),
    ('congbot-16244a1b',
     'Ban hành kế hoạch thực hiện công tác bảo vệ bí mật nhà nước năm 2023'),
    ('congbot-5a639e1c',
     'Về việc ban hành quy định trình tự, thủ tục giải quyết chế độ miễn, giảm tiền sử dụng đất đối với '
     'người có công với cách mạng trên địa bàn tỉnh Gia Lai'),
    ('congbot-2539cb38',
     'Về ban hành kế hoạch triển khai thực hiện Thông tư số 09/2013/TT-BXD ngày 01 tháng 7 năm 2013 của Bộ'
     ' Xây dựng về hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng'
     ' Chính phủ về hỗ trợ người có công với cách mạng về nhà ở trên địa bàn thành phố Hồ Chí Minh'),
    ('congbot-64b7d651',
     'Về việc công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung lĩnh vực lưu thông '
     'hàng hóa trong nước của ngành Công Thương áp dụng trên địa bàn tỉnh Hà Giang'),
    ('congbot-60bdeb9c',
     'Về kết quả giám sát việc thực hiện chính sách, pháp luật về người có công với cách mạng'),
    ('congbot-c854c56c',
     'Ban hành quy chế quản lý kinh phí chi thực hiện chính sách ưu đãi người có công với cách mạng và '
     'người trực tiếp tham gia kháng chiến trên địa bàn Thành phố Hồ Chí Minh'),
    ('congbot-e6af70e0',
     'Về nâng mức trợ cấp đối với người có công giúp đỡ cách mạng'),
    ('congbot-886b8134',
     'Về việc phân bổ chi tiết danh mục và kế hoạch vốn năm 2023 thực hiện đề án đảm bảo cơ sở vật chất '
     'cho chương trình giáo dục mầm non và giáo dục phổ thông trên địa bàn tỉnh Bình Định giai đoạn '
     '2022-2025 và đề án nâng cao năng lực hoạt động hệ thống y tế cơ sở của tỉnh Bình Định giai đoạn '
     '2022-2025'),
    ('congbot-b4363528',
     'Về việc thực hiện chế độ điều dưỡng luân phiên đối với người có công với cách mạng trên địa bàn '
     'thành phố Hà Nội'),
    ('congbot-7e372b78',
     'Về chế độ, chính sách đối với đối tượng tham gia chiến tranh bảo vệ Tổ quốc, làm nhiệm vụ quốc tế ở '
     'Căm-pu-chi-a, giúp bạn Lào sau ngày 30 tháng 4 năm 1975 đã phục viên, xuất ngũ, thôi việc'),
    ('congbot-29b9d096',
     'Ban hành kế hoạch thời gian năm học 2024-2025 đối với giáo dục mầm non, giáo dục phổ thông và giáo '
     'dục thường xuyên áp dụng trên địa bàn tỉnh Tuyên Quang'),
    ('qlvbqh-bb52aa46',
     'Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính'),
    ('qlvbqh-14f7d09a',
     'Thanh tra'),
    ('qlvbqh-25d9d534',
     'Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thanh tra'),
    ('sotay-041e883f',
     'Một số vấn đề cụ thể thi hành Điều lệ Đảng'),
    ('sotay-71e31f6e',
     'Thi hành Điều lệ Đảng'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/01bf9d04a5b9e2c8.md',
     'Quy định thực hiện nếp sống văn minh trong việc cưới, việc tang trên địa bàn tỉnh Lai Châu'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/051c596134cabb79.md',
     'Ban hành quy chế quản lý, sử dụng chứng thư chữ ký số chuyên dùng công vụ trong các cơ quan hành '
     'chính nhà nước tỉnh Ninh Bình'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/09daab284f92e2dd.md',
     'Nâng cao năng lực cho đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật trên địa bàn tỉnh '
     'giai đoạn 2026 - 2030'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/0f2d0646af982d1b.md',
     'Về việc phân cấp trong lĩnh vực thương mại, xuất nhập khẩu trên địa bàn thành phố Cần Thơ cho Sở '
     'Công Thương'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/150d48a05ed57aa3.md',
     'Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị tại các cơ quan, tổ '
     'chức, đơn vị thuộc phạm vi quản lý của tỉnh Quảng Ngãi'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/15decdf210c22d70.md',
     'Sửa đổi, bổ sung một số nội dung của Quyết định số 48/2024/QĐ-UBND ngày 22/7/2024 của UBND thành phố'
     ' Hà Nội về ban hành định mức kinh tế - kỹ thuật dịch vụ sự nghiệp công sử dụng ngân sách nhà nước '
     'trong lĩnh vực người có công của thành phố Hà Nội'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/1a3950726cd8511f.md',
     'Ban hành quy chế phối hợp trong công tác quản lý nhà nước về tín ngưỡng, tôn giáo trên địa bàn tỉnh '
     'Phú Thọ'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/1cde9b907469c65b.md',
     'Sửa đổi, bổ sung một số điều của quy định về bồi thường, hỗ trợ và tái định cư khi Nhà nước thu hồi '
     'đất trên địa bàn tỉnh Quảng Ninh ban hành kèm theo Quyết định số 40/2024/QĐ-UBND ngày 04/10/2024 của'
     ' Ủy ban nhân dân tỉnh'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/265ff514762b4c47.md',
     'Của Bộ Chính trị, Ban Bí thư về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị và chính '
     'quyền địa phương 2 cấp'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/2847e16133f7b987.md',
     'Về tăng cường công tác quản lý, bảo vệ tài nguyên nước dưới đất trên địa bàn thành phố Cần Thơ'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/31786b0833a4130d.md',
     'Phát triển hạ tầng 5G, IoT trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp trên địa '
     'bàn thành phố Hà Nội đến năm 2030'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/45fb7c4784bcce3a.md',
     'Ban hành quy định về công tác thi đua, khen thưởng tỉnh Bắc Ninh'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/4e39af96b6891368.md',
     'Về việc ban hành kế hoạch kiểm kê tài sản công tại cơ quan, tổ chức, đơn vị, tài sản kết cấu hạ tầng'
     ' do Nhà nước đầu tư, quản lý thuộc phạm vi quản lý của tỉnh Quảng Ngãi thời điểm 0h00 ngày 01 tháng '
     '01 năm 2026'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/53b3997d70905b16.md',
     'Của Bộ Chính trị, Ban Bí thư về định hướng xây dựng tiêu chuẩn của đơn vị hành chính, phân loại đơn '
     'vị hành chính và phân loại đô thị'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/5c600e2251eec56f.md',
     'Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện một số nhiệm vụ, quyền hạn của Ủy ban nhân '
     'dân tỉnh trong lĩnh vực Tiêu chuẩn Đo lường Chất lượng trên địa bàn tỉnh Thanh Hóa'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/73a5c09dc805432d.md',
     'Ban hành quy định quản lý an toàn điện trên địa bàn tỉnh Thái Nguyên'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/7599f6525eb44d2e.md',
     'Ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Trung tâm Bảo tồn Di sản văn '
     'hóa thế giới Hội An'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/83652dd19c6fef24.md',
     'Về việc bãi bỏ các văn bản quy phạm pháp luật do UBND tỉnh Quảng Bình, UBND tỉnh Quảng Trị (cũ) ban '
     'hành trong lĩnh vực xây dựng'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/a16f8b41d34cc524.md',
     'Quy định mức chi đảm bảo cho việc tổ chức thực hiện bồi thường, hỗ trợ, tái định cư trên địa bàn '
     'tỉnh Đồng Tháp'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/a83fffe08d7aeed7.md',
     'Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ về việc tăng cường '
     'thực hiện công tác dân số trong tình hình mới'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/adf53d885efc1c23.md',
     'Quy định về phòng cháy, chữa cháy rừng trên địa bàn tỉnh Quảng Ninh'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/afe7b51a032c1c6d.md',
     'Quy định bảng giá tính lệ phí trước bạ đối với nhà trên địa bàn tỉnh Đắk Lắk'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/b1ce4a2380c2c8e3.md',
     'Phân cấp thẩm quyền quyết định tiêu chuẩn, định mức sử dụng máy móc, thiết bị của các cơ quan, tổ '
     'chức, đơn vị thuộc phạm vi quản lý của tỉnh Bắc Ninh'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/b3f47f1508761da8.md',
     'Tại buổi làm việc với Đảng uỷ Bộ Y tế và các ban, bộ, ngành Trung ương về công tác chăm sóc và bảo '
     'vệ trẻ em có hoàn cảnh đặc biệt'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/d40513a8b25883ec.md',
     'Truyền thông về giảm nghèo đa chiều thuộc chương trình mục tiêu quốc gia giảm nghèo bền vững trên '
     'địa bàn thành phố Cần Thơ năm 2025'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/f48a2691d3f74ec4.md',
     'Ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Kiểm lâm thuộc Sở '
     'Nông nghiệp và Môi trường tỉnh Quảng Trị'),
    ('tnt305/tai_lieu_noi_bo:src/etl/dataset/fc5e61d70df8c70c.md',
     'Phân cấp cho Sở Giáo dục và Đào tạo thực hiện một số nhiệm vụ trong lĩnh vực giáo dục và đào tạo '
     'trên địa bàn tỉnh Cao Bằng'),
    ('TuanHuu168/CongBot:data/378_2022_QĐ_UBND/',
     'Về việc công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung lĩnh vực lưu thông '
     'hàng hóa trong nước của ngành Công Thương áp dụng trên địa bàn tỉnh Hà Giang'),
    ('TuanHuu168/CongBot:data/16_2010_QD_UBND/',
     'Về việc quy định cụ thể một số chính sách về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi '
     'đất theo Nghị định số 197/2004/NĐ-CP ngày 03/12/2004 và Nghị định số 69/2009/NĐ-CP ngày 13/8/2009 '
     'của Chính phủ trên địa bàn tỉnh Lai Châu'),

]


def sample() -> list[tuple[str, str, str, float]]:
    """(id, printed title, title as extraction writes it, CPU seconds) of the first SAMPLE titles in capitals."""
    found = []
    for record in read_jsonl(LOCAL_DEV_RECORDS):
        start = time.process_time()
        meta = extract_one(normalize_text(record["text"]))
        cpu = time.process_time() - start
        if meta.title_printed and in_capitals(meta.title_printed):
            found.append((record["id"], meta.title_printed, meta.title, cpu))
    return found[:SAMPLE]


def main() -> None:
    wall = time.perf_counter()
    rows, truth = sample(), dict(TRUTH)
    differ = [{"id": i, "printed": printed, "written": written, "truth": truth.get(i)}
              for i, printed, written, _ in rows if truth.get(i) != written]
    write_results("titles", {
        "titles": len(rows), "as_truth": len(rows) - len(differ),
        "share": round((len(rows) - len(differ)) / max(1, len(rows)), 3),
        "sample_is_the_truth_list": [i for i, *_ in rows] == [i for i, _ in TRUTH],
        "extraction_cpu_s": round(sum(r[3] for r in rows), 2), "wall_s": round(time.perf_counter() - wall, 2),
        "differences": differ})


if __name__ == "__main__":
    main()
