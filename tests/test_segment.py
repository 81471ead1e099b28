"""analyzers/segment.py segments as pyvi does, character for character: compared with pyvi itself.

The texts are cut as analyzers.tokens.segments() cuts them (what word_spans gives the segmenter). All
of local_dev and the seed corpus are compared, and of gazette_dev one piece in four of every document
(its first, fifth, ... and its last): pyvi takes about 30 s of CPU for all of gazette_dev, which
`python bench/segment.py` compares whole (0 differences is its result too).
"""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CORPUS, ROOT, SHARED_DATA

from analyzers import segment
from analyzers.crf import viterbi2
from analyzers.segment import BoundedCache, align_words, compound_spans, pyvi_tokenize, tokenize, tokenize_many
from analyzers.tokens import segments, word_spans

CORNER_CASES = [
    "", " ", "\n", "\n\n", "\t", " \t \r\n ", "...", "!!!", "?", "“”", "_", "__", "a_b", "_a", "a_", "a__b", "_3_",
    "tư_tưởng", "Số: 66.16/2026/NQ-CP", "Số 150 - KH/TU", "TP.HCM", "Tp. Hồ Chí Minh", "QĐ-UBND", "UBND",
    "liên hệ vanban@chinhphu.vn hoặc a.b+c@x-y.gov.vn.", "x.y@z", "@", "a@b.c",
    "http://vanban.chinhphu.vn/?a=1&b=2 và https://x.y", "ftp://x", "://x", "a://",
    "thị¹ xã² Hà Nội³", "x²+y² = z²", "Ⅻ Ⅻ", "１２３ ４５", "1.000.000 đồng, 2,5%", "3.4.5.6", "3,4", "1/2/3",
    "ngày 01/01/2026", "Hà Nội, ngày 15 tháng 5 năm 2019",
    "NGHỊ QUYẾT Về Việc Ban Hành", "nGhị QuYết", "Ủy ban nhân dân tỉnh Kon Tum", "Đ. Đảng Đ.", "A. B. C.",
    "Mr. Smith và Mrs. Smith, Dr. Nam, ThS. Lan", "==> -> ... >> >>>", "– — “chuyển đổi” ‘số’",
    "a\tb\tc", "Chính\tphủ\tban hành", "a\rb", "\x0b\x0c", "\x1c\x1d\x1e\x1f", "\u2028dòng\u2029mới",
    "\u00a0bảo\u00a0vệ\u00a0", "a\u200bb", "\ufeffbảo vệ", "a\x00b \x00 c", "\x00",
    "Nghi\u0323 quye\u0302\u0301t", "e\u0301", "\u0301",  # not NFC: pyvi segments the NFC form
    "ΟΔΟΣ ΑΣ Σ σ ς", "İstanbul İİ", "ǅ ǆ Ǆ", "ﬁ ﬂ", "ß SS", "日本語 テスト", "مرحبا", "😀 👍🏽 chuyển đổi số",
    "xin chào\n\ncảm ơn", "Nghị quyết\nsố 1", "a" * 5000, "Cộng hòa xã hội chủ nghĩa Việt Nam " * 300,
    "bảo vệ nền tảng tư tưởng của Đảng, " * 400,
]


@pytest.fixture
def no_cache():
    """Segment every text afresh (the cache would answer repeats), then restore the cache."""
    segment.set_cache_chars(0)
    yield
    segment.set_cache_chars(segment.CACHE_CHARS)


@pytest.mark.parametrize("text", CORNER_CASES, ids=range(len(CORNER_CASES)))
def test_corner_cases_are_segmented_as_pyvi_does(text, no_cache):
    expected = pyvi_tokenize(text)
    assert tokenize(text) == expected
    assert compound_spans([text]) == [list(align_words(text, 0, expected))]


def test_a_batch_is_segmented_text_by_text_and_the_cache_answers_the_same():
    expected = [pyvi_tokenize(text) for text in CORNER_CASES]
    segment.set_cache_chars(0)
    assert tokenize_many(CORNER_CASES) == expected
    segment.set_cache_chars(segment.CACHE_CHARS)
    assert tokenize_many(CORNER_CASES) == expected
    assert tokenize_many(CORNER_CASES[::-1]) == expected[::-1]  # now from the cache


