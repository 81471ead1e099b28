"""How bench/extraction.py compares what extraction found with what was read by hand.

Kept apart from the extractor's own tables, so the check does not share the extractor's mistakes.

- type: the same name, case and tone placement folded.
- number: as printed with inner spaces removed (`35 /2024/QĐ-UBND` -> `35/2024/QĐ-UBND`); an unsigned
  draft's blank (`/QĐ-UBND`) means "no number": the expected value is None.
- date: ISO; a draft's blank day or month gives `2025-11` or `2025`, compared with `partial_date`.
- issuer: local_dev prints it as read (`UBND TỈNH BÌNH THUẬN / SỞ NỘI VỤ`); the expected body is built
  from it by the naming rules below, then compared by key (tone placement, case, punctuation and the
  abbreviations UBND, HĐND, TTTT, CNTT folded away). Whether the value is also *canonical* is measured
  apart: one spelling per key in the whole run, no upper-case name, no motto, no markdown or `\\`.
  - a parent body's unit: a ministry's unit is named alone (`Tổng cục Thuế`); the Party Central
    Committee's unit is the central board (`Ban Tổ chức Trung ương`, `Văn phòng Trung ương Đảng`);
    a People's Committee's office keeps the committee's name (`Văn phòng Ủy ban nhân dân tỉnh X`), its
    other units take its place (`Sở Nội vụ tỉnh X`, `Ban Chỉ đạo 138 tỉnh X`); any other parent follows
    its unit (`Ban Tổ chức Thành ủy Hà Nội`).
  - a name that ends at its level (`... tỉnh`) matches that name followed by the province.
- province: none for a central document (local_dev's `level`); for a local one, the province its printed
  issuer names (`UBND TỈNH BÌNH THUẬN` -> Bình Thuận), found with the extractor's list of provinces;
  not checked when the printed issuer names none.
- gazette_dev gives no issuer: the body the number's last code names stands in (`04/VBHN-BYT` -> Bộ Y tế).
"""

import re

from analyzers.normalize import canonical_tones, fold
from indexer.extract.places import find_province

# The body each issuer code of a symbol names: the check for a gazette text's issuer.
GAZETTE_ISSUERS = {
    "cp": "Chính phủ", "ttg": "Thủ tướng Chính phủ", "qh": "Quốc hội", "ubtvqh": "Ủy ban Thường vụ Quốc hội",
    "vpqh": "Văn phòng Quốc hội", "bldtbxh": "Bộ Lao động - Thương binh và Xã hội", "btc": "Bộ Tài chính",
    "bca": "Bộ Công an", "bqp": "Bộ Quốc phòng", "byt": "Bộ Y tế", "nhnn": "Ngân hàng Nhà nước Việt Nam",
    "bxd": "Bộ Xây dựng", "bkhcn": "Bộ Khoa học và Công nghệ", "bct": "Bộ Công Thương", "bnv": "Bộ Nội vụ",
    "bnnptnt": "Bộ Nông nghiệp và Phát triển nông thôn", "bkhdt": "Bộ Kế hoạch và Đầu tư",
}

# Abbreviations a printed header uses for words a canonical name spells out.
ABBREVIATIONS = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tttt": "thong tin va truyen thong",
                 "cntt": "cong nghe thong tin", "tp": "thanh pho", "bch": "ban chap hanh"}

# Printed names that are not the body's whole name: the header cut its last line.
SHORT_NAMES = {"uy ban thuong vu": "uy ban thuong vu quoc hoi"}

CENTRAL_COMMITTEE = "ban chap hanh trung uong"
LEVELS = ("tinh", "huyen", "xa", "thanh pho", "quan", "phuong")


def key(name: str | None) -> str:
    """Folded, lower case, letters and digits, abbreviations spelled out: what every spelling shares."""
    words = re.sub(r"[^a-z0-9 ]+", " ", fold(canonical_tones(name or "")).lower()).split()
    text = " ".join(ABBREVIATIONS.get(w, w) for w in words)
    return SHORT_NAMES.get(text, text)


