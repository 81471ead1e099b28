"""Tell Vietnamese text from mojibake: the share of its accented words that are valid syllables."""

import re
import unicodedata
from functools import lru_cache

# One written syllable without its tone: onset, vowel nucleus (with glides), final consonant.
# `ngh`/`gh` before front vowels, `qu`/`gi` as onsets; the nucleus list is every vowel cluster
# of the language (`oai`, `uyê`, `ươi` ...), so `céng` passes but `chñ`, `hoµ`, `nghÜa` do not.
SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|iêu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|"
    r"oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?")

# The five tones as combining marks: grave, acute, tilde, hook above, dot below.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"

# A word for scoring: a run of anything but spaces, ASCII punctuation and digits, and the
# typographic quotes and dashes (U+2000-U+206F), so TCVN3's `x·` (xã) stays one word.
WORD = re.compile(r"[^\s!-@\[-`{-~\u2000-\u206f]+")


@lru_cache(maxsize=1 << 15)
def is_syllable(word: str) -> bool:
    """True when a word is one well-formed Vietnamese syllable (any case, at most one tone).

    >>> [is_syllable(w) for w in ["Nghị", "quyết", "khuya", "céng", "chñ", "hoµ", "ViÖt"]]
    [True, True, True, True, False, False, False]
    """
    letters = unicodedata.normalize("NFD", word.lower())
    toneless = "".join(c for c in letters if c not in TONE_MARKS)
    if len(letters) - len(toneless) > 1:
        return False
    return SYLLABLE.fullmatch(unicodedata.normalize("NFC", toneless)) is not None


def syllable_share(text: str) -> tuple[float, int] | None:
    """The share of a text's non-ASCII words that are valid syllables, and how many there are.

    None when the text has no non-ASCII word (nothing to judge).
    """
    words = [w for w in WORD.findall(text) if not w.isascii()]
    if not words:
        return None
    return sum(map(is_syllable, words)) / len(words), len(words)
