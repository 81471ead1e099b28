"""Find every reference a document makes to another document, full or short form."""

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from indexer.extract.parts import parts_before
from indexer.extract.starts import caseless, matches, starts
from indexer.extract.titles import tidy
from indexer.vocab.laws import LAW_NAMES, LAW_TYPES, canonical_name, name_key, names_pattern
from indexer.vocab.refs import (
    DOCUMENT_TYPES,
    NUMBER_SYMBOL,
    TYPE_CODES,
    TYPE_NAME,
    canonical_ref,
    ref_key,
    short_key,
    short_key_of,
    type_name,
    year_of_symbol,
)
from indexer.vocab.relations import classify, stated_implements

# `Chương trình hành động số 08-CTr/TU`: the longer name is still a Chương trình.
_TYPE = rf"(?i:(?P<type>{TYPE_NAME})(?:\s+hành\s+động)?)"

# The types a short form may name (`Nghị quyết 35`): those whose symbols carry a type code.
_SHORT_TYPE = (r"(?i:(?P<type>" + "|".join(t.replace(" ", r"\s+") for t in sorted(TYPE_CODES, key=len, reverse=True))
               + r")(?:\s+hành\s+động)?)")

# The name of a law, code or ordinance between its type and its number:
# `Luật Tổ chức Chính phủ số 63/2025/QH15`, `Bộ luật Dân sự số 91/2015/QH13` (a name starts upper case;
# `Luật Tần số vô tuyến điện số 42/2009/QH12`: the number is the `số` a law's number follows, a QH or UBTVQH
# code, so `Luật Bảo hiểm y tế, đã được sửa đổi ... tại Nghị định số 75/2023/NĐ-CP` is no name; `Luật bảo hiểm y tế
# số 25/2008/QH12` in lower case, as some texts print it). A comma may
# stand inside a name when a lower-case word follows it (`Luật Phòng, chống tham nhũng số 36/2018/QH14`).
_LAW_NAME = (r"(?:(?<=[Ll]uật|[Ll]ệnh|LUẬT|LỆNH)\s+(?P<name>[A-ZĐÂĂÊÔƠƯÝa-zđà-ỹ](?:[^;,:()“”\"\n\d*]|,\s(?=[a-zđà-ỹ])"
             r"|\n(?![ \t]*\n))"  # a line break inside a long name, never a blank line
             r"{0,160}?)(?=\s+[Ss]ố\s+\d{1,4}\s*/\s*(?:19|20)\d\d\s*/\s*(?:UBTV)?QH))?")

# A date after a reference: `, ngày 22/10/2018`, `ngày 22-10-2018`, `ngày 09 tháng 02 năm 2017`.
_DATE = (r"(?:\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*"
         r"(?P<m>\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?")

# Words that may follow a law's name in a sentence (so the name ends there): a name followed by any
# other word may be a longer name (`Luật Doanh nghiệp nhà nước`), and is left out.
NAME_FOLLOWERS = {
    "năm", "số", "ngày", "tháng", "và", "hoặc", "hay", "của", "đã", "đang", "sẽ", "được", "bị", "quy", "có", "thì",
    "về", "tại", "theo", "này", "đó", "hướng", "để", "nhằm", "trong", "với", "cũng", "là", "do", "đối", "các",
    "những", "một", "mới", "cũ", "đều", "không", "chưa", "như", "từ", "khi", "gồm", "hợp", "hiện", "sửa", "bổ",
    "đến", "cho", "mà", "nên", "vẫn", "còn", "cần", "phải", "bằng", "tới", "qua", "sau", "trước", "nay", "cùng",
    "chỉ", "thi", "triển", "trên", "dưới", "giữa", "ban", "liên", "nhưng", "song", "tạo", "đồng", "thông", "ra",
    "vào", "lên", "xuống", "vừa", "rất", "thể", "vì", "nếu", "ở", "trừ", "kể",
}

