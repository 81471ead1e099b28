"""The search engines behind search(): one small interface, one module per engine. Imports nothing
else of ours: only these modules import whoosh or tantivy.

Everything above this package (analysis, extraction, search(), the graph, the web and the CLI) is
engine-free: it builds queries from the small tree below and reads plain dicts back. The analysis
is done once in Python (`indexer.builder.analysis`), so both engines index exactly the same terms.

Query tree semantics (each engine translates it):
- `Term(field, text, boost)`: the term is in the field.
- `Phrase(field, terms, slop, boost)`: the terms in order, at most `slop` other positions between
  neighbours (0: adjacent). Positions are the analysis's own, with gaps at sentence breaks.
- `Any(clauses, boost)`: at least one clause matches; the score adds the matching clauses' scores.
- `All(clauses, boost)`: every clause matches; the score adds them.
- `Rank(must, should)`: `must` decides what matches; `should` only adds to the score when it matches.
- `Without(query, excluded)`: matches of `query` that `excluded` does not match.
- `Range(field, low, high)`: the field's whole number is from `low` to `high`, both included; None
  leaves that end open. A document without a value in the field never matches.
- `Every()`: every document; `Nothing()`: none.
"""

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path
from typing import Protocol

from indexer.engines.tokens import Tokens

# tantivy-py's document store compresses with lz4; zlib on the text and metadata first halves what it keeps
# (Vietnamese text compresses about 4:1), for about 50 µs per hit to undo.
STORE_COMPRESSION = 6
STORED_COMPRESSED = ("text", "meta", "structure")

# Text fields, fed as analysed tokens: (term, position). `words` (pyvi's words) and the bigrams (two
# neighbouring syllables as one term, plain and folded) need no positions.
POSITION_FIELDS = ("text", "folded", "title", "title_folded")
FREQUENCY_FIELDS = ("words", "bigrams", "bigrams_folded")
# Exact-match fields (values kept whole; a list may repeat a value: `cites` counts repeats). `cites_part`:
# `<ref key>><part>` for each part a citation names and each part holding it (`35-nq/tw>Điều 5`).
KEYWORD_FIELDS = ("id", "source", "source_digest", "number_keys", "cites", "cites_kind", "cited_refs",
                  "doc_type", "issuer", "province", "year", "month", "cites_part")
# Keyword fields whose values can be counted over a result (what facets count).
COUNTED_FIELDS = ("doc_type", "issuer", "province", "year", "month", "cited_refs", "cites_kind", "cites_part")
# Whole-number fields that `Range` filters (days as YYYYMMDD); a document may have none.
RANGE_FIELDS = ("date_low", "date_high")
# Sorted on: the document's date (ISO, or "": first ascending), then when it was indexed.
SORT_FIELD = "sort_date"

ENGINES = {"whoosh": "indexer.engines.whoosh", "tantivy": "indexer.engines.tantivy"}
DEFAULT_ENGINE = "whoosh"


@dataclass(frozen=True)
class Term:
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    field: str
    terms: tuple[str, ...]
    slop: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class Any:
    clauses: tuple
    boost: float = 1.0


@dataclass(frozen=True)
class All:
    clauses: tuple
    boost: float = 1.0


@dataclass(frozen=True)
class Rank:
    must: object
    should: object


@dataclass(frozen=True)
class Without:
    query: object
    excluded: object


@dataclass(frozen=True)
class Range:
    field: str
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Every:
    pass


@dataclass(frozen=True)
class Nothing:
    pass


def matching(node):
    """The part of a query that decides what matches: every Rank's `should` left out, wherever it stands (it only
    ranks). What counts and an order by field need: an engine may score a `should` it is given all the same
    (tantivy does, for every document that matches)."""
    if isinstance(node, Rank):
        return matching(node.must)
    if isinstance(node, (Any, All)):
        return replace(node, clauses=tuple(matching(c) for c in node.clauses))
    if isinstance(node, Without):
        return Without(matching(node.query), matching(node.excluded))
    return node


