"""A build's unit of work is a batch of documents: a JSON Lines export is cut into batches that every
worker analyses, a record that kills its worker costs only itself, and what is in flight stays bounded."""

import json
import tracemalloc

from helpers import CORPUS

from indexer.builder import batches as batches_module
from indexer.builder.batches import BATCH_CHARS, BATCH_UNITS, Batch, Record, batches, work
from indexer.builder.executors import Local
from indexer.builder.index import build_index
from indexer.builder.workers import Ledger, units
from indexer.engines import Every
from indexer.extract.corpus import list_files
from indexer.searching import search
from indexer.sources import guard
from indexer.store import open_index

PLAN = (CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")


def _record(n: int, words: int = 40) -> dict:
    # Each text its own: the segmenter's cache of whole texts never makes one cheaper than another.
    body = " ".join(f"nội dung {n} mục {i} về chuyển đổi số" for i in range(words))
    return {"id": f"r{n}", "text": f"KẾ HOẠCH\n\nvề chuyển đổi số {n}\n\n{body}.", "issuer": "Tỉnh ủy Hải Dương"}


def _write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_a_json_lines_export_is_analysed_in_batches_by_every_worker_and_in_flight_stays_bounded(tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    _write_jsonl(corpus / "export.jsonl", [_record(n) for n in range(3 * BATCH_UNITS + 10)])
    report = build_index([corpus], tmp_path / "ix", engine="tantivy", executor=Local(workers=2))
    assert (report.documents_indexed, report.batches, report.skipped) == (3 * BATCH_UNITS + 10, 4, [])
    assert len(report.analysed_by["kho/export.jsonl"]) == 2  # two worker processes, seen by their pids
    assert report.most_in_flight <= 2 * 2  # batches analysed or waiting to be written: twice the workers at most
    assert [h.id for h in search(tmp_path / "ix", '"chuyển đổi số 77"').hits] == ["kho/export.jsonl#r77"]


def test_a_record_that_kills_its_worker_costs_only_itself(tmp_path, monkeypatch):
    # One batch holds the poison between its neighbours: 5 MB of text no worker analyses in 2 s.
    monkeypatch.setattr(guard, "FILE_SECONDS", 2)
    monkeypatch.setattr(guard, "SECONDS_PER_MB", 0)
    monkeypatch.setattr(batches_module, "BATCH_CHARS", 50_000_000)
    corpus = tmp_path / "kho"
    corpus.mkdir()
    poison = _record(2, words=150_000)
    _write_jsonl(corpus / "export.jsonl", [_record(1), poison, _record(3), _record(4)])
    report = build_index([corpus], tmp_path / "ix", engine="tantivy", executor=Local(workers=1))
    assert [(s.source, s.reason) for s in report.skipped] == [("kho/export.jsonl:2", "quá 2 giây: bỏ qua")]
    assert report.documents_indexed == 3
    assert report.batches == 1 + 4  # the batch, then each of its records on its own
    assert sorted(h.id for h in search(tmp_path / "ix", "", page_size=10).hits) == [
        "kho/export.jsonl#r1", "kho/export.jsonl#r3", "kho/export.jsonl#r4"]


def test_a_record_that_fails_in_a_batch_is_reported_alone_with_its_line():
    # An exception in one unit is that unit's: its neighbours in the batch are analysed.
    good = Record("x.jsonl", 1, "a", PLAN, {}, [], "/x.jsonl", "d", 10)
    bad = Record("x.jsonl", 2, "b", PLAN, {"no_such_field": 1}, [], "/x.jsonl", "d", 10)  # fails to apply
    results = work(Batch((good, bad, good)))
    assert [(len(r.documents), [s.source for s in r.skipped]) for r in results] == [
        (1, []), (0, ["x.jsonl:2"]), (1, [])]
    assert results[1].skipped[0].reason.startswith("lỗi khi đọc tệp (TypeError")


def test_a_large_export_is_read_a_batch_at_a_time(tmp_path):
    # 20 MB of records: cutting it into batches holds one batch and one chunk of the file, never the file.
    path = tmp_path / "export.jsonl"
    record = _record(0, words=200)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(2_500):
            out.write(json.dumps({**record, "id": f"r{n}"}, ensure_ascii=False) + "\n")
    assert path.stat().st_size > 20e6
    ledger = Ledger()
    tracemalloc.start()
    count = chars = 0
    for batch in batches(units(list_files([path]), ledger)):
        count, chars = count + len(batch.units), max(chars, batch.size)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (count, chars <= BATCH_CHARS) == (2_500, True)
    assert peak < 6e6, peak  # a batch (~1 MB as text) and a read chunk (1 MB), ids seen; the file is 20 MB


def test_a_long_file_is_read_once_and_its_parts_analysed_by_every_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(batches_module, "BATCH_CHARS", 100_000)
    corpus = tmp_path / "kho"
    corpus.mkdir()
    paragraphs = "\n\n".join(f"Mục {n}. Nội dung {n} về phòng, chống tham nhũng và chuyển đổi số." for n in range(4_000))
    (corpus / "dai.txt").write_text(f"KẾ HOẠCH\n\nvề chuyển đổi số\n\n{paragraphs}\n", encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix", engine="tantivy", executor=Local(workers=2), part_chars=60_000)
    with open_index(tmp_path / "ix").searcher() as searcher:
        ids = sorted(searcher.stored(key)["id"] for key, _ in searcher.search(Every(), limit=20).hits)
    assert (report.documents_indexed, report.parts_split, report.skipped) == (5, 1, [])
    assert ids == ["kho/dai.txt#0"] + [f"kho/dai.txt#0~{n}" for n in range(2, 6)]
    assert [h.id for h in search(tmp_path / "ix", "", page_size=20).hits] == ["kho/dai.txt#0"]  # one hit: its parts
    # Read once, then its parts (60,000 characters, the last 37,871) in batches of 100,000 at most: 4.
    assert (report.batches, len(report.analysed_by["kho/dai.txt"])) == (1 + 4, 2)
