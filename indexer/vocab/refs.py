"""Document types and number-symbols: one canonical spelling, and keys that match any spelling."""

import re

from analyzers.normalize import canonical_tones, fold
from indexer.vocab.laws import LAW_TYPES, name_key

# Type names as written in text, with the code their symbols carry (`Kế hoạch` -> `KH`).
TYPE_CODES = {
    "Nghị quyết": "NQ", "Kế hoạch": "KH", "Chỉ thị": "CT", "Kết luận": "KL",
    "Quyết định": "QĐ", "Hướng dẫn": "HD", "Thông báo": "TB", "Báo cáo": "BC",
    "Quy định": "QĐi", "Nghị định": "NĐ", "Thông tư": "TT", "Chương trình": "CTr",
    "Đề án": "ĐA", "Tờ trình": "TTr", "Thông tri": "TTr", "Công văn": "CV",
}
CODE_TYPES = {
    "NQ": "Nghị quyết", "KH": "Kế hoạch", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định",
    "HD": "Hướng dẫn", "TB": "Thông báo", "BC": "Báo cáo", "QĐI": "Quy định", "QYĐ": "Quy định",
    "NĐ": "Nghị định", "TT": "Thông tư", "CTR": "Chương trình", "ĐA": "Đề án", "TTR": "Tờ trình",
}

# Codes of types that the short form never uses, read from symbols only (`04/VBHN-BYT`).
SYMBOL_ONLY_CODES = {"VBHN": "Văn bản hợp nhất", "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch",
                     "TTLB": "Thông tư liên bộ", "QC": "Quy chế", "CĐ": "Công điện", "PA": "Phương án",
                     "GP": "Giấy phép", "BB": "Biên bản"}

# Every type of the Law on normative documents, Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW,
# as written in text (longest first, so `Thông tư liên tịch` wins over `Thông tư`).
DOCUMENT_TYPES = sorted(set(TYPE_CODES) | set(SYMBOL_ONLY_CODES.values()) | {
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Quy chế", "Chương trình", "Đề án", "Phương án",
    "Công điện", "Kế hoạch", "Giấy mời", "Biên bản", "Thông tư liên bộ"}, key=len, reverse=True)

# Types that head a document but are seldom cited by number (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW,
# and the `PHIẾU TRÌNH` of a People's Committee's office): read from the heading only.
HEADING_TYPES = ["Phiếu trình", "Thông cáo", "Giấy giới thiệu", "Giấy ủy quyền", "Giấy nghỉ phép", "Phiếu gửi",
                 "Phiếu chuyển", "Phiếu báo", "Bản ghi nhớ", "Bản thỏa thuận", "Thư công"]

# The type name at the start of a reference, in any case and with any line break between its words
# (`Kết Luận 224-KL/TU`, `Nghị \nđịnh số 75/2014/NĐ-CP`).
TYPE_NAME = "(?:" + "|".join(t.replace(" ", r"\s+") for t in DOCUMENT_TYPES) + ")"

# One code of a symbol: upper case and digits (`QH15`, `BLĐTBXH`), at most one lower-case letter
# (`TTg`, `QĐi`, `CTr`), and a word boundary after the symbol, so glued text (`NĐ-Cpng`, `2/Qu`) is not one.
_CODE = r"[A-ZĐ][A-ZĐ0-9]*(?:[a-zđ][A-ZĐ0-9]*)?"

# A number-symbol: `35-NQ/TW`, `150 - KH/TU`, `3006/KH-UBND`, `09/2017/NĐ-CP`, `51/2024/QH15`,
# `66.16/2026/NQ-CP` (dotted numbers of the 2026 resolutions), wrapped after a separator.
# What follows the number: `/2017/NĐ-CP`, ` - KH/TU`.
SYMBOL_TAIL = (rf"(?:\s*/\s*(?:19|20)\d\d)?\s*[-/–]\s*{_CODE}"
               rf"(?:[ \t]*\n?[ \t]*[-/–]\s*{_CODE})*(?![\wĐđ]|[-/–][\wĐđ])")
NUMBER_SYMBOL = rf"\d{{1,5}}(?:\.\d{{1,3}})?{SYMBOL_TAIL}"


# A law cited by its name (indexer.vocab.laws): `Luật Bảo hiểm xã hội`, `Hiến pháp`; no number-symbol in it.
_LAW_TYPE_WORDS = "|".join(t.replace(" ", r"\s+") for t in sorted(LAW_TYPES, key=len, reverse=True))
NAME_REF = re.compile(r"(?i)(?P<type>" + _LAW_TYPE_WORDS + r")\b(?P<name>[^\d/]*?)"
                      r"(?:\s+(?:năm\s+|nam\s+)?(?P<year>(?:19|20)\d\d))?\s*$")


