"""Every result list as CSV and Excel: one row per matching document, read back with the csv module
and openpyxl, file names that keep their Vietnamese letters, formula-looking cells neutralized."""

import csv
import io
import json
import shutil
import subprocess
from datetime import datetime

import openpyxl
import pytest
from helpers import BASE_URL, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM

from indexer import Invalid
from indexer.builder.index import build_index
from indexer.query.checks import TABLE_FORMATS
from indexer.views.tables import WRITERS, search_table
from vanban.main import main
from webui.downloads import MIMETYPES
from webui.params import DOWNLOAD_FORMATS

KEYS = ["id", "doc_type", "number", "date", "year", "issuer", "province", "title", "cited_by_count", "link"]
LABELS = ["Mã văn bản", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Năm", "Cơ quan ban hành", "Tỉnh, thành phố",
          "Trích yếu", "Số văn bản trích dẫn", "Liên kết"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_rows(body: bytes) -> list[list[str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 by it
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(body: bytes, sheet: str = "Văn bản") -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(body))
    return [tuple(c.value for c in row) for row in book[sheet].iter_rows()]


def test_csv_has_one_row_per_matching_document(client, index_dir):
    response = client.get("/api/search?sort=date&format=csv")
    assert (response.status_code, response.headers["Content-Type"]) == (200, "text/csv; charset=utf-8")
    rows = csv_rows(response.data)
    total = client.get("/api/search").get_json()["total"]
    assert (rows[0], len(rows) - 1, response.headers["X-Total-Count"]) == (KEYS, total, str(total))
    assert [r[0] for r in rows[1:]] == [TAC_PHAM, LAI_CHAU, KG_LETTER, KG_PLAN, NGOC_HOI, HAI_DUONG_150]
    by_id = {r[0]: dict(zip(KEYS, r)) for r in rows[1:]}
    assert by_id[KG_PLAN] == {
        "id": KG_PLAN, "doc_type": "Kế hoạch", "number": "46-KH/BTGTU", "date": "2021-06-08", "year": "2021",
        "issuer": "Ban Tuyên giáo Tỉnh ủy Kiên Giang", "province": "Kiên Giang",
        "title": by_id[KG_PLAN]["title"], "cited_by_count": "1",
        "link": "http://127.0.0.1:5000/doc/corpus/004_2a738f3429698ec1.txt%231"}
    assert by_id[KG_PLAN]["title"].startswith("triển khai thực hiện Chỉ thị số 07-CT/TU")
    assert (by_id[NGOC_HOI]["date"], by_id[NGOC_HOI]["year"]) == ("", "2019")  # known only by its year


def test_the_seeds_2019_range_as_csv_and_xlsx(client):
    rows = csv_rows(client.get("/api/search?date_from=2019&date_to=2019&sort=date&format=csv").data)
    assert [r[0] for r in rows[1:]] == [NGOC_HOI, HAI_DUONG_150]
    sheet = xlsx_rows(client.get("/api/search?date_from=2019&date_to=2019&sort=date&format=xlsx").data)
    assert [r[0] for r in sheet[1:]] == [NGOC_HOI, HAI_DUONG_150]


def test_xlsx_reads_back_with_openpyxl_rows_equal_to_the_total(client):
    response = client.get("/api/search?q=kh%C3%B4ng+gian+m%E1%BA%A1ng&format=xlsx")
    assert (response.status_code, response.headers["Content-Type"]) == (200, XLSX)
    assert response.headers["Content-Disposition"] == (
        "attachment; filename=\"tim-kiem-khong_gian_mang.xlsx\"; "
        "filename*=UTF-8''t%C3%ACm-ki%E1%BA%BFm-kh%C3%B4ng_gian_m%E1%BA%A1ng.xlsx")
    rows = xlsx_rows(response.data)
    total = client.get("/api/search?q=kh%C3%B4ng+gian+m%E1%BA%A1ng").get_json()["total"]
    assert (rows[0], len(rows) - 1) == (tuple(LABELS), total)
    plan = next(r for r in rows if r[0] == KG_PLAN)
    assert plan[1:9] == ("Kế hoạch", "46-KH/BTGTU", datetime(2021, 6, 8), 2021, "Ban Tuyên giáo Tỉnh ủy Kiên Giang",
                         "Kiên Giang", plan[7], 1)
    assert plan[9] == "http://127.0.0.1:5000/doc/corpus/004_2a738f3429698ec1.txt%231"
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert book["Văn bản"].cell(row=2, column=10).hyperlink.target.startswith("http://127.0.0.1:5000/doc/")
    about = dict(xlsx_rows(response.data, "Thông tin"))
    assert (about["Tìm kiếm"], about["Số văn bản khớp"], about["Trong tệp này"]) == ("“không gian mạng”", "3", "3")
    assert about["Trang tìm kiếm"] == "http://127.0.0.1:5000/?q=kh%C3%B4ng+gian+m%E1%BA%A1ng"


def test_the_citing_list_as_csv_and_xlsx(client):
    rows = csv_rows(client.get("/api/cites?ref=nghi+quyet+35&format=csv").data)
    assert rows[0] == KEYS + ["kind", "count", "passage"]
    assert [(r[0], r[10], r[11]) for r in rows[1:]] == [(LAI_CHAU, "implements", "3"), (NGOC_HOI, "implements", "8"),
                                                        (HAI_DUONG_150, "implements", "27")]
    response = client.get("/cites/35-NQ%2FTW?format=xlsx&year=2019")
    assert response.headers["Content-Disposition"].endswith("filename*=UTF-8''tr%C3%ADch-d%E1%BA%ABn-35-NQ_TW.xlsx")
    sheet = xlsx_rows(response.data)
    assert [(r[0], r[10], r[11]) for r in sheet[1:]] == [(NGOC_HOI, "implements", 8), (HAI_DUONG_150, "implements", 27)]


@pytest.mark.parametrize("url,message", [
    ("/api/search?format=xls", "Định dạng tải về không hợp lệ: 'xls' (chọn: csv, xlsx)."),
    ("/api/search?format=csv&date_to=2019-02-30", "Ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ 1900 "
                                                  "đến 2100 (nhận được: '2019-02-30')."),
    ("/api/search?date_from=2019&date_from=2020", "“Từ ngày” chỉ nhận một giá trị (nhận được 2)."),
    ("/api/cites?ref=35-NQ/TW&format=pdf", "Định dạng tải về không hợp lệ: 'pdf' (chọn: csv, xlsx)."),
])
def test_bad_values_are_a_400_with_the_shared_message(client, url, message):
    response = client.get(url)
    assert (response.status_code, response.get_json()) == (400, {"error": message, "status": 400})


def test_a_file_holds_at_most_the_limit_and_says_how_many_matched(index_dir):
    table = search_table(index_dir, BASE_URL, "", {}, "date", limit=2)
    assert (len(table.rows), table.total) == (2, 6)
    assert dict(table.about)["Trong tệp này"] == "2 (tối đa 2)"


def test_formula_looking_cells_stay_text_and_control_characters_are_dropped(tmp_path):
    (tmp_path / "c").mkdir()
    records = [{"id": "x", "text": "Kế hoạch về chuyển đổi số.", "doc_type": "=cmd|' /C calc'!A0", "date": "2024-01-05",
                "title": "=HYPERLINK(\"http://x\",\"bấm\")\x01\x0b", "issuer": "+Ủy ban", "number": "-12/KH"},
               {"id": "y", "text": "Công văn về chuyển đổi số.", "title": "@SUM(1)", "issuer": "\tTab"}]
    (tmp_path / "c" / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    build_index([tmp_path / "c"], tmp_path / "ix")
    table = search_table(tmp_path / "ix", BASE_URL, "chuyển đổi số", {}, "date")
    rows = csv_rows(table.to_csv().encode("utf-8"))
    assert [(r[1], r[2], r[5], r[7]) for r in rows[1:]] == [
        ("'=cmd|' /C calc'!A0", "'-12/KH", "'+Ủy ban", "'=HYPERLINK(\"http://x\",\"bấm\")\x01"),  # \x0b: a line end
        ("", "", "Tab", "'@Sum(1)")]  # (a title in capitals is written in sentence case)  # the given issuer is stripped
    book = openpyxl.load_workbook(io.BytesIO(table.to_xlsx()))
    cells = [(c.value, c.data_type) for c in book["Văn bản"][2]][1:8]
    assert cells == [("'=cmd|' /C calc'!A0", "s"), ("'-12/KH", "s"), (datetime(2024, 1, 5), "d"), (2024, "n"),
                     ("'+Ủy ban", "s"), (None, "n"), ("'=HYPERLINK(\"http://x\",\"bấm\")", "s")]


def test_vanban_search_and_cites_export(index_dir, tmp_path, capsys):
    assert main(["search", "--index", str(index_dir), "--from", "2019", "--to", "2019", "--export", "csv"]) == 0
    out, err = capsys.readouterr()
    assert ([r[0] for r in csv_rows(out.encode("utf-8"))[1:]], err) == ([NGOC_HOI, HAI_DUONG_150], "")
    target = tmp_path / "ket-qua.xlsx"
    assert main(["search", "không gian mạng", "--index", str(index_dir), "--export", "xlsx", "--output", str(target),
                 "--base-url", "https://vanban.example.vn"]) == 0
    rows = xlsx_rows(target.read_bytes())
    assert (len(rows) - 1, rows[1][9].startswith("https://vanban.example.vn/doc/")) == (3, True)
    assert main(["search", "--index", str(index_dir), "--export", "xlsx", "--output", str(target)]) == 1
    assert capsys.readouterr().err == f"đã ghi {target}\nvanban: lỗi: {target} đã có: dùng --force để ghi đè\n"
    assert main(["cites", "35-NQ/TW", "--index", str(index_dir), "--export", "csv"]) == 0
    assert len(csv_rows(capsys.readouterr().out.encode("utf-8"))) == 4
    assert main(["search", "--index", str(index_dir), "--export", "pdf"]) == 2
    assert capsys.readouterr().err == ("vanban: lỗi: --export: Định dạng tải về không hợp lệ: 'pdf' "
                                       "(chọn: csv, xlsx).\n")


# LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, cells as shown, every sheet.
LIBREOFFICE_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
def test_libreoffice_opens_the_xlsx_with_its_vietnamese_text_intact(client, tmp_path):
    (tmp_path / "ket-qua.xlsx").write_bytes(client.get("/api/search?sort=date&format=xlsx").data)
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", LIBREOFFICE_CSV, "--outdir", str(tmp_path), str(tmp_path / "ket-qua.xlsx")],
                   check=True, capture_output=True, timeout=300)
    shown = list(csv.reader(io.StringIO((tmp_path / "ket-qua-Văn bản.csv").read_text(encoding="utf-8"))))
    written = csv_rows(client.get("/api/search?sort=date&format=csv").data)
    assert shown[0] == LABELS
    assert [(r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9]) for r in shown[1:]] == [
        (r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9]) for r in written[1:]]
    assert [r[3] for r in shown[1:]] == ["", "", "21/06/2021", "08/06/2021", "", "15/05/2019"]  # days as days


def test_the_download_formats_are_one_list(index_dir, capsys):
    assert (TABLE_FORMATS, tuple(WRITERS), DOWNLOAD_FORMATS, sorted(MIMETYPES)) == (
        ("csv", "xlsx"), ("csv", "xlsx"), ("csv", "xlsx", "json"), ["csv", "json", "xlsx"])
    table = search_table(index_dir, BASE_URL, "", {"year": ["2019"]})
    assert (table.as_file("csv"), table.as_file("xlsx")[:2]) == (table.to_csv(), b"PK")
    with pytest.raises(Invalid) as raised:
        table.as_file("json")
    assert str(raised.value) == "Định dạng tải về không hợp lệ: 'json' (chọn: csv, xlsx)."
    assert main(["search", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--export csv|xlsx mọi kết quả (tối đa 10.000 văn bản) thành bảng CSV hoặc Excel" in help_text
