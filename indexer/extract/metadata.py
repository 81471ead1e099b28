"""Extract each document's metadata from its text: a pure function with a typed result."""

import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

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
    TITLE_ISSUER,
    TYPE_HEADING,
    Printed,
    certification_block,
    certifier_lines,
    header_number,
    iso_date,
    passed_on,
    title,
    type_heading,
)
from indexer.extract.issuer_block import case_header, header_issuer
from indexer.extract.issuers import Body, canonical_body, is_central_body
from indexer.extract.layouts.scans import unglued_view
from indexer.extract.page_header import page_header, read_type, stamped_paragraphs
from indexer.extract.placing import RECIPIENTS, document_province, is_local, locate, named_whole, text_places
from indexer.extract.scanned import Around, date_around, number_around, signed_on
from indexer.extract.signature import signer_match, signing_body
from indexer.extract.titles import person_title
from indexer.vocab.passages import citing_passage
from indexer.vocab.refs import ref_key, type_name

# The opening sentence names the issuer: `..., Ban Thường vụ Tỉnh ủy ban hành Kế hoạch`,
# `Chính phủ ban hành Nghị định`, `Bộ trưởng Bộ Y tế ban hành Thông tư`, `Quốc hội ban hành Luật`.
OPENING_ISSUER = re.compile(
    r"(?:^|[,;)]\s*)(?P<org>(?:Ban|Ủy ban|Uỷ ban|UBND|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|Thường trực|"
    r"Văn phòng|Sở|Hội đồng|Bộ|Chính phủ|Thủ tướng|Quốc hội|Thống đốc|Chủ tịch|Tổng Kiểm toán|Chánh án|Viện trưởng|"
    r"Tổng Giám đốc)[^,;()\n]{0,80}?)\s+(?:ban hành|xây dựng|đề ra|hướng dẫn|thông báo|quyết định)\b",
    re.M)

# The national motto, as a header prints it and as a scan reads it (`CỌNG HOÀ XÃ HỘI`).
MOTTO = re.compile(r"C[ỘỌÔO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘỌÔO]I|CỘNG HOÀ XÃ HỘI", re.I)

# A cover letter's words for what comes with it: `(*đính kèm văn bản*)`, `kèm theo`.
ATTACHED = re.compile(r"đính kèm|kèm theo", re.I)

# What follows a signature inside one document: its annexes and forms (`PHỤ LỤC`, `Mẫu số 01`,
# `(Ban hành kèm theo ...)`): a heading after them is a form's, not a new document's.
ANNEX = re.compile(r"^[ \t]*(?:PHỤ LỤC|Phụ lục|MẪU SỐ|Mẫu số|Biểu số|BIỂU MẪU|\(?Ban hành kèm theo|\(?Kèm theo)", re.M)

