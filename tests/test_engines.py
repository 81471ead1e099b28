"""The engine interface on a real index on disk: the query tree, filters, facets, sorting, writes."""

import json

import pytest

from indexer.engines import (
    All,
    Any,
    Every,
    IndexedDoc,
    Nothing,
    Phrase,
    Range,
    Rank,
    Term,
    Without,
    create_engine,
    matching,
    open_engine,
)

ENGINES = ["whoosh", "tantivy"]
REF = "11/2018/NQ-TW"
COMPOUNDS = ("tham nhũng", "lãng phí", "kế hoạch", "công văn", "nghị quyết")


def _tokens(sentences: list[str]) -> list[tuple[str, int]]:
    """Syllables with positions; one position skipped at each sentence break, as the analysis does."""
    tokens, pos = [], 0
    for sentence in sentences:
        for word in sentence.lower().split():
            tokens.append((word, pos))
            pos += 1
        pos += 1
    return tokens


def _words(sentences: list[str]) -> list[tuple[str, int]]:
    """Compound words (syllables joined by _), as the word segmenter gives them."""
    joined = []
    for sentence in sentences:
        sentence = sentence.lower()
        for compound in COMPOUNDS:
            sentence = sentence.replace(compound, compound.replace(" ", "_"))
        joined.append(sentence)
    return _tokens(joined)


def _doc(doc_id: str, part: int, sentences: list[str], sort_date: str = "", span=None, indexed: str = "",
         **keywords) -> IndexedDoc:
    source = doc_id.split("#")[0] + ".txt"
    keywords = {"id": [doc_id], "source": [source], "source_digest": [f"digest-{source}"], **keywords}
    stored = {"id": doc_id, "source": source, "part": part, "text": ". ".join(sentences) + ".",
              "meta": f'{{"id": "{doc_id}"}}'}
    numbers = dict(zip(("date_low", "date_high"), span)) if span else {}
    return IndexedDoc(stored=stored, tokens={"text": _tokens(sentences), "words": _words(sentences)},
                      keywords=keywords, sort_date=sort_date, numbers=numbers, indexed=indexed)


# "nhũng" (6) and "tham" (8) of a#0 sit either side of a sentence break: never a phrase.
# Date spans (date_low, date_high) as YYYYMMDD: a#0, b#0, c#0 have a day; b#1 only its year, 2020.
DOCS = [
    _doc("a#0", 0, ["Nghị quyết về phòng chống tham nhũng", "Tham nhũng là quốc nạn"], "2019-05-03",
         (20190503, 20190503), "2026-01-01T00:00:00Z",
         doc_type=["Nghị quyết"], year=["2019"], month=["2019-05"], cites=[REF, REF, REF],
         cited_refs=["Nghị quyết 11", "Nghị quyết 11"]),
    _doc("b#0", 0, ["Kế hoạch phòng chống tham nhũng năm 2020"], "2020-01-15", (20200115, 20200115),
         "2026-01-01T00:00:00Z",
         doc_type=["Kế hoạch"], province=["Lai Châu"], year=["2020"], month=["2020-01"], cites=[REF, "150-KH/TU"],
         cited_refs=["Nghị quyết 11", "Kế hoạch 150"]),
    _doc("b#1", 1, ["Phòng tham nhũng chống lãng phí"], "", (20200101, 20201231), "2026-01-01T00:00:00Z",
         doc_type=["Kế hoạch"], province=["Lai Châu"], year=["2020"]),
    _doc("c#0", 0, ["Công văn về chống lãng phí"], "2021-06-30", (20210630, 20210630), "2026-01-01T00:00:00Z",
         doc_type=["Công văn"], province=["Kiên Giang"], year=["2021"], month=["2021-06"],
         cited_refs=["Kế hoạch 150"]),
]
ALL = {"a#0", "b#0", "b#1", "c#0"}


@pytest.fixture(params=ENGINES)
def engine(request, tmp_path):
    """An index of DOCS on disk, committed."""
    built = create_engine(request.param, tmp_path / "index")
    writer = built.writer()
    for doc in DOCS:
        writer.add(doc)
    writer.commit()
    return built


def ids(engine, query, **kwargs) -> list[str]:
    """The ids of the hits, in order."""
    with engine.searcher() as s:
        return [s.stored(key)["id"] for key, _ in s.search(query, limit=10, **kwargs).hits]


def scores(engine, query, filter=None) -> dict[str, float]:
    """Each hit's score by id."""
    with engine.searcher() as s:
        return {s.stored(key)["id"]: score for key, score in s.search(query, filter=filter, limit=10).hits}


