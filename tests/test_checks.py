"""The checks of every value a person gives: what each accepts, and the exact words of each refusal."""

import re

import pytest

from indexer import Invalid, checks


def refusal(check, *args) -> str:
    with pytest.raises(Invalid) as raised:
        check(*args)
    return str(raised.value)


def test_shown_quotes_and_cuts_a_value():
    assert checks.shown("x" * 40, 5) == "'xxxxx…'"
    assert checks.shown("abc") == "'abc'"
    assert checks.shown("it's") == '"it\'s"'
    assert checks.shown(None) == "'None'"
    assert checks.shown("x" * 30) == "'" + "x" * 30 + "'"


def test_query():
    assert checks.query("phòng chống tham nhũng") == "phòng chống tham nhũng"
    assert checks.query(None) == ""
    assert checks.query("x" * 500) == "x" * 500
    assert refusal(checks.query, "x" * 501) == "Câu truy vấn quá dài (501 ký tự; tối đa 500)."
    assert refusal(checks.query, 5) == "Câu truy vấn phải là chữ (nhận được: int)."
    assert refusal(checks.query, b"x") == "Câu truy vấn phải là chữ (nhận được: bytes)."


@pytest.mark.parametrize("raw,number", [(" 7", 7), ("7 ", 7), (7, 7), ("1", 1), ("10", 10), ("007", 7)])
def test_integer_accepts_whole_numbers_in_range(raw, number):
    assert checks.integer(raw, 1, 10, "Số") == number


@pytest.mark.parametrize("raw,shown", [
    ("0", "'0'"), ("11", "'11'"), (0, "'0'"), ("-1", "'-1'"), ("+7", "'+7'"), ("7.0", "'7.0'"), (7.0, "'7.0'"),
    ("1 0", "'1 0'"), ("٣", "'٣'"), ("", "''"), (None, "'None'"), (True, "'True'"), ("x" * 30, "'" + "x" * 20 + "…'"),
])
def test_integer_refuses_anything_else(raw, shown):
    assert refusal(checks.integer, raw, 1, 10, "Số") == f"Số phải là số nguyên từ 1 đến 10 (nhận được: {shown})."


def test_page_page_size_and_port():
    assert (checks.page("1"), checks.page(500), checks.page_size("100"), checks.port("8000"), checks.port(65535)) == (
        1, 500, 100, 8000, 65535)
    assert refusal(checks.page, "501") == "Số trang phải là số nguyên từ 1 đến 500 (nhận được: '501')."
    assert refusal(checks.page, "0") == "Số trang phải là số nguyên từ 1 đến 500 (nhận được: '0')."
    assert refusal(checks.page_size, 101) == "Số kết quả mỗi trang phải là số nguyên từ 1 đến 100 (nhận được: '101')."
    assert refusal(checks.port, "0") == "Cổng phải là số nguyên từ 1 đến 65535 (nhận được: '0')."
    assert refusal(checks.port, "65536") == "Cổng phải là số nguyên từ 1 đến 65535 (nhận được: '65536')."


def test_choice_and_sort():
    assert [checks.sort(s) for s in checks.SORTS] == ["relevance", "date", "date_asc", "cited"]
    assert checks.choice("b", ("a", "b"), "Chữ") == "b"
    assert refusal(checks.choice, "c", ("a", "b"), "Chữ") == "Chữ không hợp lệ: 'c' (chọn: a, b)."
    assert refusal(checks.sort, "random") == ("Cách sắp xếp không hợp lệ: 'random' "
                                              "(chọn: relevance, date, date_asc, cited).")
    assert refusal(checks.sort, "Date") == "Cách sắp xếp không hợp lệ: 'Date' (chọn: relevance, date, date_asc, cited)."


@pytest.mark.parametrize("text", ["35-NQ/TW", "35/NQ-TW", "NQ 35", "nghi quyet 35", "Nghị quyết số 35", "4382/VP-KGVX"])
def test_ref_accepts_one_document_number_as_given(text):
    assert checks.ref(text) == text


