"""Read PDF files: the text layer page by page, and OCR for scanned pages."""

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from indexer.readers import legacy, limits, ocr
from indexer.readers.result import ReadResult, UnreadableFile

# A page whose text layer holds fewer characters than this (a stamp, a page number) is a scan.
MIN_PAGE_CHARS = 20


def read_pdf(path: Path) -> ReadResult:
    """Read a .pdf: its text layer, with scanned pages OCR'd when Tesseract's Vietnamese data is installed."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        raise UnreadableFile(f"không mở được PDF (hỏng hoặc có mật khẩu): {err}") from err
    try:
        pages = len(pdf)
        texts = _text_layer(pdf, min(pages, limits.MAX_PDF_PAGES))
        scanned = [i for i, text in enumerate(texts) if len(text.strip()) < MIN_PAGE_CHARS and _has_image(pdf, i)]
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
        if len(scanned) == len(texts):
            raise UnreadableFile(f"PDF là bản quét, không có lớp chữ: {ocr.NEEDED}")
        return ReadResult(_join(texts), "pdf", warning=f"{len(scanned)} trang quét chưa đọc: {ocr.NEEDED}")
    recognized = ocr.recognize_pages(pdf, scanned)
    text = _join([recognized.texts.get(i, text) for i, text in enumerate(texts)])
    warning = recognized.warning(len(scanned))
    if warning and not text.strip():
        raise UnreadableFile(f"PDF là bản quét, không đọc được chữ: {warning}")
    return ReadResult(text, "pdf", ocr=bool(recognized.texts), warning=warning)


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


def _has_image(pdf, index: int) -> bool:
    page = pdf[index]
    try:
        return next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)), None) is not None
    finally:
        page.close()


def _join(texts: list[str]) -> str:
    """The pages' text separated by blank lines; TCVN3 text layers (from `.VnTime` documents) converted."""
    pages = [t.replace("\r\n", "\n").strip("\n") for t in texts]
    return legacy.repair("\n\n".join(p for p in pages if p.strip()))