# How far each reading below looks, in characters. bench/reaches.py halves, doubles and lifts each one
# on the 339 texts of gazette_dev, local_dev and the seeds (figures of 2026-12-06; the header's own reach,
# HEADER_FALLBACK, is page_header's):
#
# The gazette's section title over a consolidated text (`VĂN BẢN HỢP NHẤT - BỘ Y TẾ`) opens the text:
# gazette_dev's 24 end within 136 characters; 750, 3,000 or no bound change nothing.
SECTION_REACH = 1500
# A consolidated text cut before its certification block is known by its note, unless a header number
# stands at its top (a document of its own quoting such a note). The same top as SECTION_REACH; one dev
# text gets this far, unchanged at 750, 3,000 or with no bound.
OWN_NUMBER_REACH = 1500
# The opening sentence naming the issuer (`Chính phủ ban hành Nghị định`), from the type heading, for a
# document whose header prints none: 7 dev documents match with no bound, 5 within 1,000 characters.
# Raised from 3,000 (8fb9984): at 3,000 the Quy chế a Phú Thọ decision issues (`Chủ tịch UBND tỉnh ban
# hành` ending at 3,683) loses its issuer. With no bound a Bắc Ninh Quy định would take one from an
# article's `Chủ tịch Ủy ban nhân dân tỉnh quyết định` at 12,620, no opening sentence; nothing else changes.
OPENING_REACH = 6000
# A title's `CỦA BAN THƯỜNG VỤ TỈNH ỦY` line, the issuer's last resort, keeps to the top of the text.
# No dev text is named this way (0 matches with no bound); set in the first extraction, unmeasured.
TITLE_ISSUER_REACH = 2000
# A cover letter's sentence naming what it encloses (`... Kế hoạch số 46-KH/BTGTU ... (đính kèm văn
# bản)`), either side of the ref: in the seeds' Kiên Giang letter, the one dev text with it, `đính kèm`
# ends 257 characters after the ref; 600, 2,400 or no bound change nothing. Three times a citing
# passage's 400 (d4b1b55), room for a longer sentence than that letter's.
COVER_SENTENCE = 1200


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
    partial_number: str | None = None  # the printed symbol (`/QĐ-UBND`) when the digits are blank or unreadable
    # The day the issuer's digital signature box says it was signed (`Thời gian ký: 02.04.2026`): not the
    # date, which the office writes by hand and which differs from it in 7 of 10 such scans (`scanned`).
    signed_on: str | None = None
    # Where a field not read from the page's own line came from (`scanned`): (field, `filename` | `signature`
    # | `printed_year`), e.g. (("number", "filename"), ("signed_on", "signature")).
    sources: tuple[tuple[str, str], ...] = ()
    ocr_pages: tuple[tuple[int, int], ...] = ()  # (page number, mean word confidence 0-100) of a scan's pages
    effect: Effect = NO_EFFECT        # when it takes effect and ends, as its own effect clause says
    changes: tuple[Change, ...] = ()  # what its own clauses change in the texts it cites
    title_printed: str | None = None  # the title as printed (in capitals, often); `title` as a person writes it
    issuer_printed: str | None = None  # the issuer as an export gave it, when one did; `issuer` is canonical


def _document_ends(text: str, view: str) -> list[int]:
    """Where a document ends and another begins: after a signer, before a new type heading, never
    inside an annex (`view`: the text's furniture view)."""
    ends = []
    for heading in TYPE_HEADING.finditer(view):
        before = view[:heading.start()]
        recipients = list(RECIPIENTS.finditer(before))
        if not recipients or (ends and recipients[-1].start() < ends[-1]):
            continue
        signer = signer_match(before, recipients[-1].end())
        if signer is not None and not ANNEX.search(view, signer.end(), heading.start()):
            ends.append(signer.end())
    return ends


def split_documents(text: str, view: str | None = None) -> list[tuple[int, int]]:
    """Spans of the documents a file holds (an official letter and the plan attached to it); `view`, the
    text's furniture view when the caller has it."""
    bounds = [0] + _document_ends(text, reading_view(text) if view is None else view) + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _consolidated(view: str) -> dict | None:
    """A consolidated text's own number, date, certifier and signer, from its certification block."""
    block = certification_block(view)
    section = CONSOLIDATED_SECTION.search(view[:SECTION_REACH])
    certifier = _section_body(section) if section else None
    if block is None:
        cut = section or (CONSOLIDATION_INTRO.search(view, 0, INTRO_REACH)
                          and not header_number(view[:OWN_NUMBER_REACH])[0])
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
    opening = OPENING_ISSUER.search(body[:OPENING_REACH])
    return canonical_body(expand_issuer(opening.group("org"))) if opening else None


def _issuer(view: str, head: str, header: str, number: str | None, signer, places) -> tuple[Body | None, str | None]:
    """The issuer and its parent; `places()` gives (province, district) for a body that names only its level."""
    printed, parent = header_issuer(header)
    if printed:
        return named_whole(printed, parent, number, places)
    # A header with the national motto has its issuer block beside it: when that block cannot be read, a
    # body the opening sentence names (`Bộ Giáo dục và Đào tạo hướng dẫn ...`) is not taken for it.
    opening = None if MOTTO.search(header) else _preamble_issuer(head)
    if opening:
        if is_central_body(opening.name):
            return opening, None
        return Body(locate(opening.name, *places()), opening.authority), None
    title_org = TITLE_ISSUER.search(head[:TITLE_ISSUER_REACH])
    if title_org:
        return Body(locate(case_header(title_org.group("org")), *places())), None
    signing = signing_body(view, signer)
    return (canonical_body(signing) if signing and is_central_body(signing) else None), None


