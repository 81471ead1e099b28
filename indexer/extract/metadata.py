"""Extract each document's metadata from its text: a pure function with a typed result."""

import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

from analyzers.normalize import canonical_tones
from indexer.extract.changes import Change, find_changes
from indexer.extract.citations import Citation, expand_issuer, find_citations
from indexer.extract.consolidation import consolidated_changes
from indexer.extract.effect import NO_EFFECT, Effect, effect_of
from indexer.extract.furniture import reading_view
from indexer.extract.header import (
    CONSOLIDATED_SECTION,
    CONSOLIDATION_INTRO,
    INTRO_REACH,
    PLACE_DATE,
    SUBJECT_LINE,
    TITLE_ISSUER,
    TYPE_HEADING,
    Printed,
    certification_block,
    certifier_lines,
    floating_header,
    header_heading,
    header_number,
    iso_date,
    passed_on,
    read_date,
    read_number,
    title,
    type_heading,
)
from indexer.extract.issuer_block import case_header, completed, header_issuer
from indexer.extract.issuers import Body, canonical_body, is_central_body
from indexer.extract.layouts import head_text
from indexer.extract.places import find_district, find_province
from indexer.extract.signature import signer_match, signing_body
from indexer.vocab.identity import is_central_ref
from indexer.vocab.passages import citing_passage
from indexer.vocab.refs import ref_key, type_name, type_of_symbol

# An arrival stamp OCR'd into the text (`VP. UBND TỈNH KG Số: 606 ĐẾN Ngày: 10/6/2021`):
# neither its number nor its date belongs to the document.
STAMP = re.compile(r"(?:ĐẾN|Đến)\s*Ngày\s*:|Số và ký hiệu HS")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

# The opening sentence names the issuer: `..., Ban Thường vụ Tỉnh ủy ban hành Kế hoạch`,
# `Chính phủ ban hành Nghị định`, `Bộ trưởng Bộ Y tế ban hành Thông tư`, `Quốc hội ban hành Luật`.
OPENING_ISSUER = re.compile(
    r"(?:^|[,;)]\s*)(?P<org>(?:Ban|Ủy ban|Uỷ ban|UBND|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|Thường trực|"
    r"Văn phòng|Sở|Hội đồng|Bộ|Chính phủ|Thủ tướng|Quốc hội|Thống đốc|Chủ tịch|Tổng Kiểm toán|Chánh án|Viện trưởng|"
    r"Tổng Giám đốc)[^,;()\n]{0,80}?)\s+(?:ban hành|xây dựng|đề ra|hướng dẫn|thông báo|quyết định)\b",
    re.M)

RECIPIENTS = re.compile(r"^[ \t*]*Nơi nhận\s*:", re.M)

# A cover letter's words for what comes with it: `(*đính kèm văn bản*)`, `kèm theo`.
ATTACHED = re.compile(r"đính kèm|kèm theo", re.I)

# What follows a signature inside one document: its annexes and forms (`PHỤ LỤC`, `Mẫu số 01`,
# `(Ban hành kèm theo ...)`): a heading after them is a form's, not a new document's.
ANNEX = re.compile(r"^[ \t]*(?:PHỤ LỤC|Phụ lục|MẪU SỐ|Mẫu số|Biểu số|BIỂU MẪU|\(?Ban hành kèm theo|\(?Kèm theo)", re.M)

