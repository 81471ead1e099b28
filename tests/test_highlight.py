"""Snippets and highlights: whole phrases and words, a window chosen in one pass, a bounded length."""

from indexer.query.highlight import (
    SNIPPET_MAX,
    best_window,
    located_snippet,
    make_snippet,
    match_spans,
    snippet,
    snippet_chars,
)
from indexer.query.parse import parse_query


class ReadOnce:
    """An iterable that can be read once, and counts what was read of it."""

    def __init__(self, items):
        self._items, self.read = list(items), 0

    def __iter__(self):
        for item in self._items:
            self.read += 1
            yield item


def test_the_window_is_chosen_in_one_pass_over_the_matches():
    # 3,000 matches of one word every 50 characters, then a dense cluster near the end.
    matches = [(50 * i, 50 * i + 3, 0) for i in range(3000)] + [(160_000 + 10 * i, 160_003 + 10 * i, 0)
                                                                 for i in range(20)]
    once = ReadOnce(matches)
    chosen = best_window(once, width=280, limit=len(matches))
    assert (chosen[0][0], len(chosen), once.read) == (160_000, 20, 3020)
    # Comparing each match with every other one reads them again: a one-shot stream cannot.
    assert best_window(iter(matches), width=280, limit=len(matches)) == chosen


def test_reading_stops_once_a_window_holds_every_word():
    matches = ReadOnce([(0, 5, 0), (10, 15, 1), (20, 25, 0)] + [(1000 + i, 1001 + i, 0) for i in range(0, 5000, 3)])
    assert (best_window(matches, units=2), matches.read) == ([(0, 5, 0), (10, 15, 1)], 2)


def test_the_window_holding_more_different_words_wins_over_more_matches():
    text = "số " * 200 + "chuyển đổi các số " + "số " * 200  # the words nowhere side by side
    cut = snippet(text, parse_query("chuyển đổi số"), words=[("chuyển", "đổi"), ("số",)])
    assert "chuyển đổi" in {cut.text[s:e] for s, e in cut.highlights}


def test_a_snippet_is_short_even_in_text_without_spaces():
    text = "x" * 5_000_000 + "chuyểnđổisố" + "y" * 5_000_000
    assert len(make_snippet(text, []).text) <= SNIPPET_MAX
    far = text.index("chuyển")
    cut = make_snippet(text, [(far, far + 6)])
    assert (len(cut.text) <= SNIPPET_MAX, cut.text[cut.highlights[0][0]:cut.highlights[0][1]]) == (True, "chuyển")
    assert len(snippet(text, parse_query("xyzzy")).text) <= SNIPPET_MAX


def test_a_snippet_ends_at_a_word_and_shows_its_matches():
    text = ("Mở đầu văn bản. " * 30) + "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước. " + ("Phần sau. " * 40)
    cut = snippet(text, parse_query("chuyển đổi số"), words=[("chuyển", "đổi"), ("số",)])
    assert [cut.text[s:e] for s, e in cut.highlights] == ["chuyển đổi số"]
    assert (text[cut.start:cut.start + len(cut.text)] == cut.text, len(cut.text) <= SNIPPET_MAX) == (True, True)


def test_words_of_several_syllables_match_only_side_by_side():
    text = "chuyển biến tích cực, đổi mới, Nghị quyết số 35; chuyển đổi số."
    spans = match_spans(text, parse_query("chuyển đổi số"), words=[("chuyển", "đổi"), ("số",)])
    assert [text[s:e] for s, e in spans] == ["số", "chuyển đổi", "số"]


def test_unaccented_and_old_tone_spellings_are_found_and_others_are_not():
    text = "Hoà bình, hòa bình; HOA BINH và hoa bính"
    assert [text[s:e] for s, e in match_spans(text, parse_query("hòa bình"), words=[("hòa", "bình")])] == \
        ["Hoà bình", "hòa bình"]
    assert [text[s:e] for s, e in match_spans(text, parse_query("hoa binh"), words=[("hoa", "binh")])] == \
        ["Hoà bình", "hòa bình", "HOA BINH", "hoa bính"]


