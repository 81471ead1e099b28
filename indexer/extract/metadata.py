"""Extract each document's metadata from its text: a pure function with a typed result."""

import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

from analyzers.normalize import canonical_tones
from indexer.extract.citations import Citation, expand_issuer, find_citations
from indexer.extract.furniture import reading_view
from indexer.extract.header import (
    CERTIFICATION,
    CONSOLIDATED_SECTION,
    CONSOLIDATION_INTRO,
    INTRO_REACH,
    PLACE_DATE,
    SUBJECT_LINE,
    TITLE_ISSUER,
    TYPE_HEADING,
    certification_block,
    certifier_lines,
    floating_header,
    header_date,
    header_number,
    iso_date,
    passed_on,
    title,
    type_heading,
)
from indexer.extract.identity import is_central_ref
from indexer.extract.issuers import Body, canonical_body, case_name, is_central_body
from indexer.extract.passages import citing_passage
from indexer.extract.places import find_district, find_province
from indexer.extract.refs import ref_key, type_name, type_of_symbol
from indexer.extract.signature import signer_match, signing_body

# An arrival stamp OCR'd into the text (`VP. UBND TỈNH KG Số: 606 ĐẾN Ngày: 10/6/2021`):
# neither its number nor its date belongs to the document.
STAMP = re.compile(r"(?:ĐẾN|Đến)\s*Ngày\s*:|Số và ký hiệu HS")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

# National and Party mottos: never the issuer (in two-column text they share a line with it).
MOTTO = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)

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

# Words that start a body's name on a header line: a new line starting with one is a new body
# (`BỘ TÀI CHÍNH` / `TỔNG CỤC HẢI QUAN`); any other line continues the one above (`ỦY BAN NHÂN` / `DÂN`).
BODY_WORD = (r"(?:BỘ|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ|CỤC|TỔNG CỤC|CHI CỤC|VỤ|BAN|VĂN PHÒNG|CHÍNH PHỦ|THỦ TƯỚNG|"
             r"QUỐC HỘI|NGÂN HÀNG|VIỆN|TÒA ÁN|TOÀ ÁN|KIỂM TOÁN|BẢO HIỂM|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|ĐẢNG ỦY|"
             r"ĐẢNG BỘ|TRUNG TÂM|PHÒNG|TRƯỜNG)\b")
BODY_NAME_START = re.compile(BODY_WORD)

# A signature block's first line, `TM. CHÍNH PHỦ` / `KT. BỘ TRƯỞNG`: the header has ended.
SIGNING_FOR = re.compile(r"(?:T/M|TM\.|KT\.|TL\.|TUQ\.)")

# Co-issuers of a joint text, one after the other: `VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO - BỘ CÔNG AN - ...`.
JOINT_SEPARATOR = re.compile(rf"\s[-–]\s*(?={BODY_WORD})")

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


def _header(view: str, stamps: list[tuple[int, int]]) -> str:
    """The part before the type heading (or the first lines), stamps blanked out."""
    heading = type_heading(view)
    end = heading.start() if heading else min(len(view), 1500)
    header = view[:end]
    for s, e in stamps:
        if s < end:
            header = header[:s] + " " * (min(e, end) - s) + header[min(e, end):]
    return header

def _case_header(line: str) -> str:
    """A local header line in Party style: `TỈNH ỦY HẢI DƯƠNG` -> `Tỉnh ủy Hải Dương`; else proper-noun case."""
    if line.startswith(("TỈNH ỦY", "TỈNH UỶ")) and " " in line[8:].strip():
        return "Tỉnh ủy " + " ".join(w.capitalize() for w in line[8:].split())
    return case_name(line)


def _header_lines(header: str) -> list[str]:
    """The upper-case lines printed top left, before the number or date; mottos cut away."""
    lines = []
    for line in header.splitlines():
        line = MOTTO.split(line)[0].strip(" \t*_").lstrip("-– ")  # a trailing dash joins co-issuers
        if not line or line.startswith("VĂN BẢN HỢP NHẤT") or CERTIFICATION.match(line):
            continue
        if not lines and not BODY_NAME_START.match(line):
            continue  # text before the first body's name: a table's tail, a cut line
        if line.startswith("Số") or SIGNING_FOR.match(line) or PLACE_DATE.match(line) or not line.isupper():
            if lines:
                break
            continue
        lines.append(line)
    return lines


def _bodies(lines: list[str]) -> list[str]:
    """Header lines joined into bodies in reading order, each printed once (gazettes repeat it)."""
    bodies: list[str] = []
    for line in lines:
        if bodies and (not BODY_NAME_START.match(line) or bodies[-1].endswith(("-", "–"))):
            bodies[-1] += " " + line
        else:
            bodies.append(line)
    unique = []
    for body in bodies:
        if not unique or " ".join(unique[-1].split()) != " ".join(body.split()):
            unique.append(body)
    return unique


