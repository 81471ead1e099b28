"""The size, count and time limits of the readers: a hostile or broken file is refused (or cut, with a
warning) in bounded time and memory, and the message says which limit it passed.

Each limit is set far above what real documents need, and says why.
"""

MB = 1 << 20

# Text and web pages (.txt, .md, .html, .htm, and JSON Lines through `decode`) are read whole into
# memory and decoded; a 64 MB file is some 45 million Vietnamese characters, hundreds of times a
# long decree, and reads in 7 s and 320 MB as text, 32 s and 580 MB as HTML (2 busy cores).
MAX_FILE_BYTES = 64 * MB

# .docx: checked on the zip before python-docx reads anything. The main part (word/document.xml)
# of a 300-page decree is 2-5 MB and 10,000-20,000 paragraphs (every table cell is one); 32 MB
# and 200,000 paragraphs leave ten times that, and take at most ~15 s and ~350 MB to read.
MAX_DOCX_DOCUMENT_BYTES = 32 * MB
MAX_DOCX_PARAGRAPHS = 200_000
# python-docx parses every XML part it loads (styles, numbering, headers, footnotes, comments):
# together with the main part they stay under this; pictures are not XML and do not count.
MAX_DOCX_XML_BYTES = 64 * MB
# python-docx reads every part of the package into memory, pictures included: a report full of
# photographs is tens of MB; more than this inflated is a zip bomb or not a document to index.
MAX_DOCX_PACKAGE_BYTES = 512 * MB

# PDF text layers: about 2 µs and, while one page is open, 200 bytes per character in pdfium. A
# 1,000-page gazette holds 3-5 million characters; 16 million (~40 MB) is refused after ~35 s.
MAX_PDF_TEXT_CHARS = 16_000_000
# Pages of one PDF read for text; a blank page still costs ~0.2 ms to open.
MAX_PDF_PAGES = 10_000

# OCR of scanned PDF pages.
OCR_DPI = 300                 # Tesseract reads body text best at 300 dpi
# Pixels of one rendered page: an A3 page at 300 dpi is 17.4 million. Tesseract takes ~60 s and
# ~180 MB for a page of 25 million pixels of text, so larger pages are rendered at a lower dpi.
MAX_OCR_PIXELS = 20_000_000
# Below this, body text is under ~10 pixels high and Tesseract reads noise: the page is left out.
MIN_OCR_DPI = 100
MAX_OCR_PAGES = 200           # a long scan is cut here (and the reader says so), not left to run for hours
# Seconds of OCR for one file (render and Tesseract): a page of an A4 scan takes 1-10 s on one core,
# so this reads 4-40 pages; the pages read are kept and the warning says how many. It stays below the
# build's time limit per file (indexer.sources.guard.FILE_SECONDS), which reading, extraction and
# analysis share, so that a long scan is indexed in part rather than not at all.
OCR_BUDGET_SECONDS = 40


def megabytes(size: int) -> str:
    """A size in MB as Vietnamese writes it, for messages.

    >>> megabytes(64 * MB), megabytes(80_500_000)
    ('64 MB', '76,8 MB')
    """
    return f"{size / MB:.1f}".removesuffix(".0").replace(".", ",") + " MB"


def thousands(n: int) -> str:
    """A count as Vietnamese writes it, for messages.

    >>> thousands(16_000_000)
    '16.000.000'
    """
    return f"{n:,}".replace(",", ".")
