"""The citation graph: every citation's kind, exact edges for the seeds, identity rules, cascade, exports."""

import json
from collections import Counter

import networkx
import pytest
from helpers import CORPUS, HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM

from indexer import UnknownDocument, implementation_chains, load_graph, open_index, ref_views, search
from indexer.builder.index import build_index
from indexer.extract.metadata import extract
from indexer.graph.links import Citation
from indexer.views.export import to_graphml
from vanban.main import main

I, B, M = "implements", "based_on", "mentions"

# Every citation of every seed, counted by (ref, kind): hand-checked against the words before each.
KINDS = {
    ("000_65df158a4e7ec0a6.txt", 0): {("14-KH/TW", I): 1, ("14-KH/TW", M): 3, ("35-NQ/TW", B): 1,
                                      ("35-NQ/TW", I): 15, ("35-NQ/TW", M): 11, ("362/QĐ-TTg", I): 1,
                                      ("Luật An ninh mạng", M): 2},
    ("001_e44d68029944b139.txt", 0): {("09/2017/NĐ-CP", M): 1, ("102-KH/TU", I): 1, ("131-KH/HU", I): 2,
                                      ("14-KH/TW", B): 1, ("14-KH/TW", I): 1, ("3006/KH-UBND", I): 2,
                                      ("35-NQ/TW", B): 1, ("35-NQ/TW", I): 7},
    ("002_45d61e181700c579.txt", 0): {("01-KL/TW", I): 2, ("04-NQ/TU", I): 1, ("05-CT/TW", I): 1, ("08-CTr/TU", I): 1,
                                      ("20-CT/TW", I): 1, ("209-KH/TU", I): 2, ("21-KL/TW", I): 1, ("21-KL/TW", M): 1,
                                      ("224-KL/TU", I): 6, ("224-KL/TU", M): 1, ("238-QĐ/TW", M): 1,
                                      ("33-NQ/TW", I): 1, ("35-NQ/TW", I): 3, ("44-KH/TU", I): 1, ("76-KL/TW", I): 1,
                                      ("Luật Báo chí", I): 1},
    ("003_189e87e651a32754.txt", 0): {("21-KL/TW", I): 1, ("62-KH/TU", M): 1, ("97-HD/BTGTW", I): 1,
                                      ("97-HD/BTGTW", M): 1},
    ("004_2a738f3429698ec1.txt", 0): {("07-CT/TU", I): 3, ("4211/VP-KGVX", M): 1, ("46-KH/BTGTU", I): 2,
                                      ("46-KH/BTGTU", M): 2},
    ("004_2a738f3429698ec1.txt", 1): {("07-CT/TU", I): 6, ("07-CT/TU", M): 6, ("Luật An ninh mạng", M): 1},
}