# A law named without its number: `theo Luật Bảo hiểm xã hội`, `Bộ luật Lao động năm 2019`,
# `Hiến pháp năm 2013`, from the list of names (indexer.vocab.laws) or names this document prints with
# their number; the name must end there (`Luật Doanh nghiệp nhà nước` is not `Luật Doanh nghiệp`).
# A draft (`dự án Luật Đất đai (sửa đổi)`) is not the law.
_NAME_END = (r"(?=\s*(?:[,.;:()“”\"\n]|$)|\s+(?:(?:19|20)\d\d\b|(?:" + "|".join(sorted(NAME_FOLLOWERS)) + r")\b))")
_NAME_YEAR = r"(?:\s+(?:năm\s+)?(?P<year>(?:19|20)\d\d)\b(?![/.-]\d))?"
_NOT_DRAFT = r"(?<![Dd]ự án )(?<![Dd]ự thảo )(?<!ban hành )"  # `Quốc hội ban hành Luật ...`: the law itself
_LAW_TYPE = r"Bộ\s+luật|Luật|Pháp\s+lệnh"
_CONSTITUTION = r"Hiến\s+pháp"
CONSTITUTION = re.compile(rf"{_NOT_DRAFT}(?<![\wĐđ])(?P<type>{_CONSTITUTION})(?:\s+nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ"
                          rf"\s+nghĩa\s+Việt\s+Nam)?{_NAME_YEAR}{_DATE}")


def law_name_pattern(names) -> re.Pattern:
    """Laws by these names: the listed ones (LAW_BY_NAME), or those a document prints with a number."""
    return re.compile(rf"{_NOT_DRAFT}(?<![\wĐđ])(?P<type>{_LAW_TYPE})\s+"
                      rf"(?i:(?P<name>{names_pattern(names)})){_NAME_END}{_NAME_YEAR}{_DATE}")


LAW_BY_NAME = law_name_pattern(LAW_NAMES)
# A name holding another law's name: only an amending law's (`Luật sửa đổi, bổ sung một số điều của Luật ...`).
LAW_IN_NAME = re.compile(r"\b(?:[Ll]uật|LUẬT)\b")
AMENDING = re.compile(r"(?i)(?:sửa\s+đổi|bổ\s+sung)")

# Where a law named may begin (`Luật`, `Bộ luật`, `Pháp lệnh`, `Hiến pháp`), in the text as it is: the patterns
# above open with lookbehinds, so sre tries them at every character; this one it finds by its first letters,
# and they are tried only there (on gazette_dev and local_dev, 5,300 places in 15 million characters).
LAW_START = re.compile(rf"{_LAW_TYPE}|{_CONSTITUTION}")

# Where a reference may begin: a type's name (`Nghị quyết`, `THÔNG TƯ`, `Kết Luận`), in the lower-cased text.
# FULL_REFERENCE and SHORT_REFERENCE ignore case and open with a type name (FULL_REFERENCE with a lookbehind),
# so sre tries them at every character; this one, in lower case, it finds by its first letters, and they are
# tried only there (on gazette_dev and local_dev, 76,000 places in 15 million characters: 3.2 s down to 0.8).
TYPE_START = re.compile("|".join(t.lower().replace(" ", r"\s+") for t in DOCUMENT_TYPES))

# Who passes a law, a code, an ordinance, the Constitution.
LAW_ISSUERS = {"Luật": "Quốc hội", "Bộ luật": "Quốc hội", "Hiến pháp": "Quốc hội",
               "Pháp lệnh": "Ủy ban Thường vụ Quốc hội"}