def _header_issuer(header: str, lines: list[str] | None = None) -> tuple[Body | None, str | None]:
    """The issuer printed top left (or the given lines) and the parent body above it."""
    bodies = _bodies(_header_lines(header) if lines is None else lines)
    if not bodies:
        return None, None
    joint = JOINT_SEPARATOR.split(bodies[-1])
    if len(joint) > 1:  # a joint text: every co-issuer, in printed order
        return Body(", ".join(canonical_body(b).name for b in joint)), None
    child = canonical_body(bodies[-1])
    if len(bodies) == 1:
        return (child if is_central_body(child.name) else Body(_case_header(bodies[0]))), None
    parent = canonical_body(bodies[0])
    if is_central_body(parent.name):
        return child, parent.name
    return Body(" ".join([_case_header(u) for u in bodies[1:]] + [_case_header(bodies[0])])), parent.name


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
    printed = _header_issuer("", certifier_lines(view, start, marker))[0]
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


def _issuer(view: str, header: str, signer, places) -> tuple[Body | None, str | None]:
    """The issuer and its parent; `places()` gives (province, district) for a body that names only its level."""
    printed, parent = _header_issuer(header)
    if printed:
        return printed, parent
    opening = _preamble_issuer(view)
    if opening:
        if is_central_body(opening.name):
            return opening, None
        return Body(_locate(opening.name, *places()), opening.authority), None
    title_org = TITLE_ISSUER.search(view[:2000])
    if title_org:
        return Body(_locate(_case_header(title_org.group("org")), *places())), None
    signing = signing_body(view, signer)
    return (canonical_body(signing) if signing and is_central_body(signing) else None), None


def _doc_type(view: str, header: str, number: str | None, number_type: str | None) -> str | None:
    if number and type_of_symbol(number):
        return type_of_symbol(number)
    if number_type:
        return number_type
    heading = type_heading(view)
    if heading:
        return type_name(" ".join(heading.group(1).split()))
    if SUBJECT_LINE.search(header) or number:
        return "Công văn"  # an official letter carries no type code and no type heading
    return None


def _is_local(issuer: Body | None, parent: str | None, number: str | None) -> bool:
    """Whether a province belongs to the document: never for a central body or a central number."""
    if issuer is not None:
        joint = "," in issuer.name and "tỉnh" not in issuer.name  # central co-issuers
        return not (is_central_body(issuer.name) or is_central_body(parent) or joint)
    return not (number and is_central_ref(number))


def _places(view: str, context: str) -> tuple[str | None, str | None]:
    # The recipients list names other bodies: it says nothing of where the document comes from.
    recipients = RECIPIENTS.search(view)
    toned = canonical_tones(view[:recipients.start()] if recipients else view)
    province = find_province(toned) or (find_province(canonical_tones(context)) if context else None)
    return province, find_district(toned)


def extract_one(text: str, part: int = 0, offset: int = 0, context: str = "") -> DocumentMetadata:
    """Extract one document's metadata; `context` is the rest of its file (for its place)."""
    view = reading_view(text)
    stamps = [m.span() for m in PARAGRAPH.finditer(view) if STAMP.search(m.group(0))]
    header = _header(view, stamps)
    if header_number(header)[0] is None:
        header = floating_header(view) or header
    number, number_type = header_number(header)
    consolidated = _consolidated(view)
    if consolidated:
        number, number_type = consolidated.get("number"), "Văn bản hợp nhất"
    citations = find_citations(view, exclude=stamps, own_key=ref_key(number) if number else None)
    places = cache(lambda: _places(view, context))  # costly on long texts: only for local bodies
    signer = consolidated.get("signer") if consolidated else None
    signer = signer or signer_match(view)
    # A consolidated text is issued by its certifier, never by the body of the text it consolidates.
    issuer, parent = (consolidated["issuer"], None) if consolidated else _issuer(view, header, signer, places)
    date = consolidated.get("date") if consolidated else (header_date(header) or passed_on(view))
    province = places()[0] if _is_local(issuer, parent, number) else None
    return _dated(DocumentMetadata(
        part=part, start=offset, end=offset + len(text), doc_type=_doc_type(view, header, number, number_type),
        number=number, issuer=issuer.name if issuer else None, province=province, date=date, year=None,
        year_inferred=False, date_min=None, signer=signer.group(1) if signer else None,
        title=title(view, header, bool(consolidated)), citations=tuple(_shift(c, offset) for c in citations),
        parent_issuer=parent, authority=issuer.authority if issuer else None))


def _dated(meta: DocumentMetadata) -> DocumentMetadata:
    """The year: printed with the date, or a lower bound from the latest date the document cites."""
    cited_dates = sorted(c.date for c in meta.citations if c.date)
    date_min = cited_dates[-1] if not meta.date and cited_dates else None
    year = int(meta.date[:4]) if meta.date else (int(date_min[:4]) if date_min else None)
    return replace(meta, year=year, year_inferred=bool(year and not meta.date), date_min=date_min,
                   deduced=("year",) if date_min else ())


def _shift(citation: Citation, offset: int) -> Citation:
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
