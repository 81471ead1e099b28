"""Run work on files in worker processes, each file within bounded time and memory, whatever it holds.

One bad file never stops the rest: an exception (MemoryError and RecursionError included) comes back
as a `Failure` with its reason; a worker that dies (a crash in a C library, the memory limit) or
runs past the time limit is killed and replaced, and its file comes back as a Failure too. Results
come back in the order the items were given. `vanban index` reads, extracts and analyses through this;
`vanban extract` reads and extracts through it, within the same limits.

Workers come from a fork server (multiprocessing's "forkserver"): a clean single-threaded process
that has imported what the workers need once (pyvi's model), so a worker starts in milliseconds,
shares that memory, and never inherits the threads of an engine opened in the parent.
"""

import contextlib
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import connection, get_context

# Wall-clock seconds for one file (reading, OCR included, extraction and analysis), and more for each MB
# it holds (a 17 MB JSON Lines export is 200 documents, not one hostile file); the readers keep their
# own budgets below it (OCR stops early and says so), so this is the last resort.
FILE_SECONDS = 60
SECONDS_PER_MB = 20
# Address space a worker may grow by while it works on a file, over what it held when it started
# (pyvi's model and the interpreter, shared with the parent): past it, allocations fail with
# MemoryError, which is reported, rather than the machine swapping.
WORKER_MEMORY = 768 << 20
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
    return FILE_SECONDS + SECONDS_PER_MB * size / 2**20


def _limit_memory(budget: int) -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    resource.setrlimit(resource.RLIMIT_AS, (size + budget, size + budget))


def _failure(err: BaseException) -> Failure:
    if isinstance(err, MemoryError):
        return Failure("tệp cần quá nhiều bộ nhớ: bỏ qua")
    if isinstance(err, RecursionError):
        return Failure("tệp lồng nhau quá sâu: bỏ qua")
    return Failure(f"lỗi khi đọc tệp ({type(err).__name__}: {err})"[:REASON_LENGTH].replace("\n", " "))


def _serve(conn, func: Callable, budget: int) -> None:
    """A worker: take (index, item), send back (index, result or Failure), until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    _limit_memory(budget)
    while (message := conn.recv()) is not None:
        index, item = message
        try:
            result = func(item)
        except Exception as err:  # any failure of one file is that file's
            result = _failure(err)
        try:
            conn.send((index, result))
        except Exception as err:  # a result too big to send back is a failure too
            conn.send((index, _failure(err)))
    conn.close()


class _Worker:
    def __init__(self, func: Callable, budget: int):
        self.conn, child = _context.Pipe()
        self.process = _context.Process(target=_serve, args=(child, func, budget), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None   # the item it works on
        self.deadline, self.seconds = 0.0, 0.0

    def give(self, index: int, item, seconds) -> None:
        self.seconds = seconds(item) if callable(seconds) else seconds
        self.index, self.deadline = index, _now() + self.seconds
        self.conn.send((index, item))

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


def run_guarded(func: Callable, items: Iterable, workers: int | None = None, seconds=FILE_SECONDS,
                budget: int = WORKER_MEMORY, preload: tuple = ()) -> Iterator[tuple]:
    """(item, func(item) or Failure) for each item, in order, each in a worker process. `func` is a
    module-level function (it is sent to the workers by name); `seconds` a number, or a function of
    the item giving its time limit; `preload` names modules the fork server imports once for every
    worker, when this call starts it."""
    _context.set_forkserver_preload([*PRELOAD, *preload])
    items = list(items)
    count = max(1, min(workers or os.cpu_count() or 1, len(items)))
    pool: list[_Worker] = []
    done: dict[int, object] = {}
    queue = deque(enumerate(items))
    next_out = 0
    try:
        pool = [_Worker(func, budget) for _ in range(count if items else 0)]
        while next_out < len(items):
            for worker in pool:
                if worker.index is None and queue and queue[0][0] < next_out + AHEAD_PER_WORKER * count:
                    worker.give(*queue.popleft(), seconds)
            _collect(pool, done, func, budget)
            while next_out in done:
                yield items[next_out], done.pop(next_out)
                next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=worker.index is not None)


def _collect(pool: list, done: dict, func: Callable, budget: int) -> None:
    """Wait for a result, a death or a deadline among the busy workers; replace the lost ones."""
    busy = [w for w in pool if w.index is not None]
    if not busy:
        return
    timeout = max(0.0, min(w.deadline for w in busy) - _now())
    ready = connection.wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
    for i, worker in enumerate(pool):
        if worker.index is None:
            continue
        message = None
        if worker.conn in ready:
            with contextlib.suppress(EOFError, OSError):  # it died: below
                message = worker.conn.recv()
        if message is not None:
            done[message[0]], worker.index = message[1], None
        elif worker.conn in ready or worker.process.sentinel in ready or _now() >= worker.deadline:
            late = worker.process.is_alive() and worker.conn not in ready
            done[worker.index] = Failure(f"quá {worker.seconds:.0f} giây: bỏ qua" if late else
                                         "tiến trình đọc tệp dừng đột ngột (hết bộ nhớ?): bỏ qua")
            worker.stop(kill=True)
            pool[i] = _Worker(func, budget)
