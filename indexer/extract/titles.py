"""Titles as people write them: a title printed in capitals, in sentence case with its proper names kept.

A header prints the trích yếu in capitals (`VỀ VIỆC PHÂN CẤP ... TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ`); a list
shows it as a person writes it (`Về việc phân cấp ... trên địa bàn thành phố Cần Thơ`). Which words keep
a capital is read first from the document itself (its running text writes the same words in mixed case:
`Di sản văn hóa thế giới Hội An`, `khi Nhà nước thu hồi đất`, `hạ tầng 5G, IoT`), else from the names
every document shares: provinces, bodies, the Party's and the State's names, laws by name, a document's
type before its number. Abbreviations and number-symbols stay as printed (`UBND`, `1237/QĐ-TTg`).
"""

import re
from collections import Counter, defaultdict
from functools import lru_cache

from analyzers.normalize import canonical_tones, fold
from indexer.extract.issuers import ALIASES, CENTRAL_BODIES
from indexer.extract.places import PROVINCES
from indexer.vocab.refs import DOCUMENT_TYPES

# A title is "in capitals" when this share of its letters is upper case (a stray lower-case symbol
# code, `1237/QĐ-TTg`, leaves it in capitals).
CAPITALS_SHARE = 0.8

# Where the running text that shows a title's words in mixed case is read: the preamble and the first
# articles repeat the title's names; a gazette annex of a megabyte adds nothing but time.
EVIDENCE_REACH = 60_000

# A printed token: a number-symbol or any token with a digit is one unit (`197/2004/NĐ-CP`, `5G`,
# `2022-2025`); other tokens are cased syllable by syllable (`CĂM-PU-CHI-A`, `HÓA-XÃ HỘI`).
TOKEN = re.compile(r"\w+(?:[-/.]\w+)*")
LETTERS = re.compile(r"[^\W\d_]+")
DIGIT = re.compile(r"\d")

# A Vietnamese syllable, its diacritics folded: a word that is none is an abbreviation kept as printed
# (`UBND`, `HĐND`, `CNTT`, `NCKSTTHC`, `ASEAN`).
# (`k` ends the syllables of Central Highlands names: `Đắk Lắk`.)
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnptk])?")

# A Roman numeral after the word that counts it: `KHÓA XIII`, `QUÝ II`, `CHƯƠNG IV`, `KỲ HỌP THỨ X`.
ROMAN = re.compile(r"[ivxlc]+")
ROMAN_AFTER = {"khóa", "quý", "chương", "phần", "mục", "thứ", "đợt", "kỳ"}

# Symbol codes printed with a lower-case letter, which a title in capitals prints upper case.
MIXED_CODES = {"TTG": "TTg", "QĐI": "QĐi", "QYĐ": "QyĐ", "CTR": "CTr", "TTR": "TTr"}

# Names people write with capitals wherever they stand in a title, beyond provinces and central bodies.
NAMES = ["Ủy ban nhân dân", "Hội đồng nhân dân", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Đảng ủy", "Đảng bộ", "Đảng",
         "đảng viên", "tổ chức đảng", "cấp ủy đảng", "Trung ương", "Việt Nam", "Hồ Chí Minh", "Tổ quốc",
         "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Ban Thường vụ", "Ban Chấp hành", "Điều lệ Đảng",
         "Hiến pháp", "Quân đội nhân dân", "Công an nhân dân", "Chủ tịch nước", "tỉnh Hòa Bình",
         "Lào", "Căm-pu-chi-a", "Campuchia", "Trung Quốc", "Hoa Kỳ", "Nhật Bản", "Hàn Quốc", "Liên bang Nga"]

# `Nhà nước` is the State acting (`khi Nhà nước thu hồi đất`, `do Nhà nước đầu tư`, `Đảng và Nhà nước`);
# after a noun it is a plain word (`ngân sách nhà nước`, `quản lý nhà nước`, `bí mật nhà nước`).
STATE = re.compile(r"(?:^|(?<=\bkhi )|(?<=\bdo )|(?<=\bcủa )|(?<=\bđảng và ))(nhà) (nước)\b")
STATE_WORDS = re.compile(r"\bnhà nước\b")

