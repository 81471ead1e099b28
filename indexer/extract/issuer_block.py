"""The issuer block, top left of a header: the bodies printed there in reading order, however the
lines were wrapped or flattened, and the issuing unit named as it is known under its parent
(`UBND TỈNH BÌNH THUẬN` / `SỞ NỘI VỤ` -> `Sở Nội vụ tỉnh Bình Thuận`). The national motto and the
Party's name stand in the other column (`layouts.scans.motto_at` finds them however a scan read them):
they are never part of it.
"""

import re

from analyzers.normalize import canonical_tones, fold
from indexer.extract.header import CERTIFICATION, PLACE_DATE
from indexer.extract.issuers import CENTRAL_BODIES, Body, body_key, canonical_body, case_name, is_central_body
from indexer.extract.layouts.scans import motto_at

# Words that start a body's name on a header line: a new line starting with one is a new body
# (`BỘ TÀI CHÍNH` / `TỔNG CỤC HẢI QUAN`); any other line continues the one above (`ỦY BAN NHÂN` / `DÂN`).
BODY_WORD = (r"(?:BỘ|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|CỤC|TỔNG CỤC|CHI CỤC|VỤ|BAN|VĂN PHÒNG|CHÍNH PHỦ|THỦ TƯỚNG|"
             r"QUỐC HỘI|NGÂN HÀNG|VIỆN|TÒA ÁN|TOÀ ÁN|KIỂM TOÁN|BẢO HIỂM|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|ĐẢNG ỦY|"
             r"THÀNH UỶ|HUYỆN UỶ|ĐẢNG UỶ|ĐẢNG BỘ|TRUNG TÂM|PHÒNG|TRƯỜNG|THANH TRA|KHO BẠC|THƯỜNG TRỰC|ĐOÀN|CÔNG AN|"
             r"HỌC VIỆN|ĐẠI HỌC|TỔNG CÔNG TY)\b")
BODY_NAME_START = re.compile(BODY_WORD)

# A signature block's first line, `TM. CHÍNH PHỦ` / `KT. BỘ TRƯỞNG`: the header has ended.
SIGNING_FOR = re.compile(r"(?:T/M|TM\.|KT\.|TL\.|TUQ\.)")

# Co-issuers of a joint text, one after the other: `VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - BỘ CÔNG AN - ...`.
JOINT_SEPARATOR = re.compile(rf"\s[-–]\s*(?={BODY_WORD})")

# A rule printed under the issuer, on its line when a converter flattened the cell: `SỞ NỘI VỤ -------`.
RULE = re.compile(r"[-_–—=*.]{3,}")

# A number's symbol on a scan's line whose `Số:` and `/` were misread (`sẽ,? ? ŸBCT-ATMT`): codes in ASCII
# capitals joined by a hyphen, one stray letter before them at most. A body's name never looks so
# (`BÀ RỊA-VŨNG TÀU`, `LAO ĐỘNG-THƯƠNG BINH` carry Vietnamese letters).
SYMBOL_WORD = re.compile(r"\W*[^\W\d_]?[A-ZĐ]{2,}(?:-[A-ZĐ0-9]{2,})+\W*")

# A scan's stray marks before a header line: `' ỦY BAN NHÂN DÂN`, `| SỞ TƯ PHÁP`.
STRAY_MARKS = " \t-–'`|‘’\"“”.,;:~"

# A first syllable a wrap left alone on its line (`ỦY` / `BAN NHÂN DÂN`): it joins the next line.
STRANDED = {"ỦY", "UỶ", "UY"}

# Units a body prints under its name: `SỞ NỘI VỤ`, `VĂN PHÒNG`, `BAN TỔ CHỨC`, `PHÒNG NCKSTTHC`, a People's
# Council's `THƯỜNG TRỰC`.
UNIT_WORD = r"(?:SỞ|VĂN PHÒNG|BAN|PHÒNG|TRUNG TÂM|TỔNG CỤC|CỤC|CHI CỤC|THANH TRA|THƯỜNG TRỰC)"
LEVEL = r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)"

# A local parent and its unit flattened onto one line: `UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ`,
# `THÀNH ỦY HÀ NỘI BAN TỔ CHỨC`, `VĂN PHÒNG UBND TỈNH PHÒNG NCKSTTHC`.
LOCAL_PARENT_UNIT = re.compile(
    rf"^(?P<parent>(?:(?:ỦY BAN NHÂN DÂN|UBND|HĐND|HỘI ĐỒNG NHÂN DÂN|SỞ|VĂN PHÒNG)\b.*?\b{LEVEL}"
    rf"|(?:TỈNH|THÀNH|HUYỆN|QUẬN|ĐẢNG) ỦY)(?:\s+(?!{UNIT_WORD}\b)\S+)*?)\s+(?P<unit>{UNIT_WORD}\b.*)$")

# A committee's place in its canonical name: `Ủy ban nhân dân tỉnh Bình Thuận` -> `tỉnh Bình Thuận`.
COMMITTEE_PLACE = re.compile(r"^Ủy ban nhân dân (?P<place>(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
                             r"\b.*)$")

CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương"
# A ministry's units whose names alone say nothing without the ministry's: `Văn phòng Bộ Y tế`.
GENERIC_UNITS = ("Văn phòng", "Thanh tra")


def case_header(line: str) -> str:
    """A local header line in Party style: `TỈNH ỦY HẢI DƯƠNG` -> `Tỉnh ủy Hải Dương`; else proper-noun case."""
    line = canonical_tones(line)
    if line.startswith("TỈNH ỦY") and " " in line[8:].strip():
        return "Tỉnh ủy " + " ".join(w.capitalize() for w in line[8:].split())
    return case_name(line)


