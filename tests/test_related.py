"""Related documents and near-duplicates: made at build time from fingerprints and the citation graph,
read by the related view, and folded in search results."""

import pytest
from helpers import HAI_DUONG_150, KG_LETTER, KG_PLAN, LAI_CHAU, NGOC_HOI, TAC_PHAM

from indexer import UnknownDocument, citing_documents, get_document, open_index, related_documents, search
from indexer.compare.fingerprint import RUN, SAMPLE, fingerprint, run_hash, sampled_runs
from indexer.query.collapse import fold


def ids(summaries) -> list[str]:
    return [d.id for d in summaries]


def test_a_fingerprint_samples_the_same_runs_in_every_text():
    words = ["thực", "hiện", "nghị", "quyết", "số", "35", "của", "bộ", "chính", "trị", "về", "tăng", "cường", "bảo", "vệ", "nền", "tảng", "tư", "tưởng"]
    runs = [run_hash(words[i:i + RUN]) for i in range(len(words) - RUN + 1)]
    assert sampled_runs(words).tolist() == sorted(h for h in set(runs) if h % SAMPLE == 0) != []
    print_ = fingerprint("Bảo vệ nền tảng", ["bảo_vệ", "nền_tảng", "bảo_vệ"])
    assert (print_.run_hashes.tolist(), print_.topics) == ([], (("bảo_vệ", 2), ("nền_tảng", 1)))


def test_the_seeds_related_by_what_they_implement_share_and_talk_about(index_dir):
    found = related_documents(index_dir, NGOC_HOI)
    assert [(r.doc.id, r.score, r.reasons) for r in found.related] == [
        (HAI_DUONG_150, 0.3104, ("cùng thực hiện 14-KH/TW, 35-NQ/TW", "trùng khoảng 14% nội dung",
                                 "cùng chủ đề: thù địch, quan điểm, nghị quyết")),
        (LAI_CHAU, 0.0773, ("cùng thực hiện 35-NQ/TW", "trùng khoảng 5% nội dung")),
        (KG_PLAN, 0.0658, ("cùng chủ đề: công chức, viên chức, tình hình",)),
    ]
    assert found.as_dict()["related"][0] == {"id": HAI_DUONG_150, "score": 0.3104, "reasons": [
        "cùng thực hiện 14-KH/TW, 35-NQ/TW", "trùng khoảng 14% nội dung", "cùng chủ đề: thù địch, quan điểm, nghị quyết"],
        "document": found.related[0].doc.as_dict()}


def test_a_letter_and_the_plan_it_implements_are_related_both_ways(index_dir):
    letter, plan = related_documents(index_dir, KG_LETTER), related_documents(index_dir, KG_PLAN, limit=1)
    assert [(r.doc.id, r.reasons) for r in letter.related] == [
        (KG_PLAN, ("được văn bản này thực hiện", "cùng thực hiện 07-CT/TU",
                   "trùng khoảng 24% nội dung văn bản này, 5% văn bản kia", "cùng chủ đề: chỉ thị, hội viên, đoàn viên"))]
    assert [(r.doc.id, r.reasons[:3]) for r in plan.related] == [
        (KG_LETTER, ("thực hiện văn bản này", "cùng thực hiện 07-CT/TU",
                     "trùng khoảng 5% nội dung văn bản này, 24% văn bản kia"))]
    assert related_documents(index_dir, TAC_PHAM).as_dict() == {"id": TAC_PHAM, "related": [
        {"id": LAI_CHAU, "score": 0.0876, "reasons": ["cùng thực hiện 21-KL/TW"],
         "document": get_document(index_dir, LAI_CHAU).doc.as_dict()}]}


def test_an_unknown_document_has_no_related_documents(index_dir):
    with pytest.raises(UnknownDocument, match="Không có văn bản nào mang mã “corpus/nope.txt#0”."):
        related_documents(index_dir, "corpus/nope.txt#0")


def test_copies_under_another_header_are_near_duplicates(copies_index):
    near = open_index(copies_index).derived("near_duplicates")
    cam_giang, thanh_ha = "copies/cam_giang.txt#0", "copies/thanh_ha.txt#0"
    assert near == {HAI_DUONG_150: (cam_giang, thanh_ha), cam_giang: (thanh_ha, HAI_DUONG_150),
                    thanh_ha: (cam_giang, HAI_DUONG_150)}
    assert [(r.doc.id, r.reasons[-2]) for r in related_documents(copies_index, cam_giang, limit=2).related] == [
        (HAI_DUONG_150, "trùng khoảng 99% nội dung"), (thanh_ha, "trùng khoảng 99% nội dung")]


