"""Extract each document's metadata from its text: a pure function with a typed result."""

import re
from dataclasses import dataclass, replace

from analyzers.normalize import canonical_tones
from indexer.citations import Citation, citing_passage, expand_issuer, find_citations
from indexer.places import find_district, find_province
from indexer.refs import NUMBER_SYMBOL, TYPE_CODES, canonical_ref, ref_key, type_of_symbol

# A line that is only a type name, upper case: `KẾ HOẠCH`, `**NGHỊ QUYẾT**`.
TYPE_HEADING = re.compile(
    r"^[ \t*#]*(" + "|".join(sorted((t.upper() for t in TYPE_CODES), key=len, reverse=True))
    + r")(?: HÀNH ĐỘNG)?[ \t*]*$", re.M)

# The document's own number in its header: `Số 150 - KH/TU`, `Số: 4382/VP-KGVX`.
HEADER_NUMBER = re.compile(rf"^[ \t*]*Số\s*:?\s*(?P<symbol>{NUMBER_SYMBOL})[ \t*]*$", re.M)

# The place and date line: `Hải Dương, ngày 15 tháng 5 năm 2019`.
PLACE_DATE = re.compile(r"^[ \t*]*(?P<place>[^\n,]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})"
                        r"\s+năm\s+(?P<y>(?:19|20)\d\d)", re.M)

# An arrival stamp OCR'd into the text (`VP. UBND TỈNH KG Số: 606 ĐẾN Ngày: 10/6/2021`):
# neither its number nor its date belongs to the document.
STAMP = re.compile(r"(?:ĐẾN|Đến)\s*Ngày\s*:|Số và ký hiệu HS")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

# National and Party mottos: never the issuer.
MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)

# The subject line of an official letter: `V/v thực hiện Kế hoạch số ...`.
SUBJECT_LINE = re.compile(r"^[ \t*]*V/v\.?\s*(?P<title>[^\n]+(?:\n[^\n]+)*)", re.M)

# The opening sentence names the issuer: `..., Ban Thường vụ Tỉnh ủy ban hành Kế hoạch`.
OPENING_ISSUER = re.compile(
    r"(?:^|[,;)]\s*)(?P<org>(?:Ban|Ủy ban|Uỷ ban|UBND|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|Thường trực|"
    r"Văn phòng|Sở|Hội đồng|Bộ|Chính phủ)[^,;()\n]{0,60}?)\s+(?:ban hành|xây dựng|đề ra|hướng dẫn|thông báo)\b",
    re.M)

# `CỦA BAN THƯỜNG VỤ TỈNH ỦY` under the type heading.
TITLE_ISSUER = re.compile(r"^[ \t*]*CỦA\s+(?P<org>[A-ZĐÀ-Ỹ ]+?)[ \t*]*$", re.M)

# Signature block roles: `T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`, `PHÓ BÍ THƯ`, `TRƯỞNG BAN`.
SIGNATURE_ROLE = re.compile(
    r"^[ \t*]*(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|PHÓ|CHỦ TỊCH|BÍ THƯ|TRƯỞNG|CHÁNH|GIÁM ĐỐC|BỘ TRƯỞNG|"
    r"THỦ TƯỚNG|CHỦ NHIỆM)\b[^\n]*$", re.M)

# A person's name alone on a line: two to five capitalized syllables.
PERSON = re.compile(r"^[ \t*]*((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?:[ ][A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})[ \t*]*$", re.M)

RECIPIENTS = re.compile(r"^[ \t*]*Nơi nhận\s*:", re.M)

# A cover letter's words for what comes with it: `(*đính kèm văn bản*)`, `kèm theo`.
ATTACHED = re.compile(r"đính kèm|kèm theo", re.I)

# Fragments of upper-case headers that keep capitals in running text.
HEADER_WORDS = {"TỈNH ỦY": "Tỉnh ủy", "TỈNH UỶ": "Tỉnh ủy", "HUYỆN ỦY": "Huyện ủy", "THÀNH ỦY": "Thành ủy",
                "ĐẢNG ỦY": "Đảng ủy", "THƯỜNG VỤ": "Thường vụ", "TUYÊN GIÁO": "Tuyên giáo",
                "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TRUNG ƯƠNG": "Trung ương",
                "CHÍNH TRỊ": "Chính trị", "BÍ THƯ": "Bí thư", "CHÍNH PHỦ": "Chính phủ"}
