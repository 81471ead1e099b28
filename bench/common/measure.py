"""Timing and measuring: percentiles, wall beside CPU, and child processes measured from outside
(CPU of the whole process tree, workers included, and the tree's peak memory)."""

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from common.data import ROOT

PYTHON = sys.executable
ENGINES = ("whoosh", "tantivy")


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def timed(fn, *args, **kwargs):
    """Run fn, return (result, wall seconds)."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def latency_summary(seconds: list[float]) -> dict:
    """n, p50 and p95 in ms of wall seconds."""
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 95), 2)}


def process_time_summary(cpu_seconds: list[float]) -> dict:
    """p50/p95 of CPU seconds, to sit beside latency_summary's wall figures."""
    ms = [s * 1000 for s in cpu_seconds]
    return {"cpu_p50_ms": round(statistics.median(ms), 2), "cpu_p95_ms": round(percentile(ms, 95), 2)}


def index_command(paths: list[Path], index_dir: Path, engine: str | None = None, quiet: bool = True) -> list[str]:
    """`python -m vanban index PATH... --index DIR [--engine E] [--quiet]` (no engine: the folder's own, or
    the one its size gets)."""
    command = [PYTHON, "-m", "vanban", "index", *map(str, paths), "--index", str(index_dir)]
    return command + (["--quiet"] if quiet else []) + (["--engine", engine] if engine else [])


@dataclass(frozen=True)
class ProcessRun:
    """What one child process cost: wall and CPU seconds (its own and its workers'), peak RSS."""

    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    peak_rss_mb: float
    stderr: str
    peak_at_s: float = 0.0        # when the peak was, from the start
    peak_main_mb: float = 0.0     # the command's own process's share of the peak (PSS)
    # The peak of the tree's anonymous memory alone (PSS less mapped files) and when it was: tantivy reads the
    # segments it merges through mmap, and those clean file pages count in PSS (an 8-segment merge of 10,000
    # documents: 925 MB of mapped index files, 17 MB anonymous) though the kernel drops them under pressure.
    peak_anon_mb: float = 0.0
    peak_anon_at_s: float = 0.0
    peak_file_mb: float = 0.0     # mapped files' share of the PSS peak
    oom_kills: int | None = None  # processes the kernel killed at the run's memory limit (None: no limit)

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05
# A long run is sampled less often: every 50 ms the sampler took 30% of a core beside the 10,000-document
# build (scanning /proc and the tree's smaps_rollup), CPU the build's own processes then waited for.
LONG_RUN_SECONDS, LONG_RUN_SAMPLE_SECONDS = 60, 0.5


