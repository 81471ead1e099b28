"""What the build keeps of a document's structure, and the form the index stores it in: where its own text
starts after the header, the spans of furniture a snippet never shows, its outline and the tasks it assigns.

Stored as two lines of JSON in one field: first what every hit reads (the header's end, the furniture, the
outline's nodes without their headings), then what only the document's page reads (the headings, the tasks).
A hit parses the first line alone: on a 555 KB consolidated text of 1,240 parts the whole outline takes
1.25 ms to parse, its nodes alone 0.37 ms (`bench/structure.py` prints both).
"""

import json
from dataclasses import dataclass, replace

from indexer.vocab.outline import Node


@dataclass(frozen=True)
class Structure:
    """A document's structure, every offset in its text."""

    body: int = 0                                   # where its own text starts: the header ends before
    furniture: tuple[tuple[int, int], ...] = ()     # page and header furniture: running heads, motto, `Số:` line
    outline: tuple[Node, ...] = ()
    tasks: tuple[dict, ...] = ()                    # each as the API gives it, with its `start` and `end`

    def sliced(self, start: int, end: int) -> "Structure":
        """The structure of the text's piece `start:end` (a long document indexed in parts), offsets in the
        piece: the parts overlapping it, cut to it, with the anchors they have in the whole text."""
        return Structure(body=max(0, self.body - start) if start < self.body else 0,
                         furniture=tuple((max(s, start) - start, min(e, end) - start) for s, e in self.furniture
                                         if s < end and e > start),
                         outline=_sliced(self.outline, start, end),
                         tasks=tuple({**t, "start": t["start"] - start, "end": min(t["end"], end) - start}
                                     for t in self.tasks if start <= t["start"] < end))


EMPTY = Structure()


def _sliced(nodes: tuple[Node, ...], start: int, end: int) -> tuple[Node, ...]:
    return tuple(replace(n, start=max(n.start, start) - start, end=min(n.end, end) - start,
                         children=_sliced(n.children, start, end))
                 for n in nodes if n.start < end and n.end > start)


def _flat(nodes: tuple[Node, ...], depth: int, out: list) -> list:
    for n in nodes:
        out.append((n.start, n.end, depth, n.label, n.anchor, n.heading))
        _flat(n.children, depth + 1, out)
    return out


def pack(structure: Structure) -> str:
    """The stored form: the line every hit reads, then the line of headings and tasks.

    >>> s = Structure(3, ((0, 2),), (Node("dieu-1", "Điều 1", "Phạm vi", 3, 9),))
    >>> pack(s)
    '[3,[0,2],[[3,9,0,"Điều 1","dieu-1"]]]\\n{"headings":["Phạm vi"],"tasks":[]}'
    >>> unpack(pack(s)) == s
    True
    """
    flat = _flat(structure.outline, 0, [])
    first = [structure.body, [x for span in structure.furniture for x in span], [list(f[:5]) for f in flat]]
    second = {"headings": [f[5] for f in flat], "tasks": list(structure.tasks)}
    dump = {"ensure_ascii": False, "separators": (",", ":")}
    return json.dumps(first, **dump) + "\n" + json.dumps(second, **dump)


def _tree(flat: list, headings: list[str] | None) -> tuple[Node, ...]:
    """Nodes from their preorder list of (start, end, depth, label, anchor)."""
    root: list = []
    stack: list[tuple[int, list]] = [(-1, root)]  # (depth, the children of the node open at that depth)
    for k, (start, end, depth, label, anchor) in enumerate(flat):
        while stack[-1][0] >= depth:
            stack.pop()
        children: list = []
        stack[-1][1].append(((anchor, label, headings[k] if headings else "", start, end), children))
        stack.append((depth, children))
    return _frozen(root)


def _frozen(items: list) -> tuple[Node, ...]:
    return tuple(Node(*fields, children=_frozen(children)) for fields, children in items)


@dataclass(frozen=True)
class Head:
    """What a hit reads of a stored structure: the header's end, the furniture, the outline's nodes in text
    order as (start, end, depth, label, anchor), no headings (a tree is made only for a path)."""

    body: int = 0
    furniture: tuple[tuple[int, int], ...] = ()
    nodes: tuple = ()

    def path_at(self, offset: int) -> list[Node]:
        """The parts holding an offset, outermost first (as vocab.outline.path_at on the tree).

        >>> law = (Node("dieu-1", "Điều 1", "", 0, 9, (Node("dieu-1-khoan-2", "2", "", 5, 9),)),)
        >>> [n.anchor for n in head(pack(Structure(outline=law))).path_at(6)]
        ['dieu-1', 'dieu-1-khoan-2']
        """
        path: list[Node] = []
        for start, end, depth, label, anchor in self.nodes:
            if start > offset:
                break
            if offset < end and depth == len(path):
                path.append(Node(anchor, label, "", start, end))
        return path


def head(stored: str | None) -> Head:
    """What a hit reads of a stored structure (an empty Head when there is none: an index of an older build)."""
    if not stored:
        return Head()
    body, furniture, flat = json.loads(stored.partition("\n")[0])
    return Head(body, tuple(zip(furniture[::2], furniture[1::2])), tuple(flat))


def unpack(stored: str | None) -> Structure:
    """A stored structure, whole (EMPTY when there is none: an index of an older build)."""
    if not stored:
        return EMPTY
    first, _, second = stored.partition("\n")
    body, furniture, flat = json.loads(first)
    rest = json.loads(second) if second else {}
    return Structure(body, tuple(zip(furniture[::2], furniture[1::2])), _tree(flat, rest.get("headings")),
                     tuple(rest.get("tasks", ())))