def _dates(view: str, printed: Printed) -> tuple[str | None, str | None]:
    """(date, partial date): the header's, or a law's adoption date when the header prints none."""
    if printed.state == "read":
        return printed.value, None
    return (passed_on(view), None) if printed.state == "none" else (None, printed.value)


def extract_one(text: str, part: int = 0, offset: int = 0, context: str = "",
                around: Around | None = None, furniture: str | None = None) -> DocumentMetadata:
    """Extract one document's metadata; `context` is the rest of its file (for its place), `around` what its
    file says around it (its name, a scan's header read apart), `furniture` its furniture view when the
    caller has made it."""
    around = around or Around()
    view = unglued_view(text, reading_view(text) if furniture is None else furniture)
    stamps = stamped_paragraphs(view)
    heads, headers, number, printed_date = page_header(text, view, around)
    head, header = heads[0], headers[0]
    consolidated = _consolidated(view)
    if consolidated:
        number = Printed(consolidated.get("number"), "read", "Văn bản hợp nhất")
    doc_type = "Văn bản hợp nhất" if consolidated else read_type(heads, headers, number)
    number, number_source = number_around(around, number, doc_type, (printed_date.value or "")[:4] or None, header)
    citations = find_citations(view, exclude=stamps, own_key=ref_key(number.value) if number.value else None)
    places = cache(lambda: text_places(view, context))  # costly on long texts: only for local bodies
    signer = consolidated.get("signer") if consolidated else None
    signer = signer or signer_match(view)
    # A consolidated text is issued by its certifier, never by the body of the text it consolidates.
    if consolidated:
        issuer, parent = consolidated["issuer"], None
    else:
        issuer, parent = _issuer(view, head, header, number.value, signer, places)
    date, partial = (consolidated.get("date"), None) if consolidated else _dates(view, printed_date)
    date, partial, date_source = date_around(around, printed_date, date, partial)
    signed = signed_on(text, issuer.name if issuer else None)
    sources = tuple((f, s) for f, s in (("number", number_source), ("date", date_source),
                                        ("signed_on", "signature" if signed else None)) if s)
    province = document_province(issuer, parent, places) if is_local(issuer, parent, number.value) else None
    printed_title = title(head, header, bool(consolidated))
    draft = "blank" in (number.state, printed_date.state)  # an unsigned draft changes nothing, takes no effect
    effect = NO_EFFECT if consolidated or draft else effect_of(view, doc_type, date)
    changes = (consolidated_changes(view, citations) if consolidated
               else find_changes(view, citations, doc_type, printed_title, draft=draft))
    return _dated(DocumentMetadata(
        part=part, start=offset, end=offset + len(text), doc_type=doc_type,
        number=number.value, issuer=issuer.name if issuer else None, province=province, date=date, year=None,
        year_inferred=False, date_min=None, signer=signer.group(1) if signer else None,
        title=person_title(printed_title, view), title_printed=printed_title,
        citations=tuple(_shift(c, offset) for c in citations),
        parent_issuer=parent, authority=issuer.authority if issuer else None, partial_date=partial,
        uncertain=tuple(f for f, p, v in (("number", number, number.value), ("date", printed_date, date))
                        if p.state == "unsure" and not v),
        partial_number=number.symbol if not number.value and number.state in ("unsure", "blank") else None,
        sources=sources, deduced=tuple(f for f, s in sources if s == "filename"), signed_on=signed,
        effect=effect, changes=tuple(_shift(c, offset) for c in changes)))