def text(word: str) -> Term:
    return Term("text", word)


def test_terms_match_tokens_and_whole_keywords(engine):
    assert set(ids(engine, text("tham"))) == {"a#0", "b#0", "b#1"}
    assert set(ids(engine, Term("words", "tham_nhũng"))) == {"a#0", "b#0", "b#1"}
    assert set(ids(engine, Term("doc_type", "Kế hoạch"))) == {"b#0", "b#1"}
    assert ids(engine, Term("doc_type", "kế hoạch")) == []
    assert ids(engine, Term("province", "Lai")) == []


def test_phrase_is_adjacent_in_order_and_never_crosses_a_sentence(engine):
    assert set(ids(engine, Phrase("text", ("tham", "nhũng")))) == {"a#0", "b#0", "b#1"}
    assert ids(engine, Phrase("text", ("nhũng", "tham"))) == []
    assert ids(engine, Phrase("text", ("nhũng", "tham"), slop=1)) == ["a#0"]
    assert set(ids(engine, Phrase("text", ("phòng", "chống", "tham")))) == {"a#0", "b#0"}
    assert set(ids(engine, Phrase("text", ("tham",)))) == {"a#0", "b#0", "b#1"}


def test_slop_counts_the_positions_between_each_pair_of_neighbours(engine):
    # b#1: phòng(0) tham nhũng chống(3) lãng phí(5)
    assert set(ids(engine, Phrase("text", ("phòng", "chống"), slop=1))) == {"a#0", "b#0"}
    assert set(ids(engine, Phrase("text", ("phòng", "chống"), slop=2))) == {"a#0", "b#0", "b#1"}
    assert ids(engine, Phrase("text", ("chống", "phòng"), slop=3)) == []  # never the other way round
    assert ids(engine, Phrase("text", ("phòng", "nhũng", "lãng"), slop=1)) == ["b#1"]
    assert ids(engine, Phrase("text", ("phòng", "nhũng", "lãng"))) == []
    # 2 positions, then none: too far apart for a slop of 1, though the 2 in all would fit 1 + 1
    assert ids(engine, Phrase("text", ("phòng", "chống", "lãng"), slop=1)) == []
    assert ids(engine, Phrase("text", ("phòng", "chống", "lãng"), slop=2)) == ["b#1"]


def test_any_all_rank_without_every_nothing(engine):
    assert set(ids(engine, Any((text("tham"), text("văn"))))) == ALL
    assert ids(engine, All((text("tham"), text("kế")))) == ["b#0"]
    ranked = ids(engine, Rank(text("chống"), text("kế")))
    assert ranked[0] == "b#0" and set(ranked) == ALL
    assert ids(engine, Rank(text("văn"), text("tham"))) == ["c#0"]  # `should` adds no matches
    assert set(ids(engine, Without(text("tham"), text("kế")))) == {"a#0", "b#1"}
    assert set(ids(engine, Without(Every(), Term("doc_type", "Kế hoạch")))) == {"a#0", "c#0"}
    assert set(ids(engine, Every())) == ALL
    assert ids(engine, Nothing()) == []
    assert ids(engine, Any(())) == []


def test_scores_add_through_the_tree_and_boosts_multiply(engine):
    alone = [scores(engine, text(word))["b#0"] for word in ("tham", "kế")]
    assert scores(engine, Any((text("tham"), text("kế"))))["b#0"] == pytest.approx(sum(alone), rel=1e-5)
    assert scores(engine, All((text("tham"), text("kế"))))["b#0"] == pytest.approx(sum(alone), rel=1e-5)
    assert scores(engine, Term("text", "tham", boost=2.0))["b#0"] == pytest.approx(2 * alone[0], rel=1e-5)


def test_a_filter_narrows_without_changing_scores(engine):
    query = Any((text("tham"), text("chống")))
    everywhere = scores(engine, query)
    in_lai_chau = scores(engine, query, filter=Term("province", "Lai Châu"))
    assert in_lai_chau == {k: everywhere[k] for k in ("b#0", "b#1")}
    with engine.searcher() as s:
        assert s.count(query, Term("province", "Lai Châu")) == 2
        assert s.count(query) == 4
        assert s.search(query, filter=Any((Term("year", "2019"), Term("year", "2021")))).total == 2