def test_ref_refuses_what_names_no_single_document():
    assert refusal(checks.ref, "hello") == "'hello' không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35)."
    assert refusal(checks.ref, "35-NQ/TW 14-KH/TW") == ("'35-NQ/TW 14-KH/TW' không phải là số, ký hiệu văn bản "
                                                        "(ví dụ: 35-NQ/TW, Nghị quyết 35).")
    assert refusal(checks.ref, "x" * 70) == ("'" + "x" * 60 + "…' không phải là số, ký hiệu văn bản "
                                             "(ví dụ: 35-NQ/TW, Nghị quyết 35).")
    padded = "35-NQ/TW" + " " * 200  # names one document, but longer than a filter value may be
    assert refusal(checks.ref, padded) == (f"{checks.shown(padded, 60)} không phải là số, ký hiệu văn bản "
                                           "(ví dụ: 35-NQ/TW, Nghị quyết 35).")


def test_year():
    assert (checks.year("1900"), checks.year("2019"), checks.year("2100")) == ("1900", "2019", "2100")
    for text in ("1899", "2101", "19", "2019.5", "２０１９", " 2019"):
        assert refusal(checks.year, text) == f"Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: {text!r})."


def test_filter_value_checks_each_filter_its_way():
    assert checks.filter_value("year", "2019") == "2019"
    assert checks.filter_value("kind", "based_on") == "based_on"
    assert checks.filter_value("cites", "nghi quyet 35") == "nghi quyet 35"
    assert checks.filter_value("issuer", "x" * 200) == "x" * 200
    assert refusal(checks.filter_value, "year", "19") == "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: '19')."
    assert refusal(checks.filter_value, "kind", "cites") == (
        "Quan hệ không hợp lệ: 'cites' (chọn: implements, based_on, guided_by, mentions).")
    assert refusal(checks.filter_value, "cites", "hello") == (
        "'hello' không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35).")
    assert refusal(checks.filter_value, "doc_type", "x" * 201) == (
        "Giá trị của bộ lọc “Loại văn bản” quá dài (201 ký tự; tối đa 200).")
    assert refusal(checks.filter_value, "province", "x" * 250) == (
        "Giá trị của bộ lọc “Tỉnh, thành phố” quá dài (250 ký tự; tối đa 200).")


def test_filter_values_at_most_twenty():
    twenty = [str(y) for y in range(2000, 2020)]
    assert checks.filter_values("year", twenty) == twenty
    assert refusal(checks.filter_values, "year", [*twenty, "2020"]) == (
        "Bộ lọc “Năm” có quá nhiều giá trị (21; tối đa 20).")
    assert refusal(checks.filter_values, "year", ["2019", "x"]) == (
        "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: 'x').")


def test_filters_normalises_what_it_is_given():
    assert checks.filters({"year": 2019, "doc_type": ["Kế hoạch", " ", "Kế hoạch"], "issuer": None}) == {
        "year": ["2019"], "doc_type": ["Kế hoạch"]}
    assert checks.filters({"year": [2019, "2020", " 2019 "]}) == {"year": ["2019", "2020"]}
    assert checks.filters({"year": (2021,)}) == {"year": ["2021"]}
    assert checks.filters({"province": " Kon Tum "}) == {"province": ["Kon Tum"]}
    assert checks.filters({"doc_type": "  ", "year": [], "issuer": ["", " "]}) == {}
    assert checks.filters({"kind": "mentions", "cites": "nghi quyet 35"}) == {"kind": ["mentions"],
                                                                             "cites": ["nghi quyet 35"]}
    assert checks.filters(None) == {}
    assert checks.filters({}) == {}


def test_filters_refuses_unknown_names_and_bad_values():
    expected = ("Bộ lọc không rõ: 'nope' (chọn: doc_type, year, issuer, province, cites, kind, part, month, "
                "date_from, date_to, status, in_force_on).")
    assert refusal(checks.filters, {"nope": "1"}) == expected
    assert refusal(checks.filters, {"nope": None}) == expected
    assert refusal(checks.filters, {"year": True}) == "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: 'True')."
    assert refusal(checks.filters, {"year": [str(y) for y in range(2000, 2021)]}) == (
        "Bộ lọc “Năm” có quá nhiều giá trị (21; tối đa 20).")
    # repeats count once: twenty-one spellings of one value are one value
    assert checks.filters({"year": ["2019"] * 21}) == {"year": ["2019"]}


def test_a_float_filter_value_is_refused_with_a_message():
    assert refusal(checks.filters, {"year": 2019.5}) == (
        "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: '2019.5').")


