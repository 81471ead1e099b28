"""Reading real files: Word, PDF (text and scanned), web pages, TCVN3/VNI text, and what is refused."""

import json
import os
import unicodedata

import docx
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

from indexer.builder.index import build_index
from indexer.extract.corpus import Document, Skipped, list_files, read_file
from indexer.readers import ReadResult, UnreadableFile, read_text
from indexer.readers.legacy import encode_tcvn3, encode_vni
from indexer.readers.ocr import tesseract_ready
from indexer.readers.vietnamese import TONE_MARKS
from indexer.searching import search

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PDF_LINES = ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "KẾ HOẠCH", "thực hiện Nghị quyết số 35-NQ/TW",
             "về tăng cường bảo vệ nền tảng tư tưởng của Đảng"]
# No capital toned letter in a mixed-case line: TCVN3 has no code for one (the `.VnTimeH` font
# draws capitals), so only all-capital lines can be restored.
SENTENCE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐ-UBND\n"
            "Kế hoạch thực hiện Nghị quyết số 35-NQ/TW về tăng cường bảo vệ nền tảng tư tưởng của Đảng, "
            "khuya, người, giữa, quốc, tuyên truyền")


def read_dir(path):
    return [item for f in list_files([path]) for item in read_file(f)]


def write_docx(path, body_text="Về việc ban hành Kế hoạch tuyên truyền"):
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    header.cell(0, 0).add_paragraph("TỈNH BẮC NINH")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text = "Số: 12/QĐ-UBND"
    header.cell(1, 1).text = "Bắc Ninh, ngày 15 tháng 5 năm 2024"
    document.add_paragraph("QUYẾT ĐỊNH")
    document.add_paragraph(body_text)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table._cells, ["STT", "Nội dung", "Thời hạn", "1", "Tuyên truyền", "Quý II"]):
        cell.text = text
    document.save(path)


def write_pdf(path, lines=PDF_LINES):
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=DEJAVU)
    pdf.set_font("DejaVu", size=16)
    for line in lines:
        pdf.cell(h=10, text=line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_scan(text_pdf, path):
    """A PDF holding only a picture of text_pdf's first page, as a scanner makes."""
    image = path.with_suffix(".png")
    document = pdfium.PdfDocument(str(text_pdf))
    document[0].render(scale=300 / 72).to_pil().save(image)
    document.close()
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=0, y=0, w=pdf.w)
    pdf.output(str(path))
    image.unlink()


def test_docx_header_table_by_column_then_body_and_table_by_row(tmp_path):
    write_docx(tmp_path / "qd.docx")
    assert read_text(tmp_path / "qd.docx") == ReadResult(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 12/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 15 tháng 5 năm 2024\n"
        "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch tuyên truyền\n"
        "STT\tNội dung\tThời hạn\n1\tTuyên truyền\tQuý II", "docx")


def test_docx_typed_in_a_tcvn3_font_is_converted(tmp_path):
    write_docx(tmp_path / "vntime.docx", body_text=encode_tcvn3("Về việc tăng cường bảo vệ nền tảng tư tưởng"))
    lines = read_text(tmp_path / "vntime.docx").text.split("\n")
    assert lines[6:8] == ["QUYẾT ĐỊNH", "Về việc tăng cường bảo vệ nền tảng tư tưởng"]


def test_pdf_text_layer_page_by_page(tmp_path):
    write_pdf(tmp_path / "kh.pdf")
    assert read_text(tmp_path / "kh.pdf") == ReadResult("\n".join(PDF_LINES), "pdf")


def test_scanned_pdf_is_ocr_read(tmp_path):
    if not tesseract_ready():
        pytest.skip("tesseract with Vietnamese data (Debian: tesseract-ocr-vie) is not installed")
    write_pdf(tmp_path / "kh.pdf")
    write_scan(tmp_path / "kh.pdf", tmp_path / "scan.pdf")
    result = read_text(tmp_path / "scan.pdf")
    assert (result.format, result.ocr) == ("pdf", True)
    for words in ["ỦY BAN NHÂN DÂN", "KẾ HOẠCH", "Nghị quyết số 35-NQ/TW", "nền tảng tư tưởng của Đảng"]:
        assert words in result.text


