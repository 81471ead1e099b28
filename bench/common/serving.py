"""A server on loopback as production runs it, and page response times over real HTTP."""

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from common.data import ROOT
from common.measure import PYTHON, latency_summary

REQUESTS = 40  # per page: bounded, loopback only


def page_latencies(base: str, pages: dict[str, str], requests: int = REQUESTS) -> dict:
    """p50/p95 of each page over HTTP, after one warming request."""
    figures = {}
    for name, path in pages.items():
        urllib.request.urlopen(base + path).read()  # warm caches
        seconds = []
        for _ in range(requests):
            start = time.perf_counter()
            with urllib.request.urlopen(base + path) as response:
                response.read()
            seconds.append(time.perf_counter() - start)
        figures[name] = latency_summary(seconds)
    return figures


def free_port() -> int:
    """A loopback port no one listens on now."""
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
