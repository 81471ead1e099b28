"""Hostile and broken files: each is refused with its reason, or read in part with a warning, in
bounded time and memory (issue 13). Every file is made here, small on disk."""

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator

import docx
import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from helpers import CORPUS, SHARED_DATA
from PIL import Image, ImageDraw, ImageFont

from indexer.readers import ReadResult, UnreadableFile, limits, read_text, unrepairable, without_mojibake
from indexer.readers.legacy import encode_tcvn3, encode_vni
from indexer.readers.limits import MAX_FILE_BYTES, MB
from indexer.readers.ocr import tesseract_ready


@pytest.mark.parametrize("name", ["huge.txt", "huge.md", "huge.html"])
def test_a_text_file_over_the_size_cap_is_refused_unread(tmp_path, name):
    with open(tmp_path / name, "wb") as f:
        f.truncate(MAX_FILE_BYTES + MB)  # sparse: nothing written, nothing to read
    with pytest.raises(UnreadableFile, match="^tệp quá lớn để đọc: 65 MB \\(giới hạn 64 MB\\)$"):
        read_text(tmp_path / name)


# --- .docx -------------------------------------------------------------------------------------

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
BOMB = 60 * MB // len(PARAGRAPH)  # paragraphs in 60 MB: a zip of 0.2 MB


def blank_docx_parts() -> dict[str, bytes]:
    """The parts of python-docx's blank document, by name."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def document_xml(*chunks: bytes) -> Iterator[bytes]:
    yield b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ' + W + b"><w:body>"
    yield from chunks
    yield b"</w:body></w:document>"


def write_zip(path, parts: dict[str, bytes | Iterable[bytes]]):
    """A zip of the given parts, each deflated as it is written (a part may come in chunks)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            with package.open(name, "w") as part:
                for chunk in [content] if isinstance(content, bytes) else content:
                    part.write(chunk)


def write_docx_with(path, parts: dict[str, bytes | Iterable[bytes]]):
    """python-docx's blank document with some parts replaced or added."""
    write_zip(path, blank_docx_parts() | parts)


def repeat(chunk: bytes, times: int) -> Iterator[bytes]:
    for _ in range(times // 10_000):
        yield chunk * 10_000
    yield chunk * (times % 10_000)


def local_header(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.getinfo(name).header_offset


def declare_size(path, name: str, size: int):
    """Make the zip declare another uncompressed size for a part, in its local header and its directory."""
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, local_header(data, name) + 22, size)
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46:entry + 46 + len(name)] != name.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, size)
    path.write_bytes(bytes(data))


def test_docx_bomb_is_refused_on_its_declared_size(tmp_path):
    # Before python-docx parses it: 60 MB of paragraphs took minutes and gigabytes there.
    write_docx_with(tmp_path / "bomb.docx", {"word/document.xml": document_xml(*repeat(PARAGRAPH, BOMB))})
    assert (tmp_path / "bomb.docx").stat().st_size < MB
    with pytest.raises(UnreadableFile, match="^tệp .docx quá lớn: word/document.xml giải nén ra 60 MB "
                                             "\\(giới hạn 32 MB\\)$"):
        read_text(tmp_path / "bomb.docx")


def test_docx_that_lies_about_its_size_is_refused_as_broken(tmp_path):
    # 60 MB of paragraphs declared as 10 kB: zipfile stops at what is declared, and the CRC tells.
    write_docx_with(tmp_path / "liar.docx", {"word/document.xml": document_xml(*repeat(PARAGRAPH, BOMB))})
    declare_size(tmp_path / "liar.docx", "word/document.xml", 10_000)
    with pytest.raises(UnreadableFile, match="^tệp .docx hỏng hoặc không phải Word 2007\\+: "
                                             "Bad CRC-32 for file 'word/document.xml'$"):
        read_text(tmp_path / "liar.docx")


def test_docx_with_too_many_paragraphs_is_refused(tmp_path):
    write_docx_with(tmp_path / "many.docx", {"word/document.xml": document_xml(*repeat(b"<w:p/>", 250_000))})
    with pytest.raises(UnreadableFile, match="^tệp .docx có quá nhiều đoạn văn: hơn 200.000 đoạn trong "
                                             "word/document.xml$"):
        read_text(tmp_path / "many.docx")


