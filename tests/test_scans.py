"""Scanned documents: what is read from the page around the handwriting, and from the file around it.

Real scans of ../shared/data/scans_dev (headers read by eye in its gold.jsonl) are indexed once for the
module: Tesseract reads each PDF once, in the build, as a user's corpus would be read. The header
slips Tesseract makes are checked on text alone, without OCR.
"""

import re
import shutil

import pytest
from helpers import SHARED_DATA

from indexer.builder.index import build_index
from indexer.extract.metadata import extract_one
from indexer.readers.ocr import tesseract_ready
from indexer.views.document import get_document

SCANS = SHARED_DATA / "scans_dev"
CHI_THI = "scans/CT-11-2025.pdf#0"  # number and day written by hand; a certified copy's `SAO Y` box
DECISION = "scans/QD-26-QD-XPVPHC-2026-Cuc-Hoa-chat-xu-phat-TNHH-TM-Hai-Dang.pdf#0"  # an `ĐẾN` stamp under `Số:`
LETTER = "scans/test AI 03.pdf#0"  # signed: the signature box is in the PDF's annotations
PERMIT = "scans/GP-2507-mo-da-Toong-Gia-Mien-Bac-ban-ky.pdf#0"  # typed in by the e-office system
FILES = ["CT-11-2025.pdf", "QD-26-QD-XPVPHC-2026-Cuc-Hoa-chat-xu-phat-TNHH-TM-Hai-Dang.pdf", "test AI 03.pdf",
         "GP-2507-mo-da-Toong-Gia-Mien-Bac-ban-ky.pdf"]



def needs_scans(test):
    """An OCR test: slow (the module's scans take some 25 s of Tesseract), and only where it can run."""
    for mark in (pytest.mark.slow,
                 pytest.mark.skipif(not tesseract_ready(), reason="tesseract with Vietnamese data is not installed"),
                 pytest.mark.skipif(not SCANS.is_dir(), reason="../shared/data/scans_dev is not there")):
        test = mark(test)
    return test


@pytest.fixture(scope="module")
def scans_build(tmp_path_factory):
    """Four scans of scans_dev under their original names, indexed (each PDF OCR'd once); the build's report."""
    folder = tmp_path_factory.mktemp("corpus") / "scans"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SCANS / name, folder / name)
    index = tmp_path_factory.mktemp("scans-index")
    return index, build_index([folder], index, engine="whoosh")


@pytest.fixture(scope="module")
def scans_index(scans_build):
    return scans_build[0]


def read(index, doc_id):
    view = get_document(index, doc_id)
    doc = view.doc
    return ((doc.doc_type, doc.number, doc.date, doc.issuer, doc.deduced), view.reading.as_dict())


# The build's warning when OCR's time for a file ran out (readers.ocr.Recognized.warning).
OUT_OF_TIME = re.compile(r"chỉ nhận dạng được (\d+) trong \d+ trang quét: hết \d+ giây")


def pages_read(report, doc_id: str, pages: list[dict]) -> list[dict]:
    """The pages a scan's reading lists: all of `pages`, or, on a machine so loaded that OCR's time for the
    file ran out (limits.OCR_BUDGET_SECONDS, said in the build's warning), the first ones the warning counts."""
    warned = [OUT_OF_TIME.match(s.reason) for s in report.skipped if s.source == doc_id.split("#")[0]]
    return pages[:next((int(w.group(1)) for w in warned if w), len(pages))]


@needs_scans
def test_a_handwritten_number_is_taken_from_the_file_name_and_marked_so(scans_build):
    scans_index, report = scans_build
    # `Số: M_ /CT-UBND`: the page prints the symbol, and the name `CT-11-2025` its type and year. The day is
    # written by hand too: the month and year printed are kept; the copy's `SAO Y` box is no signature.
    assert read(scans_index, CHI_THI) == (
        ("Chỉ thị", "11/CT-UBND", None, "Ủy ban nhân dân thành phố Hà Nội", ("number",)),
        {"sources": {"number": "filename", "date": "printed_year"}, "uncertain": ["date"], "partial_number": None,
         "partial_date": "2025-07", "signed_on": None, "ocr_confidence": 94,
         "ocr_pages": pages_read(report, CHI_THI, [{"page": 1, "confidence": 94}, {"page": 2, "confidence": 94},
                                                     {"page": 3, "confidence": 93}])})


@needs_scans
def test_an_incoming_stamp_is_not_taken_for_the_number_or_the_date(scans_build):
    scans_index, report = scans_build
    # The red `ĐẾN Số: 14708 Ngày: 20/7/2026` stamp stands right under `Số: 26 /QĐ-XPVPHC` (26 by hand).
    assert read(scans_index, DECISION) == (
        ("Quyết định", "26/QĐ-XPVPHC", None, "Cục Hóa chát", ("number",)),
        {"sources": {"number": "filename", "date": "printed_year"}, "uncertain": ["date"], "partial_number": None,
         "partial_date": "2026-07", "signed_on": None, "ocr_confidence": 93,
         "ocr_pages": pages_read(report, DECISION, [{"page": 1, "confidence": 93}, {"page": 2, "confidence": 93},
                                                      {"page": 3, "confidence": 93}])})


