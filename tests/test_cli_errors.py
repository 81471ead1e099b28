"""Every bad option value is one line on stderr and exit status 2, the same limits as the web;
a generated mix of option values never ends in a traceback."""

import random

import pytest
from test_fuzz_http import value

from vanban.main import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("argv,error", [
    (["search", "--year", "abc"], "--year: Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: 'abc')."),
    (["search", "--year", "１２３４"], "--year: Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: '１２３４')."),
    (["search", "--kind", "x"], "--kind: Quan hệ không hợp lệ: 'x' (chọn: implements, based_on, guided_by, mentions)."),
    (["search", "--cites", "hello"], "--cites: 'hello' không phải là số, ký hiệu văn bản (ví dụ: 35-NQ/TW, Nghị quyết 35)."),
    (["search", "--issuer", "x" * 201], "--issuer: Giá trị của bộ lọc “Cơ quan ban hành” quá dài (201 ký tự; tối đa 200)."),
    (["search", *["--year=2019"] * 21], "--year: Bộ lọc “Năm” có quá nhiều giá trị (21; tối đa 20)."),
    (["search", "a" * 2000], "QUERY: Câu truy vấn quá dài (2000 ký tự; tối đa 500)."),
    (["search", "--page", "0"], "--page: Số trang phải là số nguyên từ 1 đến 500 (nhận được: '0')."),
    (["search", "--sort", "random"], "--sort: Cách sắp xếp không hợp lệ: 'random' (chọn: relevance, date, date_asc, cited)."),
    (["serve", "--port", "-1"], "--port: Cổng phải là số nguyên từ 1 đến 65535 (nhận được: '-1')."),
    (["serve", "--port", "99999"], "--port: Cổng phải là số nguyên từ 1 đến 65535 (nhận được: '99999')."),
    (["graph", "--output", "/nonexistent/x.csv"], "--output: không có thư mục /nonexistent để ghi /nonexistent/x.csv."),
    (["graph", "--format", "pdf"], "--format: Định dạng không hợp lệ: 'pdf' (chọn: json, csv, graphml)."),
    (["cites"], "thiếu tham số: REF"),
    (["search", "--nope"], "không hiểu tham số: --nope"),
    (["nope"], "lệnh không hợp lệ: 'nope' (chọn: 'extract', 'index', 'search', 'cites', 'tasks', 'compare', 'related', 'graph', 'serve')"),
])
def test_bad_option_is_one_line_and_exit_2(capsys, argv, error):
    assert run(capsys, *argv) == (2, "", f"vanban: lỗi: {error}\n")


def test_graph_output_that_cannot_be_written_is_exit_1(capsys, index_dir, tmp_path):
    target = tmp_path / "folder"
    target.mkdir()
    status, out, err = run(capsys, "graph", "--index", str(index_dir), "--output", str(target))
    assert (status, out) == (1, "") and err.startswith(f"vanban: lỗi: không ghi được {target}: ")


def test_the_web_and_the_cli_refuse_the_same_query(capsys, index_dir, client):
    web = client.get("/api/search", query_string={"q": "a" * 2000}).get_json()
    assert web == {"error": "Câu truy vấn quá dài (2000 ký tự; tối đa 500).", "status": 400}
    assert run(capsys, "search", "a" * 2000, "--index", str(index_dir))[2] == f"vanban: lỗi: QUERY: {web['error']}\n"


OPTIONS = {"search": ["--type", "--year", "--issuer", "--province", "--cites", "--kind", "--sort", "--limit",
                      "--page"],
           "cites": ["--kind", "--sort", "--limit", "--page"], "graph": ["--format"]}


def test_generated_option_values_never_end_in_a_traceback(capsys, index_dir, tmp_path):
    rng = random.Random(20261123)
    seen = set()
    for _ in range(300):
        command = rng.choice(list(OPTIONS))
        argv = [command] + ([value(rng)] if command in ("search", "cites") else [])
        for option in rng.sample(OPTIONS[command], rng.randint(0, len(OPTIONS[command]))):
            argv += [f"{option}={value(rng)}"]
        index = rng.choice([index_dir] * 9 + [tmp_path / "none"])  # now and then no index: exit 1
        status = main(argv + ["--index", str(index)] + (["--json"] if command != "graph" else []))
        out, err = capsys.readouterr()
        seen.add(status)
        assert status in {0, 1, 2} and "Traceback" not in err, (argv, status, err)
        assert status == 0 or (out == "" and err.count("\n") == 1), (argv, err)
    assert seen == {0, 1, 2}


def test_graph_output_never_overwrites_a_file_unless_forced(capsys, index_dir, tmp_path):
    target = tmp_path / "notes.csv"
    target.write_text("my notes", encoding="utf-8")
    status, out, err = run(capsys, "graph", "--index", str(index_dir), "--format", "csv", "--output", str(target))
    assert (status, out, err, target.read_text(encoding="utf-8")) == (
        1, "", f"vanban: lỗi: {target} đã có: dùng --force để ghi đè\n", "my notes")
    status, _, err = run(capsys, "graph", "--index", str(index_dir), "--format", "csv", "--output", str(target),
                         "--force")
    assert (status, err, target.read_text(encoding="utf-8").splitlines()[0]) == (
        0, f"đã ghi {target}\n", "source,source_label,source_level,target,target_label,target_level,kind,count,"
                                 "passage,stated_by")
