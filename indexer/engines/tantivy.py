"""The tantivy engine: Rust, multi-threaded, for large archives; the same query tree as whoosh.

Differences from whoosh that the tree cannot hide:
- Scores: BM25 (k1 1.2, b 0.75) per term, summed through the tree like whoosh's BM25F, but tantivy's
  idf is ln(1 + (N - n + 0.5) / (n + 0.5)) where whoosh's is ln(N / (n + 1)) + 1, and a phrase
  scores as one BM25 term (summed idf, phrase frequency) where whoosh adds its words' own scores.
- Phrase slop: tantivy's slop is a total over the phrase and lets two words swap; this module makes
  the tree's "in order, at most `slop` positions between neighbours" exact for two words and for
  small longer phrases, and falls back to tantivy's slop of `slop * (words - 1)` beyond that.
- Deleted documents stay in tantivy's term statistics until segments merge: `doc_frequency` and
  `terms` count only live documents when the index holds deletions (whoosh counts them all).

Writing (the schema, documents as tantivy takes them, the writer) is in tantivy_writing.py.
"""

import codecs
import itertools
import json
import zlib
from hashlib import blake2b
from pathlib import Path

import tantivy
from tantivy import FieldType, Occur, Order, Query

from indexer.engines import (
    COUNTED_FIELDS,
    RANGE_FIELDS,
    All,
    Any,
    Every,
    Nothing,
    Page,
    Phrase,
    Range,
    Rank,
    Term,
    Without,
    matching,
)
from indexer.engines.tantivy_writing import (
    INDEXED,
    SORT_FIELD,
    STORED_BYTES,
    STORED_KEYWORDS,
    STORED_TEXT,
    UNCOMPRESSED,
    TantivyWriter,
    make_schema,
    register_tokenizers,
)

# Exact near-phrases of three or more words try every gap pattern: at most this many, then tantivy's slop.
# The patterns are a union, whose every phrase tantivy reads on every document holding the words: the 16 of
# `chuyển đổi số` took 57 ms of CPU on 10,000 gazette-length documents, tantivy's slop 12. At 16 and at 4,
# bench/topical.py's p@10 and nDCG@10 and bench/ranking.py's MRR@10 and recall@10 are the same.
MAX_GAP_PATTERNS = 4
ID_SET_MIN = 8  # ids in an Any from which it is searched as a set (below, a few term scorers are as fast)
# tantivy refuses an aggregation of more than 65,000 buckets in all: the facets share them.
FACET_BUCKETS = 65_000 // len(COUNTED_FIELDS)
SORTS = {"date": Order.Desc, "date_asc": Order.Asc}


def translate(node, schema: tantivy.Schema) -> Query:
    """The tantivy query for a node of the engine-free query tree."""
    if isinstance(node, Term):
        return _boosted(_term(schema, node.field, node.text), node.boost)
    if isinstance(node, Phrase):
        return _boosted(_phrase(schema, node.field, node.terms, node.slop), node.boost)
    if _id_set(node):
        return Query.term_set_query(schema, "id", [c.text for c in node.clauses])
    if isinstance(node, (Any, All)):
        if not node.clauses:  # as whoosh: an empty Or or And matches nothing
            return Query.empty_query()
        occur = Occur.Should if isinstance(node, Any) else Occur.Must
        return _boosted(Query.boolean_query([(occur, translate(c, schema)) for c in node.clauses]), node.boost)
    if isinstance(node, Rank):
        return Query.boolean_query([(Occur.Must, translate(node.must, schema)),
                                    (Occur.Should, translate(node.should, schema))])
    if isinstance(node, Without):
        return Query.boolean_query([(Occur.Must, translate(node.query, schema)),
                                    (Occur.MustNot, translate(node.excluded, schema))])
    if isinstance(node, Range):
        if node.field not in RANGE_FIELDS:
            return Query.empty_query()
        if node.low is None and node.high is None:  # tantivy wants one end: any value will do
            return Query.exists_query(node.field)
        return Query.range_query(schema, node.field, FieldType.Integer, node.low, node.high)
    if isinstance(node, Every):
        return Query.all_query()
    if isinstance(node, Nothing):
        return Query.empty_query()
    raise TypeError(f"not a query node: {node!r}")


