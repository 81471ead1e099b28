"""The index folder: its marker, its generations and the values derived for each, its build lock,
what it refuses to touch, the generation switch a build runs, opening it."""

import contextlib
import json
import os
import threading
import time

import pytest
from helpers import CORPUS, KG_PLAN

from indexer import BuildLocked, IndexNotFound, UnsafePath, index_exists, open_index
from indexer.engines import IndexedDoc, create_engine
from indexer.store import (
    ENGINE,
    FORMAT_VERSION,
    build_lock,
    claim,
    claim_for_build,
    generation_dir,
    keep_after_switch,
    link_engine,
    new_generation,
    read_derived,
    read_info,
    remove_generations,
    write_derived,
    write_info,
)


def _write_record(folder, record) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vanban.json").write_text(json.dumps(record), encoding="utf-8")


def _one_document_engine(engine, folder):
    return _add(create_engine(engine, folder), "a")


def _add(built, source: str):
    """The engine with one more document, from `source`, committed."""
    writer = built.writer()
    writer.add(IndexedDoc(stored={"id": f"{source}#0", "source": source, "part": 0, "text": "x", "meta": "{}"},
                          tokens={"text": [("x", 0)], "words": [("x", 0)]},
                          keywords={"id": [f"{source}#0"], "source": [source]}))
    writer.commit()
    return built


def _doc_count(built) -> int:
    with built.searcher() as searcher:
        return searcher.doc_count()


def test_write_info_then_read_info(tmp_path):
    write_info(tmp_path, {"format": FORMAT_VERSION, "engine": "tantivy", "generation": "g000001"})
    assert read_info(tmp_path) == {"kind": "vanban-index", "format": FORMAT_VERSION, "engine": "tantivy",
                                   "generation": "g000001"}
    assert os.listdir(tmp_path) == ["vanban.json"]  # the temporary file was renamed into place
    assert index_exists(tmp_path) is True
    assert index_exists(str(tmp_path)) is True


@pytest.mark.parametrize("content", [
    json.dumps({"kind": "vanban-index", "engine": "whoosh", "format": FORMAT_VERSION - 1, "generation": "g000001"}),
    json.dumps({"kind": "vanban-index", "engine": "whoosh", "format": FORMAT_VERSION, "generation": None}),
    json.dumps({"engine": "whoosh"}),
    json.dumps(["whoosh", FORMAT_VERSION]),
    "{not json",
])
def test_a_marker_of_another_format_or_none_is_no_index(tmp_path, content):
    (tmp_path / "vanban.json").write_text(content, encoding="utf-8")
    assert index_exists(tmp_path) is False


def test_a_marker_of_an_older_vanban_is_ours_and_marked_legacy(tmp_path):
    _write_record(tmp_path, {"engine": "whoosh", "format": 4})
    assert read_info(tmp_path) == {"kind": "vanban-index", "format": 4, "engine": "whoosh", "generation": None,
                                   "legacy": True}
    _write_record(tmp_path, {"engine": "whoosh"})  # no format: not ours
    assert read_info(tmp_path) is None


def test_a_folder_without_a_marker_is_no_index(tmp_path):
    assert read_info(tmp_path / "missing") is None
    assert index_exists(tmp_path / "missing") is False


def test_open_index_of_an_older_format_says_to_rebuild(tmp_path):
    _write_record(tmp_path / "old", {"engine": "whoosh", "format": 4})
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "old")
    assert str(raised.value) == (f"chỉ mục trong {tmp_path / 'old'} được lập bằng phiên bản cũ: "
                                 "hãy chạy `vanban index` để lập lại")


def test_open_index_of_a_folder_without_index(tmp_path):
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "empty")
    assert str(raised.value) == f"chưa có chỉ mục trong {tmp_path / 'empty'}: hãy chạy `vanban index`"
    claim(tmp_path / "unfinished", [CORPUS])  # a first build cut short: a marker, no generation yet
    with pytest.raises(IndexNotFound) as raised:
        open_index(tmp_path / "unfinished")
    assert str(raised.value) == f"chưa có chỉ mục trong {tmp_path / 'unfinished'}: hãy chạy `vanban index`"