def test_scanned_pdf_without_tesseract_says_what_to_install(tmp_path, monkeypatch):
    write_pdf(tmp_path / "kh.pdf")
    write_scan(tmp_path / "kh.pdf", tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path))  # tesseract is nowhere on this PATH
    tesseract_ready.cache_clear()
    try:
        with pytest.raises(UnreadableFile, match="^PDF là bản quét, không có lớp chữ: cần cài tesseract-ocr và "
                                                 "tesseract-ocr-vie để nhận dạng chữ \\(OCR\\)$"):
            read_text(tmp_path / "scan.pdf")
    finally:
        tesseract_ready.cache_clear()


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni], ids=["TCVN3", "VNI"])
def test_legacy_encoded_text_round_trips_to_unicode(tmp_path, encode):
    (tmp_path / "old.txt").write_bytes(encode(SENTENCE).encode("latin-1"))
    assert read_text(tmp_path / "old.txt") == ReadResult(SENTENCE, "txt")


def test_tcvn3_pasted_into_a_utf8_file_is_converted(tmp_path):
    pasted = encode_tcvn3("Kế hoạch thực hiện Nghị quyết") + "\nNội dung đã là Unicode: hòa bình"
    (tmp_path / "pasted.md").write_text(pasted, encoding="utf-8")
    assert read_text(tmp_path / "pasted.md").text == "Kế hoạch thực hiện Nghị quyết\nNội dung đã là Unicode: hòa bình"


def test_unicode_lines_of_latin1_letters_stay_when_a_tcvn3_line_is_converted(tmp_path):
    # catdoc leaves TCVN3 debris in a Unicode text; `THÔNG BÁO` and `các` hold only Latin-1 letters,
    # and TCVN3 would read them as `THỄNG BÁO` and `cỏc`.
    text = ("ỦY BAN NHÂN DÂN\nTHÔNG BÁO\nV/v các hội\n" + encode_tcvn3("Kế hoạch thực hiện Nghị quyết") + "\n"
            "Nội dung của Ủy ban nhân dân tỉnh")
    (tmp_path / "catdoc.txt").write_text(text, encoding="utf-8")
    assert read_text(tmp_path / "catdoc.txt").text == (
        "ỦY BAN NHÂN DÂN\nTHÔNG BÁO\nV/v các hội\nKế hoạch thực hiện Nghị quyết\nNội dung của Ủy ban nhân dân tỉnh")


def as_windows1252(data: bytes) -> str:
    """Bytes as Windows shows them in code page 1252 (its five unassigned bytes kept as C1 codes)."""
    return "".join(chr(b) if b in b"\x81\x8d\x8f\x90\x9d" else bytes([b]).decode("cp1252") for b in data)


def as_windows1258(text: str) -> bytes:
    """Text in code page 1258: letters precomposed up to their tone, the tone a separate code."""
    letters = (unicodedata.normalize("NFD", c) for c in text)
    split = ((unicodedata.normalize("NFC", "".join(m for m in d if m not in TONE_MARKS)),
              "".join(m for m in d if m in TONE_MARKS)) for d in letters)
    return "".join(base + tone for base, tone in split).encode("cp1258")


def test_utf8_read_as_windows1252_and_saved_again_is_undone(tmp_path):
    # The classic "Nghá»‹ quyáº¿t": UTF-8 bytes shown as Windows-1252, then saved as UTF-8.
    (tmp_path / "twice.txt").write_text(as_windows1252("Nghị quyết số 35 về Đảng".encode()), encoding="utf-8")
    assert read_text(tmp_path / "twice.txt").text == "Nghị quyết số 35 về Đảng"


