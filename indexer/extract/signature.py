"""The signature block: who signs, and for which body (`TM. CHÍNH PHỦ` / `KT. THỦ TƯỚNG` / name)."""

import re

# Signature block roles: `T/M BAN THƯỜNG VỤ`, `TM. CHÍNH PHỦ`, `KT. BỘ TRƯỞNG`, `THỨ TRƯỞNG`, `PHÓ BÍ THƯ`.
SIGNATURE_ROLE = re.compile(
    r"^[ \t*]*(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|PHÓ|CHỦ TỊCH|BÍ THƯ|TRƯỞNG|CHÁNH|GIÁM ĐỐC|BỘ TRƯỞNG|"
    r"THỨ TRƯỞNG|THỦ TƯỚNG|CHỦ NHIỆM|THỐNG ĐỐC|TỔNG|VIỆN TRƯỞNG|CỤC TRƯỞNG|KIỂM TOÁN TRƯỞNG)\b[^\n]*$", re.M)

# A rank or degree printed before a signer's name: `Thượng tướng Vũ Hải Sản`, `PGS.TS. Nguyễn Văn A`.
RANK = r"(?:(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy))|(?:PGS|GS|TS|ThS)\.?(?:\s*TS\.?)?)\s+"

# A person's name alone on a line (two to five capitalized syllables), perhaps after a rank.
PERSON = re.compile(rf"^[ \t*]*(?:{RANK})?((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?:[ ][A-ZĐÀ-Ỹ][a-zà-ỹđ]+){{1,4}})[ \t*]*$", re.M)

# Capitalized words that start table cells and headings, never a person's name.
NOT_NAMES = {"Trình", "Hình", "Nơi", "Phụ", "Mẫu", "Ghi", "Họ", "Ký", "Điều", "Chương", "Căn", "Bộ", "Sở", "Ban",
             "Cộng", "Tổng", "Số", "Ngày", "Nội", "Đơn", "Mục", "Tên", "Cơ", "Công", "Ủy", "Văn", "Thông", "Quyết",
             "Nghị", "Chỉ", "Kế", "Hướng", "Phần", "Lưu", "Người", "Địa", "Thời", "Kính", "Thủ", "Chủ", "Xác"}

# The words that close a body: `./.` at the end of the last article, or the recipients list.
BODY_END = re.compile(r"\./\.|^[ \t*]*Nơi nhận\s*:", re.M)

# A role naming the body it signs for: `TM. CHÍNH PHỦ`, `T/M BAN THƯỜNG VỤ`, `TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI`.
FOR_BODY = re.compile(r"^[ \t*]*(?:T/M|TM\.)\s*(?P<body>[^\n]+?)[ \t*]*$", re.M)

ROLE_WINDOW = 300  # characters between the last role line and the name


def _person_after(view: str, role_end: int):
    person = PERSON.search(view, role_end, min(len(view), role_end + ROLE_WINDOW))
    return person if person and person.group(1).split()[0] not in NOT_NAMES else None


def signatures(view: str, start: int = 0, end: int | None = None) -> list:
    """Each signature block in view[start:end]: the name match after its last role line."""
    found, roles = [], list(SIGNATURE_ROLE.finditer(view, start, len(view) if end is None else end))
    for i, role in enumerate(roles):
        if i + 1 < len(roles) and roles[i + 1].start() - role.end() < 80:
            continue  # not the last line of its block
        person = _person_after(view, role.end())
        if person is not None and (not found or person.start() > found[-1].start()):
            found.append(person)
    return found


def signer_match(view: str, start: int = 0, end: int | None = None):
    """The document's own signature: the first block after its body ends (not one in a form of its annex)."""
    found = signatures(view, start, end)
    if not found:
        return None
    body_end = BODY_END.search(view, start, len(view) if end is None else end)
    after = [m for m in found if body_end and m.start() >= body_end.start() - 400]
    return after[0] if after else found[-1]


def signing_body(view: str, signer) -> str | None:
    """The body a signature block names (`TM. CHÍNH PHỦ`), read just before the signer."""
    if signer is None:
        return None
    bodies = list(FOR_BODY.finditer(view, max(0, signer.start() - ROLE_WINDOW), signer.start()))
    return bodies[-1].group("body") if bodies else None
