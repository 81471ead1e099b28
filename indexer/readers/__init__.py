"""Turn the files staff keep (text, Word, PDF, web pages) into Unicode text: one reader per format.

`read_text(path)` picks the reader by the file's extension (a .txt or .md that is mostly HTML is read
as its text: `markup`); a file we cannot read raises `UnreadableFile` with a one-line reason.
`strip_html` is also what extraction uses on a text that still holds some markup. No reader's text is
indexed as mojibake: UTF-8 read as Windows-1252 is undone where it can be, and refused where it
cannot (`unrepairable`).

May import: nothing of ours outside this package but analyzers.
"""

from dataclasses import replace
from pathlib import Path

from indexer.readers.markup import has_html, read_text_file, strip_html
from indexer.readers.mojibake import unrepairable, without_mojibake
from indexer.readers.pdf import read_pdf
from indexer.readers.plain import decode, read_bytes
from indexer.readers.result import ReadResult, UnreadableFile, tidy
from indexer.readers.webpage import read_html
from indexer.readers.word import read_docx
from indexer.readers.word97 import read_doc

READERS = {".txt": read_text_file, ".md": read_text_file, ".docx": read_docx, ".doc": read_doc,
           ".pdf": read_pdf, ".html": read_html, ".htm": read_html}

__all__ = ["READERS", "ReadResult", "UnreadableFile", "decode", "has_html", "read_bytes", "read_text", "strip_html",
           "tidy", "unrepairable", "without_mojibake"]


def read_text(path: Path) -> ReadResult:
    """Read one file with the reader for its extension; LF line endings, no control characters, no mojibake."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableFile(f"không đọc loại tệp {path.suffix.lower() or '(không có đuôi)'}")
    result = reader(path)
    text, refused = without_mojibake(result.text)  # before tidy, which drops the C1 codes it may need
    if refused:
        raise UnreadableFile(refused)
    return replace(result, text=tidy(text))
