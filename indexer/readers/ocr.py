"""Recognize the text of scanned PDF pages with the Tesseract command line and its Vietnamese data."""

import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from indexer.readers.result import UnreadableFile

MAX_OCR_PAGES = 200          # a long scan is cut here (and the reader says so), not left to run for hours
OCR_DPI = 300                # Tesseract reads body text best at 300 dpi
PAGE_TIMEOUT_SECONDS = 180   # one page on a slow shared machine
TESSERACT = "tesseract"
LANGUAGE = "vie"
NEEDED = "cần cài tesseract-ocr và tesseract-ocr-vie để nhận dạng chữ (OCR)"


@lru_cache(maxsize=1)
def tesseract_ready() -> bool:
    """True when the tesseract command and its Vietnamese data are installed."""
    if shutil.which(TESSERACT) is None:
        return False
    listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=60)
    return LANGUAGE in listed.stdout.split()


def recognize_pages(pdf, page_indexes: list[int]) -> dict[int, str]:
    """The OCR text of the given pages of an open pypdfium2 document (at most MAX_OCR_PAGES)."""
    texts = {}
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        for index in page_indexes[:MAX_OCR_PAGES]:
            page = pdf[index]
            try:
                page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().save(image)
            finally:
                page.close()
            texts[index] = _tesseract(image)
    return texts


def _tesseract(image: Path) -> str:
    try:
        done = subprocess.run([TESSERACT, str(image), "stdout", "-l", LANGUAGE], capture_output=True,
                              timeout=PAGE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as err:
        raise UnreadableFile(f"tesseract quá {PAGE_TIMEOUT_SECONDS} giây cho một trang quét") from err
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise UnreadableFile(f"tesseract không nhận dạng được trang quét: {reason[0]}")
    return done.stdout.decode("utf-8", "replace")
