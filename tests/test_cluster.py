"""The build on a real Dask cluster: a scheduler and workers started with the `dask` command-line tools, as a
user starts them, on 127.0.0.1 only, and stopped at the end of the module. The cluster's index is the local
build's; a worker killed mid-build costs nothing; a scheduler gone stops the build and leaves the index as it
was; workers of another version are refused before any work is sent.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from distributed import Client
from helpers import CORPUS, ROOT, SHARED_DATA

from indexer.builder import batches
from indexer.builder.batches import Batch, File, file_unit, ship, work
from indexer.builder.cluster import check_versions, connect_cluster, versions
from indexer.builder.index import build_index
from indexer.engines import Every
from indexer.errors import ClusterError
from indexer.searching import search
from indexer.sources.files import list_files, path_text
from indexer.store import open_index

DASK = Path(sys.executable).parent / "dask"  # the command-line tool distributed installs beside python
GAZETTE = SHARED_DATA / "gazette_dev" / "documents.jsonl"
LOCAL_DEV = SHARED_DATA / "local_dev" / "documents.jsonl"
GAZETTE_FILES = 10          # gazette texts under GAZETTE_MAX_CHARS, one .txt file each: units to spread
GAZETTE_MAX_CHARS = 40_000
LOCAL_RECORDS = 6           # local_dev records in one JSON Lines file: a shipped export, metadata overrides
STARTUP_SECONDS = 90        # a loaded CI machine starts Python, dask and pyvi slowly
QUERIES = ["tham nhũng", "thong tu", "nghị định", "bảo hiểm xã hội", "chuyển đổi số", "Ủy ban nhân dân"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], log: Path, env: dict | None = None) -> subprocess.Popen:
    """A dask command in its own process group (its nanny, worker and their children stop with it)."""
    with open(log, "wb") as out:
        return subprocess.Popen([str(DASK), *args], stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
        process.wait(15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Machines:
    """A scheduler and its workers, each a `dask` command run here."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, _port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.scheduler = _start(["scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"],
                                folder / "scheduler.log")
        self.workers: list[subprocess.Popen] = []

    def add_worker(self, env: dict | None = None) -> None:
        n = len(self.workers)
        self.workers.append(_start(["worker", self.address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads",
                                    "1", "--no-dashboard", "--death-timeout", "60"], self.folder / f"worker{n}.log", env))

    def wait_for(self, count: int) -> None:
        with Client(self.address, timeout=STARTUP_SECONDS) as client:
            client.wait_for_workers(count, timeout=STARTUP_SECONDS)

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            _stop(process)