def test_docx_whose_other_xml_parts_inflate_past_the_cap_is_refused(tmp_path):
    styles = blank_docx_parts()["word/styles.xml"]
    padded = [styles.replace(b"?>", b"?><!--", 1), *repeat(b"-", 65 * MB), b"-->"]  # a 65 MB comment
    write_docx_with(tmp_path / "styles.docx", {"word/styles.xml": padded})
    with pytest.raises(UnreadableFile, match="^tệp .docx quá lớn: các phần XML giải nén ra 65,8 MB "
                                             "\\(giới hạn 64 MB\\)$"):
        read_text(tmp_path / "styles.docx")


def test_docx_declaring_a_huge_picture_is_refused(tmp_path):
    write_docx_with(tmp_path / "photo.docx", {"word/media/image1.png": b"\x89PNG"})
    declare_size(tmp_path / "photo.docx", "word/media/image1.png", 600 * MB)
    with pytest.raises(UnreadableFile, match="^tệp .docx quá lớn: giải nén ra 600,8 MB \\(giới hạn 512 MB\\)$"):
        read_text(tmp_path / "photo.docx")


def test_docx_with_a_corrupt_deflate_stream_is_refused(tmp_path):
    write_docx_with(tmp_path / "corrupt.docx", {"word/document.xml": document_xml(PARAGRAPH * 100)})
    data = bytearray((tmp_path / "corrupt.docx").read_bytes())
    start = local_header(data, "word/document.xml")
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    data[start + 30 + name_length + extra_length] |= 0b110  # the first block's type becomes 3: reserved
    (tmp_path / "corrupt.docx").write_bytes(bytes(data))
    with pytest.raises(UnreadableFile, match="^tệp .docx hỏng hoặc không phải Word 2007\\+: "
                                             "Error -3 while decompressing data: invalid block type$"):
        read_text(tmp_path / "corrupt.docx")


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    (tmp_path / "text.docx").write_bytes("Kế hoạch".encode())
    with pytest.raises(UnreadableFile, match="^tệp .docx hỏng hoặc không phải Word 2007\\+: File is not a zip file$"):
        read_text(tmp_path / "text.docx")