@dataclass(frozen=True)
class DocumentMetadata:
    """What extraction knows of one document; unknown is None, never a guess."""

    part: int
    start: int                   # the document's span in the file's text
    end: int
    doc_type: str | None
    number: str | None           # as printed, spacing normalized: `150-KH/TU`, `35/NQ-TW`
    issuer: str | None           # one canonical spelling per body: `Bộ Y tế`
    province: str | None         # only for a local body
    date: str | None             # ISO, only when printed in the document
    year: int | None
    year_inferred: bool          # year deduced (lower bound from the latest cited date)
    date_min: str | None         # that lower bound, when the date itself is unknown
    signer: str | None
    title: str | None
    citations: tuple[Citation, ...]
    deduced: tuple[str, ...] = ()  # fields not printed in the document itself, but deduced
    parent_issuer: str | None = None  # the body above the issuer in the header: `Bộ Tài chính`
    authority: str | None = None      # who acts for the issuer when the text names it: `Bộ trưởng`
    partial_date: str | None = None   # `2024-12` or `2024` when the day (and month) is blank or unreadable
    uncertain: tuple[str, ...] = ()   # fields printed but not readable (a scan's garbled digits): left out
    effect: Effect = NO_EFFECT        # when it takes effect and ends, as its own effect clause says
    changes: tuple[Change, ...] = ()  # what its own clauses change in the texts it cites


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _document_ends(text: str) -> list[int]:
    """Where a document ends and another begins: after a signer, before a new type heading, never
    inside an annex."""
    ends, view = [], reading_view(text)
    for heading in TYPE_HEADING.finditer(view):
        before = view[:heading.start()]
        recipients = list(RECIPIENTS.finditer(before))
        if not recipients or (ends and recipients[-1].start() < ends[-1]):
            continue
        signer = signer_match(before, recipients[-1].end())
        if signer is not None and not ANNEX.search(view, signer.end(), heading.start()):
            ends.append(signer.end())
    return ends


def split_documents(text: str) -> list[tuple[int, int]]:
    """Spans of the documents a file holds (an official letter and the plan attached to it)."""
    bounds = [0] + _document_ends(text) + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _header(head: str) -> str:
    """The part before the type heading (or the first lines), stamps blanked out."""
    heading = type_heading(head)
    end = heading.start() if heading else min(len(head), 1500)
    header = head[:end]
    for paragraph in PARAGRAPH.finditer(header):
        if STAMP.search(paragraph.group(0)):
            s, e = paragraph.span()
            header = header[:s] + " " * (e - s) + header[e:]
    return header


def _printed(head: str) -> tuple[str, Printed, Printed]:
    """The header, and the number and date it prints; a header printed away from the top when the
    top prints no number."""
    header = _header(head)
    number = read_number(header)
    if number.state == "none":
        floating = floating_header(head)
        if floating:
            header, number = floating, read_number(floating)
    return header, number, read_date(header)


def _locate(org: str, province: str | None, district: str | None) -> str:
    """Add the place to an issuer that names only its level: `Ban Thường vụ Tỉnh ủy` + Hải Dương."""
    org = _clean(org)
    lowered = org.lower()
    if lowered.endswith(("huyện", "huyện ủy")) and district:
        return f"{org} {district}"
    if lowered.endswith(("tỉnh", "tỉnh ủy")) and province:
        return f"{org} {province}"
    return org


def _consolidated(view: str) -> dict | None:
    """A consolidated text's own number, date, certifier and signer, from its certification block."""
    block = certification_block(view)
    section = CONSOLIDATED_SECTION.search(view[:1500])
    certifier = _section_body(section) if section else None
    if block is None:
        cut = section or (CONSOLIDATION_INTRO.search(view, 0, INTRO_REACH) and not header_number(view[:1500])[0])
        return {"issuer": certifier} if cut else None
    start, marker, end = block
    number = header_number(view[start:end])[0]
    date = PLACE_DATE.search(view, marker, end) or PLACE_DATE.search(view, start, end)
    printed = header_issuer("", certifier_lines(view, start, marker))[0]
    issuer = printed or certifier
    return {"number": number, "date": iso_date(date) if date else None, "issuer": issuer,
            "signer": signer_match(view, start, end)}


def _section_body(section) -> Body | None:
    """The certifier a gazette section title names, its name perhaps wrapped onto the next line."""
    more = (section.group("more") or "").strip()
    return canonical_body(section.group("body") + (" " + more if more.isupper() else ""))


def _preamble_issuer(view: str) -> Body | None:
    """The issuer named by the opening sentence (`Chính phủ ban hành Nghị định`)."""
    heading = type_heading(view)
    body = view[heading.end():] if heading else view
    opening = OPENING_ISSUER.search(body[:6000])
    return canonical_body(expand_issuer(opening.group("org"))) if opening else None


