"""Topical precision: topics staff type as keywords, on real long documents, both engines and bm25s.

Corpus: ../shared/data/gazette_dev (real gazette texts, a few KB to over 1 MB) plus the bundled seeds,
indexed as `vanban index` indexes them. Each topic is searched as typed and without diacritics.

Relevance is read from the text itself, never judged by hand: a topic *occurs* in a document where its
syllables stand next to each other, punctuation ignored (lower case, canonical tones; folded for the
unaccented query). Grade 3 when it occurs within the first 600 characters (the title), 2 when it
occurs 3 times or more, 1 when once or twice, else 0.

- P@10: relevant hits (grade >= 1) among the first 10, over min(10, R), R = the documents where the
  topic occurs (with fewer than 10 such documents, a perfect ranking still scores 1).
- nDCG@10: linear gains (the grade), the ideal ranking made from every document's grade.
A topic that occurs in no document is listed apart and left out of the means.

The topics were chosen before any result was seen and are never tuned one by one.
Usage: python bench/topical.py [--engines whoosh,tantivy] [--keep DIR] (DIR: reuse the indexes there)
"""

import argparse
import math
import tempfile
import time
from pathlib import Path

from common import ENGINES, GAZETTE_DEV, SEEDS, write_results
from common.baseline import bm25_rankings, syllable_tokens

from analyzers.normalize import canonical_tones, fold
from analyzers.tokens import syllables
from indexer import open_index, search
from indexer.builder.index import build_index
from indexer.engines import Every

CORPUS = [GAZETTE_DEV, SEEDS]
K = 10
TITLE_CHARS = 600

# What staff type to find earlier documents on a subject: chosen before any result was seen.
TOPICS = [
    "cải cách hành chính", "an toàn thông tin", "nhà ở xã hội", "chuyển đổi số", "không gian mạng",
    "phòng chống tham nhũng", "bảo hiểm xã hội", "bảo hiểm y tế", "bảo vệ môi trường", "an toàn thực phẩm",
    "phòng cháy chữa cháy", "xây dựng nông thôn mới", "giảm nghèo bền vững", "thuế thu nhập cá nhân",
    "thuế giá trị gia tăng", "ngân sách nhà nước", "đầu tư công", "quản lý nợ công", "đấu thầu",
    "giáo dục nghề nghiệp", "khám bệnh chữa bệnh", "phòng chống dịch", "an toàn giao thông",
    "xử phạt vi phạm hành chính", "thanh tra kiểm tra", "tiếp công dân", "khiếu nại tố cáo",
    "dân tộc thiểu số", "biến đổi khí hậu", "tài nguyên nước", "khoa học công nghệ", "sở hữu trí tuệ",
    "xuất nhập khẩu", "doanh nghiệp nhà nước", "hợp tác xã", "tuyển dụng công chức", "tiền lương",
    "người có công", "bình đẳng giới", "quốc phòng an ninh", "dịch vụ công trực tuyến", "chữ ký số",
    "cơ sở dữ liệu quốc gia", "phát triển kinh tế xã hội", "bảo vệ nền tảng tư tưởng", "tuyên truyền",
    "phong cách Hồ Chí Minh", "kinh tế tập thể", "kiểm toán nhà nước", "hóa đơn điện tử", "tài sản công",
    "quy hoạch đô thị", "an toàn vệ sinh lao động", "phòng chống ma túy", "phòng chống thiên tai",
]


def grade(doc_tokens: list[str], doc_starts: list[int], topic: list[str]) -> int:
    """3: in the first TITLE_CHARS characters; 2: three times or more; 1: once or twice; 0: never."""
    n, first, count = len(topic), topic[0], 0
    for i, token in enumerate(doc_tokens):
        if token == first and doc_tokens[i:i + n] == topic:
            if doc_starts[i] < TITLE_CHARS:
                return 3
            count += 1
    return 2 if count >= 3 else 1 if count else 0


def documents(ix) -> dict[str, str]:
    """id -> text of every indexed document (parts of a long one are documents of their own)."""
    with ix.searcher() as s:
        page = s.search(Every(), limit=s.doc_count())
        return {stored["id"]: stored["text"] for stored in (s.stored(k) for k, _ in page.hits)}