# A law or code by its name: `Luật Đất đai`, `Bộ luật Lao động`, `Pháp lệnh Dân số` (not `pháp luật`).
LAW_NAME = re.compile(r"(?<!pháp )\b(bộ luật|luật|pháp lệnh) "
                      r"(?!số\b|này\b|và\b|các\b|về\b|của\b|đã\b|được\b|có\b)(\w+)")

# A document's type before its number: `Quyết định số 1237/QĐ-TTg`, `Nghị quyết 35`, `Chương trình 135`.
CITED_TYPE = re.compile(r"\b(" + "|".join(canonical_tones(t.lower()) for t in DOCUMENT_TYPES) + r")(?= (?:số )?\d)")

# Spaces a converter left before punctuation (`công nghệ , đổi mới`) and inside brackets and quotes.
SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]”])")
SPACE_AFTER = re.compile(r"([(\[“])\s+")

# A full stop or a separator a title ends with (not the stop of an abbreviation: `v.v.`).
TRAILING = re.compile(r"(?<!\.\w)\s*[.;,]+$")

# Words a joined line repeats (`về về đột phá`, `VỀ\nVỀ VIỆC`): grammatical words, never doubled on
# purpose (unlike `người người`, `nhà nhà`, `từ từ`).
DOUBLED = re.compile(r"(?<!\w)(về|việc|của|và|cho|các|những|trong|tại|theo|với|số|để|đối với|nhằm)\s+\1(?!\w)",
                     re.I)

# Where a sentence starts in running text: after a full stop, a colon, a quote or a bracket, a table cell
# (a cell flattened into the line after a closing bracket: `UBND tỉnh Quảng Trị (cũ) Ban hành Quy chế`),
# or a list mark at a line's start; its first word's capital says nothing of the word.
SENTENCE_BREAK = re.compile(r"[.!?:“”\"()|]")
NUMBER_AFTER = re.compile(r"\s*(?:số\s+)?\d")
LIST_MARK = re.compile(r"^\s*(?:[-+•*#>|]|[a-zđ0-9IVX]{1,4}[.)])")


def _name_pattern(name: str) -> str:
    return r"[\s,\-–]+".join(re.escape(w) for w in LETTERS.findall(canonical_tones(name.lower())))


# A ministry's field is a name after `Sở` and `ngành` too (`Sở Tư pháp`, `ngành Công Thương`); `hòa bình` is
# peace: the province only after `tỉnh` (as places.AMBIGUOUS says).
_PROVINCES = (p for p in PROVINCES if p not in ("Thành phố Hồ Chí Minh", "Hòa Bình"))
_PROPER = sorted({*NAMES, *_PROVINCES, *CENTRAL_BODIES, *ALIASES,
                  *(f"{head} {b.removeprefix('Bộ ')}" for b in CENTRAL_BODIES if b.startswith("Bộ ")
                    for head in ("Sở", "ngành"))},
                 key=len, reverse=True)
_PROPER_BY_KEY = {" ".join(LETTERS.findall(canonical_tones(n.lower()))): n for n in _PROPER}
PROPER_NAMES = re.compile(r"(?<!\w)(?:" + "|".join(_name_pattern(n) for n in _PROPER) + r")(?!\w)")


# `Về việc` glued where two runs of a Word file met (`Vềviệc tăng cường ...`).
GLUED_ABOUT = re.compile(r"^([Vv]ề|VỀ)(việc|VIỆC)")


def tidy(text: str) -> str:
    """One space between words, none before punctuation, no word doubled where lines were joined.

    >>> tidy("khoa học, công nghệ , đổi mới ( sáng tạo ) về  về đột phá")
    'khoa học, công nghệ, đổi mới (sáng tạo) về đột phá'
    """
    text = SPACE_AFTER.sub(r"\1", SPACE_BEFORE.sub(r"\1", " ".join(text.split())))
    return DOUBLED.sub(r"\1", text)