LOCALITY = re.compile(r"\b(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ)\s+((?:[A-ZĐÀ-Ỹ]+\s*)+)$")


@dataclass(frozen=True)
class DocumentMetadata:
    """What extraction knows of one document; unknown is None, never a guess."""

    part: int
    start: int                   # the document's span in the file's text
    end: int
    doc_type: str | None
    number: str | None           # as printed, spacing normalized: `150-KH/TU`
    issuer: str | None
    province: str | None
    date: str | None             # ISO, only when printed in the document
    year: int | None
    year_inferred: bool          # year deduced (lower bound from the latest cited date)
    date_min: str | None         # that lower bound, when the date itself is unknown
    signer: str | None
    title: str | None
    citations: tuple[Citation, ...]
    deduced: tuple[str, ...] = ()  # fields not printed in the document itself, but deduced


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _document_ends(text: str) -> list[int]:
    """Where a document ends and another begins: after a signer, before a new type heading."""
    ends = []
    for heading in TYPE_HEADING.finditer(text):
        before = text[:heading.start()]
        recipients = list(RECIPIENTS.finditer(before))
        if not recipients or (ends and recipients[-1].start() < ends[-1]):
            continue
        signer = _signer_match(before, recipients[-1].end())
        if signer is not None:
            ends.append(signer.end())
    return ends


def split_documents(text: str) -> list[tuple[int, int]]:
    """Spans of the documents a file holds (an official letter and the plan attached to it)."""
    bounds = [0] + _document_ends(text) + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _signer_match(text: str, after: int = 0):
    roles = [m for m in SIGNATURE_ROLE.finditer(text, after)]
    if not roles:
        return None
    return PERSON.search(text, roles[-1].end())


def _header(text: str, stamps: list[tuple[int, int]]) -> str:
    """The part before the type heading (or the first paragraph of prose), stamps blanked out."""
    heading = TYPE_HEADING.search(text)
    end = heading.start() if heading else min(len(text), 1500)
    header = text[:end]
    for s, e in stamps:
        if s < end:
            header = header[:s] + " " * (min(e, end) - s) + header[min(e, end):]
    return header


def _case_header(line: str) -> str:
    """`UBND TỈNH KIÊN GIANG` -> `Ủy ban nhân dân tỉnh Kiên Giang`; `BAN TUYÊN GIÁO` -> `Ban Tuyên giáo`."""
    locality = LOCALITY.search(line)
    place = ""
    if locality:
        line = line[:locality.start()].strip()
        name = " ".join(w.capitalize() for w in locality.group(2).split())
        place = f"{locality.group(1).lower()} {name}"
        if line.endswith("ỦY") and locality.group(1) == "TỈNH":
            line, place = f"{line} TỈNH ỦY".replace("ỦY TỈNH ỦY", "ỦY"), name
    out = line.lower().capitalize() if line else ""
    for upper, cased in HEADER_WORDS.items():
        out = re.sub(re.escape(upper.lower().capitalize()) + r"|" + re.escape(upper.lower()), cased, out)
    return " ".join(p for p in (out, place) if p).strip()


def _header_issuer(header: str) -> str | None:
    """The issuer printed top left: upper-case lines before the number, mottos excluded."""
    lines = []
    for line in header.splitlines():
        line = line.strip(" \t*")
        if not line or MOTTO.search(line):
            continue
        if line.startswith("Số") or PLACE_DATE.match(line) or not line.isupper():
            break
        lines.append(line)
    if not lines:
        return None
    parent, units = lines[0], lines[1:]
    if parent.startswith(("TỈNH ỦY", "TỈNH UỶ")) and " " in parent[8:].strip():
        parent_text = "Tỉnh ủy " + " ".join(w.capitalize() for w in parent[8:].split())
    else:
        parent_text = _case_header(parent)
    return " ".join([_case_header(u) for u in units] + [parent_text])


