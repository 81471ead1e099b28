"""Writing a tantivy index: its schema, a document as tantivy takes it, the one writer.

A text field's tokens come in their lines form (engines.tokens) and tantivy's own tokenizers read them
back (registered on every opened index: its writer looks them up by name); Token objects where that
cannot be done, and for an index made before those tokenizers.
"""

import json
from pathlib import Path

import tantivy
from tantivy import Document, PreTokenizedString, Token

from indexer.engines import (
    COUNTED_FIELDS,
    FREQUENCY_FIELDS,
    KEYWORD_FIELDS,
    POSITION_FIELDS,
    RANGE_FIELDS,
    SORT_FIELD,
    IndexedDoc,
    compressed,
)
from indexer.engines.tokens import FILLER, Tokens

HEAP_BYTES = 192_000_000          # the writer's indexing memory
# One indexing thread: its segments are twice as large as two threads' and half as many, and tantivy's merge
# policy merges segments under 10,000 documents 8 at a time (tantivy-py has no call to merge them). On 10,000
# gazette-length documents two threads left 6 segments and word queries p95 50-84 ms; one thread left 2
# (9,990 and 112 documents) and 26-48 ms, built in 962 s instead of 1,068-1,203 (the workers had the cores
# to themselves: 1.91 cores used instead of 1.53-1.87). The build's peak PSS, 1,589-1,735 MB (two threads:
# 1,592-1,617), is half the segments that the merge at the end of writing maps (clean file pages); its
# anonymous memory peaks at 1.1-1.3 GB, deriving (bench/README.md). An update of a few files makes one new
# segment: two threads made two of an update of 10 documents, and the commit merged all 10,112 again.
INDEXING_THREADS = 1
STORED_KEYWORDS = ("id", "source")  # keyword fields a hit also shows: stored on the keyword field itself
STORED_TEXT = "indexed"             # stored, and (as every tantivy text field) indexed, unused
# Text, meta, parts and structure are stored as bytes: a tantivy text field is always indexed, these must not be.
STORED_BYTES = {"text": "body", "meta": "meta", "parts": "parts", "structure": "structure"}
UNCOMPRESSED = ("parts",)  # read by every hit, and small: zlib would cost a hit more than the bytes it saves
INDEXED = frozenset((*POSITION_FIELDS, *FREQUENCY_FIELDS, *KEYWORD_FIELDS, SORT_FIELD))
# Tokenizers that read a text field's lines form (engines.tokens), so the writer's process hands tantivy
# one string a field where it made a Token object a term: 100 gazette_dev documents (6.8 MB) took 5.2 s
# of CPU to make and index as Token objects, 2.1 s as lines. Terms are split at ASCII whitespace
# (syllables and words hold none) or, for the bigram fields whose terms hold a space, at line breaks;
# FILLER lines are dropped and keep their position. The terms, positions and field lengths indexed are
# those of the Token objects (the segment files are the same bytes). An index made before them names
# "raw" for these fields and is fed Token objects.
TERMS_TOKENIZER, LINES_TOKENIZER = "vanban_terms", "vanban_lines"
LINES_FIELDS = frozenset({"bigrams", "bigrams_folded"})
ASCII_SPACES = " \t\r\x0b\x0c"  # what TERMS_TOKENIZER splits at, besides a line break


def tokenizer_of(name: str) -> str:
    """The tokenizer a new index names for a text field."""
    return LINES_TOKENIZER if name in LINES_FIELDS else TERMS_TOKENIZER


def register_tokenizers(index: tantivy.Index) -> None:
    """Make the lines-form tokenizers known to an opened index (its writer looks them up by name)."""
    for name, tokenizer in ((TERMS_TOKENIZER, tantivy.Tokenizer.whitespace()),
                            (LINES_TOKENIZER, tantivy.Tokenizer.regex(r"[^\n]+"))):
        analyzer = tantivy.TextAnalyzerBuilder(tokenizer).filter(tantivy.Filter.custom_stopword([FILLER])).build()
        index.register_tokenizer(name, analyzer)


