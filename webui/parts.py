"""A document's parts on its page: each part of the text in a `<section id="<anchor>">` (so `/doc/<id>#dieu-5`
lands on it, and CSS `:target` marks the whole part), and its table of contents.

The markdown is rendered once, whole: each part's opening and closing is put in the text as a private-use
character, those at one place (a part's end and the next one's start) in one paragraph of their own (blank
lines around it, at the start of a line), and each such rendered `<p>` is then replaced by the sections'
tags. (A paragraph for each mark made markdown-it three times slower on a 167 KB decree of 2,280 marks; one
for each place, 0.073 s against 0.045 s CPU, and no slower on the 400 KB parts of the longest texts.)

A part opens at the start of the line its mark stands on and closes after its last line; the line after a
mark loses its indentation, which after a blank line would make it a code block. Should a mark not come out
as a paragraph of its own (markdown put it in a table, a list item), no section is made: each part gets an
empty anchor where it starts instead.
"""

import re
from itertools import groupby

from markupsafe import escape

FIRST_MARK = 0xF0000   # Supplementary Private Use Area-A: one character per opening or closing
LAST_MARK = 0xFFFFD
# A mark's own paragraph, as markdown-it renders it, or as plain_html does (a line break may stay beside it).
MARK_PARAGRAPH = re.compile("<p>(?:<br>)?([\U000F0000-\U000FFFFD]+)(?:<br>)?</p>\n?")
ANY_MARK = re.compile("[\U000F0000-\U000FFFFD]")
TOC_DEPTH = 3          # levels a table of contents shows (Chương > Mục > Điều; I > 1 > 1.1)
MAX_TOC_ENTRIES = 600  # the rest is reached from the text


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _after_line(text: str, at: int) -> int:
    """The start of the line after the one holding `at` (the text's end on its last line)."""
    end = text.find("\n", max(at - 1, 0))
    return len(text) if end < 0 else end + 1


def part_events(text: str, outline) -> list[tuple[int, int, int, str, str]]:
    """(offset, order, depth, kind, anchor) of each part's opening and closing, at line starts, in the order
    they are written: at one offset closings first (the innermost first), then openings (the outermost first)."""
    events = []

    def walk(nodes, depth: int) -> None:
        for node in nodes:
            events.append((_line_start(text, node.start), 1, depth, "open", node.anchor))
            walk(node.children, depth + 1)
            events.append((_after_line(text, max(node.end, node.start + 1)), 0, -depth, "close", node.anchor))

    walk(outline, 0)
    return sorted(events)


def _nested(events) -> bool:
    """True when every part closes after the parts it holds (line starts never cross, but a text may
    surprise: then no sections)."""
    stack = []
    for _, _, _, kind, anchor in events:
        if kind == "open":
            stack.append(anchor)
        elif not stack or stack.pop() != anchor:
            return False
    return not stack


def insertions(text: str, outline) -> tuple[list[tuple[int, int, str]], list[tuple[str, str]]]:
    """The marks to put in the text: (offset, how many blank characters they replace there, marks text), and what
    each mark stands for, in order: ("open" | "close", anchor)."""
    events = part_events(text, outline)
    if not events or len(events) > LAST_MARK - FIRST_MARK or not _nested(events):
        return [], []
    marks, meaning = [], []
    for offset, group in groupby(events, key=lambda event: event[0]):
        end = text.find("\n", offset)
        line = text[offset:end if end >= 0 else len(text)]
        chars = []
        for _, _, _, kind, anchor in group:
            chars.append(chr(FIRST_MARK + len(meaning)))
            meaning.append((kind, anchor))
        marks.append((offset, len(line) - len(line.lstrip(" \t")), f"\n\n{''.join(chars)}\n\n"))
    return marks, meaning


def with_sections(rendered: str, meaning: list[tuple[str, str]]) -> str:
    """The rendered HTML with each mark's paragraph replaced by its section's tag (or, when some mark is not a
    paragraph of its own, with an empty anchor where each part opens)."""
    if not meaning:
        return rendered
    def tag(mark: str) -> str:
        kind, anchor = meaning[ord(mark) - FIRST_MARK]
        return f'<section class="part" id="{escape(anchor)}">' if kind == "open" else "</section>"

    if sum(len(m) for m in MARK_PARAGRAPH.findall(rendered)) == len(meaning):
        return MARK_PARAGRAPH.sub(lambda match: "".join(map(tag, match.group(1))), rendered)

    def anchor_only(match) -> str:
        kind, anchor = meaning[ord(match.group(0)) - FIRST_MARK]
        return f'<span class="part-anchor" id="{escape(anchor)}"></span>' if kind == "open" else ""
    return ANY_MARK.sub(anchor_only, MARK_PARAGRAPH.sub(lambda m: m.group(1), rendered))


def toc(outline, depth: int = 0, budget: list | None = None) -> list[tuple]:
    """The table of contents: (node, its entries) down to TOC_DEPTH levels, never inside an article (its
    khoản and điểm are in the text), at most MAX_TOC_ENTRIES in all."""
    budget = [MAX_TOC_ENTRIES] if budget is None else budget
    entries = []
    for node in outline:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        inside = [] if depth + 1 >= TOC_DEPTH or node.label.startswith("Điều ") else toc(node.children, depth + 1,
                                                                                          budget)
        entries.append((node, inside))
    return entries