def _id_set(node) -> bool:
    """Whether a node is a set of documents by id (a folding's members, what it hides, the cited documents):
    one automaton over the id terms, not a scorer per id (204 ids: 10 ms a search of them, 1 as a set).
    Such sets are filters or exclusions, never scored: the set's own constant score is never added."""
    return (isinstance(node, Any) and len(node.clauses) >= ID_SET_MIN and node.boost == 1.0
            and all(isinstance(c, Term) and c.field == "id" and c.boost == 1.0 for c in node.clauses))


def _boosted(query: Query, boost: float) -> Query:
    return query if boost == 1.0 else Query.boost_query(query, boost)


def _term(schema: tantivy.Schema, field: str, text: str) -> Query:
    if field not in INDEXED:  # as whoosh: a field the index lacks matches nothing
        return Query.empty_query()
    return Query.term_query(schema, field, text, index_option="freq")


def _phrase(schema: tantivy.Schema, field: str, terms: tuple, slop: int) -> Query:
    """The words in order, at most `slop` positions between neighbours."""
    if not terms:
        return Query.empty_query()
    if len(terms) == 1:
        return _term(schema, field, terms[0])
    if field not in INDEXED:
        return Query.empty_query()
    if slop == 0:
        return Query.phrase_query(schema, field, list(terms))
    if len(terms) == 2:
        return _pair(schema, field, terms, slop)
    if (slop + 1) ** (len(terms) - 1) <= MAX_GAP_PATTERNS:
        patterns = itertools.product(range(slop + 1), repeat=len(terms) - 1)
        return Query.disjunction_max_query([Query.phrase_query(schema, field, _placed(terms, gaps))
                                            for gaps in patterns])
    # tantivy's slop bounds the sum of the gaps (and lets words swap): the closest it comes.
    return Query.phrase_query(schema, field, list(terms), slop * (len(terms) - 1))


def _placed(terms: tuple, gaps: tuple) -> list[tuple[int, str]]:
    """The words at explicit offsets: each after the previous one, `gap` positions between.

    >>> _placed(("phòng", "chống", "lãng"), (2, 0))
    [(0, 'phòng'), (3, 'chống'), (4, 'lãng')]
    """
    placed, offset = [(0, terms[0])], 0
    for gap, word in zip(gaps, terms[1:]):
        offset += gap + 1
        placed.append((offset, word))
    return placed