def test_latin1_mojibake_is_refused_not_indexed(tmp_path):
    # Windows-1258 (tones as separate codes) read byte for byte as Latin-1 is neither TCVN3 nor VNI.
    (tmp_path / "mojibake.txt").write_bytes(as_windows1258("Nghị quyết số 35 về tăng cường"))
    with pytest.raises(UnreadableFile, match="^không phải văn bản đọc được: trông như bảng mã lạ"):
        read_text(tmp_path / "mojibake.txt")


def test_crlf_cr_and_control_characters(tmp_path):
    (tmp_path / "dos.txt").write_bytes("dòng một\r\ndòng hai\rdòng\x00 ba\x0c\n".encode())
    assert read_text(tmp_path / "dos.txt").text == "dòng một\ndòng hai\ndòng ba\n"


def test_html_blocks_become_lines_and_scripts_are_dropped(tmp_path):
    page = ("<html><head><meta charset='utf-8'><title>Cổng thông tin</title><style>p {}</style></head><body>"
            "<h1>KẾ HOẠCH</h1><p>thực hiện <b>Nghị quyết</b>\n số 35</p><script>var a = 1;</script>"
            "<table><tr><td>1</td><td>Tuyên truyền</td></tr></table></body></html>")
    (tmp_path / "kh.html").write_text(page, encoding="utf-8")
    assert read_text(tmp_path / "kh.html") == ReadResult("KẾ HOẠCH\nthực hiện Nghị quyết số 35\n1\tTuyên truyền", "html")


