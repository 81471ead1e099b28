"""Laws, codes and ordinances by name: `Luật Bảo hiểm xã hội`, `Bộ luật Lao động`, `Hiến pháp năm 2013`.

A law is cited by its number (`58/2014/QH13`) as often as by its name, and its name outlives its
versions: `Luật Bảo hiểm xã hội` is 71/2006/QH11, 58/2014/QH13 and 41/2024/QH15 in turn. A name
has one key whatever its spelling (`ten:luat bao hiem xa hoi`), and one more with a year
(`ten:luat bao hiem xa hoi@2014`): the year printed after the name, or the year of the number.

The names are a list (the law's own title, as the National Assembly writes it) rather than a
pattern: a name has no end a pattern can see (`Luật Phòng, chống tham nhũng` holds a comma, `theo
Luật Đất đai, các tổ chức` does not), and a wrong name is a wrong citation. Names printed with their
number (`Luật Quản lý thuế số 38/2019/QH14`) are read without the list, from the number back.
"""

import re

from analyzers.normalize import canonical_tones, fold

# The types a name follows, with the word their key starts with.
LAW_TYPES = {"Bộ luật": "bo luat", "Luật": "luat", "Pháp lệnh": "phap lenh", "Hiến pháp": "hien phap"}

# Laws and codes in force or recently replaced, as titled (the Constitution has no name).
LAW_NAMES = (
    # Bộ luật
    "Dân sự", "Hình sự", "Lao động", "Tố tụng dân sự", "Tố tụng hình sự", "Hàng hải Việt Nam",
    # State organisation, elections, normative documents
    "Tổ chức Quốc hội", "Tổ chức Chính phủ", "Tổ chức chính quyền địa phương", "Tổ chức Tòa án nhân dân",
    "Tổ chức Viện kiểm sát nhân dân", "Tổ chức cơ quan điều tra hình sự", "Ban hành văn bản quy phạm pháp luật",
    "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân", "Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
    "Trưng cầu ý dân", "Tiếp cận thông tin", "Mặt trận Tổ quốc Việt Nam", "Công đoàn", "Thanh niên",
    "Cán bộ, công chức", "Viên chức", "Thi đua, khen thưởng", "Thanh tra", "Tiếp công dân", "Khiếu nại", "Tố cáo",
    "Phòng, chống tham nhũng", "Thực hành tiết kiệm, chống lãng phí", "Kiểm toán nhà nước", "Thống kê", "Lưu trữ",
    "Điều ước quốc tế", "Thỏa thuận quốc tế", "Quốc tịch Việt Nam", "Hộ tịch", "Căn cước", "Căn cước công dân",
    "Cư trú", "Xuất cảnh, nhập cảnh của công dân Việt Nam", "Tín ngưỡng, tôn giáo", "Thủ đô", "Dân số",
    # Justice
    "Xử lý vi phạm hành chính", "Thi hành án dân sự", "Thi hành án hình sự", "Tố tụng hành chính", "Luật sư",
    "Công chứng", "Giám định tư pháp", "Trợ giúp pháp lý", "Phổ biến, giáo dục pháp luật", "Hòa giải ở cơ sở",
    "Tương trợ tư pháp", "Đặc xá", "Tạm giữ, tạm giam", "Chuyển giao người đang chấp hành án phạt tù",
    "Hòa giải, đối thoại tại Tòa án", "Bồi thường nhà nước", "Trách nhiệm bồi thường của Nhà nước",
    # Defence and security
    "Quốc phòng", "An ninh quốc gia", "Công an nhân dân", "Nghĩa vụ quân sự", "Dân quân tự vệ",
    "Sĩ quan Quân đội nhân dân Việt Nam", "Biên giới quốc gia", "Biển Việt Nam", "Cảnh sát biển Việt Nam",
    "An ninh mạng", "An toàn thông tin mạng", "Phòng cháy và chữa cháy", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Phòng, chống ma túy", "Phòng, chống mua bán người", "Phòng, chống khủng bố", "Phòng, chống rửa tiền",
    "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", "Trật tự, an toàn giao thông đường bộ",
    "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "Phòng thủ dân sự",
    # Economy and finance
    "Doanh nghiệp", "Đầu tư", "Đầu tư công", "Đầu tư theo phương thức đối tác công tư", "Đấu thầu", "Hợp tác xã",
    "Thương mại", "Cạnh tranh", "Quản lý ngoại thương", "Phá sản", "Phục hồi, phá sản", "Chứng khoán",
    "Kinh doanh bảo hiểm", "Các tổ chức tín dụng", "Ngân hàng Nhà nước Việt Nam", "Ngân sách nhà nước",
    "Quản lý nợ công", "Quản lý, sử dụng tài sản công", "Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, "
    "kinh doanh tại doanh nghiệp", "Quản lý thuế", "Thuế thu nhập doanh nghiệp", "Thuế thu nhập cá nhân",
    "Thuế giá trị gia tăng", "Thuế tiêu thụ đặc biệt", "Thuế xuất khẩu, thuế nhập khẩu", "Thuế tài nguyên",
    "Thuế bảo vệ môi trường", "Thuế sử dụng đất nông nghiệp", "Thuế sử dụng đất phi nông nghiệp", "Phí và lệ phí",
    "Giá", "Kế toán", "Kiểm toán độc lập", "Dự trữ quốc gia", "Hải quan", "Kinh doanh bất động sản", "Nhà ở",
    "Đất đai", "Xây dựng", "Quy hoạch", "Quy hoạch đô thị", "Quy hoạch đô thị và nông thôn", "Kiến trúc",
    "Bảo vệ quyền lợi người tiêu dùng", "Chất lượng sản phẩm, hàng hóa", "Tiêu chuẩn và quy chuẩn kỹ thuật",
    "Đo lường", "Sở hữu trí tuệ", "Chuyển giao công nghệ", "Khoa học và công nghệ",
    "Khoa học, công nghệ và đổi mới sáng tạo", "Công nghệ thông tin", "Công nghiệp công nghệ số",
    "Chuyển đổi số", "Giao dịch điện tử", "Dữ liệu", "Bảo vệ dữ liệu cá nhân", "Trí tuệ nhân tạo",
    "Hỗ trợ doanh nghiệp nhỏ và vừa", "Điện lực", "Năng lượng nguyên tử", "Sử dụng năng lượng tiết kiệm và hiệu quả",
    "Dầu khí", "Khoáng sản", "Địa chất và khoáng sản", "Hóa chất", "Tần số vô tuyến điện", "Viễn thông",
    "Bưu chính", "Báo chí", "Xuất bản", "Quảng cáo", "Du lịch", "Đường sắt", "Đường bộ",
    "Giao thông đường bộ", "Giao thông đường thủy nội địa", "Hàng không dân dụng Việt Nam",
    # Society
    "Bảo hiểm xã hội", "Bảo hiểm y tế", "Việc làm", "Giáo dục", "Giáo dục đại học", "Giáo dục nghề nghiệp",
    "Nhà giáo", "An toàn, vệ sinh lao động", "Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng",
    "Khám bệnh, chữa bệnh", "Dược", "Phòng, chống bệnh truyền nhiễm", "An toàn thực phẩm",
    "Phòng, chống tác hại của thuốc lá", "Phòng, chống tác hại của rượu, bia", "Phòng, chống bạo lực gia đình",
    "Phòng, chống tác hại của rượu bia", "Hôn nhân và gia đình", "Trẻ em", "Người cao tuổi", "Người khuyết tật",
    "Bình đẳng giới", "Thể dục, thể thao", "Di sản văn hóa", "Điện ảnh", "Thư viện", "Nghệ thuật biểu diễn",
    "Ưu đãi người có công với cách mạng",
    # Land, environment, agriculture
    "Bảo vệ môi trường", "Tài nguyên nước", "Tài nguyên, môi trường biển và hải đảo", "Khí tượng thủy văn",
    "Đo đạc và bản đồ", "Phòng, chống thiên tai", "Đê điều", "Thủy lợi", "Lâm nghiệp", "Thủy sản", "Trồng trọt",
    "Chăn nuôi", "Thú y", "Bảo vệ và kiểm dịch thực vật", "Đa dạng sinh học",
)


