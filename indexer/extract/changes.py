"""What a document changes in others, read from its own clauses around each citation: amends (with the
parts it names), replaces, repeals, repeals_part, consolidates. A pure function with a typed result.

Only the document's own clauses state a change. Text inside quotation marks is the content an amending
text writes into another (`... như sau: “Điều 5. ...”`), never a clause of its own; a sentence that
describes a third text (`Nghị định số 29/2013/NĐ-CP ... sửa đổi, bổ sung Nghị định số 92/2009/NĐ-CP`, `đã
được sửa đổi, bổ sung bởi ...`) states nothing of this one; a proposal (Tờ trình) or a draft changes
nothing; a plan's task (`b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP ...` in an action programme) is
work to do, so a verb opening a clause counts only where the text changes others: its title, an
article's heading, its effect article, or a text whose title says it amends, replaces or repeals.
"""

import datetime
import re
from dataclasses import dataclass

from indexer.extract.citations import Citation
from indexer.extract.effect import DAY
from indexer.extract.starts import any_within, caseless, starts
from indexer.vocab.passages import passage

CHANGE_KINDS = ("amends", "replaces", "repeals", "repeals_part", "consolidates")

# Types that never change another text: proposals, reports, letters, minutes, invitations.
NO_CHANGE_TYPES = {"Tờ trình", "Báo cáo", "Công văn", "Biên bản", "Giấy mời", "Phiếu trình", "Thông báo"}

# A part of a text, as a change names it: `điểm a khoản 2 Điều 8`, `khoản 3 Điều 5`, `Điều 12a`, `Phụ lục II`,
# `Mục 3 Chương II`, `Mẫu số 01`.
PART = re.compile(r"(?:(?:điểm\s+[a-zđ]\d?|khoản\s+\d+[a-zđ]?)(?:\s*,\s*|\s+và\s+|\s+))*"
                  r"(?:Điều\s+\d+[a-zđ]?|Phụ\s+lục\s+(?:số\s+)?[IVXLC\d]+[a-z]?|Mục\s+[IVXLC\d]+|Chương\s+[IVXLC\d]+"
                  r"|Mẫu\s+số\s+[\w.]+(?:/[\w.]+)?)", re.I)
_PART_WORD = (r"(?:điểm\s+[a-zđ]\d?|khoản\s+\d+(?:\.[a-zđ\d]+)?[a-zđ]?|Điều\s+\d+[a-zđ]?"
              r"|Phụ\s+lục(?:\s+(?:số\s+)?[IVXLC\d]+[a-z]?)?|Mục\s+[IVXLC\d]+|Chương\s+[IVXLC\d]+|Bảng\s+(?:số\s+)?\d+"
              r"|Mẫu\s+số\s+[\w.]+(?:/[\w.]+)?|Danh\s+mục|Biểu\s+mẫu)")

# What may stand between a change's verb and the text it changes: parts, words for a text's parts or for
# words in it (`cụm từ “...” bằng cụm từ “...”`), `của`, `tại`, `các`, `ban hành kèm theo`.
GAP = (rf"(?:\s*(?:{_PART_WORD}|một\s+số\s+(?:điều(?:\s*,\s*khoản)?|nội\s+dung|quy\s+định|cụm\s+từ)"
       r"|(?:các|một\s+số)\s+(?:điều|khoản|điểm|quy\s+định|nội\s+dung|cụm\s+từ|từ)"
       r"|(?:cụm\s+)?từ\s+[“\"][^”\"\n]{0,120}[”\"](?:\s+bằng\s+(?:cụm\s+)?từ\s+[“\"][^”\"\n]{0,120}[”\"])?"
       r"|toàn\s+bộ|tên(?:\s+gọi)?|các|của|tại|và|trong|,|ban\s+hành\s+kèm\s+theo|quy\s+định\s+tại|(?:các|một\s+số)\s+"
       r"(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Luật|văn\s+bản|Chỉ\s+thị|Kế\s+hoạch)\s*:?))*\s*")

