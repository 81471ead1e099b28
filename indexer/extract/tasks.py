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
The lists are read in `task_lists` (with `task_sentences`: who a sentence gives a task to); the fields, the
tables and a paragraph of its own that gives a task (`Giao Sở X theo dõi ...`) here.
"""

import re
from dataclasses import replace

from indexer.extract.deadlines import read_deadline
from indexer.extract.outline import Node, anchor_at, outline
from indexer.extract.outline_marks import read_mark
from indexer.extract.outline_text import outline_view, separates_paragraphs
from indexer.extract.task_bodies import split_bodies
from indexer.extract.task_lists import BULLET, FIELD, Task, flat, list_tasks, make_task, own_span
from indexer.extract.task_sentences import SENTENCE_REACH, assigned
from indexer.extract.task_tables import assignment_rows

__all__ = ["Task", "tasks"]

# Words a converter may leave between two fields of one block (a value wrapped past a blank line).
FIELD_GAP = 40
# A paragraph of its own that gives a body a task (`Giao Sở Khoa học và Công nghệ theo dõi ...`), and what ends
# such a paragraph.
GIVEN_LINE = re.compile(r"^[ \t]*(?P<giao>Giao[ \t]+(?:cho[ \t]+)?[A-ZĐỦ])", re.M)
PARAGRAPH_STOP = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-–•+]|\d{1,2}[.)]|[a-zđ]\)|[IVX]+\.|Nơi nhận|NƠI NHẬN)")


def _field_value(view: str, match, paragraphs: bool) -> tuple[str, int]:
    """A field's value: the rest of its line and the lines that continue it, up to a blank line (`paragraphs`:
    the text ends its paragraphs so) or a line that does not go on in lower case (a gazette's text layer)."""
    if paragraphs:
        stop = view.find("\n\n", match.end())
        stop = len(view) if stop < 0 else stop
    else:
        stop = match.end()
        while (cut := view.find("\n", stop)) >= 0 and _goes_on(view[cut + 1:view.find("\n", cut + 1) % len(view)]):
            stop = cut + 1
        stop = view.find("\n", stop) if view.find("\n", stop) >= 0 else len(view)
    following = FIELD.search(view, match.end(), stop)
    stop = following.start() if following else stop
    return " ".join(view[match.end():stop].split()).strip(" .;"), stop


def _goes_on(line: str) -> bool:
    """A line that continues a field's value: lower case, and no mark of a part (`b) Sửa đổi ...`)."""
    line = line.lstrip()
    return line[:1].islower() and read_mark(line) is None


def _field_tasks(view: str, nodes) -> list[Task]:
    """Tasks closed by labelled fields: the text since the last block of fields (or the part's start)."""
    out, previous_end = [], 0
    matches = list(FIELD.finditer(view))
    paragraphs = separates_paragraphs(view) if matches else False
    k = 0
    while k < len(matches):
        block, values = [matches[k]], {}
        stop = _field_value(view, matches[k], paragraphs)[1]
        while k + 1 < len(matches) and _same_block(view[stop:matches[k + 1].start()]):
            k += 1
            block.append(matches[k])
            stop = _field_value(view, matches[k], paragraphs)[1]
        for match in block:
            values[_role(match)] = _field_value(view, match, paragraphs)[0]
        k += 1
        if "lead" in values:
            start = max(previous_end, _part_start(view, nodes, block[0].start()))
            leads = split_bodies(values["lead"])
            partners = split_bodies(values.get("partners", ""))
            deadline = read_deadline(values["deadline"]) if values.get("deadline") else None
            text = flat(view[start:block[0].start()])
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
        start, parts = own_span(view, inside[0])[0], inside[0].children
    return start


def _table_tasks(text: str, nodes) -> list[Task]:
    out = []
    for cells, first in assignment_rows(text):
        leads = split_bodies(cells["lead"].text) if "lead" in cells else []
        partners = split_bodies(cells["partners"].text) if "partners" in cells else []
        deadline = read_deadline(cells["deadline"].text) if "deadline" in cells else None
        end = max(c.end for c in cells.values())
        out.append(Task(flat(cells["content"].text.replace("*", "")), leads[0] if leads else None,
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
        lead = assigned(" ".join(view[at:at + SENTENCE_REACH].split()))
        if lead:
            added.append(make_task(view, nodes, at, _paragraph_end(view, at), lead))
    if not added:
        return found
    cuts = sorted(t.start for t in added)
    trimmed = []
    for task in found:
        inside = [c for c in cuts if task.start < c < task.end]
        trimmed.append(replace(task, end=inside[0], text=flat(view[task.start:inside[0]])) if inside else task)
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
    list_tasks(view, nodes, nodes, None, listed)
    taken = [(t.start, t.end) for t in tabled + fielded]
    listed = [t for t in listed if not _overlaps(t, taken)]
    return tuple(sorted(_given(view, nodes, tabled + fielded + listed), key=lambda t: t.start))