def _place(committee: str) -> str:
    """`uy ban nhan dan tinh binh thuan` -> `tinh binh thuan`."""
    return committee.removeprefix("uy ban nhan dan ").strip()


def _under(parent: str, unit: str) -> str:
    if parent == CENTRAL_COMMITTEE:
        return "van phong trung uong dang" if unit == "van phong" else f"{unit} trung uong"
    if parent.startswith("bo ") or parent.startswith("thanh tra chinh phu"):
        return unit
    if parent.startswith("uy ban nhan dan ") and not unit.startswith("van phong"):
        return f"{unit} {_place(parent)}"
    return f"{unit} {parent}"


def expected_issuer(printed: str | None) -> tuple[str | None, str | None]:
    """(issuer key, parent key) a hand-read header means."""
    if not printed:
        return None, None
    parts = [key(p) for p in printed.split(" / ")]
    if len(parts) == 1 and parts[0].startswith(CENTRAL_COMMITTEE + " "):  # printed without its ` / `
        parts = [CENTRAL_COMMITTEE, parts[0][len(CENTRAL_COMMITTEE) + 1:]]
    if len(parts) == 1:
        return parts[0], None
    return _under(parts[0], parts[1]), parts[0]


def same_body(expected: str | None, got: str | None) -> bool:
    """A key equal to the expected one, or the expected name that ends at its level plus a place."""
    got_key = key(got) if got else None
    if expected is None or got_key is None:
        return expected == got_key
    if got_key == expected:
        return True
    return expected.endswith(LEVELS) and got_key.startswith(expected + " ")


def gazette_issuer(number: str) -> str | None:
    """The body a gazette truth number's last code names, when it names one."""
    code = re.sub(r"\d+$", "", number_key(number).split("-")[-1])
    return GAZETTE_ISSUERS.get(code)


def number_key(number: str | None) -> str:
    """Folded, no spaces, no leading zero, one separator: what a gazette's URL keeps of a number."""
    parts = [p for p in re.split(r"[-/–.\s]+", fold(number or "").lower()) if p]
    return "-".join([parts[0].lstrip("0")] + parts[1:]) if parts else ""


def expected_number(printed: str | None) -> str | None:
    """The number a hand-read value means: a draft's blank (`/QĐ-UBND`) is no number."""
    if not printed or not printed[:1].isdigit():
        return None
    return printed


def same_number(expected: str | None, got: str | None) -> bool:
    def squeeze(n):
        return re.sub(r"\s+", "", n).replace("–", "-") if n else None
    return squeeze(expected) == squeeze(got)


def same_type(expected: str | None, got: str | None) -> bool:
    return canonical_tones(expected or "").lower() == canonical_tones(got or "").lower()


# What makes an issuer value not a canonical body name.
NOT_CANONICAL = re.compile(r"[\\*|<>#]|CỘNG HÒA|Cộng Hòa|Cộng hòa xã hội|Độc lập|Đảng cộng sản|ĐẢNG CỘNG SẢN", re.I)


def canonical_problems(values: list[str]) -> list[str]:
    """Issuer values that are no canonical name: upper case, mottos or markup, or a second spelling of a key."""
    problems, spellings = [], {}
    for value in sorted(set(values)):
        if NOT_CANONICAL.search(value) or (len(value) > 4 and value.isupper()):
            problems.append(value)
        spellings.setdefault(key(value), []).append(value)
    problems += [" | ".join(v) for v in spellings.values() if len(v) > 1]
    return problems


UNKNOWN = "?"  # no province to check against


def expected_province(record: dict) -> str | None:
    """None for a central document; the province a local document's printed issuer names, else UNKNOWN."""
    if record["level"] in ("central", "party-central"):
        return None
    return find_province(canonical_tones(record["issuer"].title())) or UNKNOWN
