"""Vietnam's provinces and the place names that tell where a document comes from."""

import re
from collections import Counter

# The 63 provinces and centrally-run cities (before the 2025 merger), as written in documents.
PROVINCES = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thành phố Hồ Chí Minh", "Thừa Thiên Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]

# Names that are also ordinary words or a person's name: counted only after `tỉnh`/`thành phố`
# (`diễn biến hòa bình` is not Hòa Bình, `tư tưởng Hồ Chí Minh` is not the city).
AMBIGUOUS = {"Hòa Bình", "Thành phố Hồ Chí Minh"}
CITY_HCM = re.compile(r"(?:[Tt]hành phố|TP\.?)\s*(?:Hồ Chí Minh|HCM)\b")


def _pattern(name: str) -> str:
    """A place name in title case or upper case, with any spacing or tone style."""
    def spaced(words: str) -> str:  # upper-cased word by word: `\s` must stay `\s`
        return r"\s+".join(re.escape(w) for w in words.split(" "))
    lower, upper = spaced(name), spaced(name.upper())
    if name in AMBIGUOUS:
        lower, upper = r"(?:[Tt]ỉnh|TỈNH)\s+" + lower, r"TỈNH\s+" + upper
    return f"{lower}|{upper}"


# Every province in one pattern (one pass over a text, not 63): group `p<i>` is PROVINCE_NAMES[i].
PROVINCE_NAMES = sorted((n for n in PROVINCES if n != "Thành phố Hồ Chí Minh"), key=len, reverse=True)
_FIRST_LETTERS = "".join(sorted({n[0] for n in PROVINCE_NAMES} | {"t", "T"}))  # `tỉnh Hòa Bình`
PROVINCE_PATTERN = re.compile(
    rf"(?<!\w)(?=[{_FIRST_LETTERS}])(?:"
    + "|".join(f"(?P<p{i}>{_pattern(n)})" for i, n in enumerate(PROVINCE_NAMES)) + r")(?!\w)")


# A district named after `huyện`, `Huyện ủy` or `Ủy ban nhân dân huyện`: `Huyện ủy Ngọc Hồi`.
DISTRICT = re.compile(r"(?:[Hh]uyện\s+ủy|[Hh]uyện\s+uỷ|\bhuyện|\bHUYỆN)\s+"
                      r"((?:[A-ZĐ][a-zà-ỹđ]+)(?:\s+[A-ZĐ][a-zà-ỹđ]+){0,2})")


def find_province(text: str) -> str | None:
    """The province a text names most often (None when it names none).

    >>> find_province("Báo Lai Châu và Đài tỉnh Lai Châu; Hà Nội")
    'Lai Châu'
    """
    counts = Counter(PROVINCE_NAMES[int(m.lastgroup[1:])] for m in PROVINCE_PATTERN.finditer(text))
    hcm = len(CITY_HCM.findall(text))
    if hcm:
        counts["Thành phố Hồ Chí Minh"] = hcm
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def find_district(text: str) -> str | None:
    """The district a text names most often after `huyện` / `Huyện ủy`.

    >>> find_district("Kế hoạch của Huyện ủy\\n\\nNgọc Hồi; huyện ủy, thành ủy")
    'Ngọc Hồi'
    """
    names = Counter(re.sub(r"\s+", " ", m.group(1)) for m in DISTRICT.finditer(text))
    return names.most_common(1)[0][0] if names else None
