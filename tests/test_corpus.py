"""Reading corpus files: encodings, bad files reported and skipped, JSON Lines records."""

import json

from indexer.extract.corpus import Document, Skipped, list_files, read_file

PLAN = "KẾ HOẠCH\n\nthực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị\n\nNội dung hòa bình."


def read_dir(path):
    return [item for f in list_files([path]) for item in read_file(f)]


def test_utf8_bom_and_utf16_bom_are_decoded(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(PLAN.encode("utf-16"))  # Python writes the BOM
    items = read_dir(tmp_path)
    assert [(i.id, i.text) for i in items] == [(f"{tmp_path.name}/bom.txt#0", PLAN), (f"{tmp_path.name}/u16.txt#0", PLAN)]


def test_undecodable_and_empty_files_are_reported_with_their_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "latin1.txt").write_bytes("Hòa bình".encode("cp1252"))  # a legacy code page
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # a PDF cut short: listed, and refused with its reason
    items = read_dir(tmp_path)
    name = tmp_path.name
    assert [i.id for i in items if isinstance(i, Document)] == [f"{name}/good.md#0"]
    assert [(s.source, s.reason) for s in items if isinstance(s, Skipped)] == [
        (f"{name}/empty.md", "tệp rỗng"),
        (f"{name}/notes.pdf", "không mở được PDF (hỏng hoặc có mật khẩu): "
                              "Failed to load document (PDFium: Data format error)."),
        (f"{name}/sub/latin1.txt", "không phải văn bản đọc được: trông như Windows-1252/Latin-1 "
                                   "(không phải UTF-8, TCVN3 hay VNI); hãy lưu lại dạng UTF-8")]


def test_jsonl_records_with_metadata_overrides_and_a_bad_line(tmp_path):
    lines = [json.dumps({"id": "a1", "text": PLAN, "issuer": "Tỉnh ủy Hải Dương", "date": "2019-05-15"},
                        ensure_ascii=False),
             "{not json",
             json.dumps({"id": "a2", "title": "no text"}),
             json.dumps({"id": "a3", "text": "Thông báo ngắn."})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_dir(tmp_path)
    docs = [i for i in items if isinstance(i, Document)]
    name = tmp_path.name
    assert [d.id for d in docs] == [f"{name}/docs.jsonl#a1", f"{name}/docs.jsonl#a3"]
    first = docs[0].meta
    assert (first.doc_type, first.issuer, first.date, first.year, first.year_inferred) == (
        "Kế hoạch", "Tỉnh ủy Hải Dương", "2019-05-15", 2019, False)
    assert [c.ref for c in first.citations] == ["35-NQ/TW"]
    assert [s.source for s in items if isinstance(s, Skipped)] == [f"{name}/docs.jsonl:2", f"{name}/docs.jsonl:3"]


def test_a_digest_taken_before_is_trusted_only_for_a_file_untouched_since(tmp_path):
    import hashlib
    import os
    import time

    from indexer.sources.files import RACY_NS, KnownDigests, known_digests

    for name in ("same.txt", "rewritten.txt", "chmod.txt", "racy.txt"):
        (tmp_path / name).write_text(f"Kế hoạch {name}", encoding="utf-8")
    listed = list_files([tmp_path])
    later = time.time_ns() + 10 * RACY_NS  # as if the files were listed long after they were written
    # What a listing trusts shows: the digests it was given are all wrong on purpose.
    known = KnownDigests({source: (*entry[:4], "trusted") for source, entry in
                          known_digests(listed, later).files.items()}, later)
    stat = (tmp_path / "rewritten.txt").stat()
    (tmp_path / "rewritten.txt").write_text("Kế hoạch rewritten.tx!", encoding="utf-8")  # the same size
    os.utime(tmp_path / "rewritten.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))  # its time put back
    os.chmod(tmp_path / "chmod.txt", 0o600)
    racy = KnownDigests({**known.files}, (tmp_path / "racy.txt").stat().st_mtime_ns + RACY_NS // 2)
    digests = {f.source.rsplit("/", 1)[1]: f.digest for f in list_files([tmp_path], known)}
    sha1 = hashlib.sha1(b"K\xe1\xba\xbf ho\xe1\xba\xa1ch rewritten.tx!").hexdigest()
    assert (digests["same.txt"], digests["racy.txt"], digests["rewritten.txt"], digests["chmod.txt"] == "trusted") == (
        "trusted", "trusted", sha1, False)
    racy_digests = {f.source.rsplit("/", 1)[1]: f.digest for f in list_files([tmp_path], racy)}
    assert racy_digests["racy.txt"] == hashlib.sha1("Kế hoạch racy.txt".encode()).hexdigest()  # written too close


def test_given_paths_of_the_same_name_are_told_apart_by_their_folders(tmp_path):
    """Two exports both named documents.jsonl, given as files, are both read, named as if their folders had been
    given; two folders of the same name likewise; a path given twice is listed once; other names stay."""
    from indexer.builder.index import build_index

    for province, ids in (("tinh", ("a1", "a2")), ("bo", ("a1",))):
        (tmp_path / province / "kho").mkdir(parents=True)
        records = [json.dumps({"id": i, "text": PLAN, "issuer": province}, ensure_ascii=False) for i in ids]
        (tmp_path / province / "documents.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
        (tmp_path / province / "kho" / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "le.txt").write_text(PLAN, encoding="utf-8")
    given = [tmp_path / "tinh" / "documents.jsonl", tmp_path / "bo" / "documents.jsonl",
             tmp_path / "tinh" / "kho", tmp_path / "bo" / "kho", tmp_path / "bo" / "kho", tmp_path / "le.txt"]
    assert [(f.source, f.skip) for f in list_files(given)] == [
        ("bo/documents.jsonl", None), ("bo/kho/a.txt", None), ("le.txt", None),
        ("tinh/documents.jsonl", None), ("tinh/kho/a.txt", None)]
    report = build_index(given, tmp_path / "index")
    assert (report.documents_indexed, report.skipped) == (6, [])