# The issuer after `của`, up to the subject, the Party term, or punctuation:
# `của Bộ Chính trị khóa XII về ...`, `của UBND tỉnh Kon Tum;`, `của Huyện ủy\n\nNgọc Hồi.`; a name goes on
# past a line break, never into the next clause (`của Chính phủ\n\nCăn cứ Luật ...`).
_ISSUER = (r"(?:\s*,?\s*của\s+(?P<issuer>[A-ZĐÂĂÊÔƠƯỦ][^,;:()“”\"?\n]*?(?:\n\s*(?!Căn\s+cứ|Xét\b|Theo\b|Thực\s+hiện|"
           r"Trên\s+cơ\s+sở|Điều\s+\d|Chương\b)[A-ZĐ][^,;:()“”\"?\n]*?)?)"
           r"(?=\s+(?:khóa|khoá)\s+[IVXL]+|\s+(?:về|thực\s+hiện|tại|trong|theo|và|với|để|nhằm|cho|giai\s+đoạn)\b"
           r"|\s*[,;:()“”\"?]|\.(?:\s|$)|\s*$))?")

# A full reference: type, optional `số`, number-symbol, then optional date and issuer.
FULL_REFERENCE = re.compile(
    rf"(?<![\wĐđ]){_TYPE}{_LAW_NAME}(?:\s+[Ss]ố)?\s*:?\s*(?P<symbol>{NUMBER_SYMBOL}){_DATE}{_ISSUER}")

# The next item of a list that shares the type before it: `Tờ trình số 2138/TTr-BCT, số 3390/TTr-BCT`,
# `... và số 10/2020/NĐ-CP`.
CONTINUATION = re.compile(rf"(?:\s*,\s*|\s+(?:và|hoặc)\s+)số\s+(?P<symbol>{NUMBER_SYMBOL}){_DATE}{_ISSUER}")

# A short reference: `Nghị quyết 35`, `Chỉ thị số 07`; a number with no symbol after it.
SHORT_REFERENCE = re.compile(rf"{_SHORT_TYPE}(?:\s+số)?\s+(?P<number>\d{{1,5}})\b(?![ \t]*[-/–]\s*[\wĐ])")

# An alias the document gives itself: `(sau đây gọi tắt là Nghị quyết 35)`, `(gọi tắt là Chỉ thị 07)`.
ALIAS = re.compile(rf"\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s+là\s+{_SHORT_TYPE}"
                   rf"\s+(?P<number>\d{{1,5}})\s*\)")

# The subject after a reference: `về tăng cường ...`, `khóa XII về ...`, `“về ...”`, up to the end of the clause.
# Each optional word takes the blanks after it: written `\s*(?:khóa)?\s*[IVXL]*\s*[“"]?\s*về`, a run of blanks
# after a reference (a PDF's layout: 50 spaces and line breaks) was split among the four `\s*` every way
# before failing, 0.4 s for one reference of gazette_dev (0.55 s for all 12,000, now 0.01 s: same matches).
SUBJECT = re.compile(r"\s*(?:(?:khóa|khoá)\s*)?(?:[IVXL]+\s*)?(?:[“\"]\s*)?về\s+(?:việc\s+)?"
                     r"(?P<subject>(?:[^;()“”\"\n]|“[^”\n]*”){1,300}?)"
                     r"(?=[;()”\"]|\.(?:\s|$)|\n\s*\n|$)")

# A subject that repeats the `về` before it, in quotes or where a line was joined: `về “Về đột phá ...”`.
REPEATED_ABOUT = re.compile(r"^về\s+(?:việc\s+)?", re.I)

# Where a subject ends because the opening sentence goes on to its main clause:
# `... về sắp xếp tổ chức bộ máy, Ban Thường vụ Tỉnh ủy ban hành kế hoạch`.
ISSUING_CLAUSE = re.compile(r",\s*(?:Ban|Ủy ban|Uỷ ban|UBND|Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy|Thường trực|Văn phòng|"
                            r"Sở|Hội đồng|Bộ)\b[^,;]{0,60}?\s+(?:ban hành|xây dựng|đề ra)\b")

# Where a subject ends because the next reference starts: `... mới và Kế hoạch số 209-KH/TU`.
NEXT_REFERENCE = re.compile(rf"(?:,|\s+và)\s+{_TYPE}(?:\s+số)?\s*{NUMBER_SYMBOL}")

