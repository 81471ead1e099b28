"""The `vanban` command: its JSON contracts, its listing, and its error messages."""

import json
import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, ROOT

from indexer import BuildLocked, UnknownDocument
from vanban.main import main
from vanban.output import UserError, user_errors


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
    assert (status, out, err) == (2, "", "vanban: lỗi: PATH: không có tệp hay thư mục nope.txt.\n")


def test_extract_a_folder_reads_every_corpus_file_under_it(capsys):
    status, out, err = run(capsys, "extract", str(CORPUS))
    records = [json.loads(line) for line in out.splitlines()]
    assert (status, err) == (0, "")
    assert [(r["source"], r["part"]) for r in records] == [
        (str(p), part) for p, part in sorted((p, 0) for p in CORPUS.iterdir()) + [(CORPUS / "004_2a738f3429698ec1.txt", 1)]]


def test_index_then_search_json(capsys, tmp_path):
    status, _, err = run(capsys, "index", str(CORPUS), "--index", str(tmp_path / "ix"))
    assert status == 0
    assert "đã lập chỉ mục 6 văn bản (chỉ mục có 6)" in err and "1 tệp chứa nhiều văn bản" in err
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
    assert (status, sorted(h["id"] for h in json.loads(out)["hits"])) == (0, [KG_LETTER, KG_PLAN])
    status, out, _ = run(capsys, "search", "", "--index", str(index_dir), "--type", "Công văn", "--json")
    assert (status, [h["number"] for h in json.loads(out)["hits"]]) == (0, ["4382/VP-KGVX"])


def test_readable_listing(capsys, index_dir):
    _status, out, _ = run(capsys, "search", '"không gian mạng"', "--index", str(index_dir), "--limit", "1")
    lines = out.splitlines()
    assert lines[0] == "3 văn bản cho “\"không gian mạng\"”"
    assert lines[2] == "  1. Kế hoạch · 150-KH/TU · Ban Thường vụ Tỉnh ủy Hải Dương · 2019-05-15"
    assert "[không gian mạng]" in lines[4]
    assert lines[5].strip() == HAI_DUONG_150


def test_user_errors_are_one_line_without_traceback(capsys, tmp_path):
    status, out, err = run(capsys, "search", "x", "--index", str(tmp_path / "none"))
    assert (status, out, err) == (1, "", f"vanban: lỗi: chưa có chỉ mục trong {tmp_path / 'none'}: hãy chạy `vanban index`\n")
    status, _out, err = run(capsys, "index", str(tmp_path / "missing"), "--index", str(tmp_path / "ix"))
    assert (status, err) == (2, f"vanban: lỗi: PATH: không có tệp hay thư mục {tmp_path / 'missing'}.\n")


def test_console_entry_point_runs_as_a_module(index_dir):
    proc = subprocess.run([sys.executable, "-m", "vanban", "search", "--index", str(index_dir), "--limit", "101"],
                          capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        2, "", "vanban: lỗi: --limit: Số kết quả mỗi trang phải là số nguyên từ 1 đến 100 (nhận được: '101').\n")


def test_cites_json_is_the_api_cites_shape(capsys, index_dir, client):
    status, out, _ = run(capsys, "cites", "Nghị quyết 35", "--index", str(index_dir), "--json")
    api = client.get("/api/cites?ref=Ngh%E1%BB%8B+quy%E1%BA%BFt+35&page_size=20").get_json()
    assert status == 0 and json.loads(out) == api
    assert [(h["id"], h["kind"], h["count"]) for h in api["hits"]] == [
        (LAI_CHAU, "implements", 3), (NGOC_HOI, "implements", 8), (HAI_DUONG_150, "implements", 27)]


def test_index_lists_every_skipped_file_and_quiet_says_nothing_else(capsys, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "ok.txt").write_text("KẾ HOẠCH\nThực hiện Nghị quyết 35-NQ/TW.\n", encoding="utf-8")
    (folder / "latin.txt").write_bytes(b"Ban h\xe0nh\n")  # Latin-1
    status, _, err = run(capsys, "index", str(folder), "--index", str(tmp_path / "ix"), "--quiet")
    assert (status, err) == (0, "  bỏ qua c/latin.txt: không phải văn bản đọc được: trông như Windows-1252/Latin-1 (không phải UTF-8, "
                              "TCVN3 hay VNI); hãy lưu lại dạng UTF-8\n")


