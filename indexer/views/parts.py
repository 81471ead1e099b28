"""A document's parts as its page and the API show them: its outline (`/api/documents/<id>/outline`), the
tasks it assigns (`/api/documents/<id>/tasks`), the parts of it the corpus cites most, and where a part a
citation names stands in it (the document, or the part of a long one, and the anchor).

A long document indexed in parts (`id`, `id~2`, ...) has the whole text's outline cut to each part, with
the whole text's anchors: a part is looked for in each of them, in text order.
"""

from dataclasses import dataclass

from indexer.errors import UnknownDocument
from indexer.store import open_index
from indexer.vocab.outline import Node
from indexer.vocab.structure import Structure, head, unpack

MOST_CITED_PARTS = 10  # on a document's record
MAX_PARTS = 100        # of a long document looked through for a part (a 40 MB text in 400 KB parts)


def node_dict(node: Node) -> dict:
    """One part of an outline, as the API gives it, its parts inside."""
    return {"anchor": node.anchor, "label": node.label, "heading": node.heading, "start": node.start,
            "end": node.end, "children": [node_dict(c) for c in node.children]}


def task_dict(task: dict) -> dict:
    """One task as the API gives it: its span in the text is the outline's business, not the reader's."""
    return {k: task[k] for k in ("text", "lead", "partners", "deadline", "anchor")}


@dataclass(frozen=True)
class PartLink:
    """Where a cited part stands: the document (or the part of a long one) holding it, and its anchor."""

    part: str
    document: str
    anchor: str

    def as_dict(self) -> dict:
        return {"part": self.part, "document": self.document, "anchor": self.anchor}


@dataclass(frozen=True)
class CitedPart:
    """A part of this document the corpus cites: how many documents cite it (or a part inside it), and
    where it stands (None when the outline has no such part)."""

    part: str
    count: int
    link: PartLink | None

    def as_dict(self) -> dict:
        return {"part": self.part, "count": self.count, "document": self.link.document if self.link else None,
                "anchor": self.link.anchor if self.link else None}


def stored_structure(searcher, doc_id: str) -> Structure:
    """The structure the build stored with a document; UnknownDocument when there is no such id."""
    stored = searcher.by_id(doc_id)
    if stored is None:
        raise UnknownDocument(doc_id)
    return unpack(stored.get("parts"), stored.get("structure"))


def _parts_of(searcher, doc_id: str, known: dict):
    """(id, parts as a hit reads them) of a document and of each later part of it, in order (`known`: id ->
    the `parts` field already read)."""
    base = doc_id.rpartition("~")[0] if doc_id.rpartition("~")[2].isdigit() else doc_id
    for n in range(1, MAX_PARTS + 1):
        part_id = base if n == 1 else f"{base}~{n}"
        stored = {"parts": known[part_id]} if part_id in known else searcher.by_id(part_id, structure=False)
        if stored is None:
            return
        yield part_id, head(stored.get("parts"))


def part_links(searcher, doc_id: str, parts, known: dict | None = None) -> dict[str, PartLink]:
    """Each named part (`Điều 5 khoản 2`) found in a corpus document's outline, by name: where it stands
    (`known`: id -> the `parts` field of a document already read)."""
    wanted, found = list(dict.fromkeys(parts)), {}
    if not wanted:
        return found
    for part_id, columns in _parts_of(searcher, doc_id, known or {}):
        for part in wanted:
            anchor = None if part in found else columns.find(part)
            if anchor is not None:
                found[part] = PartLink(part, part_id, anchor)
        if len(found) == len(wanted):
            break
    return found


def most_cited_parts(ix, searcher, stored: dict, limit: int = MOST_CITED_PARTS) -> tuple[CitedPart, ...]:
    """The parts of a document (as read) the corpus cites most (the build counted them), each linked to where
    it stands."""
    counted = (ix.derived("cited_parts") or {}).get(stored["id"], [])[:limit]
    links = part_links(searcher, stored["id"], [p for p, _ in counted], {stored["id"]: stored.get("parts")})
    return tuple(CitedPart(part, count, links.get(part)) for part, count in counted)


@dataclass(frozen=True)
class OutlineView:
    """`/api/documents/<id>/outline`: the document's parts, nested."""

    id: str
    outline: tuple[Node, ...]

    def as_dict(self) -> dict:
        return {"id": self.id, "outline": [node_dict(n) for n in self.outline]}


@dataclass(frozen=True)
class TasksView:
    """`/api/documents/<id>/tasks`: the tasks the document assigns, in its order."""

    id: str
    tasks: tuple[dict, ...]

    def as_dict(self) -> dict:
        return {"id": self.id, "tasks": [task_dict(t) for t in self.tasks]}


def document_outline(index, doc_id: str) -> OutlineView:
    """A document's outline; UnknownDocument when there is no such id."""
    with open_index(index).searcher() as searcher:
        return OutlineView(doc_id, stored_structure(searcher, doc_id).outline)


def document_tasks(index, doc_id: str) -> TasksView:
    """The tasks a document assigns; UnknownDocument when there is no such id."""
    with open_index(index).searcher() as searcher:
        return TasksView(doc_id, stored_structure(searcher, doc_id).tasks)
