"""Turn records into safe HTML: escaped snippets with <mark>, documents rendered from markdown.

A document's markdown is rendered by markdown-it-py (CommonMark, linear in its input: Python-Markdown
took 11 s on 12 KB of nested brackets and never finished on 60 KB), in a small pool with a time
budget: past it, the page shows the document as escaped plain text, and the render is left to finish
on its own (it is linear, so it does), without holding the request.
"""

import html
import re
from bisect import bisect_left, bisect_right
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as RenderTimeout

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from indexer import checks, labels, limits, relaxed_notice
from webui.params import DOWNLOAD_FORMATS
from webui.parts import insertions, toc, with_sections, without_marks

OPEN, CLOSE = "\ue000", "\ue001"  # private-use marks for highlights; they survive markdown and nh3

# `2. Yêu cầu` is the document's own numbering: keep it, do not let markdown renumber a list.
ORDERED_MARKER = re.compile(r"^(\s*)(\d+)\.(\s)", re.M)
# An upper-case line (a header, a signature title) keeps its line break.
UPPER_LINE = re.compile(r"^(?=[^\n]*[A-ZĐ])([^a-zà-ỹđ\n]+)$\n(?=[^\n])", re.M)

RENDER_SECONDS = 1.0   # a document that takes longer to render is shown as plain text
RENDER_THREADS = 2     # renders at once; a hostile document's abandoned render holds one at most
MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_renderer = ThreadPoolExecutor(RENDER_THREADS, thread_name_prefix="render")

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
                "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub"}

def _marked(text: str, spans) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + OPEN + text[start:end] + CLOSE + text[end:]
    return text


def _unmark(escaped: str) -> str:
    return escaped.replace(OPEN, '<mark>').replace(CLOSE, "</mark>")


def snippet_html(snippet) -> Markup:
    """A snippet, escaped, its highlights in <mark>, line breaks as spaces."""
    text = " ".join(_marked(snippet.text, snippet.highlights).split())
    return Markup(_unmark(str(escape(text))))


def _with_marks(text: str, highlights, parts) -> str:
    """The text with its highlights' marks and its parts' marks (webui.parts.insertions) put in, in one pass;
    a highlight that runs over a part's start is cut there."""
    cuts = sorted({offset for offset, _, _ in parts})
    pieces = []
    for start, end in highlights:
        inside = cuts[bisect_right(cuts, start):bisect_left(cuts, end)]
        for a, b in zip([start, *inside], [*inside, end]):
            pieces += [(a, 2, 0, OPEN), (b, 0, 0, CLOSE)]
    pieces += [(offset, 1, skip, mark) for offset, skip, mark in parts]
    out, pos = [], 0
    for offset, _, skip, mark in sorted(pieces, key=lambda p: (p[0], p[1])):  # stable: the parts' own order
        out += [text[pos:offset], mark]
        pos = max(pos, offset + skip)
    out.append(text[pos:])
    return "".join(out)


def document_html(text: str, highlights=(), outline=()) -> Markup:
    """A document's markdown-ish text as sanitized HTML, highlights in <mark>, each part of its outline in a
    section with its anchor (webui.parts).

    The text is escaped before markdown sees it: a document holding `<script>` shows it as text.
    """
    text = without_marks(text)
    parts, meaning = insertions(text, outline)
    marked = _with_marks(text, highlights, parts)
    source = html.escape(marked, quote=False)
    source = ORDERED_MARKER.sub(r"\1\2\\.\3", source)
    source = UPPER_LINE.sub(lambda m: m.group(1) + "  \n", source)
    try:
        rendered = _renderer.submit(MARKDOWN.render, source).result(timeout=RENDER_SECONDS)
    except RenderTimeout:
        return Markup(with_sections(plain_html(marked), meaning))
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={})
    return Markup(_unmark(with_sections(clean, meaning)))


def plain_html(marked: str) -> Markup:
    """A text as escaped paragraphs and line breaks, its highlight marks as <mark>: what a document
    too slow to render as markdown is shown as."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", marked) if p.strip()]
    body = "".join(f"<p>{str(escape(p)).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return Markup(_unmark(body))


def _shown(text: str) -> str:
    """A piece of a compared text, escaped, without markdown's bold marks (the page shows plain text)."""
    return str(escape(text.replace("**", "")))


