"""A document's parts as every stage names them: the outline's `Node`, the path of the part holding an
offset (`['Chương II', 'Điều 12', 'khoản 3']`), a part as a citation names it (`Điều 5 khoản 2`, largest
unit first), and the part of an outline such a name points to.

Extraction makes the outline (`indexer.extract.outline`), the build stores it with the document
(`indexer.vocab.structure`), a hit reads the path where its snippet stands and a page its table of contents.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from analyzers.normalize import fold

# Units from the smallest up, as a citation writes them, and how a part names each.
UNITS = {"điểm": "điểm", "khoản": "khoản", "điều": "Điều", "mục": "Mục", "chương": "Chương", "phần": "Phần",
         "phụ lục": "Phụ lục"}
RANK = {word: k for k, word in enumerate(UNITS)}
_BY_FOLDED = {fold(word): word for word in UNITS}

# One unit and its value in a part's name, as a citation or a person writes it (`Điều 5`, `khoản 2`,
# `dieu 5`, `Phụ lục II`): the value a number, a number with a letter (`5a`), a roman numeral or a letter.
PART_UNIT = re.compile(r"(?P<unit>phu\s+luc|diem|khoan|dieu|muc|chuong|phan)\s+(?P<value>\d{1,3}[a-z]?|[ivxl]{1,6}|"
                       r"[a-z])(?![a-z0-9])", re.I)
KHOAN = re.compile(r"-khoan-[a-z0-9]+$")
DIEM = re.compile(r"-diem-[a-z0-9]+$")


@dataclass(frozen=True)
class Node:
    """One part of a document: label as printed, heading, span in the text, anchor, and its parts."""

    anchor: str
    label: str       # `Điều 5`, `Chương II`, `Phụ lục I`, `II`, `1`, `1.2`, `a`
    heading: str     # the words after the label: `Phạm vi điều chỉnh`
    start: int
    end: int
    children: tuple["Node", ...] = ()


def path_at(nodes: tuple[Node, ...], offset: int) -> list[Node]:
    """The nodes that hold an offset, outermost first."""
    path = []
    while nodes:
        at = bisect_right([n.start for n in nodes], offset) - 1
        if at < 0 or offset >= nodes[at].end:
            break
        path.append(nodes[at])
        nodes = nodes[at].children
    return path


def part_name(node: Node) -> str:
    """How a part is named in a path: `Điều 12`, `khoản 3`, `điểm a`, `II`.

    >>> part_name(Node("dieu-12-khoan-3", "3", "", 0, 1)), part_name(Node("muc-ii", "II", "", 0, 1))
    ('khoản 3', 'II')
    """
    return name_of(node.label, node.anchor)


def name_of(label: str, anchor: str) -> str:
    """A part's name from its label and anchor (what part_name says of a node)."""
    if KHOAN.search(anchor):
        return "khoản " + label
    if DIEM.search(anchor):
        return "điểm " + label
    return label


def part_at(nodes: tuple[Node, ...], offset: int) -> list[str]:
    """The path of the part holding an offset: `['Chương II', 'Điều 12', 'khoản 3']`; empty outside any part."""
    return [part_name(n) for n in path_at(nodes, offset)]


def anchor_at(nodes: tuple[Node, ...], offset: int) -> str | None:
    """The anchor of the deepest part holding an offset, or None."""
    path = path_at(nodes, offset)
    return path[-1].anchor if path else None


def _folded(text: str) -> str:
    """The text folded one character for one (offsets kept): `Điều` -> `dieu`."""
    return "".join(f if len(f := fold(ch)) == 1 else " " for ch in text)


def _value(unit: str, value: str) -> str:
    """A unit's value as a part writes it: khoản and điểm in lower case, a roman numeral or a letter of the
    other units in capitals (`Chương II`, `Phụ lục A`), an article's letter in lower case (`Điều 5a`)."""
    if unit in ("khoản", "điểm") or not value.isalpha():
        return value.lower()
    return value.upper()


def _units(text: str) -> list[tuple[str, str]]:
    """The (unit, value) pairs a part's name holds, units as UNITS keys, in the order written."""
    found = []
    for match in PART_UNIT.finditer(_folded(text)):
        unit = _BY_FOLDED[" ".join(match.group("unit").lower().split())]
        found.append((unit, _value(unit, text[match.start("value"):match.end("value")])))  # `đ` stays `đ`
    return found


def canonical_part(text: str) -> str | None:
    """A part's name as typed, in any order or case, with or without diacritics, written as a citation's
    parts are (largest unit first); None when it names no part, or names one unit twice.

    >>> canonical_part("khoản 2 Điều 5"), canonical_part("dieu 5 khoan 2 diem a"), canonical_part("Chương ii")
    ('Điều 5 khoản 2', 'Điều 5 khoản 2 điểm a', 'Chương II')
    >>> canonical_part("Nghị quyết 35"), canonical_part("Điều 5 Điều 6")
    (None, None)
    """
    units = _units(text)
    rest = PART_UNIT.sub(" ", _folded(text))
    if not units or rest.strip(" ,.;") or len({u for u, _ in units}) < len(units):
        return None
    return " ".join(f"{UNITS[u]} {v}" for u, v in sorted(units, key=lambda uv: -RANK[uv[0]]))


def part_prefixes(part: str) -> list[str]:
    """A cited part and each part holding it: what a filter on any of them finds it by.

    >>> part_prefixes("Điều 5 khoản 2 điểm a")
    ['Điều 5', 'Điều 5 khoản 2', 'Điều 5 khoản 2 điểm a']
    """
    units = _units(part)
    return [" ".join(f"{UNITS[u]} {v}" for u, v in units[:k]) for k in range(1, len(units) + 1)]


def find_in(name, starts, ends, count: int, part: str) -> int | None:
    """The index of the part a cited part names (`Điều 5 khoản 2`) among `count` parts in text order (each
    one's `name(k)`, start and end): its first unit the first so named in the text (a decision's own articles
    come before those of the text it issues), each next unit among the parts inside the one before."""
    low, high, found = 0, count, None
    for unit, value in _units(part):
        wanted = fold(f"{UNITS[unit]} {value}").lower()
        found = next((k for k in range(low, high) if fold(name(k)).lower() == wanted), None)
        if found is None:
            return None
        low = found + 1
        high = next((k for k in range(low, high) if starts[k] >= ends[found]), high)
    return found


def _preorder(nodes: tuple[Node, ...]):
    for node in nodes:
        yield node
        yield from _preorder(node.children)


def find_part(nodes: tuple[Node, ...], part: str) -> Node | None:
    """The node a cited part names (find_in, on an outline's tree).

    >>> law = (Node("dieu-5", "Điều 5", "", 0, 9, (Node("dieu-5-khoan-2", "2", "", 4, 9),)),)
    >>> find_part(law, "Điều 5 khoản 2").anchor, find_part(law, "Điều 6")
    ('dieu-5-khoan-2', None)
    """
    flat = list(_preorder(nodes))
    k = find_in(lambda k: part_name(flat[k]), [n.start for n in flat], [n.end for n in flat], len(flat), part)
    return None if k is None else flat[k]