def test_near_duplicates_fold_under_the_hit_ranked_above_them(copies_index):
    cam_giang, thanh_ha = "copies/cam_giang.txt#0", "copies/thanh_ha.txt#0"
    folded = search(copies_index, "bảo vệ nền tảng tư tưởng", sort="date")
    everything = search(copies_index, "bảo vệ nền tảng tư tưởng", sort="date", collapse=False)
    # Newest first: the Thanh Hà copy (10/6) holds the other two; the total counts what is shown.
    assert [(h.id, ids(h.near_duplicates)) for h in folded.hits] == [
        (TAC_PHAM, []), (LAI_CHAU, []), (KG_LETTER, []), (KG_PLAN, []), (NGOC_HOI, []),
        (thanh_ha, [cam_giang, HAI_DUONG_150])]
    assert (folded.total, folded.folded, everything.total, everything.folded) == (6, 2, 8, 0)
    assert [h.id for h in everything.hits][5:] == [thanh_ha, cam_giang, HAI_DUONG_150]
    assert all(h.near_duplicates == () for h in everything.hits)
    assert folded.facets == everything.facets  # facet counts count every document
    assert [h["near_duplicates"] for h in folded.as_dict()["hits"]][4:] == [[], [cam_giang, HAI_DUONG_150]]
    assert (folded.as_dict()["folded"], folded.as_dict()["collapse"], everything.as_dict()["collapse"]) == (2, True, False)


def test_pages_stay_full_when_hits_are_folded(copies_index):
    pages = [search(copies_index, "bảo vệ nền tảng tư tưởng", sort="date", page=n, page_size=4) for n in (1, 2)]
    shown = [h.id for p in pages for h in p.hits]
    assert [(len(p.hits), p.total, p.pages) for p in pages] == [(4, 6, 2), (2, 6, 2)]
    assert shown == [h.id for h in search(copies_index, "bảo vệ nền tảng tư tưởng", sort="date").hits]


def test_a_citing_list_shows_every_document_near_duplicates_too(copies_index):
    listed = citing_documents(copies_index, "35-NQ/TW")
    assert (listed.total, listed.result.folded) == (search(copies_index, "", {"cites": "35-NQ/TW"}).total + 2, 0)
    assert {"copies/cam_giang.txt#0", "copies/thanh_ha.txt#0", HAI_DUONG_150} <= {h.document.id for h in listed.hits}


def test_fold_goes_down_the_ranking_each_under_the_first_hit_it_duplicates():
    near = {"a": ("b",), "b": ("a", "c"), "c": ("b",)}  # a ~ b ~ c, but a and c differ
    folding = fold(near, ["a", "c", "b"])
    assert (sorted(folding.folded), folding.under) == (["b"], {"a": ["b"]})
    assert fold(near, []).folded == frozenset() and fold({}, ["a"]).under == {}


def test_the_runs_two_documents_share_are_counted_exactly_few_held_and_boilerplate_alike(monkeypatch):
    import numpy as np

    from indexer.compare import runs

    monkeypatch.setattr(runs, "COMMON", 10)  # runs in more than 10 of the 300 rows are boilerplate
    monkeypatch.setattr(runs, "BITSET_BYTES", 64)  # the bit sets a few runs at a time, the pairs a few at a time
    monkeypatch.setattr(runs, "PAIR_BYTES", 64)
    generator = np.random.default_rng(7)
    rows = [np.unique(generator.integers(0, 400, generator.integers(0, 60)).astype(np.uint32)) for _ in range(300)]
    matrices = runs.run_matrices(rows)
    left, right = np.triu_indices(len(rows), 1)
    few = (matrices.few @ matrices.few.T).toarray()[left, right]
    counted = few + runs.common_counts(matrices.common, left, right)
    exact = [len(np.intersect1d(rows[i], rows[j])) for i, j in zip(left, right)]
    assert (counted.tolist() == exact, matrices.common.shape[1] > 0, few.max() > 0) == (True, True, True)
    found = {i: (others.tolist(), values.tolist()) for i, others, values in runs.products(matrices.few, matrices.few)}
    assert sorted(found) == list(range(len(rows)))
    assert all(dict(zip(*found[i]))[j] == few[k] for k, (i, j) in enumerate(zip(left, right)) if few[k])
