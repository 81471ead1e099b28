"""Recognize the text of scanned PDF pages with the Tesseract command line and its Vietnamese data.

Pages are read in order within a time budget per file; a page too large to render at a readable
resolution is left out. What was not read is said in one warning. Each page read keeps Tesseract's
mean word confidence; a page below a floor is read again at a higher resolution. The first page's
header (issuer block left, motto and place/date right) is read again column by column, and its
unsure digits are masked: a handwritten number or day is never read as printed digits.
"""

import csv
import itertools
import math
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analyzers.normalize import fold
from indexer.readers import limits
from indexer.readers.result import UnreadableFile

TESSERACT = "tesseract"
LANGUAGE = "vie"
NEEDED = "cần cài tesseract-ocr và tesseract-ocr-vie để nhận dạng chữ (OCR)"
# One thread per Tesseract: the build runs files side by side, and OpenMP threads would fight them.
TESSERACT_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
POINTS_PER_INCH = 72
SHOWN_PAGES = 5  # page numbers named in a warning

# A page whose mean word confidence is below this is read again at RETRY_DPI, and the better reading
# kept. On scans_dev's 30 pages at 300 dpi the means are 85-95, an annex table of a phone scan 78;
# local_dev's Quảng Ngãi scans read 88-94.
CONFIDENCE_FLOOR = 80
RETRY_DPI = 400

# The header columns are read again at this resolution, each as one block of text (Tesseract's
# `--psm 6`): the issuer block, the number and the place/date line come out whole, never interleaved.
HEADER_DPI = 400
HEADER_PSM = "6"
# A word of the header read with less confidence than this has its digits masked (`?`): Tesseract reads
# handwritten digits as printed ones with confidences of 6-68 on scans_dev (`ngày0}` 68 for a written
# `02`, `Éđã` 24 for `813`); printed digits there read 86-97.
DIGIT_CONFIDENCE = 80
# How far below the motto's top the header band (issuer, number, place and date) reaches when no
# place/date line is seen, as a share of the page's height: the date line stands 5-9 % below it.
HEADER_BAND = 0.1
# The motto stands in the top part of a first page; lower down it is a form in an annex.
MOTTO_REACH = 0.4
# A gap between two words of one line wider than this many word heights separates the two columns.
COLUMN_GAP = 2.5
SPLIT_MARGIN = 10  # pixels left of the right column's edge, so that its first letters are not cut
# The year of a place/date line, after `năm` (however a scan read it: `nam`, `măm`).
YEAR = re.compile(r"(?:19|20)\d\d[.,]?")

# What Tesseract may read for a digit (`O` 0, `I`/`l`/`|` 1): masked with the digits in an unsure word.
LOOKALIKES = "OoØøQIl|]!"
# A run of digits and lookalikes holding a digit, or a word that is nothing else (`II`, `0}`, `2I`).
UNSURE_RUN = re.compile(rf"[\d{re.escape(LOOKALIKES)}]*\d[\d{re.escape(LOOKALIKES)}]*")
ONLY_LOOKALIKES = re.compile(rf"^[\W{re.escape(LOOKALIKES)}]*[{re.escape(LOOKALIKES)}][\W{re.escape(LOOKALIKES)}]*$")
# Header words a scan glues to the digits after them: `ngày30`, `ngàyIl`, `Số:2`.
GLUED_WORD = re.compile(r"(ngày|tháng|năm|Số:?|số:?)", re.I)


@lru_cache(maxsize=1)
def tesseract_ready() -> bool:
    """True when the tesseract command and its Vietnamese data are installed."""
    if shutil.which(TESSERACT) is None:
        return False
    listed = subprocess.run([TESSERACT, "--list-langs"], capture_output=True, text=True, timeout=60)
    return LANGUAGE in listed.stdout.split()


@dataclass(frozen=True)
class Word:
    """A word Tesseract read, its confidence (0-100) and box in pixels, and the line it is on."""

    text: str
    conf: float
    left: int
    top: int
    right: int
    bottom: int
    line: tuple[int, int, int]  # block, paragraph, line


@dataclass(frozen=True)
class PageRead:
    """One reading of a page: its text, its words, and the resolution it was rendered at."""

    text: str
    words: tuple[Word, ...]
    dpi: float

    @property
    def confidence(self) -> float:
        """The mean confidence of its words; 0 for a page with none."""
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 0.0


@dataclass
class Recognized:
    """The OCR text of the pages read, by page index, and why the others were not read."""

    texts: dict[int, str] = field(default_factory=dict)
    confidence: dict[int, int] = field(default_factory=dict)  # mean word confidence of each page read
    headers: tuple[str, ...] = ()  # the first page's header, read twice (`_Reader.header`), unsure digits masked
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


class _OutOfTime(Exception):
    pass


