"""Recognize the text of scanned PDF pages with the Tesseract command line and its Vietnamese data.

Pages are read in order within a time budget per file; a page too large to render at a readable
resolution is left out. What was not read is said in one warning.
"""

import math
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from indexer.readers import limits
from indexer.readers.result import UnreadableFile

TESSERACT = "tesseract"
LANGUAGE = "vie"
NEEDED = "cần cài tesseract-ocr và tesseract-ocr-vie để nhận dạng chữ (OCR)"
# One thread per Tesseract: the build runs files side by side, and OpenMP threads would fight them.
TESSERACT_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
POINTS_PER_INCH = 72
SHOWN_PAGES = 5  # page numbers named in a warning


@lru_cache(maxsize=1)
def tesseract_ready() -> bool:
    """True when the tesseract command and its Vietnamese data are installed."""
    if shutil.which(TESSERACT) is None:
        return False
    listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=60)
    return LANGUAGE in listed.stdout.split()


@dataclass
class Recognized:
    """The OCR text of the pages read, by page index, and why the others were not read."""

    texts: dict[int, str] = field(default_factory=dict)
    oversized: list[int] = field(default_factory=list)
    out_of_time: bool = False

    def warning(self, scanned: int) -> str:
        """What was left out, in one line; empty when every scanned page was read."""
        reasons = []
        if self.oversized:
            shown = ", ".join(str(i + 1) for i in self.oversized[:SHOWN_PAGES])
            more = ", ..." if len(self.oversized) > SHOWN_PAGES else ""
            reasons.append(f"trang {shown}{more} quá khổ: dưới {limits.MIN_OCR_DPI} dpi trong giới hạn "
                           f"{limits.MAX_OCR_PIXELS // 1_000_000} triệu điểm ảnh")
        if self.out_of_time:
            reasons.append(f"hết {limits.OCR_BUDGET_SECONDS} giây dành cho nhận dạng chữ một tệp")
        elif len(self.texts) + len(self.oversized) < scanned:
            reasons.append(f"giới hạn {limits.MAX_OCR_PAGES} trang quét một tệp")
        if not reasons:
            return ""
        return f"chỉ nhận dạng được {len(self.texts)} trong {scanned} trang quét: {'; '.join(reasons)}"


def recognize_pages(pdf, page_indexes: list[int]) -> Recognized:
    """OCR the given pages of an open pypdfium2 document in order, until the time budget is spent."""
    done = Recognized()
    deadline = time.monotonic() + limits.OCR_BUDGET_SECONDS
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        image = Path(tmp) / "page.png"
        for index in page_indexes[:limits.MAX_OCR_PAGES]:
            if time.monotonic() >= deadline:
                done.out_of_time = True
                break
            if not _render(pdf, index, image):
                done.oversized.append(index)
                continue
            text = _tesseract(image, deadline - time.monotonic())
            if text is None:
                done.out_of_time = True
                break
            done.texts[index] = text
    return done


def ocr_dpi(width: float, height: float) -> float:
    """The resolution to render a page of width x height points at: OCR_DPI, or less to fit MAX_OCR_PIXELS.

    >>> [round(ocr_dpi(*size)) for size in [(595, 842), (1191, 1684), (2384, 3370), (14400, 14400)]]  # A4 A2 A0
    [300, 227, 114, 22]
    """
    fits = POINTS_PER_INCH * math.sqrt(limits.MAX_OCR_PIXELS / max(width * height, 1.0))
    return min(limits.OCR_DPI, fits)


def _render(pdf, index: int, image: Path) -> bool:
    """Render a page to a grey PNG for Tesseract; False when it is too large to render readably."""
    page = pdf[index]
    try:
        dpi = ocr_dpi(*page.get_size())
        if dpi < limits.MIN_OCR_DPI:
            return False
        page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_pil().save(image)
        return True
    finally:
        page.close()


def _tesseract(image: Path, seconds: float) -> str | None:
    """The text Tesseract reads in an image, or None when the time left runs out first."""
    if seconds <= 0:
        return None
    try:
        done = subprocess.run([TESSERACT, str(image), "stdout", "-l", LANGUAGE], capture_output=True,
                              timeout=seconds, env=TESSERACT_ENV)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise UnreadableFile(f"tesseract không nhận dạng được trang quét: {reason[0]}")
    return done.stdout.decode("utf-8", "replace")
