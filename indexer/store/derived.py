"""A generation's derived values on disk (derived/<name>.pickle.z): each a pickle compressed by zlib, written
and read as a stream, so a value is never held whole as bytes beside itself (the links of 10,000
gazette-length documents pickle to 113 MB).

A value is compressed at level 1 (a third of level 6's time), the links at level 0 (stored as they are):
two thirds of their bytes are run hashes (random 32-bit numbers), and level 1 kept 69% of them for 1.9 s of
CPU a write and 0.5 s a read more, which an update of 10 documents to 10,000 paid every time.
"""

import io
import os
import pickle
import zlib
from pathlib import Path

DERIVED = "derived"
LEVELS = {"links": 0}      # zlib level by value name; 1 for the others
STREAM_CHUNK = 1 << 20     # bytes read at a time
ERRORS = (OSError, EOFError, zlib.error, pickle.UnpicklingError)


class _Compressing:
    """A file that compresses (zlib) what is written to it, as it comes."""

    def __init__(self, handle, level: int):
        self.handle, self.stream = handle, zlib.compressobj(level)

    def write(self, data) -> int:
        self.handle.write(self.stream.compress(data))
        return len(data)

    def finish(self) -> None:
        self.handle.write(self.stream.flush())


class _Decompressing(io.RawIOBase):
    """A zlib file read as what it compresses, a buffer at a time."""

    def __init__(self, handle):
        self.handle, self.stream, self.left = handle, zlib.decompressobj(), b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.left and buffer:
            if self.stream.eof:
                return 0
            data = self.stream.unconsumed_tail or self.handle.read(STREAM_CHUNK)
            if not data:
                return 0  # a truncated file: the unpickler says so
            self.left = self.stream.decompress(data, len(buffer))
        size = len(self.left)
        buffer[:size] = self.left
        self.left = b""
        return size


def write_value(path: Path, value, level: int = 1) -> None:
    """Pickle a value into a zlib file, durably."""
    with open(path, "wb") as handle:
        out = _Compressing(handle, level)
        pickle.dump(value, out, pickle.HIGHEST_PROTOCOL)
        out.finish()
        handle.flush()
        os.fsync(handle.fileno())


def read_value(path: Path):
    """A value pickled into a zlib file (write_value, or zlib.compress of its pickle)."""
    with open(path, "rb") as handle:
        return pickle.load(io.BufferedReader(_Decompressing(handle), STREAM_CHUNK))


def write_derived(folder: Path, values: dict) -> None:
    """Write a generation's derived values."""
    target = folder / DERIVED
    target.mkdir(parents=True, exist_ok=True)
    for name, value in values.items():
        write_value(target / f"{name}.pickle.z", value, LEVELS.get(name, 1))


def read_derived(folder: Path, name: str):
    """A derived value of a generation, or None when it is not there (or cannot be read)."""
    try:
        return read_value(folder / DERIVED / f"{name}.pickle.z")
    except ERRORS:
        return None