@dataclass
class IndexedDoc:
    """One document as the engines receive it: analysed tokens, exact values, stored fields."""

    stored: dict                                   # id, source, part, text, meta (JSON), parts, structure
    tokens: dict[str, Tokens]                      # POSITION_FIELDS and FREQUENCY_FIELDS -> (term, pos)s
    keywords: dict[str, list[str]]                 # KEYWORD_FIELDS -> values
    sort_date: str = ""
    numbers: dict[str, int] = field(default_factory=dict)  # RANGE_FIELDS -> value (absent: none)
    indexed: str = ""                              # when its file was first indexed or last changed (ISO, UTC)
    compressed: dict[str, bytes] = field(default_factory=dict)  # STORED_COMPRESSED -> compressed(value)

    @property
    def sort_key(self) -> str:
        """What SORT_FIELD holds: the date, then the indexing time (the newer of one day's comes first).

        >>> IndexedDoc({}, {}, {}, "2019-05-15", indexed="2026-01-02T03:04:05Z").sort_key
        '2019-05-15 2026-01-02T03:04:05Z'
        """
        return f"{self.sort_date} {self.indexed}"

    def packed(self) -> "IndexedDoc":
        """The same document as a worker sends it: its tokens in their lines form (engines.tokens), its
        stored text and metadata compressed too (3 s of the writer's process for gazette_dev's 17 MB)."""
        tokens = {name: tokens.packed(name in POSITION_FIELDS) for name, tokens in self.tokens.items()}
        return replace(self, tokens=tokens,
                       compressed={key: compressed(self.stored.get(key, "")) for key in STORED_COMPRESSED})


def compressed(value: str) -> bytes:
    """A stored value as tantivy keeps it: zlib-compressed UTF-8 (a lone surrogate, which JSON's `\ud800`
    gives, kept as it is: the pages and files drop it where they write)."""
    return zlib.compress(value.encode("utf-8", "surrogatepass"), STORE_COMPRESSION)


@dataclass(frozen=True)
class Page:
    """One page of matches: the total, and (key, score) per hit in order; keys go to `stored()`."""

    total: int
    hits: list = field(default_factory=list)


class EngineWriter(Protocol):
    def add(self, doc: IndexedDoc) -> None: ...
    def delete_source(self, source: str) -> None: ...
    def commit(self) -> None: ...
    def cancel(self) -> None: ...


class EngineSearcher(Protocol):
    def search(self, query, filter=None, limit: int = 10, offset: int = 0, sort: str | None = None) -> Page:
        """`sort`: None (by score), "date" (newest first, by date then indexing time) or "date_asc"."""
    def count(self, query, filter=None) -> int: ...
    def count_within(self, query, filter, subsets: dict) -> dict[str, int]:
        """How many of the query's matches (within `filter`) each subset, a query, holds: the query is run
        once where the engine can (a status facet counts five subsets of one result)."""
    def stored(self, key, text: bool | int = True, structure: bool = False) -> dict:
        """id, source, part, text, meta, parts, structure and indexed (the IndexedDoc's `indexed`); `text=False`
        may leave the text, the parts and the structure "" (a list of metadata needs none), a number of
        characters the text's start only, at least that many (a hit reads no further), `structure=False`
        the structure (a hit needs its parts, not the headings and tasks a page shows): an engine that can skip
        a field, or read less of it, does."""
    def stored_id(self, key) -> str:
        """The id of the document at `key`, and nothing else read (a folding or an order needs only ids)."""
    def by_id(self, doc_id: str, structure: bool = True, text: bool = True) -> dict | None:
        """Every field of the document with that id (`structure=False`, `text=False`: as `stored` may leave
        them), or None."""
    def ids(self, keys: list, among) -> list[str]:
        """The ids of hits (keys from `search`), each one of the ids `among`: an engine may find them without
        reading each document (stored_id reads one)."""
    def group_counts(self, query, filter, field: str, alone: bool = False) -> dict[str, int]:
        """Documents per value of the field over the query's matches within `filter`. A query and filter
        asked for the first time count every field (but those counted on demand) in one pass, for the
        facets that share them; `alone`: this field only (a filter no other facet asks for)."""
    def doc_count(self) -> int: ...
    def doc_frequency(self, field: str, term: str) -> int: ...
    def terms(self, field: str) -> Iterator[tuple[str, int]]:
        """Every term of a field with its document frequency."""
    def close(self) -> None: ...


class Engine(Protocol):
    name: str

    def writer(self) -> EngineWriter:
        """The one writer."""
    def searcher(self) -> EngineSearcher: ...
    def commit_id(self) -> str:
        """Changes with every commit: derived data is filed under it."""


def engine_class(name: str):
    """The engine class of a name in ENGINES (its library is imported only now)."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return import_module(ENGINES[name]).ENGINE


def create_engine(name: str, path: Path) -> Engine:
    """A new, empty engine index in `path` (created)."""
    return engine_class(name).create(Path(path))


def open_engine(name: str, path: Path) -> Engine:
    """The engine index in `path`."""
    return engine_class(name).open(Path(path))