# Verbs of change (a verb of the sentence, not of a quoted text): `Sửa đổi, bổ sung`, `Bãi bỏ`, `Thay thế`.
_VERB = (r"(?P<verb>(?:sửa\s+đổi\s*,?\s*bổ\s+sung|sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|huỷ\s+bỏ|hủy\s+bỏ|thay\s+thế|bỏ"
         r"|hợp\s+nhất)(?:\s*,\s*(?:bổ\s+sung|thay\s+thế|bãi\s+bỏ|sửa\s+đổi))*)")

# A verb right before a cited text, opening a clause: `Điều 1. Sửa đổi, bổ sung một số điều của Nghị định
# số ...`, `2. Bãi bỏ khoản 2 Điều 32 của Luật ...`, a title line `Sửa đổi, bổ sung ...`.
VERB_OPENS = re.compile(rf"(?:[.;:!?]\s+|\n\s*|\d\.\s*|[a-zđ]\)\s*|Điều\s+\d+[a-zđ]?\.?\s*)(?-i:(?=[SBTH]))"
                        rf"{_VERB}{GAP}$", re.I)

# The document as subject: `Thông tư này có hiệu lực ... và thay thế`, `Kế hoạch này thay thế`,
# `Quyết định này bãi bỏ`; and the issuing sentence `Chính phủ ban hành Nghị định sửa đổi, bổ sung ...`.
_SELF = (r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Thông\s+tư(?:\s+liên\s+tịch)?|Quyết\s+định"
         r"|Chỉ\s+thị|Kế\s+hoạch|Quy\s+định|Quy\s+chế|Hướng\s+dẫn|Chương\s+trình|Đề\s+án|Kết\s+luận|Văn\s+bản)")
SELF_VERB = re.compile(rf"{_SELF}\s+này(?:\s+(?:có\s+hiệu\s+lực|được\s+áp\s+dụng)[^.;]{{0,200}}?)?"
                       rf"(?:\s*,\s*|\s+và\s+|\s+){_VERB}{GAP}$", re.I)
# A second verb of the document-as-subject sentence: `Thông tư này thay thế Thông tư số A ... và bãi bỏ các
# Quyết định số B`.
CHAINED_VERB = re.compile(rf"(?:\s*;\s*|(?<![Kk]ế\s)(?<!đổi,\s)(?<!đổi)\s+và\s+){_VERB}{GAP}$", re.I)
SELF_SENTENCE = re.compile(rf"(?:[.;]\s|\n\s*\n)\s*(?:\d{{1,2}}\.\s*)?(?P<self>{_SELF}\s+này)\b[^.;]*$", re.I)
ISSUING_VERB = re.compile(rf"ban\s+hành\s+{_SELF}\s+(?:về\s+việc\s+)?{_VERB}{GAP}$", re.I)

# Titles of texts that list others' status (`công bố kết quả hệ thống hóa văn bản`): they report, not change.
NO_CHANGE_TITLE = re.compile(r"hệ\s+thống\s+hó?a|công\s+bố\s+(?:kết\s+quả|danh\s+mục)", re.I)

# A cited text as the subject of its own end: `Thông tư số 29/2021/TT-BLĐTBXH ngày ... hết hiệu lực kể từ ngày`,
# `... bị bãi bỏ`, `... được thay thế bằng Thông tư này`; `khoản 2 Điều 1 của Nghị định số ...` (a part).
# (In the effect article a list of texts ending together runs across `;`: `Nghị định số A ...; Điều 1 Nghị định
# số B ... hết hiệu lực`.)
# How far after a cited text its end may be said: within its clause (600 characters, set with the first
# reading of changes, 31548cd), or across `;` in the effect article's list (574f65f); neither measured since.
CLAUSE_END_REACH = 600
LIST_END_REACH = 1500
_ENDS = (rf"(?P<ends>(?:bị\s+)?(?:hết\s+hiệu\s+lực|bãi\s+bỏ))"
         rf"|(?P<replaced>được\s+thay\s+thế\s+(?:bằng|bởi)\s+{_SELF}\s+này)")