def test_a_filter_naming_documents_keeps_every_ranking_score(engine):
    # Rank's ranking clauses are read within such a filter on tantivy (engines/tantivy_query.py ranked_within)
    query = Rank(Any((text("tham"), text("chống"))), Any((text("phòng"), Phrase("text", ("tham", "nhũng")),
                                                            Term("text", "lãng", boost=3.0))))
    everywhere = scores(engine, query)
    named = Any((Term("id", "a#0"), Term("id", "b#1")))
    assert scores(engine, query, filter=named) == {k: everywhere[k] for k in ("a#0", "b#1")}
    assert scores(engine, query, filter=All((named, Term("year", "2020")))) == {"b#1": everywhere["b#1"]}
    assert scores(engine, Rank(text("tham"), Any(())), filter=named) == scores(engine, text("tham"), filter=named)


def test_ids_of_hits(engine):
    with engine.searcher() as s:
        keys = [key for key, _ in s.search(Every(), limit=10, sort="date").hits]
        assert s.ids(keys, ["a#0", "b#0", "b#1", "c#0"]) == ["c#0", "b#0", "a#0", "b#1"]
        assert s.ids(keys[::-1], ["b#0"]) == ["b#1", "a#0", "b#0", "c#0"]  # read from the document when not among
        assert s.ids([], []) == []


def test_stored_text_from_its_start(engine):
    writer = engine.writer()
    writer.add(_doc("d#0", 0, ["Tham nhũng là quốc nạn"] * 2000))  # 47,999 characters
    writer.commit()
    with engine.searcher() as s:
        key = s.search(Term("id", "d#0")).hits[0][0]
        whole, start = s.stored(key)["text"], s.stored(key, 100)["text"]
        assert (len(whole), whole.startswith(start), len(start) >= 100) == (47_999, True, True)
        assert len(start) < len(whole) if engine.name == "tantivy" else start == whole  # whoosh reads it whole
        assert s.stored(key, 50_000)["text"] == whole


def test_matching_leaves_out_every_ranking_clause():
    must, rank = text("tham"), text("kế")
    tree = All((Rank(must, rank), Without(Any((Rank(text("a"), rank), text("b"))), Rank(text("c"), rank))))
    assert matching(tree) == All((must, Without(Any((text("a"), text("b"))), text("c"))))
    assert matching(Rank(Rank(must, rank), rank)) == must
    assert matching(Phrase("text", ("tham", "nhũng"), 3)) == Phrase("text", ("tham", "nhũng"), 3)


def test_group_counts_count_documents_per_value(engine):
    with engine.searcher() as s:
        assert s.group_counts(Every(), None, "year") == {"2019": 1, "2020": 2, "2021": 1}
        assert s.group_counts(Every(), None, "month") == {"2019-05": 1, "2020-01": 1, "2021-06": 1}
        assert s.group_counts(Every(), None, "province") == {"Lai Châu": 2, "Kiên Giang": 1}
        # a#0 names "Nghị quyết 11" twice: one document
        assert s.group_counts(Every(), None, "cited_refs") == {"Nghị quyết 11": 2, "Kế hoạch 150": 2}
        assert s.group_counts(text("tham"), Term("province", "Lai Châu"), "doc_type") == {"Kế hoạch": 2}
        assert s.group_counts(text("tham"), None, "doc_type") == {"Nghị quyết": 1, "Kế hoạch": 2}
        # one field of a filter counted alone: another of the same filter is counted when asked for
        assert s.group_counts(text("tham"), Term("year", "2020"), "province", alone=True) == {"Lai Châu": 2}
        assert s.group_counts(text("tham"), Term("year", "2020"), "cited_refs") == {"Nghị quyết 11": 1,
                                                                                   "Kế hoạch 150": 1}
        # what counting the facets counted (tantivy keeps it), and a count within every document
        assert (s.count(text("tham")), s.count(text("tham"), Term("year", "2020"))) == (3, 2)
        assert s.count_within(text("tham"), Term("year", "2020"), {"all": Every(), "a": Term("id", "b#1")}) == {
            "all": 2, "a": 1}


def test_count_within_counts_each_subset_of_one_result(engine):
    subsets = {"ids": Any((Term("id", "a#0"), Term("id", "b#1"), Term("id", "c#0"))), "lai_chau": Term("province", "Lai Châu"),
               "none": Nothing(), "all": Every()}
    with engine.searcher() as s:
        assert s.count_within(text("tham"), None, subsets) == {"ids": 2, "lai_chau": 2, "none": 0, "all": 3}
        assert s.count_within(text("tham"), Term("year", "2020"), subsets) == {"ids": 1, "lai_chau": 2, "none": 0,
                                                                               "all": 2}
        assert s.count_within(text("tham"), Nothing(), subsets) == dict.fromkeys(subsets, 0)
        assert s.count_within(text("tham"), None, subsets) == {n: s.count(text("tham"), q) for n, q in subsets.items()}


