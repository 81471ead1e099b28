"""Two texts -> the passages they share, each `same` (equal words and marks) or `edited` (aligned, with
words changed), and how much of each text they cover.

Runs of MIN_WORDS tokens are hashed to find every maximal run the texts share; the longest are taken
first, each token of either text in one run at most (greedy string tiling, as plagiarism detectors
do), so a passage moved elsewhere is still found; shorter runs beside them are found by a local
alignment (difflib) of their neighbourhood; then runs that follow each other in both texts with a few
words changed between them are joined into one edited passage, its changed words aligned with difflib.

Time and memory grow with the texts' length; a run repeated many times in both is paired by rank (its
n-th time in a with about its n-th in b: a thousand repeats cost a few comparisons each, not a million).
Two 100 KB texts take about 0.1-0.3 s of CPU, two of 740 KB 2-4 s (bench/compare.py).
"""

import difflib
import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, pairwise
from operator import or_

from indexer.compare.words import Tokens, tokens

MIN_WORDS = 8   # words a run of equal tokens holds at least to be a shared passage (marks aside)
MAX_GAP = 8     # tokens changed on either side between two runs that still make one edited passage
FREQUENT = 8    # occurrences in b past which a run is paired only with those of about its rank in a:
NEAR_RANK = 2   # its n-th occurrence in a with the (n-2)-th to (n+2)-th in b
FLANK = 24      # tokens on either side of a run where shorter runs are looked for
FLANK_RUN = 3   # tokens such a shorter run holds at least
FREE = re.compile(b"\x00+")  # tokens no tile holds


@dataclass(frozen=True)
class Change:
    """Words of an edited passage that differ: characters in a, and what stands for them in b (an
    empty span where one side has nothing)."""

    a: tuple[int, int]
    b: tuple[int, int]

    def as_dict(self) -> dict:
        return {"a": list(self.a), "b": list(self.b)}


@dataclass(frozen=True)
class Shared:
    """A passage of a and its counterpart in b: characters in each, `same` or `edited`, similarity."""

    a: tuple[int, int]
    b: tuple[int, int]
    kind: str                      # "same" | "edited"
    similarity: float              # 2 * tokens matched / tokens of both sides
    changes: tuple[Change, ...] = ()

    def as_dict(self) -> dict:
        return {"a": list(self.a), "b": list(self.b), "kind": self.kind, "similarity": self.similarity,
                "changes": [c.as_dict() for c in self.changes]}


@dataclass(frozen=True)
class Alignment:
    shared: tuple[Shared, ...]     # in the order of a
    a_shared: float                # share of a's letters inside shared passages
    b_shared: float


def align(a: str, b: str) -> Alignment:
    """The passages two texts share.

    >>> found = align("Mở đầu. Tăng cường bảo vệ nền tảng tư tưởng của Đảng trong tình hình mới.",
    ...               "Tăng cường BẢO VỆ nền tảng tư tưởng của Đảng trong tình hình mới. Hết.")
    >>> [(s.kind, s.similarity) for s in found.shared], found.shared[0].a, found.shared[0].b
    ([('same', 1.0)], (8, 73), (0, 65))
    """
    ta, tb = tokens(a), tokens(b)
    vocabulary: dict[str, int] = {}
    ids_a = [vocabulary.setdefault(k, len(vocabulary)) for k in ta.keys]
    ids_b = [vocabulary.setdefault(k, len(vocabulary)) for k in tb.keys]
    words = list(accumulate(map(bool, ta.letters), initial=0))  # words before each token of a
    used_a, used_b = bytearray(len(ids_a)), bytearray(len(ids_b))
    tiles = _tiles(_runs(ids_a, ids_b, words), words, used_a, used_b)
    tiles += _flanks(tiles, ids_a, ids_b, used_a, used_b)
    groups = [g for g in _groups(sorted(tiles)) if any(words[s + n] - words[s] >= MIN_WORDS for s, _, n in g)]
    return Alignment(tuple(_passage(group, ta, tb) for group in groups),
                     _share(ta, [_token_span(g, 0) for g in groups]), _share(tb, [_token_span(g, 1) for g in groups]))