# The edges of the seeds' graph: (source, target, strongest kind, citations, stated by).
EDGES = [
    (HAI_DUONG_150, "ref:14-KH/TW@2019", I, 4, None), (HAI_DUONG_150, "ref:35-NQ/TW@2018", I, 27, None),
    (HAI_DUONG_150, "ref:362/QĐ-TTg@2019", I, 1, None),
    (HAI_DUONG_150, "ref:Luật An ninh mạng@?", M, 2, None),  # a law by its name: one node, whatever version
    (NGOC_HOI, "ref:09/2017/NĐ-CP@2017", M, 1, None), (NGOC_HOI, "ref:102-KH/TU@Kon Tum", I, 1, None),
    (NGOC_HOI, "ref:131-KH/HU@Kon Tum", I, 2, None), (NGOC_HOI, "ref:14-KH/TW@2019", I, 2, None),
    (NGOC_HOI, "ref:3006/KH-UBND@Kon Tum", I, 2, None), (NGOC_HOI, "ref:35-NQ/TW@2018", I, 8, None),
    (LAI_CHAU, "ref:01-KL/TW@2021", I, 2, None), (LAI_CHAU, "ref:04-NQ/TU@Lai Châu", I, 1, None),
    (LAI_CHAU, "ref:05-CT/TW@?", I, 1, None), (LAI_CHAU, "ref:08-CTr/TU@Lai Châu", I, 1, None),
    (LAI_CHAU, "ref:20-CT/TW@2018", I, 1, None), (LAI_CHAU, "ref:209-KH/TU@Lai Châu", I, 2, None),
    (LAI_CHAU, "ref:21-KL/TW@2021", I, 2, None), (LAI_CHAU, "ref:224-KL/TU@Lai Châu", I, 7, None),
    (LAI_CHAU, "ref:238-QĐ/TW@2020", M, 1, None), (LAI_CHAU, "ref:33-NQ/TW@?", I, 1, None),
    (LAI_CHAU, "ref:35-NQ/TW@2018", I, 3, None), (LAI_CHAU, "ref:44-KH/TU@Lai Châu", I, 1, None),
    (LAI_CHAU, "ref:76-KL/TW@2020", I, 1, None), (LAI_CHAU, "ref:Luật Báo chí@?", I, 1, None),
    (TAC_PHAM, "ref:21-KL/TW@2021", I, 1, None), (TAC_PHAM, "ref:62-KH/TU@?", M, 1, None),
    (TAC_PHAM, "ref:97-HD/BTGTW@2023", I, 2, None),
    (KG_LETTER, KG_PLAN, I, 4, None),  # the letter and the plan it encloses, in one file
    (KG_LETTER, "ref:07-CT/TU@Kiên Giang", I, 3, None), (KG_LETTER, "ref:4211/VP-KGVX@Kiên Giang", M, 1, None),
    (KG_PLAN, "ref:07-CT/TU@Kiên Giang", I, 12, None), (KG_PLAN, "ref:Luật An ninh mạng@?", M, 1, None),
    # Stated by a citing document: `Kế hoạch số 14-KH/TW ... của Ban Bí thư ... thực hiện Nghị quyết 35`.
    ("ref:14-KH/TW@2019", "ref:35-NQ/TW@2018", I, 1, HAI_DUONG_150),
    ("ref:131-KH/HU@Kon Tum", "ref:35-NQ/TW@2018", I, 1, NGOC_HOI),
    ("ref:209-KH/TU@Lai Châu", "ref:35-NQ/TW@2018", I, 1, LAI_CHAU),
    ("ref:08-CTr/TU@Lai Châu", "ref:76-KL/TW@2020", I, 1, LAI_CHAU),
    ("ref:76-KL/TW@2020", "ref:33-NQ/TW@?", I, 1, LAI_CHAU),
    ("ref:01-KL/TW@2021", "ref:05-CT/TW@?", I, 1, LAI_CHAU),
    ("ref:44-KH/TU@Lai Châu", "ref:01-KL/TW@2021", I, 1, LAI_CHAU),
    ("ref:62-KH/TU@?", "ref:21-KL/TW@2021", I, 1, TAC_PHAM),
]


@pytest.fixture(scope="module")
def graph(index_dir):
    return load_graph(open_index(index_dir))


@pytest.mark.parametrize("name,part", sorted(KINDS))
def test_every_citation_has_its_kind(name, part):
    meta = extract((CORPUS / name).read_text(encoding="utf-8"))[part]
    assert dict(Counter((c.ref, c.kind) for c in meta.citations)) == KINDS[(name, part)]


