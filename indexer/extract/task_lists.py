"""Tasks a plan assigns in its lists: the parts and dash items under a body's name, items whose subject is the
body, dash items after an assigning colon, and points under `Nội dung` when sibling parts name `Cơ quan chủ trì`
and `Thời gian thực hiện`. `Task`, the one shape every way of assigning gives, is here too.
"""

import re
from dataclasses import dataclass

from indexer.extract.deadlines import Deadline, find_deadline, read_deadline
from indexer.extract.outline import Node, anchor_at
from indexer.extract.task_bodies import REQUEST, partners_in, split_bodies
from indexer.extract.task_sentences import assigned, heading_body

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
# The longest words a part may have before its points for them to introduce the points, not be a task of
# their own (`2. Sở Công Thương chủ trì, phối hợp thực hiện` / `a) ...`).
INTRO_LIMIT = 150
# A part that names who leads, who works with, or by when: `Cơ quan chủ trì`, `Đơn vị thực hiện`, `Chủ trì
# thực hiện`, `Cơ quan phối hợp`, `Thời gian thực hiện: ...`.
ROLE_PART = re.compile(r"(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|thực hiện|phối hợp)|Chủ trì(?:\s+thực hiện)?|"
                       r"(?P<time>Thời gian|Thời hạn|Tiến độ))", re.I)
ROLE_HEADING = 40  # `Cơ quan chủ trì, phối hợp`
ROLE_WORDS = 15    # `Thời gian` ... `thực hiện:`
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


def flat(text: str) -> str:
    words = " ".join(text.split()).lstrip("-–•~+ ")
    if len(words) <= TEXT_LIMIT:
        return words
    return words[:words.rfind(" ", 0, TEXT_LIMIT)] + "…"


def make_task(view: str, nodes, start: int, end: int, lead: str | None, partners=(), deadline=None) -> Task:
    text = flat(view[start:end])
    named = partners_in(text)
    partners = tuple(dict.fromkeys(p for p in (*named, *partners) if p != lead))
    return Task(text, lead, partners, deadline or find_deadline(text), anchor_at(nodes, start), start, end)


def own_span(view: str, node: Node) -> tuple[int, int]:
    """Where a part's own words start (after its label) and end (at its first part)."""
    label = LABEL.match(view, node.start)
    start = label.end() if label else node.start
    return start, node.children[0].start if node.children else node.end


def bullets(view: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = list(BULLET.finditer(view, start, end))
    return [(m.end(), marks[k + 1].start() if k + 1 < len(marks) else end) for k, m in enumerate(marks)]


def _listed(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The dash items after a colon that introduces them (`... phối hợp với các sở, ngành:` / `- ...`)."""
    items = bullets(view, start, end)
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
        list_tasks(view, nodes, node.children, body, out, partners)
        return
    start, own_end = own_span(view, node)
    after = _after_words(view, start, node.heading, own_end)
    items = bullets(view, after, own_end) or [(after, own_end)]
    out += [make_task(view, nodes, a, b, body, partners) for a, b in items if view[a:b].strip(" \n.:;")]


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
        start, _ = own_span(view, child)
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
            start, _ = own_span(view, unit)
            out.append(make_task(view, nodes, start, unit.end, leads[0] if leads else None, partners, deadline))
    return True


def list_tasks(view: str, nodes, parts, lead: str | None, out: list, partners: tuple = ()) -> None:
    for node in parts:
        start, own_end = own_span(view, node)
        words = " ".join(view[start:own_end].split())
        if REQUEST.match(words):
            continue
        body = heading_body(node.heading)
        if body:
            _body_part(view, nodes, node, body, partners, out)
            continue
        if node.children and _role_tasks(view, nodes, node, out):
            continue
        given_to = assigned(words, inside=lead is None)
        if given_to and node.children and (words.rstrip().endswith(":") or len(words) <= INTRO_LIMIT):
            # `3. Bộ Tài chính chủ trì, phối hợp với các cơ quan, địa phương:` / `a) ...` / `b) ...`
            list_tasks(view, nodes, node.children, given_to, out, tuple(partners_in(words)))
            continue
        if given_to and not node.children and (items := _listed(view, start, own_end)):
            # `2. Sở X chủ trì, phối hợp với ...:` / `- ...` / `- ...`: each dash item is a task
            partners = tuple(partners_in(words[:words.find(":")]))
            out += [make_task(view, nodes, a, b, given_to, partners) for a, b in items]
            continue
        if given_to and not any(assigned(" ".join(view[own_span(view, c)[0]:c.end].split()))
                                for c in node.children):
            out.append(make_task(view, nodes, start, node.end, given_to))
            continue
        if lead and not node.children:
            out.append(make_task(view, nodes, start, node.end, lead, partners))
            continue
        for a, b in bullets(view, start, own_end):
            line_start = view.rfind("\n", 0, a) + 1
            named = None if FIELD.match(view, line_start) else assigned(" ".join(view[a:b].split()))
            if named:
                out.append(make_task(view, nodes, a, b, named))
        list_tasks(view, nodes, node.children, lead, out, partners)
