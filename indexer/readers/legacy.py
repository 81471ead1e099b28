"""Convert the pre-Unicode Vietnamese encodings TCVN3 (ABC) and VNI to Unicode, and detect them.

Both are 8-bit font encodings: the bytes are Latin-1 codes drawn with a Vietnamese font
(`.VnTime` for TCVN3, `VNI-Times` for VNI). The same codes arrive as Latin-1 characters inside
Unicode text when a document typed in such a font is pasted or saved as .docx, HTML or PDF.
"""

import itertools
import re
import unicodedata
from functools import lru_cache

from indexer.readers.mojibake import decode_utf8_as_cp1252, undo_mojibake
from indexer.readers.vietnamese import syllable_share

# TCVN3 (TCVN 5712:1993, VN3): one Latin-1 code per letter; upper-case toned letters have no code
# (the `.VnTimeH` font draws the lower-case codes as capitals).
TCVN3_CODES = ("µ¶·¸¹" "¨»¼½¾Æ" "©ÇÈÉÊË" "®" "ÌÎÏÐÑ" "ªÒÓÔÕÖ" "×ØÜÝÞ" "ßáâãä" "«åæçèé" "¬êëìíî"
               "ïñòóô" "\xadõö÷øù" "úûüýþ" "¡¢£¤¥¦§")
TCVN3_LETTERS = ("àảãáạ" "ăằẳẵắặ" "âầẩẫấậ" "đ" "èẻẽéẹ" "êềểễếệ" "ìỉĩíị" "òỏõóọ" "ôồổỗốộ" "ơờởỡớợ"
                 "ùủũúụ" "ưừửữứự" "ỳỷỹýỵ" "ĂÂÊÔƠƯĐ")
TCVN3_DECODE = str.maketrans(TCVN3_CODES, TCVN3_LETTERS)
TCVN3_ENCODE = str.maketrans(TCVN3_LETTERS, TCVN3_CODES)

# VNI-Windows: a base letter followed by a mark code. The five tones in the order
# grave, hook, tilde, acute, dot; `â ê ô` and `ă` fuse their mark with the tone.
TONES = "\u0300\u0309\u0303\u0301\u0323"
VNI_BASES = {"a": "a", "ă": "aê", "â": "aâ", "e": "e", "ê": "eâ", "o": "o", "ô": "oâ", "ơ": "ô",
             "u": "u", "ư": "ö", "y": "y"}
VNI_TONE = "øûõùï"
VNI_CIRCUMFLEX_TONE = "àåãáä"   # replaces the `â` of aâ/eâ/oâ
VNI_BREVE_TONE = "èúüéë"        # replaces the `ê` of aê
VNI_I = "ìæóíò"                 # i with a tone is one code
VNI_SINGLE = {"đ": "ñ", "i": "i", "ỵ": "î"}

# Letters that exist only in Unicode (not in Latin-1): a line holding one is already Unicode.
UNICODE_VIETNAMESE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")

# Detection: the converted text must be mostly valid syllables, and clearly more so than before.
MIN_SHARE = 0.75
MIN_GAIN = 0.25
# Detection judges at most this many characters of the non-Unicode lines, taken across the text:
# some 60 pages, plenty to tell encodings apart, while trying all three on 10 MB took half a minute.
DETECT_SAMPLE_CHARS = 200_000


def _vni_letter(base: str, tone: int | None) -> str:
    if base == "i":
        return "i" if tone is None else VNI_I[tone]
    code = VNI_BASES[base]
    if tone is None:
        return code
    if base in "âêô":
        return code[0] + VNI_CIRCUMFLEX_TONE[tone]
    if base == "ă":
        return "a" + VNI_BREVE_TONE[tone]
    return code + VNI_TONE[tone]


def _vni_table() -> dict[str, str]:
    """Every Vietnamese letter (both cases) and its VNI code."""
    table = {}
    for base in [*VNI_BASES, "i"]:
        for tone in [None, 0, 1, 2, 3, 4]:
            letter = unicodedata.normalize("NFC", base + ("" if tone is None else TONES[tone]))
            table[letter] = _vni_letter(base, tone)
    table.update(VNI_SINGLE)
    table.update({k.upper(): v.upper() for k, v in table.items()})
    return {k: v for k, v in table.items() if k != v}


VNI_ENCODE = _vni_table()
# Decoding also accepts a mark code in the other case (`Aù`), keeping the base letter's case.
VNI_DECODE = {**{v[0] + v[1:].swapcase(): k for k, v in VNI_ENCODE.items()},
              **{v: k for k, v in VNI_ENCODE.items()}}