def test_range_filters_whole_numbers_both_ends_included_either_open(engine):
    assert ids(engine, Range("date_low", 20200115, 20200115), sort="date") == ["b#0"]
    assert ids(engine, Range("date_low", 20200101), sort="date") == ["c#0", "b#0", "b#1"]
    assert ids(engine, Range("date_high", None, 20201231), sort="date") == ["b#0", "a#0", "b#1"]
    assert ids(engine, Range("date_low", 20190504, 20191231)) == []
    # a span inside 2020 (low from the start of 2020, high to its end): b#1, known only by its year, too
    in_2020 = All((Range("date_low", 20200101), Range("date_high", None, 20201231)))
    assert ids(engine, in_2020, sort="date") == ["b#0", "b#1"]
    assert ids(engine, Any((Range("date_low", 20210101), Term("doc_type", "Nghị quyết"))), sort="date") == ["c#0", "a#0"]
    assert ids(engine, Range("nowhere", 0, 1)) == []
    with engine.searcher() as s:
        assert s.count(text("tham"), Range("date_high", None, 20200131)) == 2
        assert s.group_counts(Every(), Range("date_low", 20200101), "month") == {"2020-01": 1, "2021-06": 1}


def test_documents_without_a_value_are_outside_every_range(engine):
    writer = engine.writer()
    writer.add(_doc("d#0", 0, ["Tham nhũng"]))
    writer.commit()
    assert ids(engine, Range("date_low", None, None), sort="date") == ["c#0", "b#0", "a#0", "b#1"]


def test_sort_by_date_then_by_indexing_time(engine):
    writer = engine.writer()
    writer.add(_doc("d#0", 0, ["Tham nhũng"], "2020-01-15", indexed="2026-02-01T00:00:00Z"))
    writer.add(_doc("e#0", 0, ["Tham nhũng"], "2020-01-15", indexed="2025-12-01T00:00:00Z"))
    writer.commit()
    assert ids(engine, Every(), sort="date") == ["c#0", "d#0", "b#0", "e#0", "a#0", "b#1"]
    assert ids(engine, Every(), sort="date_asc") == ["b#1", "a#0", "e#0", "b#0", "d#0", "c#0"]


def test_sort_by_date_both_ways_with_no_date_oldest(engine):
    assert ids(engine, Every(), sort="date") == ["c#0", "b#0", "a#0", "b#1"]
    assert ids(engine, Every(), sort="date_asc") == ["b#1", "a#0", "b#0", "c#0"]
    with engine.searcher() as s:
        assert {score for _, score in s.search(text("tham"), sort="date").hits} == {0.0}


def test_offset_pages_through_the_same_order(engine):
    with engine.searcher() as s:
        page = s.search(Every(), limit=2, offset=1, sort="date_asc")
        assert page.total == 4
        assert [s.stored(k)["id"] for k, _ in page.hits] == ["a#0", "b#0"]
        assert [s.stored(k)["id"] for k, _ in s.search(Every(), offset=3, sort="date_asc").hits] == ["c#0"]
        query = Any((text("tham"), text("chống"), text("kế")))
        ranked = [s.stored(k)["id"] for k, _ in s.search(query).hits]
        second = s.search(query, limit=1, offset=1)
        assert second.total == 4 and [s.stored(k)["id"] for k, _ in second.hits] == ranked[1:2]


def test_stored_fields_by_id(engine):
    with engine.searcher() as s:
        assert s.by_id("b#1") == {"id": "b#1", "source": "b.txt", "part": 1,
                                  "text": "Phòng tham nhũng chống lãng phí.", "meta": '{"id": "b#1"}',
                                  "indexed": "2026-01-01T00:00:00Z", "parts": "", "structure": ""}
        assert s.by_id("nowhere#0") is None
        key, _ = s.search(Term("id", "a#0")).hits[0]
        assert s.stored(key)["text"] == "Nghị quyết về phòng chống tham nhũng. Tham nhũng là quốc nạn."
        without = s.stored(key, text=False)  # tantivy skips the text; whoosh reads stored fields whole
        assert ({k: v for k, v in without.items() if k != "text"}, without["text"] in ("", s.stored(key)["text"])) == (
            {k: v for k, v in s.stored(key).items() if k != "text"}, True)
        summary = s.by_id("b#1", structure=False, text=False)  # what a list of related documents reads
        assert (summary["meta"], summary["text"] in ("", "Phòng tham nhũng chống lãng phí.")) == ('{"id": "b#1"}', True)
        assert engine.name != "tantivy" or summary["text"] == ""


