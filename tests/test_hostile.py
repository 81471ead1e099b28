"""A real archive can't break vanban, and vanban can't break the archive (issue 13).

Every hostile file or folder is made inside the test, small. Time and memory are measured by
bench/hostile.py, not asserted here; what is asserted is what happens: refused, reported, served or not.
"""

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import networkx
import pytest
from helpers import CORPUS, ROOT, square
from waitress.server import create_server

from indexer import build_index, export, load_graph, open_index, search
from indexer.sources.guard import Failure, run_guarded
from vanban.main import main

PLAN = "KẾ HOẠCH\n\nThực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng.\n"


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def tree(folder: Path) -> list[tuple[str, bytes | None]]:
    """Every path under a folder with its bytes (None for a folder): what must not change."""
    return sorted((str(p.relative_to(folder)), None if p.is_dir() else p.read_bytes()) for p in folder.rglob("*"))


@pytest.fixture
def user_folder(tmp_path):
    """A folder of the user's that happens to hold `engine/` and `derived/` subfolders."""
    folder = tmp_path / "thesis"
    for name in ("engine/notes.txt", "derived/figures.csv", "draft.docx"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"mine: " + name.encode())
    return folder


# ---- 1. never touch what it did not make ----

def test_index_and_serve_refuse_a_users_folder_and_leave_it_as_it_was(capsys, user_folder):
    before = tree(user_folder)
    refusal = (f"vanban: lỗi: thư mục {user_folder} không trống và không phải chỉ mục của vanban: "
               "chọn một thư mục trống hoặc chưa có\n")
    assert run(capsys, "index", CORPUS, "--index", user_folder) == (1, "", "Lập chỉ mục "
                                                                    f"{CORPUS} vào {user_folder}\n" + refusal)
    status, _, err = run(capsys, "serve", "--index", user_folder)
    assert (status, err.splitlines()[-1] + "\n") == (1, refusal)
    assert tree(user_folder) == before


def test_the_current_folder_root_and_home_are_refused(capsys, user_folder, monkeypatch, tmp_path):
    monkeypatch.chdir(user_folder)
    before = tree(user_folder)
    status, _, err = run(capsys, "index", CORPUS, "--index", "", "--quiet")
    assert (status, err) == (1, "vanban: lỗi: thư mục . không trống và không phải chỉ mục của vanban: "
                                "chọn một thư mục trống hoặc chưa có\n")
    assert tree(user_folder) == before
    assert run(capsys, "index", CORPUS, "--index", "/", "--quiet") == (
        1, "", "vanban: lỗi: không dùng / làm thư mục chỉ mục: đó là thư mục gốc hoặc thư mục nhà\n")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    assert run(capsys, "index", CORPUS, "--index", "~", "--quiet")[0] == 1
    (tmp_path / "kho").mkdir()
    (tmp_path / "kho" / "a.txt").write_text(PLAN, encoding="utf-8")  # one short file: the build is not the point
    assert run(capsys, "index", tmp_path / "kho", "--index", "~/vanban-ix", "--quiet")[0] == 0
    assert sorted(os.listdir(tmp_path / "home")) == ["vanban-ix"]  # `~` expanded, no folder named `~`


# ---- 2. originals only from inside the corpus ----