# `khóa XII` after an issuer: the Party term, not part of the issuer's name.
PARTY_TERM = re.compile(r"\s+(?:khóa|khoá)\s+[IVXL]+$")

# Citations kept of one document: the longest real ones (a gazette annex) cite a few hundred; past this a
# text is a list, not a document, and the first ones show what it cites (indexer.extract.corpus says so).
MAX_CITATIONS = 5000

ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TW": "Trung ương",
                 "BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ", "MTTQ": "Mặt trận Tổ quốc"}


@dataclass(frozen=True)
class Citation:
    """One reference to another document, as written, with what it identifies."""

    ref: str             # canonical number-symbol: `35-NQ/TW`, `362/QĐ-TTg`
    key: str             # shared by every spelling of the ref: `35-nq-tw`
    doc_type: str        # `Nghị quyết`
    date: str | None     # ISO date, when given
    year: int | None
    issuer: str | None
    subject: str | None  # the `về ...` phrase
    text: str            # the surface text, as written
    start: int
    end: int
    short: bool = False  # a short form (`Nghị quyết 35`) resolved to `ref`
    kind: str = "mentions"          # implements, based_on, guided_by, mentions (the words before it)
    implements: str | None = None   # the ref this cited document is said to implement, if any
    name: str | None = None         # a law's name (`Luật Bảo hiểm xã hội`), with its number or instead of it
    parts: tuple[str, ...] = ()     # the parts it names: `khoản 2 Điều 5 Nghị định ...` -> ("Điều 5 khoản 2",)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def expand_issuer(issuer: str | None) -> str | None:
    """Write an issuer out in full: `UBND tỉnh Kon Tum` -> `Ủy ban nhân dân tỉnh Kon Tum`."""
    if not issuer:
        return None
    issuer = PARTY_TERM.sub("", _clean(issuer)).rstrip(" .")
    words = [ABBREVIATIONS.get(w, w) for w in issuer.split(" ")]
    return " ".join(words) or None


def _iso(match) -> tuple[str | None, int | None]:
    if not match.group("y"):
        return None, None
    day, month, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None, year
    return f"{year:04d}-{month:02d}-{day:02d}", year


def _subject(text: str, end: int) -> str | None:
    """The `về ...` phrase after a reference, up to the clause's end or the next reference."""
    match = SUBJECT.match(text, end)
    if not match:
        return None
    subject = match.group("subject")
    if subject.startswith("“") and "”" in subject:
        subject = subject[1:subject.index("”")]
    cuts = [m.start() for m in (NEXT_REFERENCE.search(subject), ISSUING_CLAUSE.search(subject)) if m]
    subject = REPEATED_ABOUT.sub("", tidy(_clean(subject[:min(cuts)] if cuts else subject)))
    return subject if len(subject) >= 3 else None


def _law_name(match, doc_type: str) -> str | None:
    """The canonical name printed between a law's type and its number, if any."""
    name = match.groupdict().get("name")
    law_type = next((t for t in LAW_TYPES if t == doc_type), None)
    if not name or not law_type or (LAW_IN_NAME.search(name) and not AMENDING.match(name)):
        return None  # `Luật Thuế thu nhập doanh nghiệp và Luật Thuế tiêu thụ đặc biệt số ...`: which one's number?
    return canonical_name(law_type, _clean(name))


def _full(match, text: str, doc_type: str | None = None) -> Citation:
    symbol = match.group("symbol")
    date, year = _iso(match)
    doc_type = doc_type or type_name(match.group("type"))
    return Citation(
        ref=canonical_ref(symbol), key=ref_key(symbol), doc_type=doc_type,
        date=date, year=year or year_of_symbol(symbol), issuer=expand_issuer(match.group("issuer")),
        subject=_subject(text, match.end()),
        text=_clean(match.group(0)), start=match.start(), end=match.end(), name=_law_name(match, doc_type),
    )


