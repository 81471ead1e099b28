"""Where the build's batches run: what an executor must do, and the local one.

An executor gives a pool (the interface of indexer/sources/guard.py's GuardedPool): `give` an item (a
batch of documents, builder/batches.py) while `idle()`, `wait()` for what finished, each item run in a
guarded process (its time and memory limits, a crash or a hang reported as that item's Failure alone). The
build's one writer writes what comes back, as it comes back. `Local` runs the guarded processes on this
machine; `cluster.Cluster` sends each item to a Dask worker, which runs it in a guarded process of its own
machine.
"""

from collections.abc import Callable
from typing import Protocol

from indexer.sources.guard import Done, GuardedPool


class Pool(Protocol):
    """Items given to guarded processes and their results taken as they finish (guard.GuardedPool)."""

    def __enter__(self) -> "Pool": ...

    def __exit__(self, *exc) -> None: ...

    def idle(self) -> int:
        """How many more items can be given now."""
        ...

    def busy(self) -> int:
        """How many items are given and not taken back yet."""
        ...

    def give(self, item) -> int:
        """Hand the item on; its index in giving order."""
        ...

    def wait(self) -> list[Done]:
        """What finished (at least one item when any is given): each item's result or Failure."""
        ...


class Executor(Protocol):
    """Runs batches somewhere, each guarded; `reads_paths` says whether a batch may read the corpus files
    by their path where it runs (if not, each file is shipped with its bytes)."""

    reads_paths: bool

    def pool(self, func: Callable, seconds, budget, preload: tuple = ()) -> Pool:
        """A pool running the module-level `func` on each item given; `seconds` and `budget` numbers or
        functions of the item (its time and memory limits); `preload` modules the guarded processes
        import once."""
        ...


class Local:
    """This machine's cores: a GuardedPool of guarded worker processes (one per core by default)."""

    reads_paths = True

    def __init__(self, workers: int | None = None):
        self.workers = workers

    def pool(self, func: Callable, seconds, budget, preload: tuple = ()) -> GuardedPool:
        """Guarded processes here, `self.workers` of them."""
        return GuardedPool(func, self.workers, seconds=seconds, budget=budget, preload=preload)
