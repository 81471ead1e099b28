"""A document is its parts, on a real index of hand-written texts (tests/structure_corpus.py) built by each engine:
the outline and the tasks as the API gives them, hits that say where they are (a long law's second part too),
snippets from the body, citations of a part (filtered, grouped, linked to where the part stands), a
document's most cited parts, the tasks across the corpus (facets, filters, files, the CLI), and the page."""

import csv
import io
import json

import openpyxl
import pytest
from helpers import HAI_DUONG_150, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM
from structure_corpus import FILES, PART_CHARS

from indexer import citing_documents, find_tasks, get_document, search
from indexer.builder.index import build_index
from indexer.vocab.outline import Node
from vanban.main import main
from webui.app import create_app

DECREE, LETTER, PLAN = "pc/nghi_dinh_15.txt#0", "pc/cong_van_120.txt#0", "pc/ke_hoach_45.txt#0"
LAW, LAW_2 = "pc/luat_dai.txt#0", "pc/luat_dai.txt#0~2"


@pytest.fixture(scope="module")
def index(tmp_path_factory, engine):
    corpus = tmp_path_factory.mktemp("parts") / "pc"
    corpus.mkdir()
    for name, text in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = tmp_path_factory.mktemp(f"parts-index-{engine}")
    report = build_index([corpus], path, engine=engine, part_chars=PART_CHARS)
    assert (report.documents_total, report.skipped) == (5, [])
    return path


@pytest.fixture(scope="module")
def client(index):
    return create_app({"INDEX_DIR": str(index)}).test_client()


def api(client, path: str) -> dict:
    response = client.get(path.replace("#", "%23"))
    assert response.status_code == 200, response.json
    return response.json


def spans(nodes) -> list:
    return [(n["anchor"], n["label"], n["heading"], n["start"], n["end"], spans(n["children"])) for n in nodes]


def test_the_outline_of_a_decree(client):
    data = api(client, f"/api/documents/{DECREE}/outline")
    assert (data["id"], spans(data["outline"])) == (DECREE, [
        ("chuong-i", "Chương I", "QUY ĐỊNH CHUNG", 373, 619, [
            ("dieu-1", "Điều 1", "Phạm vi điều chỉnh", 398, 511, []),
            ("dieu-2", "Điều 2", "Đối tượng áp dụng", 513, 619, [])]),
        ("chuong-ii", "Chương II", "HÀNH VI VI PHẠM, HÌNH THỨC XỬ PHẠT", 621, 1210, [
            ("dieu-3", "Điều 3", "Vi phạm quy định về cung cấp dịch vụ bưu chính", 667, 810, []),
            ("dieu-4", "Điều 4", "Vi phạm quy định về an toàn mạng lưới", 812, 954, []),
            ("dieu-5", "Điều 5", "Vi phạm quy định về thông tin trên mạng", 956, 1210, [
                ("dieu-5-khoan-1", "1", "Phạt tiền từ 5.000.000 đồng đến 10.000.000 đồng đối với hành vi cung cấp "
                 "thông tin sai sự thật", 1005, 1103, []),
                ("dieu-5-khoan-2", "2", "Phạt tiền từ 10.000.000 đồng đến 20.000.000 đồng đối với hành vi chia sẻ "
                 "thông tin xuyên tạc, vu khống", 1104, 1210, [])])]),
        ("chuong-iii", "Chương III", "ĐIỀU KHOẢN THI HÀNH", 1212, 1334, [
            ("dieu-6", "Điều 6", "Hiệu lực thi hành", 1244, 1334, [])])])
    text = api(client, f"/api/documents/{DECREE}")["text"]
    assert (text[956:983], text[1104:1124]) == ("Điều 5. Vi phạm quy định về", "2. Phạt tiền từ 10.0")


def test_a_letter_without_parts_has_an_empty_outline_and_no_tasks(client):
    assert api(client, f"/api/documents/{LETTER}/outline") == {"id": LETTER, "outline": []}
    assert api(client, f"/api/documents/{LETTER}/tasks") == {"id": LETTER, "tasks": []}


def deadline(printed, first, last):
    return {"printed": printed, "from": first, "to": last}