def test_markdown_that_is_mostly_html_is_read_as_its_text(tmp_path):
    gfm = ("<table>\n<tbody>\n<tr>\n<td><p><strong>ỦY BAN NHÂN DÂN</strong></p>\n<p><strong>TỈNH LÂM ĐỒNG</strong></p>"
           "\n<p>Số: <strong>12</strong>/QĐ-UBND</p></td>\n<td><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p>"
           "\n<p><em>Lâm Đồng, ngày 30 tháng 6 năm 2025</em></p></td>\n</tr>\n</tbody>\n</table>\n\n**QUYẾT ĐỊNH**\n")
    (tmp_path / "qd.md").write_text(gfm, encoding="utf-8")
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><html><body><p>KẾ HOẠCH</p><p>số 35</p></body></html>",
                                       encoding="utf-8")
    (tmp_path / "note.md").write_text("**KẾ HOẠCH**\n\nNgày <u>28</u> tháng 02.\n\nNội dung.\n", encoding="utf-8")
    assert [read_text(tmp_path / name) for name in ("qd.md", "page.txt", "note.md")] == [
        ReadResult("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "Lâm Đồng, ngày 30 tháng 6 năm 2025\n\n\n**QUYẾT ĐỊNH**\n", "html"),
        ReadResult("KẾ HOẠCH\nsố 35", "html"),
        ReadResult("**KẾ HOẠCH**\n\nNgày <u>28</u> tháng 02.\n\nNội dung.\n", "md")]


def test_html_in_a_declared_charset_with_tcvn3_text(tmp_path):
    page = f"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>{encode_tcvn3('Hạnh phúc')}</p>"
    (tmp_path / "old.htm").write_bytes(page.encode("cp1252"))
    assert read_text(tmp_path / "old.htm") == ReadResult("Hạnh phúc", "htm")


def test_doc_goes_through_antiword(tmp_path):
    (tmp_path / "fake.doc").write_bytes(b"not a Word 97 file at all" * 40)
    with pytest.raises(UnreadableFile, match=r"^antiword không đọc được tệp \.doc: .*is not a Word Document"):
        read_text(tmp_path / "fake.doc")


def test_doc_without_antiword_says_what_to_install(tmp_path, monkeypatch):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    monkeypatch.setenv("PATH", str(tmp_path))  # antiword is nowhere on this PATH
    with pytest.raises(UnreadableFile, match="^cần cài antiword để đọc tệp .doc$"):
        read_text(tmp_path / "old.doc")


def test_doc_that_is_really_a_docx_is_read(tmp_path):
    write_docx(tmp_path / "renamed.doc")
    assert read_text(tmp_path / "renamed.doc").text.startswith("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 12/QĐ-UBND\n")


def test_unknown_kind_and_empty_jsonl_are_reported(tmp_path):
    (tmp_path / "bang.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "records.jsonl").write_bytes(b"")
    name = tmp_path.name
    assert read_dir(tmp_path) == [Skipped(f"{name}/bang.xlsx", "không đọc loại tệp .xlsx"),
                                  Skipped(f"{name}/records.jsonl", "tệp rỗng")]


def make_too_deep(folder, levels=22):
    """Nest folders past PATH_MAX (4096 bytes): listing the deepest fails even for root."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(levels):
        os.mkdir("d" * 200, dir_fd=fd)
        deeper = os.open("d" * 200, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(os.open("lost.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    os.close(fd)


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text("Kế hoạch tuyên truyền", encoding="utf-8")
    make_too_deep(tmp_path)
    items = read_dir(tmp_path)
    assert [i.id for i in items if isinstance(i, Document)] == [f"{tmp_path.name}/good.txt#0"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [(s.source.startswith(f"{tmp_path.name}/{'d' * 200}/"), s.source.endswith("/"), s.reason)
            for s in skipped] == [(True, True, "không đọc được: File name too long")]


def test_a_mixed_folder_builds_with_every_other_file_reported(tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "a.txt").write_text("KẾ HOẠCH\n\nvề chuyển đổi số", encoding="utf-8")
    (folder / "b.md").write_text("THÔNG BÁO\n\nvề lịch họp", encoding="utf-8")
    write_docx(folder / "c.docx")
    write_pdf(folder / "d.pdf")
    (folder / "e.html").write_text("<p>HƯỚNG DẪN</p><p>về thi đua khen thưởng</p>", encoding="utf-8")
    (folder / "f.jsonl").write_text(json.dumps({"id": "r1", "text": "Báo cáo tổng kết"}, ensure_ascii=False),
                                    encoding="utf-8")
    (folder / "g.xlsx").write_bytes(b"PK\x03\x04")
    report = build_index([folder], tmp_path / "ix")
    assert report.skipped == [Skipped("kho/g.xlsx", "không đọc loại tệp .xlsx")]
    hits = search(tmp_path / "ix", "", {}, page_size=100).hits
    assert sorted(h.id for h in hits) == ["kho/a.txt#0", "kho/b.md#0", "kho/c.docx#0", "kho/d.pdf#0",
                                          "kho/e.html#0", "kho/f.jsonl#r1"]


def test_documents_carry_their_format_and_original_path(tmp_path):
    write_pdf(tmp_path / "kh.pdf")
    [doc] = read_dir(tmp_path)
    assert (doc.format, doc.ocr, doc.path) == ("pdf", False, str((tmp_path / "kh.pdf").resolve()))


def test_docx_paragraph_text_is_python_docx_text(tmp_path):
    # word.py takes a paragraph's text with one compiled XPath; it must give what Paragraph.text gives.
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    paragraph = document.add_paragraph("Điều 1.\tPhạm vi")
    paragraph.add_run("dòng một").add_break()
    paragraph.add_run("dòng hai").add_break(WD_BREAK.PAGE)
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="rId9"><w:r><w:t>liên kết</w:t></w:r>'
                                  f'<w:r><w:noBreakHyphen/><w:cr/><w:ptab w:relativeTo="margin" w:alignment="right" '
                                  f'w:leader="none"/><w:t xml:space="preserve"> hết </w:t></w:r></w:hyperlink>'))
    document.add_paragraph("")
    document.save(tmp_path / "runs.docx")
    assert read_text(tmp_path / "runs.docx").text == "\n".join(p.text for p in document.paragraphs)
    assert read_text(tmp_path / "runs.docx").text == "Điều 1.\tPhạm vidòng một\ndòng hailiên kết-\n\t hết \n"