def _runs(a: list[int], b: list[int], words: list[int]) -> list[tuple[int, int, int]]:
    """Every maximal run of equal tokens holding MIN_WORDS words: (-length, start in a, start in b).
    Seeds are runs of MIN_WORDS tokens (any run of that many words holds at least that many tokens)."""
    k = MIN_WORDS
    where: dict[tuple, list[int]] = {}
    for j in range(len(b) - k + 1):
        where.setdefault(tuple(b[j:j + k]), []).append(j)
    rank: dict[tuple, int] = {}
    reach: dict[int, int] = {}  # diagonal (i - j) -> where in a the last run found on it ends
    found = []
    for i in range(len(a) - k + 1):
        key = tuple(a[i:i + k])
        starts = where.get(key)
        if starts is None:
            continue
        if len(starts) > FREQUENT:  # boilerplate repeated in both: its n-th time in a beside its n-th in b
            n = rank[key] = rank.get(key, -1) + 1
            starts = starts[max(0, n - NEAR_RANK):n + NEAR_RANK + 1]
        for j in starts:
            if reach.get(i - j, -1) > i:
                continue  # inside a run found already
            s, t = i, j
            while s and t and a[s - 1] == b[t - 1]:
                s, t = s - 1, t - 1
            e = _extend(a, b, i + k, j + k)
            reach[i - j] = e
            if words[e] - words[s] >= k:
                found.append((s - e, s, t))
    return found


def _extend(a: list[int], b: list[int], e: int, f: int) -> int:
    """Where a run of equal tokens from a[e], b[f] on ends in a: most runs end within a few tokens,
    so those are compared one by one; a long run in blocks that double (compared in C)."""
    limit, done, block = min(len(a) - e, len(b) - f), 0, 8
    while done < limit and a[e + done] == b[f + done]:
        n = min(block, limit - done)
        if a[e + done:e + done + n] != b[f + done:f + done + n]:
            while a[e + done] == b[f + done]:
                done += 1
            break
        done, block = done + n, min(2 * block, 4096)
    return e + done


def _tiles(runs: list, words: list[int], used_a: bytearray, used_b: bytearray) -> list[tuple[int, int, int]]:
    """The longest runs first, each token in one at most (marked used); a run overlapping one taken is
    cut to its free parts. (start in a, start in b, length), in the order of a."""
    heapq.heapify(runs)
    tiles = []
    while runs:
        negative, s, t = heapq.heappop(runs)
        length = -negative
        if used_a.find(1, s, s + length) < 0 and used_b.find(1, t, t + length) < 0:
            used_a[s:s + length] = used_b[t:t + length] = b"\x01" * length
            tiles.append((s, t, length))
            continue
        if used_a.find(0, s, s + length) < 0 or used_b.find(0, t, t + length) < 0:
            continue  # wholly inside tiles taken already (a repeated passage's other copies)
        for s2, t2, n in _free_parts(used_a, used_b, s, t, length):
            if words[s2 + n] - words[s2] >= MIN_WORDS:
                heapq.heappush(runs, (-n, s2, t2))
    return sorted(tiles)


def _flanks(tiles: list, a: list[int], b: list[int], used_a: bytearray, used_b: bytearray) -> list:
    """Shorter runs (FLANK_RUN tokens or more) in the FLANK free tokens on either side of each tile, as
    difflib aligns them: `Các cấp ủy, tổ chức đảng` before a changed word and a long run is part of
    the passage. Those not joined to a tile are dropped when passages are made."""
    found = []
    for s, t, n in tiles:
        sides = ((_free_before(used_a, s), _free_before(used_b, t)),
                 (_free_after(used_a, s + n), _free_after(used_b, t + n)))
        for (a0, a1), (b0, b1) in sides:
            blocks = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False).get_matching_blocks()
            for i, j, m in blocks:
                if m >= FLANK_RUN:
                    used_a[a0 + i:a0 + i + m] = used_b[b0 + j:b0 + j + m] = b"\x01" * m
                    found.append((a0 + i, b0 + j, m))
    return found


