"""Hostile and broken files: each is refused with its reason, or read in part with a warning, in
bounded time and memory (issue 13). Every file is made here, small on disk."""

import pytest

from indexer.readers import UnreadableFile, read_text
from indexer.readers.limits import MAX_FILE_BYTES, MB


@pytest.mark.parametrize("name", ["huge.txt", "huge.md", "huge.html"])
def test_a_text_file_over_the_size_cap_is_refused_unread(tmp_path, name):
    with open(tmp_path / name, "wb") as f:
        f.truncate(MAX_FILE_BYTES + MB)  # sparse: nothing written, nothing to read
    with pytest.raises(UnreadableFile, match="^tệp quá lớn để đọc: 65 MB \\(giới hạn 64 MB\\)$"):
        read_text(tmp_path / name)