def given_metadata(given: dict, text: str) -> dict:
    """Metadata an export gives, spelled as extraction spells it: the issuer as a header printing it would
    be named (`UBND TỈNH BÌNH THUẬN / SỞ NỘI VỤ` -> `Sở Nội vụ tỉnh Bình Thuận` under `Ủy ban nhân dân tỉnh
    Bình Thuận`), the type by its name (`QUYẾT ĐỊNH` -> `Quyết định`), the title as a person writes it; the
    spellings given kept as `issuer_printed` and `title_printed`."""
    out = dict(given)
    if given.get("doc_type"):
        out["doc_type"] = type_name(given["doc_type"])
    if given.get("issuer"):
        named = _given_issuer(given["issuer"], given.get("number"), text)
        out.update({k: v for k, v in named.items() if k == "issuer" or k not in given}, issuer_printed=given["issuer"])
    if given.get("title"):
        out.update(title=person_title(given["title"], text), title_printed=given["title"])
    return out


def _given_issuer(printed: str, number: str | None, text: str) -> dict:
    """The issuer, its parent and the province of an issuer an export gives (a parent and its unit
    apart: `PARENT / UNIT`). A name in mixed case is a name written in running text, in capitals one
    printed in a header: each named as extraction names it there."""
    places = cache(lambda: text_places(reading_view(text), ""))  # the view only for a body named by its level
    parts = [p.strip() for p in printed.split(" / ") if p.strip()]
    if len(parts) == 1 and not printed.isupper():
        body, parent = canonical_body(expand_issuer(printed)), None
    else:
        body, parent = header_issuer("", [p.upper() for p in parts])
        if body:
            body, parent = named_whole(body, parent, number, places)
    if body is None:
        return {}
    province = document_province(body, parent, places) if is_local(body, parent, number) else None
    return {"issuer": body.name, "parent_issuer": parent, "authority": body.authority, "province": province}


def _dated(meta: DocumentMetadata) -> DocumentMetadata:
    """The year: printed with the date (or with a draft's month), or a lower bound from the latest date
    the document cites."""
    cited_dates = sorted(c.date for c in meta.citations if c.date)
    date_min = cited_dates[-1] if not meta.date and cited_dates else None
    printed = meta.date or meta.partial_date
    year = int(printed[:4]) if printed else (int(date_min[:4]) if date_min else None)
    inferred = bool(year and not printed)
    return replace(meta, year=year, year_inferred=inferred, date_min=date_min,
                   deduced=meta.deduced + (("year",) if inferred else ()))


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
            _start, end = citing_passage(text, c.start, c.end, limit=COVER_SENTENCE)
            if c.doc_type == meta.doc_type and ATTACHED.search(text[c.end:end]):
                year = c.year or meta.year
                return replace(meta, number=c.ref, date=c.date, year=year, year_inferred=True, date_min=None,
                               deduced=("number", "date", "year"))
    return meta


def extract(text: str, around: Around | None = None) -> list[DocumentMetadata]:
    """Split a file's text into its documents and extract each one's metadata (`around`: what the file says
    around its text, `scanned.Around`).

    >>> [(m.doc_type, m.number, m.date) for m in extract("TỈNH ỦY HẢI DƯƠNG\\nSố 150 - KH/TU\\n"
    ...     "Hải Dương, ngày 15 tháng 5 năm 2019\\n\\nKẾ HOẠCH\\n\\nthực hiện Nghị quyết\\n\\nNội dung.")]
    [('Kế hoạch', '150-KH/TU', '2019-05-15')]
    """
    view = reading_view(text)
    spans = split_documents(text, view)
    results = []
    for part, (start, end) in enumerate(spans):
        context = text[:start] + text[end:] if len(spans) > 1 else ""
        # The file's name and its first page's header belong to the file's first document.
        whole = view if (start, end) == (0, len(text)) else None  # a part's view is made from the part alone
        meta = extract_one(text[start:end], part, start, context, around if part == 0 else None, whole)
        results.append(_attached(text, results, meta))
    return results
