"""Parse what a person types into words, quoted phrases and document references; never fail."""

import re
from dataclasses import dataclass, field

from analyzers.normalize import canonical_tone, fold, has_diacritics, normalize_text
from analyzers.tokens import syllables
from indexer.limits import MAX_PHRASES, MAX_QUERY_LENGTH, MAX_REFS, MAX_TERMS
from indexer.vocab.laws import LAW_TYPES, name_key
from indexer.vocab.refs import CODE_TYPES, DOCUMENT_TYPES, NUMBER_SYMBOL, TYPE_CODES, ref_key, short_key

KEYWORD_QUERY_MAX = 8  # more words than this make a question, not keywords

# Quoted phrases, straight or curly quotes.
QUOTED = re.compile(r"[\"“”]([^\"“”]*)[\"“”]")

# Type names typed with or without diacritics: `nghi quyet` -> NQ.
_FOLDED_TYPES = {fold(name): code for name, code in TYPE_CODES.items()}
_TYPE_WORDS = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in _FOLDED_TYPES), key=len, reverse=True))

# Every type name, folded, for the words a person may type before a number (`Luật số 58/2014/QH13`).
_ANY_TYPE_WORDS = "|".join(sorted({re.escape(fold(t)).replace(r"\ ", r"\s+") for t in DOCUMENT_TYPES}, key=len,
                                  reverse=True))
_LAW_WORDS = "|".join(re.escape(fold(t)).replace(r"\ ", r"\s+") for t in sorted(LAW_TYPES, key=len, reverse=True))

# A number-symbol as typed: the grammar citations are read by in documents (indexer.vocab.refs
# NUMBER_SYMBOL: `58/2014/QH13`, `89/2025/UBTVQH15`, `66.16/2026/NQ-CP`, `1676/VBHN-BTC`, `35-NQ/TW`),
# in any case, with the type before it if typed (`Nghị quyết 68/2025/QH15`, `Luật số 58/2014/QH13`), and a
# law's name between its type and `số` (`Luật Bảo hiểm xã hội số 41/2024/QH15`).
QUERY_TYPED_SYMBOL = re.compile(
    rf"(?<![\w/.])(?:(?:(?:{_LAW_WORDS})(?:\s+[a-z,]+){{1,14}}?\s+so\s+|(?:{_ANY_TYPE_WORDS})\s+(?:so\s+)?))?"
    rf"(?P<symbol>{NUMBER_SYMBOL})", re.I)

# A law by its name, typed alone (`Luật Bảo hiểm xã hội`, `bo luat dan su 2015`, `Hiến pháp năm 2013`): what
# the cites surfaces accept (a search for these words is a search for the words).
QUERY_LAW_NAME = re.compile(rf"\s*(?P<type>{_LAW_WORDS})(?P<name>(?:\s+[a-z,]+)*?)"
                            rf"(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d))?\s*", re.I)

# A type and a number, typed any way: `Nghị quyết 35`, `nghi quyet so 35`, `NQ 35`, `nq35`.
QUERY_SHORT = re.compile(
    rf"(?<!\w)(?:(?P<name>{_TYPE_WORDS})|(?P<code>{'|'.join(sorted(CODE_TYPES, key=len, reverse=True))}))"
    rf"\s*(?:so\s+)?(?P<number>\d{{1,5}})(?![\w/-])", re.I)



@dataclass
class ParsedQuery:
    """A query split into what it asks: free words, exact phrases and document refs."""

    text: str
    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)          # ref keys: `35-nq-tw`, `nq:35`

    @property
    def question(self) -> bool:
        """A question (`Tù chung thân là gì?`) or a long query: its words rank, none is required."""
        return "?" in self.text or len(self.words) > KEYWORD_QUERY_MAX

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.refs)


def _tokens(text: str) -> list[str]:
    return [s.text for s in syllables(text)][:MAX_TERMS]


def parse_ref(text: str) -> str | None:
    """The ref key that a string names in any spelling, or None.

    >>> [parse_ref(s) for s in ["35-NQ/TW", "35/NQ-TW", "NQ 35", "nghi quyet 35", "Nghị quyết số 35", "hello"]]
    ['35-nq-tw', '35-nq-tw', 'nq:35', 'nq:35', 'nq:35', None]
    """
    parsed = parse_query(text)
    if len(parsed.refs) == 1 and not parsed.words and not parsed.phrases:
        return parsed.refs[0]
    return law_name_key(text)


def law_name_key(text: str) -> str | None:
    """The key of a law named as a person types it, with its year when typed; else None.

    >>> law_name_key("Luật Bảo hiểm xã hội"), law_name_key("bo luat dan su 2015"), law_name_key("Hiến pháp 2013")
    ('ten:luat bao hiem xa hoi', 'ten:bo luat dan su@2015', 'ten:hien phap@2013')
    """
    match = QUERY_LAW_NAME.fullmatch(fold(normalize_text(text or "")))
    if not match or (not match.group("name").strip() and fold(match.group("type")) != "hien phap"):
        return None
    year = int(match.group("year")) if match.group("year") else None
    return name_key(match.group("type"), match.group("name"), year)


def _short(match) -> str:
    if not match.group("name"):
        return short_key(match.group("code"), match.group("number"))
    code = _FOLDED_TYPES[re.sub(r"\s+", " ", match.group("name").lower())]
    return short_key(code, match.group("number"))


def parse_query(text: str) -> ParsedQuery:
    """Split a query; unbalanced quotes and stray operators fall back to plain words.

    >>> q = parse_query('"bảo vệ" nền tảng (35-NQ/TW AND nghi quyet 14')
    >>> q.phrases, q.words, q.refs
    ([['bảo', 'vệ']], ['nền', 'tảng'], ['35-nq-tw', 'nq:14'])
    """
    text = normalize_text(text or "")[:2 * MAX_QUERY_LENGTH]  # search() refuses longer; others are cut
    parsed = ParsedQuery(text=text.strip())
    for match in QUOTED.finditer(text):
        tokens = _tokens(match.group(1))
        if len(tokens) > 1 and len(parsed.phrases) < MAX_PHRASES:
            parsed.phrases.append(tokens)
        else:
            parsed.words.extend(tokens)
    rest = QUOTED.sub(" ", text)
    folded = fold(rest)
    if len(folded) != len(rest):  # unidecode expanded a character: match on the text itself
        folded = rest
    found = []
    for pattern in (QUERY_TYPED_SYMBOL, QUERY_SHORT):
        for match in pattern.finditer(folded):
            if not any(match.start() < e and s < match.end() for s, e, _ in found):
                key = ref_key(match.group("symbol")) if "symbol" in pattern.groupindex else _short(match)
                found.append((match.start(), match.end(), key))
    for start, end, _ in sorted(found, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    parsed.refs = list(dict.fromkeys(key for _, _, key in sorted(found)))[:MAX_REFS]
    # Boolean words and operators are not supported: they are dropped, their neighbours kept.
    words = [w for w in _tokens(rest) if w not in {"AND", "OR", "NOT"}]
    parsed.words.extend(words)
    budget = MAX_TERMS - sum(len(p) for p in parsed.phrases)
    parsed.words = parsed.words[:max(0, budget)]
    return parsed


def exact_form(word: str) -> str:
    """How a word is indexed in the accented views: lower case, canonical tone."""
    return canonical_tone(word.lower())


def is_accented(words: list[str]) -> bool:
    """True when a person typed diacritics (so exact matches should come first)."""
    return any(has_diacritics(w) for w in words)
