"""The build on a Dask cluster of this machine: 2 workers against 1, the client's CPU, the writer's ceiling,
a worker killed mid-build.

The corpus: gazette_dev and local_dev, each record written as one text file (a JSON Lines export is cut
into batches of its records the same way: builder/batches.py). The cluster is started as a user starts
it: `dask scheduler` and `dask worker --nworkers 1 --nthreads 1` per worker, on 127.0.0.1; this process
is the client and the one writer.

- speed: the same build on a fresh cluster of 1 worker process, then of 2: wall, and the ratio; then, on
  the warm cluster, the workers' part alone (every file's results taken and dropped, nothing written), since
  on this machine the writer shares the two cores with the workers.
- client CPU: this process's own CPU in the 2-worker build beside the main process of a local build with 2
  guarded processes (the same number), as a share of that local build's whole CPU (its process tree).
- writer's ceiling: the analysed results of the whole corpus, pickled as they come from workers, fed to
  build_index as fast as it takes them (listing, unpickling, the engine's writes and commit, the derived
  values, the switch): documents/s and MB/s of text, and how many workers at the 1-worker rate that keeps busy.
- a worker killed: kill -9 of one of 2 workers' process mid-build: the build completes, each document once.

Usage: python bench/cluster.py [--engine tantivy] [--records N]
"""

import argparse
import json
import os
import pickle
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from common import GAZETTE_RECORDS, LOCAL_DEV_RECORDS, ROOT, read_jsonl, write_results
from distributed import Client

from indexer.builder.cluster import connect_cluster
from indexer.builder.executors import Local
from indexer.builder.index import build_index
from indexer.builder.workers import FileDone, analysed
from indexer.engines import Every
from indexer.sources.files import list_files
from indexer.sources.guard import Done
from indexer.store import open_index

DASK = Path(sys.executable).parent / "dask"
STARTUP_SECONDS = 120
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def write_corpus(folder: Path, records: int | None = None) -> Path:
    """gazette_dev and local_dev, one text file per record (the first `records` of each, if given)."""
    for name, path in (("gazette", GAZETTE_RECORDS), ("local", LOCAL_DEV_RECORDS)):
        (folder / name).mkdir(parents=True)
        for n, record in enumerate(read_jsonl(path)[:records]):
            (folder / name / f"{n:04d}.txt").write_text(record["text"], encoding="utf-8")
    return folder


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and its descendants, those alive and those reaped (cutime, cstime)."""
    table = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            table[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / CLOCK_TICKS)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += table.get(pid, (0, 0.0))[1]
        todo += [p for p, row in table.items() if row[0] == pid]
    return total


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _start(args: list[str], log: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen([str(DASK), *args], stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})


class Machines:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, each in its own process group."""

    def __init__(self, folder: Path, workers: int):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        self.processes = [_start(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 folder / "scheduler.log")]
        self.processes += [_start(["worker", self.address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                                   "--no-dashboard", "--death-timeout", "60"], folder / f"worker{n}.log")
                           for n in range(workers)]
        with Client(self.address, timeout=STARTUP_SECONDS) as client:
            client.wait_for_workers(workers, timeout=STARTUP_SECONDS)

    def cpu(self) -> float:
        return sum(tree_cpu(p.pid) for p in self.processes[1:])

    def stop(self) -> None:
        for process in self.processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(20)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextmanager
def machines(folder: Path, workers: int):
    started = Machines(folder, workers)
    try:
        yield started
    finally:
        started.stop()