def make_schema(tokenizer=tokenizer_of) -> tantivy.Schema:
    """The tantivy schema: analysed token fields, whole-value keywords, the sort date, stored fields;
    `tokenizer`: the name a text field's tokenizer has (an index made before the lines form: "raw")."""
    builder = tantivy.SchemaBuilder()
    # Tokens come analysed: as their lines form, read by the tokenizers named here (or as Token objects).
    for name in POSITION_FIELDS:
        builder.add_text_field(name, tokenizer_name=tokenizer(name), index_option="position")
    for name in FREQUENCY_FIELDS:
        builder.add_text_field(name, tokenizer_name=tokenizer(name), index_option="freq")
    for name in KEYWORD_FIELDS:  # freq: a repeated `cites` value counts like a repeated word
        builder.add_text_field(name, stored=name in STORED_KEYWORDS, fast=name in COUNTED_FIELDS,
                               tokenizer_name="raw", index_option="freq")
    builder.add_text_field(SORT_FIELD, fast=True, tokenizer_name="raw", index_option="basic")
    for name in RANGE_FIELDS:  # a range on a fast field: no term per value to walk
        builder.add_integer_field(name, fast=True)
    builder.add_text_field(STORED_TEXT, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("part", stored=True)
    for name in STORED_BYTES.values():
        builder.add_bytes_field(name, stored=True)
    return builder.build()


def make_document(doc: IndexedDoc, tokenizers: dict[str, str] | None = None) -> Document:
    """The tantivy document of an analysed document, for an index whose text fields name `tokenizers`
    (field -> name; None: those of a new index)."""
    out = Document()
    for name in (*POSITION_FIELDS, *FREQUENCY_FIELDS):
        tokens = doc.tokens.get(name)
        if tokens:
            _add_tokens(out, name, tokens, (tokenizers or {}).get(name, tokenizer_of(name)))
    for name in KEYWORD_FIELDS:
        values = doc.keywords.get(name) or ([doc.stored[name]] if name in STORED_KEYWORDS else [])
        for value in values:
            if value:
                out.add_text(name, value)
    out.add_text(SORT_FIELD, doc.sort_key)
    for name in RANGE_FIELDS:
        if name in doc.numbers:
            out.add_integer(name, doc.numbers[name])
    out.add_text(STORED_TEXT, doc.indexed)
    out.add_integer("part", int(doc.stored["part"]))
    for key, name in STORED_BYTES.items():
        value = doc.stored.get(key, "")
        out.add_bytes(name, value.encode("utf-8", "surrogatepass") if key in UNCOMPRESSED else
                      doc.compressed.get(key) or compressed(value))
    return out


def _add_tokens(out: Document, name: str, tokens, tokenizer: str) -> None:
    """A text field's tokens: its lines form when the field's tokenizer reads it back as these very
    tokens, else Token objects (the analysis's own positions, gaps included; offsets unused: snippets
    are ours)."""
    ours = isinstance(tokens, Tokens) and tokenizer in (TERMS_TOKENIZER, LINES_TOKENIZER)
    text = tokens.lines(name in POSITION_FIELDS) if ours else None
    if text is not None and (tokenizer == LINES_TOKENIZER or not any(c in text for c in ASCII_SPACES)):
        out.add_text(name, text)
    else:
        out.add_pre_tokenized_text(name, PreTokenizedString("", [Token(t, p, 0, 0) for t, p in tokens]))


def _remove_orphans(path: Path) -> None:
    """Delete segment files no commit refers to (the caller holds the build lock).

    A build killed in the middle of a commit leaves them behind, and one can have the very name the
    next commit wants (`<segment>.<opstamp>.del`: FileAlreadyExists); tantivy's own garbage
    collection skips files it did not record.
    """
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    live = {seg["segment_id"].replace("-", ""): seg.get("deletes") for seg in meta["segments"]}
    for file in path.iterdir():
        segment, dot, rest = file.name.partition(".")
        if not dot or len(segment) != 32 or not all(c in "0123456789abcdef" for c in segment):
            continue  # meta.json, .managed.json, locks
        deletes = live.get(segment, False)
        if deletes is False or (rest.endswith(".del") and rest != f"{(deletes or {}).get('opstamp')}.del"):
            file.unlink(missing_ok=True)


class TantivyWriter:
    """The one writer of the index (the caller holds the lock); finished by commit or cancel."""

    def __init__(self, index: tantivy.Index, path: Path, tokenizers: dict[str, str]):
        _remove_orphans(path)
        self._writer = index.writer(heap_size=HEAP_BYTES, num_threads=INDEXING_THREADS)
        self._tokenizers = tokenizers

    def add(self, doc: IndexedDoc) -> None:
        self._writer.add_document(make_document(doc, self._tokenizers))

    def delete_source(self, source: str) -> None:
        self._writer.delete_documents_by_term("source", source)

    def commit(self) -> None:
        self._writer.commit()
        # Merges start after a commit and die with the writer: let them finish (quick when there are none).
        self._writer.wait_merging_threads()
        self._writer = None

    def cancel(self) -> None:
        self._writer.rollback()
        self._writer = None  # dropping the writer releases tantivy's lock