SUBJECT_END_LIST = re.compile(rf"[^.:]{{0,{LIST_END_REACH}}}?\s(?:{_ENDS})", re.I)
SUBJECT_END = re.compile(rf"[^.;:]{{0,{CLAUSE_END_REACH}}}?\s(?:{_ENDS})", re.I)
ALREADY = re.compile(r"(?:đã|khi|đến\s+khi|trước\s+khi|cho\s+đến\s+khi|chưa|sẽ|không)\s+(?:bị\s+)?$", re.I)
ENDS_ON = re.compile(rf"\s*(?:thi\s+hành\s*)?(?:kể\s+)?từ\s+(?:ngày|thời\s+điểm|khi)\s+"
                     rf"(?:(?P<day>{DAY})|{_SELF}\s+này)", re.I)

# Where a clause opens, for a cited text standing first in it: a list item (`a)`, `2.`, `-`), a sentence.
OPENS = re.compile(rf"(?:[.;:!?]\s+|\n\s*)(?:[a-zđ]\)|\d{{1,2}}\.|[IVX]{{1,4}}\.|[-–+•])?\s*(?:Các\s+|các\s+)?"
                   rf"(?:{_PART_WORD}(?:\s*,\s*|\s+và\s+|\s+)?)*(?:của\s+|tại\s+)?$", re.I)

# A lead that opens a list of texts ending together: `... các điều khoản sau đây hết hiệu lực thi hành:`,
# `Bãi bỏ các văn bản sau:`, `Bãi bỏ toàn bộ các Nghị quyết` (the items numbered after it).
LIST_LEAD = re.compile(r"(?:(?P<ends>hết\s+hiệu\s+lực(?:\s+thi\s+hành)?)|(?P<verb>[Bb]ãi\s+bỏ|[Tt]hay\s+thế)"
                       r"(?:\s+(?:toàn\s+bộ|các|một\s+số|những))*[^.:;\n]{0,60}?)\s*(?:sau\s+đây|như\s+sau|sau)?\s*"
                       r"(?::|(?=\s*\n?\s*(?:1\.|a\))\s))")
ITEM = re.compile(r"\s*(?:[a-zđ]\)|\d{1,2}\.|[-–+•])\s*")

# A heading of an article, a title or the effect article: where a verb opening a clause changes another text.
ARTICLE = re.compile(r"^[ \t*]*Điều\s+\d+[a-zđ]?\s*\.", re.M)
EFFECT_HEADING = re.compile(r"Điều\s+\d+\s*\.\s*(?:Hiệu\s+lực|Điều\s+khoản\s+thi\s+hành|Tổ\s+chức\s+thực\s+hiện)", re.I)
TITLE_CHANGES = re.compile(r"sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|hủy\s+bỏ|huỷ\s+bỏ|hợp\s+nhất", re.I)
BODY_START = re.compile(r"^[ \t*-]*(?:Căn\s+cứ|Điều\s+1\b)", re.M)

# The effect article's reach: the longest real ones (a decree's list of repealed texts) hold ~3,000
# characters; past the article's end come annexes, whose tables list tasks (`Sửa đổi Nghị định số ...`).
EFFECT_REACH = 5000
RECIPIENTS = re.compile(r"^[ \t*]*Nơi\s+nhận\s*:", re.M)

# Words after a verb that make its object a part of the text, not all of it (`Bãi bỏ các quy định ... tại`).
PARTIAL = re.compile(r"quy\s+định|nội\s+dung|một\s+số|một\s+phần|\bđiều\b|khoản|điểm|phụ\s+lục|mẫu|\bmục\b|chương|tên",
                     re.I)