def _locate(org: str, province: str | None, district: str | None) -> str:
    """Add the place to an issuer that names only its level: `Ban Thường vụ Tỉnh ủy` + Hải Dương."""
    org = _clean(org)
    lowered = org.lower()
    if lowered.endswith(("huyện", "huyện ủy")) and district:
        return f"{org} {district}"
    if lowered.endswith(("tỉnh", "tỉnh ủy")) and province:
        return f"{org} {province}"
    return org


def _issuer(text: str, header: str, province: str | None, district: str | None) -> str | None:
    printed = _header_issuer(header)
    if printed:
        return printed
    heading = TYPE_HEADING.search(text)
    body = text[heading.end():] if heading else text
    opening = OPENING_ISSUER.search(body[:3000])
    if opening:
        return _locate(expand_issuer(opening.group("org")), province, district)
    title_org = TITLE_ISSUER.search(text[:2000])
    if title_org:
        return _locate(_case_header(title_org.group("org")), province, district)
    return None


def _doc_type(text: str, header: str, number: str | None) -> str | None:
    if number and type_of_symbol(number):
        return type_of_symbol(number)
    heading = TYPE_HEADING.search(text)
    if heading:
        name = heading.group(1).lower().capitalize()
        return next(t for t in TYPE_CODES if t.lower() == name.lower())
    if SUBJECT_LINE.search(header) or number:
        return "Công văn"  # an official letter carries no type code and no type heading
    return None


def _title(text: str, header: str) -> str | None:
    """The trích yếu: the `V/v` line of a letter, or the paragraph under the type heading."""
    subject = SUBJECT_LINE.search(header)
    if subject:
        return _clean(subject.group("title")).rstrip(".") or None
    heading = TYPE_HEADING.search(text)
    if not heading:
        return None
    for block in PARAGRAPH.finditer(text[heading.end():heading.end() + 3000]):
        paragraph = _clean(block.group(0))
        if TITLE_ISSUER.fullmatch(block.group(0).strip()) or not paragraph:
            continue
        if paragraph.endswith(":") or len(paragraph) > 500:
            return None  # the body starts right away: no trích yếu
        return paragraph
    return None


def _date(header: str) -> str | None:
    match = PLACE_DATE.search(header)
    if not match:
        return None
    day, month, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None


def extract_one(text: str, part: int = 0, offset: int = 0, context: str = "") -> DocumentMetadata:
    """Extract one document's metadata; `context` is the rest of its file (for its place)."""
    stamps = [m.span() for m in PARAGRAPH.finditer(text) if STAMP.search(m.group(0))]
    header = _header(text, stamps)
    number_match = HEADER_NUMBER.search(header)
    number = canonical_ref(number_match.group("symbol")) if number_match else None
    citations = find_citations(text, exclude=stamps, own_key=ref_key(number) if number else None)
    # The recipients list names other bodies: it says nothing of where the document comes from.
    recipients = RECIPIENTS.search(text)
    toned = canonical_tones(text[:recipients.start()] if recipients else text)
    province = find_province(toned) or (find_province(canonical_tones(context)) if context else None)
    district = find_district(toned)
    date = _date(header)
    cited_dates = sorted(c.date for c in citations if c.date)
    date_min = cited_dates[-1] if not date and cited_dates else None
    year = int(date[:4]) if date else (int(date_min[:4]) if date_min else None)
    signer = _signer_match(text)
    return DocumentMetadata(
        part=part, start=offset, end=offset + len(text),
        doc_type=_doc_type(text, header, number), number=number,
        issuer=_issuer(text, header, province, district), province=province,
        date=date, year=year, year_inferred=bool(year and not date), date_min=date_min,
        signer=signer.group(1) if signer else None, title=_title(text, header),
        citations=tuple(_shift(c, offset) for c in citations), deduced=("year",) if date_min else (),
    )


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
            start, end = citing_passage(text, c.start, c.end, limit=1200)
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