def test_a_damaged_index_is_one_line_saying_to_rebuild(tmp_path, engine):
    _write_record(tmp_path, {"kind": "vanban-index", "format": FORMAT_VERSION, "engine": engine,
                             "generation": "g000007"})
    with pytest.raises(IndexNotFound) as raised:  # the generation it names is gone
        open_index(tmp_path)
    assert str(raised.value).startswith(f"chỉ mục trong {tmp_path} bị hỏng (")
    assert str(raised.value).endswith("): hãy chạy `vanban index` để lập lại")


def test_claim_marks_a_new_or_empty_folder_and_keeps_its_own(tmp_path):
    assert claim(tmp_path / "new" / "ix", [CORPUS]) == tmp_path / "new" / "ix"
    assert read_info(tmp_path / "new" / "ix") == {"kind": "vanban-index", "format": FORMAT_VERSION, "engine": None,
                                                  "generation": None}
    (tmp_path / "empty").mkdir()
    claim(tmp_path / "empty", [CORPUS])
    assert os.listdir(tmp_path / "empty") == ["vanban.json"]
    (tmp_path / "empty" / "notes.txt").write_text("the user's", encoding="utf-8")
    assert claim(tmp_path / "empty", [CORPUS]) == tmp_path / "empty"  # ours: a file beside is no matter


def test_claim_refuses_what_it_did_not_make_and_touches_nothing(tmp_path, monkeypatch):
    user = tmp_path / "user"
    (user / "engine").mkdir(parents=True)
    (user / "derived").mkdir()
    (user / "thesis.docx").write_bytes(b"mine")
    before = sorted(str(p.relative_to(user)) for p in user.rglob("*"))
    with pytest.raises(UnsafePath) as raised:
        claim(user, [CORPUS])
    assert str(raised.value) == (f"thư mục {user} không trống và không phải chỉ mục của vanban: "
                                 "chọn một thư mục trống hoặc chưa có")
    assert sorted(str(p.relative_to(user)) for p in user.rglob("*")) == before
    with pytest.raises(UnsafePath, match="^không dùng / làm thư mục chỉ mục: đó là thư mục gốc hoặc thư mục nhà$"):
        claim("/", [CORPUS])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    with pytest.raises(UnsafePath) as raised:
        claim("~", [CORPUS])
    assert str(raised.value) == f"không dùng {tmp_path / 'home'} làm thư mục chỉ mục: đó là thư mục gốc hoặc thư mục nhà"
    with pytest.raises(UnsafePath, match=r"^.*thesis.docx là một tệp, không phải thư mục"):
        claim(user / "thesis.docx", [CORPUS])
    with pytest.raises(UnsafePath, match="nằm trong kho văn bản"):
        claim(CORPUS / "index", [CORPUS])
    assert not (CORPUS / "index").exists()
    assert claim("~/ix", [CORPUS]) == tmp_path / "home" / "ix"  # `~` expanded, not a folder named `~`


def test_generations_are_linked_numbered_and_only_ours_removed(tmp_path, engine):
    first = generation_dir(tmp_path, "g000001")
    _one_document_engine(engine, first / ENGINE)
    (first / ENGINE / ".tantivy-writer.lock").write_text("")
    assert new_generation(tmp_path) == "g000002"
    link_engine(first / ENGINE, generation_dir(tmp_path, "g000002") / ENGINE)
    linked = sorted(os.listdir(generation_dir(tmp_path, "g000002") / ENGINE))
    assert ".tantivy-writer.lock" not in linked and linked
    same = [os.path.samefile(first / ENGINE / n, generation_dir(tmp_path, "g000002") / ENGINE / n) for n in linked]
    assert same == [True] * len(linked)  # hard links: an update costs no copy
    (tmp_path / "generations" / "keep-me").mkdir()  # not a name of ours
    remove_generations(tmp_path, keep={"g000002"})
    assert sorted(os.listdir(tmp_path / "generations")) == ["g000002", "keep-me"]


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
    assert waited >= 0.3  # the lock's own deadline, on the same clock: no upper bound, a loaded machine is slow


