"""A document's outline: its parts, each with its label as printed, its heading, its span and a stable anchor.

Legal texts are Phần > Chương > Mục > Điều > khoản (`1.`) > điểm (`a)`); plans, programmes, reports and Party
documents are divisions (`A.`), sections (`I.`), numbered sections (`1.`, `1.1.`) and points (`a)`). Appendices
(`Phụ lục`) and texts issued with a decision (`QUY ĐỊNH` / `(Ban hành kèm theo Quyết định ...)`) are top-level
parts whose articles and sections number afresh. What an amendment quotes belongs to the article quoting it
(`indexer.extract.quoted`); a line that only looks like a mark is dropped when it breaks its sequence
(`indexer.extract.outline_marks`); a text without structure has an empty outline.

Anchors are folded ASCII and unique within the document: `dieu-5`, `dieu-5-khoan-2-diem-a`, `chuong-ii`,
`chuong-ii-muc-1`, `muc-ii-1-a`, `phu-luc-i`, `quy-dinh-dieu-3`.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from analyzers.normalize import fold
from indexer.extract.outline_headings import attached as attached_text
from indexer.extract.outline_headings import heading_of, is_appendix
from indexer.extract.outline_marks import (
    ARTICLE_NUMBER,
    BARE_ARTICLE,
    Mark,
    follows,
    read_mark,
)
from indexer.extract.outline_text import Page, page_of
from indexer.extract.quoted import quoted_spans
from indexer.vocab.outline import Node, anchor_at, part_at, part_name, path_at

__all__ = ["Node", "anchor_at", "outline", "part_at", "part_name", "path_at"]

# The recipients' list that closes a document's own text (its signature beside or below it).
CLOSING = re.compile(r"^[ \t|_]*(?:Nơi nhận|NƠI NHẬN)[_ \t]*:", re.M)
# Debris a scan leaves before a line's number (`._8. Hiệp hội Doanh nghiệp tỉnh:`).
SCAN_JUNK = "._~`'·,"
CONTAINERS = ("root", "appendix", "attachment", "form")
SECTION_KINDS = ("division", "roman", "number", "subnumber", "point")


@dataclass
class _Open:
    kind: str
    rank: int
    label: str = ""
    heading: str = ""
    start: int = 0
    anchor: str = ""
    children: list = field(default_factory=list)
    last: dict = field(default_factory=dict)   # the order of the last child of each kind


def _label(mark: Mark, printed: str) -> str:
    if mark.kind == "part":
        return "Phần " + mark.token
    if mark.kind == "chapter":
        return "Chương " + mark.token
    if mark.kind == "section":
        return "Mục " + mark.token
    if mark.kind == "article":
        return "Điều " + mark.token
    if mark.kind == "appendix":
        return ("Phụ lục " + mark.token).strip()
    if mark.kind == "attachment":
        return printed[:1] + printed[1:].lower()
    if mark.kind == "form":
        return "Mẫu số " + mark.token
    return mark.token


def _slug(token: str) -> str:
    """A token in folded ASCII, roman numerals lower case, no zeros in front; the point `đ` as `dd`.

    >>> _slug("Quy định"), _slug("đ"), _slug("01"), _slug("II")
    ('quy-dinh', 'dd', '1', 'ii')
    """
    text = fold("dd" if token == "đ" else token).lower()
    text = "-".join(re.findall(r"[a-z0-9]+", text))
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", text)


def _own_anchor(node: _Open, mark: Mark, parent: _Open, container: _Open) -> str:
    """The node's anchor, from its parent's (or its container's, for the parts numbered through a text)."""
    prefix = container.anchor + "-" if container.anchor else ""
    kind, token = mark.kind, _slug(mark.token)
    if kind in ("appendix", "attachment"):
        return "phu-luc" + ("-" + token if token else "") if kind == "appendix" else _slug(node.label)
    if kind == "form":
        return (parent.anchor + "-" if parent.kind == "appendix" else "") + "mau-" + token
    if kind in ("part", "chapter", "article"):
        word = {"part": "phan", "chapter": "chuong", "article": "dieu"}[kind]
        if kind == "part" and mark.order[0]:
            token = str(mark.order[0])
        return f"{prefix}{word}-{token}"
    if kind == "section":
        return f"{parent.anchor or prefix.rstrip('-')}-muc-{token}".lstrip("-")
    if parent.kind == "article" and kind in ("number", "point"):
        return f"{parent.anchor}-{'khoan' if kind == 'number' else 'diem'}-{token}"
    if parent.kind == "number" and kind == "point" and _is_khoan(parent):
        return f"{parent.anchor}-diem-{token}"
    if parent.kind in SECTION_KINDS:
        return f"{parent.anchor}-{token.rsplit('-', 1)[-1]}"
    base = parent.anchor if parent.kind not in ("root", "part", "chapter", "section") else prefix.rstrip("-")
    return f"{base}-muc-{token}".lstrip("-")


def _is_khoan(node: _Open) -> bool:
    return "-khoan-" in node.anchor


class _Builder:
    """Places marks, one line after another, on a stack of open parts."""

    def __init__(self, text: str, page: Page):
        self.text, self.page = text, page
        self.root = _Open("root", -1)
        self.stack = [self.root]
        self.anchors: set[str] = set()

    def container(self, depth: int) -> _Open:
        return next(n for n in reversed(self.stack[:depth + 1]) if n.kind in CONTAINERS)

    def place(self, mark: Mark, start: int, heading: str, printed: str = "") -> bool:
        """Open the part a mark starts when it continues its sequence; False when it does not."""
        depth = len(self.stack) - 1
        while self.stack[depth].rank >= mark.rank:
            depth -= 1
        parent, container = self.stack[depth], self.container(depth)
        if mark.kind == "form" and container.kind not in ("appendix", "form"):
            return False  # a form inside an article (`a) Biểu mẫu sổ kế toán` / `Mẫu số S1-DNSN`) is no part
        scope = container if mark.kind in ("part", "chapter", "article") else parent
        key = mark.kind + str(mark.rank)
        if not follows(scope.last.get(key), mark):
            return False
        del self.stack[depth + 1:]
        node = _Open(mark.kind, mark.rank, start=start, heading=heading)
        node.label = _label(mark, printed)
        node.anchor = self._unique(_own_anchor(node, mark, parent, container))
        parent.children.append(node)
        scope.last[key] = mark.order
        self.stack.append(node)
        return True

    def _unique(self, anchor: str) -> str:
        candidate, n = anchor, 1
        while candidate in self.anchors:
            n += 1
            candidate = f"{anchor}-lan-{n}"  # `lần 2`: never a part's own number or letter
        self.anchors.add(candidate)
        return candidate


def _marks(page: Page, quoted: list[tuple[int, int]]) -> list[tuple[Mark, int, int] | None]:
    """Each line's mark with the line its words stand on, their column and the mark's, or None (blank, table,
    quoted)."""
    quote_starts = [s for s, _ in quoted]
    found: list = [None] * len(page.lines)
    for i, (start, end) in enumerate(page.lines):
        if i in page.in_table:
            continue
        line = page.view[start:end]
        stripped = line.lstrip()
        if not stripped:
            continue
        q = bisect_right(quote_starts, start) - 1
        if q >= 0 and quoted[q][0] <= start < quoted[q][1]:
            continue
        junk = len(stripped) - len(stripped.lstrip(SCAN_JUNK))
        if junk and stripped[junk:junk + 1].isdigit():  # a scan's debris before a number (`._8. Hiệp hội`)
            stripped = stripped[junk:]
        indent = len(line) - len(stripped)
        mark = read_mark(stripped)
        if mark is not None:
            found[i] = (mark, i, indent + mark.rest, indent)
        elif BARE_ARTICLE.match(stripped) and i + 1 < len(page.lines):
            bare = _bare_article(page, i + 1)
            found[i] = bare + (indent,) if bare else None
    return found


def _bare_article(page: Page, j: int):
    """`Điều` alone on a line and its number on the next (`**Điều\\n2. Những nguyên tắc**`)."""
    line = page.line(j)
    stripped = line.lstrip()
    match = ARTICLE_NUMBER.match(stripped)
    if not match:
        return None
    mark = read_mark("Điều " + stripped)
    if mark is None:
        return None
    return Mark("article", mark.token, mark.order, 0), j, len(line) - len(stripped) + match.end()


def outline(text: str) -> tuple[Node, ...]:
    """The document's parts, in order, nested.

    >>> [(n.anchor, n.label, n.heading) for n in outline("Điều 1. Phạm vi\\n1. Một.\\n2. Hai.\\nĐiều 2. Hiệu lực")]
    [('dieu-1', 'Điều 1', 'Phạm vi'), ('dieu-2', 'Điều 2', 'Hiệu lực')]
    >>> [c.anchor for c in outline("Điều 1. Phạm vi\\n1. Một.\\n2. Hai.\\nĐiều 2. Hiệu lực")[0].children]
    ['dieu-1-khoan-1', 'dieu-1-khoan-2']
    """
    page = page_of(text)
    found = _marks(page, quoted_spans(page, text))
    builder = _Builder(text, page)
    consumed = -1  # the last line a heading took
    for i, (start, end) in enumerate(page.lines):
        at = start + len(page.view[start:end]) - len(page.view[start:end].lstrip())
        if found[i] is not None:
            mark, line, column, indent = found[i]
            at = start + indent
            heading, last = heading_of(page, found, mark.kind, line, column)
            if mark.kind in ("appendix", "form") and not is_appendix(page, found, line, column, heading, last):
                continue
            if builder.place(mark, at, heading):
                consumed = last
        elif i > consumed and builder.root.children and page.view[at:end][:1].isupper():
            attached = attached_text(page, found, i)
            if attached:
                builder.place(Mark("attachment", attached[0], (0,), 0), at, attached[1], attached[0])
    _drop_preambles(builder.root)
    return _frozen(builder.root.children, _trimmed(text, len(text)), text, _closing(page.view, builder.root))


def _closing(view: str, root: _Open) -> int:
    """Where the recipients' list ends the document's own text (after its last part, before any appendix)."""
    own = [n for n in root.children if n.kind not in CONTAINERS]
    if not own:
        return len(view)
    after = [n.start for n in root.children if n.kind in CONTAINERS and n.start > own[-1].start]
    found = CLOSING.search(view, own[-1].start, after[0] if after else len(view))
    return found.start() if found else len(view)


def _has_article(node: _Open) -> bool:
    return any(c.kind == "article" or (c.kind in ("part", "chapter", "section") and _has_article(c))
               for c in node.children)


def _drop_preambles(node: _Open) -> None:
    """Drop the numbered lines before a legal text's first article or chapter (a consolidated text lists
    the texts it consolidates `1. Luật số ...` above its own articles): they are no part of it."""
    for child in node.children:
        if child.kind in CONTAINERS:
            _drop_preambles(child)
    if not _has_article(node):
        return
    first = next((k for k, c in enumerate(node.children) if c.kind in ("part", "chapter", "section", "article")), 0)
    node.children[:first] = [c for c in node.children[:first] if c.kind not in SECTION_KINDS]


def _trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _frozen(nodes: list[_Open], end: int, text: str, closing: int) -> tuple[Node, ...]:
    out = []
    for k, node in enumerate(nodes):
        stop = max(node.start, _trimmed(text, nodes[k + 1].start)) if k + 1 < len(nodes) else end
        if node.start < closing < stop:
            stop = max(node.start, _trimmed(text, closing))
        out.append(Node(node.anchor, node.label, node.heading, node.start, stop,
                        _frozen(node.children, stop, text, closing)))
    return tuple(out)
