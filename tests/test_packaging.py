"""The wheel is what a user installs: built from the checkout, installed in a fresh virtualenv, it
carries the command (`vanban`, `python -m vanban`) and the bundled corpus, and indexes and searches it
without the checkout on its path."""

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from helpers import ALL_IDS, HAI_DUONG_150, ROOT

pytestmark = pytest.mark.slow


def run(*command, cwd):
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtualenv holding the wheel alone; its dependencies are seen through a plain path line to
    this environment's site-packages (no download), whose editable-install hook is therefore not run."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # built from a copy: setuptools writes build/ and egg-info beside the sources
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "__pycache__", "build", "*.egg-info", "bench"))
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", source, cwd=work)
    assert built.returncode == 0, built.stderr
    wheel = next((work / "dist").glob("vanban-*.whl"))
    venv.create(work / "env", with_pip=False)
    python = work / "env" / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel, cwd=work)
    assert done.returncode == 0, done.stderr
    return work, python


def test_the_wheel_ships_the_command_and_the_bundled_corpus(installed):
    work, python = installed
    where = run(python, "-c", "import vanban, indexer, indexer.paths as p; print(vanban.__file__); "
                "print(sorted(f.name for f in p.BUNDLED_CORPUS.iterdir()))", cwd=work)
    package, names = where.stdout.splitlines()
    assert (str(ROOT) in package, json.loads(names.replace("'", '"'))) == (
        False, sorted({i.split("/")[1].split("#")[0] for i in ALL_IDS}))


def test_the_installed_command_indexes_and_searches_the_bundled_corpus(installed):
    work, python = installed
    command = work / "env" / "bin" / "vanban"
    indexed = run(command, "index", "--index", work / "ix", "--quiet", cwd=work)
    assert indexed.returncode == 0, indexed.stderr
    found = run(python, "-m", "vanban", "search", "nghị quyết 35", "--index", work / "ix", "--json", cwd=work)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert {h["id"] for h in hits} <= ALL_IDS and HAI_DUONG_150 in {h["id"] for h in hits}