def name_ref(ref: str) -> tuple[str, str, int | None] | None:
    """(type, name, year) of a ref that names a law rather than numbering it, else None.

    >>> name_ref("Luật Bảo hiểm xã hội"), name_ref("Bộ luật Dân sự 2015"), name_ref("58/2014/QH13")
    (('Luật', 'Bảo hiểm xã hội', None), ('Bộ luật', 'Dân sự', 2015), None)
    """
    match = NAME_REF.match(ref.strip())
    if not match:
        return None
    law_type = next(t for t in LAW_TYPES if fold(t) == " ".join(fold(match.group("type")).split()))
    year = match.group("year")
    return law_type, " ".join(match.group("name").split()), int(year) if year else None


def _parts(number_symbol: str) -> list[str]:
    return [p for p in re.split(r"\s*[-/–]\s*", number_symbol.strip()) if p]


def canonical_ref(number_symbol: str) -> str:
    """Write a number-symbol as printed, only its spacing (and en dashes) normalized: no convention change.

    >>> [canonical_ref(s) for s in ["150 - KH/TU", "35/NQ-TW", "09/2017/NĐ-CP", "51/2024/QH15", "37-HD/BTGDVTW"]]
    ['150-KH/TU', '35/NQ-TW', '09/2017/NĐ-CP', '51/2024/QH15', '37-HD/BTGDVTW']
    """
    return re.sub(r"\s*([-/])\s*", r"\1", re.sub(r"\s+", " ", number_symbol.replace("–", "-")).strip())


def ref_key(number_symbol: str) -> str:
    """A key that every spelling of one number-symbol shares: `35-nq-tw`.

    >>> ref_key("35-NQ/TW") == ref_key("35/NQ-TW") == ref_key("35 - nq / tw")
    True
    >>> ref_key("LUẬT BẢO HIỂM XÃ HỘI")
    'ten:luat bao hiem xa hoi'
    """
    named = name_ref(number_symbol)
    if named:
        return name_key(*named[:2])
    parts = _parts(number_symbol)
    parts[0] = parts[0].lstrip("0") or "0"
    return "-".join(fold(p) for p in parts)


def short_key(type_code: str, number: str) -> str:
    """A key for a type and a number without symbol: `nq:35` (what `Nghị quyết 35` says)."""
    return f"{fold(type_code)}:{number.lstrip('0') or '0'}"


def short_key_of(number_symbol: str) -> str | None:
    """The short key of a full number-symbol, when it carries a type code.

    >>> short_key_of("35-NQ/TW"), short_key_of("3006/KH-UBND"), short_key_of("4382/VP-KGVX")
    ('nq:35', 'kh:3006', None)
    """
    parts = _parts(number_symbol)
    if name_ref(number_symbol):
        return None
    for part in parts[1:]:
        if part.upper() in CODE_TYPES:
            return short_key(part, parts[0])
    return None


def type_of_symbol(number_symbol: str) -> str | None:
    """The document type that a number-symbol's type code names (`35-NQ/TW` -> `Nghị quyết`)."""
    for part in _parts(number_symbol)[1:]:
        code = part.upper()
        if code in CODE_TYPES or code in SYMBOL_ONLY_CODES:
            return CODE_TYPES.get(code) or SYMBOL_ONLY_CODES[code]
    return None


def type_name(surface: str) -> str:
    """The canonical type name for a type name as written (`KẾ HOẠCH`, `Kết Luận`)."""
    lowered = canonical_tones(" ".join(surface.lower().split()))
    for name in DOCUMENT_TYPES + HEADING_TYPES:
        if name.lower() == lowered:
            return name
    return surface


def year_of_symbol(number_symbol: str) -> int | None:
    """The year written inside a symbol (`09/2017/NĐ-CP` -> 2017), if any."""
    match = re.match(r"\d+\s*/\s*((?:19|20)\d\d)\b", number_symbol)
    return int(match.group(1)) if match else None


def ref_keys(ref: str, name: str | None = None, year: int | None = None) -> list[str]:
    """Every key a ref is found by: its full key and, when it has a type code, `nq:35`; a law's name
    (given, or the ref itself) and its name with the year (given, or the number's).

    >>> ref_keys("35-NQ/TW"), ref_keys("58/2014/QH13", "Luật Bảo hiểm xã hội")
    (['35-nq-tw', 'nq:35'], ['58-2014-qh13', 'ten:luat bao hiem xa hoi', 'ten:luat bao hiem xa hoi@2014'])
    >>> ref_keys("Hiến pháp", year=2013)
    ['ten:hien phap', 'ten:hien phap@2013']
    """
    keys = [ref_key(ref)]
    short = short_key_of(ref)
    if short:
        keys.append(short)
    named = name_ref(name) if name else name_ref(ref)
    if named:
        law_type, law_name, printed = named
        if name:
            keys.append(name_key(law_type, law_name))
        year = year or printed or year_of_symbol(ref)
        if year:
            keys.append(name_key(law_type, law_name, year))
    return keys