def _spaced(words: str) -> str:
    """A pattern of words that a line break or several spaces may separate (`Bộ luật \\nLao động`)."""
    return r"\s+".join(re.escape(w) for w in words.split())


def name_key(law_type: str, name: str = "", year: int | None = None) -> str:
    """The key every spelling of a law's name shares, and with a year the key of one version.

    >>> name_key("Luật", "Bảo hiểm xã hội"), name_key("Bộ luật", "LAO ĐỘNG", 2019), name_key("Hiến pháp", "", 2013)
    ('ten:luat bao hiem xa hoi', 'ten:bo luat lao dong@2019', 'ten:hien phap@2013')
    """
    words = " ".join(fold(f"{law_type} {name}").replace(",", " ").split())
    return f"ten:{words}" + (f"@{year}" if year else "")


def canonical_name(law_type: str, name: str) -> str:
    """A law's name as titled: `LUẬT BẢO HIỂM XÃ HỘI` -> `Luật Bảo hiểm xã hội` when the list knows it."""
    known = KNOWN.get(name_key(law_type, name))
    if known:
        return known
    return " ".join(canonical_tones(f"{law_type} {name}").split())


def names_pattern(names) -> str:
    """A pattern of law names, longest first (`Giáo dục đại học` before `Giáo dục`)."""
    return "|".join(_spaced(n) for n in sorted(set(names), key=len, reverse=True))


KNOWN = {name_key(t, n): f"{t} {n}" for t in ("Luật", "Bộ luật", "Pháp lệnh") for n in LAW_NAMES}
KNOWN["ten:hien phap"] = "Hiến pháp"