def test_docx_whose_main_part_is_a_presentation_is_refused(tmp_path):
    types = blank_docx_parts()["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"presentationml.presentation.main+xml")
    write_docx_with(tmp_path / "slides.docx", {"[Content_Types].xml": types})
    with pytest.raises(UnreadableFile, match="^tệp .docx không phải văn bản Word: phần chính là bản trình chiếu "
                                             "PowerPoint$"):
        read_text(tmp_path / "slides.docx")


def test_docx_with_broken_xml_is_refused(tmp_path):
    write_docx_with(tmp_path / "cut.docx", {"word/document.xml": b"<w:document " + W + b"><w:body><w:p>"})
    with pytest.raises(UnreadableFile, match="^tệp .docx hỏng hoặc không phải Word 2007\\+: Premature end of data"):
        read_text(tmp_path / "cut.docx")


def test_docx_tables_without_a_grid_are_read_by_their_rows(tmp_path):
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    header.cell(0, 0).add_paragraph("Số: 12/QĐ-UBND")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table._cells, ["STT", "Nội dung", "Thời hạn", "1", "Tuyên truyền", "Quý II"]):
        cell.text = text
    for each in document.tables:
        each._tbl.remove(each._tbl.tblGrid)
    document.save(tmp_path / "nogrid.docx")
    assert read_text(tmp_path / "nogrid.docx") == ReadResult(
        "ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "KẾ HOẠCH\nSTT\tNội dung\tThời hạn\n1\tTuyên truyền\tQuý II", "docx")


# --- PDF ---------------------------------------------------------------------------------------

needs_tesseract = pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data is not installed")
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SCANNED_LINES = ["KẾ HOẠCH", "Tuyên truyền Nghị quyết số 35-NQ/TW", "của Đảng"]
TEXT_PAGE = (595, 842, b"BT /F1 12 Tf 72 720 Td (Ke hoach tuyen truyen nam 2024) Tj ET")


def image_page(width: float, height: float) -> tuple[float, float, bytes]:
    """A page of width x height points covered by one grey pixel: a scan, to the reader."""
    return width, height, b"q %g 0 0 %g 0 0 cm /Im1 Do Q" % (width, height)


def raw_pdf(path, pages: list[tuple[float, float, bytes]]):
    """A PDF written by hand: each page its size and content stream, sharing Helvetica (/F1) and a 1x1 image (/Im1)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (6 + 2 * i)
                                                                       for i in range(len(pages))), len(pages)),
               b"<< /Font << /F1 4 0 R >> /XObject << /Im1 5 0 R >> >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
               b"/Length 1 >>\nstream\n\x80\nendstream"]
    for number, (width, height, content) in enumerate(pages):
        packed = zlib.compress(content)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources 3 0 R /Contents %d 0 R >>"
                       % (width, height, 7 + 2 * number))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed))
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n%s" % (len(objects) + 1, b"".join(b"%010d 00000 n \n" % o for o in offsets))
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(data))


@needs_tesseract
@pytest.mark.parametrize("side", [14_400, 200_000])
def test_a_scanned_page_too_large_to_ocr_is_left_out(tmp_path, side):
    # At 300 dpi a 14,400-point page is 3.6 billion pixels (minutes, gigabytes); 200,000 points ran out of memory.
    raw_pdf(tmp_path / "poster.pdf", [TEXT_PAGE, image_page(side, side)])
    assert read_text(tmp_path / "poster.pdf") == ReadResult(
        "Ke hoach tuyen truyen nam 2024", "pdf", warning="chỉ nhận dạng được 0 trong 1 trang quét: trang 2 quá khổ: "
                                                         "dưới 100 dpi trong giới hạn 20 triệu điểm ảnh")


@needs_tesseract
def test_a_pdf_that_is_one_oversized_scan_is_refused(tmp_path):
    raw_pdf(tmp_path / "poster.pdf", [image_page(14_400, 14_400)])
    with pytest.raises(UnreadableFile, match="^PDF là bản quét, không đọc được chữ: chỉ nhận dạng được 0 trong 1 "
                                             "trang quét: trang 1 quá khổ: dưới 100 dpi trong giới hạn 20 triệu "
                                             "điểm ảnh$"):
        read_text(tmp_path / "poster.pdf")


def write_scan_of(path, lines: list[str], page_format: str | tuple[float, float] = "A4"):
    """A PDF whose one page is a picture of the lines, as a scanner makes it, filling the page's width."""
    image = Image.new("L", (2480, 200 + 120 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((100, 100 + 120 * number), line, font=ImageFont.truetype(DEJAVU, 64), fill=0)
    pdf = FPDF(unit="pt", format=page_format)
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=pdf.w)
    pdf.output(str(path))


@needs_tesseract
def test_a_large_scanned_page_is_read_at_a_lower_dpi(tmp_path):
    # A2 at 300 dpi is 27.8 million pixels, over the cap: it is rendered at 227 dpi.
    write_scan_of(tmp_path / "a2.pdf", SCANNED_LINES, (1191, 1684))
    result = read_text(tmp_path / "a2.pdf")
    lines = [line for line in result.text.split("\n") if line]  # Tesseract puts blank lines between blocks
    assert (result.ocr, result.warning, lines) == (True, "", SCANNED_LINES)


@needs_tesseract
def test_ocr_stops_when_its_time_is_spent_and_says_how_far_it_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "OCR_BUDGET_SECONDS", 0)  # spent before the first page: no timed test
    raw_pdf(tmp_path / "mixed.pdf", [TEXT_PAGE, image_page(595, 842), image_page(595, 842)])
    assert read_text(tmp_path / "mixed.pdf") == ReadResult(
        "Ke hoach tuyen truyen nam 2024", "pdf", warning="chỉ nhận dạng được 0 trong 2 trang quét: hết 0 giây dành "
                                                         "cho nhận dạng chữ một tệp")


@needs_tesseract
def test_ocr_stops_at_the_page_limit_keeping_what_it_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_OCR_PAGES", 1)
    write_scan_of(tmp_path / "one.pdf", SCANNED_LINES)
    two = pdfium.PdfDocument(str(tmp_path / "one.pdf"))
    two.import_pages(pdfium.PdfDocument(str(tmp_path / "one.pdf")))
    two.save(tmp_path / "two.pdf")
    result = read_text(tmp_path / "two.pdf")
    lines = [line for line in result.text.split("\n") if line]
    assert (result.ocr, result.warning, lines) == (
        True, "chỉ nhận dạng được 1 trong 2 trang quét: giới hạn 1 trang quét một tệp", SCANNED_LINES)


def test_a_text_layer_past_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_TEXT_CHARS", 50)  # the real cap is 16 million: 35 s of pdfium
    raw_pdf(tmp_path / "long.pdf", [TEXT_PAGE] * 3)  # 30 characters a page
    with pytest.raises(UnreadableFile, match="^lớp chữ của PDF quá dài: hơn 50 ký tự ở 2 trang đầu$"):
        read_text(tmp_path / "long.pdf")


def test_pages_past_the_page_limit_are_left_out_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    raw_pdf(tmp_path / "long.pdf", [TEXT_PAGE] * 3)
    assert read_text(tmp_path / "long.pdf") == ReadResult(
        "Ke hoach tuyen truyen nam 2024\n\nKe hoach tuyen truyen nam 2024", "pdf",
        warning="chỉ đọc 2 trang đầu trong 3 trang")


# --- mojibake ----------------------------------------------------------------------------------

PASSAGE = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUYẾT ĐỊNH",
           "Về việc ban hành Kế hoạch tuyên truyền Nghị quyết số 35-NQ/TW của Bộ Chính trị",
           "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện trong năm 2024.",
           "Điều 2. Quyết định có hiệu lực kể từ ngày ký; các đồng chí ủy viên chịu trách nhiệm thi hành."]


