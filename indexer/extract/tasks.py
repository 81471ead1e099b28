"""The tasks a plan assigns: what is to be done, by which body, with whom, by when, and where it stands.

Plans assign tasks four ways, all read here:
- a body's name as a part's heading, its tasks below (`2. Sở Khoa học và Công nghệ` / `- Chủ trì, phối hợp
  với ...` / `- Tham mưu ...`): each point or dash item under it is a task of that body, or its paragraph is;
- an item whose subject is the body (`Sở Tài chính chủ trì, phối hợp với ... bố trí kinh phí`,
  `Giao Sở Tư pháp theo dõi ...`, `Phòng Giáo dục và Đào tạo: chỉ đạo ...`);
- a task followed by labelled fields (`Đơn vị chủ trì: Sở Nội vụ.` / `Đơn vị phối hợp: Sở Tư pháp.` /
  `Thời gian thực hiện: Thường xuyên.`);
- an assignment table (`indexer.extract.task_tables`).
A request to a body outside the issuer's authority (`Đề nghị Ủy ban Mặt trận Tổ quốc ...`) assigns nothing.
"""

import re
from dataclasses import dataclass, replace

from indexer.extract.deadlines import Deadline, find_deadline, read_deadline
from indexer.extract.outline import Node, anchor_at, outline
from indexer.extract.outline_text import outline_view
from indexer.extract.task_bodies import (
    GIVING,
    INTRO,
    NOT_VERBS,
    REQUEST,
    SPLIT,
    VERBS,
    body_name,
    partners_in,
    read_body,
    split_bodies,
)
from indexer.extract.task_tables import assignment_rows

# A part's label at the start of its text: `Điều 5.`, `II.`, `1.2.`, `a)`.
LABEL = re.compile(r"\s*(?:(?:Điều|ĐIỀU)\s*\d+[a-zđ]?|[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđA-H])\s*[.:)\-–]?\s*")
# A dash item of a list (`- Chủ trì, phối hợp ...`, `– Tham mưu ...`, `• ...`, a scan's `~`); `+` items belong
# to the one above.
BULLET = re.compile(r"^[ \t]*[-–•~][ \t]+", re.M)
# A labelled field after a task: who leads, who works with it, by when (`*Đơn vị chủ trì thực hiện: *Sở Tư pháp.`).
FIELD = re.compile(
    r"^[ \t]*(?:[-+•][ \t]*)?(?P<label>(?:Đơn vị|Cơ quan)[ \t]+(?P<role>chủ trì|thực hiện|phối hợp)"
    r"[^:\n]{0,30}(?:\n[^:\n]{0,20})?"
    r"|Chủ trì|Phối hợp|Thời gian(?:[ \t]+(?:thực hiện|hoàn thành))?|Thời hạn(?:[ \t]+hoàn thành)?"
    r"|Tiến độ(?:[ \t]+thực hiện)?)[ \t]*:[ \t]*", re.M | re.I)
# Words a converter may leave between two fields of one block (a value wrapped past a blank line).
FIELD_GAP = 40
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
# The longest words a part may have before its points for them to introduce the points, not be a task of
# their own (`2. Sở Công Thương chủ trì, phối hợp thực hiện` / `a) ...`).
INTRO_LIMIT = 150
# A clause of a sentence that may carry its subject: after a comma, optionally `giao`/`yêu cầu` (`..., giao Sở X`).
CLAUSE = re.compile(r"[,;]\s+(?:(?P<giao>giao|yêu cầu)\s+)?(?=[A-ZĐỦ])")
SENTENCE_REACH = 400
# An opening phrase before a sentence's subject: `Đối với ...,`, `Trên cơ sở ...,`, `Căn cứ ...,`.
OPENING = re.compile(r"(?:Đối với|Trên cơ sở|Căn cứ|Trong|Sau khi|Khi|Để|Nhằm|Theo|Thực hiện|Về|Trường hợp)\b")
# A part that names who leads, who works with, or by when: `Cơ quan chủ trì`, `Đơn vị thực hiện`, `Chủ trì
# thực hiện`, `Cơ quan phối hợp`, `Thời gian thực hiện: ...`.
ROLE_PART = re.compile(r"(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|thực hiện|phối hợp)|Chủ trì(?:\s+thực hiện)?|"
                       r"(?P<time>Thời gian|Thời hạn|Tiến độ))", re.I)