def _free_before(used: bytearray, start: int) -> tuple[int, int]:
    """The free tokens (at most FLANK) just before `start`."""
    taken = used.rfind(1, max(0, start - FLANK), start)
    return (taken + 1 if taken >= 0 else max(0, start - FLANK)), start


def _free_after(used: bytearray, end: int) -> tuple[int, int]:
    taken = used.find(1, end, end + FLANK)
    return end, (taken if taken >= 0 else min(len(used), end + FLANK))


def _free_parts(used_a, used_b, s: int, t: int, length: int):
    """The parts of a run whose tokens no tile holds yet, in either text."""
    either = bytes(map(or_, used_a[s:s + length], used_b[t:t + length]))
    for free in FREE.finditer(either):
        yield s + free.start(), t + free.start(), free.end() - free.start()


def _groups(tiles: list) -> list[list[tuple[int, int, int]]]:
    """Tiles joined into passages: the next tile follows in both texts, at most MAX_GAP tokens on,
    with no other tile in between in b."""
    b_starts = sorted(t for _, t, _ in tiles)
    groups: list[list] = []
    for tile in tiles:
        if groups and _follows(groups[-1][-1], tile, b_starts):
            groups[-1].append(tile)
        else:
            groups.append([tile])
    return groups


def _follows(before, after, b_starts: list[int]) -> bool:
    gap_a = after[0] - before[0] - before[2]
    b_end = before[1] + before[2]
    gap_b = after[1] - b_end
    if not (0 <= gap_a <= MAX_GAP and 0 <= gap_b <= MAX_GAP):
        return False
    return bisect_left(b_starts, b_end) == bisect_left(b_starts, after[1])  # no tile starts in between


def _token_span(group: list, side: int) -> tuple[int, int]:
    """The tokens a passage covers in a (side 0) or b (side 1)."""
    return group[0][side], group[-1][side] + group[-1][2]


def _chars(found: Tokens, first: int, end: int) -> tuple[int, int]:
    """The characters of tokens [first, end); an empty range sits where token `first` starts."""
    if end > first:
        return found.starts[first], found.ends[end - 1]
    at = found.starts[first] if first < len(found.starts) else found.ends[-1]
    return at, at


def _passage(group: list, ta: Tokens, tb: Tokens) -> Shared:
    """One passage: its characters in both texts, the words changed between its tiles, similarity."""
    (a0, a1), (b0, b1) = _token_span(group, 0), _token_span(group, 1)
    matched, changes = sum(n for _, _, n in group), []
    for before, after in pairwise(group):
        gap_a, gap_b = (before[0] + before[2], after[0]), (before[1] + before[2], after[1])
        matcher = difflib.SequenceMatcher(None, ta.keys[gap_a[0]:gap_a[1]], tb.keys[gap_b[0]:gap_b[1]],
                                          autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                matched += i2 - i1
            else:
                changes.append(Change(_chars(ta, gap_a[0] + i1, gap_a[0] + i2),
                                      _chars(tb, gap_b[0] + j1, gap_b[0] + j2)))
    similarity = round(2 * matched / (a1 - a0 + b1 - b0), 4)
    return Shared(_chars(ta, a0, a1), _chars(tb, b0, b1), "edited" if changes else "same", similarity,
                  tuple(changes))


def _share(found: Tokens, spans: list[tuple[int, int]]) -> float:
    """The share of a text's letters inside the given token spans."""
    total = sum(found.letters)
    inside = sum(sum(found.letters[s:e]) for s, e in spans)
    return round(inside / total, 4) if total else 0.0
