"""Where things are by default: the bundled corpus and the per-user index folder."""

import os
from pathlib import Path

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "vanban" / "corpus"


def default_index_dir() -> Path:
    """VANBAN_INDEX, or a per-user data folder (XDG_DATA_HOME, else ~/.local/share)."""
    if os.environ.get("VANBAN_INDEX"):
        return Path(os.environ["VANBAN_INDEX"])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "vanban" / "index"