def test_alias_resolved_short_forms_carry_their_kind():
    meta = extract((CORPUS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8"))[0]
    short = Counter((c.text, c.ref, c.kind) for c in meta.citations if c.short)
    assert short == {("Nghị quyết 35", "35-NQ/TW", I): 13, ("Nghị quyết 35", "35-NQ/TW", M): 9,
                     ("Nghị quyết 35", "35-NQ/TW", B): 1, ("Kế hoạch 14", "14-KH/TW", M): 1}


def test_exact_edges_of_the_seeds(graph):
    assert [(e.source, e.target, e.kind, e.count, e.stated_by) for e in graph.edges] == EDGES
    assert len(graph.nodes) == 31


def test_no_edge_from_a_body_named_after_a_resolution(graph):
    # KG_PLAN names `Ban Chỉ đạo 35 cấp tỉnh` and 000 names `Ban Chỉ đạo 35`, `Tổ cộng tác viên 35`.
    assert graph.nodes["ref:35-NQ/TW@2018"].cited_by == {HAI_DUONG_150, NGOC_HOI, LAI_CHAU}
    assert [e.target for e in graph.outgoing(KG_PLAN)] == ["ref:07-CT/TU@Kiên Giang", "ref:Luật An ninh mạng@?"]


def test_records_take_the_fullest_citation(graph):
    node = graph.nodes["ref:35-NQ/TW@2018"]
    assert (node.ref, node.doc_type, node.date, node.issuer, node.level) == (
        "35-NQ/TW", "Nghị quyết", "2018-10-22", "Bộ Chính trị", "central")
    assert node.subject.startswith("tăng cường bảo vệ nền tảng tư tưởng của Đảng")
    local = graph.nodes["ref:131-KH/HU@Kon Tum"]
    assert (local.province, local.level, local.date) == ("Kon Tum", "district", "2019-08-13")


def test_cascade_from_resolution_35(graph):
    def shape(tree):
        return [(b["node"].id, shape(b)) for b in tree["children"]]

    assert shape(graph.cascade("ref:35-NQ/TW@2018")) == [
        (HAI_DUONG_150, []), (NGOC_HOI, []), (LAI_CHAU, []),
        ("ref:131-KH/HU@Kon Tum", [(NGOC_HOI, [])]),
        ("ref:14-KH/TW@2019", [(HAI_DUONG_150, []), (NGOC_HOI, [])]),
        ("ref:209-KH/TU@Lai Châu", [(LAI_CHAU, [])]),
    ]
    up = graph.cascade(NGOC_HOI, "up")
    assert [b["node"].id for b in up["children"]] == [
        "ref:102-KH/TU@Kon Tum", "ref:131-KH/HU@Kon Tum", "ref:14-KH/TW@2019", "ref:3006/KH-UBND@Kon Tum",
        "ref:35-NQ/TW@2018"]


def test_graphml_reads_back_in_networkx(graph, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(graph), encoding="utf-8")
    back = networkx.read_graphml(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (len(graph.nodes), len(graph.edges)) == (31, 40)
    assert back.nodes["ref:35-NQ/TW@2018"]["cited_by_count"] == 3
    assert back.edges[KG_LETTER, KG_PLAN]["kind"] == I


MADE_UP = {
    # Made up for these tests: two provinces' plans citing the same local symbol 62-KH/TU,
    # one of which (Hải Dương's) is itself in the corpus.
    "hd-62.txt": "TỈNH ỦY HẢI DƯƠNG\n\nSố 62-KH/TU\n\nHải Dương, ngày 12 tháng 12 năm 2022\n\nKẾ HOẠCH\n\n"
                 "về công tác tuyên truyền\n\nNội dung tuyên truyền.",
    "hd-plan.txt": "TỈNH ỦY HẢI DƯƠNG\n\nSố 70-KH/TU\n\nHải Dương, ngày 10 tháng 01 năm 2023\n\nKẾ HOẠCH\n\n"
                   "Thực hiện Kế hoạch số 62-KH/TU, ngày 12/12/2022 của Ban Thường vụ Tỉnh ủy, ban hành kế hoạch.",
    "lc-plan.txt": "TỈNH ỦY LAI CHÂU\n\nSố 80-KH/TU\n\nLai Châu, ngày 15 tháng 01 năm 2023\n\nKẾ HOẠCH\n\n"
                   "Thực hiện Kế hoạch số 62-KH/TU, ngày 12/12/2022 của Ban Thường vụ Tỉnh ủy, ban hành kế hoạch.",
    # Made up: two different resolutions numbered 18-NQ/TW, of 2017 and of 2022.
    "nq18-2017.txt": "KẾ HOẠCH\n\nCăn cứ Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương "
                     "về sắp xếp tổ chức bộ máy, Tỉnh ủy Hà Nam ban hành kế hoạch.",
    "nq18-2022.txt": "KẾ HOẠCH\n\nThực hiện Nghị quyết số 18-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương "
                     "về chính sách đất đai, Tỉnh ủy Hà Nam ban hành kế hoạch.",
}


@pytest.fixture(scope="module")
def made_up(tmp_path_factory):
    folder = tmp_path_factory.mktemp("made-up") / "c"
    folder.mkdir()
    for name, text in MADE_UP.items():
        (folder / name).write_text(text, encoding="utf-8")
    build_index([folder], folder.parent / "ix")
    return folder.parent / "ix"


def test_local_symbols_are_one_document_only_within_a_province(made_up):
    graph = load_graph(open_index(made_up))
    targets = {e.source: e.target for e in graph.edges}
    assert targets["c/hd-plan.txt#0"] == "c/hd-62.txt#0"            # resolves to the corpus document
    assert targets["c/lc-plan.txt#0"] == "ref:62-KH/TU@Lai Châu"   # Lai Châu's 62-KH/TU is another one
    assert graph.nodes["c/hd-62.txt#0"].cited_by == {"c/hd-plan.txt#0"}


def test_central_numbers_are_one_document_only_with_their_year(made_up):
    graph = load_graph(open_index(made_up))
    nodes = graph.by_ref("18-nq-tw")
    assert sorted((n.id, n.year, n.subject) for n in nodes) == [
        ("ref:18-NQ/TW@2017", 2017, "sắp xếp tổ chức bộ máy"), ("ref:18-NQ/TW@2022", 2022, "chính sách đất đai")]
    assert [(e.source, e.kind) for e in graph.incoming("ref:18-NQ/TW@2017")] == [("c/nq18-2017.txt#0", B)]


def test_cites_filter_facets_with_documents_citing_nothing(made_up):
    # hd-62.txt cites nothing: the `cites` facet has no value for it, and must not fail on that.
    result = search(made_up, "", {"cites": "Kế hoạch 62"})
    assert sorted(h.id for h in result.hits) == ["c/hd-plan.txt#0", "c/lc-plan.txt#0"]
    cites = [(v.value, v.count, v.selected) for f in result.facets if f.name == "cites" for v in f.results]
    assert cites == [("18-NQ/TW", 2, False), ("62-KH/TU", 2, True)]


def test_cli_cites_json_adds_kind_and_passage(capsys, index_dir):
    assert main(["cites", "nghi quyet 35", "--index", str(index_dir), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 3
    assert {h["id"]: h["kind"] for h in result["hits"]} == {HAI_DUONG_150: I, NGOC_HOI: I, LAI_CHAU: I}
    hai_duong = next(h for h in result["hits"] if h["id"] == HAI_DUONG_150)
    assert hai_duong["passage"].startswith("thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị khóa XII")
    assert main(["cites", "Chỉ thị 07", "--index", str(index_dir), "--kind", "mentions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    assert main(["cites", "46-KH/BTGTU", "--index", str(index_dir), "--kind", "implements", "--json"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)["hits"]] == [KG_LETTER]


def test_cli_graph_formats(capsys, index_dir, tmp_path):
    assert main(["graph", "--index", str(index_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (len(data["nodes"]), len(data["edges"])) == (31, 40)
    assert main(["graph", "--index", str(index_dir), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "source,source_label,source_level,target,target_label,target_level,kind,count,passage,stated_by"
    assert len(lines) == 41
    out = tmp_path / "g.graphml"
    assert main(["graph", "--index", str(index_dir), "--format", "graphml", "--output", str(out)]) == 0
    assert networkx.read_graphml(out).number_of_edges() == 40


def test_search_sorts_by_citation_count_and_facets_cited_documents(index_dir):
    result = search(index_dir, "", sort="cited", page_size=20)
    assert next((h.id, h.cited_by_count) for h in result.hits) == (KG_PLAN, 1)
    cites = {v.value: v.count for f in result.facets if f.name == "cites" for v in f.results}
    assert (cites["35-NQ/TW"], cites["21-KL/TW"], cites["46-KH/BTGTU"]) == (3, 2, 1)
    kinds = search(index_dir, "", {"cites": "46-KH/BTGTU"})
    assert [(f.name, [(v.value, v.count) for v in f.results]) for f in kinds.facets][-1] == ("kind", [(I, 1)])


def test_ref_cascade_and_most_cited_pages(client):
    html = client.get("/refs/Ngh%E1%BB%8B%20quy%E1%BA%BFt%2035").get_data(as_text=True)
    assert "<h1>Nghị quyết 35-NQ/TW</h1>" in html and "Được trích dẫn bởi 6 văn bản (3 trong kho, 3 theo văn bản khác)" in html
    assert html.index("· Trung ương (1)") < html.index("· Cấp tỉnh (3)") < html.index("· Cấp huyện (2)")
    only_mentions = client.get("/refs/35-NQ%2FTW?kind=mentions").get_data(as_text=True)
    assert "Không có văn bản nào với quan hệ này." in only_mentions
    cascade = client.get("/cascade/ref:35-NQ/TW@2018").get_data(as_text=True)
    assert cascade.count("Kế hoạch 150-KH/TU") == 2 and "Kế hoạch 14-KH/TW" in cascade
    most = client.get("/most-cited").get_data(as_text=True)
    assert most.index("Nghị quyết 35-NQ/TW") < most.index("Kế hoạch 14-KH/TW") < most.index("Quyết định 362/QĐ-TTg")
    api = client.get("/api/refs/35-NQ/TW").get_json()
    assert [(r["node"]["id"], len(r["cited_by"])) for r in api["records"]] == [("ref:35-NQ/TW@2018", 6)]
    assert client.get("/api/graph").get_json()["directed"] is True
    assert client.get("/api/graph?format=pdf").get_json() == {
        "error": "Định dạng không hợp lệ: 'pdf' (chọn: json, csv, graphml).", "status": 400}


def test_the_graph_views_raise_unknown_document_for_what_the_graph_lacks(index_dir):
    node, down, up = implementation_chains(index_dir, "ref:35-NQ/TW@2018")
    graph = load_graph(index_dir)
    assert (node, down, up) == (graph.nodes["ref:35-NQ/TW@2018"], graph.cascade("ref:35-NQ/TW@2018", "down"),
                                graph.cascade("ref:35-NQ/TW@2018", "up"))
    assert (node.label, [b["node"].label for b in down["children"]], up["children"]) == (
        "Nghị quyết 35-NQ/TW", ["Kế hoạch 150-KH/TU", "Kế hoạch (không số)", "Kế hoạch (không số)",
                                "Kế hoạch 131-KH/HU", "Kế hoạch 14-KH/TW", "Kế hoạch 209-KH/TU"], [])
    for view, arg, message in ((implementation_chains, "nope", "Không có văn bản “nope” trong đồ thị trích dẫn."),
                               (ref_views, "99-NQ/TW", "Không có văn bản nào trong kho trích dẫn 99-NQ/TW.")):
        with pytest.raises(UnknownDocument) as raised:
            view(index_dir, arg)
        assert (str(raised.value), raised.value.doc_id) == (message, arg)

def test_two_spellings_of_one_ref_are_one_node():
    records = [{"id": f"d{n}", "source": f"d{n}", "meta": {
        "number": None, "doc_type": "Kế hoạch", "date": "2019-01-01", "year": 2019, "issuer": None,
        "province": "Kon Tum", "title": None, "citations": [Citation(
            ref, "Nghị quyết", "2018-10-22", 2018, kind="implements", passage=ref)]}}
        for n, ref in enumerate(["35-NQ/TW", "35/NQ-TW"])]
    from indexer.graph.model import build_graph
    graph = build_graph(records)
    assert [n.id for n in graph.nodes.values() if not n.in_corpus] == ["ref:35-NQ/TW@2018"]
    assert sorted((e.source, e.target) for e in graph.edges) == [("d0", "ref:35-NQ/TW@2018"),
                                                                 ("d1", "ref:35-NQ/TW@2018")]