def test_build_lock_waits_for_the_holder_to_finish(tmp_path):
    held, events = threading.Event(), []

    def hold():
        with build_lock(tmp_path):
            held.set()
            time.sleep(0.3)
            events.append("released")

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    with build_lock(tmp_path, wait=60):
        events.append("taken")
    holder.join()
    assert events == ["released", "taken"]


def test_derived_values_round_trip(tmp_path):
    values = {"counts": {"a#0": 2}, "accents": {"phong": [("phòng", 3)]}, "links": {}}
    write_derived(tmp_path, values)
    assert {name: read_derived(tmp_path, name) for name in values} == values
    assert read_derived(tmp_path, "graph") is None            # never written
    assert read_derived(tmp_path / "other", "counts") is None  # no such generation


def test_a_damaged_derived_value_reads_as_none(tmp_path):
    write_derived(tmp_path, {"counts": {"a#0": 1}, "graph": "g"})
    (tmp_path / "derived" / "counts.pickle.z").write_bytes(b"not zlib")
    (tmp_path / "derived" / "graph.pickle.z").write_bytes(b"")
    assert (read_derived(tmp_path, "counts"), read_derived(tmp_path, "graph")) == (None, None)


def test_a_derived_value_a_build_before_this_one_filed_whole_reads_back(tmp_path):
    import pickle
    import zlib

    (tmp_path / "derived").mkdir()
    links = {"a#0": {"id": "a#0"}, "b#0": {"id": "b#0"}}
    (tmp_path / "derived" / "links.pickle.z").write_bytes(zlib.compress(pickle.dumps(links), 1))
    assert read_derived(tmp_path, "links") == links


def test_a_derived_value_is_written_and_read_as_a_stream_and_the_links_uncompressed(tmp_path):
    import pickle
    import zlib

    from indexer.store.derived import STREAM_CHUNK

    links = {f"corpus/{n}.txt#0": {"runs": bytes(range(256)) * 64, "n": n} for n in range(300)}  # > STREAM_CHUNK
    write_derived(tmp_path, {"links": links, "graph": links})
    stored = {name: zlib.decompress((tmp_path / "derived" / f"{name}.pickle.z").read_bytes())
              for name in ("links", "graph")}
    sizes = {name: (tmp_path / "derived" / f"{name}.pickle.z").stat().st_size for name in stored}
    assert (pickle.loads(stored["links"]) == links, len(stored["links"]) > STREAM_CHUNK) == (True, True)
    assert (sizes["links"] > len(stored["links"]), sizes["graph"] < len(stored["graph"]) / 10) == (True, True)
    assert (read_derived(tmp_path, "links"), read_derived(tmp_path, "graph")) == (links, links)


def test_derived_values_are_read_once_and_kept(index_dir):
    ix = open_index(index_dir)
    graph = ix.derived("graph")
    assert ix.derived("graph") is graph
    assert open_index(index_dir).derived("graph") is graph  # one Index per generation per process
    assert ix.derived("counts") == {KG_PLAN: 1}
    assert ix.derived("no-such-value") is None


def test_a_generation_without_derived_values_gives_none(tmp_path, engine):
    _one_document_engine(engine, generation_dir(tmp_path, "g000001") / ENGINE)
    write_info(tmp_path, {"format": FORMAT_VERSION, "engine": engine, "generation": "g000001"})
    ix = open_index(tmp_path)
    assert (ix.engine_name, ix.derived("graph"), ix.derived("counts")) == (engine, None, None)


def test_open_index_gives_one_index_per_folder_and_takes_an_index(index_dir):
    ix = open_index(index_dir)
    assert open_index(ix) is ix
    assert open_index(str(index_dir)) is ix
    assert ix.path == index_dir