@pytest.fixture
def linked_corpus(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shadow.txt").write_text(PLAN.replace("bảo vệ", "bí mật"), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "x.txt").write_text(PLAN, encoding="utf-8")
    corpus = tmp_path / "kho"
    corpus.mkdir()
    (corpus / "real.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "out.txt").symlink_to(outside / "shadow.txt")
    (corpus / "outdir").symlink_to(outside / "folder")
    (corpus / "in.txt").symlink_to(corpus / "real.txt")
    (corpus / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "loop").symlink_to(corpus)
    os.mkfifo(corpus / "pipe.txt")
    return corpus


def test_links_out_fifos_and_broken_links_are_reported_and_never_read(linked_corpus, tmp_path):
    report = build_index([linked_corpus], tmp_path / "ix")
    assert [(s.source, s.reason) for s in report.skipped] == [
        ("kho/broken.txt", "liên kết hỏng: không có tệp đích"),
        ("kho/out.txt", "liên kết trỏ ra ngoài kho văn bản: không đọc"),
        ("kho/outdir", "thư mục liên kết trỏ ra ngoài kho văn bản: không đọc"),
        ("kho/pipe.txt", "không phải tệp thường (FIFO): không đọc")]
    ids = sorted(h.id for h in search(tmp_path / "ix", "", page_size=100, collapse=False).hits)
    assert ids == ["kho/in.txt#0", "kho/real.txt#0"]  # a link inside the corpus is followed, the loop once
    assert search(tmp_path / "ix", "", page_size=100).folded == 1  # the same text twice: one folded
    assert search(tmp_path / "ix", "bí mật").total == 0


def test_a_fifo_or_device_given_as_the_corpus_is_refused(capsys, tmp_path):
    os.mkfifo(tmp_path / "pipe")
    assert run(capsys, "index", tmp_path / "pipe", "--index", tmp_path / "ix", "--quiet") == (
        1, "", f"vanban: lỗi: {tmp_path / 'pipe'} không phải tệp thường hay thư mục (FIFO, thiết bị...): không đọc\n")
    status, _, err = run(capsys, "index", "/dev/zero", "--index", tmp_path / "ix", "--quiet")
    assert (status, err) == (1, "vanban: lỗi: /dev/zero không phải tệp thường hay thư mục (FIFO, thiết bị...): "
                                "không đọc\n")
    assert not (tmp_path / "ix").exists()


def test_original_is_served_only_unchanged_and_from_inside(make_client, tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    (corpus / "a.txt").write_text(PLAN, encoding="utf-8")
    build_index([corpus], tmp_path / "ix")
    client = make_client(tmp_path / "ix")
    assert (client.get("/original/kho/a.txt%230").data) == PLAN.encode()
    (tmp_path / "secret").write_text("root:x:0:0", encoding="utf-8")
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(tmp_path / "secret")  # replaced by a link after indexing
    response = client.get("/original/kho/a.txt%230")
    assert (response.status_code, b"root:x" in response.data) == (409, False)
    assert "Tệp gốc đã thay đổi sau lần lập chỉ mục" in response.get_data(as_text=True)



def test_an_original_not_served_says_why_with_its_status(make_client, tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    (corpus / "a.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "b.txt").write_text(PLAN.replace("bảo vệ", "giữ vững"), encoding="utf-8")
    build_index([corpus], tmp_path / "ix")
    (corpus / "a.txt").write_text(PLAN + "Sửa sau khi lập chỉ mục.\n", encoding="utf-8")
    (corpus / "b.txt").unlink()

    def answer(client, url):
        response = client.get(url)
        return response.status_code, re.search(r"<p>(.*)</p>", response.get_data(as_text=True)).group(1)

    client = make_client(tmp_path / "ix")
    assert answer(client, "/original/kho/a.txt%230") == (
        409, "Tệp gốc đã thay đổi sau lần lập chỉ mục: hãy chạy `vanban index` rồi mở lại.")
    assert answer(client, "/original/kho/b.txt%230") == (404, "Không còn tệp gốc của văn bản này.")
    # A copy of the index whose record of the corpus folders it read names another one: no file is inside.
    shutil.copytree(tmp_path / "ix", tmp_path / "ix2")
    info = tmp_path / "ix2" / "vanban.json"
    info.write_text(json.dumps({**json.loads(info.read_text()), "corpus": [str(tmp_path / "khac")]}))
    client = make_client(tmp_path / "ix2")
    assert answer(client, "/original/kho/a.txt%230") == (
        403, "Tệp gốc nằm ngoài kho văn bản đã lập chỉ mục: không phục vụ.")

# ---- 3. one bad file never stops a build ----

def seconds(item) -> int:
    """The hang is given up on after a second (what the test waits for); the rest have time to spare."""
    return 1 if item == "hang" else 30


def test_a_failing_dying_late_or_greedy_item_is_its_own_failure_and_the_rest_come_in_order():
    items = [3, "raise", 4, "die", 5, "hang", 6, "memory", 7]
    got = list(run_guarded(square, items, workers=2, seconds=seconds, budget=64 << 20))
    assert got == [(3, 9), ("raise", Failure("lỗi khi đọc tệp (ValueError: cannot square 'raise')")), (4, 16),
                   ("die", Failure("tiến trình đọc tệp dừng đột ngột (hết bộ nhớ?): bỏ qua")), (5, 25),
                   ("hang", Failure("quá 1 giây: bỏ qua")), (6, 36),
                   ("memory", Failure("tệp cần quá nhiều bộ nhớ: bỏ qua")), (7, 49)]


def test_names_that_are_not_utf8_or_hold_control_characters_are_indexed_and_open(make_client, tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    (corpus / os.fsdecode(b"C\xf4ng v\xe3n.txt")).write_text(PLAN, encoding="utf-8")
    (corpus / "a\nb.txt").write_text(PLAN, encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix")
    ids = sorted(h.id for h in search(tmp_path / "ix", "", page_size=100, collapse=False).hits)  # one text twice
    assert (report.skipped, ids) == ([], ["kho/C\ufffdng v\ufffdn.txt#0", "kho/a\ufffdb.txt#0"])
    client = make_client(tmp_path / "ix")
    for doc_id in ids:
        from urllib.parse import quote
        url = quote(doc_id, safe="/")
        assert [client.get(f"/doc/{url}").status_code, client.get(f"/original/{url}").data] == [200, PLAN.encode()]


def test_json_lines_ids_that_cannot_be_an_address_are_reported(tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    lines = [{"id": "../../etc", "text": PLAN}, {"id": "a\nb", "text": PLAN}, {"id": "x" * 300, "text": PLAN},
             {"id": "ok/1", "text": PLAN}]
    (corpus / "r.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix")
    odd = "bản ghi JSON Lines hỏng: `id` có ký tự điều khiển hoặc đoạn `.`/`..` (nhận được "
    assert [(s.source, s.reason) for s in report.skipped] == [
        ("kho/r.jsonl:1", odd + "'../../etc')"), ("kho/r.jsonl:2", odd + "'a\\nb')"),
        ("kho/r.jsonl:3", "bản ghi JSON Lines hỏng: `id` dài quá 256 ký tự (300)")]
    assert [h.id for h in search(tmp_path / "ix", "").hits] == ["kho/r.jsonl#ok/1"]


def test_what_a_file_reported_is_reported_again_by_the_next_build_without_reading_it(tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    (corpus / "a.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "film.mp4").write_bytes(b"\x00" * 10)
    first = build_index([corpus], tmp_path / "ix")
    generation = open_index(tmp_path / "ix").generation
    again = build_index([corpus], tmp_path / "ix")
    assert first.skipped == again.skipped and [s.source for s in again.skipped] == ["kho/empty.txt", "kho/film.mp4"]
    assert (again.files_unchanged, open_index(tmp_path / "ix").generation) == (2, generation)  # nothing rewritten


# ---- 5. the document page renders in bounded time ----

def test_hostile_markup_pages_answer(make_client, tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    bombs = {"brackets": "[" * 30000 + "](" * 30000, "deep": "\n".join("  " * i + "- x" for i in range(300)),
             "angles": "‹" * 200000}
    records = [{"id": name, "text": f"Kế hoạch thử.\n\n{text}"} for name, text in bombs.items()]
    (corpus / "b.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    build_index([corpus], tmp_path / "ix")
    client = make_client(tmp_path / "ix")
    for name in bombs:
        response = client.get(f"/doc/kho/b.jsonl%23{name}")
        assert (name, response.status_code, "Kế hoạch thử." in response.get_data(as_text=True)) == (name, 200, True)


# ---- 6. exports that are safe to open ----

def test_formula_cells_and_control_characters_in_exports(make_client, tmp_path):
    corpus = tmp_path / "kho"
    corpus.mkdir()
    records = [{"id": "f", "title": "=HYPERLINK(\"http://x\")", "issuer": "Sở\x01 Tư pháp\x00",
                "text": PLAN + "Căn cứ Chỉ thị số 07-CT/TU của Ban Thường vụ."},
               {"id": "g", "title": "@SUM(A1)", "text": "Thực hiện Chỉ thị số 07-CT/TU."}]
    (corpus / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    build_index([corpus], tmp_path / "ix")
    graph = load_graph(open_index(tmp_path / "ix"))
    nodes = list(csv.DictReader(io.StringIO(export(graph, "csv", "nodes"))))
    assert sorted(n["subject"] for n in nodes if n["id"].startswith("kho/")) == ["'=HYPERLINK(\"http://x\")",
                                                                                  "'@Sum(A1)"]
    (tmp_path / "g.graphml").write_text(export(graph, "graphml"), encoding="utf-8")
    read = networkx.read_graphml(tmp_path / "g.graphml")
    assert read.nodes["kho/r.jsonl#f"]["issuer"] == "Sở Tư pháp"
    client = make_client(tmp_path / "ix")
    rows = list(csv.reader(io.StringIO(client.get("/cites/07-CT%2FTU?format=csv").data.decode("utf-8-sig"))))
    assert sorted(r[7] for r in rows[1:]) == ["'=HYPERLINK(\"http://x\")", "'@Sum(A1)"]


# ---- 7. an index that always answers ----

@pytest.mark.slow
def test_changing_engine_while_serving_never_answers_5xx(make_app, tmp_path):
    build_index([CORPUS], tmp_path / "ix", engine="whoosh")
    server = create_server(make_app(tmp_path / "ix"), host="127.0.0.1", port=0, threads=4)
    port = server.socket.getsockname()[1]
    threading.Thread(target=server.run, daemon=True).start()
    statuses, stop = [], threading.Event()

    def ask():
        while not stop.is_set():
            for path in ("/api/search?q=kh%C3%B4ng+gian+m%E1%BA%A1ng", "/", "/doc/corpus/000_65df158a4e7ec0a6.txt%230"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
                        statuses.append(answer.status)
                except urllib.error.HTTPError as err:
                    statuses.append(err.code)

    clients = [threading.Thread(target=ask) for _ in range(3)]
    try:
        for c in clients:
            c.start()
        time.sleep(0.5)
        build_index([CORPUS], tmp_path / "ix", engine="tantivy")
        time.sleep(0.5)
    finally:
        stop.set()
        for c in clients:
            c.join()
        server.close()
    assert (len(statuses) > 10, sorted(set(statuses))) == (True, [200])
    assert open_index(tmp_path / "ix").engine_name == "tantivy"
    assert os.listdir(tmp_path / "ix" / "generations") == ["g000001", "g000002"]  # the old one, for late readers


def test_a_damaged_index_is_one_line_and_the_next_build_rebuilds_it(capsys, tmp_path, index_dir, engine):
    shutil.copytree(index_dir, tmp_path / "ix")  # the session's build of the corpus, ours to damage
    for file in (tmp_path / "ix" / "generations" / "g000001" / "engine").iterdir():
        file.write_bytes(b"")  # truncated
    status, out, err = run(capsys, "search", "kế hoạch", "--index", tmp_path / "ix")
    assert (status, out, err.startswith(f"vanban: lỗi: chỉ mục trong {tmp_path / 'ix'} bị hỏng (")) == (1, "", True)
    status, _, err = run(capsys, "index", CORPUS, "--index", tmp_path / "ix", "--engine", engine)
    assert (status, "Traceback" in err) == (0, False)
    assert search(tmp_path / "ix", "").total == 6
    assert os.listdir(tmp_path / "ix" / "generations") == ["g000002"]


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir(exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.mark.slow
def test_a_full_disk_keeps_the_last_good_index_and_the_next_build_completes(capsys, tmp_path):
    disk = tmp_path / "disk"
    # The seeds' whoosh index (2.9 MB with its word and bigram fields, more while written) fits; a 200 KB
    # plan adds 7.7 MB.
    if not _mount(disk, "size=8m"):
        pytest.skip("no tmpfs can be mounted here")
    try:
        corpus = tmp_path / "kho"
        shutil.copytree(CORPUS, corpus)
        assert run(capsys, "index", corpus, "--index", disk / "ix", "--quiet")[0] == 0
        (corpus / "big.txt").write_text(PLAN + "\n\n".join(f"Đoạn {i} về chuyển đổi số." for i in range(7000)),
                                        encoding="utf-8")
        status, _, err = run(capsys, "index", corpus, "--index", disk / "ix", "--quiet")
        assert (status, err.startswith("vanban: lỗi: không ghi được chỉ mục"), err.count("\n")) == (1, True, 1)
        assert (search(disk / "ix", "").total, os.listdir(disk / "ix" / "generations")) == (6, ["g000001"])
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        assert run(capsys, "index", corpus, "--index", disk / "ix", "--quiet")[0] == 0
        found = search(disk / "ix", '"chuyển đổi số"', page_size=100).hits
        assert sorted({h.id.split("~")[0] for h in found}) == ["kho/big.txt#0"]  # its parts, all of them
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


@pytest.mark.slow
def test_a_read_only_folder_is_one_line(capsys, tmp_path):
    disk = tmp_path / "ro"
    if not _mount(disk, "size=1m,ro"):
        pytest.skip("no tmpfs can be mounted here")
    try:
        status, out, err = run(capsys, "index", CORPUS, "--index", disk / "ix", "--quiet")
        assert (status, out, err.startswith("vanban: lỗi: không ghi được chỉ mục"), err.count("\n")) == (1, "", True, 1)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_serve_runs_waitress_with_threads_and_answers(index_dir):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "serve", "--index", str(index_dir), "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=35", timeout=30) as answer:
            server = answer.headers["Server"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    threads = max(8, 4 * (os.cpu_count() or 1))
    assert (line, server) == (f"Phục vụ {index_dir} tại http://127.0.0.1:{port}/ ({threads} luồng; "
                              "Ctrl+C để dừng)\n", "waitress")


@pytest.mark.slow
def test_a_build_killed_while_changing_engine_leaves_the_old_engine_answering(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))  # the kill machinery of the reliability test
    from reliability import indexed_state, kill_after_commit, run_build, start_build

    assert run_build(CORPUS, tmp_path / "ix", "whoosh")[0] == 0
    before = indexed_state(tmp_path / "ix")
    switching = start_build(CORPUS, tmp_path / "ix", "tantivy")
    assert kill_after_commit(switching, tmp_path / "ix", "tantivy", skip=1) is True  # its documents committed
    assert (open_index(tmp_path / "ix").engine_name, indexed_state(tmp_path / "ix")) == ("whoosh", before)
    status, stderr, _ = run_build(CORPUS, tmp_path / "ix", "tantivy")  # the switch, done again
    assert (status, "Traceback" in stderr, open_index(tmp_path / "ix").engine_name) == (0, False, "tantivy")
    assert indexed_state(tmp_path / "ix") == before


def test_a_json_lines_record_of_lossy_mojibake_is_skipped_alone(tmp_path):
    from indexer.readers.mojibake import REFUSAL

    corpus = tmp_path / "kho"
    corpus.mkdir()
    damaged = (PLAN * 3).encode("utf-8").decode("cp1252", "replace")  # bytes cp1252 lacks became U+FFFD
    lines = [{"id": "bad", "text": damaged}, {"id": "good", "text": PLAN}]
    (corpus / "r.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    report = build_index([corpus], tmp_path / "ix")
    assert [(s.source, s.reason) for s in report.skipped] == [("kho/r.jsonl:1", REFUSAL)]
    assert ([h.id for h in search(tmp_path / "ix", "").hits], search(tmp_path / "ix", "Ã").total) == (
        ["kho/r.jsonl#good"], 0)
