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
from dataclasses import dataclass

from indexer.extract.deadlines import Deadline, find_deadline, read_deadline
from indexer.extract.outline import Node, anchor_at, outline
from indexer.extract.outline_text import outline_view
from indexer.extract.task_bodies import (
    INTRO,
    NOT_VERBS,
    REQUEST,
    VERBS,
    body_name,
    partners_in,
    read_body,
    split_bodies,
)
from indexer.extract.task_tables import assignment_rows

# A part's label at the start of its text: `Điều 5.`, `II.`, `1.2.`, `a)`.
LABEL = re.compile(r"\s*(?:(?:Điều|ĐIỀU)\s*\d+[a-zđ]?|[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđA-H])\s*[.:)\-–]?\s*")
# A dash item of a list (`- Chủ trì, phối hợp ...`, `– Tham mưu ...`, `• ...`); `+` items belong to the one above.
BULLET = re.compile(r"^[ \t]*[-–•][ \t]+", re.M)
# A labelled field after a task: who leads, who works with it, by when (`*Đơn vị chủ trì thực hiện: *Sở Tư pháp.`).
FIELD = re.compile(
    r"^[ \t]*(?:[-+•][ \t]*)?(?P<label>(?:Đơn vị|Cơ quan)[ \t]+(?P<role>chủ trì|thực hiện|phối hợp)"
    r"[^:\n]{0,30}(?:\n[^:\n]{0,20})?"
    r"|Chủ trì|Phối hợp|Thời gian(?:[ \t]+(?:thực hiện|hoàn thành))?|Thời hạn(?:[ \t]+hoàn thành)?"
    r"|Tiến độ(?:[ \t]+thực hiện)?)[ \t]*:[ \t]*", re.M | re.I)
# Words a converter may leave between two fields of one block (a value wrapped past a blank line).
FIELD_GAP = 40
# A clause that assigns: the body's name, then (after a comma at most) a verb of doing, not a preposition.
_DOING = sorted(set(VERBS) - NOT_VERBS, key=len, reverse=True)
ASSIGNING = re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(v) for v in _DOING) + r")(?=[\s,;:.]|$)")
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
    words = " ".join(text.split())
    if len(words) <= TEXT_LIMIT:
        return words
    return words[:words.rfind(" ", 0, TEXT_LIMIT)] + "…"


def _task(view: str, nodes, start: int, end: int, lead: str | None, partners=(), deadline=None) -> Task:
    text = _flat(view[start:end])
    partners = tuple(p for p in (partners or partners_in(text)) if p != lead)
    return Task(text, lead, partners, deadline or find_deadline(text), anchor_at(nodes, start), start, end)


def _assigned(text: str) -> str | None:
    """The body a sentence assigns work to (`Sở X chủ trì ...`, `Giao Sở X ...`, `Sở X: ...`), or None."""
    if REQUEST.match(text):
        return None
    intro = INTRO.match(text)
    rest = text[intro.end():] if intro else text
    if rest[:4] in ("các ", "cho "):
        rest = rest[0].upper() + rest[1:]
    found = read_body(rest)
    if not found:
        return None
    after = rest[found[1]:]
    if intro or after.lstrip().startswith(":") or ASSIGNING.match(after):
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
    return body_name(found[0]) if found and found[1] >= len(rest) else None


def _own_span(view: str, node: Node) -> tuple[int, int]:
    """Where a part's own words start (after its label) and end (at its first part)."""
    label = LABEL.match(view, node.start)
    start = label.end() if label else node.start
    return start, node.children[0].start if node.children else node.end


def _bullets(view: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = [m.end() for m in BULLET.finditer(view, start, end)]
    return [(a, (marks[k + 1] if k + 1 < len(marks) else end)) for k, a in enumerate(marks)]


def _first_paragraph_end(view: str, start: int, end: int) -> int:
    """The end of a heading's line (its body's task text starts after it)."""
    cut = view.find("\n", start, end)
    return end if cut < 0 else cut


def _list_tasks(view: str, nodes, parts, lead: str | None, out: list) -> None:
    for node in parts:
        start, own_end = _own_span(view, node)
        words = " ".join(view[start:own_end].split())
        if REQUEST.match(words):
            continue
        body = _heading_body(node.heading)
        if body:  # a body's part: each of its parts, dash items or its paragraph is a task of that body
            if node.children:
                _list_tasks(view, nodes, node.children, body, out)
                continue
            after = _first_paragraph_end(view, start, own_end)
            items = _bullets(view, after, own_end) or [(after, own_end)]
            out += [_task(view, nodes, a, b, body) for a, b in items if view[a:b].strip()]
            continue
        assigned = _assigned(words)
        if assigned and not any(_assigned(" ".join(view[_own_span(view, c)[0]:c.end].split()))
                                for c in node.children):
            out.append(_task(view, nodes, start, node.end, assigned))
            continue
        if lead and not node.children:
            out.append(_task(view, nodes, start, node.end, lead))
            continue
        for a, b in _bullets(view, start, own_end):
            named = None if FIELD.match(view, view.rfind("\n", 0, a) + 1) else _assigned(" ".join(view[a:b].split()))
            if named:
                out.append(_task(view, nodes, a, b, named))
        _list_tasks(view, nodes, node.children, lead, out)


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
        while k + 1 < len(matches) and len(view[stop:matches[k + 1].start()].strip()) <= FIELD_GAP:
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
    return tuple(sorted(tabled + fielded + listed, key=lambda t: t.start))