def test_a_lone_surrogate_fails_as_in_pyvi():
    # pycrfsuite cannot encode it (pyvi: SystemError over the UnicodeEncodeError); no words either way.
    for text in ("a\ud800b", "\udfff"):
        with pytest.raises((SystemError, UnicodeEncodeError)):
            pyvi_tokenize(text)
        with pytest.raises(UnicodeEncodeError):
            tokenize(text)


def test_the_cache_is_bounded_and_drops_the_least_recently_used():
    cache = BoundedCache(limit=6, longest=3)
    calls = []

    def upper(texts):
        calls.append(texts)
        return [t.upper() for t in texts]

    assert cache.through(["ab", "cd", "ab", "long"], upper) == ["AB", "CD", "AB", "LONG"]
    assert cache.through(["ab", "ef", "gh"], upper) == ["AB", "EF", "GH"]
    assert calls == [["ab", "cd", "long"], ["ef", "gh"]]  # each distinct text once; `long` is not kept
    assert list(cache.held) == ["ab", "ef", "gh"] and cache.chars == 6  # `cd` was used least recently


def test_the_crf_scores_and_viterbi_are_crfsuites():
    """Random items of the model's attributes (and unknown ones) tagged by pycrfsuite and by crf.py."""
    model = segment._table().model
    tagger = segment._pyvi().ViTokenizer.model.tagger_
    names = sorted(model.weights) + ["unknown", "word.lower():không có"]
    rng = random.Random(26)
    for _ in range(300):
        items = [rng.sample(names, rng.randint(0, 12)) for _ in range(rng.randint(1, 40))]
        first, second = [], []
        for item in items:
            score = (0.0, 0.0)
            for name in item:
                weight = model.weights.get(name, (0.0, 0.0))
                score = score[0] + weight[0], score[1] + weight[1]
            first.append(score[0])
            second.append(score[1])
        ours = [model.labels[k] for k in viterbi2(first, second, model.transitions)]
        assert ours == tagger.tag(items)


def test_importing_loads_nothing_and_the_first_call_loads_pyvi_without_scikit_learn():
    code = ("import sys; import analyzers.segment as s; print('pyvi' in sys.modules, s._table.cache_info().currsize); "
            "s.tokenize('Khởi động'); print('pyvi' in sys.modules, 'sklearn' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.split("\n")[:2] == ["False 0", "True False"]


def _records(path: Path) -> list[str]:
    """The texts of a JSON Lines file (records end at "\\n" only: texts hold U+2028)."""
    with open(path, encoding="utf-8", newline="") as lines:
        return [json.loads(line)["text"] for line in lines.read().split("\n") if line.strip()]


def _pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in segments(text)]


def _compare(texts: list[list[str]]) -> list[str]:
    """Each text's pieces segmented by pyvi and by us; the pieces where anything differs."""
    differing = []
    for pieces in texts:
        expected = [pyvi_tokenize(piece) for piece in pieces]
        spans = [list(align_words(piece, 0, out)) for piece, out in zip(pieces, expected)]
        for piece, want, got, want_spans, got_spans in zip(
                pieces, expected, tokenize_many(pieces), spans, compound_spans(pieces)):
            if want != got or want_spans != got_spans:
                differing.append(piece[:120])
    return differing


def test_word_spans_of_the_seed_corpus_are_pyvis():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pieces = [(s, e) for s, e in segments(text) if any(ch.isalpha() for ch in text[s:e])]
        expected = [(s + a, s + b) for s, e in pieces for a, b, _ in align_words(text[s:e], 0,
                                                                                 pyvi_tokenize(text[s:e]))]
        assert word_spans(text) == expected, path.name


@pytest.mark.slow
def test_the_seed_corpus_and_local_dev_and_gazette_dev_are_segmented_as_pyvi_does(no_cache):
    local, gazette = SHARED_DATA / "local_dev" / "documents.jsonl", SHARED_DATA / "gazette_dev" / "documents.jsonl"
    if not (local.is_file() and gazette.is_file()):
        pytest.skip(f"shared data not found: {local} and {gazette}")
    seeds = [_pieces(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.txt"))]
    assert _compare(seeds) == []
    assert _compare([_pieces(text) for text in _records(local)]) == []
    # One piece in four of each gazette document, its last one too: every layout, a quarter of the time.
    sample = [[p for k, p in enumerate(pieces) if k % 4 == 0 or k == len(pieces) - 1]
              for pieces in map(_pieces, _records(gazette))]
    assert sum(map(len, sample)) > 2500
    assert _compare(sample) == []
