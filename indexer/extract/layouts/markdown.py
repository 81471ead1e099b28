"""Markdown from converters (Pandoc, hand-made chunkers): escapes undone, emphasis that a wrap split
put back on one line, and a header laid out as a table read column by column.

Pandoc writes a Word header table as cells between lines holding only `|` (two such lines end a row),
wraps the cells' text anywhere (`**ỦY\\nBAN NHÂN DÂN **`), puts `Số:` alone on its line, and ends a
hard line break with `\\`. Other converters write a pipe table `| ỦY BAN ... | CỘNG HÒA ... |`.
"""

import re

# A backslash that Pandoc puts before punctuation (`\\-`, `1\\.`, `\\*`) or at a line's end (a hard break).
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~^'\"])|\\(?=[ \t]*$)", re.M)

# Emphasis a wrap split over lines: `**ỦY\\nBAN NHÂN DÂN **`, `*Lai Châu, ngày\\n19 tháng 11 năm 2025*`.
BOLD_SPAN = re.compile(r"\*\*(?=\S)(.+?)\*\*", re.S)
ITALIC_SPAN = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)\*(?![*\w])", re.S)

# A Pandoc table cell's boundary: a line holding only `|`.
CELL_BREAK = re.compile(r"^[ \t]*\|[ \t]*$")
# A pipe table's row `| a | b |` and its rule `|---|:---:|`.
PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
PIPE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")

# What makes a row part of the document's header: the mottos, a number, a place-and-date.
HEADER_MARKS = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*[-–]|\bSố\s*:|\bSố\s+\d|,\s*ngày\b")

HEAD_LINES = 60        # where a header table may stand
MAX_CELL_LINES = 15    # lines a header cell may hold


def unescape(text: str) -> str:
    r"""Pandoc's escapes undone: `Quốc hội\` -> `Quốc hội`, `\- Sở Nội vụ` -> `- Sở Nội vụ`.

    >>> unescape("QUỐC HỘI\\\n\\- Sở Nội vụ; 1\\. Mục")
    'QUỐC HỘI\n- Sở Nội vụ; 1. Mục'
    """
    return ESCAPE.sub(lambda m: m.group(1) or "", text)


def join_emphasis(text: str) -> str:
    """Bold and italic spans on one line each, as printed: `**ỦY\\nBAN**` -> `**ỦY BAN**`."""
    text = BOLD_SPAN.sub(lambda m: "**" + " ".join(m.group(1).split()) + "**", text)
    return ITALIC_SPAN.sub(lambda m: "*" + " ".join(m.group(1).split()) + "*" if "\n\n" not in m.group(1)
                           else m.group(0), text)


def _columns(rows: list[list[str]]) -> list[str]:
    """The leading header rows column by column (issuer's cell first), the other rows as they come."""
    lead = 0
    while lead < len(rows) and HEADER_MARKS.search(" ".join(rows[lead])):
        lead += 1
    width = max((len(r) for r in rows[:lead]), default=0)
    out = [cell for j in range(width) for row in rows[:lead] if j < len(row) for cell in [row[j]]]
    return out + [cell for row in rows[lead:] for cell in row]


def _pandoc_cells(lines: list[str]) -> tuple[list[list[str]], int] | None:
    """Rows of cells of a Pandoc header table at the top, and the line of its last `|`."""
    breaks = [i for i, line in enumerate(lines[:HEAD_LINES]) if CELL_BREAK.match(line)]
    if len(breaks) < 3:
        return None
    kept = breaks[:1]
    for i in breaks[1:]:
        if i - kept[-1] > MAX_CELL_LINES:
            break
        kept.append(i)
    rows: list[list[str]] = [[]]
    for start, end in zip([-1] + kept, kept):
        if end == start + 1:  # two `|` lines in a row: the row ends
            rows.append([])
        else:
            rows[-1].append("\n".join(lines[start + 1:end]))
    return [r for r in rows if r], kept[-1]


def pandoc_table(text: str) -> str:
    """A header table written as cells between `|` lines, column by column.

    >>> print(pandoc_table("ỦY BAN NHÂN DÂN\\n|\\nCỘNG HÒA XÃ HỘI\\n|\\n|\\nSố:\\n12/QĐ-UBND\\n|\\n"
    ...                    "Hà Nội, ngày 2\\n|\\nBody"))
    ỦY BAN NHÂN DÂN
    Số:
    12/QĐ-UBND
    CỘNG HÒA XÃ HỘI
    Hà Nội, ngày 2
    Body
    """
    lines = text.split("\n")
    found = _pandoc_cells(lines)
    if not found:
        return text
    rows, end = found
    return "\n".join(_columns(rows) + lines[end + 1:])


def pipe_table(text: str) -> str:
    """A header table written `| a | b |` (with its `|---|---|` rule), column by column, cells one a line."""
    lines = text.split("\n")
    for start, line in enumerate(lines[:HEAD_LINES]):
        if PIPE_ROW.match(line) and start + 1 < len(lines) and PIPE_RULE.match(lines[start + 1]):
            break
    else:
        return text
    end, rows = start, []
    while end < len(lines) and PIPE_ROW.match(lines[end]):
        if not PIPE_RULE.match(lines[end]):
            rows.append([c.strip() for c in lines[end].strip().strip("|").split("|")])
        end += 1
    if not HEADER_MARKS.search(" ".join(c for r in rows for c in r)):
        return text
    return "\n".join(lines[:start] + _columns(rows) + lines[end:])