# Quoted text: the content an amending text writes, not a clause of its own.
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]{0,3000}(?:\n[^\"\n]*){0,200}\"")

# Clause-local amendments inside an amending article: `1. Sửa đổi, bổ sung khoản 1 Điều 4 như sau:`.
PART_EDIT = re.compile(rf"(?:^|\n|[.;:]\s+)\s*(?:\d{{1,3}}\.|[a-zđ]\))?\s*{_VERB}\s+(?P<parts>(?:{PART.pattern})"
                       r"(?:\s*(?:,|và)\s*(?:" + PART.pattern + r"))*)", re.I)


# Where the words each kind of clause needs begin, in caseless text (indexer.extract.starts): a citation with
# none of them in reach is not searched for that clause. Each covers its patterns' words: a verb of change
# (`bãi bỏ`, `huỷ bỏ` hold `bỏ`), a cited text's end (SUBJECT_END's alternatives, where they begin), a
# list's lead. Searched at every citation, the clauses took 1.9 s of 8.6 on gazette_dev and local_dev.
VERB_START = re.compile(r"sửa\s+đổi|bổ\s+sung|bỏ|thay\s+thế|hợp\s+nhất")
END_START = re.compile(r"(?:bị\s+)?(?:hết\s+hiệu\s+lực|bãi\s+bỏ)|được\s+thay\s+thế")
LEAD_START = re.compile(r"hết\s+hiệu\s+lực|bãi\s+bỏ|thay\s+thế")

# A list item's words before its cited text (`a) Điều 1 của`), and how far before the item its list's lead
# may stand (`... các văn bản sau đây hết hiệu lực:`).
ITEM_REACH = 300
LEAD_REACH = 3000

# The words before a citation a verb of change may stand in (`Điều 1. Sửa đổi, bổ sung một số điều của`).
VERB_REACH = 400


@dataclass(frozen=True)
class Change:
    """One change this document makes to a cited text, with the parts named and the clause saying it."""

    kind: str                 # CHANGE_KINDS
    ref: str                  # as citations spell it: `70/2015/NĐ-CP`
    year: int | None
    start: int                # the citation's span
    end: int
    parts: tuple[str, ...]    # `Điều 5`, `khoản 2 Điều 8` (empty: the whole text, or not named)
    passage: str
    on: str | None = None     # a day the clause names for it (`hết hiệu lực kể từ ngày 01/7/2025`)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "ref": self.ref, "year": self.year, "start": self.start, "end": self.end,
                "parts": list(self.parts), "passage": self.passage, "on": self.on}


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(spans, at: int) -> bool:
    return any(a < at < b for a, b in spans)


def _clean_part(part: str) -> str:
    return " ".join(part.split())


def parts_of(words: str) -> tuple[str, ...]:
    """The parts a change names, as printed.

    >>> parts_of("Bãi bỏ khoản 2 Điều 32 và Điều 40 của")
    ('khoản 2 Điều 32', 'Điều 40')
    """
    return tuple(dict.fromkeys(_clean_part(m.group(0)) for m in PART.finditer(words)))


def _kind(verb: str, parts: tuple[str, ...], words: str) -> str:
    """The change a verb makes: a repeal or replacement of named parts (or of words) is a part's; one of
    `các quy định ... tại`, `một số nội dung` is never a whole one.

    >>> _kind("Bãi bỏ", (), "Bãi bỏ các quy định tại"), _kind("Bãi bỏ", (), "Bãi bỏ toàn bộ")
    ('repeals_part', 'repeals')
    """
    verb = " ".join(verb.lower().split())
    after = words[len(verb):]
    wording = re.search(r"\btừ\s+[“\"]|cụm\s+từ", after, re.I) is not None
    partial = bool(parts) or PARTIAL.search(after) is not None
    if verb.startswith("hợp nhất"):
        return "consolidates"
    if verb.startswith(("bãi bỏ", "hủy bỏ", "huỷ bỏ", "bỏ")) and not wording:
        return "repeals_part" if partial else "repeals"
    if verb.startswith("thay thế") and not partial and not wording:
        return "replaces"
    return "amends"


def passage_of(text: str, c: Citation) -> str:
    return " ".join(passage(text, c.start, c.end).text.split())