PLAN_TASKS = [
    {"text": "Phòng Văn hóa và Thông tin chủ trì, phối hợp với Công an huyện tổ chức tuyên truyền về chuyển đổi số "
             "trên mạng xã hội, hoàn thành trong Quý II/2025.", "lead": "Phòng Văn hóa và Thông tin",
     "partners": ["Công an huyện"], "deadline": deadline("Quý II/2025", "2025-04-01", "2025-06-30"),
     "anchor": "muc-ii-1"},
    {"text": "Giao Trung tâm Văn hóa - Thể thao huyện xây dựng chuyên mục phát thanh về an toàn thông tin, hoàn thành "
             "trước ngày 30/9/2025.", "lead": "Trung tâm Văn hóa - Thể thao huyện", "partners": [],
     "deadline": deadline("trước ngày 30/9/2025", None, "2025-09-30"), "anchor": "muc-ii-2"},
    {"text": "Rà soát quy trình xử lý tin giả", "lead": "Công an huyện", "partners": ["Phòng Tư pháp"],
     "deadline": deadline("Quý IV/2025", "2025-10-01", "2025-12-31"), "anchor": "phu-luc"},
    {"text": "Tập huấn kỹ năng số cho cán bộ", "lead": "Phòng Nội vụ", "partners": [],
     "deadline": deadline("Năm 2026", "2026-01-01", "2026-12-31"), "anchor": "phu-luc"},
]


def test_the_tasks_of_a_plan_in_a_list_and_in_a_table(client):
    assert api(client, f"/api/documents/{PLAN}/tasks") == {"id": PLAN, "tasks": PLAN_TASKS}


def test_an_unknown_document_has_no_outline_and_no_tasks(client):
    for path in ("/api/documents/nowhere/outline", "/api/documents/nowhere/tasks"):
        response = client.get(path)
        assert (response.status_code, response.json) == (
            404, {"error": "Không có văn bản nào mang mã “nowhere”.", "status": 404})


def where(hits) -> list[tuple]:
    return [(h["id"], h["part"], h["part_anchor"], [h["snippet"][s:e] for s, e in h["highlights"]]) for h in hits]


def test_a_hit_says_in_which_part_its_snippet_stands(client):
    hits = api(client, "/api/search?q=chia+sẻ+thông+tin+xuyên+tạc")["hits"]
    assert sorted(where(hits)) == [
        (LETTER, [], None, ["chia sẻ thông tin xuyên tạc"]),
        (DECREE, ["Chương II", "Điều 5", "khoản 2"], "dieu-5-khoan-2", ["chia sẻ thông tin xuyên tạc"])]


def test_a_hit_in_the_second_part_of_a_long_law(client):
    hits = api(client, "/api/search?q=bảo+quản+tài+liệu+điện+tử+loại+25")["hits"]
    assert where(hits) == [(LAW_2, ["Điều 25", "khoản 2"], "dieu-25-khoan-2", ["bảo quản tài liệu điện tử loại 25"])]
    outline = api(client, f"/api/documents/{LAW_2}/outline")["outline"]
    text = api(client, f"/api/documents/{LAW_2}")["text"]
    first, last = outline[0], outline[-1]
    # the cut fell inside Điều 18 (after its heading): the second part opens inside it, under its anchor
    assert (len(outline), first["anchor"], first["start"], text[:8], [c["anchor"] for c in first["children"]],
            last["anchor"]) == (13, "dieu-18", 0, "\n\n1. Kho", ["dieu-18-khoan-1", "dieu-18-khoan-2"], "dieu-30")
    before = api(client, f"/api/documents/{LAW}/outline")["outline"][-1]
    assert (before["anchor"], before["children"]) == ("dieu-18", [])