def _fill_from_fullest(citations: list[Citation]) -> list[Citation]:
    """Within one document a ref is one document: fill missing date, issuer, subject."""
    best = {}
    for c in citations:
        score = (c.date is not None) + (c.issuer is not None) + (c.subject is not None)
        if c.key not in best or score > best[c.key][0]:
            best[c.key] = (score, c)
    filled = []
    for c in citations:
        b = best[c.key][1]
        filled.append(replace(c, date=c.date or b.date, year=c.year or b.year,
                              issuer=c.issuer or b.issuer, subject=c.subject or b.subject))
    return filled


def _by_short_key(fulls: list[Citation]) -> dict[str, list[Citation]]:
    """The full citations under each short key they answer to (`nq:35`), in text order."""
    grouped: dict[str, list[Citation]] = {}
    for c in fulls:
        key = short_key_of(c.ref)
        if key:
            grouped.setdefault(key, []).append(c)
    return grouped


def _aliases(text: str, by_short: dict[str, list[Citation]]) -> dict[str, Citation]:
    """Short keys the document defines, each bound to the full citation just before it."""
    aliases = {}
    for match in ALIAS.finditer(text):
        key = short_key(TYPE_CODES[type_name(match.group("type"))], match.group("number"))
        same = by_short.get(key, [])
        before = bisect.bisect_right([c.end for c in same], match.start())  # ends ascend with the starts
        if before:
            aliases[key] = same[before - 1]
    return aliases


def _resolve_short(match, aliases: dict, by_short: dict[str, list[Citation]]) -> Citation | None:
    key = short_key(TYPE_CODES[type_name(match.group("type"))], match.group("number"))
    target = aliases.get(key)
    if target is None:
        same = by_short.get(key, [])
        if len({c.key for c in same}) != 1:
            return None  # never cited in full, or ambiguous: not counted
        target = same[0]
    return replace(target, text=_clean(match.group(0)), start=match.start(), end=match.end(),
                   short=True)


