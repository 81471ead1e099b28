"""A progress bar for `vanban index` on stderr: files read, documents analyzed, rate, time left."""

import time

from indexer import BuildProgress

WIDTH = 24
REDRAW_EVERY = 0.1  # seconds: a terminal redrawn more often only flickers


def as_progress(*args) -> BuildProgress:
    """What build_index passed: a BuildProgress, or the older (done, total, rate)."""
    if len(args) == 1:
        return args[0]
    done, total, rate = args
    return BuildProgress(files_total=0, files_read=0, documents_total=total, documents_indexed=done,
                         bytes_total=0, bytes_read=0, elapsed=done / rate if rate else 0.0)


def duration(seconds: float) -> str:
    """`1 phút 05 giây`, `12 giây`."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} giây"
    return f"{seconds // 60} phút {seconds % 60:02d} giây"


def _fraction(p: BuildProgress) -> float:
    if p.bytes_total:
        return p.bytes_read / p.bytes_total
    return p.documents_indexed / p.documents_total if p.documents_total else 0.0


def _seconds_left(p: BuildProgress) -> float | None:
    if p.seconds_left is not None:
        return p.seconds_left
    if p.documents_indexed and p.rate:  # no byte counts: go by documents
        return max(0.0, (p.documents_total - p.documents_indexed) / p.rate)
    return None


def line(p: BuildProgress) -> str:
    """One line of the bar.

    >>> line(BuildProgress(5, 2, 9, 3, 1000, 400, 2.0))
    '[██████████░░░░░░░░░░░░░░]  40% · tệp 2/5 · văn bản 3/9 · 1.5 văn bản/giây · còn 3 giây'
    """
    fraction = min(max(_fraction(p), 0.0), 1.0)
    filled = round(fraction * WIDTH)
    parts = [f"[{'█' * filled}{'░' * (WIDTH - filled)}] {fraction:4.0%}"]
    if p.files_total:
        parts.append(f"tệp {p.files_read}/{p.files_total}")
    parts += [f"văn bản {p.documents_indexed}/{p.documents_total}", f"{p.rate:.1f} văn bản/giây"]
    left = _seconds_left(p)
    if left is not None:
        parts.append(f"còn {duration(left)}")
    return " · ".join(parts)


class ProgressBar:
    """A build's `progress` callback that redraws one line of `stream`; finish() ends the line."""

    def __init__(self, stream):
        self.stream, self.last, self.drawn = stream, 0.0, False

    def __call__(self, *args) -> None:
        now = time.monotonic()
        progress = as_progress(*args)
        done = progress.documents_total and progress.documents_indexed >= progress.documents_total
        if now - self.last < REDRAW_EVERY and not done:
            return
        self.last, self.drawn = now, True
        self.stream.write("\r\033[K" + line(progress))
        self.stream.flush()

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
