"""What the build keeps of a document's structure, and the form the index stores it in: where its own text
starts after the header, the spans of furniture a snippet never shows, its outline and the tasks it assigns.

Stored as two fields. `parts`, what every hit reads, one value a line: where the text starts after its
header; the furniture's starts and ends; the outline's nodes in text order as columns of starts, ends and
parents; their labels and their anchors (joined by U+001F). A column of numbers is written at a fixed width,
so a hit reads only the numbers it looks up: a bisection on the starts, then the parents up to the top, and
never parses the rest. `structure`, what only the document's page reads: the headings and the tasks, as
JSON. On a 736 KB consolidated text of 1,240 parts a hit's reading of `parts` took 0.35 ms of CPU as one line
of JSON numbers, and takes 0.09 ms so (the whole tree with its headings: 4.7 ms; headings take most of the
bytes, a khoản being headed by its first sentence: 202 KB of headings and tasks there, against 67 KB of
parts), and the engine need not unpack the headings for a hit.
"""

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from indexer.vocab.outline import Node, find_in, name_of


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


def _flat(nodes: tuple[Node, ...], parent: int, out: list) -> list:
    """(start, end, parent's index + 1, label, anchor, heading) of each node, in text order (0: no parent)."""
    for n in nodes:
        out.append((n.start, n.end, parent, n.label, n.anchor, n.heading))
        _flat(n.children, len(out), out)
    return out


SEPARATOR = "\x1f"  # between labels, and between anchors: never in either
# A number in a column: five base-36 digits, up to 60,466,175 (a document is indexed in parts of 400,000
# characters at most); eight decimal digits made a hit read 60% more bytes.
WIDTH, BASE = 5, 36
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class Column(Sequence):
    """A column of whole numbers written at a fixed width, each read when it is asked for.

    >>> c = Column(write([7, 12345])); (c.line, len(c), c[1], list(c))
    ('00007009ix', 2, 12345, [7, 12345])
    """

    __slots__ = ("line",)

    def __init__(self, line: str):
        self.line = line

    def __len__(self) -> int:
        return len(self.line) // WIDTH

    def __getitem__(self, k):  # (no check of k: bisect and a path only ask for what is there)
        return int(self.line[k * WIDTH:(k + 1) * WIDTH], BASE)

    def __iter__(self):
        return (int(self.line[at:at + WIDTH], BASE) for at in range(0, len(self.line), WIDTH))


def _digits(n: int) -> str:
    if not 0 <= n < BASE ** WIDTH:
        raise ValueError(f"{n} does not fit a column")
    out = ""
    for _ in range(WIDTH):
        n, digit = divmod(n, BASE)
        out = DIGITS[digit] + out
    return out


def write(numbers) -> str:
    return "".join(map(_digits, numbers))


@dataclass(frozen=True)
class Spans:
    """Sorted spans, by their starts and ends (lists, or columns): `holds(offset)` by bisection."""

    starts: Sequence = ()
    ends: Sequence = ()

    @classmethod
    def of(cls, spans) -> "Spans":
        """Spans from (start, end) pairs (or Spans as they are)."""
        return spans if isinstance(spans, Spans) else cls([s for s, _ in spans], [e for _, e in spans])

    def holds(self, offset: int) -> bool:
        at = bisect_right(self.starts, offset) - 1
        return at >= 0 and offset < self.ends[at]

    def pairs(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self.starts, self.ends))


def pack(structure: Structure) -> tuple[str, str]:
    """The two stored fields: `parts` (what every hit reads), `structure` (headings and tasks).

    >>> s = Structure(3, ((0, 2),), (Node("dieu-1", "Điều 1", "Phạm vi", 3, 9),))
    >>> pack(s)[0].split("\\n")
    ['3', '00000', '00002', '00003', '00009', '00000', 'Điều 1', 'dieu-1']
    >>> unpack(*pack(s)) == s
    True
    """
    flat = _flat(structure.outline, 0, [])
    lines = [str(structure.body), write(s for s, _ in structure.furniture), write(e for _, e in structure.furniture),
             *(write(f[k] for f in flat) for k in range(3)), SEPARATOR.join(f[3] for f in flat),
             SEPARATOR.join(f[4] for f in flat)]
    page = {"headings": [f[5] for f in flat], "tasks": list(structure.tasks)}
    return "\n".join(lines), json.dumps(page, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Head:
    """What a hit reads of a stored structure: the header's end, the furniture, and the outline's nodes as
    columns in text order (no headings: a node is made only for a path)."""

    body: int = 0
    furniture: Spans = Spans()
    starts: Sequence = ()
    ends: Sequence = ()
    parents: Sequence = ()   # each node's parent's index + 1 (0: a node at the top)
    labels: str = ""
    anchors: str = ""

    def path_at(self, offset: int) -> list[Node]:
        """The parts holding an offset, outermost first (as vocab.outline.path_at on the tree): the last part
        starting at or before it, and the parts above it, those that hold it.

        >>> law = (Node("dieu-1", "Điều 1", "", 0, 9, (Node("dieu-1-khoan-2", "2", "", 5, 9),)),)
        >>> [n.anchor for n in head(pack(Structure(outline=law))[0]).path_at(6)]
        ['dieu-1', 'dieu-1-khoan-2']
        """
        path, k = [], bisect_right(self.starts, offset) - 1
        while k >= 0:
            if offset < self.ends[k]:
                path.append(k)
            k = self.parents[k] - 1
        if not path:
            return []
        labels, anchors = (line.split(SEPARATOR, path[0] + 1) for line in (self.labels, self.anchors))
        return [Node(anchors[k], labels[k], "", self.starts[k], self.ends[k]) for k in reversed(path)]


    def find(self, part: str) -> str | None:
        """The anchor of the part a citation names (`Điều 5 khoản 2`), or None (vocab.outline.find_in)."""
        labels, anchors = self.labels.split(SEPARATOR), self.anchors.split(SEPARATOR)
        k = find_in(lambda k: name_of(labels[k], anchors[k]), self.starts, self.ends, len(self.starts), part)
        return None if k is None else anchors[k]


def head(parts: str | None) -> Head:
    """What a hit reads of a stored structure (an empty Head when there is none: an index of an older build)."""
    if not parts:
        return Head()
    body, furniture_starts, furniture_ends, starts, ends, parents, labels, anchors = parts.split("\n")
    return Head(int(body), Spans(Column(furniture_starts), Column(furniture_ends)), Column(starts), Column(ends),
                Column(parents), labels, anchors)


def _tree(quick: Head, headings: list[str] | None) -> tuple[Node, ...]:
    """The nodes, nested, from their columns."""
    starts, ends, parents = list(quick.starts), list(quick.ends), list(quick.parents)
    labels, anchors = quick.labels.split(SEPARATOR), quick.anchors.split(SEPARATOR)
    children: list[list[int]] = [[] for _ in range(len(starts) + 1)]  # by parent's index + 1
    for k, parent in enumerate(parents):
        children[parent].append(k)

    def nodes(of: int) -> tuple[Node, ...]:
        return tuple(Node(anchors[k], labels[k], headings[k] if headings else "", starts[k], ends[k],
                          nodes(k + 1)) for k in children[of])
    return nodes(0)


def unpack(parts: str | None, structure: str | None) -> Structure:
    """A stored structure, whole (EMPTY when there is none: an index of an older build)."""
    if not parts:
        return EMPTY
    quick = head(parts)
    rest = json.loads(structure) if structure else {}
    return Structure(quick.body, quick.furniture.pairs(), _tree(quick, rest.get("headings")),
                     tuple(rest.get("tasks", ())))
