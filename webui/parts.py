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


def without_marks(text: str) -> str:
    """The text with any character of the marks' range (a text may hold private-use characters) shown as
    U+FFFD: only the marks put in it are marks (one character for one: offsets kept)."""
    return ANY_MARK.sub("\ufffd", text) if ANY_MARK.search(text) else text


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _after_line(text: str, at: int) -> int:
    """The start of the line after the one holding `at` (the text's end on its last line)."""
    end = text.find("\n", max(at - 1, 0))
    return len(text) if end < 0 else end + 1


def part_events(text: str, outline) -> list[tuple[int, str, str]]:
    """(offset, "open" | "close", anchor) of each part, in the order they are written: a part opens at the start
    of its first line and closes at the start of the line after its last, never after the next part opens
    (a part ending on the line its next one starts on, `... hết. 2. Tiếp`, closes where that line starts) nor
    after the part holding it closes: so the parts nest, and the offsets never go back."""
    events: list[tuple[int, str, str]] = []

    def walk(nodes, limit: int) -> None:
        for k, node in enumerate(nodes):
            start = _line_start(text, node.start)
            following = _line_start(text, nodes[k + 1].start) if k + 1 < len(nodes) else limit
            end = max(start, min(_after_line(text, max(node.end, node.start + 1)), following, limit))
            events.append((start, "open", node.anchor))
            walk(node.children, end)
            events.append((end, "close", node.anchor))

    walk(outline, len(text))
    return events


def _nested(meaning) -> bool:
    """True when every part closes after the parts it holds, and every part closes."""
    stack = []
    for kind, anchor in meaning:
        if kind == "open":
            stack.append(anchor)
        elif not stack or stack.pop() != anchor:
            return False
    return not stack


def insertions(text: str, outline) -> tuple[list[tuple[int, int, str]], list[tuple[str, str]]]:
    """The marks to put in the text: (offset, how many blank characters they replace there, marks text), and what
    each mark stands for, in order: ("open" | "close", anchor)."""
    events = part_events(text, outline)
    if not events or len(events) > LAST_MARK - FIRST_MARK:
        return [], []
    marks, meaning = [], []
    for offset, group in groupby(events, key=lambda event: event[0]):
        end = text.find("\n", offset)
        line = text[offset:end if end >= 0 else len(text)]
        chars = []
        for _, kind, anchor in group:
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

    if _nested(meaning) and sum(len(m) for m in MARK_PARAGRAPH.findall(rendered)) == len(meaning):
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