def test_repeated_cites_raise_the_score(engine):
    found = scores(engine, Term("cites", REF))
    assert set(found) == {"a#0", "b#0"}
    assert found["a#0"] > found["b#0"]


def test_terms_and_frequencies(engine):
    with engine.searcher() as s:
        assert s.doc_count() == 4
        assert sorted(s.terms("doc_type")) == [("Công văn", 1), ("Kế hoạch", 2), ("Nghị quyết", 1)]
        assert sorted(s.terms("source_digest")) == [("digest-a.txt", 1), ("digest-b.txt", 2),
                                                    ("digest-c.txt", 1)]
        assert ("tham", 3) in set(s.terms("text"))
        assert s.doc_frequency("text", "tham") == 3
        assert s.doc_frequency("cites", REF) == 2
        assert s.doc_frequency("text", "không") == 0


def test_delete_source_then_commit(engine):
    before = engine.commit_id()
    writer = engine.writer()
    writer.delete_source("b.txt")
    writer.commit()
    assert engine.commit_id() != before
    assert set(ids(engine, text("tham"))) == {"a#0"}
    with engine.searcher() as s:
        assert s.doc_count() == 2
        assert sorted(s.terms("source")) == [("a.txt", 1), ("c.txt", 1)]
        assert s.doc_frequency("text", "tham") == 1
        assert s.group_counts(Every(), None, "year") == {"2019": 1, "2021": 1}


def test_cancel_keeps_the_last_commit(engine):
    before = engine.commit_id()
    writer = engine.writer()
    writer.delete_source("a.txt")
    writer.add(_doc("d#0", 0, ["Tham nhũng"]))
    writer.cancel()
    assert engine.commit_id() == before
    assert set(ids(engine, text("tham"))) == {"a#0", "b#0", "b#1"}
    writer = engine.writer()  # the cancelled writer let go of the index
    writer.add(_doc("d#0", 0, ["Tham nhũng"]))
    writer.commit()
    assert engine.commit_id() != before
    assert set(ids(engine, text("tham"))) == {"a#0", "b#0", "b#1", "d#0"}


def test_a_searcher_keeps_its_snapshot_and_the_next_sees_the_commit(engine):
    with engine.searcher() as old:
        writer = engine.writer()
        writer.add(_doc("d#0", 0, ["Tham nhũng"]))
        writer.commit()
        assert old.doc_count() == 4
        with engine.searcher() as new:
            assert new.doc_count() == 5


def test_reopen_from_disk(engine, tmp_path):
    reopened = open_engine(engine.name, tmp_path / "index")
    assert reopened.commit_id() == engine.commit_id()
    assert ids(reopened, Phrase("text", ("tham", "nhũng")), sort="date") == ["b#0", "a#0", "b#1"]
    with reopened.searcher() as s:
        assert s.by_id("c#0")["source"] == "c.txt"
        assert s.group_counts(Every(), None, "doc_type") == {"Nghị quyết": 1, "Kế hoạch": 2, "Công văn": 1}
    writer = reopened.writer()
    writer.delete_source("a.txt")
    writer.commit()
    assert engine.commit_id() == reopened.commit_id()
    assert set(ids(engine, text("tham"))) == {"b#0", "b#1"}  # the first handle sees the other's commit


def test_files_left_by_a_commit_cut_short_do_not_block_the_next(engine, tmp_path):
    # A build killed inside a commit leaves segment files no commit refers to; in tantivy one can
    # bear the name the next commit writes (`<segment>.<opstamp>.del`). Seed every such name.
    folder = tmp_path / "index"
    if engine.name == "tantivy":
        meta = json.loads((folder / "meta.json").read_text())
        for segment in meta["segments"]:
            for opstamp in range(meta["opstamp"], meta["opstamp"] + 20):
                (folder / f"{segment['segment_id'].replace('-', '')}.{opstamp}.del").write_bytes(b"cut short")
        (folder / ("ab" * 16 + ".idx")).write_bytes(b"cut short")
    writer = engine.writer()
    writer.delete_source("b.txt")
    writer.commit()
    assert set(ids(engine, text("tham"))) == {"a#0"}


def test_a_set_of_ids_filters_and_excludes_without_changing_scores(engine):
    absent = tuple(f"none#{n}" for n in range(8))  # enough ids to be searched as a set on tantivy
    chosen = Any(tuple(Term("id", i) for i in ("a#0", "b#1", *absent)))
    query = Any((text("tham"), text("chống")))
    assert scores(engine, query, filter=chosen) == {k: v for k, v in scores(engine, query).items() if k in ("a#0", "b#1")}
    assert set(ids(engine, Without(query, chosen))) == {"b#0", "c#0"}
