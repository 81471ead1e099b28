"""Building the index: progress and report, incremental rebuilds, interrupted builds."""

import pytest
from helpers import ALL_IDS

from indexer.builder.index import build_index
from indexer.searching import search


def ids(index_dir, query="", **filters):
    return {h.id for h in search(index_dir, query, filters, page_size=100).hits}


def test_first_build_reports_documents_parts_and_progress(corpus_copy, tmp_path):
    seen = []
    report = build_index([corpus_copy], tmp_path / "ix", progress=lambda p: seen.append((p.files_read, p.files_total, p.documents_indexed)))
    assert (report.documents_indexed, report.documents_total, report.files_added, report.parts_split,
            report.skipped) == (6, 6, 5, 1, [])
    assert seen[-1] == (5, 5, 6)
    assert ids(tmp_path / "ix") == ALL_IDS


def test_rebuild_is_incremental(corpus_copy, tmp_path):
    ix = tmp_path / "ix"
    build_index([corpus_copy], ix)
    again = build_index([corpus_copy], ix)
    assert (again.documents_indexed, again.files_unchanged, again.documents_total) == (0, 5, 6)

    changed = corpus_copy / "003_189e87e651a32754.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("tham nhũng", "lãng phí").replace("Tham nhũng", "Lãng phí"), encoding="utf-8")
    (corpus_copy / "001_e44d68029944b139.txt").unlink()
    (corpus_copy / "extra.md").write_text("KẾ HOẠCH\n\nvề chuyển đổi số\n\nNội dung chuyển đổi số.", encoding="utf-8")
    report = build_index([corpus_copy], ix)
    assert (report.files_changed, report.files_removed, report.files_added, report.files_unchanged,
            report.documents_indexed, report.documents_total) == (1, 1, 1, 3, 2, 6)
    assert ids(ix, '"lãng phí"') == {"corpus/003_189e87e651a32754.txt#0"}
    assert ids(ix, '"tham nhũng"') == set()
    assert ids(ix, '"chuyển đổi số"') == {"corpus/extra.md#0"}
    assert "corpus/001_e44d68029944b139.txt#0" not in ids(ix)


def test_bad_file_is_skipped_and_the_rest_indexes(corpus_copy, tmp_path):
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\xfd" * 10 + b"\x00")  # a UTF-16 BOM, odd bytes
    (corpus_copy / "cp1258.txt").write_bytes("Nghị quyết".encode() + b"\xc3\x28")
    report = build_index([corpus_copy], tmp_path / "ix")
    assert report.documents_total == 6
    assert [s.source for s in report.skipped] == ["corpus/broken.txt", "corpus/cp1258.txt"]
    assert ids(tmp_path / "ix") == ALL_IDS


def test_interrupted_build_leaves_the_last_good_index(corpus_copy, tmp_path):
    ix = tmp_path / "ix"
    build_index([corpus_copy], ix)
    plan = corpus_copy / "000_65df158a4e7ec0a6.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("không gian mạng", "mạng xã hội"), encoding="utf-8")

    def interrupt(progress):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index([corpus_copy], ix, progress=interrupt)
    # The old text is still what the index answers, and all documents are there.
    assert "corpus/000_65df158a4e7ec0a6.txt#0" in ids(ix, '"không gian mạng"')
    assert ids(ix) == ALL_IDS
    # The next build picks the change up.
    report = build_index([corpus_copy], ix)
    assert (report.files_changed, report.documents_indexed) == (1, 1)
    assert "corpus/000_65df158a4e7ec0a6.txt#0" not in ids(ix, '"không gian mạng"')


def test_missing_corpus_path_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="không có đường dẫn: .*nowhere"):
        build_index([tmp_path / "nowhere"], tmp_path / "ix")


def test_each_document_keeps_the_time_its_file_was_first_indexed_until_the_file_changes(corpus_copy, tmp_path,
                                                                                      monkeypatch):
    import indexer.builder.index as building
    from indexer import open_index

    def indexed(ix):
        return {h.id: h.indexed for h in search(ix, "", page_size=100).hits}

    ix = tmp_path / "ix"
    monkeypatch.setattr(building, "built_at", lambda: "2026-01-01T08:00:00Z")
    build_index([corpus_copy], ix)
    assert set(indexed(ix).values()) == {"2026-01-01T08:00:00Z"}
    changed = corpus_copy / "003_189e87e651a32754.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một dòng.", encoding="utf-8")
    (corpus_copy / "new.txt").write_text("Kế hoạch về chuyển đổi số.", encoding="utf-8")
    monkeypatch.setattr(building, "built_at", lambda: "2026-02-01T08:00:00Z")
    build_index([corpus_copy], ix)
    assert indexed(ix) == {**dict.fromkeys(ALL_IDS, "2026-01-01T08:00:00Z"),
                           "corpus/003_189e87e651a32754.txt#0": "2026-02-01T08:00:00Z",
                           "corpus/new.txt#0": "2026-02-01T08:00:00Z"}
    assert open_index(ix).built == "2026-02-01T08:00:00Z"