def recognize_pages(pdf, page_indexes: list[int]) -> Recognized:
    """OCR the given pages of an open pypdfium2 document in order, until the time budget is spent."""
    done = Recognized()
    deadline = time.monotonic() + limits.OCR_BUDGET_SECONDS
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp:
        reader = _Reader(pdf, Path(tmp), deadline)
        try:
            for index in page_indexes[:limits.MAX_OCR_PAGES]:
                read = reader.page(index)
                if read is None:
                    done.oversized.append(index)
                    continue
                done.texts[index] = read.text
                if read.words:  # a blank page has no confidence to speak of
                    done.confidence[index] = round(read.confidence)
                if index == 0:
                    done.headers = reader.optional_header(read)
        except _OutOfTime:
            done.out_of_time = True
    return done


def ocr_dpi(width: float, height: float, wanted: float = limits.OCR_DPI) -> float:
    """The resolution to render a page of width x height points at: `wanted`, or less to fit MAX_OCR_PIXELS.

    >>> [round(ocr_dpi(*size)) for size in [(595, 842), (1191, 1684), (2384, 3370), (14400, 14400)]]  # A4 A2 A0
    [300, 227, 114, 22]
    """
    fits = POINTS_PER_INCH * math.sqrt(limits.MAX_OCR_PIXELS / max(width * height, 1.0))
    return min(wanted, fits)


