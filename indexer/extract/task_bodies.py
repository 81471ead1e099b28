"""The bodies a plan names in its running text: who leads a task and who works with it.

A body's name starts with a head noun (`Sở`, `Ban`, `Ủy ban nhân dân`, `Công an`, `Các sở, ban, ngành`) and
runs until the verb of the clause (`Sở Tư pháp chủ trì, phối hợp với ...`, `Giao Sở Tư pháp theo dõi ...`),
a colon (`Phòng Giáo dục và Đào tạo: chỉ đạo ...`) or the end of a heading (`2. Sở Khoa học và Công nghệ`).
Names are written canonically the way issuers are (`indexer.extract.issuers.canonical_body`).
"""

import re

from indexer.extract.issuers import canonical_body

# Head nouns of a body that a capitalised word must follow (`Sở Tư pháp`, `Ban Tuyên giáo`, `Hội Nông dân`,
# `Báo Lai Châu`): never `Ban hành`, `Hội nghị`, `Phòng, chống`, `Trường hợp`, `Bộ máy`.
NAMED_HEADS = (r"Sở|Bộ|Ban|Cục|Chi cục|Tổng cục|Vụ|Phòng|Trung tâm|Báo|Đài|Hội|Hiệp hội|Liên hiệp|Liên đoàn|Liên minh|"
               r"Đoàn|Viện|Bệnh viện|Đại học|Chi nhánh|Khu|Nhà xuất bản|Thông tấn xã|"
               r"Trường|Học viện|Ngân hàng|Tòa án|Tổng công ty|Công ty|Tập đoàn|Quỹ|Văn phòng|Tổ|Hội đồng|"
               r"Ủy ban|Uỷ ban|Cổng|Kiểm toán|Bộ Chỉ huy|Bộ đội|Cảnh sát|Hải quan|Thanh tra|Kho bạc|Bảo hiểm")
# Heads that name a body alone or with a place (`Công an tỉnh`, `UBND các xã`, `Huyện ủy`), and the
# plural heads of a group of bodies (`Các sở, ban, ngành`, `Sở, ban, ngành`).
SELF_HEADS = (r"Ban quản lý|Báo và Phát thanh|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Công an|"
              r"Bảo hiểm xã hội|"
              r"Kho bạc Nhà nước|"
              r"Thanh tra|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Quận ủy|Thị ủy|Đảng ủy|Đảng uỷ|"
              r"Tỉnh đoàn|Thành đoàn|Huyện đoàn|Chính phủ|Thủ tướng Chính phủ|Mặt trận Tổ quốc|MTTQ|"
              r"Các (?:sở|Sở|cơ quan|đơn vị|ban|Ban|bộ|Bộ|địa phương|huyện|xã|phường|ngành|doanh nghiệp|tổ chức|"
              r"hội|Hội|đoàn thể|trường|cấp ủy|Huyện ủy|huyện ủy|ban đảng)|"
              r"Sở, ban, ngành|Sở, ngành|Sở ban ngành|Cơ quan|Đơn vị|Doanh nghiệp|Thủ trưởng|Chủ tịch|Giám đốc|"
              r"Lãnh đạo|Người đứng đầu|Bí thư")
HEAD = re.compile(rf"(?:(?:{SELF_HEADS})\b|(?:{NAMED_HEADS})\s+(?=[A-ZĐÀ-Ỹ]))")