class _Reader:
    """One document's text and citations, and where its own clauses change other texts."""

    def __init__(self, text: str, citations, title: str | None):
        self.text, self.citations = text, list(citations)
        lowered = caseless(text)
        self.verbs, self.ends, self.leads = (starts(p, lowered) for p in (VERB_START, END_START, LEAD_START))
        self.quoted = _spans(QUOTED, text)
        self.articles = [m.start() for m in ARTICLE.finditer(text) if not _inside(self.quoted, m.start())]
        body = BODY_START.search(text)
        self.title_end = body.start() if body else min(len(text), 1500)
        self.everywhere = bool(title and TITLE_CHANGES.search(title))
        self.preamble_end = self.articles[0] if self.articles else self.title_end
        self.effect_articles = [(m.start(), self._article_end(m.start(), EFFECT_REACH))
                                for m in EFFECT_HEADING.finditer(text) if not _inside(self.quoted, m.start())]

    def _article_end(self, start: int, reach: int | None = None) -> int:
        """Where an article ends: the next article, the recipients list, or (`reach`) that many characters on."""
        ends = [next((a for a in self.articles if a > start + 5), len(self.text))]
        recipients = RECIPIENTS.search(self.text, start)
        ends += [recipients.start()] if recipients else []
        return min(ends + ([start + reach] if reach else []))

    def own_region(self, at: int, opening: str) -> bool:
        """Where a verb opening a clause changes another text (see the module's docstring)."""
        return (self.everywhere or at < self.title_end or re.match(r"\s*Điều\s+\d", opening) is not None
                or any(a <= at < b for a, b in self.effect_articles))

    def clause_before(self, c: Citation, reach: int = VERB_REACH) -> str:
        """The text before a citation; a line break stands for the text's start (a clause opens there)."""
        return ("\n" if c.start <= reach else "") + self.text[max(0, c.start - reach):c.start]


def find_changes(text: str, citations, doc_type: str | None, title: str | None = None,
                 draft: bool = False) -> tuple[Change, ...]:
    """The changes a document's own clauses make to the texts it cites, in text order.

    >>> from indexer.extract.citations import find_citations
    >>> t = ("NGHỊ ĐỊNH\\nSửa đổi, bổ sung một số điều của Nghị định số 70/2015/NĐ-CP\\n"
    ...      "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 70/2015/NĐ-CP\\n"
    ...      "1. Sửa đổi khoản 1 Điều 4 như sau:\\n“1. Nghị định số 1/2000/NĐ-CP hết hiệu lực.”\\n"
    ...      "Điều 2. Hiệu lực thi hành\\n1. Nghị định này có hiệu lực từ ngày 01/7/2025.\\n"
    ...      "2. Thông tư số 29/2021/TT-BLĐTBXH ngày 28/12/2021 hết hiệu lực kể từ ngày Nghị định này có hiệu lực.")
    >>> [(c.kind, c.ref, c.parts) for c in find_changes(t, find_citations(t), "Nghị định", "Sửa đổi")]
    [('amends', '70/2015/NĐ-CP', ('khoản 1 Điều 4',)), ('repeals', '29/2021/TT-BLĐTBXH', ())]
    """
    if draft or (doc_type or "") in NO_CHANGE_TYPES or (title and NO_CHANGE_TITLE.search(title)):
        return ()
    if doc_type == "Văn bản hợp nhất":
        return ()  # what it consolidates: indexer.extract.consolidation
    reader = _Reader(text, citations, title)
    found: list[Change] = []
    for i, c in enumerate(reader.citations):
        if _inside(reader.quoted, c.start):
            continue
        change = _by_verb(reader, c) or _by_subject(reader, c) or _in_list(reader, c)
        if change is None and found and _continues(reader, reader.citations[i - 1], c, found[-1]):
            change = Change(found[-1].kind if found[-1].kind != "repeals_part" else "repeals", c.ref, c.year,
                            c.start, c.end, (), passage_of(text, c), found[-1].on)
        if change is not None:
            found.append(change)
    return _merged(reader, found)


def _by_verb(reader: _Reader, c: Citation) -> Change | None:
    """`Sửa đổi, bổ sung ... của <ref>` opening a clause where the text changes others, or `<Type> này ...
    thay thế <ref>` anywhere."""
    if not any_within(reader.verbs, c.start - VERB_REACH, c.start):
        return None
    before = reader.clause_before(c)
    own = SELF_VERB.search(before) or (ISSUING_VERB.search(before) if c.start < reader.preamble_end else None)
    opens = None if own else VERB_OPENS.search(before)
    if not own and not opens and SELF_SENTENCE.search(reader.clause_before(c, 1200)):
        own = CHAINED_VERB.search(before)
    match = own or opens
    if match is None or (opens and not reader.own_region(c.start, opens.group(0))):
        return None
    words = before[match.start("verb"):]
    parts = parts_of(words[len(match.group("verb")):])
    return Change(_kind(match.group("verb"), parts, words), c.ref, c.year, c.start, c.end, parts,
                  passage_of(reader.text, c))


