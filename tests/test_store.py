"""The index folder: its record, its build lock, the values derived per commit, opening it."""

import json
import os
import threading
import time

import pytest
from helpers import KG_PLAN

from indexer import BuildLocked, IndexNotFound, index_exists, open_index
from indexer.engines import IndexedDoc, create_engine
from indexer.store import (
    FORMAT_VERSION,
    Index,
    build_lock,
    read_derived,
    read_info,
    write_derived,
    write_info,
)


def _write_record(folder, record) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vanban.json").write_text(json.dumps(record), encoding="utf-8")


def test_write_info_then_read_info(tmp_path):
    write_info(tmp_path, "tantivy")
    assert read_info(tmp_path) == {"engine": "tantivy", "format": FORMAT_VERSION}
    assert os.listdir(tmp_path) == ["vanban.json"]  # the temporary file was renamed into place
    assert index_exists(tmp_path) is True
    assert index_exists(str(tmp_path)) is True


@pytest.mark.parametrize("content", [
    json.dumps({"engine": "whoosh", "format": FORMAT_VERSION - 1}),
    json.dumps({"engine": "whoosh", "format": FORMAT_VERSION + 1}),
    json.dumps({"engine": "whoosh"}),
    json.dumps(["whoosh", FORMAT_VERSION]),
    "{not json",
])
def test_a_record_of_another_format_or_none_is_no_index(tmp_path, content):
    (tmp_path / "vanban.json").write_text(content, encoding="utf-8")
    assert read_info(tmp_path) is None
    assert index_exists(tmp_path) is False


def test_a_folder_without_a_record_is_no_index(tmp_path):
    assert read_info(tmp_path / "missing") is None
    assert index_exists(tmp_path / "missing") is False


def test_open_index_of_an_older_format_says_to_rebuild(tmp_path):
    _write_record(tmp_path / "old", {"engine": "whoosh", "format": FORMAT_VERSION - 1})
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "old")
    assert str(raised.value) == (f"chỉ mục trong {tmp_path / 'old'} được lập bằng phiên bản cũ: "
                                 "hãy chạy `vanban index` để lập lại")


def test_open_index_of_a_folder_without_index(tmp_path):
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "empty")
    assert str(raised.value) == f"chưa có chỉ mục trong {tmp_path / 'empty'}: hãy chạy `vanban index`"
    (tmp_path / "unfinished" / "engine").mkdir(parents=True)  # a first build cut short: no record yet
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "unfinished")
    assert str(raised.value) == f"chưa có chỉ mục trong {tmp_path / 'unfinished'}: hãy chạy `vanban index`"


def test_build_lock_refuses_a_second_holder(tmp_path):
    with build_lock(tmp_path / "ix"), pytest.raises(BuildLocked) as raised, build_lock(tmp_path / "ix"):
        pass
    assert str(raised.value) == f"một lần lập chỉ mục khác đang chạy trên {tmp_path / 'ix'}"
    with build_lock(tmp_path / "ix"):  # released: the next build takes it
        assert sorted(os.listdir(tmp_path / "ix")) == ["build.lock"]


def test_build_lock_waits_before_refusing(tmp_path):
    with build_lock(tmp_path):
        started = time.monotonic()
        with pytest.raises(BuildLocked), build_lock(tmp_path, wait=0.3):
            pass
        waited = time.monotonic() - started
    assert 0.3 <= waited < 2.0


def test_build_lock_waits_for_the_holder_to_finish(tmp_path):
    held, waited = threading.Event(), []

    def hold():
        with build_lock(tmp_path):
            held.set()
            time.sleep(0.3)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    started = time.monotonic()
    with build_lock(tmp_path, wait=5):
        waited.append(time.monotonic() - started)
    holder.join()
    assert len(waited) == 1
    assert 0.1 <= waited[0] < 5


def test_derived_values_round_trip(tmp_path):
    values = {"counts": {"a#0": 2}, "accents": {"phong": [("phòng", 3)]}, "links": {}}
    write_derived(tmp_path, "commit-1", values)
    assert {name: read_derived(tmp_path, "commit-1", name) for name in values} == values
    assert read_derived(tmp_path, "commit-1", "graph") is None     # never written
    assert read_derived(tmp_path, "commit-0", "counts") is None    # no such commit


def test_writing_a_commits_values_removes_older_commits(tmp_path):
    write_derived(tmp_path, "commit-1", {"counts": {"a#0": 1}})
    (tmp_path / "derived" / "commit-0.tmp").mkdir()  # left by a build killed while writing
    write_derived(tmp_path, "commit-2", {"counts": {"a#0": 2}})
    assert os.listdir(tmp_path / "derived") == ["commit-2"]
    assert read_derived(tmp_path, "commit-1", "counts") is None
    assert read_derived(tmp_path, "commit-2", "counts") == {"a#0": 2}
    write_derived(tmp_path, "commit-2", {"graph": "g"})  # rewritten whole: the old names go
    assert sorted(os.listdir(tmp_path / "derived" / "commit-2")) == ["graph.pickle.z"]


def test_a_damaged_derived_value_reads_as_none(tmp_path):
    write_derived(tmp_path, "c", {"counts": {"a#0": 1}, "graph": "g"})
    (tmp_path / "derived" / "c" / "counts.pickle.z").write_bytes(b"not zlib")
    (tmp_path / "derived" / "c" / "graph.pickle.z").write_bytes(b"")
    assert (read_derived(tmp_path, "c", "counts"), read_derived(tmp_path, "c", "graph")) == (None, None)


def test_derived_values_are_read_once_and_kept(index_dir):
    ix = open_index(index_dir)
    graph = ix.derived("graph")
    assert ix.derived("graph") is graph
    assert Index(index_dir, ix.engine_name).derived("graph") is graph  # one cache for every Index
    assert ix.derived("counts") == {KG_PLAN: 1}
    assert ix.derived("no-such-value") is None


def test_a_commit_without_derived_values_gives_none(tmp_path, engine):
    built = create_engine(engine, tmp_path / "engine")
    writer = built.writer()
    writer.add(IndexedDoc(stored={"id": "a#0", "source": "a", "part": 0, "text": "x", "meta": "{}"},
                          tokens={"text": [("x", 0)], "words": [("x", 0)]}, keywords={"id": ["a#0"], "source": ["a"]}))
    writer.commit()
    write_info(tmp_path, engine)  # a record, but no build wrote derived values for the commit
    ix = open_index(tmp_path)
    assert (ix.engine_name, ix.derived("graph"), ix.derived("counts")) == (engine, None, None)
    write_derived(tmp_path, ix.commit_id(), {"counts": {"a#0": 5}})
    assert (ix.derived("graph"), ix.derived("counts")) == (None, {"a#0": 5})


def test_open_index_gives_one_index_per_folder_and_takes_an_index(index_dir):
    ix = open_index(index_dir)
    assert open_index(ix) is ix
    assert open_index(str(index_dir)) is ix
    assert ix.path == index_dir
