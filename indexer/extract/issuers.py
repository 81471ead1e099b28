"""Issuing bodies: one canonical spelling per body, the authority that signs for it, central or local."""

import re
from dataclasses import dataclass

from analyzers.normalize import canonical_tones, fold

# Central state and Party bodies, spelled as they name themselves (old and new ministries alike).
CENTRAL_BODIES = [
    "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội", "Hội đồng Dân tộc", "Chủ tịch nước",
    "Văn phòng Chủ tịch nước", "Chính phủ", "Thủ tướng Chính phủ", "Văn phòng Chính phủ", "Thanh tra Chính phủ",
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Tài chính",
    "Bộ Kế hoạch và Đầu tư", "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Giao thông vận tải", "Bộ Tài nguyên và Môi trường",
    "Bộ Thông tin và Truyền thông", "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo", "Ủy ban Dân tộc",
    "Ngân hàng Nhà nước Việt Nam", "Kiểm toán nhà nước", "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
    "Bảo hiểm xã hội Việt Nam", "Tổng cục Hải quan", "Tổng cục Thuế", "Ủy ban Chứng khoán Nhà nước",
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Văn phòng Trung ương Đảng",
    "Ban Tuyên giáo Trung ương", "Ban Tổ chức Trung ương", "Ban Dân vận Trung ương", "Ban Nội chính Trung ương",
    "Ban Kinh tế Trung ương", "Ban Đối ngoại Trung ương", "Ban Tuyên giáo và Dân vận Trung ương",
    "Ủy ban Kiểm tra Trung ương", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
]

# Other spellings of the same bodies: `NGÂN HÀNG NHÀ NƯỚC` alone, `Ban Chấp hành Trung ương Đảng`, `Bộ LĐTBXH`.
ALIASES = {
    "Ngân hàng Nhà nước": "Ngân hàng Nhà nước Việt Nam", "Ban Chấp hành Trung ương Đảng": "Ban Chấp hành Trung ương",
    "Ban Bí thư Trung ương Đảng": "Ban Bí thư", "Bộ Chính trị Trung ương Đảng": "Bộ Chính trị",
    "Bộ Lao động Thương binh và Xã hội": "Bộ Lao động - Thương binh và Xã hội",
    "Bộ LĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "Ủy ban thường vụ Quốc hội": "Ủy ban Thường vụ Quốc hội",
}

# The title of whoever signs for a body, before the body's name: `Bộ trưởng Bộ Y tế`,
# `Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh`, `Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc`, `Thống đốc Ngân hàng ...`.
AUTHORITY = re.compile(
    r"^(?P<authority>(?:Bộ trưởng|Thủ trưởng|Chủ tịch|Chủ nhiệm|Thống đốc|Tổng Kiểm toán|Chánh án|Viện trưởng|"
    r"Tổng Giám đốc|Giám đốc|Tổng cục trưởng|Cục trưởng|Trưởng ban|Chánh Văn phòng)"
    r"(?:,\s*(?:Chủ nhiệm|Thủ trưởng))?)\s+(?P<body>(?:Bộ|Ủy ban|Uỷ ban|Ngân hàng|Kiểm toán|Tòa án|Viện|"
    r"Bảo hiểm|Sở|Cục|Tổng cục|Ban|Văn phòng|Hội đồng|UBND|HĐND)\b.*)$", re.I)

# Head nouns of bodies named after a field, whose field words are capitalized: `Sở Giáo dục và Đào tạo`.
FIELD_HEADS = re.compile(r"^(?:Bộ|Sở|Cục|Tổng cục|Vụ|Ban|Viện|Chi cục|Phòng|Trung tâm|Học viện|Trường)\s+(?!nhân\b)",
                         re.I)

# Where a place name starts: everything after it is a proper noun (`tỉnh Bắc Ninh`, `huyện Ngọc Hồi`,
# `Thành ủy Hà Nội`); `xã hội` is a word, not a commune (`Văn hóa - Xã hội`).
PLACE_WORD = re.compile(r"\b((?:tỉnh|thành|huyện|quận|thị|đảng) ủy|(?:tỉnh|huyện|quận)(?! ủy\b)|thành phố|thị xã"
                        r"|xã(?! hội\b)|phường|thị trấn)\s+(?=\S)")

