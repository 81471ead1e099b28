"""The three views of a text as whoosh analyzers: syllables, pyvi words, folded syllables.

Whoosh pickles these into the index schema: they are module-level classes with plain
attributes, and pyvi is imported only when a word analyzer actually runs.
"""

from whoosh.analysis import Filter, LowercaseFilter, Token, Tokenizer

from analyzers.normalize import canonical_tone, canonical_tones, fold, normalize_text
from analyzers.tokens import syllables, words


def _emit(spans, positions, chars, keeporiginal, removestops, start_pos, start_char, mode, kwargs):
    """Yield whoosh tokens for a list of `Span`s (whoosh reuses one Token object)."""
    t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
    for span in spans:
        t.text = span.text
        t.boost = 1.0
        t.stopped = False
        if keeporiginal:
            t.original = span.text
        if positions:
            t.pos = start_pos + span.pos
        if chars:
            t.startchar = start_char + span.start
            t.endchar = start_char + span.end
        yield t


class SyllableTokenizer(Tokenizer):
    """Split normalized text into syllables and numbers; breaks leave position gaps.

    >>> [t.text for t in SyllableTokenizer()("Nghị quyết 35-NQ/TW")]
    ['Nghị', 'quyết', '35', 'NQ', 'TW']
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        text = normalize_text(value) if tokenize else value
        spans = syllables(text)
        yield from _emit(spans, positions, chars, keeporiginal, removestops,
                         start_pos, start_char, mode, kwargs)


class PresegmentedText(str):
    """A text whose pyvi word spans were computed ahead (in a worker process)."""

    word_spans: list


def presegmented(text: str, spans: list) -> PresegmentedText:
    """Wrap a text with its precomputed word spans, for `WordTokenizer`."""
    value = PresegmentedText(text)
    value.word_spans = spans
    return value


class WordTokenizer(Tokenizer):
    """Yield pyvi's compound words (`Nghị_quyết`), with spans into the text.

    Case is kept for segmentation (lower-casing first moves ~1% of word boundaries);
    tones are made canonical first because tone style changes pyvi's output.
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        text = canonical_tones(normalize_text(value))
        spans = words(text, getattr(value, "word_spans", None))
        yield from _emit(spans, positions, chars, keeporiginal, removestops,
                         start_pos, start_char, mode, kwargs)


class ToneFilter(Filter):
    """Put every token's tone mark on the canonical vowel (`hoà` -> `hòa`, `uỷ` -> `ủy`).

    >>> [t.text for t in (SyllableTokenizer() | ToneFilter())("hoà thuỷ")]
    ['hòa', 'thủy']
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = "_".join(canonical_tone(part) for part in t.text.split("_"))
            yield t


class FoldFilter(Filter):
    """Fold each token to ASCII lower case with unidecode, token by token (offsets are kept).

    >>> [t.text for t in (SyllableTokenizer() | FoldFilter())("Đảng ủy")]
    ['dang', 'uy']
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


def syllable_analyzer():
    """Syllables, lower case, canonical tones: the recall backbone (and phrase queries)."""
    return SyllableTokenizer() | LowercaseFilter() | ToneFilter()


def word_analyzer():
    """pyvi compound words, lower case, canonical tones: a ranking boost."""
    return WordTokenizer() | LowercaseFilter() | ToneFilter()


def folded_analyzer():
    """Syllables folded to ASCII: for queries typed without diacritics."""
    return SyllableTokenizer() | FoldFilter()
