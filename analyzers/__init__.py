"""Vietnamese text analysis: normalize, segment, fold."""

from analyzers.normalize import canonical_tone, canonical_tones, fold, has_diacritics, normalize_text
from analyzers.tokens import Span, syllables, word_spans, words

__all__ = [
    "Span", "canonical_tone", "canonical_tones", "fold", "has_diacritics", "normalize_text",
    "syllables", "word_spans", "words",
]
