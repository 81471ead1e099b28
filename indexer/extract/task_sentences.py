"""Who a sentence or a heading gives a task to: `Sở Tài chính chủ trì, phối hợp với ...`, `Giao Sở Tư pháp ...`,
`Phòng Giáo dục và Đào tạo: chỉ đạo ...`, `Đối với ..., Bảo hiểm xã hội Việt Nam khẩn trương ...`, a heading that
is a body's name (`2. Sở Khoa học và Công nghệ`); never a request (`Đề nghị ...`).
"""

import re

from indexer.extract.task_bodies import (
    GIVING,
    INTRO,
    NOT_VERBS,
    REQUEST,
    SPLIT,
    VERBS,
    body_name,
    read_body,
    split_bodies,
)

# A clause that assigns: the body's name, then (after a comma at most) a verb of doing, not a preposition.
_DOING = sorted(set(VERBS) - NOT_VERBS - {"báo cáo"}, key=len, reverse=True)
# `báo cáo về ...` at a meeting tells what a body reported, not what it is to do.
ASSIGNING = re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(v) for v in _DOING) + r"|báo cáo(?!\s+về))(?=[\s,;:.]|$)")
# How far a body's name may run before the colon of a `Name: task` item; what ends a sentence before it; a
# verb before the colon makes the colon a list's (`Sở X chủ trì, phối hợp với các cơ quan:`).
COLON_REACH = 150
SENTENCE_STOP = re.compile(r"[.;]\s")
_VERB_INSIDE = re.compile(r"\s(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|thực\s+hiện|tổ\s+chức|triển\s+khai)\b")
# What joins bodies that lead together.
CO_LEAD = re.compile(r"\s*(?:,|và)\s*(?=[A-ZĐỦ])")
# A clause of a sentence that may carry its subject: after a comma, optionally `giao`/`yêu cầu` (`..., giao Sở X`).
CLAUSE = re.compile(r"[,;]\s+(?:(?P<giao>giao|yêu cầu)\s+)?(?=[A-ZĐỦ])")
SENTENCE_REACH = 400
# An opening phrase before a sentence's subject: `Đối với ...,`, `Trên cơ sở ...,`, `Căn cứ ...,`.
OPENING = re.compile(r"(?:Đối với|Trên cơ sở|Căn cứ|Trong|Sau khi|Khi|Để|Nhằm|Theo (?:quy định|đề nghị|chỉ đạo)|Về|"
                     r"Trường hợp)\b")


def assigned(text: str, inside: bool = True) -> str | None:
    """The body a sentence assigns work to (`Sở X chủ trì ...`, `Giao Sở X ...`, `Sở X: ...`), or None;
    `inside`: also a subject after an opening phrase (not under a body's part, whose items are its own).

    >>> assigned("Giao Sở Tư pháp theo dõi"), assigned("Đối với dự án chậm, Sở Xây dựng rà soát")
    ('Sở Tư pháp', 'Sở Xây dựng')
    >>> assigned("Theo dõi tình hình; báo cáo Chính phủ, Thủ tướng Chính phủ xem xét") is None
    True
    """
    if REQUEST.match(text):
        return None
    intro = GIVING.match(text)
    rest = text[intro.end():] if intro else text
    if rest[:4] in ("các ", "cho "):
        rest = rest[0].upper() + rest[1:]
    named = _named_before_colon(rest)
    if named:
        return named
    found = read_body(rest)
    if found:
        after = _past_co_leads(rest[found[1]:])
        if intro or after.lstrip().startswith(":") or ASSIGNING.match(after):
            return body_name(found[0])
        return None
    return _assigned_inside(text) if inside else None


def _named_before_colon(text: str) -> str | None:
    """The body a `Name: task` item names before its colon (`6. Ban Quản lý Khu Kinh tế Dung Quất và các Khu
    công nghiệp tỉnh: Tuyên truyền ...`): the first of them when several lead together."""
    colon = text.find(":", 0, COLON_REACH)
    if colon < 0 or not read_body(text) or SENTENCE_STOP.search(text, 0, colon):
        return None
    if _VERB_INSIDE.search(text, 0, colon):
        return None
    names = split_bodies(text[:colon])
    return names[0] if names else None


def _past_co_leads(after: str) -> str:
    """The words after the bodies that lead together (`Bộ Công an, Bộ Quốc phòng khẩn trương ...`)."""
    while (joint := CO_LEAD.match(after)) and (more := read_body(after[joint.end():])):
        after = after[joint.end() + more[1]:]
    return after


def _assigned_inside(text: str) -> str | None:
    """The body a sentence's main clause assigns, after an opening phrase (`Đối với ..., Bảo hiểm xã hội
    Việt Nam khẩn trương ...`, `Trên cơ sở đề xuất ..., Bộ Tài chính tổng hợp ...`, `..., giao Sở X ...`)."""
    sentence = text[:SENTENCE_REACH].split(". ")[0]
    opening = OPENING.match(sentence) is not None
    for clause in CLAUSE.finditer(sentence):
        rest = sentence[clause.end():]
        found = read_body(rest)
        if found and (clause.group("giao") or (opening and ASSIGNING.match(rest[found[1]:]))):
            return body_name(found[0])
    return None


def heading_body(heading: str) -> str | None:
    """The body a part's heading is, whole (`Sở Khoa học và Công nghệ`, `Trách nhiệm của Bộ Công an:`)."""
    if REQUEST.match(heading):
        return None
    intro = INTRO.match(heading)
    rest = heading[intro.end():] if intro else heading
    rest = re.sub(r"\s*\([^)]*\)\s*$", "", rest).rstrip(" .:;")
    found = read_body(rest)
    if found and found[1] >= len(rest):
        return body_name(found[0])
    # several bodies, all of them named (`Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình`)
    pieces = [p.strip(" ,;") for p in SPLIT.split(rest) if p.strip(" ,;")]
    if found and len(pieces) > 1 and all((b := read_body(p)) and b[1] >= len(p) for p in pieces):
        return body_name(pieces[0])
    return None
