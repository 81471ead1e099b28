"""Ranking quality on ALQAC 2022 (1,377 law articles, 520 questions): MRR@10 and recall@10.

search() is measured on the questions as written and with diacritics stripped, beside a plain
BM25 over lower-cased syllables (bm25s) in the same run.

Usage: python bench/ranking.py [--engines whoosh,tantivy]
"""

import argparse
import tempfile
from pathlib import Path

from common import ALQAC, ENGINES, read_jsonl, timed, write_results
from common.baseline import bm25_rankings

from analyzers.normalize import fold
from indexer import open_index, search
from indexer.builder.index import build_index

CORPUS_FILE = "alqac2022_corpus.jsonl"
K = 10


def load() -> tuple[list[dict], list[dict]]:
    """ALQAC's articles and its questions (each with its relevant article ids)."""
    return read_jsonl(ALQAC / CORPUS_FILE), read_jsonl(ALQAC / "alqac2022_all_queries.jsonl")


def scores(rankings: list[list[str]], queries: list[dict]) -> dict:
    """MRR@10 and recall@10 of rankings (article ids) against each question's relevant ids."""
    rr, hit = 0.0, 0.0
    for ranking, q in zip(rankings, queries):
        relevant = set(q["relevant_ids"])
        ranks = [i for i, doc in enumerate(ranking[:K], start=1) if doc in relevant]
        rr += 1 / ranks[0] if ranks else 0
        hit += len({d for d in ranking[:K] if d in relevant}) / len(relevant)
    return {"mrr@10": round(rr / len(queries), 4), "recall@10": round(hit / len(queries), 4)}


def run_search(ix, queries: list[str]) -> list[list[str]]:
    """Each question's first K article ids by search()."""
    prefix = f"{CORPUS_FILE}#"
    return [[h.id[len(prefix):] for h in search(ix, q, page_size=K).hits] for q in queries]


def engine_run(engine: str, queries_written: list[str], queries_stripped: list[str]) -> dict:
    """Build the ALQAC index with one engine and run the questions as written and stripped."""
    with tempfile.TemporaryDirectory() as tmp:
        report, build_s = timed(build_index, [ALQAC / CORPUS_FILE], Path(tmp) / "ix", engine=engine)
        ix = open_index(Path(tmp) / "ix")
        written, t_written = timed(run_search, ix, queries_written)
        stripped, t_stripped = timed(run_search, ix, queries_stripped)
    return {"build_s": build_s, "documents": report.documents_total, "written": written, "stripped": stripped,
            "ms_per_question": round(1000 * (t_written + t_stripped) / (2 * len(queries_written)), 1)}


def agreement(a: list[list[str]], b: list[list[str]]) -> dict:
    """How alike two engines' rankings are: same first hit, and the overlap of the top 10."""
    same_top = sum(1 for x, y in zip(a, b) if x[:1] == y[:1])
    overlap = sum(len(set(x) & set(y)) / max(1, len(set(x) | set(y))) for x, y in zip(a, b))
    return {"same_first_hit": round(same_top / len(a), 3), "top10_jaccard": round(overlap / len(a), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    args = parser.parse_args()
    articles, queries = load()
    written = [q["text"] for q in queries]
    stripped = [fold(q["text"]) for q in queries]
    figures = {"benchmark": "ALQAC 2022", "articles": len(articles), "questions": len(queries)}
    runs = {}
    for engine in args.engines.split(","):
        runs[engine] = run = engine_run(engine, written, stripped)
        figures[engine] = {"index_build_s": round(run["build_s"], 1), "documents_indexed": run["documents"],
                           "search_as_written": scores(run["written"], queries),
                           "search_diacritics_stripped": scores(run["stripped"], queries),
                           "search_ms_per_question": run["ms_per_question"]}
    if set(ENGINES) <= set(runs):
        figures["engines_agree_as_written"] = agreement(runs["whoosh"]["written"], runs["tantivy"]["written"])
    texts = {a["id"]: a["text"] for a in articles}
    figures["bm25s_syllables_as_written"] = scores(bm25_rankings(texts, written, folded=False, k=K), queries)
    figures["bm25s_folded_syllables_stripped"] = scores(bm25_rankings(texts, stripped, folded=True, k=K), queries)
    write_results("ranking", figures)


if __name__ == "__main__":
    main()
