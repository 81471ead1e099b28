"""Run work on items (files, batches of documents) in worker processes, each item within bounded time
and memory, whatever it holds.

One bad item never stops the rest: an exception (MemoryError and RecursionError included) comes back
as a `Failure` with its reason; a worker that dies (a crash in a C library, the memory limit) or
runs past the time limit is killed and replaced, and its item comes back as a Failure too.
`GuardedPool` hands items to idle workers and gives results back as they finish (a build streams
batches of documents through it); `run_guarded` gives them back in the order the items were given
(`vanban extract` reads and extracts files through it, within the same limits).

Each item's limits are its own: a time (a number, or a function of the item) and the memory a worker
may grow by while it works on it (likewise), so a batch's limits scale with what it holds.

Workers come from a fork server (multiprocessing's "forkserver"): a clean single-threaded process
that has imported what the workers need once (pyvi's model), so a worker starts in milliseconds,
shares that memory, and never inherits the threads of an engine opened in the parent.
"""

import contextlib
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import connection, forkserver, get_context

# Wall-clock seconds for one file (reading, OCR included, extraction and analysis), and more for each MB
# it holds (a 17 MB JSON Lines export is 200 documents, not one hostile file); the readers keep their
# own budgets below it (OCR stops early and says so), so this is the last resort.
FILE_SECONDS = 60
SECONDS_PER_MB = 20
# Address space a worker may grow by while it works on an item, over what it holds when it starts on it
# (pyvi's model and the interpreter, shared with the parent, and what earlier items left: Python keeps
# freed memory), and more for each MB the item holds: past it, allocations fail with MemoryError, which
# is reported, rather than the machine swapping.
WORKER_MEMORY = 768 << 20
MEMORY_PER_MB = 64 << 20
# Items handed out ahead of the first result not yet returned, per worker: bounds what waits in memory.
AHEAD_PER_WORKER = 4
REASON_LENGTH = 300
# Imported once in the fork server by default: the readers and extraction. The build's workers ask for
# pyvi's model too (`preload=`): only the first call of a process decides, since its fork server lives on.
PRELOAD = ["indexer.extract.corpus"]
_context = get_context("forkserver")


@dataclass(frozen=True)
class Failure:
    """Why the work on one item did not finish."""

    reason: str


def file_seconds(file) -> float:
    """The time a file (a path, or anything with a `.path`) may take: FILE_SECONDS, and SECONDS_PER_MB
    for each MB of it."""
    try:
        size = os.stat(getattr(file, "path", file)).st_size
    except OSError:
        size = 0
    return seconds_for(size)


def seconds_for(size: int) -> float:
    """The time an item of `size` bytes may take."""
    return FILE_SECONDS + SECONDS_PER_MB * size / 2**20


def memory_for(size: int) -> int:
    """The address space a worker may grow by for an item of `size` bytes."""
    return WORKER_MEMORY + MEMORY_PER_MB * size // 2**20


def _address_space() -> int:
    """The bytes of address space this process holds now (Linux /proc)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))


def _limit_memory(base: int, budget: int) -> None:
    """Let this process grow by at most `budget` bytes of address space over `base`."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = base + budget if hard == resource.RLIM_INFINITY else min(base + budget, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def failure_reason(err: BaseException) -> str:
    """Why an item failed, in one line for the report."""
    if isinstance(err, MemoryError):
        return "tệp cần quá nhiều bộ nhớ: bỏ qua"
    if isinstance(err, RecursionError):
        return "tệp lồng nhau quá sâu: bỏ qua"
    return f"lỗi khi đọc tệp ({type(err).__name__}: {err})"[:REASON_LENGTH].replace("\n", " ")


def _failure(err: BaseException) -> Failure:
    return Failure(failure_reason(err))


