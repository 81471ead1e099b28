"""The build's reading and analysis on a Dask cluster; the process that runs the build stays the one writer.

Why Dask (distributed) rather than Ray: the build is a Python batch of independent units, and Dask's
scheduler and workers are two commands (`dask scheduler`, `dask worker tcp://HOST:PORT`) from the same pip
install, with futures whose results the client takes one at a time, a task retried elsewhere when its
worker dies, and nothing else to run; Ray brings its own object store, dashboard and daemons per machine
for workloads (actors, GPUs, shared memory) the build does not have.

How a unit runs on a worker: its Dask task (`_run_unit`) calls run_guarded on a one-item list, so the
unit runs in a guarded process of the worker's own machine (indexer/sources/guard.py: forked from that
worker's fork server, pyvi's model loaded once) within the same time and memory limits as a local build;
an exception, a crash or a hang comes back as that unit's Failure, and the Dask worker lives on. Dask
starts a worker under its nanny as a daemonic process, which multiprocessing forbids to have children:
the task clears that flag for its own process (each guarded process ends when its worker's pipe closes,
so none outlives a killed worker).

Faults:
- A worker that dies mid-unit: the scheduler runs its tasks again on another worker (Dask retries a task
  whose worker died, `distributed.scheduler.allowed-failures` times); the client takes each unit's result
  once, from its future, when that future completes, so the writer writes each document once. A unit that
  killed every worker it was given to comes back as its Failure.
- The scheduler gone: its futures are cancelled; the build stops with ClusterError before the generation
  switch, so the current index is untouched.
- Another version: before any work, `client.run` asks every worker for the index format, vanban's, pyvi's
  and Python's versions and a digest of the analysis code; a difference refuses the cluster in one line.
  Each task checks the same on its worker, for a worker that joins later.

A unit is a batch of documents (builder/batches.py). In flight: at most AHEAD_PER_THREAD batches per
worker thread; a file's bytes shipped at most MAX_SHIPPED_BYTES (builder/batches.py): a batch with a
larger file is done by this process's own guarded worker.
"""

import contextlib
import hashlib
import logging
import multiprocessing
import os
import platform
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import dask
from distributed import Client
from distributed.scheduler import KilledWorker

from indexer.builder.batches import MAX_SHIPPED_BYTES
from indexer.errors import ClusterError
from indexer.sources.guard import Done, Failure, run_guarded
from indexer.store import FORMAT_VERSION

# Seconds to reach the scheduler and to see a first worker: a host that does not answer is a typo or a
# firewall, said after this rather than waited on.
CONNECT_SECONDS = 10
CLOSE_SECONDS = 5
# Units in flight per worker thread: as guard.AHEAD_PER_WORKER, a worker never waits for the client's next
# unit, and the client holds a bounded number of results and shipped bytes.
AHEAD_PER_THREAD = 4
# How often the client looks at the cluster while it waits for a unit: the scheduler's status, its workers.
POLL_SECONDS = 1.0
# A cluster left with no worker this long stops the build (the index untouched) rather than wait forever.
WORKERLESS_SECONDS = 120
# Dask warns of a task over 10 MB; ours are bounded by MAX_SHIPPED_BYTES on purpose.
LARGE_TASK = MAX_SHIPPED_BYTES + (1 << 20)
# What must be the same on every machine, in the order a difference is named.
VERSION_NAMES = {"format": "định dạng chỉ mục", "vanban": "vanban", "pyvi": "pyvi", "python": "Python",
                 "code": "mã phân tích"}
ROOT = Path(__file__).resolve().parents[2]
ANALYSIS_CODE = ("analyzers", "indexer")  # what a unit runs: its digest tells an edited copy from ours


def _one_line(text: str, length: int = 300) -> str:
    return " ".join(text.split())[:length]