# Words that start the clause after a body's name: its verb, or an adverb before it.
VERBS = ("chủ trì", "phối hợp", "theo dõi", "tham mưu", "hướng dẫn", "tổ chức", "xây dựng", "triển khai", "thực hiện",
         "có trách nhiệm", "chịu trách nhiệm", "là cơ quan", "làm đầu mối", "là đầu mối", "kiểm tra", "rà soát",
         "đôn đốc", "nghiên cứu", "bố trí", "tăng cường", "chỉ đạo", "căn cứ", "tiếp tục", "khẩn trương", "đẩy mạnh",
         "quán triệt", "cân đối", "đảm bảo", "bảo đảm", "hoàn thành", "hoàn thiện", "cập nhật", "báo cáo", "trình",
         "đề xuất", "ban hành", "phổ biến", "tuyên truyền", "vận động", "quản lý", "giám sát", "thẩm định",
         "tổng hợp", "lựa chọn", "cung cấp", "chuẩn bị", "định kỳ", "thường xuyên", "sớm", "kịp thời", "nâng cao",
         "phát huy", "ưu tiên", "hỗ trợ", "đăng ký", "lập", "thành lập", "kiện toàn", "duy trì", "đầu tư",
         "tập trung", "trực tiếp", "chủ động", "để", "nhằm", "theo", "về", "tại", "trong", "với", "cùng", "được",
         "giúp", "lãnh đạo", "phát động", "biên soạn", "xác định", "tiếp nhận", "công bố", "thông tin", "in",
         "đưa", "dành", "đánh giá", "sơ kết", "tổng kết", "khảo sát", "thẩm tra", "mở", "gửi", "phân công", "huy động",
         "căn cứ vào", "nghiêm túc", "tiến hành", "xem xét", "đầu mối", "ra", "cử", "có", "và các", "(", "thì", "khi",
         "nếu", "phải", "cần")
# Words in that list that do not make a clause assign work (`Sở X theo ...`, `UBND tỉnh về ...`).
NOT_VERBS = {"để", "nhằm", "theo", "về", "tại", "trong", "với", "cùng", "được", "(", "thì", "khi", "nếu", "và các",
             "có", "in", "ra", "mở", "phải", "cần", "thông tin"}
_VERB = re.compile(r"(?:[,;]?\s+|^)(?:" + "|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True))
                   + r")(?=[\s,;:.]|$)")
# The most words a body's name takes (`Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố`).
MAX_NAME_WORDS = 16

# How a part's heading gives a body its tasks: `Giao Sở X`, `Trách nhiệm của Sở X`, `Đối với Sở X`; and how a
# sentence does (`Giao Sở X theo dõi ...`; a sentence `Đối với X, ...` names its subject later).
INTRO = re.compile(r"^(?:Giao(?:\s+cho)?|Trách nhiệm của|Đối với|Nhiệm vụ của|Phân công)\s+", re.I)
GIVING = re.compile(r"^(?:Giao(?:\s+cho)?)\s+", re.I)
# A request to a body outside the issuer's authority: no assignment.
REQUEST = re.compile(r"^(?:Đề nghị|Kính đề nghị|Trân trọng đề nghị|Kiến nghị)\b", re.I)

# A generic lead: a group of bodies, not one (`Các sở, ban, ngành`, `UBND các xã, phường`, `Thủ trưởng các ...`).
GENERIC = re.compile(r"^(?:Các|Những|Mọi|Toàn thể|Thủ trưởng|Người đứng đầu|Lãnh đạo|Cơ quan,|Đơn vị|"
                     r"Sở, ban|Sở, ngành|Sở ban|Bộ, ngành|Bộ, cơ quan|Cơ quan|Doanh nghiệp|Bí thư|Phó bí thư|"
                     r"Chi bộ|Chi ủy|Chi uỷ)\b"
                     r"|^(?:Ủy ban nhân dân|Hội đồng nhân dân|Ban Thường vụ|Đảng ủy|Đảng uỷ|Ban Chỉ đạo|Cấp ủy|Cấp uỷ)"
                     r"\s+(?:các|cấp|cơ sở|bộ phận|nơi|trực thuộc)\b"
                     r"|^(?:Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:xã|phường|huyện|quận|thị xã|thành phố)"
                     r"(?:\s*(?:,|và)\s*(?:xã|phường|huyện|quận|thị xã|thị trấn|thành phố|đặc khu))+\s*$"
                     r"|\bcác\s+(?:huyện|xã|phường|tỉnh|quận|thị xã|sở|cấp|đơn vị|cơ quan|địa phương|ngành|ban)\b"
                     r"|\bcấp\s+(?:tỉnh|huyện|xã|cơ sở|trên)\b"
                     r"|^(?:Sở|Ban|Bộ|Phòng|Cục|Vụ|Trung tâm|Văn phòng|Thanh tra)$", re.I)

# Where a list of bodies splits: `;`, a line break, `(1)`, or a comma or `và` before a capitalised head noun.
_ANY_HEAD = rf"(?:{NAMED_HEADS}|{SELF_HEADS})\b"
SPLIT = re.compile(rf";|\n|\(\d+\)|,\s*(?={_ANY_HEAD})|\s+và\s+(?={_ANY_HEAD})")

