"""What a build reports while it runs, for a progress bar: files read, documents analyzed, bytes, time."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BuildProgress:
    """A snapshot of a running build; `documents_total` grows as files are read."""

    files_total: int
    files_read: int
    documents_total: int
    documents_indexed: int
    bytes_total: int          # bytes of the files to (re)index
    bytes_read: int
    elapsed: float            # seconds since the build started

    @property
    def rate(self) -> float:
        """Documents analyzed per second so far."""
        return self.documents_indexed / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """An estimate from the bytes read so far; None until there is something to go by."""
        if not self.bytes_read or not self.elapsed:
            return None
        return max(0.0, self.elapsed * (self.bytes_total - self.bytes_read) / self.bytes_read)