ROLE_HEADING = 40  # `Cơ quan chủ trì, phối hợp`
ROLE_WORDS = 15    # `Thời gian` ... `thực hiện:`
# A paragraph of its own that gives a body a task (`Giao Sở Khoa học và Công nghệ theo dõi ...`), and what ends
# such a paragraph.
GIVEN_LINE = re.compile(r"^[ \t]*(?P<giao>Giao[ \t]+(?:cho[ \t]+)?[A-ZĐỦ])", re.M)
PARAGRAPH_STOP = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-–•+]|\d{1,2}[.)]|[a-zđ]\)|[IVX]+\.|Nơi nhận|NƠI NHẬN)")
# The longest text a task keeps: a body's part may run for pages.
TEXT_LIMIT = 2000


@dataclass(frozen=True)
class Task:
    """One task: its text, lead body (canonical), partner bodies, deadline, and the anchor of its part."""

    text: str
    lead: str | None
    partners: tuple[str, ...]
    deadline: Deadline | None
    anchor: str | None
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "lead": self.lead, "partners": list(self.partners),
                "deadline": self.deadline.as_dict() if self.deadline else None, "anchor": self.anchor}


def _flat(text: str) -> str:
    words = " ".join(text.split()).lstrip("-–•~+ ")
    if len(words) <= TEXT_LIMIT:
        return words
    return words[:words.rfind(" ", 0, TEXT_LIMIT)] + "…"


def _task(view: str, nodes, start: int, end: int, lead: str | None, partners=(), deadline=None) -> Task:
    text = _flat(view[start:end])
    named = partners_in(text)
    partners = tuple(dict.fromkeys(p for p in (*named, *partners) if p != lead))
    return Task(text, lead, partners, deadline or find_deadline(text), anchor_at(nodes, start), start, end)


def _assigned(text: str) -> str | None:
    """The body a sentence assigns work to (`Sở X chủ trì ...`, `Giao Sở X ...`, `Sở X: ...`), or None."""
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
    return _assigned_inside(text)


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


def _heading_body(heading: str) -> str | None:
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


def _own_span(view: str, node: Node) -> tuple[int, int]:
    """Where a part's own words start (after its label) and end (at its first part)."""
    label = LABEL.match(view, node.start)
    start = label.end() if label else node.start
    return start, node.children[0].start if node.children else node.end