def judgments(docs: dict[str, str], queries: list[str], folded: bool) -> list[dict[str, int]]:
    """Per query: document id -> grade (only the documents with a grade above 0)."""
    prepared = {}
    for doc_id, text in docs.items():
        spans = syllables(canonical_tones(text))
        words = [s.text.lower() for s in spans]
        prepared[doc_id] = ([fold(w) for w in words] if folded else words, [s.start for s in spans])
    out = []
    for query in queries:
        topic = syllable_tokens(query, folded)
        grades = {d: grade(t, starts, topic) for d, (t, starts) in prepared.items()}
        out.append({d: g for d, g in grades.items() if g})
    return out


def precision(ranking: list[str], grades: dict[str, int]) -> float:
    return sum(1 for d in ranking[:K] if grades.get(d)) / min(K, len(grades))


def ndcg(ranking: list[str], grades: dict[str, int]) -> float:
    dcg = sum(grades.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranking[:K]))
    ideal = sorted(grades.values(), reverse=True)[:K]
    return dcg / sum(g / math.log2(i + 2) for i, g in enumerate(ideal))


def summary(rankings: list[list[str]], graded: list[dict[str, int]]) -> dict:
    pairs = [(r, g) for r, g in zip(rankings, graded) if g]
    return {"p@10": round(sum(precision(r, g) for r, g in pairs) / len(pairs), 3),
            "ndcg@10": round(sum(ndcg(r, g) for r, g in pairs) / len(pairs), 3)}


def run_engine(ix, queries: list[str]) -> tuple[list[list[str]], dict]:
    """Each query's top ids, with wall and CPU ms per query (snippets and facets included)."""
    search(ix, "khởi động")
    rankings, wall, cpu = [], time.perf_counter(), time.process_time()
    for query in queries:
        rankings.append([h.id for h in search(ix, query, page_size=K).hits])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return rankings, {"wall_ms_per_query": round(1000 * wall / len(queries), 1),
                      "cpu_ms_per_query": round(1000 * cpu / len(queries), 1)}


def index_for(engine: str, keep: Path | None, tmp: Path):
    """An index of CORPUS with the engine: kept in `keep` when given (built there once), else fresh."""
    folder = (keep or tmp) / f"topical-{engine}"
    started = time.process_time()
    report = build_index(CORPUS, folder, engine=engine)
    return open_index(folder), {"documents": report.documents_total, "documents_indexed": report.documents_indexed,
                                "build_s": report.seconds, "build_cpu_s_main": round(time.process_time() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--keep", type=Path, help="build the indexes in this folder and reuse them")
    args = parser.parse_args()
    unaccented = [fold(t) for t in TOPICS]
    figures, docs = {"topics": len(TOPICS)}, None
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines.split(","):
            ix, built = index_for(engine, args.keep, Path(tmp))
            if docs is None:
                docs = documents(ix)
                graded = {"as_typed": judgments(docs, TOPICS, False), "unaccented": judgments(docs, unaccented, True)}
                figures["documents"] = len(docs)
                figures["topics_found_nowhere"] = [t for t, g in zip(TOPICS, graded["as_typed"]) if not g]
            typed, t_typed = run_engine(ix, TOPICS)
            plain, t_plain = run_engine(ix, unaccented)
            figures[engine] = {"index": built, "as_typed": {**summary(typed, graded["as_typed"]), **t_typed},
                               "unaccented": {**summary(plain, graded["unaccented"]), **t_plain},
                               "per_topic_p@10_as_typed": _per_topic(typed, graded["as_typed"])}
    figures["bm25s_syllables"] = {"as_typed": summary(bm25_rankings(docs, TOPICS, False, K), graded["as_typed"]),
                                  "unaccented": summary(bm25_rankings(docs, unaccented, True, K),
                                                        graded["unaccented"])}
    write_results("topical", figures)


def _per_topic(rankings: list[list[str]], graded: list[dict[str, int]]) -> dict:
    return {t: round(precision(r, g), 2) for t, r, g in zip(TOPICS, rankings, graded) if g}


if __name__ == "__main__":
    main()