def _by_subject(reader: _Reader, c: Citation) -> Change | None:
    """`<ref> ... hết hiệu lực (kể từ ngày ...)`: the cited text first in its clause, its end the verb."""
    if not any_within(reader.ends, c.end + 1, c.end + max(CLAUSE_END_REACH, LIST_END_REACH) + 2):
        return None  # where SUBJECT_END's `\s` and its alternative may stand
    before = reader.clause_before(c, 200)
    opening = OPENS.search(before)
    if opening is None:
        return None
    in_effect = any(a <= c.start < b for a, b in reader.effect_articles)
    end = (SUBJECT_END_LIST if in_effect else SUBJECT_END).match(reader.text, c.end)
    if end is None or _inside(reader.quoted, end.end()):
        return None
    ends_at = end.start("ends") if end.group("ends") else end.start("replaced")
    if ALREADY.search(reader.text, max(0, ends_at - 20), ends_at) or _cites_between(reader, c, ends_at):
        return None
    on = ENDS_ON.match(reader.text, end.end())
    if end.group("ends") and on is None and not reader.own_region(c.start, opening.group(0)):
        return None
    parts = parts_of(opening.group(0))
    kind = "replaces" if end.group("replaced") else ("repeals_part" if parts else "repeals")
    day = day_of(on) if on else None
    return Change(kind, c.ref, c.year, c.start, c.end, parts, passage_of(reader.text, c), day)


# How a text within a subject joins it: listed (`; Điều 1 Nghị định số ...`, `và ...`) or described
# (`sửa đổi, bổ sung một số điều của Nghị định số ...`).
JOINED = re.compile(rf"(?:[,;]|\s+và|\s+hoặc|\bcủa|\btại|\btheo|\bbởi)\s*(?:{_PART_WORD}(?:\s*,\s*|\s+và\s+|\s+)?)*$",
                    re.I)


def _cites_between(reader: _Reader, c: Citation, until: int) -> bool:
    """Another cited text between a subject and its verb, not joined to it as a list: the verb is its."""
    return any(c.end < other.start < until and other.ref != c.ref and not JOINED.search(reader.text[c.end:other.start])
               for other in reader.citations)


def day_of(on) -> str | None:
    """The ISO day of a match's `d`, `m`, `y` groups (None when its `day` group is empty or not a day)."""
    if not on.group("day"):
        return None
    try:
        return datetime.date(int(on.group("y")), int(on.group("m")), int(on.group("d"))).isoformat()
    except ValueError:
        return None


def _in_list(reader: _Reader, c: Citation) -> Change | None:
    """An item of a list after a lead (`... sau đây hết hiệu lực thi hành:` / `Bãi bỏ các văn bản sau:`)."""
    start = c.start
    text = reader.text
    if not any_within(reader.leads, start - ITEM_REACH - LEAD_REACH, start):
        return None
    item_start = max((m.end() for m in re.finditer(r"(?:^|\n|[;.]\s)", text[max(0, start - ITEM_REACH):start])),
                     default=0)
    item_start += max(0, start - ITEM_REACH)
    head = text[item_start:start]
    marker = ITEM.match(head)
    rest = head[marker.end():] if marker else head
    if re.sub(rf"(?:{_PART_WORD}|\s|,|và|của|tại|các|Các|toàn\s+bộ|ban\s+hành\s+kèm(?:\s+theo)?)+", "", rest,
              flags=re.I).strip():
        return None
    lead = _lead_before(reader, item_start)
    if lead is None:
        return None
    parts = parts_of(rest)
    if lead.group("ends") or lead.group("verb").lower().startswith("bãi"):
        kind = "repeals_part" if parts else "repeals"
    else:
        kind = "replaces" if not parts else "amends"
    return Change(kind, c.ref, c.year, c.start, c.end, parts, passage_of(text, c))


