"""Documents reach tantivy as one string a field (their tokens' lines form), read back by tokenizers of
ours into the very terms, positions and field lengths Token objects give; an index made before them is
still written, by Token objects."""

import json

import tantivy
from helpers import CORPUS

from indexer.builder.analysis import analyse
from indexer.engines import FREQUENCY_FIELDS, POSITION_FIELDS, Phrase, Term
from indexer.engines.tantivy import TantivyEngine
from indexer.engines.tantivy_writing import make_schema
from indexer.engines.tokens import Tokens
from indexer.extract.corpus import Document, documents_of_text, list_files, read_file

# A syllable whose folded form holds spaces (unidecode("中文") is "Zhong Wen "): its field goes as Token objects.
ODD = "KẾ HOẠCH\n\nvề hợp tác 中文 và phòng, chống tham nhũng.\n\nThực hiện phòng chống tham nhũng."


def _engine(path, tokenizer=None) -> TantivyEngine:
    path.mkdir()
    schema = make_schema(tokenizer) if tokenizer else make_schema()
    return TantivyEngine(path, tantivy.Index(schema, path=str(path), reuse=False))


def _analysed() -> list:
    docs = [d for f in list_files([CORPUS]) for d in read_file(f) if isinstance(d, Document)]
    docs += documents_of_text(ODD, "odd")
    return [analyse(d, "digest")[0] for d in docs]


def _written(engine: TantivyEngine, documents) -> TantivyEngine:
    writer = engine.writer()
    for doc in documents:
        writer.add(doc)
    writer.commit()
    return engine


def test_the_lines_form_indexes_what_token_objects_index(tmp_path):
    analysed = _analysed()
    ours = _written(_engine(tmp_path / "lines"), [doc.packed() for doc in analysed])
    before = _written(_engine(tmp_path / "raw", tokenizer=lambda name: "raw"), analysed)
    assert before.tokenizers()["text"] == "raw" and ours.tokenizers()["text"] == "vanban_terms"
    with ours.searcher() as a, before.searcher() as b:
        for field in (*POSITION_FIELDS, *FREQUENCY_FIELDS):
            assert list(a.terms(field)) == list(b.terms(field)), field
        assert ("zhong wen ", 1) in list(a.terms("folded"))
        queries = [Phrase("text", ("phòng", "chống", "tham", "nhũng"), 0), Phrase("text", ("nghị", "quyết"), 2),
                   Phrase("folded", ("bao", "ve"), 0), Term("words", "tham_nhũng"), Term("bigrams", "chống tham"),
                   Term("title", "kế"), Phrase("text", ("nhũng", "thực"), 0)]
        for query in queries:  # positions (gaps at sentence breaks) and field lengths (BM25) alike
            found = sorted((b.stored(k)["id"], round(s, 5)) for k, s in b.search(query, limit=20).hits)
            assert sorted((a.stored(k)["id"], round(s, 5)) for k, s in a.search(query, limit=20).hits) == found
            assert found or query.terms == ("nhũng", "thực")  # a phrase across a sentence break finds nothing


def test_tokens_read_back_from_their_lines_and_refuse_what_lines_cannot_hold():
    tokens = Tokens(["nghị", "quyết", "số"], [2, 3, 13])
    packed = tokens.packed(positioned=True)
    assert (list(packed), len(packed), bool(Tokens.from_lines("", True))) == (list(tokens), 3, False)
    assert list(Tokens(["a b", "c"], [0, 5]).packed(positioned=False)) == [("a b", 0), ("c", 1)]
    assert [Tokens(terms, positions).lines(positioned=True) for terms, positions in (
        (["a\nb"], [0]), (["\x01"], [0]), (["a", ""], [0, 1]), (["a", "b"], [3, 3]), (["a"], [-1]))] == [None] * 5


def _segments(index_dir) -> set[str]:
    from indexer.store import open_index

    meta = json.loads((open_index(index_dir).folder / "engine" / "meta.json").read_text(encoding="utf-8"))
    return {segment["segment_id"] for segment in meta["segments"]}


def test_an_update_of_a_few_files_adds_one_segment_and_merges_none(corpus_copy, tmp_path):
    from indexer.builder.index import build_index

    ix = tmp_path / "ix"
    build_index([corpus_copy], ix, engine="tantivy")
    before = _segments(ix)
    for n in range(4):
        (corpus_copy / f"new_{n}.txt").write_text(f"KẾ HOẠCH\n\nvề chuyển đổi số, đợt {n}.\n\nNội dung {n}.",
                                                   encoding="utf-8")
    assert build_index([corpus_copy], ix).documents_indexed == 4
    after = _segments(ix)
    assert (len(after - before), before <= after) == (1, True)  # one thread wrote them; nothing merged