def _upper_part(line: str) -> str | None:
    """The line's upper-case words (a scan's stray marks and a rule dropped), or None when it is not a
    capitals line."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return None
    return " ".join(w for w in RULE.sub(" ", line).split() if not any(c.islower() for c in w))


def header_lines(header: str) -> list[str]:
    """The upper-case lines printed top left, before the number or date; mottos cut away."""
    lines: list[str] = []
    for raw in header.splitlines():
        motto = motto_at(raw)
        if motto is not None and lines and not raw[:motto].strip(" \t*_"):
            break  # the motto's column: the issuer's block has ended
        line = canonical_tones(raw[:motto]).strip(" \t*_").lstrip(STRAY_MARKS)  # a trailing dash joins co-issuers
        if not line or line.startswith("VĂN BẢN HỢP NHẤT") or CERTIFICATION.match(line):
            continue
        if not lines and not BODY_NAME_START.match(line) and line not in STRANDED:
            continue  # text before the first body's name: a table's tail, a cut line
        if not any(c.isalpha() for c in line):
            continue  # a scan's stray digits between the issuer's lines (`07:00`)
        upper = _upper_part(line)
        number_line = line.startswith("Số") or any(SYMBOL_WORD.fullmatch(w) for w in line.split())
        if number_line or SIGNING_FOR.match(line) or PLACE_DATE.match(line) or not upper:
            if lines:
                break
            continue
        lines.append(upper)
    return lines


def _split_line(body: str) -> list[str]:
    """A parent and its unit printed on one line, apart: `BỘ TÀI CHÍNH TỔNG CỤC THUẾ` -> two bodies."""
    if is_central_body(body) or JOINT_SEPARATOR.search(body):
        return [body]
    words = body.split()
    for k in range(len(words) - 1, 1, -1):
        head, rest = " ".join(words[:k]), " ".join(words[k:])
        if is_central_body(head) and BODY_NAME_START.match(rest):
            return [head, rest]
    local = LOCAL_PARENT_UNIT.match(body)
    return [local.group("parent"), local.group("unit")] if local else [body]


def bodies(lines: list[str]) -> list[str]:
    """Header lines joined into bodies in reading order, each printed once (gazettes repeat it)."""
    joined: list[str] = []
    for line in lines:
        continues = joined and (not BODY_NAME_START.match(line) or joined[-1].endswith(("-", "–"))
                                or joined[-1] in STRANDED or is_central_body(f"{joined[-1]} {line}"))
        if continues:
            joined[-1] += " " + line
        else:
            joined.append(line)
    unique: list[str] = []
    for body in (part for line in joined for part in _split_line(line)):
        if not unique or " ".join(unique[-1].split()) != " ".join(body.split()):
            unique.append(body)
    return unique


def own_name(text: str) -> Body:
    """A body named by itself: a central body's canonical name, else the printed name in proper case."""
    body = canonical_body(text)
    return body if body and is_central_body(body.name) else Body(case_header(text))


def under(parent: Body, text: str) -> Body:
    """The unit a parent prints above it, named as it is known: `Ban Tổ chức` under the Central
    Committee is `Ban Tổ chức Trung ương`; `Sở Nội vụ` under `Ủy ban nhân dân tỉnh X` is `Sở Nội vụ tỉnh X`."""
    unit = own_name(text)
    if is_central_body(unit.name):
        return unit
    if parent.name == CENTRAL_COMMITTEE:
        central = canonical_body(unit.name + (" Trung ương Đảng" if unit.name == "Văn phòng" else " Trung ương"))
        return central if central and is_central_body(central.name) else Body(unit.name + " Trung ương")
    if is_central_body(parent.name):
        whole = canonical_body(f"{unit.name} {parent.name}")  # `QUỐC HỘI` / `ỦY BAN THƯỜNG VỤ`
        if whole and is_central_body(whole.name):
            return whole
        return Body(f"{unit.name} {parent.name}") if unit.name in GENERIC_UNITS else unit
    place = COMMITTEE_PLACE.match(parent.name)
    if place and not unit.name.startswith("Văn phòng"):
        return Body(f"{unit.name} {place.group('place')}")
    return Body(f"{unit.name} {parent.name}")


def header_issuer(header: str, lines: list[str] | None = None) -> tuple[Body | None, str | None]:
    """The issuer printed top left (or in the given lines) and the parent body above it."""
    found = bodies(header_lines(header) if lines is None else lines)
    if not found:
        return None, None
    joint = JOINT_SEPARATOR.split(found[-1])
    if len(joint) > 1:  # a joint text: every co-issuer, in printed order
        return Body(", ".join(canonical_body(b).name for b in joint)), None
    named = [own_name(found[0])]
    for text in found[1:]:
        named.append(under(named[-1], text))
    return named[-1], (named[-2].name if len(named) > 1 else None)


def _initials(name: str) -> str:
    """`Ủy ban Thường vụ Quốc hội` -> `UBTVQH`: what a symbol's body code spells."""
    return "".join(fold(w[0]).upper() for w in name.split() if w[0].isalpha() and w != "và")


def completed(body: Body, number: str | None) -> Body:
    """A central body's name the page cut short (`ỦY BAN THƯỜNG VỤ`, its `QUỐC HỘI` line lost), made whole
    when the number's body code spells the whole name's initials (`494/NQ-UBTVQH13`)."""
    if not number or is_central_body(body.name):
        return body
    codes = {re.sub(r"\d+$", "", fold(part).upper()) for part in re.split(r"[-/]", number)[1:]}
    key = body_key(body.name)
    whole = [n for n in CENTRAL_BODIES if body_key(n).startswith(key + " ") and _initials(n) in codes]
    return Body(whole[0], body.authority) if len(whole) == 1 else body