def _process_table() -> dict[int, tuple[int, float, float, int]]:
    """pid -> (parent, user s, system s, resident bytes) of every process now (Linux /proc)."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after the command name, which may hold spaces
        # fields[1] ppid; [11] utime, [12] stime (its own: children are sampled themselves); [21] rss pages
        user, system = int(fields[11]) / CLOCK_TICKS, int(fields[12]) / CLOCK_TICKS
        table[int(entry.name)] = (int(fields[1]), user, system, int(fields[21]) * PAGE_BYTES)
    return table


def _pss(pid: int, rss: int) -> tuple[int, int]:
    """A process's proportional set size, and the anonymous part of it: pages shared with others (pyvi's
    model, shared by the fork server and every worker) counted once across them, not once each as RSS does."""
    sizes = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("Pss", "Pss_Anon"):
                sizes[key] = int(value.split()[0]) * 1024
    except OSError:
        pass
    return sizes.get("Pss", rss), sizes.get("Pss_Anon", rss)


def _tree(root: int, table: dict) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += [p for p, row in table.items() if row[0] == pid]
    return [p for p in pids if p in table]


CGROUP_ROOT = Path("/sys/fs/cgroup")


@contextlib.contextmanager
def memory_group(megabytes: int):
    """A memory cgroup of this process's own (Linux, cgroup v1 or v2, as root) whose processes may hold
    `megabytes` MiB together, page cache included: the kernel reclaims file pages at the limit and kills a
    process when anonymous memory alone would pass it. Yields (the group's folder, the file counting its
    kills); removed afterwards."""
    lines = [line.split(":", 2) for line in Path("/proc/self/cgroup").read_text().splitlines()]
    v1 = next((path for _, kinds, path in lines if "memory" in kinds.split(",")), None)
    if v1 is not None:
        folder, limit, events = CGROUP_ROOT / "memory" / v1.lstrip("/"), "memory.limit_in_bytes", "memory.oom_control"
    else:
        v2 = next(path for number, _, path in lines if number == "0")
        folder, limit, events = CGROUP_ROOT / v2.lstrip("/"), "memory.max", "memory.events"
    group = folder / f"vanban-bench-{os.getpid()}"
    try:
        group.mkdir()
    except OSError as err:
        raise SystemExit(f"a memory limit needs a memory cgroup this process may make (Linux, as root): {err}") from err
    try:
        (group / limit).write_text(str(megabytes * 2**20))
        yield group, group / events
    finally:
        group.rmdir()


def _oom_kills(events: Path) -> int:
    counts = dict(line.split() for line in events.read_text().splitlines())
    return int(counts.get("oom_kill", 0))


def run_measured(command: list[str], cpus: str | None = None, env: dict | None = None,
                 timeout: float | None = None, memory_limit_mb: int | None = None) -> ProcessRun:
    """Run a command to its end, sampling its whole process tree every 50 ms (every 0.5 s past its first
    minute): CPU seconds of every
    process in it (its worker processes come from a fork server, which os.wait4 of the command never
    reaps), and the peak of the tree's summed memory (proportional set sizes: shared pages counted once),
    with the peak of its anonymous part apart.

    `cpus` ("0") pins it with taskset; past `timeout` seconds it is killed (returncode -9); with
    `memory_limit_mb` it runs in a memory cgroup of that size (memory_group).
    """
    with memory_group(memory_limit_mb) if memory_limit_mb else contextlib.nullcontext((None, None)) as (group, events):
        run = _run_sampled(command, cpus, env, timeout, group)
        return run if events is None else replace(run, oom_kills=_oom_kills(events))


def _run_sampled(command: list[str], cpus: str | None, env: dict | None, timeout: float | None,
                 group: Path | None) -> ProcessRun:
    command = ["taskset", "-c", cpus, *command] if cpus else command
    cpu: dict[int, tuple[float, float]] = {}
    peak = peak_at = peak_main = peak_file = anon = anon_at = 0
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, **(env or {})}, start_new_session=True,
                                preexec_fn=(lambda: (group / "cgroup.procs").write_text(str(os.getpid())))
                                if group else None)
        while proc.poll() is None:
            table = _process_table()
            tree = _tree(proc.pid, table)
            sizes = {p: _pss(p, table[p][3]) for p in tree}
            total, anonymous = sum(s[0] for s in sizes.values()), sum(s[1] for s in sizes.values())
            if total > peak:
                peak, peak_at = total, time.perf_counter() - start
                peak_main, peak_file = sizes.get(proc.pid, (0, 0))[0], total - anonymous
            if anonymous > anon:
                anon, anon_at = anonymous, time.perf_counter() - start
            cpu.update({p: table[p][1:3] for p in tree})
            if timeout and time.perf_counter() - start > timeout:
                os.killpg(proc.pid, 9)
            long_run = time.perf_counter() - start > LONG_RUN_SECONDS
            time.sleep(LONG_RUN_SAMPLE_SECONDS if long_run else SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    user, system = sum(c[0] for c in cpu.values()), sum(c[1] for c in cpu.values())
    return ProcessRun(proc.returncode, wall, user, system, peak / 2**20, stderr, peak_at, peak_main / 2**20,
                      anon / 2**20, anon_at, peak_file / 2**20)


def tree_megabytes(folder: Path) -> float:
    """Bytes of every file under a folder, in MB."""
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6


def rss_mb(pid: int) -> dict:
    """A live process's resident memory now and at its peak (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {"rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
            "peak_rss_mb": round(int(fields["VmHWM"].split()[0]) / 1024, 1)}