def in_capitals(text: str) -> bool:
    """Whether a title is printed in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """A word's key: lower case, one tone placement (a running text repeats its words: kept once)."""
    return canonical_tones(word.lower())


class _Unit:
    """A word of the title: where it is, its key (lower case, one tone placement) and what it becomes."""

    __slots__ = ("capital", "end", "form", "key", "named", "printed", "start", "symbol")

    def __init__(self, start: int, end: int, printed: str, symbol: bool):
        self.start, self.end, self.printed, self.symbol = start, end, printed, symbol
        self.key = _key(printed)
        self.form: str | None = None      # written as this exactly (an abbreviation, a symbol)
        self.capital: bool | None = None  # first letter upper (True), lower (False), or undecided
        self.named = False                # a known name's word, or a rule's: what the text shows does not change it


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, as printed, a symbol) of each word of a text: a syllable, or a number-symbol or any token with
    a digit as one (TOKEN).

    >>> _words("Căm-pu-chia, 5G")
    [(0, 3, 'Căm', False), (4, 6, 'pu', False), (7, 11, 'chia', False), (13, 15, '5G', True)]
    """
    words = []
    for token in TOKEN.finditer(text):
        word, (start, end) = token.group(0), token.span()
        if word.isalpha():  # most tokens: one syllable
            words.append((start, end, word, False))
        elif DIGIT.search(word):
            words.append((start, end, word, True))
        else:
            words += [(start + m.start(), start + m.end(), m.group(0), False) for m in LETTERS.finditer(word)]
    return words


def _units(title: str) -> list[_Unit]:
    return [_Unit(*word) for word in _words(title)]


def _is_abbreviation(word: str) -> bool:
    """`UBND`, `CNTT` (not a syllable) are abbreviations; `IOT` is read as one only from the text."""
    return len(word) > 1 and word.isupper() and not SYLLABLE.fullmatch(fold(word).lower())


def _symbol(printed: str) -> str:
    """A number-symbol as written: its codes upper case but those with a lower-case letter (`QĐ-TTg`)."""
    return re.sub(r"[^\W\d_]+", lambda m: MIXED_CODES.get(m.group(0).upper(), m.group(0).upper()), printed)


def _sentences(text: str):
    """The running text's sentences as lists of (word as printed, its key, a symbol, where it ends, its line): a
    sentence ends at a full stop, a colon, a quote or a bracket, a table cell, a list mark or a blank line; a
    line in capitals is left out. (Tuples, not _Unit: 60,000 characters of words for each title.)"""
    sentence: list = []
    for line in text.split("\n"):
        if not line.strip() or sum(map(str.isupper, line)) >= sum(map(str.islower, line)):  # in capitals
            yield sentence
            sentence = []
            continue
        at = 0
        for start, end, printed, symbol in _words(line):
            gap = line[at:start]
            # Most gaps are one space, which neither pattern can match: not searched (0.1 s on local_dev).
            if gap not in ("", " ") and (SENTENCE_BREAK.search(gap) or (at == 0 and LIST_MARK.match(gap))):
                yield sentence
                sentence = []
            sentence.append((printed, _key(printed), symbol, end, line))
            at = end
    yield sentence


def _inner_capital(word: str) -> bool:
    """`IoT`, `TTg`: a capital after the first letter."""
    return len(word) > 1 and not word[1:].islower()


def _case(word: str, symbol: bool, first: bool) -> int | None:
    """0 for a word written with a capital, 1 without, None when its case says nothing (a sentence's first
    word, a word in capitals, a symbol)."""
    if first or symbol or word.isupper() or _inner_capital(word):
        return None
    return 0 if word[0].isupper() else 1


def _as_name(cases: list, i: int) -> int | None:
    """A capital counts as a name's only beside another capital: next to it (0: `Hội An`), or one word away
    (2, weaker: `Trung tâm Bảo tồn`, but also `Quy định Bảng giá`); alone it is the writer's emphasis
    (`ban hành Quy định`, `bổ sung Lĩnh vực`)."""
    if cases[i] != 0:
        return cases[i]
    if any(cases[j] == 0 for j in (i - 1, i + 1) if 0 <= j < len(cases)):
        return 0
    skip = [cases[j] for j, k in ((i - 2, i - 1), (i + 2, i + 1)) if 0 <= j < len(cases) and cases[k] == 1]
    return 2 if 0 in skip else None


class Evidence:
    """How the running text of a document writes the words of its title: each word beside the word before
    it and the word after it, capitalised or not (first words of sentences, and lines in capitals, left
    out), and the exact forms of words with inner capitals or digits (`IoT`, `5G`, `1237/QĐ-TTg`)."""

    def __init__(self, text: str, wanted: set[str]):
        # [capital next to a capital, without capital, capital one word from a capital], as _as_name says
        self.after: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])   # (previous, word)
        self.before: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # (word, next)
        self.words: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.forms: dict[str, Counter] = defaultdict(Counter)
        for sentence in _sentences(text[:EVIDENCE_REACH]):
            counted = [i for i, word in enumerate(sentence) if word[1] in wanted]
            if not counted:  # most sentences: only the title's words are counted
                continue
            cases = [_case(printed, symbol, i == 0) for i, (printed, _key, symbol, _end, _line) in enumerate(sentence)]
            cases = [_as_name(cases, i) for i in range(len(cases))]
            for i in counted:
                self._count(sentence, cases, i)

    def _count(self, sentence: list, cases: list, i: int) -> None:
        (word, key, symbol, end, line), case = sentence[i], cases[i]
        if symbol or (_inner_capital(word) and not word.isupper()):
            self.forms[key][word] += 1
        if case is None:
            return
        if NUMBER_AFTER.match(line, end) is None:  # `Điều 5`, `Chương II` say nothing of `một số điều`
            self.words[key][case] += 1
        if i:
            self.after[(sentence[i - 1][1], key)][case] += 1
        if i + 1 < len(sentence) and cases[i + 1] in (0, 2):  # a name that goes on: `Hội An`, not `Ban hành`
            self.before[(key, sentence[i + 1][1])][case] += 1

    def capital(self, key: str, previous: str | None, following: str | None) -> bool | None:
        """True when the text writes this word with a capital after the same word (else before the same word
        written with a capital), False when without, None when it does not say. A capital seen once says
        something only next to another capital, in a text that never writes the word without one (a table's
        cell read into a line starts with a capital)."""
        for strong, lower, weak in (self.after.get((previous, key), (0, 0, 0)),
                                    self.before.get((key, following), (0, 0, 0))):
            caps = strong + weak
            if caps > lower and (caps >= 2 or (strong and not self.words.get(key, (0, 0, 0))[1])):
                return True
            if lower > caps:
                return False
        return None

    def form(self, key: str) -> str | None:
        found = self.forms.get(key)
        return found.most_common(1)[0][0] if found else None


def _mark(units: list[_Unit], lowered: str, pattern: re.Pattern, proper) -> None:
    """Each syllable a match covers takes the capital its proper form gives it, whatever the text shows."""
    for match in pattern.finditer(lowered):
        covered = [u for u in units if match.start() <= u.start < match.end() and not u.symbol]
        words = LETTERS.findall(proper(match))
        for unit, word in zip(covered, words, strict=False):
            unit.capital, unit.named = word[0].isupper(), True


def _known_names(units: list[_Unit], lowered: str) -> None:
    _mark(units, lowered, STATE_WORDS, lambda m: "nhà nước")
    _mark(units, lowered, STATE, lambda m: "Nhà nước")
    _mark(units, lowered, PROPER_NAMES,  # after: `Ngân hàng Nhà nước Việt Nam` is a name
          lambda m: _PROPER_BY_KEY.get(" ".join(LETTERS.findall(m.group(0))), m.group(0)))
    _mark(units, lowered, LAW_NAME, lambda m: f"{m.group(1).capitalize()} {m.group(2).capitalize()}")
    _mark(units, lowered, CITED_TYPE, lambda m: m.group(1).capitalize())


def person_title(printed: str | None, text: str = "") -> str | None:
    """A title as a person writes it: tidied, and when printed in capitals, in sentence case with proper
    names kept; `text` is the document's running text, which shows how it writes the title's words.

    >>> person_title("VỀ VIỆC PHÂN CẤP TRONG LĨNH VỰC THƯƠNG MẠI TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ CHO SỞ CÔNG THƯƠNG")
    'Về việc phân cấp trong lĩnh vực thương mại trên địa bàn thành phố Cần Thơ cho Sở Công Thương'
    >>> person_title("TRIỂN KHAI QUYẾT ĐỊNH SỐ 1237/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ BẢO VỆ BÍ MẬT NHÀ NƯỚC")
    'Triển khai Quyết định số 1237/QĐ-TTg của Thủ tướng Chính phủ về bảo vệ bí mật nhà nước'
    >>> person_title("PHÁT TRIỂN HẠ TẦNG 5G, IOT TẠI HỘI AN", "Phát triển hạ tầng 5G, IoT tại thành phố Hội An.")
    'Phát triển hạ tầng 5G, IoT tại Hội An'
    >>> person_title("Vềviệc tăng cường công tác")
    'Về việc tăng cường công tác'
    """
    if not printed:
        return printed
    title = GLUED_ABOUT.sub(r"\1 \2", TRAILING.sub("", tidy(printed)))
    if not in_capitals(title):
        return title
    units = _units(title)
    _known_names(units, canonical_tones(title.lower()))
    evidence = Evidence(text, {u.key for u in units}) if text else None
    for i in range(len(units)):
        _decide(units, i, evidence)
    _names_joined(units)
    return _written(title, units)


def _decide(units: list[_Unit], i: int, evidence: Evidence | None) -> None:
    """How one word is written: a symbol or an abbreviation as printed (or as the text writes it), a known
    name's word as the name, any other word as the text writes it beside the same words."""
    unit = units[i]
    previous, following = units[i - 1] if i else None, units[i + 1] if i + 1 < len(units) else None
    form = evidence.form(unit.key) if evidence else None
    if unit.symbol:
        unit.form = form or _symbol(unit.printed)
    elif unit.named:
        return
    elif form:
        unit.form = form
    elif _is_abbreviation(unit.printed) or (ROMAN.fullmatch(unit.key) and previous and previous.key in ROMAN_AFTER):
        unit.form = unit.printed
    elif evidence:
        found = evidence.capital(unit.key, previous and previous.key, following and following.key)
        unit.capital = unit.capital if found is None else found


def _names_joined(units: list[_Unit]) -> None:
    """A capital after `và` belongs to a name joined there (`Sở Giáo dục và Đào tạo`): none when no capital
    stands in the three words before it (`lĩnh vực giáo dục và đào tạo`)."""
    for i, unit in enumerate(units):
        joined = unit.capital and not unit.named and i > 1 and units[i - 1].key == "và"
        if joined and not any(u.capital or u.form for u in units[max(0, i - 4):i - 1]):
            unit.capital = False


def _written(title: str, units: list[_Unit]) -> str:
    """The title in lower case, each unit written as decided, the first word and a quotation's capitalised."""
    out = list(title.lower())
    for i, unit in enumerate(units):
        opens = i == 0 or "“" in title[units[i - 1].end:unit.start] or '"' in title[units[i - 1].end:unit.start]
        if unit.form is not None and len(unit.form) == unit.end - unit.start:  # one key: one length
            out[unit.start:unit.end] = unit.form
        elif unit.capital or opens:
            out[unit.start] = out[unit.start].upper()
    return "".join(out)
