"""Turn records into safe HTML: escaped snippets with <mark>, documents rendered from markdown.

A document's markdown is rendered by markdown-it-py (CommonMark, linear in its input: Python-Markdown
took 11 s on 12 KB of nested brackets and never finished on 60 KB), in a small pool with a time
budget: past it, the page shows the document as escaped plain text, and the render is left to finish
on its own (it is linear, so it does), without holding the request.
"""

import html
import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as RenderTimeout

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from indexer import labels, limits, relaxed_notice

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


def document_html(text: str, highlights=()) -> Markup:
    """A document's markdown-ish text as sanitized HTML, highlights in <mark>.

    The text is escaped before markdown sees it: a document holding `<script>` shows it as text.
    """
    marked = _marked(text, highlights)
    source = html.escape(marked, quote=False)
    source = ORDERED_MARKER.sub(r"\1\2\\.\3", source)
    source = UPPER_LINE.sub(lambda m: m.group(1) + "  \n", source)
    try:
        rendered = _renderer.submit(MARKDOWN.render, source).result(timeout=RENDER_SECONDS)
    except RenderTimeout:
        return plain_html(marked)
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={})
    return Markup(_unmark(clean))


def plain_html(marked: str) -> Markup:
    """A text as escaped paragraphs and line breaks, its highlight marks as <mark>: what a document
    too slow to render as markdown is shown as."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", marked) if p.strip()]
    body = "".join(f"<p>{str(escape(p)).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return Markup(_unmark(body))


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
                                 doc_date=doc_date)
    app.jinja_env.globals.update(FACET_LABELS=labels.FACET_LABELS, KIND_LABELS=labels.KIND_LABELS,
                                 LEVEL_LABELS=labels.LEVEL_LABELS, SORT_LABELS=labels.SORT_LABELS,
                                 facet_value_label=labels.facet_value_label,
                                 relaxed_notice=relaxed_notice,
                                 MAX_QUERY_LENGTH=limits.MAX_QUERY_LENGTH)