def _serve(conn, func: Callable) -> None:
    """A worker: take (index, item, memory budget), send back (index, result or Failure), until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    while (message := conn.recv()) is not None:
        index, item, budget = message
        _limit_memory(_address_space(), budget)
        try:
            result = func(item)
        except Exception as err:  # any failure of one item is that item's
            result = _failure(err)
        try:
            conn.send((index, result))
        except Exception as err:  # a result too big to send back is a failure too
            conn.send((index, _failure(err)))
    conn.close()


class _Worker:
    def __init__(self, func: Callable):
        self.conn, child = _context.Pipe()
        self.process = _context.Process(target=_serve, args=(child, func), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None   # the item it works on
        self.item = None
        self.deadline, self.seconds = 0.0, 0.0

    def give(self, index: int, item, seconds: float, budget: int) -> None:
        self.index, self.item, self.seconds, self.deadline = index, item, seconds, _now() + seconds
        self.conn.send((index, item, budget))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _now() -> float:
    return time.monotonic()


def _limit(value, item):
    return value(item) if callable(value) else value


@dataclass(frozen=True)
class Done:
    """An item the pool finished with: its result (or Failure), and the worker process that made it."""

    index: int
    item: object
    result: object
    pid: int


class GuardedPool:
    """Worker processes running `func` (a module-level function: it is sent to them by name) on one item
    each at a time, each item within `seconds` and `budget` bytes (numbers, or functions of the item).
    `preload` names modules the fork server imports once for every worker, when the first pool starts it.

    `give` an item while `idle()`; `wait()` returns what finished (at least one item when any is given).
    """

    def __init__(self, func: Callable, workers: int | None = None, seconds=FILE_SECONDS, budget=WORKER_MEMORY,
                 preload: tuple = ()):
        _context.set_forkserver_preload([*PRELOAD, *preload])
        self.func, self.seconds, self.budget = func, seconds, budget
        self.size = max(1, workers or os.cpu_count() or 1)
        self._pool: list[_Worker] = []
        self._given = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def idle(self) -> int:
        """How many more items can be given now."""
        return self.size - self.busy()

    def busy(self) -> int:
        return sum(w.index is not None for w in self._pool)

    def give(self, item) -> int:
        """Hand the item to an idle worker (started when there is none yet); its index in giving order."""
        worker = next((w for w in self._pool if w.index is None), None)
        if worker is None:
            if len(self._pool) >= self.size:
                raise RuntimeError("no idle worker: wait() first")
            worker = _Worker(self.func)
            self._pool.append(worker)
        index, self._given = self._given, self._given + 1
        worker.give(index, item, _limit(self.seconds, item), _limit(self.budget, item))
        return index

    def wait(self) -> list[Done]:
        """Wait for a result, a death or a deadline among the busy workers; replace the lost ones."""
        busy = [w for w in self._pool if w.index is not None]
        if not busy:
            return []
        timeout = max(0.0, min(w.deadline for w in busy) - _now())
        ready = connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        done = []
        for i, worker in enumerate(self._pool):
            if worker.index is None:
                continue
            message = None
            if worker.conn in ready:
                with contextlib.suppress(EOFError, OSError):  # it died: below
                    message = worker.conn.recv()
            if message is not None:
                done.append(Done(worker.index, worker.item, message[1], worker.process.pid))
                worker.index = worker.item = None
            elif worker.conn in ready or worker.process.sentinel in ready or _now() >= worker.deadline:
                late = worker.process.is_alive() and worker.conn not in ready
                done.append(Done(worker.index, worker.item,
                                 Failure(f"quá {worker.seconds:.0f} giây: bỏ qua" if late else
                                         "tiến trình đọc tệp dừng đột ngột (hết bộ nhớ?): bỏ qua"),
                                 worker.process.pid))
                worker.stop(kill=True)
                self._pool[i] = _Worker(self.func)
        return done

    def close(self) -> None:
        """Stop every worker (those still working are killed)."""
        for worker in self._pool:
            worker.stop(kill=worker.index is not None)
        self._pool = []


def run_guarded(func: Callable, items: Iterable, workers: int | None = None, seconds=FILE_SECONDS,
                budget=WORKER_MEMORY, preload: tuple = ()) -> Iterator[tuple]:
    """(item, func(item) or Failure) for each item, in order, each in a worker process of a GuardedPool
    (the same arguments); at most AHEAD_PER_WORKER items a worker are taken ahead of the first result
    not yet returned."""
    items = iter(items)
    with GuardedPool(func, workers, seconds, budget, preload) as pool:
        done: dict[int, tuple] = {}
        next_out, given, more = 0, 0, True
        while more or next_out < given:
            while more and pool.idle() and given < next_out + AHEAD_PER_WORKER * pool.size:
                item = next(items, _END)
                if item is _END:
                    more = False
                    break
                pool.give(item)
                given += 1
            for finished in pool.wait():
                done[finished.index] = (finished.item, finished.result)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1


_END = object()


def stop_fork_server() -> None:
    """Stop the fork server, with the modules it preloaded (pyvi's model among them: about 150 MB that no
    other process shares once the workers are gone); multiprocessing starts it again when a pool next
    makes a worker. `_stop` is private (CPython's tests use it, 3.8 to 3.13): without it nothing is stopped."""
    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()
