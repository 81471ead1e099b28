"""What the build keeps of a document's structure, and the form the index stores it in: where its own text
starts after the header, the spans of furniture a snippet never shows, its outline and the tasks it assigns.

Stored as two fields. `parts`, what every hit reads: a line of JSON numbers (the header's end, the furniture,
the outline's nodes in text order as columns of starts, ends and depths), then the nodes' labels and their
anchors, each a line joined by U+001F. `structure`, what only the document's page reads: the headings and
the tasks, as JSON. A hit reads `parts` alone, and makes a node only for its path: on a 736 KB consolidated
text of 1,240 parts, 0.35 ms of CPU against 0.52 ms for the same nodes as JSON lists, and 4 ms for the whole
tree with its headings (which take most of its bytes: a khoản is headed by its first sentence; 202 KB of
headings and tasks there, against 55 KB of parts); the engine need not unpack the headings for a hit.
"""

import json
from bisect import bisect_right
from dataclasses import dataclass, field, replace

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


SEPARATOR = "\x1f"  # between labels, and between anchors: never in either


def pack(structure: Structure) -> tuple[str, str]:
    """The two stored fields: `parts` (what every hit reads), `structure` (headings and tasks).

    >>> s = Structure(3, ((0, 2),), (Node("dieu-1", "Điều 1", "Phạm vi", 3, 9),))
    >>> pack(s)
    ('[3,[0,2],[3],[9],[0]]\\nĐiều 1\\ndieu-1', '{"headings":["Phạm vi"],"tasks":[]}')
    >>> unpack(*pack(s)) == s
    True
    """
    flat = _flat(structure.outline, 0, [])
    numbers = [structure.body, [x for span in structure.furniture for x in span], *([f[k] for f in flat]
                                                                                  for k in range(3))]
    dump = {"ensure_ascii": False, "separators": (",", ":")}
    parts = "\n".join((json.dumps(numbers, **dump), SEPARATOR.join(f[3] for f in flat),
                       SEPARATOR.join(f[4] for f in flat)))
    return parts, json.dumps({"headings": [f[5] for f in flat], "tasks": list(structure.tasks)}, **dump)


def _columns(parts: str) -> tuple[int, tuple, list, list, list, list[str], list[str]]:
    numbers, labels, anchors = parts.split("\n")
    body, furniture, starts, ends, depths = json.loads(numbers)
    split = (lambda line: line.split(SEPARATOR)) if starts else (lambda line: [])
    return body, tuple(zip(furniture[::2], furniture[1::2])), starts, ends, depths, split(labels), split(anchors)


def _tree(columns, headings: list[str] | None) -> tuple[Node, ...]:
    """Nodes from their columns, in text order (preorder)."""
    _, _, starts, ends, depths, labels, anchors = columns
    root: list = []
    stack: list[tuple[int, list]] = [(-1, root)]  # (depth, the children of the node open at that depth)
    for k, depth in enumerate(depths):
        while stack[-1][0] >= depth:
            stack.pop()
        children: list = []
        stack[-1][1].append(((anchors[k], labels[k], headings[k] if headings else "", starts[k], ends[k]), children))
        stack.append((depth, children))
    return _frozen(root)


def _frozen(items: list) -> tuple[Node, ...]:
    return tuple(Node(*fields, children=_frozen(children)) for fields, children in items)


@dataclass(frozen=True)
class Head:
    """What a hit reads of a stored structure: the header's end, the furniture, and the outline's nodes as
    columns in text order (no headings: a node is made only for a path)."""

    body: int = 0
    furniture: tuple[tuple[int, int], ...] = ()
    starts: list = field(default_factory=list)
    ends: list = field(default_factory=list)
    depths: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    anchors: list = field(default_factory=list)

    def path_at(self, offset: int) -> list[Node]:
        """The parts holding an offset, outermost first (as vocab.outline.path_at on the tree): going back from
        the last part starting at or before it, the last part of each smaller depth, if it holds it.

        >>> law = (Node("dieu-1", "Điều 1", "", 0, 9, (Node("dieu-1-khoan-2", "2", "", 5, 9),)),)
        >>> [n.anchor for n in head(pack(Structure(outline=law))[0]).path_at(6)]
        ['dieu-1', 'dieu-1-khoan-2']
        """
        path, above = [], None
        for k in range(bisect_right(self.starts, offset) - 1, -1, -1):
            depth = self.depths[k]
            if above is not None and depth >= above:
                continue
            above = depth
            if offset < self.ends[k]:
                path.append(Node(self.anchors[k], self.labels[k], "", self.starts[k], self.ends[k]))
            if depth == 0:
                break
        return path[::-1]


def head(parts: str | None) -> Head:
    """What a hit reads of a stored structure (an empty Head when there is none: an index of an older build)."""
    return Head(*_columns(parts)) if parts else Head()


def unpack(parts: str | None, structure: str | None) -> Structure:
    """A stored structure, whole (EMPTY when there is none: an index of an older build)."""
    if not parts:
        return EMPTY
    columns = _columns(parts)
    rest = json.loads(structure) if structure else {}
    return Structure(columns[0], columns[1], _tree(columns, rest.get("headings")), tuple(rest.get("tasks", ())))
