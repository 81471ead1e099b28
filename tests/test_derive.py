"""What the build derives from the whole corpus: the accent table, citation counts, links, all four at once."""

from helpers import ALL_IDS, KG_PLAN

from indexer import open_index
from indexer.builder.derive import DERIVED_NAMES, accent_table, cited_counts, derive_all, links_from_index
from indexer.engines import IndexedDoc, create_engine
from indexer.graph.links import Citation
from indexer.graph.model import build_graph
from indexer.store import read_derived

# Syllable -> in how many documents it stands: it is in the first that many of them.
FREQUENCIES = {"ma": 6, "mà": 5, "má": 4, "mả": 3, "mã": 2, "mạ": 1, "đảng": 2, "phòng": 3, "phong": 1,
               "2019": 6, "b2": 2}


def _small_index(engine_name, path):
    engine = create_engine(engine_name, path)
    writer = engine.writer()
    for n in range(1, 7):
        words = [w for w, frequency in FREQUENCIES.items() if frequency >= n]
        writer.add(IndexedDoc(stored={"id": f"d{n}#0", "source": f"d{n}", "part": 0, "text": " ".join(words),
                                      "meta": "{}"},
                              tokens={"text": [(w, i) for i, w in enumerate(words)], "words": []},
                              keywords={"id": [f"d{n}#0"], "source": [f"d{n}"]}))
    writer.commit()
    return engine


def test_accent_table_groups_accented_forms_by_folded_syllable(engine, tmp_path):
    with _small_index(engine, tmp_path / "e").searcher() as searcher:
        table = accent_table(searcher)
    # most frequent first, four forms at most; numbers and words with digits left out
    assert table == {"ma": [("ma", 6), ("mà", 5), ("má", 4), ("mả", 3)],
                     "dang": [("đảng", 2)],
                     "phong": [("phòng", 3), ("phong", 1)]}


def _doc(doc_id, number, province, cited):
    """A document's links as indexer.graph.links.document_links gives them."""
    citations = [Citation(ref, doc_type, year=year, kind="implements", passage=ref)
                 for ref, doc_type, year in cited]
    return {"id": doc_id, "source": doc_id, "meta": {
        "number": number, "doc_type": "Kế hoạch", "date": "2019-06-01", "year": 2019, "issuer": None,
        "province": province, "title": None, "citations": citations}}


def test_cited_counts_counts_corpus_documents_only():
    nq35, kh5 = ("35-NQ/TW", "Nghị quyết", 2018), ("5-KH/UBND", "Kế hoạch", 2019)
    graph = build_graph([
        _doc("d0", "5-KH/UBND", "Kon Tum", [nq35]),
        _doc("d1", None, "Kon Tum", [nq35, kh5]),
        _doc("d2", None, "Kon Tum", [kh5]),
        _doc("d3", None, "Kon Tum", []),
        _doc("d4", None, "Lai Châu", [kh5]),  # a local symbol of another province: another document
    ])
    # 35-NQ/TW is cited twice but is not in the corpus; d3 and d4 are cited by none
    assert cited_counts(graph) == {"d0": 2}
    assert sorted((n.id, len(n.cited_by)) for n in graph.nodes.values() if not n.in_corpus) == [
        ("ref:35-NQ/TW@2018", 2), ("ref:5-KH/UBND@Lai Châu", 1)]


def test_cited_counts_of_a_graph_without_citations():
    assert cited_counts(build_graph([_doc("d0", "5-KH/UBND", "Kon Tum", [])])) == {}
    assert cited_counts(build_graph([])) == {}


def test_links_read_back_from_the_index_equal_the_links_the_build_made(index_dir):
    ix = open_index(index_dir)
    built = read_derived(ix.folder, "links")
    assert sorted(built) == sorted(ALL_IDS)
    assert links_from_index(ix.engine) == built


def test_derive_all_gives_every_derived_value(index_dir):
    ix = open_index(index_dir)
    links = links_from_index(ix.engine)
    derived = derive_all(ix.engine, links)
    assert tuple(derived) == DERIVED_NAMES == ("links", "graph", "counts", "accents", "words", "related",
                                              "near_duplicates", "shares", "law_names", "parts", "validity",
                                              "tasks", "cited_parts")
    assert derived["links"] is links
    assert (derived["law_names"], derived["parts"]) == ({}, {})  # the seeds name no law with its number, none is long
    assert derived["counts"] == {KG_PLAN: 1}
    assert derived["accents"]["nhung"] == [("những", 5), ("nhưng", 3), ("nhũng", 1)]
    assert {name: derived[name] for name in DERIVED_NAMES} == {
        name: read_derived(ix.folder, name) for name in DERIVED_NAMES}