def _bullets(view: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = list(BULLET.finditer(view, start, end))
    return [(m.end(), marks[k + 1].start() if k + 1 < len(marks) else end) for k, m in enumerate(marks)]


def _listed(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The dash items after a colon that introduces them (`... phối hợp với các sở, ngành:` / `- ...`)."""
    items = _bullets(view, start, end)
    if not items or not view[start:items[0][0]].rstrip(" \t\n-–•").endswith(":"):
        return []
    return items


def _first_paragraph_end(view: str, start: int, end: int) -> int:
    """The end of a heading's line (its body's task text starts after it)."""
    cut = view.find("\n", start, end)
    return end if cut < 0 else cut


def _after_words(view: str, start: int, words: str, end: int) -> int:
    """Where the words of a heading end in the view (its letters in order, whatever the spacing between)."""
    wanted = [c for c in words.rstrip("…") if not c.isspace()]
    at, k = start, 0
    while at < end and k < len(wanted):
        if view[at] == wanted[k]:
            k += 1
        elif not view[at].isspace() and view[at] not in ".:;,-–)":
            return _first_paragraph_end(view, start, end)
        at += 1
    return at


def _body_part(view: str, nodes, node: Node, body: str, partners: tuple, out: list) -> None:
    """A part headed by a body's name: its parts, its dash items, or its paragraph are the body's tasks."""
    if node.children:
        _list_tasks(view, nodes, node.children, body, out, partners)
        return
    start, own_end = _own_span(view, node)
    after = _after_words(view, start, node.heading, own_end)
    items = _bullets(view, after, own_end) or [(after, own_end)]
    out += [_task(view, nodes, a, b, body, partners) for a, b in items if view[a:b].strip(" \n.:;")]


def _roles(view: str, node: Node) -> dict[str, str]:
    """The bodies and time a part's own parts name: `Cơ quan chủ trì` (its dash items or the words after its
    colon), `Cơ quan phối hợp`, `Thời gian thực hiện: Tháng 12/2013`; nested one level (`2. Cơ quan chủ trì, phối
    hợp` / `a) Cơ quan chủ trì` / `b) Cơ quan phối hợp`)."""
    roles: dict[str, str] = {}
    for child in node.children:
        role = _role_part(child.heading)
        if not role:
            continue
        if child.children and not role.group("time"):
            roles.update(_roles(view, child))
            continue
        start, _ = _own_span(view, child)
        words = view[start:child.end]
        value = words[words.find(":") + 1:] if ":" in words[:80] else words[words.find("\n") + 1:]
        kind = "deadline" if role.group("time") else "partners" if "phối" in role.group().lower() else "lead"
        if kind == "lead" and "phối" in role.group().lower() and child.children:
            continue
        roles.setdefault(kind, value)
    return roles


def _role_part(heading: str):
    """The role a part's heading names (`Cơ quan chủ trì`, `Thời gian thực hiện: ...`), never a sentence that
    starts with the same words (`Chủ trì đẩy nhanh tiến độ đàm phán ...`)."""
    role = ROLE_PART.match(heading)
    colon = heading.find(":")
    if role and (0 <= colon - role.end() <= ROLE_WORDS or len(heading) <= ROLE_HEADING):
        return role
    return None


def _role_tasks(view: str, nodes, node: Node, out: list) -> bool:
    """A part laid out as its content, who leads it, who works with it and by when: its content's points are
    its tasks (`1. Nội dung, biện pháp` / `a) ...` ; `2. Cơ quan chủ trì, phối hợp` ; `3. Thời gian thực hiện:`)."""
    roles = _roles(view, node)
    if "lead" not in roles:
        return False
    leads = split_bodies(roles["lead"])
    partners = tuple(leads[1:] + split_bodies(roles.get("partners", "")))
    deadline = read_deadline(roles["deadline"]) if roles.get("deadline") else None
    for child in node.children:
        if _role_part(child.heading):
            continue
        for unit in child.children or (child,):
            start, _ = _own_span(view, unit)
            out.append(_task(view, nodes, start, unit.end, leads[0] if leads else None, partners, deadline))
    return True


def _list_tasks(view: str, nodes, parts, lead: str | None, out: list, partners: tuple = ()) -> None:
    for node in parts:
        start, own_end = _own_span(view, node)
        words = " ".join(view[start:own_end].split())
        if REQUEST.match(words):
            continue
        body = _heading_body(node.heading)
        if body:
            _body_part(view, nodes, node, body, partners, out)
            continue
        if node.children and _role_tasks(view, nodes, node, out):
            continue
        assigned = _assigned(words)
        if assigned and node.children and (words.rstrip().endswith(":") or len(words) <= INTRO_LIMIT):
            # `3. Bộ Tài chính chủ trì, phối hợp với các cơ quan, địa phương:` / `a) ...` / `b) ...`
            _list_tasks(view, nodes, node.children, assigned, out, tuple(partners_in(words)))
            continue
        if assigned and not node.children and (items := _listed(view, start, own_end)):
            # `2. Sở X chủ trì, phối hợp với ...:` / `- ...` / `- ...`: each dash item is a task
            out += [_task(view, nodes, a, b, assigned, tuple(partners_in(words[:words.find(":")]))) for a, b in items]
            continue
        if assigned and not any(_assigned(" ".join(view[_own_span(view, c)[0]:c.end].split()))
                                for c in node.children):
            out.append(_task(view, nodes, start, node.end, assigned))
            continue
        if lead and not node.children:
            out.append(_task(view, nodes, start, node.end, lead, partners))
            continue
        for a, b in _bullets(view, start, own_end):
            line_start = view.rfind("\n", 0, a) + 1
            named = None if FIELD.match(view, line_start) else _assigned(" ".join(view[a:b].split()))
            if named:
                out.append(_task(view, nodes, a, b, named))
        _list_tasks(view, nodes, node.children, lead, out, partners)


def _field_value(view: str, match, end: int) -> tuple[str, int]:
    """A field's value: the rest of its line and the lines that continue it, up to a blank line or field."""
    stop = view.find("\n\n", match.end(), end)
    stop = end if stop < 0 else stop
    following = FIELD.search(view, match.end(), stop)
    stop = following.start() if following else stop
    return " ".join(view[match.end():stop].split()).strip(" .;"), stop


def _field_tasks(view: str, nodes) -> list[Task]:
    """Tasks closed by labelled fields: the text since the last block of fields (or the part's start)."""
    out, previous_end = [], 0
    matches = list(FIELD.finditer(view))
    k = 0
    while k < len(matches):
        block, values = [matches[k]], {}
        stop = _field_value(view, matches[k], len(view))[1]
        while k + 1 < len(matches) and _same_block(view[stop:matches[k + 1].start()]):
            k += 1
            block.append(matches[k])
            stop = _field_value(view, matches[k], len(view))[1]
        for match in block:
            values[_role(match)] = _field_value(view, match, len(view))[0]
        k += 1
        if "lead" in values:
            start = max(previous_end, _part_start(view, nodes, block[0].start()))
            leads = split_bodies(values["lead"])
            partners = split_bodies(values.get("partners", ""))
            deadline = read_deadline(values["deadline"]) if values.get("deadline") else None
            text = _flat(view[start:block[0].start()])
            if text:
                out.append(Task(text, leads[0] if leads else None, tuple(leads[1:] + partners), deadline,
                                anchor_at(nodes, start), start, block[0].start()))
        previous_end = stop
    return out


