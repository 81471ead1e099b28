"""What a document changes in others, read from its own clauses around each citation: amends (with the
parts it names), replaces, repeals, repeals_part, consolidates. A pure function with a typed result.

Only the document's own clauses state a change. Text inside quotation marks is the content an amending
text writes into another (`... như sau: “Điều 5. ...”`), never a clause of its own; a sentence that
describes a third text (`Nghị định số 29/2013/NĐ-CP ... sửa đổi, bổ sung Nghị định số 92/2009/NĐ-CP`, `đã
được sửa đổi, bổ sung bởi ...`) states nothing of this one; a proposal (Tờ trình) or a draft changes
nothing; a plan's task (`b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP ...` in an action programme) is
work to do, so a verb opening a clause counts only where the text changes others: its title, an
article's heading, its effect article, or a text whose title says it amends, replaces or repeals. The words
of these clauses are `change_words`.
"""

import datetime
import re
from dataclasses import dataclass

from indexer.extract.change_words import (
    ALREADY,
    ARTICLE,
    BODY_START,
    CHAINED_VERB,
    CHANGE_START,
    CLAUSE_END_REACH,
    EFFECT_HEADING,
    EFFECT_REACH,
    END_START,
    ENDS_ON,
    ISSUING_VERB,
    ITEM,
    ITEM_REACH,
    JOINED,
    LEAD_REACH,
    LEAD_START,
    LIST_END_REACH,
    LIST_LEAD,
    NO_CHANGE_TITLE,
    NO_CHANGE_TYPES,
    OPENS,
    PART,
    PART_EDIT,
    PART_WORD,
    PARTIAL,
    QUOTED,
    RECIPIENTS,
    SELF_SENTENCE,
    SELF_VERB,
    SUBJECT_END,
    SUBJECT_END_LIST,
    TITLE_CHANGES,
    VERB_OPENS,
    VERB_REACH,
    VERB_START,
)
from indexer.extract.citations import Citation
from indexer.extract.starts import any_within, caseless, starts
from indexer.vocab.passages import passage


@dataclass(frozen=True)
class Change:
    """One change this document makes to a cited text, with the parts named and the clause saying it."""

    kind: str                 # change_words.CHANGE_KINDS
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
        places = starts(CHANGE_START, lowered)
        self.verbs, self.ends, self.leads = (None if places is None else [at for at in places if p.match(lowered, at)]
                                             for p in (VERB_START, END_START, LEAD_START))
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
    if re.sub(rf"(?:{PART_WORD}|\s|,|và|của|tại|các|Các|toàn\s+bộ|ban\s+hành\s+kèm(?:\s+theo)?)+", "", rest,
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