# ---- the generation switch ----

BUILT = "2026-01-01T08:00:00Z"


def _published(index_dir, engine, source: str) -> None:
    """One build through the store: the current generation updated (or a new one), `source` added, made current."""
    with claim_for_build(index_dir, [CORPUS]) as folder:
        base = folder.current(engine)
        with folder.next_generation(engine, base) as new:
            _add(new.engine, source)
            new.publish({"counts": {f"{source}#0": 1}}, [CORPUS], BUILT)


def _tree(folder) -> list[tuple[str, bytes | None]]:
    """Every path under a folder with its bytes (None for a folder)."""
    return sorted((str(p.relative_to(folder)), None if p.is_dir() else p.read_bytes()) for p in folder.rglob("*"))


def _generations_of(index_dir) -> list[str]:
    return sorted(os.listdir(index_dir / "generations"))


def test_a_published_generation_is_current_with_its_derived_values(tmp_path, engine):
    _published(tmp_path, engine, "a")
    assert read_info(tmp_path) == {"kind": "vanban-index", "format": FORMAT_VERSION, "engine": engine,
                                   "generation": "g000001", "previous": None, "corpus": [str(CORPUS.resolve())],
                                   "built": BUILT}
    ix = open_index(tmp_path)
    assert (ix.generation, ix.derived("counts"), _doc_count(ix.engine)) == ("g000001", {"a#0": 1}, 1)


def test_an_update_links_the_current_engine_and_keeps_the_one_before_for_late_readers(tmp_path, engine):
    _published(tmp_path, engine, "a")
    with claim_for_build(tmp_path, [CORPUS]) as folder:
        base = folder.current(engine)
        assert (base.folder, base.derived("counts"), folder.why_afresh(engine)) == (
            generation_dir(tmp_path, "g000001"), {"a#0": 1}, "chỉ mục cũ bị hỏng")
        with folder.next_generation(engine, base) as new:
            assert (new.name, _doc_count(new.engine)) == ("g000002", 1)  # the current engine's document
            linked = sorted(n for n in os.listdir(new.folder / ENGINE) if not n.endswith(".lock"))  # locks: its own
            same = {os.path.samefile(base.folder / ENGINE / n, new.folder / ENGINE / n) for n in linked}
            assert (len(linked) > 1, same) == (True, {True})
            _add(new.engine, "b")
            new.publish({"counts": {}}, [CORPUS], BUILT)
    assert (read_info(tmp_path)["generation"], read_info(tmp_path)["previous"]) == ("g000002", "g000001")
    assert _generations_of(tmp_path) == ["g000001", "g000002"]
    assert _doc_count(open_index(tmp_path).engine) == 2
    _published(tmp_path, engine, "c")
    assert _generations_of(tmp_path) == ["g000002", "g000003"]  # only the one before the current stays


@pytest.mark.parametrize("leaving", [RuntimeError("disk"), KeyboardInterrupt(), None])
def test_a_generation_left_unpublished_removes_its_folder_and_nothing_else(tmp_path, engine, leaving):
    _published(tmp_path, engine, "a")
    (tmp_path / "generations" / "keep-me").mkdir()  # not a name of ours
    before = _tree(tmp_path)
    with (pytest.raises(type(leaving)) if leaving else contextlib.nullcontext(),
          claim_for_build(tmp_path, [CORPUS]) as folder,
          folder.next_generation(engine, folder.current(engine)) as new):
        _add(new.engine, "b")
        assert (new.name, _doc_count(new.engine)) == ("g000002", 2)
        if leaving:
            raise leaving
    assert _tree(tmp_path) == before
    assert (open_index(tmp_path).generation, _generations_of(tmp_path)) == ("g000001", ["g000001", "keep-me"])


