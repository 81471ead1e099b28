"""Read Word 97-2003 files (.doc) through Debian's `antiword`."""

import os
import shutil
import subprocess
from pathlib import Path

from indexer.readers import legacy
from indexer.readers.result import ReadResult, UnreadableFile
from indexer.readers.word import read_docx

ANTIWORD = "antiword"
TIMEOUT_SECONDS = 120
# Files named .doc that are something else: a renamed .docx (a zip) or RTF saved by WordPad.
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"


def read_doc(path: Path) -> ReadResult:
    """Read a .doc file with antiword (UTF-8 output, no line wrapping)."""
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(ZIP_MAGIC):
        return read_docx(path)
    if head.startswith(RTF_MAGIC):
        raise UnreadableFile("tệp .doc này thực ra là RTF; hãy mở bằng Word và lưu lại dạng .docx")
    if shutil.which(ANTIWORD) is None:
        raise UnreadableFile("cần cài antiword để đọc tệp .doc")
    try:
        done = subprocess.run([ANTIWORD, "-m", "UTF-8.txt", "-w", "0", os.path.abspath(path)],
                              capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as err:
        raise UnreadableFile(f"antiword quá {TIMEOUT_SECONDS} giây với tệp .doc này") from err
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"mã lỗi {done.returncode}"]
        raise UnreadableFile(f"antiword không đọc được tệp .doc: {reason[0]}")
    return ReadResult(legacy.repair(done.stdout.decode("utf-8", "replace")), "doc")