def test_a_snippet_never_shows_the_headers_number_line(client):
    """`so` matches the `Số:` line of every header: the snippet is looked for after the header, never in it."""
    hits = {h["id"]: h for h in api(client, "/api/search?q=so&page_size=20")["hits"]}
    decree = hits[DECREE]  # its text has no `số` after its header: its first words, nothing marked
    assert (" ".join(decree["snippet"].split())[:40], decree["highlights"]) == (
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 th", [])
    assert all("Số:" not in h["snippet"] for h in hits.values())
    plan = hits[PLAN]
    assert (" ".join(plan["snippet"].split())[:28], [plan["snippet"][s:e] for s, e in plan["highlights"]]) == (
        "tin sai sự thật năm 2025 Thự", ["số", "số", "số"])


def test_the_query_s_words_are_marked_where_they_stand_together(client):
    hits = {h["id"]: h for h in api(client, "/api/search?q=thông+tin+sai+sự+thật")["hits"]}
    decree = hits[DECREE]
    assert ([decree["snippet"][s:e] for s, e in decree["highlights"]], decree["part"]) == (
        ["thông tin sai sự thật"], ["Chương II", "Điều 5", "khoản 1"])


def test_citations_of_a_part_are_filtered_and_grouped_by_it(client):
    every = api(client, "/api/cites?ref=15/2020/NĐ-CP")
    assert [(h["id"], h["cited_parts"], h["part_links"]) for h in every["hits"]] == [
        (LETTER, ["Điều 5 khoản 2"], [{"part": "Điều 5 khoản 2", "document": DECREE, "anchor": "dieu-5-khoan-2"}]),
        (PLAN, ["Điều 5", "Điều 2"], [{"part": "Điều 5", "document": DECREE, "anchor": "dieu-5"},
                                      {"part": "Điều 2", "document": DECREE, "anchor": "dieu-2"}])]
    assert every["facets"]["part"] == [{"value": "Điều 5", "count": 2, "selected": False},
                                       {"value": "Điều 2", "count": 1, "selected": False},
                                       {"value": "Điều 5 khoản 2", "count": 1, "selected": False}]
    inside = api(client, "/api/cites?ref=15/2020/NĐ-CP&part=khoan+2+dieu+5")  # typed any way
    assert ([h["id"] for h in inside["hits"]], inside["filters"]) == ([LETTER], {"part": ["Điều 5 khoản 2"]})
    assert inside["facets"]["part"][2] == {"value": "Điều 5 khoản 2", "count": 1, "selected": True}
    assert [h["id"] for h in api(client, "/api/cites?ref=15/2020/NĐ-CP&part=Điều+2")["hits"]] == [PLAN]
    assert api(client, "/api/cites?ref=15/2020/NĐ-CP&part=Điều+6")["total"] == 0


def test_a_bad_part_is_refused(client):
    response = client.get("/api/cites?ref=15/2020/NĐ-CP&part=Nghị+định")
    assert (response.status_code, response.json["error"]) == (
        400, "'Nghị định' không phải là một phần của văn bản (ví dụ: Điều 5, khoản 2 Điều 5, Chương II).")


def test_a_documents_most_cited_parts_and_the_parts_its_citations_name(client):
    decree = api(client, f"/api/documents/{DECREE}")
    assert decree["cited_parts"] == [
        {"part": "Điều 5", "count": 2, "document": DECREE, "anchor": "dieu-5"},
        {"part": "Điều 2", "count": 1, "document": DECREE, "anchor": "dieu-2"},
        {"part": "Điều 5 khoản 2", "count": 1, "document": DECREE, "anchor": "dieu-5-khoan-2"}]
    letter = api(client, f"/api/documents/{LETTER}")
    assert [(c["ref"], c["target"], c["parts"], c["part_links"]) for c in letter["citations"]] == [
        ("15/2020/NĐ-CP", DECREE, ["Điều 5 khoản 2"],
         [{"part": "Điều 5 khoản 2", "document": DECREE, "anchor": "dieu-5-khoan-2"}])]


def test_a_documents_record_reads_its_structure_only_for_its_page(index):
    assert (get_document(index, DECREE).outline, get_document(index, PLAN).tasks) == ((), ())
    page = get_document(index, DECREE, structure=True)
    assert ([n.anchor for n in page.outline], page.part_paths["dieu-5-khoan-2"]) == (
        ["chuong-i", "chuong-ii", "chuong-iii"], "Chương II › Điều 5 › khoản 2")
    assert get_document(index, PLAN, structure=True).task_items == PLAN_TASKS


def test_the_citing_list_from_python_carries_the_same(index):
    citing = citing_documents(index, "Nghị định 15/2020/NĐ-CP", filters={"part": "Điều 5"})
    assert [(h.document.id, h.cited_parts, h.kind) for h in citing.hits] == [
        (LETTER, ("Điều 5 khoản 2",), "based_on"), (PLAN, ("Điều 5", "Điều 2"), "implements")]


def task_leads(data) -> list[str]:
    return [t["lead"] for t in data["tasks"]]


def test_tasks_across_the_corpus_with_facets_and_filters(client):
    every = api(client, "/api/tasks")
    assert (every["total"], every["plans"], every["tasks"], every["facets"]) == (4, 1, [
        {**t, "document": every["tasks"][k]["document"]} for k, t in enumerate(PLAN_TASKS)], {
        "lead": [{"value": v, "count": 1, "selected": False} for v in
                 ("Công an huyện", "Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa - Thể thao huyện")],
        "deadline_year": [{"value": "2026", "count": 1, "selected": False},
                          {"value": "2025", "count": 3, "selected": False}]})
    assert (every["tasks"][0]["document"]["id"], every["tasks"][0]["document"]["number"]) == (PLAN, "45/KH-UBND")
    in_2025 = api(client, "/api/tasks?deadline_year=2025")
    assert (task_leads(in_2025), in_2025["facets"]["deadline_year"][1]["selected"]) == (
        ["Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa - Thể thao huyện", "Công an huyện"], True)
    # `trước ngày 30/9/2025` is its last day alone; Quý II/2025 ends before July
    assert task_leads(api(client, "/api/tasks?deadline_from=2025-07&deadline_to=2025-12")) == [
        "Trung tâm Văn hóa - Thể thao huyện", "Công an huyện"]
    assert task_leads(api(client, "/api/tasks?lead=cong+an+huyen")) == ["Công an huyện"]
    assert api(client, "/api/tasks?doc_type=Công+văn")["total"] == 0  # the plans' own filters
    assert api(client, "/api/tasks?q=phát+thanh")["total"] == 4  # the plan holds the words: its every task
    assert api(client, "/api/tasks?q=hộ+tịch")["total"] == 0
    second = api(client, "/api/tasks?page=2&page_size=3")
    assert (second["total"], task_leads(second)) == (4, ["Phòng Nội vụ"])


def test_bad_task_filters_are_refused(client):
    for query, message in (
            ("deadline_from=2025-13", "Ngày phải có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD, năm từ 1900 đến 2100 "
                                      "(nhận được: '2025-13')."),
            ("deadline_from=2026&deadline_to=2025", "Khoảng ngày không hợp lệ: từ 2026 đến 2025 (ngày bắt đầu sau "
                                                    "ngày kết thúc)."),
            ("deadline_year=25", "Năm phải có 4 chữ số, từ 1900 đến 2100 (nhận được: '25').")):
        response = client.get(f"/api/tasks?{query}")
        assert (response.status_code, response.json["error"]) == (400, message)


def test_tasks_as_csv_and_excel(client):
    response = client.get("/api/tasks?format=csv&deadline_year=2026")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert (response.headers["X-Total-Count"], rows) == ("1", [{
        "id": PLAN, "doc_type": "Kế hoạch", "number": "45/KH-UBND", "date": "2025-03-10",
        "issuer": "Ủy ban nhân dân huyện Ngọc Hồi", "task": "Tập huấn kỹ năng số cho cán bộ", "lead": "Phòng Nội vụ",
        "partners": "", "deadline": "Năm 2026", "deadline_from": "2026-01-01", "deadline_to": "2026-12-31",
        "link": "http://127.0.0.1:5000/doc/pc/ke_hoach_45.txt%230#phu-luc"}])
    book = openpyxl.load_workbook(io.BytesIO(client.get("/api/tasks?format=xlsx").data))
    sheet = book.worksheets[0]
    assert sheet.title == "Nhiệm vụ"
    assert [c.value for c in sheet[1]][5:9] == ["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    assert [row[6].value for row in sheet.iter_rows(min_row=2)] == [t["lead"] for t in PLAN_TASKS]


def test_vanban_tasks(index, capsys):
    assert main(["tasks", "--index", str(index), "--lead", "Phòng Nội vụ"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:5] == [
        "1 nhiệm vụ trong 1 văn bản", "", "  1. [Phòng Nội vụ] · hạn: Năm 2026", "     Tập huấn kỹ năng số cho cán bộ",
        "     Kế hoạch · 45/KH-UBND · Ủy ban nhân dân huyện Ngọc Hồi · 2025-03-10"]
    assert main(["tasks", "--index", str(index), "--deadline-year", "2025", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 3
    assert main(["tasks", "--index", str(index), "--id", PLAN, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"id": PLAN, "tasks": PLAN_TASKS}
    assert main(["tasks", "--index", str(index), "--deadline-from", "2026", "--deadline-to", "2025"]) == 1
    assert capsys.readouterr().err == ("vanban: lỗi: Khoảng ngày không hợp lệ: từ 2026 đến 2025 (ngày bắt đầu sau "
                                       "ngày kết thúc).\n")


def test_find_tasks_in_python(index):
    found = find_tasks(index, "chuyển đổi số", {"year": "2025"}, {"lead": ["Công an huyện", "Phòng Nội vụ"]})
    assert [(h.task["lead"], h.document.id) for h in found.hits] == [("Công an huyện", PLAN), ("Phòng Nội vụ", PLAN)]
    assert search(index, "", {"cites": "15/2020/NĐ-CP", "part": "Điều 5"}).total == 2


def test_the_document_page_shows_its_parts_tasks_and_cited_parts(client):
    html = client.get(f"/doc/{DECREE.replace('#', '%23')}").data.decode()
    assert html.count('<section class="part"') == 11  # every part of the outline, its khoản too
    assert '<section class="part" id="dieu-5-khoan-2"><p>2. Phạt tiền từ 10.000.000 đồng' in html
    assert '<li><a href="#dieu-5">Điều 5</a> <span class="heading">Vi phạm quy định về thông tin trên mạng</span></li>' \
        in html
    assert ('<a class="part-link" href="/doc/pc/nghi_dinh_15.txt%230#dieu-5">Điều 5</a> · '
            '<a href="/cites/15/2020/N%C4%90-CP?part=%C4%90i%E1%BB%81u+5">2 văn bản</a>') in html
    plan = client.get(f"/doc/{PLAN.replace('#', '%23')}").data.decode()
    assert plan.count('<li class="task">') == 4
    assert '<a class="task-part" href="#muc-ii-2">II › 2</a>' in plan
    assert '<a class="part-link" href="/doc/pc/nghi_dinh_15.txt%230#dieu-2">Điều 2</a>' in plan
    hits = client.get("/?q=chia+sẻ+thông+tin+xuyên+tạc").data.decode()
    assert ('<p class="part-path"><a href="/doc/pc/nghi_dinh_15.txt%230?q=chia+s%E1%BA%BB+th%C3%B4ng+tin+xuy%C3%AAn'
            '+t%E1%BA%A1c#dieu-5-khoan-2">Chương II › Điều 5 › khoản 2</a></p>') in hits


def test_the_seeds_hits_say_where_they_are(index_dir):
    hits = search(index_dir, "báo cáo viên").hits
    assert {h.id: (h.part_path, h.part_anchor) for h in hits} == {
        HAI_DUONG_150: (("II", "1", "1.1"), "muc-ii-1-1"), LAI_CHAU: (("B", "I", "1"), "muc-b-i-1"),
        KG_PLAN: (("V", "1"), "muc-v-1"), NGOC_HOI: (("II", "2"), "muc-ii-2"),
        TAC_PHAM: (("III", "1"), "muc-iii-lan-2-1")}


def test_the_seeds_tasks(index_dir):
    every = find_tasks(index_dir, page_size=100)
    leads = {v.value: v.count for v in every.facets[0].results}
    assert (every.total, every.plans, leads["Ban Tuyên giáo Tỉnh ủy"], leads["Sở Thông tin và Truyền thông"]) == (
        44, 6, 14, 4)
    assert [(v.value, v.count) for v in every.facets[1].results] == [("2025", 1), ("2023", 1)]
    plans = find_tasks(index_dir, "", {"doc_type": "Kế hoạch"}, {"lead": "Sở Thông tin và Truyền thông"})
    assert [(h.document.id, h.task["anchor"], h.task["text"][:40]) for h in plans.hits] == [
        (KG_PLAN, "muc-v-5", "Tăng cường hiệu quả quản lý nhà nước về "),
        (KG_PLAN, "muc-v-5", "Chỉ đạo, định hướng các cơ quan báo chí "),
        (KG_PLAN, "muc-v-5", "Chủ động phối hợp với các ban, ngành có ")]


def test_parts_rendered_around_markdown_and_highlights():
    """Each part a section, nested; an indented article line no code block; a highlight kept; a private-use
    character of the text no mark; a table inside a part."""
    from indexer.extract.outline import outline
    from webui.render import document_html

    text = ("Chương I\nQUY ĐỊNH CHUNG\n\n    Điều 1. Phạm vi\n\nNội dung \U000f0000 riêng.\n\n"
            "**Điều 2. Hiệu lực**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    nodes = outline(text)
    html = str(document_html(text, [(text.index("Phạm vi"), text.index("Phạm vi") + 7)], nodes))
    assert [n.anchor for n in nodes] == ["chuong-i"] and [c.anchor for c in nodes[0].children] == ["dieu-1", "dieu-2"]
    assert html == (
        '<section class="part" id="chuong-i"><p>Chương I\nQUY ĐỊNH CHUNG</p>\n'
        '<section class="part" id="dieu-1"><p>Điều 1. <mark>Phạm vi</mark></p>\n<p>Nội dung \ufffd riêng.</p>\n'
        '</section><section class="part" id="dieu-2"><p><strong>Điều 2. Hiệu lực</strong></p>\n'
        '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n'
        '<td>2</td>\n</tr>\n</tbody>\n</table>\n</section></section>')
    # two parts starting on one line: the first closes where the second opens (the line is the second's)
    same_line = (Node("a", "1", "", 0, 9), Node("b", "2", "", 3, 12))
    assert str(document_html("Một hai ba bốn", (), same_line)) == (
        '<section class="part" id="a"></section><section class="part" id="b"><p>Một hai ba bốn</p>\n</section>')