def _lead_before(reader: _Reader, item_start: int):
    """The list lead a list item belongs to: the last lead before it, with only list items between."""
    window_start = max(0, item_start - LEAD_REACH)
    leads = [m for m in LIST_LEAD.finditer(reader.text, window_start, item_start)
             if not _inside(reader.quoted, m.start())]
    if not leads:
        return None
    lead = leads[-1]
    between = reader.text[lead.end():item_start]
    if ARTICLE.search(between) or re.search(r"\n\s*\n\s*(?![a-zđ]\)|\d{1,2}\.)", between):
        return None
    opened = reader.text[max(0, lead.start() - 300):lead.start()]
    clause = re.split(r"[.;:]\s|\n\s*\n", opened)[-1]
    if lead.group("verb"):
        by_self = SELF_VERB.search(clause + lead.group("verb"))
        opening = lead.group("verb")[0].isupper() and re.search(r"(?:^|[.;:]\s+|\n\s*|\d\.\s*|[a-zđ]\)\s*|Điều\s+\d+"
                                                               r"[a-zđ]?\.?\s*)$", opened)
        if not by_self and not (opening and reader.own_region(lead.start(), clause)):
            return None
    if lead.group("ends") and _inside(reader.quoted, lead.start()):
        return None
    return lead


def _continues(reader: _Reader, previous: Citation, c: Citation, last: Change) -> bool:
    """A text listed right after one just changed, in the same sentence: `thay thế Thông tư số A ...;
    Thông tư số B ...`, `Quyết định số A và Quyết định số B hết hiệu lực`."""
    if last.start != previous.start or last.kind == "consolidates":
        return False
    gap = reader.text[previous.end:c.start]
    if re.search(r"[.:](?=\s)|\n\s*\n", gap) or len(gap) > 400:
        return False
    return re.search(r"(?:[;,]|\s+và|\s+hoặc)\s*(?:và\s+)?(?:các\s+)?$", gap) is not None


def _merged(reader: _Reader, found: list[Change]) -> tuple[Change, ...]:
    """One change per text and kind (the first passage), with every part named; the parts an amending
    article edits (`1. Sửa đổi khoản 1 Điều 4 như sau:`) go to its amendment, those it repeals
    (`3. Bãi bỏ khoản 3 Điều 7.`) to a repeal of those parts."""
    by: dict[tuple[str, str], Change] = {}
    for change in found:
        edited, repealed, said = _article_parts(reader, change) if change.kind == "amends" else ((), (), "")
        _merge(by, change, edited)
        if repealed:
            _merge(by, Change("repeals_part", change.ref, change.year, change.start, change.end, (), said), repealed)
    whole = {ref for ref, kind in by if kind in ("repeals", "replaces")}
    return tuple(sorted((c for c in by.values() if not (c.kind == "repeals_part" and c.ref in whole)),
                        key=lambda c: c.start))


def _merge(by: dict, change: Change, extra: tuple[str, ...]) -> None:
    """File a change under (ref, kind), its parts added to those already there."""
    key = (change.ref, change.kind)
    kept = by.get(key, change)
    parts = tuple(dict.fromkeys(kept.parts + change.parts + extra))
    by[key] = Change(kept.kind, kept.ref, kept.year or change.year, kept.start, kept.end, parts, kept.passage,
                     kept.on or change.on)


def _article_parts(reader: _Reader, change: Change) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(parts edited, parts repealed, the first repealing clause) by the article whose heading amends a
    text: its clauses outside quotes, up to the article's next cited text."""
    heading = next((a for a in reversed(reader.articles) if a <= change.start), None)
    if heading is None or change.start - heading > 400:
        return (), (), ""
    end = reader._article_end(heading)
    nxt = next((c.start for c in reader.citations if change.end < c.start < end and not _inside(reader.quoted, c.start)
                and c.ref != change.ref), end)
    edited, repealed, said = [], [], ""
    for m in PART_EDIT.finditer(reader.text, change.end, nxt):
        if not _inside(reader.quoted, m.start("verb")):
            parts = [_clean_part(p.group(0)) for p in PART.finditer(m.group("parts"))]
            if " ".join(m.group("verb").lower().split()) in ("bãi bỏ", "bỏ", "hủy bỏ", "huỷ bỏ"):
                repealed += parts
                said = said or " ".join(passage(reader.text, m.start("verb"), m.end("parts")).text.split())
            else:
                edited += parts
    return tuple(edited), tuple(repealed), said
