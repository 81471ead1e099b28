"""Which engine a new index gets when none is asked for: the one whose searches stay within their
targets for a corpus this size (p95 per query kind, snippets and facets included: whoosh 150 ms,
tantivy 50 ms). whoosh is pure Python and enough for the bundled corpus and small folders; its query
time grows with the text it holds, so past WHOOSH_MAX_MB a new index is tantivy, and `vanban index`
advises tantivy for a whoosh index (kept, or asked for) whose corpus has grown past it.
"""

from indexer.builder.workers import file_size
from indexer.extract.corpus import SourceFile

# Megabytes of corpus files past which whoosh's p95 passes 150 ms (README, "Two engines"). Measured
# with bench/scale.py on real-length text, p95 CPU of the slowest query kind (facets included): 151 ms at
# 5.6 MB (75 documents of gazette_dev's lengths), 266 ms at 12.7 MB, 307 ms on gazette_dev itself (17 MB);
# tantivy 44 ms there. A file's size stands for its text: a PDF holds less, so errs toward tantivy.
WHOOSH_MAX_MB = 5.0


def corpus_megabytes(files: list[SourceFile]) -> float:
    """Megabytes of the corpus files the build will read."""
    return sum(file_size(f) for f in files if not f.skip) / 1e6


def choose_engine(files: list[SourceFile], requested: str | None, current: str | None) -> tuple[str, str | None]:
    """(engine, why in one line): the engine asked for, else the index's own, else by the corpus's size."""
    if requested or current:
        return requested or current, None
    megabytes = corpus_megabytes(files)
    if megabytes <= WHOOSH_MAX_MB:
        return "whoosh", (f"Chọn whoosh: kho {megabytes:.1f} MB, không quá {WHOOSH_MAX_MB:g} MB, "
                          "whoosh tìm trong 150 ms.")
    return "tantivy", (f"Chọn tantivy: kho {megabytes:.1f} MB, quá {WHOOSH_MAX_MB:g} MB mà whoosh còn tìm trong "
                       "150 ms.")
