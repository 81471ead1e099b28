"""Read PDF files: the text layer page by page, and OCR for scanned pages."""

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from indexer.readers import legacy, limits, ocr
from indexer.readers.result import ReadResult, UnreadableFile

# A page whose text layer holds fewer characters than this (a stamp, a page number) is a scan.
MIN_PAGE_CHARS = 20

# An invisible text layer over a scan is a scanner's OCR; when it was made without Vietnamese
# (`CQNG HOA XA HOr CHir NGHIA VrpT NAM`, `S6: /QD-XPVPHC`) it holds almost no Vietnamese letter, and
# the page is read again. A share of words with one below this is such a layer: on scans_dev's garbled
# layers it is 0-6 %, in Vietnamese text 60-80 %.
MIN_VIETNAMESE_SHARE = 0.25
VIETNAMESE_LETTER = re.compile(r"[à-ỹđĐÀ-Ỹ]")
WORD = re.compile(r"[^\W\d_]{2,}")
INVISIBLE = 3  # the text render mode of an OCR layer (FPDF_TEXTRENDERMODE_INVISIBLE)


@dataclass(frozen=True)
class ScanRead(ReadResult):
    """A PDF read (in part) by OCR: how well each page read, and its first page's header read again."""

    confidence: tuple[tuple[int, int], ...] = ()  # (page number, mean word confidence 0-100) of each page OCR'd
    headers: tuple[str, ...] = ()  # the first page's header read twice, unsure digits masked (`ocr._Reader.header`)


def read_pdf(path: Path) -> ReadResult:
    """Read a .pdf: its text layer, with scanned pages OCR'd when Tesseract's Vietnamese data is installed."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        raise UnreadableFile(f"không mở được PDF (hỏng hoặc có mật khẩu): {err}") from err
    try:
        pages = len(pdf)
        texts = _text_layer(pdf, min(pages, limits.MAX_PDF_PAGES))
        scanned = [i for i, text in enumerate(texts) if _is_scan(pdf, i, text)]
        result = _with_ocr(pdf, texts, scanned) if scanned else ReadResult(_join(texts), "pdf")
    except pdfium.PdfiumError as err:
        raise UnreadableFile(f"PDF hỏng ở một trang: {err}") from err
    finally:
        pdf.close()
    if pages > limits.MAX_PDF_PAGES:
        cut = f"chỉ đọc {limits.thousands(limits.MAX_PDF_PAGES)} trang đầu trong {limits.thousands(pages)} trang"
        return replace(result, warning="; ".join(filter(None, [cut, result.warning])))
    return result


def _with_ocr(pdf, texts: list[str], scanned: list[int]) -> ReadResult:
    """OCR the scanned pages; without Tesseract keep the text pages, or refuse a PDF that is all scan."""
    if not ocr.tesseract_ready():
        blank = [i for i in scanned if len(texts[i].strip()) < MIN_PAGE_CHARS]  # a foreign OCR layer is kept
        if len(blank) == len(texts):
            raise UnreadableFile(f"PDF là bản quét, không có lớp chữ: {ocr.NEEDED}")
        warning = f"{len(blank)} trang quét chưa đọc: {ocr.NEEDED}" if blank else ""
        return ReadResult(_join(texts), "pdf", warning=warning)
    recognized = ocr.recognize_pages(pdf, scanned)
    pages = [recognized.texts[i] + _boxes(pdf, i) if i in recognized.texts else text for i, text in enumerate(texts)]
    text = _join(pages)
    warning = recognized.warning(len(scanned))
    if warning and not text.strip():
        raise UnreadableFile(f"PDF là bản quét, không đọc được chữ: {warning}")
    if not recognized.texts:
        return ReadResult(text, "pdf", warning=warning)
    confidence = tuple((i + 1, c) for i, c in sorted(recognized.confidence.items()))
    return ScanRead(text, "pdf", ocr=True, warning=warning, confidence=confidence, headers=recognized.headers)


def _text_layer(pdf, pages: int) -> list[str]:
    """The text layer of the first pages, refused once it passes MAX_PDF_TEXT_CHARS."""
    texts, chars = [], 0
    for index in range(pages):
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            chars += textpage.count_chars()
            if chars > limits.MAX_PDF_TEXT_CHARS:
                most = limits.thousands(limits.MAX_PDF_TEXT_CHARS)
                raise UnreadableFile(f"lớp chữ của PDF quá dài: hơn {most} ký tự ở {index + 1} trang đầu")
            texts.append(textpage.get_text_range())
        finally:
            textpage.close()
            page.close()
    return texts


def _is_scan(pdf, index: int, text: str) -> bool:
    """A page that is an image: no text layer to speak of, or only a scanner's OCR made without Vietnamese."""
    if len(text.strip()) >= MIN_PAGE_CHARS and not _foreign_ocr_layer(pdf, index, text):
        return False
    return _has_image(pdf, index)


def _foreign_ocr_layer(pdf, index: int, text: str) -> bool:
    """Whether a page's text is an invisible OCR layer with almost no Vietnamese letter in its words."""
    words = WORD.findall(text)
    if not words or sum(1 for w in words if VIETNAMESE_LETTER.search(w)) >= MIN_VIETNAMESE_SHARE * len(words):
        return False
    page = pdf[index]
    try:
        modes = {pdfium_c.FPDFTextObj_GetTextRenderMode(o.raw) for o in page.get_objects(
            filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,))}
        return modes == {INVISIBLE}
    finally:
        page.close()


def _has_image(pdf, index: int) -> bool:
    page = pdf[index]
    try:
        return next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)), None) is not None
    finally:
        page.close()


def _boxes(pdf, index: int) -> str:
    """The text of a scanned page's annotations, after its OCR text: a digital signature's box
    (`Ký bởi: Bộ Công Thương` / `Thời gian ký: 02.04.2026 14:24:26 +07:00`), printed on the page by the
    viewer, never in the image Tesseract read."""
    page = pdf[index]
    try:
        if pdfium_c.FPDFPage_GetAnnotCount(page.raw) < 1:
            return ""
        textpage = page.get_textpage()
        before = textpage.count_chars()
        textpage.close()
        if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
            return ""
    finally:
        page.close()
    page = pdf[index]  # a flattened page is read again from the document: its annotations are now content
    textpage = page.get_textpage()
    try:
        added = textpage.get_text_range(before).strip()
    finally:
        textpage.close()
        page.close()
    return "\n\n" + added if added else ""


def _join(texts: list[str]) -> str:
    """The pages' text separated by blank lines; TCVN3 text layers (from `.VnTime` documents) converted."""
    pages = [t.replace("\r\n", "\n").strip("\n") for t in texts]
    return legacy.repair("\n\n".join(p for p in pages if p.strip()))
