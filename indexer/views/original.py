"""The original file of a document, served only as it was indexed: from inside the corpus folder the
build read, still a regular file at the same real path, with the same bytes (the digest the build
recorded). A file replaced by a link, moved out, or edited since is refused with the reason (an
exception of indexer.errors, which the web answers with its status), never served with other contents."""

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from indexer.errors import NoOriginal, OriginalChanged, OutsideCorpus, UnknownDocument
from indexer.sources.files import handle_digest, path_of, shown_name
from indexer.store import open_index

NOT_A_FILE = "Văn bản này không đến từ một tệp."
GONE = "Không còn tệp gốc của văn bản này."
OUTSIDE = "Tệp gốc nằm ngoài kho văn bản đã lập chỉ mục: không phục vụ."
CHANGED = "Tệp gốc đã thay đổi sau lần lập chỉ mục: hãy chạy `vanban index` rồi mở lại."


@dataclass
class Original:
    """A document's original file, open at its start and checked against what was indexed."""

    path: Path
    handle: BinaryIO

    @property
    def name(self) -> str:
        """The file's name as a download may carry it (odd bytes and control characters shown as U+FFFD)."""
        return shown_name(self.path.name)

    def close(self) -> None:
        self.handle.close()


def original_file(index, doc_id: str) -> Original:
    """The checked original of a document (the caller closes it, or hands the handle on); UnknownDocument,
    or an OriginalRefused saying why it is not served."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        stored = searcher.by_id(doc_id, structure=False, text=False)
    if stored is None:
        raise UnknownDocument(doc_id)
    meta = json.loads(stored["meta"])
    if not meta.get("path"):
        raise NoOriginal(NOT_A_FILE)
    path = path_of(meta["path"])
    if not _inside(path, ix.corpus):
        raise OutsideCorpus(OUTSIDE)
    return Original(path, _checked(path, meta.get("digest") or ""))


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _checked(path: Path, digest: str) -> BinaryIO:
    """The file opened without following a link in its last step, its bytes the digest's, at its start."""
    if os.path.realpath(path) != str(path):  # a folder or the file itself is now a link
        raise OriginalChanged(CHANGED)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        if os.path.lexists(path):  # there, but not a file this can open: a link, a FIFO...
            raise OriginalChanged(CHANGED) from None
        raise NoOriginal(GONE) from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode) or handle_digest(handle) != digest:
        handle.close()
        raise OriginalChanged(CHANGED)
    handle.seek(0)
    return handle
