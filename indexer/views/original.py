"""The original file of a document, served only as it was indexed: from inside the corpus folder the
build read, still a regular file at the same real path, with the same bytes (the digest the build
recorded). A file replaced by a link, moved out, or edited since is refused with the reason, never
served with other contents."""

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from indexer.sources.files import handle_digest, path_of, shown_name
from indexer.store import open_index


@dataclass
class Original:
    """A document's original file: open and checked (`handle` at its start), or why it is not served."""

    path: Path | None
    handle: BinaryIO | None = None
    problem: str | None = None
    status: int = 200  # 404 gone or unknown, 403 outside the corpus, 409 changed since it was indexed

    @property
    def name(self) -> str:
        """The file's name as a download may carry it (odd bytes and control characters shown as U+FFFD)."""
        return shown_name(self.path.name) if self.path else ""

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def original_file(index, doc_id: str) -> Original:
    """The checked original of a document (the caller closes it, or hands the handle on)."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        stored = searcher.by_id(doc_id)
    if stored is None:
        return Original(None, problem=f"Không có văn bản nào mang mã “{doc_id}”.", status=404)
    meta = json.loads(stored["meta"])
    if not meta.get("path"):
        return Original(None, problem="Văn bản này không đến từ một tệp.", status=404)
    path = path_of(meta["path"])
    if not _inside(path, ix.corpus):
        return Original(path, problem="Tệp gốc nằm ngoài kho văn bản đã lập chỉ mục: không phục vụ.", status=403)
    return _checked(path, meta.get("digest") or "")


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _checked(path: Path, digest: str) -> Original:
    """Open the file without following a link in its last step, and compare its bytes with the digest."""
    changed = Original(path, problem="Tệp gốc đã thay đổi sau lần lập chỉ mục: hãy chạy `vanban index` rồi mở "
                                     "lại.", status=409)
    if os.path.realpath(path) != str(path):  # a folder or the file itself is now a link
        return changed
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        if os.path.lexists(path):
            return changed
        return Original(path, problem="Không còn tệp gốc của văn bản này.", status=404)
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode) or handle_digest(handle) != digest:
        handle.close()
        return changed
    handle.seek(0)
    return Original(path, handle)
