"""An update of an index (files added, changed, removed) gives exactly what a build of the same corpus from
nothing gives: every derived value, every stored document, every answer; whatever an update reuses of the
generation before it (derived values, digests, the engine's segments) must not show."""

import json
import shutil

import pytest
from helpers import CORPUS, SHARED_DATA

from indexer.builder.derive import DERIVED_NAMES
from indexer.builder.index import build_index
from indexer.engines import Every
from indexer.searching import search
from indexer.store import open_index

GAZETTE = SHARED_DATA / "gazette_dev" / "documents.jsonl"
GAZETTE_MAX_CHARS = 30_000  # short gazette texts keep the three builds of a test to seconds
QUERIES = ["tham nhũng", "thong tu", "nghị định", "bảo hiểm xã hội", "chuyển đổi số", "Ủy ban nhân dân", "35-NQ/TW"]


def gazette_texts(count: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in GAZETTE.read_text(encoding="utf-8").split("\n") if line.strip()]
    return [t for t in texts if len(t) < GAZETTE_MAX_CHARS][:count]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return gazette_texts(16)


def write_corpus(folder, texts: list[str]) -> None:
    """The seeds, 12 gazette texts, and a copy of the first under another name (near-duplicates)."""
    shutil.copytree(CORPUS, folder / "seeds")
    (folder / "gazette").mkdir()
    for n, text in enumerate(texts[:12]):
        (folder / "gazette" / f"congbao_{n:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "gazette" / "copy_00.txt").write_text(texts[0], encoding="utf-8")


def change_corpus(folder, texts: list[str]) -> None:
    """Four texts added (one a second copy of a text already there), one changed, one seed removed."""
    for n, text in enumerate(texts[12:], start=12):
        (folder / "gazette" / f"congbao_{n:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "gazette" / "copy_05.txt").write_text(texts[5], encoding="utf-8")
    changed = folder / "gazette" / "congbao_03.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Điều 1", "Điều 1 (sửa đổi)"), encoding="utf-8")
    (folder / "seeds" / "001_e44d68029944b139.txt").unlink()


def snapshot(index) -> dict:
    """What an index holds and answers: its derived values, its stored documents (their build time left out:
    an update keeps that of unchanged files), and the answers to each query in each sort (which documents,
    not their order: both engines count a deleted document in their statistics until its segment is merged,
    so scores, and the order of documents cited as often, differ by a little)."""
    ix = open_index(index)
    with ix.searcher() as searcher:
        page = searcher.search(Every(), limit=10_000)
        stored = [searcher.stored(key) for key, _ in page.hits]
    return {"derived": {name: ix.derived(name) for name in (*DERIVED_NAMES, "skipped")},
            "documents": {d["id"]: {k: v for k, v in d.items() if k != "indexed"} for d in stored},
            "answers": [(q, sort, r.total, sorted(h.id for h in r.hits))
                        for q in QUERIES for sort in ("relevance", "cited", "date")
                        for r in [search(index, q, {}, page_size=50, sort=sort)]]}


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_an_update_gives_what_a_build_from_nothing_gives(engine, texts, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, texts)
    updated = tmp_path / "updated"
    first = build_index([corpus], updated, engine=engine)
    change_corpus(corpus, texts)
    report = build_index([corpus], updated, engine=engine)
    assert (first.rebuilt, report.rebuilt, report.files_added, report.files_changed, report.files_removed) == (
        None, None, 5, 1, 1)
    fresh = tmp_path / "fresh"
    build_index([corpus], fresh, engine=engine)
    got, want = snapshot(updated), snapshot(fresh)
    assert got["derived"]["near_duplicates"] != {}  # the copies are found: the test compares something
    assert sum(len(r) for r in got["derived"]["related"].values()) > 50
    for name in want["derived"]:
        assert (name, got["derived"][name]) == (name, want["derived"][name])
    assert got["documents"] == want["documents"]
    assert max(total for _, _, total, _ in got["answers"]) < 50  # every answer whole on its page
    assert got["answers"] == want["answers"]