def _installed(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "chưa cài"


@cache
def code_digest() -> str:
    """A digest of the analysis code this process runs (every .py under analyzers/ and indexer/)."""
    digest = hashlib.sha1()
    for path in sorted(p for folder in ANALYSIS_CODE for p in (ROOT / folder).rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@cache  # what this process imported: it runs that code whatever is installed since
def versions() -> dict[str, str]:
    """What must match between the client and every worker, as this process has it."""
    return {"format": str(FORMAT_VERSION), "vanban": _installed("vanban"), "pyvi": _installed("pyvi"),
            "python": ".".join(platform.python_version_tuple()[:2]), "code": code_digest()}


def difference(where: str, found: dict, expected: dict) -> str | None:
    """The first version a machine has that differs from this one's, said in one line; None if none.

    >>> difference("tcp://10.0.0.2:4000", {"pyvi": "0.1.0"}, {"pyvi": "0.1.1"})
    'máy làm việc tcp://10.0.0.2:4000 có pyvi 0.1.0, máy này có 0.1.1'
    """
    for key, name in VERSION_NAMES.items():
        if found.get(key) != expected.get(key):
            return f"máy làm việc {where} có {name} {found.get(key)}, máy này có {expected.get(key)}"
    return None


def check_versions(answers: dict, expected: dict) -> None:
    """Refuse a cluster one of whose workers runs other versions (or cannot say which): ClusterError."""
    wrong = []
    for where, found in sorted(answers.items()):
        if isinstance(found, BaseException):
            wrong.append(_one_line(f"máy làm việc {where} không chạy được vanban ({type(found).__name__}: {found})"))
        elif isinstance(found, dict) and (said := difference(where, found, expected)):
            wrong.append(said)
    if wrong:
        more = f" (và {len(wrong) - 1} máy khác)" if len(wrong) > 1 else ""
        raise ClusterError(f"{wrong[0]}{more}: cài cùng phiên bản vanban và pyvi trên mọi máy rồi chạy lại")


def _run_unit(func: Callable, item, seconds: float, budget: int, preload: tuple, expected: dict) -> tuple:
    """On a worker: (its process id, the unit's result) in a guarded process of this machine, once its
    versions are checked."""
    if said := difference("này", versions(), expected):
        raise ClusterError(said)
    multiprocessing.current_process().daemon = False  # the nanny's daemon flag; see the module's docstring
    # Each unit gets a fresh guarded process: its fork server imports once what each would import again.
    once = (*main_imports(), *preload, getattr(func, "func", func).__module__)
    return os.getpid(), next(iter(run_guarded(func, [item], workers=1, seconds=seconds, budget=budget,
                                              preload=once)))[1]


def main_imports() -> tuple[str, ...]:
    """The modules this process's main script imports (for `dask worker`, dask's command line).

    multiprocessing runs the main script again in every process its fork server starts, and that fork
    server never preloads it, whatever it is asked (Python 3.11 looks for a key its preparation data
    lacks). With what the script imports preloaded, running it again costs next to nothing: a unit's
    fresh process on a worker took 110 ms of CPU, 15 ms with them preloaded (30 units each way)."""
    main = sys.modules.get("__main__")
    found = {v.__name__ if isinstance(v, ModuleType) else getattr(v, "__module__", None)
             for v in vars(main).values()} if main else set()
    return tuple(sorted(n for n in found if isinstance(n, str) and n in sys.modules
                        and n not in ("__main__", "__mp_main__", "builtins")))


class Cluster:
    """An executor (builder/executors.py) over a connected Dask client."""

    def __init__(self, client: Client, address: str, shared_path: bool, expected: dict):
        self.client, self.address, self.expected = client, address, expected
        self.reads_paths = shared_path  # every machine mounts the corpus at the same path
        self._threads, self._threads_seen = 1, 0.0
        self._workerless_since: float | None = None

    def pool(self, func: Callable, seconds, budget, preload: tuple = ()) -> "ClusterPool":
        """A pool whose items run on the cluster's workers, each in a guarded process of its machine."""
        return ClusterPool(self, func, seconds, budget, preload)

    def worker_threads(self) -> int:
        """The cluster's worker threads, looked up again every POLL_SECONDS (machines join and leave)."""
        if time.monotonic() - self._threads_seen > POLL_SECONDS:
            self._threads_seen = time.monotonic()
            with contextlib.suppress(Exception):  # a scheduler gone is seen where the client waits
                workers = self.client.scheduler_info()["workers"].values()
                self._threads = max(1, sum(w.get("nthreads", 1) for w in workers))
        return self._threads

    def check(self) -> None:
        """ClusterError if the scheduler is gone, or has had no worker for WORKERLESS_SECONDS."""
        if self.client.status not in ("running", "connecting"):
            raise self.lost()
        with contextlib.suppress(Exception):
            if self.client.scheduler_info()["workers"]:
                self._workerless_since = None
                return
        self._workerless_since = self._workerless_since or time.monotonic()
        if time.monotonic() - self._workerless_since > WORKERLESS_SECONDS:
            raise ClusterError(f"bộ lập lịch {self.address} không còn máy làm việc nào trong {WORKERLESS_SECONDS} "
                               "giây: dừng lập chỉ mục, chỉ mục hiện tại không đổi")

    def lost(self) -> ClusterError:
        return ClusterError(f"mất kết nối tới bộ lập lịch {self.address}: dừng lập chỉ mục, chỉ mục hiện tại không đổi")


class ClusterPool:
    """GuardedPool's interface (builder/executors.py) over the cluster: an item given is a Dask task, run
    on a worker in a guarded process of that machine (an item with a file too big to ship, in one of this
    machine, before `give` returns); `wait` takes what finished, looking at the cluster while it waits."""

    def __init__(self, cluster: Cluster, func: Callable, seconds, budget, preload: tuple):
        self.cluster, self.func, self.seconds, self.budget, self.preload = cluster, func, seconds, budget, preload
        self._running: dict = {}        # future -> (index, item)
        self._ready: list[Done] = []    # done here, not taken yet
        self._given = 0
        self._finished = threading.Event()  # set when a task finishes (the client's own thread)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self._running and self.cluster.client.status == "running":
            with contextlib.suppress(Exception):
                self.cluster.client.cancel(list(self._running))
        self._running = {}

    def busy(self) -> int:
        return len(self._running) + len(self._ready)

    def idle(self) -> int:
        return max(0, AHEAD_PER_THREAD * self.cluster.worker_threads() - self.busy())

    def give(self, item) -> int:
        index, self._given = self._given, self._given + 1
        if not self.cluster.reads_paths:
            item = item.shipped()
        seconds, budget = _limit(self.seconds, item), _limit(self.budget, item)
        if item.on_client:  # too big to ship: done here, guarded the same way
            result = next(iter(run_guarded(self.func, [item], workers=1, seconds=seconds, budget=budget,
                                           preload=self.preload)))[1]
            self._ready.append(Done(index, item, result, os.getpid()))
            return index
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": LARGE_TASK}):
            future = self.cluster.client.submit(_run_unit, self.func, item, seconds, budget, self.preload,
                                                self.cluster.expected, pure=False)
        self._running[future] = (index, item)
        future.add_done_callback(lambda _: self._finished.set())
        return index

    def wait(self) -> list[Done]:
        if self._ready or not self._running:
            done, self._ready = self._ready, []
            return done
        while True:
            self._finished.clear()
            if finished := [future for future in self._running if future.done()]:
                return [self._done(future) for future in finished]
            if not self._finished.wait(POLL_SECONDS):
                self.cluster.check()

    def _done(self, future) -> Done:
        index, item = self._running.pop(future)
        try:
            pid, result = future.result()
        except KilledWorker:
            tries = dask.config.get("distributed.scheduler.allowed-failures") + 1
            return Done(index, item, Failure(f"máy làm việc dừng đột ngột {tries} lần khi làm phần này: bỏ qua"), 0)
        except ClusterError:
            raise
        except Exception as err:  # the task's own error, or the client's link to the scheduler broken
            if future.status != "error" or self.cluster.client.status != "running":
                raise self.cluster.lost() from err
            raise ClusterError(_one_line(f"máy làm việc báo lỗi ({type(err).__name__}: {err})")) from err
        return Done(index, item, result, pid)


def _limit(value, item):
    return value(item) if callable(value) else value


def _quiet() -> None:
    """Turn distributed's logging down: it logs a lost connection as a traceback, and the build never prints
    (ClusterError says it in one line). Its config gives some loggers a level of their own."""
    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.CRITICAL)


@contextlib.contextmanager
def connect_cluster(scheduler: str, shared_path: bool = False, timeout: float = CONNECT_SECONDS) -> Iterator[Cluster]:
    """A Dask cluster as the build's executor, its workers' versions checked; ClusterError if it cannot be."""
    _quiet()
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        said = f"không kết nối được bộ lập lịch {scheduler} ({type(err).__name__}: {err})"
        raise ClusterError(_one_line(said)) from err
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as err:
            raise ClusterError(f"bộ lập lịch {scheduler} chưa có máy làm việc nào: chạy `dask worker {scheduler}` "
                               "trên mỗi máy") from err
        expected = versions()
        check_versions(client.run(versions, on_error="return"), expected)
        yield Cluster(client, scheduler, shared_path, expected)
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=CLOSE_SECONDS)
