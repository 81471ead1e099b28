"""Normalization, tone placement, and the three token views with their offsets and breaks."""

import subprocess
import sys
import unicodedata

import pytest
from helpers import CORPUS, ROOT

from analyzers.normalize import canonical_tone, canonical_tones, fold, normalize_text
from analyzers.tokens import PARAGRAPH_GAP, SENTENCE_GAP, syllables, words
from indexer.builder.analysis import text_views

OLD_NEW = [("hoà", "hòa"), ("uỷ", "ủy"), ("khoá", "khóa"), ("thuỷ", "thủy"), ("Hoà", "Hòa"),
           ("loè", "lòe"), ("quý", "quý"), ("hoàng", "hoàng"), ("toán", "toán"), ("khuỷu", "khuỷu"),
           ("người", "người"), ("giữa", "giữa"), ("quốc", "quốc"), ("gì", "gì"), ("HOÀ", "HÒA")]


@pytest.mark.parametrize("written,canonical", OLD_NEW)
def test_tone_placement_is_canonical_and_length_preserving(written, canonical):
    assert canonical_tone(written) == canonical
    assert len(canonical_tone(written)) == len(written)
    assert canonical_tone(canonical_tone(written)) == canonical_tone(written)


def test_normalize_makes_nfc_maps_eth_and_drops_zero_width():
    raw = unicodedata.normalize("NFD", "Nghị quyết") + " \u00d0ảng\u200b ủy"
    assert normalize_text(raw) == "Nghị quyết Đảng ủy"


def test_fold_handles_d_bar_and_decomposed_input():
    assert fold("Đảng đoàn") == "dang doan"
    assert fold(unicodedata.normalize("NFD", "phòng chống")) == "phong chong"


def test_old_and_new_tone_styles_index_to_the_same_terms():
    assert text_views("Tỉnh uỷ hoà bình") == text_views("Tỉnh ủy hòa bình")
    views = text_views("Tỉnh uỷ ban hành")
    assert views["text"] == [("tỉnh", 0), ("ủy", 1), ("ban", 2), ("hành", 3)]
    assert views["folded"] == [("tinh", 0), ("uy", 1), ("ban", 2), ("hanh", 3)]
    assert views["words"] == [("tỉnh_ủy", 0), ("ban_hành", 2)]


def test_token_offsets_point_into_the_stored_text():
    text = (CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")
    spans = syllables(text)
    assert len(spans) > 3000
    assert all(text[s.start:s.end] == s.text for s in spans)
    compounds = [(w.text, w.start, w.end) for w in words(canonical_tones(text[:2000]))]
    assert ("Nghị_quyết", 105, 115) in compounds
    for term, start, end in compounds:
        assert canonical_tones(" ".join(text[start:end].split())) == term.replace("_", " ")


def test_superscripts_split_tokens():
    assert [s.text for s in syllables("theo 02 đợt¹: Đợt 1")] == ["theo", "02", "đợt", "Đợt", "1"]


def test_sentence_and_paragraph_breaks_leave_position_gaps():
    spans = syllables("bảo vệ. Nền tảng\n\nTư tưởng và\n\nhình mới")
    positions = {s.text: s.pos for s in spans}
    assert positions["Nền"] - positions["vệ"] == SENTENCE_GAP
    assert positions["Tư"] - positions["tảng"] == PARAGRAPH_GAP
    # A page break inside a sentence (the next line goes on in lower case) is no break.
    assert positions["hình"] - positions["và"] == 1


def test_pyvi_compounds_do_not_hide_syllables():
    # pyvi makes `giải_pháp_bảo_vệ` one word; the syllable view still holds `bảo` `vệ` in a row.
    text = "nhiệm vụ, giải pháp bảo vệ vững chắc nền tảng"
    views = text_views(text)
    assert ("bảo", 4) in views["text"] and ("vệ", 5) in views["text"]
    assert ("giải_pháp_bảo_vệ", 2) in views["words"]


def test_pyvi_loads_without_scikit_learn_and_segments_the_same():
    """analyzers.tokens loads pyvi without scikit-learn (5 s of CPU less per process); same words."""
    seed = sorted(CORPUS.glob("*.txt"))[0]
    plain = ("import sys; from pyvi import ViTokenizer; "
             "print('sklearn' in sys.modules); print(ViTokenizer.tokenize(open(sys.argv[1], encoding='utf-8').read()))")
    ours = ("import sys; from analyzers.tokens import _pyvi_tokenize; "
            "print('sklearn' in sys.modules); print(_pyvi_tokenize(open(sys.argv[1], encoding='utf-8').read()))")
    runs = [subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, cwd=ROOT,
                           check=True).stdout.split("\n", 1) for code in (plain, ours)]
    assert [loaded for loaded, _ in runs] == ["True", "False"]
    assert runs[0][1] == runs[1][1]
    assert "nghị_quyết" in runs[1][1].lower()


def test_bigrams_are_neighbouring_syllables_never_across_a_break():
    views = text_views("Chuyển đổi số. Số hoá")
    assert views["bigrams"] == [("chuyển đổi", 0), ("đổi số", 1), ("số hóa", 12)]
    assert views["bigrams_folded"] == [("chuyen doi", 0), ("doi so", 1), ("so hoa", 12)]
    assert set(text_views("Chuyển đổi số", with_words=False)) == {"text", "folded"}


def test_a_documents_repeated_syllables_are_held_once():
    # A long text repeats a few thousand syllables: held once each, its views stay small.
    views = text_views("Chuyển đổi số. Chuyển đổi số")
    text = views["text"].terms
    assert (text[0] is text[3], views["folded"].terms[1] is views["folded"].terms[4]) == (True, True)
    assert list(views["text"].positions) == [0, 1, 2, 12, 13, 14]