def test_index_names_each_field_left_out_and_indexes_its_record(capsys, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    records = [{"id": "a", "text": "KẾ HOẠCH\nThực hiện Nghị quyết 35-NQ/TW.\n", "date": "2025-03", "year": "năm"}]
    (folder / "x.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    status, _, err = run(capsys, "index", str(folder), "--index", str(tmp_path / "ix"))
    assert status == 0
    assert "đã lập chỉ mục 1 văn bản" in err and "bỏ qua 0; 1 trường hỏng bị bỏ (văn bản vẫn lập chỉ mục)." in err
    assert err.endswith("  c/x.jsonl:1: `year` phải là một năm từ 1900 đến 2100 (nhận được 'năm'): bỏ trường này, "
                        "văn bản vẫn được lập chỉ mục\n")


def test_progress_line_and_the_older_call_shape():
    from indexer import BuildProgress
    from vanban.progress import ProgressBar, as_progress, line
    assert as_progress(3, 6, 1.5) == BuildProgress(0, 0, 6, 3, 0, 0, 2.0)
    assert line(as_progress(3, 6, 1.5)) == "[████████████░░░░░░░░░░░░]  50% · văn bản 3/6 · 1.5 văn bản/giây · còn 2 giây"

    class Terminal(list):
        def write(self, text):
            self.append(text)

        def flush(self):
            pass

    stream = Terminal()
    bar = ProgressBar(stream)
    bar(BuildProgress(1, 1, 2, 2, 10, 10, 125.0))
    bar.finish()
    assert stream == ["\r\033[K[████████████████████████] 100% · tệp 1/1 · văn bản 2/2 · 0.0 văn bản/giây · còn 0 giây",
                      "\n"]


def test_search_imports_neither_flask_nor_the_build(index_dir):
    code = ("import sys; from vanban.main import main; main(['search', 'nghi quyet 35', '--index', sys.argv[1]]); "
            "print(sorted(m for m in ('flask', 'pyvi', 'indexer.builder.index', 'indexer.extract.corpus') if m in sys.modules), "
            "file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(index_dir)], capture_output=True, text=True, cwd=ROOT)
    assert (proc.returncode, proc.stderr, proc.stdout.splitlines()[0]) == (0, "[]\n", "3 văn bản cho “nghi quyet 35”")


def test_a_closed_pipe_ends_quietly(index_dir):
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` that has already gone
    proc = subprocess.run([sys.executable, "-m", "vanban", "search", "--index", str(index_dir)],
                          stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    os.close(write_end)
    assert (proc.returncode, proc.stderr) == (141, "")


def test_compare_prints_the_shared_passages_and_what_a_adds(capsys, index_dir):
    status, out, err = run(capsys, "compare", NGOC_HOI, HAI_DUONG_150, "--index", str(index_dir))
    lines = out.splitlines()
    assert (status, err) == (0, "")
    assert lines[:12] == [
        "A: Kế hoạch · không số · Ủy ban nhân dân huyện Ngọc Hồi · 2019 (suy ra)",
        f"   {NGOC_HOI} · 32% nội dung A có trong B",
        "B: Kế hoạch · 150-KH/TU · Ban Thường vụ Tỉnh ủy Hải Dương · 2019-05-15",
        f"   {HAI_DUONG_150} · 12% nội dung B có trong A",
        "",
        "27 đoạn chung (17 giống hệt, 10 đã sửa)",
        "",
        "  1. đã sửa 90% · A 14-80 · B 276-342",
        "     Thực hiện Nghị quyết số 35-NQ/TW, ngày 22[---]{+/+}10[---]{+/+}2018 của Bộ Chính trị",
        "",
        "  2. giống hệt · A 82-202 · B 154-274",
        "     về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch "
        "trong tình hình mới"]
    own = lines.index("Nội dung riêng của A (20 đoạn)")
    assert lines[own + 2:own + 4] == ["  - Nghị quyết số 35-NQ/TW), Ủy ban nhân dân huyện",
                                      "  - Nhằm nâng cao nhận thức, trách nhiệm của"]


def test_compare_and_related_json_are_what_the_api_answers(capsys, index_dir, client):
    _, out, _ = run(capsys, "compare", KG_LETTER, KG_PLAN, "--index", str(index_dir), "--json")
    assert json.loads(out) == client.get(f"/api/compare?a={quote(KG_LETTER)}&b={quote(KG_PLAN)}").get_json()
    _, out, _ = run(capsys, "related", NGOC_HOI, "--index", str(index_dir), "--json", "--limit", "2")
    assert json.loads(out) == client.get(f"/api/documents/{quote(NGOC_HOI)}/related?limit=2").get_json()
    status, out, _ = run(capsys, "related", NGOC_HOI, "--index", str(index_dir), "--limit", "1")
    assert (status, out.splitlines()) == (0, [
        f"1 văn bản liên quan đến {NGOC_HOI}", "",
        "  1. Kế hoạch · 150-KH/TU · Ban Thường vụ Tỉnh ủy Hải Dương · 2019-05-15 · điểm 0.3104",
        "     cùng thực hiện 14-KH/TW, 35-NQ/TW; trùng khoảng 14% nội dung; cùng chủ đề: thù địch, quan điểm, nghị quyết",
        f"     {HAI_DUONG_150}"])


def test_compare_and_related_errors_are_one_line(capsys, index_dir):
    assert run(capsys, "compare", NGOC_HOI, "nope", "--index", str(index_dir)) == (
        1, "", "vanban: lỗi: Không có văn bản nào mang mã “nope”.\n")
    assert run(capsys, "related", "nope", "--index", str(index_dir)) == (
        1, "", "vanban: lỗi: Không có văn bản nào mang mã “nope”.\n")
    assert run(capsys, "related", NGOC_HOI, "--limit", "0", "--index", str(index_dir)) == (
        2, "", "vanban: lỗi: --limit: Số văn bản liên quan phải là số nguyên từ 1 đến 20 (nhận được: '0').\n")
    assert run(capsys, "compare", "", NGOC_HOI, "--index", str(index_dir)) == (
        2, "", "vanban: lỗi: A: Thiếu mã văn bản id (ví dụ: id=corpus/000_65df158a4e7ec0a6.txt#0).\n")


def test_cites_readable_listing(capsys, index_dir):
    status, out, err = run(capsys, "cites", "35-NQ/TW", "--kind", "implements", "--index", str(index_dir))
    lines = out.splitlines()
    # Each entry: its rank, relation, the document on one line, the passage, its id (any order of equal scores).
    entries = sorted((line[5:], lines[i + 2]) for i, line in enumerate(lines) if line[:5] in ("  1. ", "  2. ", "  3. "))
    assert (status, err, lines[0], entries) == (0, "", "3 văn bản trích dẫn 35-NQ/TW (thực hiện)", [
        ("[thực hiện] Kế hoạch · 150-KH/TU · Ban Thường vụ Tỉnh ủy Hải Dương · 2019-05-15 · 27 lần", f"     {HAI_DUONG_150}"),
        ("[thực hiện] Kế hoạch · không số · Ban Thường vụ Tỉnh ủy Lai Châu · 2021 (suy ra) · 3 lần", f"     {LAI_CHAU}"),
        ("[thực hiện] Kế hoạch · không số · Ủy ban nhân dân huyện Ngọc Hồi · 2019 (suy ra) · 8 lần", f"     {NGOC_HOI}")])

def test_every_command_says_a_search_error_in_its_own_words():
    with pytest.raises(UserError) as raised, user_errors():
        raise UnknownDocument("corpus/nope.txt#0")
    assert (str(raised.value), type(raised.value.__cause__)) == (
        "Không có văn bản nào mang mã “corpus/nope.txt#0”.", UnknownDocument)
    with pytest.raises(BuildLocked), user_errors():  # not a search's: its command words it
        raise BuildLocked("x")

def test_search_folds_near_duplicates_unless_told_not_to(capsys, copies_index):
    _, out, _ = run(capsys, "search", "bảo vệ nền tảng", "--sort", "date", "--index", str(copies_index))
    assert out.splitlines()[0] == ("6 văn bản cho “bảo vệ nền tảng” (2 văn bản gần giống được gộp; --no-collapse để "
                                   "hiện tất cả)")
    assert f"     +2 văn bản gần giống: copies/cam_giang.txt#0, {HAI_DUONG_150}" in out.splitlines()
    _, out, _ = run(capsys, "search", "bảo vệ nền tảng", "--no-collapse", "--index", str(copies_index))
    assert out.splitlines()[0] == "8 văn bản cho “bảo vệ nền tảng”"
