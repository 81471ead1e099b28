"""Where the build's units of work run: what an executor must do, and the local one.

An executor maps a module-level function over picklable items (a unit of work: today a corpus file, or
the file with its bytes) and yields `(item, result or Failure)` for each, in the order given, with a
bounded number of items in flight, each item run in a guarded process (indexer/sources/guard.py: its time
and memory limits, a crash or a hang reported as that item's Failure alone). The build's one writer
consumes what it yields. `Local` runs the guarded processes on this machine; `cluster.Cluster` sends each
item to a Dask worker, which runs it in a guarded process of its own machine.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from indexer.sources.guard import run_guarded


class Executor(Protocol):
    """Runs units of work somewhere, each guarded; `reads_paths` says whether a unit may read the corpus
    files by their path where it runs (if not, each file is shipped with its bytes)."""

    reads_paths: bool

    def map(self, func: Callable, items: Iterable, seconds, preload: tuple = ()) -> Iterator[tuple]:
        """(item, func(item) or Failure) for each item, in order; `seconds` a number or a function of
        the item giving its time limit; `preload` modules the guarded processes import once."""
        ...


class Local:
    """This machine's cores: run_guarded's pool of guarded worker processes (one per core by default)."""

    reads_paths = True

    def __init__(self, workers: int | None = None):
        self.workers = workers

    def map(self, func: Callable, items: Iterable, seconds, preload: tuple = ()) -> Iterator[tuple]:
        """(item, func(item) or Failure) for each item, in order, each in a guarded process here."""
        return run_guarded(func, items, workers=self.workers, seconds=seconds, preload=preload)
