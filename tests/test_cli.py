"""The `vanban` command: its JSON contracts, its listing, and its error messages."""

import json
import subprocess
import sys

from cli.main import main

from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, ROOT


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_prints_one_json_object_per_document(capsys):
    name = str(CORPUS / "004_2a738f3429698ec1.txt")
    status, out, err = run(capsys, "extract", name)
    records = [json.loads(line) for line in out.splitlines()]
    assert (status, err) == (0, "")
    assert [(r["source"], r["part"], r["doc_type"], r["number"], r["date"], r["year"], r["year_inferred"])
            for r in records] == [(name, 0, "Công văn", "4382/VP-KGVX", "2021-06-21", 2021, False),
                                  (name, 1, "Kế hoạch", "46-KH/BTGTU", "2021-06-08", 2021, True)]
    first = records[0]["citations"][0]
    assert {k: first[k] for k in ("ref", "doc_type", "date", "issuer", "text")} == {
        "ref": "46-KH/BTGTU", "doc_type": "Kế hoạch", "date": "2021-06-08", "issuer": "Ban Tuyên giáo Tỉnh ủy",
        "text": "Kế hoạch số 46-KH/BTGTU ngày 08/6/2021 của Ban Tuyên giáo Tỉnh ủy"}
    assert set(records[0]) >= {"source", "part", "doc_type", "number", "issuer", "province", "date", "year",
                               "year_inferred", "signer", "title", "citations"}


def test_extract_missing_file_is_one_line_on_stderr(capsys):
    status, out, err = run(capsys, "extract", "nope.txt")
    assert (status, out, err) == (1, "", "vanban: nope.txt: no such file\n")


def test_index_then_search_json(capsys, tmp_path):
    status, _, err = run(capsys, "index", str(CORPUS), "--index", str(tmp_path / "ix"))
    assert status == 0
    assert "6 documents indexed (6 in the index)" in err and "1 files split into several documents" in err
    status, out, _ = run(capsys, "search", "nghi quyet 35", "--index", str(tmp_path / "ix"), "--json")
    result = json.loads(out)
    assert status == 0 and result["total"] == 3
    assert sorted(h["id"] for h in result["hits"]) == sorted([HAI_DUONG_150, NGOC_HOI, LAI_CHAU])
    assert set(result["hits"][0]) >= {"id", "source", "part", "doc_type", "number", "issuer", "year", "title",
                                      "snippet", "score"}
    assert result["facets"]["doc_type"] == [{"value": "Kế hoạch", "count": 3, "selected": False}]
    assert [y["value"] for y in result["facets"]["year"]] == ["2021", "2019"]


def test_filters_with_empty_query_list_documents(capsys, index_dir):
    status, out, _ = run(capsys, "search", "--index", str(index_dir), "--cites", "Chỉ thị 07", "--json")
    assert sorted(h["id"] for h in json.loads(out)["hits"]) == [KG_LETTER, KG_PLAN]
    status, out, _ = run(capsys, "search", "", "--index", str(index_dir), "--type", "Công văn", "--json")
    assert [h["number"] for h in json.loads(out)["hits"]] == ["4382/VP-KGVX"]


def test_readable_listing(capsys, index_dir):
    status, out, _ = run(capsys, "search", '"không gian mạng"', "--index", str(index_dir), "--limit", "1")
    lines = out.splitlines()
    assert lines[0] == "3 documents for “\"không gian mạng\"”"
    assert lines[2] == "  1. Kế hoạch · 150-KH/TU · Ban Thường vụ Tỉnh ủy Hải Dương · 2019-05-15"
    assert "[không gian mạng]" in lines[4]
    assert lines[5].strip() == HAI_DUONG_150


def test_user_errors_are_one_line_without_traceback(capsys, tmp_path):
    status, out, err = run(capsys, "search", "x", "--index", str(tmp_path / "none"))
    assert (status, err) == (1, f"vanban: error: no index in {tmp_path / 'none'}: build one with `vanban index`\n")
    status, out, err = run(capsys, "index", str(tmp_path / "missing"), "--index", str(tmp_path / "ix"))
    assert status == 1 and err.endswith(f"vanban: error: corpus path not found: {tmp_path / 'missing'}\n")


def test_console_entry_point_runs_as_a_module(index_dir):
    proc = subprocess.run([sys.executable, "-m", "cli", "search", "--index", str(index_dir), "--limit", "101"],
                          capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", "vanban: error: page_size must be between 1 and 100\n")