@needs_scans
def test_the_signature_box_gives_the_day_it_was_signed_and_an_unreadable_number_keeps_its_symbol(scans_build):
    scans_index, report = scans_build
    # `Số: 687 /STP-VB` by hand, and no number in the name `test AI 03.pdf`: left out, its symbol kept. The
    # scanner's garbled OCR layer is read again. The box (`Ký bởi: Sở Tư pháp ... Thời gian ký: 25.02.2021`)
    # is the issuer's: its day is kept as the day it was signed.
    assert read(scans_index, LETTER) == (
        ("Công văn", None, None, "Sở Tư pháp thành phố Hồ Chí Minh", ()),
        {"sources": {"date": "printed_year", "signed_on": "signature"}, "uncertain": ["number", "date"],
         "partial_number": "/STP-VB", "partial_date": "2021", "signed_on": "2021-02-25", "ocr_confidence": 94,
         "ocr_pages": pages_read(report, LETTER, [{"page": 1, "confidence": 94}, {"page": 2, "confidence": 93}])})


@needs_scans
def test_a_place_and_date_line_is_read_through_the_readings_slips(scans_index):
    # One reading has `ngày 2I tháng 7` (the day unsure), the other `ngày 21 tháng ?` (the month unsure):
    # each part is taken where it was read for sure. `TĨNH LÀO CAI`, `GIẦY PHÉP` are read as printed.
    assert read(scans_index, PERMIT)[0] == (
        "Giấy phép", "2507/GP-UBND", "2026-07-21", "Ủy ban nhân dân tỉnh Lào Cai", ())


@needs_scans
def test_the_page_says_where_values_came_from_and_how_well_the_scan_was_read(scans_index, make_client):
    client = make_client(scans_index)
    chi_thi = client.get("/doc/scans/CT-11-2025.pdf%230").get_data(as_text=True)
    letter = client.get("/doc/scans/test%20AI%2003.pdf%230").get_data(as_text=True)
    assert "<dd>11/CT-UBND <em class=\"deduced\">(số hiệu lấy từ tên tệp)</em></dd>" in chi_thi
    assert "<dd>tháng 7/2025 (ngày không đọc được)</dd>" in chi_thi
    assert "(chữ nhận dạng tự động từ bản quét, độ tin cậy trung bình 94%)" in chi_thi
    assert "<dd>…/STP-VB <em>(số không đọc được)</em></dd>" in letter
    assert "ký số ngày 25/02/2021 (ngày ký số theo ô chữ ký số)" in letter
    api = client.get("/api/documents/scans/CT-11-2025.pdf%230").get_json()
    assert (api["document"]["number"], api["reading"]["sources"]) == (
        "11/CT-UBND", {"number": "filename", "date": "printed_year"})


# Tesseract's slips in a header (local_dev's Quảng Ngãi scans, and the issue's): a day glued to `ngày`, a
# capitals syllable cut by a space, a letter read twice, tone marks misread on a province's name.
SLIPPED = """ỦY BAN NHÂN DÂN CỌNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHÓ HÒ CHÍ MINH Độc lập - Tự do - Hạnh phúc
TRƯỜN G CHÍNH TRỊ
Số: 12/KH-TCT Thành phố Hồ Chí Minh, ngày30 tháng 4 năm 2026

KẾ HOẠCH
Tổ chức hội thảo khoa học

Thực hiện Kế hoạch năm học, Bộ Giáo dục và Đào tạo hướng dẫn các trường.
"""


def test_header_slips_are_read_through():
    meta = extract_one(SLIPPED)
    assert (meta.doc_type, meta.number, meta.date, meta.issuer, meta.parent_issuer, meta.uncertain) == (
        "Kế hoạch", "12/KH-TCT", "2026-04-30", "Trường Chính trị thành phố Hồ Chí Minh",
        "Ủy ban nhân dân thành phố Hồ Chí Minh", ())


def test_an_unreadable_issuer_block_is_never_filled_from_the_opening_sentence():
    # A university's plan: its block beside the motto is lost, and the first sentence names a ministry.
    text = SLIPPED.replace("ỦY BAN NHÂN DÂN ", "~~~ ").replace("THÀNH PHÓ HÒ CHÍ MINH ", "").replace(
        "TRƯỜN G CHÍNH TRỊ\n", "")
    meta = extract_one(text)
    assert (meta.doc_type, meta.number, meta.issuer) == ("Kế hoạch", "12/KH-TCT", None)