def _located(body: Body | None, places) -> Body | None:
    """A printed name that ends at its level (`Văn phòng Ủy ban nhân dân tỉnh`) with its place added."""
    if body is None or not body.name.lower().endswith(("tỉnh", "huyện")):
        return body
    return Body(_locate(body.name, *places()), body.authority)


def _issuer(view: str, head: str, header: str, number: str | None, signer, places) -> tuple[Body | None, str | None]:
    """The issuer and its parent; `places()` gives (province, district) for a body that names only its level."""
    printed, parent = header_issuer(header)
    if printed:
        printed = completed(printed, number)
        parent_body = _located(Body(parent), places) if parent else None
        return _located(printed, places), parent_body.name if parent_body else None
    opening = _preamble_issuer(head)
    if opening:
        if is_central_body(opening.name):
            return opening, None
        return Body(_locate(opening.name, *places()), opening.authority), None
    title_org = TITLE_ISSUER.search(head[:2000])
    if title_org:
        return Body(_locate(case_header(title_org.group("org")), *places())), None
    signing = signing_body(view, signer)
    return (canonical_body(signing) if signing and is_central_body(signing) else None), None


def _doc_type(head: str, header: str, number: Printed) -> str | None:
    """The type its heading names (`QUY ĐỊNH` is a Quy định though its symbol says `QĐ`), else its symbol's
    code, else a letter's `V/v` line."""
    heading, in_header = header_heading(head)
    symbol_type = type_of_symbol(number.value or f"0{number.symbol}") if number.symbol else None
    if heading and in_header:
        return type_name(heading.group(1))
    if symbol_type or number.doc_type:
        return symbol_type or number.doc_type
    if heading:
        return type_name(heading.group(1))
    if SUBJECT_LINE.search(header) or number.value:
        return "Công văn"  # an official letter carries no type code and no type heading
    return None


def _is_local(issuer: Body | None, parent: str | None, number: str | None) -> bool:
    """Whether a province belongs to the document: never for a central body or a central number."""
    if issuer is not None:
        joint = "," in issuer.name and "tỉnh" not in issuer.name  # central co-issuers
        return not (is_central_body(issuer.name) or is_central_body(parent) or joint)
    return not (number and is_central_ref(number))


def _province(issuer: Body | None, parent: str | None, places) -> str | None:
    """The province the issuer's name (or its parent's) names; else the one the text names most."""
    named = [find_province(canonical_tones(n)) for n in (issuer.name if issuer else None, parent) if n]
    return next((p for p in named if p), None) or places()[0]


def _places(view: str, context: str) -> tuple[str | None, str | None]:
    # The recipients list names other bodies: it says nothing of where the document comes from.
    recipients = RECIPIENTS.search(view)
    toned = canonical_tones(view[:recipients.start()] if recipients else view)
    province = find_province(toned) or (find_province(canonical_tones(context)) if context else None)
    return province, find_district(toned)


def _dates(view: str, printed: Printed) -> tuple[str | None, str | None]:
    """(date, partial date): the header's, or a law's adoption date when the header prints none."""
    if printed.state == "read":
        return printed.value, None
    return (passed_on(view), None) if printed.state == "none" else (None, printed.value)