def test_claim_for_build_holds_the_lock_and_removes_builds_cut_short(tmp_path, engine):
    _published(tmp_path, engine, "a")
    _published(tmp_path, engine, "b")
    generation_dir(tmp_path, "g000003").mkdir()  # a build killed before its switch
    (tmp_path / "generations" / "keep-me").mkdir()
    with claim_for_build(tmp_path, [CORPUS]) as folder:
        assert (folder.path, folder.info["generation"]) == (tmp_path, "g000002")
        assert _generations_of(tmp_path) == ["g000001", "g000002", "keep-me"]  # the current and the one before
        with pytest.raises(BuildLocked), build_lock(tmp_path):
            pass


@pytest.mark.parametrize(("marker", "why"), [
    ({"kind": "vanban-index", "format": FORMAT_VERSION, "engine": None, "generation": None}, None),
    ({"format": 4, "engine": "whoosh"}, "phiên bản cũ"),
    ({"kind": "vanban-index", "format": FORMAT_VERSION - 1, "engine": "{engine}", "generation": "g000001"},
     "phiên bản cũ"),
    ({"kind": "vanban-index", "format": FORMAT_VERSION, "engine": "{other}", "generation": "g000001"},
     "đổi bộ máy {other} -> {engine}"),
    ({"kind": "vanban-index", "format": FORMAT_VERSION, "engine": "{engine}", "generation": "g000001"},
     "chỉ mục cũ bị hỏng"),  # the generation it names is empty
], ids=["new", "legacy", "older-format", "other-engine", "damaged"])
def test_what_cannot_be_updated_is_built_afresh_and_says_why(tmp_path, engine, marker, why):
    names = {"engine": engine, "other": "tantivy" if engine == "whoosh" else "whoosh"}
    _write_record(tmp_path, {k: v.format(**names) if isinstance(v, str) else v for k, v in marker.items()})
    (generation_dir(tmp_path, "g000001") / ENGINE).mkdir(parents=True)
    with claim_for_build(tmp_path, [CORPUS]) as folder:
        assert (folder.current(engine), folder.why_afresh(engine)) == (None, why and why.format(**names))


def test_publishing_over_an_older_vanban_removes_its_folders_and_nothing_else(tmp_path, engine):
    _write_record(tmp_path, {"engine": "whoosh", "format": 4})
    for name in ("engine", "derived"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "old.seg").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("the user's", encoding="utf-8")
    _published(tmp_path, engine, "a")
    assert sorted(os.listdir(tmp_path)) == ["build.lock", "generations", "notes.txt", "vanban.json"]
    assert (read_info(tmp_path)["previous"], _generations_of(tmp_path)) == (None, ["g000001"])


def _marker(format_, engine, generation) -> dict:
    return {"kind": "vanban-index", "format": format_, "engine": engine, "generation": generation}


@pytest.mark.parametrize(("replaced", "engine", "updated", "kept"), [
    (_marker(FORMAT_VERSION, None, None), "whoosh", False, {"g000002"}),                  # the first build
    ({"kind": "vanban-index", "format": 4, "engine": "whoosh", "generation": None, "legacy": True}, "whoosh", False,
     {"g000002"}),                                                                         # over an older vanban
    (_marker(FORMAT_VERSION - 1, "whoosh", "g000001"), "whoosh", False, {"g000002"}),     # of an older format
    (_marker(FORMAT_VERSION, "whoosh", "g000001"), "whoosh", True, {"g000001", "g000002"}),  # updated
    (_marker(FORMAT_VERSION, "whoosh", "g000001"), "whoosh", False, {"g000002"}),         # damaged, rebuilt
    (_marker(FORMAT_VERSION, "whoosh", "g000001"), "tantivy", False, {"g000001", "g000002"}),  # engine changed
], ids=["first", "legacy", "older-format", "updated", "damaged", "engine-changed"])
def test_keep_after_switch_keeps_the_one_before_while_someone_can_read_it(replaced, engine, updated, kept):
    assert keep_after_switch(replaced, "g000002", engine, updated) == kept