def _pair(schema: tantivy.Schema, field: str, terms: tuple, slop: int) -> Query:
    """Two words, the second 1 to slop + 1 positions after the first.

    tantivy matches a second word placed at `offset` within +-slop of it (both sides), so a window
    centred on the wanted distances is exact; an odd width needs a second, exact, phrase.
    """
    first, second = terms
    if slop % 2 == 0:
        return Query.phrase_query(schema, field, [(0, first), (1 + slop // 2, second)], slop // 2)
    window = Query.phrase_query(schema, field, [(0, first), ((slop + 1) // 2, second)], (slop - 1) // 2)
    farthest = Query.phrase_query(schema, field, [(0, first), (slop + 1, second)])
    return Query.disjunction_max_query([window, farthest])


# Facet counts kept per searcher, for the last few (query, filter) pairs counted.
DOCUMENTS = " documents"  # the aggregation's count of the documents (no field's name: names hold no space)
GROUPS_KEPT = 8
# Counted only when asked for: the relation and cited part facets show only beside a `cites` filter, and a
# document has as many values as refs it cites (a third of a search's time when counted every time).
COUNTED_ON_DEMAND = ("cites_kind", "cites_part")


class TantivySearcher:
    """One snapshot of the index; facet counts of a query are computed in one pass and kept."""

    def __init__(self, index: tantivy.Index, has_deletes: bool):
        self._schema = index.schema
        self._searcher = index.searcher()
        self._has_deletes = has_deletes
        self._groups: dict = {}
        self._totals: dict = {}  # (query, filter) -> documents: what counting its facets counted too
        self._ids: dict[tuple[int, int], str] = {}  # (segment, document) -> id: the snapshot's, learnt by `ids`

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def search(self, query, filter=None, limit: int = 10, offset: int = 0, sort: str | None = None) -> Page:
        if sort is not None and sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}: use None, {', '.join(SORTS)}")
        # Ordered by a field, tantivy still scores the ranking clauses of every match: left out.
        q = self._query(query if sort is None else matching(query), filter)
        if limit <= 0:  # tantivy wants a positive limit
            return Page(self._count(q), [])
        if sort is None:
            result = self._searcher.search(q, limit, count=True, offset=offset)
            return Page(result.count, [(address, float(score)) for score, address in result.hits])
        result = self._searcher.search(q, limit, count=True, offset=offset, order_by_field=SORT_FIELD,
                                       order=SORTS[sort])
        return Page(result.count, [(address, 0.0) for _, address in result.hits])

    def count(self, query, filter=None) -> int:
        counted = self._totals.get((query, filter))  # (the aggregation that counted its facets counted it)
        return self._count(self._query(matching(query), filter)) if counted is None else counted

    def count_within(self, query, filter, subsets: dict) -> dict[str, int]:  # each a count: tantivy's are fast
        return {name: self.count(query, filter if isinstance(s, Every) else s if filter is None else All((filter, s)))
                for name, s in subsets.items()}

    def stored(self, key, text: bool | int = True, structure: bool = False) -> dict:
        doc = self._searcher.doc(key)
        fields = {name: doc.get_first(name) for name in (*STORED_KEYWORDS, "part")}
        fields[STORED_TEXT] = doc.get_first(STORED_TEXT) or ""
        start = None if isinstance(text, bool) else text  # (a number: the text's start)
        for key, name in STORED_BYTES.items():
            value = doc.get_first(name) if (text or key == "meta") and (structure or key != "structure") else None
            fields[key] = "" if not value else _text_start(value, start) if key == "text" and start else \
                _stored_text(value, key)
        return fields

    def stored_id(self, key) -> str:
        return self._searcher.doc(key).get_first("id")  # no stored bytes decompressed

    def by_id(self, doc_id: str, structure: bool = True, text: bool = True) -> dict | None:
        hits = self._searcher.search(_term(self._schema, "id", doc_id), 1).hits
        return self.stored(hits[0][1], text, structure) if hits else None

    def ids(self, keys: list, among) -> list[str]:
        """The hits' ids, without reading their documents (a document is read whole, its text too): the
        documents of the ids `among` are found in one query, and kept (a searcher is one snapshot)."""
        addresses = [(key.segment_ord, key.doc) for key in keys]
        if not self._ids.keys() >= set(addresses):
            self._ids.update(self._addresses(sorted(among)))
        return [self._ids.get(address) or self.stored_id(key) for key, address in zip(keys, addresses)]

    def _addresses(self, ids: list[str]) -> dict[tuple[int, int], str]:
        """Where the documents of these ids are: each id's term scores its own place in the list (1, 2, ...),
        so one query says which document holds which (a float holds whole numbers exactly to 2**24)."""
        clauses = [(Occur.Should, Query.const_score_query(_term(self._schema, "id", doc_id), n + 1))
                   for n, doc_id in enumerate(ids)]
        hits = self._searcher.search(Query.boolean_query(clauses), len(ids), count=False).hits if ids else []
        return {(key.segment_ord, key.doc): ids[round(score) - 1] for score, key in hits}

    def group_counts(self, query, filter, field: str, alone: bool = False) -> dict[str, int]:
        if field not in COUNTED_FIELDS:
            raise ValueError(f"not a facet field: {field!r}")
        key = (query, filter)
        if key not in self._groups:
            while len(self._groups) >= GROUPS_KEPT:  # a searcher lives across requests: keep a few
                self._totals.pop(next(iter(self._groups)), None)
                self._groups.pop(next(iter(self._groups)))
            fields = [field] if alone else [f for f in COUNTED_FIELDS if f not in COUNTED_ON_DEMAND]
            self._groups[key] = self._facet_counts(self._query(matching(query), filter), fields, key)
        groups = self._groups[key]
        if field not in groups:
            groups.update(self._facet_counts(self._query(matching(query), filter), [field]))
        return groups[field]

    def doc_count(self) -> int:
        return self._searcher.num_docs

    def doc_frequency(self, field: str, term: str) -> int:
        if self._has_deletes:  # the term statistics still count deleted documents
            return self._count(_term(self._schema, field, term))
        return self._searcher.doc_freq(field, term)

    def terms(self, field: str):
        if not self._has_deletes:
            yield from self._searcher.terms_with_prefix(field, "")
            return
        # Counting over the live documents drops the terms only deleted documents had.
        yield from sorted(self._searcher.terms_with_prefix(field, "", filter_query=Query.all_query()))

    def close(self) -> None:
        self._searcher = None
        self._groups.clear()
        self._totals.clear()
        self._ids.clear()

    def _query(self, query, filter) -> Query:
        if filter is None:
            return translate(query, self._schema)
        # The filter must match but add nothing to the score.
        within = Query.const_score_query(translate(filter, self._schema), 0.0)
        if isinstance(query, Rank) and query.should != Any(()) and _names_documents(filter):
            return _ranked_within(query, within, self._schema)
        return Query.boolean_query([(Occur.Must, translate(query, self._schema)), (Occur.Must, within)])

    def _count(self, q: Query) -> int:
        return self._searcher.search(q, 1, count=True).count

    def _facet_counts(self, q: Query, fields: list[str], key=None) -> dict[str, dict[str, int]]:
        """Documents per value of each field, in one aggregation when the values fit; with a `key` (query,
        filter), the documents too, kept for `count` (a count reads the query's matches again: as long as
        the aggregation for a phrase)."""
        request = {name: {"terms": {"field": name, "size": FACET_BUCKETS}} for name in fields}
        # Every document has one value of the sort field: its values counted are the documents.
        request[DOCUMENTS] = {"value_count": {"field": SORT_FIELD}}
        try:
            found = self._searcher.aggregate(q, request)
        except ValueError:  # too many buckets in all: count each field on its own
            found = {}
        if key is not None and DOCUMENTS in found:
            self._totals[key] = round(found[DOCUMENTS]["value"])
        counts = {}
        for name in fields:
            result = found.get(name)
            if result is None or result["sum_other_doc_count"]:  # values left out: count them all
                counts[name] = dict(self._searcher.terms_with_prefix(name, "", filter_query=q))
            else:
                counts[name] = {b["key"]: b["doc_count"] for b in result["buckets"]}
        return {name: {k: n for k, n in values.items() if k} for name, values in counts.items()}


def _names_documents(node) -> bool:
    """Whether a filter holds only documents it names by id (a folding's members, the cited, a status's
    documents): a few hundred at most, whatever the corpus."""
    if isinstance(node, Term):
        return node.field == "id"
    if isinstance(node, Any):
        return bool(node.clauses) and all(isinstance(c, Term) and c.field == "id" for c in node.clauses)
    return isinstance(node, All) and any(_names_documents(c) for c in node.clauses)


def _ranked_within(query: Rank, within: Query, schema: tantivy.Schema) -> Query:
    """A Rank within a filter of a few documents, each ranking clause required to be in them too (the same
    scores: the filter adds 0). tantivy reads a union's clauses on every document they match, a window of
    4,096 at a time, whatever else the query requires; a clause within the filter is read on its documents
    only (the 204 parts of 10,000 gazette-length documents ranked for `chuyển đổi số`: 12.7 ms -> 5.0)."""
    should = query.should
    clauses = should.clauses if isinstance(should, Any) else (should,)
    ranking = [(Occur.Should, Query.boolean_query([(Occur.Must, translate(c, schema)), (Occur.Must, within)]))
               for c in clauses]
    boost = should.boost if isinstance(should, Any) else 1.0
    return Query.boolean_query([(Occur.Must, translate(query.must, schema)), (Occur.Must, within),
                                (Occur.Should, _boosted(Query.boolean_query(ranking), boost))])


class TantivyEngine:
    name = "tantivy"

    def __init__(self, path: Path, index: tantivy.Index):
        self._path = path
        self._index = index
        index.config_reader(reload_policy="manual")  # reloaded when the commit changes: see searcher()
        register_tokenizers(index)
        self._loaded = self.commit_id()

    @classmethod
    def create(cls, path: Path) -> "TantivyEngine":
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        return cls(path, tantivy.Index(make_schema(), path=str(path), reuse=False))

    @classmethod
    def open(cls, path: Path) -> "TantivyEngine":
        path = Path(path)
        if not tantivy.Index.exists(str(path)):
            raise FileNotFoundError(f"no tantivy index in {path}")
        return cls(path, tantivy.Index.open(str(path)))

    def writer(self, text_bytes: int | None = None) -> TantivyWriter:
        return TantivyWriter(self._index, self._path, self.tokenizers(), text_bytes)

    def tokenizers(self) -> dict[str, str]:
        """Text field -> the tokenizer its schema names (an index made before the lines form: "raw")."""
        return {field["name"]: field["options"].get("indexing", {}).get("tokenizer", "raw")
                for field in self._meta()["schema"] if field["type"] == "text" and field.get("options")}

    def searcher(self) -> TantivySearcher:
        meta = self._meta()
        commit = _commit_id(meta)
        if commit != self._loaded:
            self._index.reload()
            self._loaded = commit
        return TantivySearcher(self._index, has_deletes=any(s.get("deletes") for s in meta["segments"]))

    def commit_id(self) -> str:
        return _commit_id(self._meta())

    def _meta(self) -> dict:
        return json.loads((self._path / "meta.json").read_bytes())


def _commit_id(meta: dict) -> str:
    """The commit's opstamp, and its segments (a rebuild in the same folder restarts the opstamps)."""
    segments = ";".join(f"{s['segment_id']}:{(s.get('deletes') or {}).get('opstamp', '')}"
                        for s in meta["segments"])
    return f"t{meta['opstamp']}-{blake2b(segments.encode(), digest_size=6).hexdigest()}"


ENGINE = TantivyEngine


def _text_start(value: bytes, chars: int) -> str:
    """A stored text's first `chars` characters at least (all of it when shorter), decompressed no further than
    a step past them (Vietnamese text takes about 1.3 bytes a character)."""
    inflate, decoder = zlib.decompressobj(), codecs.getincrementaldecoder("utf-8")("surrogatepass")
    text, data = "", value
    while len(text) < chars and not inflate.eof:
        raw = inflate.decompress(data, (chars - len(text)) * 3 // 2 + 4096)
        data = inflate.unconsumed_tail
        text += decoder.decode(raw, final=inflate.eof)
        if not raw and not data:  # (a stream cut short: what there is)
            break
    return text


def _stored_text(value: bytes, key: str) -> str:
    """A stored value back from its bytes (compressed but UNCOMPRESSED ones: engines.compressed)."""
    return (value if key in UNCOMPRESSED else zlib.decompress(value)).decode("utf-8", "surrogatepass")