VNI_SEQUENCE = re.compile("|".join(sorted(map(re.escape, VNI_DECODE), key=len, reverse=True)))


def encode_tcvn3(text: str) -> str:
    """Write Unicode text as TCVN3 codes (as Latin-1 characters); capitals get `.VnTimeH` codes."""
    return "".join(ch.translate(TCVN3_ENCODE) if ch in TCVN3_LETTERS else
                   ch.lower().translate(TCVN3_ENCODE) if ch.lower() in TCVN3_LETTERS else ch for ch in text)


def encode_vni(text: str) -> str:
    """Write Unicode text as VNI codes (as Latin-1 characters)."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def decode_tcvn3(text: str) -> str:
    """Read TCVN3 codes as Unicode, restoring capitals written with the `.VnTimeH` font."""
    return "\n".join(_restore_capitals(line) for line in text.translate(TCVN3_DECODE).split("\n"))


def decode_vni(text: str) -> str:
    """Read VNI codes as Unicode."""
    return VNI_SEQUENCE.sub(lambda m: VNI_DECODE[m.group(0)], text)


DECODERS = {"TCVN3": decode_tcvn3, "VNI": decode_vni, "UTF-8 đọc nhầm thành Windows-1252": decode_utf8_as_cp1252}

# A run of letters, for putting back the capitals of `.VnTimeH` headings.
LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 16)
def _is_capital(word: str) -> bool:
    """A heading word: all capitals, capital ASCII letters around a converted letter (`CộNG`)."""
    ascii_letters = [c for c in word if c.isascii()]
    if word.isupper() or (len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters)):
        return True
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _restore_capitals(line: str) -> str:
    """Upper-case the heading words of a line decoded from TCVN3 (`CộNG HòA Xã HộI` -> capitals)."""
    words = list(LETTERS.finditer(line))
    capital = [_is_capital(m.group()) for m in words]
    for i, m in enumerate(words):
        word = m.group()
        between_capitals = 0 < i < len(words) - 1 and capital[i - 1] and capital[i + 1]
        if between_capitals and word[0].isupper() and not any(c.isascii() for c in word[1:]):
            capital[i] = True  # `Xã` inside `CỘNG HÒA Xã HỘI`: one ASCII capital, then a converted letter
    pieces, end = [], 0
    for m, up in zip(words, capital):
        if up:
            pieces += [line[end:m.start()], m.group().upper()]
            end = m.end()
    return "".join(pieces) + line[end:]


def _legacy_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if not UNICODE_VIETNAMESE.search(line)]


def _sample(lines: list[str]) -> str:
    """Every n-th line, so that about DETECT_SAMPLE_CHARS characters are judged (and never more)."""
    step = 1 + sum(map(len, lines)) // DETECT_SAMPLE_CHARS
    return "\n".join(lines[::step])[:DETECT_SAMPLE_CHARS]


def _share(text: str) -> float:
    judged = syllable_share(text)
    return 1.0 if judged is None else judged[0]


def detect(text: str) -> str | None:
    """The legacy encoding ("TCVN3", "VNI" or double-encoded UTF-8) of a text's non-Unicode lines, if any.

    >>> detect("C\u00e9ng ho\u00b5 x\u00b7 h\u00e9i chñ ngh\u00dca Vi\u00d6t Nam"), detect("Cộng hòa xã hội")
    ('TCVN3', None)
    """
    sample = _sample(_legacy_lines(text))
    before = syllable_share(sample)
    if before is None:
        return None
    share, name = max((_share(decode(sample)), name) for name, decode in DECODERS.items())
    return name if share >= MIN_SHARE and share >= before[0] + MIN_GAIN else None


def convert(text: str, encoding: str) -> str:
    """Convert the lines of a text that are not already Unicode Vietnamese from a legacy encoding."""
    decode = DECODERS[encoding]
    # In a text partly in Unicode, a line whose letters are all Latin-1 (`THÔNG BÁO`, `các`) is Unicode too
    # unless converting reads better: TCVN3 would make it `THỄNG BÁO`, `cỏc`, which reads as well.
    unicode_too = UNICODE_VIETNAMESE.search(text) is not None
    lines = []
    for line in text.split("\n"):
        if not UNICODE_VIETNAMESE.search(line) and not line.isascii():
            converted, before = decode(line), _share(line)
            better = _share(converted) > before if unicode_too else _share(converted) >= before
            line = converted if better else line
        lines.append(line)
    return "\n".join(lines)


def repair(text: str) -> str:
    """Convert TCVN3 or VNI text that arrived as Latin-1 characters, and undo UTF-8 read as Windows-1252."""
    encoding = detect(text)
    return undo_mojibake(convert(text, encoding) if encoding else text)