def documents(index: Path) -> tuple[int, int]:
    """(documents stored, distinct ids among them)."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        ids = [searcher.stored(key, text=False)["id"] for key, _ in searcher.search(Every(), limit=10**6).hits]
    return len(ids), len(set(ids))


def build_figures(report, wall: float, client_cpu: float, workers_cpu: float, megabytes: float) -> dict:
    return {"wall_s": round(wall, 1), "client_cpu_s": round(client_cpu, 1), "workers_cpu_s": round(workers_cpu, 1),
            "documents": report.documents_indexed, "skipped": len(report.skipped),
            "mb_per_s_wall": round(megabytes / wall, 3)}


class Recording:
    """An executor that keeps each unit's result it passes on, pickled as a worker sends it (for the writer's
    ceiling)."""

    def __init__(self, executor, analysed: dict):
        self.executor, self.analysed, self.reads_paths = executor, analysed, executor.reads_paths

    @contextmanager
    def pool(self, func, seconds, budget, preload=()):
        with self.executor.pool(func, seconds, budget, preload) as inner:
            real_wait = inner.wait

            def wait():
                finished = real_wait()
                for done in finished:
                    if isinstance(done.result, list):
                        for result in done.result:
                            self.analysed[(result.source, result.ordinal)] = pickle.dumps(result)
                return finished

            inner.wait = wait
            yield inner


def on_cluster(corpus: Path, work: Path, name: str, workers: int, engine: str, megabytes: float,
               kill: bool = False, record: dict | None = None) -> dict:
    """A build on a fresh cluster of `workers` worker processes (with `kill`, one killed -9 mid-build; with
    `record`, each unit's result kept there)."""
    (work / name).mkdir()
    with machines(work / name, workers) as started, Client(started.address) as watcher:
        pids, killed = watcher.run(os.getpid), []

        def kill_a_busy_worker(progress):
            busy = [w for w, keys in watcher.processing().items() if keys and w in pids]
            if kill and not killed and busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(progress.files_read)

        cpu0, workers0, t0 = own_cpu(), started.cpu(), time.perf_counter()
        with connect_cluster(started.address) as executor:
            executor = executor if record is None else Recording(executor, record)
            report = build_index([corpus], work / name / "ix", engine=engine, executor=executor,
                                 progress=kill_a_busy_worker)
        wall, cpu, workers_cpu = time.perf_counter() - t0, own_cpu() - cpu0, started.cpu() - workers0
        analysis = None if kill else analysis_alone(corpus, started)
    figures = build_figures(report, wall, cpu, workers_cpu, megabytes)
    if analysis:
        figures["analysis_alone"] = analysis
    stored, distinct = documents(work / name / "ix")
    figures.update(stored=stored, distinct_ids=distinct)
    if kill:
        figures["killed_after_files"] = killed[0] if killed else None
    return figures


def analysis_alone(corpus: Path, started: Machines) -> dict:
    """The workers' part alone, on the warm cluster: every file's results taken and dropped, nothing written
    (so the client, which shares this machine's cores, barely competes)."""
    cpu0, workers0, t0 = own_cpu(), started.cpu(), time.perf_counter()
    with connect_cluster(started.address) as executor:
        files = sum(isinstance(r, FileDone) for r in analysed(list_files([corpus]), executor=executor))
    return {"files": files, "wall_s": round(time.perf_counter() - t0, 1), "client_cpu_s": round(own_cpu() - cpu0, 1),
            "workers_cpu_s": round(started.cpu() - workers0, 1)}


def local(corpus: Path, work: Path, engine: str, megabytes: float) -> dict:
    """The same build here with 2 guarded processes: the main process's CPU and the whole tree's."""
    cpu0, tree0, t0 = own_cpu(), tree_cpu(os.getpid()), time.perf_counter()
    report = build_index([corpus], work / "local" / "ix", engine=engine, executor=Local(workers=2))
    wall, cpu, tree = time.perf_counter() - t0, own_cpu() - cpu0, tree_cpu(os.getpid()) - tree0
    return {**build_figures(report, wall, cpu, tree - cpu, megabytes), "tree_cpu_s": round(tree, 1)}


class Replay:
    """An executor whose units are already analysed: each unit's result, pickled as a worker sends it, handed
    back as soon as its batch is given."""

    reads_paths = True

    def __init__(self, analysed: dict[tuple, bytes]):
        self.analysed = analysed

    def pool(self, func, seconds, budget, preload=()):
        return _Replayed(self.analysed)


class _Replayed:
    def __init__(self, analysed: dict[tuple, bytes]):
        self.analysed, self.ready, self.given = analysed, [], 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def idle(self) -> int:
        return 2 - len(self.ready)

    def busy(self) -> int:
        return len(self.ready)

    def give(self, batch) -> int:
        results = [pickle.loads(self.analysed[(u.source, u.ordinal)]) for u in batch.units]
        self.ready.append(Done(self.given, batch, results, os.getpid()))
        self.given += 1
        return self.given - 1

    def wait(self) -> list:
        ready, self.ready = self.ready, []
        return ready


def writer_ceiling(corpus: Path, work: Path, engine: str, megabytes: float, analysed: dict) -> dict:
    """build_index fed pre-analysed results as fast as it takes them."""
    cpu0, t0 = own_cpu(), time.perf_counter()
    report = build_index([corpus], work / "writer" / "ix", engine=engine, executor=Replay(analysed))
    wall, cpu = time.perf_counter() - t0, own_cpu() - cpu0
    return {"documents": report.documents_indexed, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "documents_per_s": round(report.documents_indexed / wall, 1), "mb_per_s": round(megabytes / wall, 2),
            "results_mb_pickled": round(sum(map(len, analysed.values())) / 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="tantivy", choices=("tantivy", "whoosh"))
    parser.add_argument("--records", type=int, help="the first N records of each set only (a quick run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_corpus(work / "corpus", args.records)
        files = list_files([corpus])
        megabytes = sum(f.path.stat().st_size for f in files) / 1e6
        figures = {"corpus": {"files": len(files), "megabytes": round(megabytes, 1)}, "engine": args.engine,
                   "load_average_before": os.getloadavg()}
        figures["one_worker"] = on_cluster(corpus, work, "one", 1, args.engine, megabytes)
        figures["two_workers"] = on_cluster(corpus, work, "two", 2, args.engine, megabytes)
        figures["local_two_processes"] = local(corpus, work, args.engine, megabytes)
        recorded: dict[tuple, bytes] = {}
        figures["killed_one_of_two"] = on_cluster(corpus, work, "killed", 2, args.engine, megabytes, kill=True,
                                                  record=recorded)
        figures["writer"] = writer_ceiling(corpus, work, args.engine, megabytes, recorded)
    one, two, here = figures["one_worker"], figures["two_workers"], figures["local_two_processes"]
    per_worker = megabytes / one["wall_s"]
    figures["summary"] = {
        "speed_two_over_one": round(one["wall_s"] / two["wall_s"], 2),
        "analysis_alone_two_over_one": round(one["analysis_alone"]["wall_s"] / two["analysis_alone"]["wall_s"], 2),
        "client_cpu_added_share_of_local": round((two["client_cpu_s"] - here["client_cpu_s"]) / here["tree_cpu_s"], 3),
        "client_cpu_share_of_local": round(two["client_cpu_s"] / here["tree_cpu_s"], 3),
        "one_worker_mb_per_s": round(per_worker, 3),
        "workers_one_writer_keeps_busy": int(figures["writer"]["mb_per_s"] / per_worker),
        # by CPU, which the other work on this machine does not inflate: the writer's MB per CPU second over
        # one worker's (its analysis alone)
        "workers_one_writer_keeps_busy_by_cpu": round(
            (megabytes / figures["writer"]["cpu_s"]) / (megabytes / one["analysis_alone"]["workers_cpu_s"]), 1),
        "killed_build_complete_once": figures["killed_one_of_two"]["stored"] == figures["killed_one_of_two"][
            "distinct_ids"] == here["documents"] and figures["killed_one_of_two"]["skipped"] == 0,
        "load_average_after": os.getloadavg(),
    }
    write_results("cluster", figures)
    print(json.dumps(figures["summary"]))


if __name__ == "__main__":
    main()