def test_none_in_a_list_is_dropped_like_none_alone():
    assert checks.filters({"issuer": [None, "Ban Thường vụ Tỉnh ủy"]}) == {"issuer": ["Ban Thường vụ Tỉnh ủy"]}


def test_every_message_is_one_line_ending_in_a_full_stop():
    messages = [refusal(checks.query, "x" * 501), refusal(checks.page, "x"), refusal(checks.sort, "x"),
                refusal(checks.ref, "x"), refusal(checks.year, "x"), refusal(checks.filters, {"x": "1"}),
                refusal(checks.filter_value, "issuer", "x" * 201)]
    assert [re.fullmatch(r"[^\n]+\.", m) is not None for m in messages] == [True] * 7


def test_date_bounds_are_a_year_a_month_or_a_day_that_exists():
    assert checks.filters({"date_from": "2019", "date_to": " 2019-12-31 "}) == {"date_from": ["2019"],
                                                                               "date_to": ["2019-12-31"]}
    assert checks.filters({"date_from": 2019}) == {"date_from": ["2019"]}
    shape = "Ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ 1900 đến 2100 (nhận được: {})."
    for bad in ("2019-5", "15/05/2019", "2019-02-29", "2019-13", "1899", "２０１９", "2019-05-15T00:00"):
        assert refusal(checks.filters, {"date_to": bad}) == shape.format(repr(bad))
    assert refusal(checks.filters, {"date_from": ["2019", "2020"]}) == "“Từ ngày” chỉ nhận một giá trị (nhận được 2)."
    assert refusal(checks.filters, {"date_from": "2020", "date_to": "2019-12"}) == (
        "Khoảng ngày không hợp lệ: từ 2020 đến 2019-12 (ngày bắt đầu sau ngày kết thúc).")
    assert checks.filters({"date_from": "2019-05-15", "date_to": "2019-05"}) == {"date_from": ["2019-05-15"],
                                                                                "date_to": ["2019-05"]}


def test_table_format_and_base_url():
    assert checks.table_format("xlsx") == "xlsx"
    assert refusal(checks.table_format, "xls") == "Định dạng tải về không hợp lệ: 'xls' (chọn: csv, xlsx)."
    assert checks.base_url(" https://vanban.example.vn/tra-cuu ") == "https://vanban.example.vn/tra-cuu/"
    assert checks.base_url("http://[::1]:8080") == "http://[::1]:8080/"
    bad = ("ftp://x/", "vanban.example.vn", "http://", "http://x/?a=1", "http://x/#top", "http://u:p@x/",
           "http://x:99999/", "http://x/a b", "javascript:alert(1)")
    assert [refusal(checks.base_url, b) for b in bad] == [
        f"Địa chỉ gốc phải là một URL http(s) có tên máy, không có ?query hay #, ví dụ https://vanban.example.vn/ "
        f"(nhận được: {b!r})." for b in bad]


def test_collapse():
    assert [checks.collapse(v) for v in ("1", "0", " 0 ", True, False, 1, 0)] == [True, False, False, True, False, True, False]
    assert refusal(checks.collapse, "yes") == ("Tham số collapse phải là 0 (hiện cả văn bản gần giống) hoặc 1 "
                                               "(nhận được: 'yes').")
    assert refusal(checks.collapse, 2) == "Tham số collapse phải là 0 (hiện cả văn bản gần giống) hoặc 1 (nhận được: '2')."
    assert refusal(checks.collapse, 1.0) == "Tham số collapse phải là 0 (hiện cả văn bản gần giống) hoặc 1 (nhận được: '1.0')."


def test_document_id_and_related_limit():
    assert checks.document_id("corpus/a.txt#0", "a") == "corpus/a.txt#0"
    assert refusal(checks.document_id, "  ", "b") == "Thiếu mã văn bản b (ví dụ: b=corpus/000_65df158a4e7ec0a6.txt#0)."
    assert refusal(checks.document_id, None, "a") == "Thiếu mã văn bản a (ví dụ: a=corpus/000_65df158a4e7ec0a6.txt#0)."
    assert refusal(checks.document_id, "x" * 1001, "a") == "Mã văn bản a quá dài (1001 ký tự; tối đa 1000)."
    assert (checks.related_limit("20"), checks.related_limit(1)) == (20, 1)
    assert refusal(checks.related_limit, "21") == "Số văn bản liên quan phải là số nguyên từ 1 đến 20 (nhận được: '21')."