def extract_one(text: str, part: int = 0, offset: int = 0, context: str = "") -> DocumentMetadata:
    """Extract one document's metadata; `context` is the rest of its file (for its place)."""
    view = reading_view(text)
    head = head_text(text, view)  # the header in reading order, whatever its layout
    stamps = [m.span() for m in PARAGRAPH.finditer(view) if STAMP.search(m.group(0))]
    header, number, printed_date = _printed(head)
    consolidated = _consolidated(view)
    if consolidated:
        number = Printed(consolidated.get("number"), "read", "Văn bản hợp nhất")
    citations = find_citations(view, exclude=stamps, own_key=ref_key(number.value) if number.value else None)
    places = cache(lambda: _places(view, context))  # costly on long texts: only for local bodies
    signer = consolidated.get("signer") if consolidated else None
    signer = signer or signer_match(view)
    # A consolidated text is issued by its certifier, never by the body of the text it consolidates.
    if consolidated:
        issuer, parent = consolidated["issuer"], None
    else:
        issuer, parent = _issuer(view, head, header, number.value, signer, places)
    date, partial = (consolidated.get("date"), None) if consolidated else _dates(view, printed_date)
    province = _province(issuer, parent, places) if _is_local(issuer, parent, number.value) else None
    doc_type = "Văn bản hợp nhất" if consolidated else _doc_type(head, header, number)
    heading_title = title(head, header, bool(consolidated))
    draft = "blank" in (number.state, printed_date.state)  # an unsigned draft changes nothing, takes no effect
    effect = NO_EFFECT if consolidated or draft else effect_of(view, doc_type, date)
    changes = (consolidated_changes(view, citations) if consolidated
               else find_changes(view, citations, doc_type, heading_title, draft=draft))
    return _dated(DocumentMetadata(
        part=part, start=offset, end=offset + len(text),
        doc_type=doc_type, number=number.value, issuer=issuer.name if issuer else None, province=province, date=date,
        year=None,
        year_inferred=False, date_min=None, signer=signer.group(1) if signer else None,
        title=heading_title, citations=tuple(_shift(c, offset) for c in citations),
        parent_issuer=parent, authority=issuer.authority if issuer else None, partial_date=partial,
        uncertain=tuple(f for f, p in (("number", number), ("date", printed_date)) if p.state == "unsure"),
        effect=effect, changes=tuple(_shift(c, offset) for c in changes)))


def _dated(meta: DocumentMetadata) -> DocumentMetadata:
    """The year: printed with the date (or with a draft's month), or a lower bound from the latest date
    the document cites."""
    cited_dates = sorted(c.date for c in meta.citations if c.date)
    date_min = cited_dates[-1] if not meta.date and cited_dates else None
    printed = meta.date or meta.partial_date
    year = int(printed[:4]) if printed else (int(date_min[:4]) if date_min else None)
    inferred = bool(year and not printed)
    return replace(meta, year=year, year_inferred=inferred, date_min=date_min, deduced=("year",) if inferred else ())


def _shift(citation: Citation | Change, offset: int) -> Citation | Change:
    return replace(citation, start=citation.start + offset, end=citation.end + offset)


def _attached(text: str, earlier: list[DocumentMetadata], meta: DocumentMetadata) -> DocumentMetadata:
    """An attachment with no number of its own takes the ref its cover letter gives it.

    `... nhận được Kế hoạch số 46-KH/BTGTU ngày 08-6-2021 ... (đính kèm văn bản)`: the letter
    names the plan attached after it, with its number and date.
    """
    if meta.number or not meta.doc_type:
        return meta
    for letter in earlier:
        for c in letter.citations:
            _start, end = citing_passage(text, c.start, c.end, limit=1200)
            if c.doc_type == meta.doc_type and ATTACHED.search(text[c.end:end]):
                year = c.year or meta.year
                return replace(meta, number=c.ref, date=c.date, year=year, year_inferred=True, date_min=None,
                               deduced=("number", "date", "year"))
    return meta


def extract(text: str) -> list[DocumentMetadata]:
    """Split a file's text into its documents and extract each one's metadata.

    >>> [(m.doc_type, m.number, m.date) for m in extract("TỈNH ỦY HẢI DƯƠNG\\nSố 150 - KH/TU\\n"
    ...     "Hải Dương, ngày 15 tháng 5 năm 2019\\n\\nKẾ HOẠCH\\n\\nthực hiện Nghị quyết\\n\\nNội dung.")]
    [('Kế hoạch', '150-KH/TU', '2019-05-15')]
    """
    spans = split_documents(text)
    results = []
    for part, (start, end) in enumerate(spans):
        context = text[:start] + text[end:] if len(spans) > 1 else ""
        results.append(_attached(text, results, extract_one(text[start:end], part, start, context)))
    return results