class _Taken:
    """Spans already taken, merged and sorted, so an overlap test is a binary search (a text with
    20,000 citations must not compare each with all the others)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`: the last may reach in
        return i > 0 and self.ends[i - 1] > start


def find_citations(text: str, exclude: list[tuple[int, int]] = (), own_key: str | None = None) -> list[Citation]:
    """Return the document's citations in text order; short forms resolved or dropped.

    `exclude` holds spans to skip (an arrival stamp); `own_key` is the document's own number.

    >>> [(c.ref, c.date, c.issuer) for c in find_citations(
    ...     "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị khóa XII về "
    ...     "tăng cường (sau đây gọi tắt là Nghị quyết 35). Ban Chỉ đạo 35 học Nghị quyết 35.")]
    [('35-NQ/TW', '2018-10-22', 'Bộ Chính trị'), ('35-NQ/TW', '2018-10-22', 'Bộ Chính trị')]
    >>> [(c.ref, c.parts) for c in find_citations("theo khoản 2 Điều 5 Nghị định số 15/2020/NĐ-CP")]
    [('15/2020/NĐ-CP', ('Điều 5 khoản 2',))]
    """
    excluded = _Taken(exclude)
    fulls, types = [], starts(TYPE_START, caseless(text))  # where a type's name begins, in any case
    for match in matches(FULL_REFERENCE, text, types):
        if len(fulls) >= MAX_CITATIONS:
            break
        if not excluded.overlaps(match.start(), match.end()):
            fulls += _with_continuations(_full(match, text), text)
    reach = fulls[-1].end if len(fulls) >= MAX_CITATIONS else len(text)  # short forms up to the same place
    by_short = _by_short_key(fulls)
    aliases = _aliases(text, by_short)
    taken = _Taken([*exclude, *((c.start, c.end) for c in fulls), *(m.span() for m in ALIAS.finditer(text))])
    shorts = []
    for match in matches(SHORT_REFERENCE, text, types, reach):
        if taken.overlaps(match.start(), match.end()):
            continue
        resolved = _resolve_short(match, aliases, by_short)
        if resolved is not None:
            shorts.append(resolved)
    taken = _Taken([*exclude, *((c.start, c.end) for c in fulls + shorts)])
    named = [c for c in _by_name(text, fulls, reach) if not taken.overlaps(c.start, c.end)]
    citations = sorted(fulls + shorts + named, key=lambda c: c.start)[:MAX_CITATIONS]
    citations = [c for c in citations if c.key != own_key]
    return [replace(c, parts=parts_before(text, c.start)) for c in _with_relations(text, _fill_from_fullest(citations))]


def _by_name(text: str, fulls: list[Citation], reach: int) -> list[Citation]:
    """Laws cited by name alone, each resolved to the number this document prints with that name when
    it prints one version (or one of the year printed), else kept as the name."""
    versions: dict[str, dict[str, Citation]] = {}
    for c in fulls:
        if c.name:
            versions.setdefault(ref_key(c.name), {}).setdefault(c.key, c)
    extra = {c.name.split(" ", 1 + c.name.startswith(("Bộ", "Pháp")))[-1] for c in fulls if c.name} - set(LAW_NAMES)
    own = law_name_pattern(sorted(extra)) if extra else None
    found, laws = [], starts(LAW_START, text)
    for match in [*_named_laws(text, laws, reach, own), *matches(CONSTITUTION, text, laws, reach)]:
        law_type = " ".join(match.group("type").split())
        name = canonical_name(law_type, _clean(match.groupdict().get("name") or ""))
        date, printed = _iso(match)
        year = int(match.group("year")) if match.group("year") else printed
        known = list(versions.get(name_key(law_type, name.removeprefix(law_type).strip()), {}).values())
        same = [c for c in known if not year or c.year == year]
        span = dict(text=_clean(match.group(0)), start=match.start(), end=match.end(), name=name)
        if len({c.key for c in same}) == 1:
            found.append(replace(same[0], short=True, **span))
        else:
            found.append(Citation(ref=name, key=ref_key(name), doc_type=law_type, date=date, year=year,
                                  issuer=LAW_ISSUERS[law_type], subject=None, **span))
    return found


def _named_laws(text: str, places: list[int], end: int, own: re.Pattern | None) -> Iterator[re.Match]:
    """LAW_BY_NAME's matches, with the names `own` holds as if the list held them too.

    One pattern of the list and a document's names took 9 ms to compile, for every document that prints a
    name the list lacks (a sixth of them): the document's names are a pattern of their own (1 ms), and at each place
    the longer name of the two matched is the one the single pattern would have matched there (its names are
    tried longest first, and a name matched spans as many characters, its blanks made one).
    """
    if own is None:
        yield from matches(LAW_BY_NAME, text, places, end)
        return
    after = 0
    for place in places:
        if place >= end:
            return
        found = [m for m in (LAW_BY_NAME.match(text, place, end), own.match(text, place, end)) if m] \
            if place >= after else []
        if found:
            match = max(found, key=lambda m: len(" ".join(m.group("name").split())))
            after = match.end()
            yield match


def _with_continuations(first: Citation, text: str) -> list[Citation]:
    """A full citation and the list items after it that name only `số ...` (they take its type)."""
    items = [first]
    while (match := CONTINUATION.match(text, items[-1].end)) is not None:
        items.append(_full(match, text, first.doc_type))
    return items


def _with_relations(text: str, citations: list[Citation]) -> list[Citation]:
    """Each citation's kind, and what the text says the cited document itself implements."""
    out = []
    for i, c in enumerate(citations):
        following = citations[i + 1] if i + 1 < len(citations) else None
        implements = None
        if following and following.key != c.key and stated_implements(text[c.end:following.start]):
            implements = following.ref
        previous = (out[-1].end, out[-1].kind) if out else None
        out.append(replace(c, kind=classify(text, c.start, previous), implements=implements))
    return out