# A line break inside one name (a table cell wraps anywhere), not before the next item of a list.
WRAPPED = re.compile(rf"\n(?![ \t]*(?:[-+•(]|(?:{NAMED_HEADS}|{SELF_HEADS})\b))")


def read_body(text: str) -> tuple[str, int] | None:
    """The body a text starts with, and where its name ends; None when it names none.

    >>> read_body("Sở Tài chính chủ trì, phối hợp với các Sở")
    ('Sở Tài chính', 12)
    >>> read_body("Ban Quản lý các khu công nghệ cao và khu công nghiệp")[0]
    'Ban Quản lý các khu công nghệ cao và khu công nghiệp'
    >>> read_body("Phòng Giáo dục và Đào tạo: chỉ đạo các cơ sở")[0]
    'Phòng Giáo dục và Đào tạo'
    >>> read_body("Ban hành văn bản"), read_body("Hội nghị toàn thể")
    (None, None)
    """
    if not HEAD.match(text):
        return None
    stop = len(text)
    for pattern in (r"[:(]", r"\.(?:\s|$)", r"\n\s*\n", SPLIT):
        found = re.compile(pattern).search(text, 1)
        if found:
            stop = min(stop, found.start())
    verb = _VERB.search(text, 1, stop)
    end = verb.start() if verb else stop
    name = text[:end].rstrip(" ,;-–")
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name, len(name)


def body_name(printed: str) -> str | None:
    """A printed name in its canonical spelling.

    >>> body_name("UBND các xã, phường"), body_name("SỞ TƯ PHÁP")
    ('Ủy ban nhân dân các xã, phường', 'Sở Tư pháp')
    """
    body = canonical_body(" ".join(printed.split()))
    return body.name if body else None


def split_bodies(text: str) -> list[str]:
    """The bodies a list names, each canonical: `Sở Y tế, Sở Nội vụ và UBND các xã` -> three.

    >>> split_bodies("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã")
    ['Sở Khoa học và Công nghệ Sở Công Thương', 'Ủy ban nhân dân các phường, xã']
    >>> split_bodies("(1) Văn phòng Chính phủ (2) Bộ Công an")
    ['Văn phòng Chính phủ', 'Bộ Công an']
    """
    names = []
    text = WRAPPED.sub(" ", text)
    for piece in SPLIT.split(text):
        piece = piece.strip(" .,;:-–+•\t")
        if len(piece) >= 3:
            name = body_name(piece)
            if name and name not in names:
                names.append(name)
    return names


def is_specific(name: str | None) -> bool:
    """True when a lead names one body, not a group of them.

    >>> is_specific("Sở Tư pháp"), is_specific("Các sở, ban, ngành"), is_specific("Ủy ban nhân dân các xã")
    (True, False, False)
    >>> is_specific("Ủy ban nhân dân xã, phường"), is_specific("Ủy ban nhân dân huyện Bình Sơn")
    (False, True)
    >>> is_specific("Ban Tuyên giáo các huyện ủy"), is_specific("Ban Quản lý các khu công nghệ cao")
    (False, True)
    """
    return bool(name) and not GENERIC.search(name)


PARTNERS = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+", re.I)


def partners_in(text: str) -> list[str]:
    """The bodies named after `phối hợp với` in a task's text.

    >>> partners_in("chủ trì, phối hợp với Sở Y tế, Sở Nội vụ và UBND các xã tổ chức kiểm tra")
    ['Sở Y tế', 'Sở Nội vụ', 'Ủy ban nhân dân các xã']
    """
    match = PARTNERS.search(text)
    if not match:
        return []
    rest = text[match.end():]
    if rest[:4].lower() == "các ":
        rest = rest[:4].upper()[0] + rest[1:]
    names, at = [], 0
    while at < len(rest):
        found = read_body(rest[at:])
        if not found:
            break
        names.append(found[0])
        at += found[1]
        joint = re.match(r"\s*(?:,|;|và)\s*", rest[at:])
        if not joint:
            break
        at += joint.end()
    return [n for n in (body_name(x) for x in names) if n]
