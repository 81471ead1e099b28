"""Read plain text files (.txt, .md): UTF-8, UTF-16 with BOM, or TCVN3/VNI converted to Unicode."""

import os
from pathlib import Path

from indexer.readers import legacy
from indexer.readers.limits import MAX_FILE_BYTES, megabytes
from indexer.readers.result import ReadResult, UnreadableFile
from indexer.readers.vietnamese import syllable_share

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Share of NUL bytes above which a file without BOM is binary (or UTF-16 saved without BOM).
NUL_SHARE = 0.1


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM optional), UTF-16 with BOM, or TCVN3/VNI bytes; refuse anything else."""
    try:
        if data.startswith(UTF8_BOM):
            return legacy.repair(data[len(UTF8_BOM):].decode("utf-8"))
        if data.startswith(UTF16_BOMS):
            return legacy.repair(data.decode("utf-16"))
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"có BOM nhưng hỏng ở byte {err.start}; hãy lưu lại dạng UTF-8") from err
    try:
        return legacy.repair(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _decode_8bit(data)


def _decode_8bit(data: bytes) -> str:
    """Decode bytes that are not UTF-8: TCVN3 or VNI when they convert to Vietnamese, else refuse."""
    if data.count(0) > NUL_SHARE * len(data):
        raise UnreadableFile(_refusal("tệp nhị phân hoặc UTF-16 không có BOM"))
    text = data.decode("latin-1")  # byte for byte: the codes TCVN3 and VNI are defined in
    encoding = legacy.detect(text)
    if encoding:
        return legacy.convert(text, encoding)
    judged = syllable_share(text)
    if judged and judged[0] >= legacy.MIN_SHARE:
        raise UnreadableFile(_refusal("Windows-1252/Latin-1 (không phải UTF-8, TCVN3 hay VNI)"))
    raise UnreadableFile(_refusal("bảng mã lạ (không phải UTF-8, UTF-16, TCVN3 hay VNI)"))


def _refusal(looks_like: str) -> str:
    return f"không phải văn bản đọc được: trông như {looks_like}; hãy lưu lại dạng UTF-8"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file; one over `limit` (MAX_FILE_BYTES) is refused before it is read."""
    limit = limit or MAX_FILE_BYTES
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        data = f.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:  # the second: a file that grew while read
        raise UnreadableFile(f"tệp quá lớn để đọc: {megabytes(max(size, len(data)))} "
                             f"(giới hạn {megabytes(limit)})")
    return data


def read_plain(path: Path) -> ReadResult:
    """Read a .txt or .md file."""
    return ReadResult(decode(read_bytes(path)), path.suffix.lower().lstrip("."))
