"""Shared helpers for the benchmarks: where the data is, timing, measured subprocesses, writing the figures."""

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ALQAC = ROOT.parent / "shared" / "data" / "alqac2022"
RESULTS = ROOT / "bench" / "results"


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def timed(fn, *args, **kwargs):
    """Run fn, return (result, seconds)."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def latency_summary(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 95), 2)}


def write_results(name: str, figures: dict) -> Path:
    """Print the figures and write them to bench/results/<name>.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"written to {path}")
    return path


# --- Subprocesses: builds measured from outside, a waitress server on loopback ---------------------


PYTHON = sys.executable
ENGINES = ("whoosh", "tantivy")


def process_time_summary(cpu_seconds: list[float]) -> dict:
    """p50/p95 of CPU seconds, to sit beside latency_summary's wall figures."""
    ms = [s * 1000 for s in cpu_seconds]
    return {"cpu_p50_ms": round(statistics.median(ms), 2), "cpu_p95_ms": round(percentile(ms, 95), 2)}


def index_command(paths: list[Path], index_dir: Path, engine: str | None = None) -> list[str]:
    """`python -m vanban index PATH... --index DIR [--engine E]` (no engine: the folder's own, or whoosh)."""
    command = [PYTHON, "-m", "vanban", "index", *map(str, paths), "--index", str(index_dir), "--quiet"]
    return command + ["--engine", engine] if engine else command


@dataclass(frozen=True)
class ProcessRun:
    """What one child process cost: wall and CPU seconds (its own and its workers'), peak RSS."""

    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    peak_rss_mb: float
    stderr: str

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05


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


def _pss(pid: int, rss: int) -> int:
    """A process's proportional set size: pages shared with others (pyvi's model, shared by the fork
    server and every worker) counted once across them, not once each as RSS does."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss


def _tree(root: int, table: dict) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo += [p for p, row in table.items() if row[0] == pid]
    return [p for p in pids if p in table]


def run_measured(command: list[str], cpus: str | None = None, env: dict | None = None,
                 timeout: float | None = None) -> ProcessRun:
    """Run a command to its end, sampling its whole process tree every 50 ms: CPU seconds of every
    process in it (its worker processes come from a fork server, which os.wait4 of the command never
    reaps), and the peak of the tree's summed memory (proportional set sizes: shared pages counted once).

    `cpus` ("0") pins it with taskset; past `timeout` seconds it is killed (returncode -9).
    """
    command = ["taskset", "-c", cpus, *command] if cpus else command
    cpu: dict[int, tuple[float, float]] = {}
    peak = 0
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, **(env or {})}, start_new_session=True)
        while proc.poll() is None:
            table = _process_table()
            tree = _tree(proc.pid, table)
            peak = max(peak, sum(_pss(p, table[p][3]) for p in tree))
            cpu.update({p: table[p][1:3] for p in tree})
            if timeout and time.perf_counter() - start > timeout:
                os.killpg(proc.pid, 9)
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    user, system = sum(c[0] for c in cpu.values()), sum(c[1] for c in cpu.values())
    return ProcessRun(proc.returncode, wall, user, system, peak / 2**20, stderr)


def tree_megabytes(folder: Path) -> float:
    """Bytes of every file under a folder, in MB."""
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 1e6


def rss_mb(pid: int) -> dict:
    """A live process's resident memory now and at its peak (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return {"rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
            "peak_rss_mb": round(int(fields["VmHWM"].split()[0]) / 1024, 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m waitress ... --call webui.app:create_app` on a free loopback port, as production runs it."""

    def __init__(self, index_dir: Path, threads: int = 4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "waitress", "--host", "127.0.0.1", "--port", str(self.port), f"--threads={threads}",
             "--call", "webui.app:create_app"],
            cwd=ROOT, env={**os.environ, "VANBAN_INDEX": str(index_dir)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/api/search?q=a", timeout=5).read()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("waitress exited before serving") from None
                time.sleep(0.2)
        raise RuntimeError("waitress did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
