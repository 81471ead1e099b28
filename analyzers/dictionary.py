"""pyvi's own dictionary of Vietnamese words, read as a plain file (its model is never loaded here)."""

from importlib.util import find_spec
from pathlib import Path

from analyzers.normalize import canonical_tone

MAX_SYLLABLES = 4


def dictionary_file() -> Path | None:
    """pyvi's `models/words.txt`, found without importing pyvi (which would load its model)."""
    spec = find_spec("pyvi")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "models" / "words.txt"
        if path.is_file():
            return path
    return None


def dictionary_words(path: Path | None = None) -> frozenset[str]:
    """The dictionary's words of 2 to MAX_SYLLABLES syllables, lower case, canonical tones, `_`-joined.

    >>> {"chuyển_đổi", "không_gian", "bảo_hiểm_xã_hội"} <= dictionary_words()
    True
    >>> "đổi_số" in dictionary_words()
    False
    """
    path = path or dictionary_file()
    if path is None:
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        syllables = line.lower().split()
        if 2 <= len(syllables) <= MAX_SYLLABLES and all(s.isalpha() for s in syllables):
            words.add("_".join(canonical_tone(s) for s in syllables))
    return frozenset(words)