def _same_block(gap: str) -> bool:
    """Two fields stand in one block when only a few words (a value wrapped past a blank line) lie between,
    never a task's dash item."""
    return len(gap.strip()) <= FIELD_GAP and not BULLET.search(gap)


def _role(match) -> str:
    label = match.group("label").lower()
    if "phối hợp" in label:
        return "partners"
    if label.startswith(("thời", "tiến")):
        return "deadline"
    return "lead"


def _part_start(view: str, nodes, offset: int) -> int:
    """Where the words of the deepest part holding an offset start (after its label)."""
    start, parts = 0, nodes
    while parts:
        inside = [n for n in parts if n.start <= offset < n.end]
        if not inside:
            break
        start, parts = _own_span(view, inside[0])[0], inside[0].children
    return start


def _table_tasks(text: str, nodes) -> list[Task]:
    out = []
    for cells, first in assignment_rows(text):
        leads = split_bodies(cells["lead"].text) if "lead" in cells else []
        partners = split_bodies(cells["partners"].text) if "partners" in cells else []
        deadline = read_deadline(cells["deadline"].text) if "deadline" in cells else None
        end = max(c.end for c in cells.values())
        out.append(Task(_flat(cells["content"].text.replace("*", "")), leads[0] if leads else None,
                        tuple(leads[1:] + partners), deadline, anchor_at(nodes, first.start), first.start, end))
    return out


def _given(view: str, nodes, found: list[Task]) -> list[Task]:
    """Tasks given in a paragraph of their own that no list item starts (`Giao Sở Khoa học và Công nghệ theo
    dõi, đôn đốc ...` after a body's last dash item): the task holding it ends where it starts."""
    starts = {t.start for t in found}
    added = []
    for line in GIVEN_LINE.finditer(view):
        at = line.start("giao")
        if any(abs(at - s) <= 3 for s in starts):
            continue
        lead = _assigned(" ".join(view[at:at + SENTENCE_REACH].split()))
        if lead:
            added.append(_task(view, nodes, at, _paragraph_end(view, at), lead))
    if not added:
        return found
    cuts = sorted(t.start for t in added)
    trimmed = []
    for task in found:
        inside = [c for c in cuts if task.start < c < task.end]
        trimmed.append(replace(task, end=inside[0], text=_flat(view[task.start:inside[0]])) if inside else task)
    return trimmed + added


def _paragraph_end(view: str, start: int) -> int:
    """The end of the paragraph that starts at `start`: a blank line, a list item, a part, or the recipients."""
    stop = PARAGRAPH_STOP.search(view, start + 1)
    return stop.start() if stop else len(view)


def _overlaps(task: Task, spans) -> bool:
    return any(task.start < end and start < task.end for start, end in spans)


def tasks(text: str, nodes: tuple[Node, ...] | None = None) -> tuple[Task, ...]:
    """The tasks a document assigns, in text order (`nodes`: its outline, when the caller has it).

    >>> [(t.lead, t.deadline.printed) for t in tasks("I. TỔ CHỨC THỰC HIỆN\\n1. Sở Tư pháp chủ trì, phối hợp với "
    ...     "Sở Nội vụ rà soát văn bản, hoàn thành trong Quý II/2025.\\n2. Đề nghị Ủy ban MTTQ tỉnh phối hợp.")]
    [('Sở Tư pháp', 'Quý II/2025')]
    """
    nodes = outline(text) if nodes is None else nodes
    view = outline_view(text)
    tabled = _table_tasks(text, nodes)
    fielded = [t for t in _field_tasks(view, nodes) if not _overlaps(t, [(r.start, r.end) for r in tabled])]
    listed: list[Task] = []
    _list_tasks(view, nodes, nodes, None, listed)
    taken = [(t.start, t.end) for t in tabled + fielded]
    listed = [t for t in listed if not _overlaps(t, taken)]
    return tuple(sorted(_given(view, nodes, tabled + fielded + listed), key=lambda t: t.start))