def saved_as_windows1252(text: str, lost: str = "?") -> str:
    """UTF-8 shown as Windows-1252 and saved again: the five bytes it does not define become `lost`."""
    return "".join(lost if b in b"\x81\x8d\x8f\x90\x9d" else bytes([b]).decode("cp1252") for b in text.encode())


def write_lines(path, lines: list[str]):
    """The lines in a file of the kind its suffix says, as staff's tools save it."""
    if path.suffix in (".txt", ".md"):
        path.write_text("\n".join(lines), encoding="utf-8")
    elif path.suffix == ".html":
        path.write_text("<meta charset='utf-8'>" + "".join(f"<p>{line}</p>" for line in lines), encoding="utf-8")
    elif path.suffix in (".docx", ".doc"):  # a .doc that is really a .docx goes through the same reader
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    else:
        pdf = FPDF()
        pdf.add_page()
        pdf.add_font("DejaVu", fname=DEJAVU)
        pdf.set_font("DejaVu", size=9)
        for line in lines:
            pdf.cell(h=8, text=line, new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))


@pytest.mark.parametrize("name", ["lossy.txt", "lossy.md", "lossy.html", "lossy.docx", "lossy.doc", "lossy.pdf"])
def test_mojibake_that_lost_bytes_is_refused_in_every_format(tmp_path, name):
    write_lines(tmp_path / name, [saved_as_windows1252(line) for line in PASSAGE])
    with pytest.raises(UnreadableFile, match="^văn bản hỏng mã hóa \\(UTF-8 bị đọc nhầm thành Windows-1252, "
                                             "mất ký tự\\), không sửa được$"):
        read_text(tmp_path / name)


def test_mojibake_whose_lost_bytes_became_replacement_characters_is_refused(tmp_path):
    (tmp_path / "lossy.txt").write_text(saved_as_windows1252("\n".join(PASSAGE), lost="\ufffd"), encoding="utf-8")
    with pytest.raises(UnreadableFile, match="^văn bản hỏng mã hóa"):
        read_text(tmp_path / "lossy.txt")


