"""The parts a citation names before the document it cites: `khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP`,
`điểm a khoản 1 Điều 2 của Quyết định này`, `các khoản 1, 2 và 3 Điều 5`, `điểm b khoản 2 và điểm b khoản 3
Điều 18`. Vietnamese names the smallest unit first; a part is written here the largest first, the way an
outline's path reads: `Điều 5 khoản 2 điểm a`.
"""

import re

from indexer.vocab.outline import RANK, UNITS

_UNIT = r"(?:[Đđ]iểm|[Kk]hoản|Điều|điều|[Mm]ục|[Cc]hương|[Pp]hần|[Pp]hụ\s+lục)"
# A part's number: `5`, `7a`, `II`, `a`, `đ`.
_VALUE = r"(?:\d{1,3}[a-zđ]?|[IVXL]{1,6}|[a-zđ])(?![\wÀ-ỹ])"
# One unit with its values: `khoản 2`, `các khoản 1, 2 và 3`, `điểm a, b`.
_ITEM = rf"(?:các\s+)?{_UNIT}\s+{_VALUE}(?:\s*(?:,|và|hoặc)\s*{_VALUE})*"
# The parts just before a citation, then the words that join them to it (`của`, `tại`, `ban hành kèm theo`).
PARTS_BEFORE = re.compile(rf"(?P<parts>{_ITEM}(?:\s*(?:,|;|và|hoặc)?\s*{_ITEM})*)"
                          rf"\s*(?:của|tại|theo|thuộc|ban\s+hành\s+kèm\s+theo|kèm\s+theo)?\s*$")
TOKEN = re.compile(rf"(?P<unit>{_UNIT})|(?P<value>{_VALUE})|(?P<join>,|;|và|hoặc)")
# How far before a citation its parts may start.
REACH = 200


def _chains(parts: str) -> list[list[tuple[str, str]]]:
    """The parts as chains of (unit, value), each chain smallest unit first."""
    chains: list[list[tuple[str, str]]] = [[]]
    unit = None
    for token in TOKEN.finditer(parts):
        if token.group("unit"):
            unit = " ".join(token.group("unit").lower().split())
            continue
        if token.group("join") or unit is None:
            if chains[-1]:
                chains.append([])
            continue
        value = token.group("value")
        chain = chains[-1]
        if chain and RANK[unit] <= RANK[chain[-1][0]]:
            chains.append([])
            chain = chains[-1]
        chain.append((unit, value))
    return [c for c in chains if c]


def parts_before(text: str, start: int) -> tuple[str, ...]:
    """The parts named just before `start` (where a citation begins), largest unit first.

    >>> t = "theo quy định tại điểm a khoản 1 Điều 2 của Quyết định này"
    >>> parts_before(t, t.index("Quyết"))
    ('Điều 2 khoản 1 điểm a',)
    >>> t = "các khoản 1, 2 và 3 Điều 5 Nghị định"
    >>> parts_before(t, t.index("Nghị"))
    ('Điều 5 khoản 1', 'Điều 5 khoản 2', 'Điều 5 khoản 3')
    >>> t = "điểm b khoản 2 và điểm b khoản 3 Điều 18 Nghị định"
    >>> parts_before(t, t.index("Nghị"))
    ('Điều 18 khoản 2 điểm b', 'Điều 18 khoản 3 điểm b')
    >>> parts_before("Thực hiện Nghị quyết", 10)
    ()
    """
    window = text[max(0, start - REACH):start]
    match = PARTS_BEFORE.search(window)
    if not match:
        return ()
    chains = _chains(match.group("parts"))
    out: list[str] = []
    for k, chain in enumerate(chains):
        top = RANK[chain[-1][0]]
        # a chain without its outer units takes them from the next chain that has them
        for later in chains[k + 1:]:
            outer = [(u, v) for u, v in later if RANK[u] > top]
            if outer:
                chain = chain + outer
                break
        part = " ".join(f"{UNITS[u]} {v}" for u, v in reversed(chain))
        if part not in out:
            out.append(part)
    return tuple(out)
