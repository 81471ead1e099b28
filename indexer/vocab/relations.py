"""What a citation does, read from the words around it: implements, based on, guided by, mentions."""

import re

KINDS = ("implements", "based_on", "guided_by", "mentions")  # strongest first

_TRIGGER = (r"(?P<implements>(?:triển\s+khai\s+|tổ\s+chức\s+)?thực\s+hiện|cụ\s+thể\s+h(?:óa|oá))"
            r"|(?P<based_on>căn\s+cứ(?:\s+vào)?)"
            r"|(?P<guided_by>theo\s+hướng\s+dẫn(?:\s+(?:của|tại))?)")

# Words that may stand between the verb and the reference: `triển khai thực hiện nghiêm túc, hiệu quả`.
_FILLER = (r"(?:[\s,]+(?:nghiêm\s+túc|nghiêm|tốt|có\s+hiệu\s+quả|hiệu\s+quả|đầy\s+đủ|đồng\s+bộ|các|nội\s+dung|"
           r"tinh\s+thần|việc))*")

# A trigger right before the reference: `Thực hiện Nghị quyết ...`, `căn cứ vào Chỉ thị ...`.
TRIGGER_BEFORE = re.compile(rf"(?i)(?:{_TRIGGER}){_FILLER}[\s,:“\"*(]*$")

# Between two references of one list: separators, and perhaps the first one's `về ...` subject
# (`Nghị quyết số 35-NQ/TW của Bộ Chính trị, Kế hoạch số 14-KH/TW`): the second shares the first's kind.
LIST_GAP = re.compile(r"(?i)^(?:\s*,?\s*(?:[“\"]\s*)?về\b[^;.]*?|\s*“[^”;.]*”)?[\s,;]*(?:và\s+)?$")

# A clause that opens with a trigger governs the list of references after it:
# `Thực hiện Kế hoạch số 3006/KH-UBND ...; Kế hoạch 131-KH/HU ..., Ủy ban nhân dân huyện ban hành`.
CLAUSE_OPENING = re.compile(rf"(?i)^[\s\-+*\d.)IVX]*(?:{_TRIGGER})\b")

# Where a clause starts: a sentence end, a colon, a blank line, a new list item.
CLAUSE_START = re.compile(r"[.!?:](?=\s)|\n\s*\n|\n[ \t]*[-+•]")

# How far before a citation its clause's start is looked for; and the nearer part looked at first, where most
# clauses start (a clause start is a character or a run of blanks: found there, it is the last in the reach).
CLAUSE_REACH = 1500
CLAUSE_NEAR = 200

# The main verb of an opening sentence: references after it are no longer in the governed list.
MAIN_VERB = re.compile(r"(?i)\b(?:ban\s+hành|xây\s+dựng|đề\s+ra|yêu\s+cầu|chỉ\s+đạo|giao)\b")

# Between two references: the first is described as implementing the second
# (`Kế hoạch số 14-KH/TW ... của Ban Bí thư thực hiện Nghị quyết 35`, `... về việc thực hiện ...`).
STATED_IMPLEMENTS = re.compile(
    r"(?i)^[\s,]*(?:về\s+)?(?:việc\s+)?[“\"*]*\s*(?:tiếp\s+tục\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|cụ\s+thể\s+h(?:óa|oá))"
    r"[\s“\"*]*$")


def _kind_of(match) -> str:
    return next(k for k in ("implements", "based_on", "guided_by") if match.group(k))


def classify(text: str, start: int, previous: tuple[int, str] | None = None) -> str:
    """The relation a citation starting at `start` expresses, from the words before it.

    `previous` is (end, kind) of the citation just before, whose list this one may continue.

    >>> t = "Thực hiện Nghị quyết số 35; Kế hoạch 14. Căn cứ Chỉ thị 07. Quán triệt Kết luận 21."
    >>> [classify(t, t.index(w)) for w in ("Nghị quyết", "Kế hoạch", "Chỉ thị", "Kết luận")]
    ['implements', 'implements', 'based_on', 'mentions']
    """
    before = text[max(0, start - 120):start]
    direct = TRIGGER_BEFORE.search(before)
    if direct:
        return _kind_of(direct)
    if previous and previous[1] != "mentions" and start - previous[0] <= 400 \
            and LIST_GAP.match(text[previous[0]:start]):
        return previous[1]
    clause = text[_clause_start(text, start):start]
    opening = CLAUSE_OPENING.match(clause)
    if opening and not MAIN_VERB.search(clause, opening.end()):
        return _kind_of(opening)
    return "mentions"


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding a citation starts: the end of the last CLAUSE_START within CLAUSE_REACH before it
    (0 when none).

    A search from a place just after a character that is not blank finds what a search from further back
    finds after it (no clause start spans it), so the nearer part is searched first: a clause start there is
    the last one (scanning 1,500 characters before each of gazette_dev's 14,000 citations was 0.3 s).

    >>> t = "Mở đầu. " + "x" * 300 + " Thực hiện\\n\\n - Kế hoạch"
    >>> _clause_start(t, t.index("Kế")), _clause_start(t, t.index("Thực")), _clause_start(t, 5)
    (320, 7, 0)
    """
    reach = max(0, start - CLAUSE_REACH)
    near = max(reach, start - CLAUSE_NEAR)
    while near > reach and text[near - 1].isspace():
        near -= 1
    for lo in ((near, reach) if near > reach else (reach,)):
        found = max((m.end() for m in CLAUSE_START.finditer(text, lo, start)), default=None)
        if found is not None:
            return found
    return 0


def strongest(kinds) -> str:
    """The strongest of several kinds (implements > based_on > guided_by > mentions)."""
    return min(kinds, key=KINDS.index, default="mentions")


def stated_implements(between: str) -> bool:
    """True when the words between two references say the first implements the second."""
    return len(between) <= 60 and STATED_IMPLEMENTS.match(between) is not None