@pytest.mark.parametrize("name", ["whole.txt", "whole.html", "whole.docx", "whole.pdf"])
def test_mojibake_with_every_byte_is_undone_in_every_format(tmp_path, name):
    # No letter of these ends in a byte Windows-1252 leaves undefined, so nothing was lost.
    lines = ["Nghị quyết số 35-NQ/TW của Bộ Chính trị", "Quyết định thành lập Ban chỉ đạo của tỉnh"]
    write_lines(tmp_path / name, [saved_as_windows1252(line) for line in lines])
    assert read_text(tmp_path / name).text == "\n".join(lines)


def test_mojibake_whose_no_break_spaces_became_spaces_is_undone(tmp_path):
    # `à` shows as `Ã` and a no-break space, which an editor makes a space (or drops at the end of a
    # line): that byte is not lost.
    lines = ["Quyết định thành lập Ban chỉ đạo và", "giao nhiệm vụ đã ban hành"]
    damaged = [saved_as_windows1252(line).replace("\xa0", " ").rstrip() for line in lines]
    assert damaged == ["Quyáº¿t Ä‘á»‹nh thÃ nh láº­p Ban chá»‰ Ä‘áº¡o vÃ", "giao nhiá»‡m vá»¥ Ä‘Ã£ ban hÃ nh"]
    (tmp_path / "spaces.txt").write_text("\n".join(damaged), encoding="utf-8")
    assert read_text(tmp_path / "spaces.txt").text == "\n".join(lines)


def test_a_few_lines_that_lost_bytes_are_kept_with_the_lost_letters_marked(tmp_path):
    # In 24 lines, one was saved whole as Windows-1252 and one lost bytes (`ề` twice): the first is
    # repaired, the second keeps all but its lost letters, and no mojibake is left to index.
    lines = PASSAGE * 4
    damaged = [*lines[:3], saved_as_windows1252(lines[3]), *lines[4:6],
               saved_as_windows1252("Nghị quyết số 35-NQ/TW của Bộ Chính trị"), *lines[7:]]
    (tmp_path / "some.txt").write_text("\n".join(damaged), encoding="utf-8")
    assert read_text(tmp_path / "some.txt").text == "\n".join(
        [*lines[:3], "V\ufffd việc ban hành Kế hoạch tuyên truy\ufffdn Nghị quyết số 35-NQ/TW của Bộ Chính trị",
         *lines[4:6], "Nghị quyết số 35-NQ/TW của Bộ Chính trị", *lines[7:]])


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni], ids=["TCVN3", "VNI"])
def test_legacy_encodings_are_never_taken_for_mojibake(tmp_path, encode):
    (tmp_path / "old.txt").write_bytes(encode("\n".join(PASSAGE)).encode("latin-1"))
    assert (read_text(tmp_path / "old.txt").text, unrepairable(encode("\n".join(PASSAGE)))) == ("\n".join(PASSAGE), None)


def test_real_texts_are_never_refused_nor_changed():
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.iterdir())]
    for name in ["gazette_dev", "local_dev"]:  # the dev corpora, where this checkout has them
        records = SHARED_DATA / name / "documents.jsonl"
        if records.exists():
            texts += [json.loads(line)["text"] for line in records.read_text(encoding="utf-8").split("\n") if line]
    assert [without_mojibake(text) for text in texts] == [(text, None) for text in texts]


def test_records_are_checked_one_by_one():
    assert [unrepairable(text) for text in ["Nghị quyết số 35", saved_as_windows1252("Nghị quyết số 35"),
                                            saved_as_windows1252("Điều 1. Về việc"), "Ã‰"]] == [
        None, None, "văn bản hỏng mã hóa (UTF-8 bị đọc nhầm thành Windows-1252, mất ký tự), không sửa được",
        None]


def test_a_long_tcvn3_text_on_one_line_is_converted(tmp_path):
    # Detection judges a sample of it, and the capitals are put back in one pass over the line.
    line = " ".join(PASSAGE[:3]) + " "
    (tmp_path / "oneline.txt").write_bytes(encode_tcvn3(line * 2_500).encode("latin-1"))  # 205,000 characters
    assert read_text(tmp_path / "oneline.txt").text == line * 2_500
