"""Speed, side by side in one run: pyvi alone, full indexing, and search latency by query kind.

Corpus: ALQAC 2022's 1,377 law articles plus the bundled seeds. Usage: python bench/speed.py
"""

import tempfile
import time
from pathlib import Path

from common import ALQAC, ROOT, latency_summary, timed, write_results

from analyzers.normalize import fold
from analyzers.tokens import word_spans
from indexer import open_index, search
from indexer.builder.index import build_index
from indexer.extract.corpus import Document, list_files, read_file

CORPUS = [ALQAC / "alqac2022_corpus.jsonl", ROOT / "vanban" / "corpus"]
REPEATS = 5

WORDS = ["tham nhũng", "bảo vệ nền tảng tư tưởng", "hợp đồng lao động", "quyền sở hữu", "không gian mạng",
         "xử phạt vi phạm hành chính", "tuyên truyền", "trách nhiệm hình sự", "người chưa thành niên", "thừa kế"]
PHRASES = [f'"{w}"' for w in WORDS]
UNACCENTED = [fold(w) for w in WORDS]
FILTERED = [(w, {"doc_type": "Kế hoạch"}) for w in WORDS[:5]] + [(w, {"cites": "35-NQ/TW"}) for w in WORDS[5:]]


def texts() -> list[str]:
    return [d.text for f in list_files(CORPUS) for d in read_file(f) if isinstance(d, Document)]


def latencies(ix, queries) -> dict:
    seconds = []
    for _ in range(REPEATS):
        for q in queries:
            query, filters = q if isinstance(q, tuple) else (q, {})
            start = time.perf_counter()
            search(ix, query, filters)
            seconds.append(time.perf_counter() - start)
    return latency_summary(seconds)


def main() -> None:
    docs = texts()
    megabytes = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    word_spans("Khởi động pyvi.")  # the model loads once, outside the timing
    _, pyvi_s = timed(lambda: [word_spans(t) for t in docs])
    with tempfile.TemporaryDirectory() as tmp:
        report, build_s = timed(build_index, CORPUS, Path(tmp) / "ix")
        _, rebuild_s = timed(build_index, CORPUS, Path(tmp) / "ix")
        ix = open_index(Path(tmp) / "ix")
        search(ix, "khởi động")
        figures = {
            "corpus": {"documents": len(docs), "megabytes": round(megabytes, 2)},
            "pyvi_alone_one_process": {"MB_per_s": round(megabytes / pyvi_s, 3), "seconds": round(pyvi_s, 1)},
            "full_indexing": {"MB_per_s": round(megabytes / build_s, 3), "docs_per_s": round(len(docs) / build_s, 1),
                              "seconds": round(build_s, 1), "documents_indexed": report.documents_indexed},
            "indexing_vs_pyvi_alone_time_ratio": round(build_s / pyvi_s, 2),
            "unchanged_rebuild_s": round(rebuild_s, 2),
            "search_latency": {"word": latencies(ix, WORDS), "phrase": latencies(ix, PHRASES),
                               "unaccented": latencies(ix, UNACCENTED), "filtered": latencies(ix, FILTERED)},
        }
    write_results("speed", figures)


if __name__ == "__main__":
    main()