@contextmanager
def machines(folder: Path, workers: list[dict | None]):
    """A scheduler and one worker per environment given, stopped at the end whatever happened."""
    cluster = Machines(folder)
    try:
        for env in workers:
            cluster.add_worker(env)
        cluster.wait_for(len(workers))
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two workers, one process and one thread each, for the whole module."""
    with machines(tmp_path_factory.mktemp("dask"), [None, None]) as started:
        yield started


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, a slice of gazette_dev as one text file per document, and a few local_dev records."""
    folder = tmp_path_factory.mktemp("cluster-corpus")
    shutil.copytree(CORPUS, folder / "seeds")
    (folder / "gazette").mkdir()
    texts = [json.loads(line)["text"] for line in GAZETTE.read_text(encoding="utf-8").split("\n") if line.strip()]
    for n, text in enumerate([t for t in texts if len(t) < GAZETTE_MAX_CHARS][:GAZETTE_FILES]):
        (folder / "gazette" / f"congbao_{n:02d}.txt").write_text(text, encoding="utf-8")
    records = [line for line in LOCAL_DEV.read_text(encoding="utf-8").split("\n") if line.strip()]
    (folder / "local.jsonl").write_text("\n".join(records[:LOCAL_RECORDS]) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_index(corpus, tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("local") / "ix"
    build_index([corpus], index)
    return index


def documents(index) -> dict[str, dict]:
    """Every stored document by id (its build time left out), and how many times each id is there."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        page = searcher.search(Every(), limit=100_000)
        stored = [searcher.stored(key) for key, _ in page.hits]
    ids = [d["id"] for d in stored]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    return {d["id"]: {k: v for k, v in d.items() if k != "indexed"} for d in stored}


def answers(index) -> list:
    return [(q, r.total, [h.id for h in r.hits]) for q in QUERIES
            for r in [search(index, q, {}, page_size=20), search(index, q, {}, page_size=20, sort="cited")]]


def derived(index) -> dict:
    ix = open_index(index)
    return {name: ix.derived(name) for name in ("links", "counts", "accents", "related", "near_duplicates")}


# ---- without a cluster ----

def test_a_shipped_file_is_read_from_its_bytes_and_keeps_its_own_path(tmp_path):
    file = next(f for f in list_files([CORPUS]) if f.source.endswith("004_2a738f3429698ec1.txt"))
    elsewhere = ship(file_unit(file))
    gone = File(type(file)(tmp_path / "gone" / file.path.name, file.source, file.digest), elsewhere.size,
                data=elsewhere.data, origin=elsewhere.origin)
    [here], [shipped] = work(Batch((file_unit(file),))), work(Batch((gone,)))
    assert ([d.stored for d, _ in shipped.documents], shipped.skipped, shipped.split, shipped.bytes) == \
        ([d.stored for d, _ in here.documents], [], True, file.path.stat().st_size)
    assert [json.loads(d.stored["meta"])["path"] for d, _ in shipped.documents] == [path_text(file.path)] * 2


def test_a_file_past_the_shipping_bound_stays_with_the_client(tmp_path, monkeypatch):
    files = sorted(list_files([CORPUS]), key=lambda f: f.path.stat().st_size)
    monkeypatch.setattr(batches, "MAX_SHIPPED_BYTES", files[-1].path.stat().st_size - 1)
    assert [ship(file_unit(f)).kept for f in files] == [False] * (len(files) - 1) + [True]
    assert Batch(tuple(file_unit(f) for f in files)).shipped().on_client


def test_workers_of_another_version_are_named_in_one_line():
    ours = versions()
    answers = {"tcp://10.0.0.3:4000": {**ours, "vanban": "0.0.9"}, "tcp://10.0.0.2:4000": ours,
               "tcp://10.0.0.4:4000": ModuleNotFoundError("No module named 'indexer'")}
    with pytest.raises(ClusterError) as err:
        check_versions(answers, ours)
    assert str(err.value) == (f"máy làm việc tcp://10.0.0.3:4000 có vanban 0.0.9, máy này có {ours['vanban']} "
                              "(và 1 máy khác): cài cùng phiên bản vanban và pyvi trên mọi máy rồi chạy lại")
    check_versions({"tcp://10.0.0.2:4000": ours}, ours)


def test_shared_path_without_a_scheduler_is_one_line(tmp_path):
    done = _vanban(["index", str(CORPUS), "--index", str(tmp_path / "ix"), "--shared-path"], {"VANBAN_SCHEDULER": ""})
    assert (done.returncode, done.stderr) == (
        1, "vanban: lỗi: --shared-path chỉ dùng với --scheduler (hoặc biến VANBAN_SCHEDULER)\n")


def _vanban(args: list[str], env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, **kwargs)


@pytest.mark.slow
def test_no_scheduler_at_the_address_is_one_line(tmp_path):
    address = f"tcp://127.0.0.1:{_port()}"
    done = _vanban(["index", str(CORPUS), "--index", str(tmp_path / "ix"), "--quiet", "--scheduler", address])
    assert (done.returncode, done.stderr.count("\n"), done.stderr.startswith(
        f"vanban: lỗi: không kết nối được bộ lập lịch {address} (")) == (1, 1, True), done.stderr
    assert not (tmp_path / "ix").exists()


# ---- on the cluster ----

@pytest.mark.slow
def test_the_cluster_builds_the_index_a_local_build_makes(cluster, corpus, local_index, tmp_path, monkeypatch):
    # Files past the median size stay with the client, as a file past MAX_SHIPPED_BYTES does: both ways at once.
    files = list_files([corpus])
    monkeypatch.setattr(batches, "MAX_SHIPPED_BYTES", sorted(f.path.stat().st_size for f in files)[len(files) // 2])
    assert 0 < sum(ship(file_unit(f)).kept for f in files) < len(files)
    with connect_cluster(cluster.address) as executor:
        report = build_index([corpus], tmp_path / "ix", executor=executor)
    local = documents(local_index)
    assert (report.documents_indexed, report.skipped) == (len(local), [])
    assert documents(tmp_path / "ix") == local
    assert answers(tmp_path / "ix") == answers(local_index)
    assert derived(tmp_path / "ix") == derived(local_index)


@pytest.mark.slow
def test_vanban_index_on_the_scheduler_of_the_environment_reading_a_shared_path(cluster, corpus, local_index,
                                                                                  tmp_path):
    done = _vanban(["index", str(corpus), "--index", str(tmp_path / "ix"), "--shared-path", "--quiet"],
                   {"VANBAN_SCHEDULER": cluster.address})
    assert (done.returncode, done.stderr) == (0, "")
    assert documents(tmp_path / "ix") == documents(local_index)


@pytest.mark.slow
def test_a_worker_killed_mid_build_costs_no_document(cluster, corpus, local_index, tmp_path, monkeypatch):
    # Small batches, so that many are in flight when the first comes back and one is killed mid-way.
    monkeypatch.setattr(batches, "BATCH_UNITS", 2)
    killed = []
    with Client(cluster.address, timeout=STARTUP_SECONDS) as watcher:
        pids = watcher.run(os.getpid)

        def kill_a_busy_worker(progress):
            if killed:
                return
            busy = [w for w, keys in watcher.processing().items() if keys and w in pids]
            if busy:  # kill -9 the process running its units: the nanny starts a fresh one
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append((progress.files_read, busy[0]))

        with connect_cluster(cluster.address) as executor:
            report = build_index([corpus], tmp_path / "ix", executor=executor, progress=kill_a_busy_worker)
    files = len(list_files([corpus]))
    assert (len(killed), killed[0][0] < files, report.documents_indexed, report.skipped) == \
        (1, True, len(documents(local_index)), [])
    assert documents(tmp_path / "ix") == documents(local_index)
    cluster.wait_for(2)  # the nanny's fresh worker, for what follows


@pytest.mark.slow
def test_a_scheduler_gone_stops_the_build_in_one_line_and_the_index_stays(corpus, local_index, tmp_path):
    index = tmp_path / "ix"
    shutil.copytree(local_index, index)
    (corpus_more := tmp_path / "more").mkdir()
    shutil.copytree(corpus, corpus_more / "a")
    shutil.copytree(corpus / "gazette", corpus_more / "b")
    before = {p.relative_to(index): p.read_bytes() for p in sorted(index.rglob("*")) if p.is_file()}
    with machines(tmp_path, [None]) as started:
        build = subprocess.Popen([sys.executable, "-m", "vanban", "index", str(corpus_more), "--index", str(index),
                                  "--quiet", "--scheduler", started.address], stderr=subprocess.PIPE, text=True,
                                 cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        _wait_for_work(started.address)
        _stop(started.scheduler, signal.SIGKILL)
        stderr = build.communicate(timeout=120)[1]
    assert (build.returncode, stderr) == (1, f"vanban: lỗi: mất kết nối tới bộ lập lịch {started.address}: "
                                             "dừng lập chỉ mục, chỉ mục hiện tại không đổi\n")
    after = {p.relative_to(index): p.read_bytes() for p in sorted(index.rglob("*")) if p.is_file()}
    assert after == before
    assert answers(index) == answers(local_index)


def _wait_for_work(address: str) -> None:
    """Until the scheduler has a unit processing on a worker."""
    with Client(address, timeout=STARTUP_SECONDS) as watcher:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not any(watcher.processing().values()):
            assert time.monotonic() < deadline, "no work reached the worker"
            time.sleep(0.2)


@pytest.mark.slow
def test_a_worker_of_another_pyvi_is_refused_before_any_work(tmp_path):
    # Another pyvi installed for that worker: its package metadata first on its path, as pip would leave it.
    other = tmp_path / "other" / "pyvi-0.0.9.dist-info"
    other.mkdir(parents=True)
    (other / "METADATA").write_text("Metadata-Version: 2.1\nName: pyvi\nVersion: 0.0.9\n", encoding="utf-8")
    with machines(tmp_path, [None, {"PYTHONPATH": f"{other.parent}{os.pathsep}{ROOT}"}]) as started:
        with Client(started.address) as watcher:
            odd = next(w for w, v in watcher.run(versions).items() if v["pyvi"] == "0.0.9")
        done = _vanban(["index", str(CORPUS), "--index", str(tmp_path / "ix"), "--quiet", "--scheduler",
                        started.address], timeout=300)
    assert (done.returncode, done.stderr) == (1, f"vanban: lỗi: máy làm việc {odd} có pyvi 0.0.9, máy này có "
                                                 f"{versions()['pyvi']}: cài cùng phiên bản vanban và pyvi trên mọi "
                                                 "máy rồi chạy lại\n")
    assert not (tmp_path / "ix").exists()
