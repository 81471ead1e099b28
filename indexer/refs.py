"""Document types and number-symbols: one canonical spelling, and keys that match any spelling."""

import re

from analyzers.normalize import fold

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

# Issuer codes of Party bodies: their symbols are written number-TYPE/ISSUER (`35-NQ/TW`).
PARTY_ISSUERS = {"TW", "TƯ", "TU", "HU", "ĐU", "QU", "TCT", "BTGTW", "BTGTU", "BTGHU", "BCT",
                 "BBT", "UBKTTW", "BTCTW", "BDVTW", "VPTW", "ĐUK"}

# The type name at the start of a reference, in any case (`Kết Luận 224-KL/TU`).
TYPE_NAME = "(?:" + "|".join(sorted(TYPE_CODES, key=len, reverse=True)) + ")"

# A number-symbol: `35-NQ/TW`, `150 - KH/TU`, `3006/KH-UBND`, `09/2017/NĐ-CP`, `4382/VP-KGVX`.
NUMBER_SYMBOL = (r"\d{1,5}(?:\s*/\s*(?:19|20)\d\d)?\s*[-/–]\s*[A-ZĐ][A-Za-zĐđ]*"
                 r"(?:\s*[-/–]\s*[A-ZĐ][A-Za-zĐđ0-9]*)*")



def _parts(number_symbol: str) -> list[str]:
    return [p for p in re.split(r"\s*[-/–]\s*", number_symbol.strip()) if p]


def canonical_ref(number_symbol: str) -> str:
    """Write a number-symbol one way: Party style `35-NQ/TW`, state style `362/QĐ-TTg`.

    >>> [canonical_ref(s) for s in ["150 - KH/TU", "35/NQ-TW", "09/2017/NĐ-CP", "4382/VP-KGVX"]]
    ['150-KH/TU', '35-NQ/TW', '09/2017/NĐ-CP', '4382/VP-KGVX']
    """
    parts = _parts(number_symbol)
    number, rest = parts[0], parts[1:]
    if rest and re.fullmatch(r"(19|20)\d\d", rest[0]):
        number, rest = f"{number}/{rest[0]}", rest[1:]
    if len(rest) == 2 and rest[1].upper() in PARTY_ISSUERS and rest[0].upper() in CODE_TYPES:
        return f"{number}-{rest[0]}/{rest[1]}"
    return f"{number}/" + "-".join(rest)


def ref_key(number_symbol: str) -> str:
    """A key that every spelling of one number-symbol shares: `35-nq-tw`.

    >>> ref_key("35-NQ/TW") == ref_key("35/NQ-TW") == ref_key("35 - nq / tw")
    True
    """
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
    for part in parts[1:]:
        if part.upper() in CODE_TYPES:
            return short_key(part, parts[0])
    return None


def type_of_symbol(number_symbol: str) -> str | None:
    """The document type that a number-symbol's type code names (`35-NQ/TW` -> `Nghị quyết`)."""
    for part in _parts(number_symbol)[1:]:
        if part.upper() in CODE_TYPES:
            return CODE_TYPES[part.upper()]
    return None


def type_name(surface: str) -> str:
    """The canonical type name for a type name as written (`KẾ HOẠCH`, `Kết Luận`)."""
    lowered = surface.lower()
    for name in TYPE_CODES:
        if name.lower() == lowered:
            return name
    return surface


def year_of_symbol(number_symbol: str) -> int | None:
    """The year written inside a symbol (`09/2017/NĐ-CP` -> 2017), if any."""
    match = re.match(r"\d+\s*/\s*((?:19|20)\d\d)\b", number_symbol)
    return int(match.group(1)) if match else None


def ref_keys(ref: str) -> list[str]:
    """Every key a ref is found by: its full key and, when it has a type code, `nq:35`."""
    keys = [ref_key(ref)]
    short = short_key_of(ref)
    if short:
        keys.append(short)
    return keys
