"""The plain baseline search() is measured beside: BM25 (bm25s) over lower-case syllables.

One tokenizer for the baseline and for reading relevance from a text: lower case, one tone placement
(`hoà` = `hòa`), punctuation no token; folded (no diacritics) for queries typed without them.
"""

from analyzers.normalize import canonical_tones, fold
from analyzers.tokens import syllables


def syllable_tokens(text: str, folded: bool = False) -> list[str]:
    """Lower-case syllables with canonical tones, folded when asked.

    >>> syllable_tokens("Phòng, chống tham nhũng"), syllable_tokens("Hoà giải", folded=True)
    (['phòng', 'chống', 'tham', 'nhũng'], ['hoa', 'giai'])
    """
    out = [s.text.lower() for s in syllables(canonical_tones(text))]
    return [fold(t) for t in out] if folded else out


def bm25_rankings(docs: dict[str, str], queries: list[str], folded: bool, k: int = 10) -> list[list[str]]:
    """Each query's first k document ids by BM25 over the documents' syllables (folded for unaccented queries)."""
    import bm25s  # the bench extra: pip install -e ".[bench]"

    ids = list(docs)
    retriever = bm25s.BM25()
    retriever.index([syllable_tokens(docs[i], folded) for i in ids], show_progress=False)
    # A query with no syllable (only punctuation) still needs one token to be asked.
    query_tokens = [syllable_tokens(q, folded) or ["_"] for q in queries]
    results, _ = retriever.retrieve(query_tokens, k=min(k, len(ids)), show_progress=False)
    return [[ids[i] for i in row] for row in results]