# An abbreviation kept as printed: a word of capitals without a vowel (`NCKSTTHC`, `BCĐ`).
ACRONYM = re.compile(r"^[BCDĐGHKLMNPQRSTVX]{2,}\d*$")

# Words a body's name keeps in capitals wherever they stand.
PROPER_WORDS = {"ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
                "tỉnh ủy": "Tỉnh ủy", "huyện ủy": "Huyện ủy", "thành ủy": "Thành ủy", "đảng ủy": "Đảng ủy",
                "trung ương": "Trung ương", "quốc hội": "Quốc hội", "chính phủ": "Chính phủ",
                "nhà nước": "Nhà nước", "việt nam": "Việt Nam", "thường vụ": "Thường vụ", "ubnd": "Ủy ban nhân dân",
                "hđnd": "Hội đồng nhân dân", "đảng": "Đảng", "mặt trận tổ quốc": "Mặt trận Tổ quốc",
                "tttt": "Thông tin và Truyền thông", "cntt": "Công nghệ thông tin"}

# Decoration around a printed name: rules, stars, underscores, markdown.
DECORATION = re.compile(r"[_*=|#–—]+|-{2,}|\s-\s*$|^\s*-\s")


@dataclass(frozen=True)
class Body:
    """An issuing body as printed, in its canonical spelling, and who signs for it."""

    name: str
    authority: str | None = None  # `Bộ trưởng` when the text names `Bộ trưởng Bộ Y tế`


def body_key(name: str) -> str:
    """A key every spelling of one body shares: folded, lower case, letters and digits only."""
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold(canonical_tones(name)).lower()).split())


_CANONICAL = {body_key(n): n for n in CENTRAL_BODIES} | {body_key(a): n for a, n in ALIASES.items()}


def is_central_body(name: str | None) -> bool:
    """True for a central body (a ministry, the Government, a central Party board)."""
    return bool(name) and body_key(name) in _CANONICAL


def _title_words(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


def case_name(name: str) -> str:
    """Proper-noun capitalisation: `SỞ GIÁO DỤC VÀ ĐÀO TẠO` -> `Sở Giáo dục và Đào tạo`."""
    text = name.lower()
    place = PLACE_WORD.search(text)
    rest = ""
    if place:
        text, rest = text[:place.end()], _title_words(text[place.end():])
    head = FIELD_HEADS.match(text)
    if head:
        field = re.sub(r"((?:^|\bvà|-|,)\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), text[head.end():])
        text = text[:head.end()] + field
    for lower, proper in PROPER_WORDS.items():
        text = re.sub(rf"(?<!\w){lower}(?!\w)", proper, text, flags=re.I)
    for word in {w for w in name.split() if ACRONYM.match(w) and w.lower() not in PROPER_WORDS}:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", word, text, flags=re.I)
    return (text[:1].upper() + text[1:] + rest).strip()


def clean_name(text: str) -> str:
    """A printed name without decoration or extra spacing: `Bộ y tế -------` -> `Bộ y tế`."""
    return " ".join(DECORATION.sub(" ", canonical_tones(text)).split()).strip(" .,;:")


def canonical_body(text: str | None) -> Body | None:
    """The body a printed name names, spelled one way, with the authority if one is named.

    >>> [canonical_body(t).name for t in ("BỘ Y TẾ", "Bộ y tế -------", "Bộ trưởng Bộ Y tế")]
    ['Bộ Y tế', 'Bộ Y tế', 'Bộ Y tế']
    >>> canonical_body("Bộ trưởng Bộ Y tế")
    Body(name='Bộ Y tế', authority='Bộ trưởng')
    >>> canonical_body("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
    Body(name='Ủy ban nhân dân tỉnh Bắc Ninh', authority='Chủ tịch')
    """
    name = clean_name(text or "")
    if not name:
        return None
    if body_key(name) in _CANONICAL:
        return Body(_CANONICAL[body_key(name)])
    authority = AUTHORITY.match(name)
    if authority:
        body = canonical_body(authority.group("body"))
        role = authority.group("authority").lower()
        return Body(body.name, role[:1].upper() + role[1:]) if body else None
    return Body(case_name(name) if name.isupper() or name.upper() == name else _proper(name))


def _proper(name: str) -> str:
    """A name written in running text keeps its own capitals; only abbreviations are written out."""
    for short, full in (("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân")):
        name = re.sub(rf"\b{short}\b", full, name)
    return name[:1].upper() + name[1:]
