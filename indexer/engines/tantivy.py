"""The tantivy engine: Rust, multi-threaded, for large archives; the same query tree as whoosh.

Differences from whoosh that the tree cannot hide:
- Scores: BM25 (k1 1.2, b 0.75) per term, summed through the tree like whoosh's BM25F, but tantivy's
  idf is ln(1 + (N - n + 0.5) / (n + 0.5)) where whoosh's is ln(N / (n + 1)) + 1, and a phrase
  scores as one BM25 term (summed idf, phrase frequency) where whoosh adds its words' own scores.
- Phrase slop: tantivy's slop is a total over the phrase and lets two words swap; tantivy_query.py makes
  the tree's "in order, at most `slop` positions between neighbours" exact for two words and for small
  longer phrases, and falls back to tantivy's slop of `slop * (words - 1)` beyond that.
- Deleted documents stay in tantivy's term statistics until segments merge: `doc_frequency` and
  `terms` count only live documents when the index holds deletions (whoosh counts them all).

The query tree as tantivy queries is tantivy_query.py; writing (the schema, documents as tantivy takes
them, the writer) is tantivy_writing.py.
"""

import codecs
import json
import zlib
from hashlib import blake2b
from pathlib import Path

import tantivy
from tantivy import Occur, Order, Query

from indexer.engines import (
    COUNTED_FIELDS,
    All,
    Any,
    Every,
    Page,
    Rank,
    matching,
)
from indexer.engines.tantivy_query import names_documents, ranked_within, term_query, translate
from indexer.engines.tantivy_writing import (
    SORT_FIELD,
    STORED_BYTES,
    STORED_KEYWORDS,
    STORED_TEXT,
    UNCOMPRESSED,
    TantivyWriter,
    make_schema,
    register_tokenizers,
)

# tantivy refuses an aggregation of more than 65,000 buckets in all: the facets share them.
FACET_BUCKETS = 65_000 // len(COUNTED_FIELDS)
SORTS = {"date": Order.Desc, "date_asc": Order.Asc}


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
        hits = self._searcher.search(term_query(self._schema, "id", doc_id), 1).hits
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
        clauses = [(Occur.Should, Query.const_score_query(term_query(self._schema, "id", doc_id), n + 1))
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
            return self._count(term_query(self._schema, field, term))
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
        if isinstance(query, Rank) and query.should != Any(()) and names_documents(filter):
            return ranked_within(query, within, self._schema)
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

    def writer(self) -> TantivyWriter:
        return TantivyWriter(self._index, self._path, self.tokenizers())

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