def _shared_html(text: str, span, changed, side: str, other: str, n: int, kind: str) -> str:
    """One shared passage: marked by kind, numbered with a link to its counterpart, changed words in it."""
    start, end = span
    label = "giống hệt" if kind == "same" else "đã sửa"
    out = [f'<mark class="{kind}" id="{side}-{n}"><a class="pair" href="#{other}-{n}" '
           f'title="Đoạn {n} ({label}): xem đoạn tương ứng bên {other.upper()}">{n}</a>']
    pos = start
    for c_start, c_end in changed:
        out += [_shown(text[pos:c_start]), f'<span class="changed">{_shown(text[c_start:c_end])}</span>']
        pos = c_end
    out += [_shown(text[pos:end]), "</mark>"]
    return "".join(out)


def compare_html(comparison, side: str) -> Markup:
    """One side of a comparison as escaped plain text: its shared passages marked by kind and linked to
    their counterpart (`#b-3` from `#a-3`), the words an edit changed marked inside them, and its own
    passages anchored (`#a-own-2`) for the list of what it adds."""
    text = comparison.a_text if side == "a" else comparison.b_text
    other = "b" if side == "a" else "a"
    pieces = [(getattr(s, side), n, s) for n, s in enumerate(comparison.shared, 1)]
    pieces += [(span, n, None) for n, span in enumerate(comparison.own(side), 1)]
    out, pos = [], 0
    for (start, end), n, shared in sorted(pieces, key=lambda p: p[0]):
        out.append(_shown(text[pos:start]))
        if shared is None:
            out.append(f'<span class="own" id="{side}-own-{n}">{_shown(text[start:end])}</span>')
        else:
            changed = [getattr(c, side) for c in shared.changes if getattr(c, side)[1] > getattr(c, side)[0]]
            out.append(_shared_html(text, (start, end), changed, side, other, n, shared.kind))
        pos = end
    out.append(_shown(text[pos:]))
    return Markup("".join(out))


def percent(share: float | None) -> str:
    """A share as a person reads it: `12%`, `dưới 1%` for a trace."""
    if share is None:
        return ""
    return "dưới 1%" if 0 < share < 0.005 else f"{round(share * 100)}%"


def excerpt(text: str, span, limit: int = 300) -> str:
    """A passage of a text, on one line, cut to about `limit` characters."""
    piece = " ".join(text[span[0]:span[1]].replace("**", "").split())
    return piece if len(piece) <= limit else piece[:limit].rsplit(" ", 1)[0] + " …"


def vn_date(iso: str | None) -> str:
    """`2019-05-15` -> `15/05/2019`."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def doc_date(doc) -> str:
    """The date as a person reads it; unknown says so, with the lower bound when there is one."""
    if doc.date:
        return vn_date(doc.date) + (" (suy ra)" if "date" in (doc.deduced or ()) else "")
    if doc.date_min:
        return f"không rõ (sau {vn_date(doc.date_min)})"
    return "không rõ"


def register(app) -> None:
    app.jinja_env.filters.update(snippet_html=snippet_html, document_html=document_html, vn_date=vn_date,
                                 doc_date=doc_date, compare_html=compare_html, percent=percent, excerpt=excerpt,
                                 toc=toc)
    app.jinja_env.globals.update(FACET_LABELS=labels.FACET_LABELS, KIND_LABELS=labels.KIND_LABELS,
                                 STATUS_LABELS=labels.STATUS_LABELS, CHANGE_LABELS=labels.CHANGE_LABELS,
                                 LEVEL_LABELS=labels.LEVEL_LABELS, SORT_LABELS=labels.SORT_LABELS,
                                 FORMAT_LABELS=labels.FORMAT_LABELS, TABLE_FORMATS=checks.TABLE_FORMATS,
                                 DOWNLOAD_FORMATS=DOWNLOAD_FORMATS,
                                 facet_value_label=labels.facet_value_label, ref_label=labels.ref_label,
                                 relaxed_notice=relaxed_notice,
                                 MAX_QUERY_LENGTH=limits.MAX_QUERY_LENGTH)