def test_a_new_index_gets_the_engine_that_suits_the_corpus_size(corpus_copy, tmp_path):
    from indexer.builder.choice import WHOOSH_MAX_MB, choose_engine
    from indexer.extract.corpus import list_files

    report = build_index([corpus_copy], tmp_path / "ix")
    assert (report.engine, report.engine_reason) == ("whoosh", "Chọn whoosh: kho 0.1 MB, không quá 5 MB, whoosh tìm "
                                                               "trong 150 ms.")
    assert report.corpus_megabytes == sum(p.stat().st_size for p in corpus_copy.iterdir()) / 1e6
    assert build_index([corpus_copy], tmp_path / "ix").engine_reason is None  # an index keeps its own engine
    big = tmp_path / "big"
    big.mkdir()
    with open(big / "annex.txt", "wb") as f:
        f.truncate(int(WHOOSH_MAX_MB * 1e6) + 1)  # sparse: its size is what the choice reads
    files = list_files([corpus_copy, big])
    assert choose_engine(files, None, None) == (
        "tantivy", "Chọn tantivy: kho 5.1 MB, quá 5 MB mà whoosh còn tìm trong 150 ms.")
    assert choose_engine(files, "whoosh", None) == ("whoosh", None)  # --engine decides
    assert choose_engine(files, None, "whoosh") == ("whoosh", None)  # an index keeps its own


def test_vanban_index_advises_tantivy_for_a_whoosh_index_past_the_size_the_choice_gives_whoosh(corpus_copy, tmp_path,
                                                                                              capsys):
    from indexer.builder.choice import WHOOSH_MAX_MB
    from vanban.main import main

    def advice() -> list[str]:
        assert main(["index", str(corpus_copy), "--index", str(tmp_path / "ix")]) == 0
        return [line for line in capsys.readouterr().err.splitlines() if line.startswith("Gợi ý")]

    assert advice() == []  # 0.1 MB: whoosh, as the choice gives it
    with open(corpus_copy / "annex.txt", "wb") as f:
        f.truncate(int(WHOOSH_MAX_MB * 1e6) + 1)  # sparse: its size is what the choice and the advice read
    assert advice() == ["Gợi ý: kho 5.1 MB, quá 5 MB mà whoosh còn tìm trong 150 ms: tìm kiếm nhanh hơn với "
                        "`vanban index --engine tantivy`."]  # the index kept its whoosh


def test_a_large_build_stops_its_workers_fork_server_before_deriving_and_the_next_build_starts_it(
        corpus_copy, tmp_path, monkeypatch):
    from multiprocessing import forkserver

    import indexer.builder.derive as derive_module
    import indexer.builder.index as index_module

    monkeypatch.setattr(index_module, "STOP_FORK_SERVER_DOCUMENTS", 6)  # the corpus's 6 documents count as large
    servers = []
    real_derive = derive_module.derive_all

    def derive_all(engine, links):
        servers.append(forkserver._forkserver._forkserver_pid)
        return real_derive(engine, links)

    monkeypatch.setattr(index_module, "derive_all", derive_all)
    (corpus_copy / "extra.md").write_text("KẾ HOẠCH\n\nvề chuyển đổi số\n\nNội dung chuyển đổi số.", encoding="utf-8")
    assert build_index([corpus_copy], tmp_path / "ix").documents_total == 7
    (corpus_copy / "extra.md").write_text("KẾ HOẠCH\n\nvề lãng phí\n\nNội dung lãng phí.", encoding="utf-8")
    assert build_index([corpus_copy], tmp_path / "ix").documents_indexed == 1  # workers made again
    assert servers == [None, None]
    assert ids(tmp_path / "ix", '"lãng phí"') == {"corpus/extra.md#0"}
    monkeypatch.setattr(index_module, "STOP_FORK_SERVER_DOCUMENTS", 8)
    (corpus_copy / "extra.md").write_text("KẾ HOẠCH\n\nvề tham nhũng\n\nNội dung.", encoding="utf-8")
    build_index([corpus_copy], tmp_path / "ix")
    assert servers[-1] is not None  # a small build keeps it for the next