def test_a_page_highlights_a_bounded_number_of_matches():
    text = "số " * 10_000
    assert len(match_spans(text, parse_query("số"))) == 2000


def test_the_window_is_looked_for_near_the_start_and_further_only_when_nothing_is_there():
    words = [("chuyển", "đổi"), ("số",)]
    far = "mở đầu " * 10_000 + "Đẩy mạnh chuyển đổi số."
    cut = snippet(far, parse_query("chuyển đổi số"), words=words)
    assert ([cut.text[s:e] for s, e in cut.highlights], cut.start > 69_000) == (["chuyển đổi", "số"], True)
    # `số` near the start is enough: the text past SNIPPET_REACH is not read for `chuyển đổi`
    near = "Văn bản số 1. " + "mở đầu " * 10_000 + "Đẩy mạnh chuyển đổi số."
    cut = snippet(near, parse_query("chuyển đổi số"), words=words)
    assert ([cut.text[s:e] for s, e in cut.highlights], cut.start) == (["số"], 0)


def test_the_query_s_words_standing_together_are_what_is_marked():
    words = [("chuyển", "đổi"), ("số",)]
    text = "Kế hoạch số 12. Chuyển đổi trạng thái và số liệu. " * 3 + "Đẩy mạnh chuyển đổi số trong cơ quan. Số 5."
    cut, at = located_snippet(text, parse_query("chuyển đổi số"), words=words)
    assert ([cut.text[s:e] for s, e in cut.highlights], text[at:at + 13]) == (["chuyển đổi số"], "chuyển đổi số")
    # words nowhere side by side: each is marked, the window holding most of them chosen
    apart = "Chuyển đổi trạng thái. Văn bản số 3."
    cut = snippet(apart, parse_query("chuyển đổi số"), words=words)
    assert [cut.text[s:e] for s, e in cut.highlights] == ["Chuyển đổi", "số"]


HEADED = ("| UBND TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
          "| Số: 617/KH-UBND | Đồng Tháp, ngày 01 tháng 12 năm 2025 |\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\n"
          "Thực hiện Nghị quyết, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n"
          "| 1 | Số hóa hồ sơ | Sở Nội vụ |\n")


def test_a_snippet_is_chosen_after_the_header_and_never_in_furniture():
    body = HEADED.index("Thực hiện")
    furniture = ((HEADED.index("Số: 617"), HEADED.index("2025 |") + 4),)
    cut, at = located_snippet(HEADED, parse_query("so"), body=body, furniture=furniture)
    # the table's pipes are no words to show: spaces in their place
    assert (cut.text, [cut.text[s:e] for s, e in cut.highlights], HEADED[at:at + 7]) == (
        "quyết, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n  1   Số hóa hồ sơ   Sở Nội vụ", ["Số", "sơ", "Sở"],
        "Số hóa ")
    # nothing after the header: the header (its title) is read, its furniture still never
    cut, at = located_snippet(HEADED, parse_query("năm 2026"), body=body, furniture=furniture)
    assert ([cut.text[s:e] for s, e in cut.highlights], HEADED[at:at + 8]) == (["năm 2026"], "năm 2026")
    cut, at = located_snippet(HEADED, parse_query("617"), body=body, furniture=furniture)
    assert (cut.highlights, at) == ((), body)  # only in the `Số:` line: the body's first words, nothing marked


def test_a_snippet_reads_the_rest_of_a_text_only_when_its_start_holds_no_match():
    words = [("chuyển", "đổi"), ("số",)]
    text = "Mở đầu văn bản. " * 5000 + "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước. " + "Phần sau. " * 100
    read = []

    def rest():
        read.append(1)
        return text
    start = text[:snippet_chars(0)]
    far = located_snippet(start, parse_query("chuyển đổi số"), words=words, rest=rest)
    assert (far, len(read)) == (located_snippet(text, parse_query("chuyển đổi số"), words=words), 1)
    near = "Chuyển đổi số. " + text
    assert located_snippet(near[:snippet_chars(0)], parse_query("chuyển đổi số"), words=words, rest=rest) == \
        located_snippet(near, parse_query("chuyển đổi số"), words=words)
    assert len(read) == 1  # not read again: the start held a match