class _Reader:
    """Renders pages of one open document and runs Tesseract on them, within one deadline."""

    def __init__(self, pdf, tmp: Path, deadline: float):
        self.pdf, self.image, self.deadline = pdf, tmp / "page.png", deadline

    def page(self, index: int) -> PageRead | None:
        """A page's best reading: at OCR_DPI, and again at RETRY_DPI when its confidence is low; None when
        the page is too large to render readably."""
        page = self.pdf[index]
        try:
            size = page.get_size()
            dpi = ocr_dpi(*size)
            if dpi < limits.MIN_OCR_DPI:
                return None
            first = self._read(page, dpi)
            retry = ocr_dpi(*size, RETRY_DPI)
            if first.confidence >= CONFIDENCE_FLOOR or retry <= dpi or not first.words:
                return first
            second = self._read(page, retry)
            return second if second.confidence > first.confidence else first
        finally:
            page.close()

    def optional_header(self, first: PageRead) -> tuple[str, ...]:
        """The header read again (`header`), or nothing when Tesseract fails on it or the time runs out:
        the pages' text matters more, and the pages after it still get the time left."""
        try:
            return self.header(first)
        except (_OutOfTime, UnreadableFile):
            return ()

    def header(self, first: PageRead) -> tuple[str, ...]:
        """The first page's header read twice, each reading left column first, then right column, then the
        page below the header: the columns read again at HEADER_DPI, and the page's own words set apart
        by where they stand. Unsure digits are masked in both."""
        page = self.pdf[0]
        try:
            width, height = page.get_size()
            band = header_band(first.words, height * first.dpi / POINTS_PER_INCH)
            if band is None:
                return ()
            split, bottom = (v * POINTS_PER_INCH / first.dpi for v in band)
            columns = [self._read(page, HEADER_DPI, (0, height - bottom, width - split, 0), HEADER_PSM),
                       self._read(page, HEADER_DPI, (split, height - bottom, 0, 0), HEADER_PSM)]
        finally:
            page.close()
        below = masked_lines([w for w in first.words if w.top >= band[1]], mask=False)
        again = "\n".join([masked_lines(c.words) for c in columns] + [below])
        return again, "\n".join(column_lines(first.words, *band) + [below])

    def _read(self, page, dpi: float, crop=(0, 0, 0, 0), psm: str = "3") -> PageRead:
        """Render (a crop of) a page to a grey PNG and read it: text and words."""
        seconds = self.deadline - time.monotonic()
        if seconds <= 0:
            raise _OutOfTime
        page.render(scale=dpi / POINTS_PER_INCH, grayscale=True, draw_annots=False, crop=crop).to_pil() \
            .save(self.image)
        base = self.image.with_suffix("")
        try:
            done = subprocess.run([TESSERACT, str(self.image), str(base), "-l", LANGUAGE, "--psm", psm, "txt", "tsv"],
                                  capture_output=True, timeout=seconds, env=TESSERACT_ENV)
        except subprocess.TimeoutExpired as err:
            raise _OutOfTime from err
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
            raise UnreadableFile(f"tesseract không nhận dạng được trang quét: {reason[0]}")
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        return PageRead(text, tuple(tsv_words(base.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace"))),
                        dpi)


def tsv_words(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV output (level 5 rows with text), in reading order."""
    words = []
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(Word(text, float(row["conf"]), left, top, left + int(row["width"]), top + int(row["height"]),
                          (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))))
    return words


def _lines(words) -> list[list[Word]]:
    """Words grouped by the line Tesseract put them on, in its order."""
    lines: list[list[Word]] = []
    for word in words:
        if lines and lines[-1][-1].line == word.line:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def column_lines(words, split: float, bottom: float) -> list[str]:
    """The header band's words as two columns, each masked: the words left of `split`, then those right of it.

    >>> w = [Word("Số:", 90, 300, 470, 380, 510, (2, 1, 1)), Word("12/QĐ-UBND", 90, 390, 470, 600, 510, (2, 1, 1)),
    ...      Word("Hà", 90, 950, 470, 1000, 510, (2, 1, 1)), Word("ngày", 90, 1010, 470, 1100, 510, (2, 1, 1)),
    ...      Word("1Š", 40, 1110, 470, 1150, 510, (2, 1, 1))]
    >>> column_lines(w, 940, 533)
    ['Số: 12/QĐ-UBND', 'Hà ngày ?Š']
    """
    band = [w for w in words if w.top < bottom]
    return [masked_lines([w for w in band if (w.left >= split) == right]) for right in (False, True)]


def _across(line: list[Word], split: float, motto: Word) -> bool:
    """Whether a line below the motto's two lines runs across both columns without a gap between them:
    a heading (`PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC`) or the body, where the header band ends."""
    height = motto.bottom - motto.top
    if line[0].top < motto.bottom + 2 * height or line[0].left >= split or line[-1].right <= split:
        return False
    return all(b.left - a.right < COLUMN_GAP * (a.bottom - a.top) for a, b in itertools.pairwise(line))


def _bare(word: Word) -> str:
    return fold(word.text).upper().strip(".,:;-")


def header_band(words, page_height: float) -> tuple[float, float] | None:
    """(where the right column starts, where the header band ends), in pixels: the left edge of the motto
    or of the place/date line under it, whichever is further left, and the bottom of that line (or
    HEADER_BAND below the motto); None without a motto.

    >>> w = [Word("CỘNG", 90, 1000, 300, 1100, 340, (1, 1, 1)), Word("HÒA", 90, 1110, 300, 1200, 340, (1, 1, 1)),
    ...      Word("Số:", 90, 300, 470, 380, 510, (2, 1, 1)), Word("Hà", 90, 950, 470, 1000, 510, (2, 1, 1)),
    ...      Word("năm", 90, 1020, 470, 1100, 510, (2, 1, 1)), Word("2026", 90, 1110, 470, 1200, 512, (2, 1, 1))]
    >>> header_band(w, 3508)
    (940, 533)
    """
    motto = next((w for i, w in enumerate(words[:-1]) if w.top < MOTTO_REACH * page_height
                  and (_bare(w), _bare(words[i + 1])) in (("CONG", "HOA"), ("DANG", "CONG"))), None)
    if motto is None:
        return None
    reach = motto.top + HEADER_BAND * page_height
    years = [i for i, w in enumerate(words) if motto.top < w.top < reach and w.right > motto.left
             and YEAR.fullmatch(w.text) and i and _bare(words[i - 1]).endswith("AM")]
    if not years:
        split = motto.left - SPLIT_MARGIN
        return split, min([reach] + [line[0].top for line in _lines(words) if _across(line, split, motto)])
    start = years[0]
    while start and words[start - 1].line == words[start].line and \
            words[start].left - words[start - 1].right < COLUMN_GAP * (words[start].bottom - words[start].top):
        start -= 1
    year = words[years[0]]
    return min(motto.left, words[start].left) - SPLIT_MARGIN, year.bottom + (year.bottom - year.top) // 2


def mask_unsure(word: Word) -> str:
    """A word as its confidence allows: its digits (and what stands for them) masked when it is unsure.

    >>> [mask_unsure(Word(t, c, 0, 0, 0, 0, (1, 1, 1))) for t, c in
    ...  [("ngày0}", 68), ("2026", 97), ("II", 40), ("ngàyIl", 30), ("Hà", 20), ("/QĐ-UBND", 50)]]
    ['ngày?}', '2026', '??', 'ngày??', 'Hà', '/QĐ-UBND']
    """
    if word.conf >= DIGIT_CONFIDENCE:
        return word.text
    parts = GLUED_WORD.split(word.text)
    return "".join(p if i % 2 else _masked(p) for i, p in enumerate(parts))


def _masked(part: str) -> str:
    if ONLY_LOOKALIKES.match(part):
        return re.sub(f"[{re.escape(LOOKALIKES)}]", "?", part)
    return UNSURE_RUN.sub(lambda m: "?" * len(m.group(0)), part)


def masked_lines(words, mask: bool = True) -> str:
    """Words put back into their lines, unsure digits masked (or the words as read)."""
    return "\n".join(" ".join(mask_unsure(w) if mask else w.text for w in line) for line in _lines(words))
