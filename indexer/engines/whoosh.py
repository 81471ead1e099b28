"""The whoosh engine: pure Python, the default; fine up to a few thousand documents."""

from pathlib import Path

from whoosh import columns, sorting
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from indexer.engines import (
    COUNTED_FIELDS,
    FREQUENCY_FIELDS,
    KEYWORD_FIELDS,
    POSITION_FIELDS,
    RANGE_FIELDS,
    SORT_FIELD,
    All,
    Any,
    Every,
    IndexedDoc,
    Nothing,
    Page,
    Phrase,
    Range,
    Rank,
    Term,
    Without,
    matching,
)

# Facet fields holding several values per document: counted with overlap.
MULTI_VALUED = {"cited_refs", "cites_kind", "cites_part"}
SINGLE_VALUED = set(COUNTED_FIELDS) - MULTI_VALUED
# Counted only when asked for (as tantivy's are): the relation and the cited part show only beside a `cites`
# filter, and a document has as many values as refs and parts it cites; the rest in the search's own pass.
COUNTED_ON_DEMAND = ("cites_kind", "cites_part")
COUNTED_AT_ONCE = tuple(f for f in COUNTED_FIELDS if f not in COUNTED_ON_DEMAND)
# Facet counts kept per searcher, for the last few (query, filter) pairs searched.
GROUPS_KEPT = 8
# Keyword fields with one value per document.
ONE_VALUE = SINGLE_VALUED | {"id", "source", "source_digest"}


class Analysed(str):
    """A field value whose tokens were made ahead: `tokens` is [(term, position), ...].

    (whoosh hands a plain list straight to its own token maker, which renumbers positions: a
    string carrying the tokens reaches the field's analyzer instead.)
    """

    tokens: list


def analysed(tokens: list[tuple[str, int]]) -> Analysed:
    value = Analysed("")
    value.tokens = tokens
    return value


class AnalysedTokenizer(Tokenizer):
    """Yield the tokens analysed ahead, with their own positions.

    >>> [(t.text, t.pos) for t in AnalysedTokenizer()(analysed([("nghị", 0), ("quyết", 3)]), positions=True)]
    [('nghị', 0), ('quyết', 3)]
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, pos in getattr(value, "tokens", ()):
            token.text, token.boost, token.stopped = text, 1.0, False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = token.endchar = 0
            yield token


class ListKeyword(KEYWORD):
    """A keyword field whose values are also kept per document in a list column.

    whoosh counts a plain KEYWORD field's facet by reading every term's postings at every search
    (a document citing hundreds of refs made that most of a search's time); from the column it reads
    only the matching documents' values.
    """

    def __init__(self):
        super().__init__()
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, values):
        return [v.encode("utf-8") for v in dict.fromkeys(values)]  # a document counts once per value


def make_schema() -> Schema:
    tokenizer = AnalysedTokenizer()
    fields = {name: TEXT(analyzer=tokenizer, phrase=True) for name in POSITION_FIELDS}
    fields.update({name: TEXT(analyzer=tokenizer, phrase=False) for name in FREQUENCY_FIELDS})
    for name in KEYWORD_FIELDS:
        if name in SINGLE_VALUED:
            fields[name] = ID(sortable=True)
        elif name in MULTI_VALUED:
            fields[name] = ListKeyword()
        else:
            fields[name] = KEYWORD(scorable=name == "cites")  # values come as lists: whoosh keeps them whole
    fields["id"] = ID(unique=True, stored=True)
    fields["source"] = ID(stored=True)
    fields["source_digest"] = ID()
    fields["part"] = NUMERIC(stored=True)
    fields["body"] = STORED()
    fields["meta"] = STORED()
    fields["parts"] = STORED()
    fields["structure"] = STORED()
    fields["indexed"] = STORED()
    fields.update({name: NUMERIC(int, bits=32) for name in RANGE_FIELDS})
    fields[SORT_FIELD] = ID(sortable=True)
    return Schema(**fields)


def translate(node):
    """The whoosh query for a node of the engine-free query tree."""
    if isinstance(node, Term):
        return wq.Term(node.field, node.text, boost=node.boost)
    if isinstance(node, Phrase):
        if len(node.terms) == 1:
            return wq.Term(node.field, node.terms[0], boost=node.boost)
        return wq.Phrase(node.field, list(node.terms), slop=node.slop + 1, boost=node.boost)
    if isinstance(node, Any):
        return wq.Or([translate(c) for c in node.clauses], boost=node.boost)
    if isinstance(node, All):
        return wq.And([translate(c) for c in node.clauses], boost=node.boost)
    if isinstance(node, Rank):
        return wq.AndMaybe(translate(node.must), translate(node.should))
    if isinstance(node, Without):
        return wq.AndNot(translate(node.query), translate(node.excluded))
    if isinstance(node, Range):  # as tantivy: a field the index lacks matches nothing
        return wq.NumericRange(node.field, node.low, node.high) if node.field in RANGE_FIELDS else wq.NullQuery
    if isinstance(node, Every):
        return wq.Every()
    if isinstance(node, Nothing):
        return wq.NullQuery
    raise TypeError(f"not a query node: {node!r}")


class WhooshWriter:
    def __init__(self, ix):
        self._writer = ix.writer(limitmb=128)

    def add(self, doc: IndexedDoc) -> None:
        fields = {name: analysed(doc.tokens.get(name) or []) for name in (*POSITION_FIELDS, *FREQUENCY_FIELDS)}
        for name in KEYWORD_FIELDS:
            values = doc.keywords.get(name) or []
            fields[name] = (values[0] if values else "") if name in ONE_VALUE else values
        fields.update(part=doc.stored["part"], body=doc.stored["text"], meta=doc.stored["meta"], indexed=doc.indexed,
                      parts=doc.stored.get("parts", ""), structure=doc.stored.get("structure", ""))
        fields.update({name: doc.numbers[name] for name in RANGE_FIELDS if name in doc.numbers})
        fields[SORT_FIELD] = doc.sort_key
        self._writer.add_document(**fields)

    def delete_source(self, source: str) -> None:
        self._writer.delete_by_term("source", source)

    def commit(self) -> None:
        self._writer.commit()

    def cancel(self) -> None:
        self._writer.cancel()


class WhooshSearcher:
    """One whoosh searcher; facet counts of a query are computed in one pass and kept."""

    def __init__(self, ix):
        self._searcher = ix.searcher()
        self._groups: dict = {}
        self._subsets: dict = {}  # id(subset) -> (subset, its documents): a facet's subsets recur search after search

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _allowed(self, filter):
        """The document numbers a filter lets through (None: no filter).

        (whoosh's own query `filter=` counts a filter that matches nothing as no filter; a set is
        passed instead, and an empty one answers without searching.)
        """
        return None if filter is None else set(self._searcher.docs_for_query(translate(filter)))

    def search(self, query, filter=None, limit: int = 10, offset: int = 0, sort: str | None = None) -> Page:
        """One pass: the page, the total, and every facet's counts (kept for `group_counts`)."""
        allowed = self._allowed(filter)
        if allowed == set():
            return Page(0, [])
        results = self._searcher.search(translate(query), filter=allowed, limit=offset + limit,
                                        sortedby=SORT_FIELD if sort else None, reverse=sort == "date",
                                        groupedby=_facets(), maptype=sorting.Count)
        self._keep_groups((query, filter), _groups_of(results, COUNTED_AT_ONCE))
        hits = [(results.docnum(i), results.score(i) if not sort else 0.0)
                for i in range(offset, min(results.scored_length(), offset + limit))]
        return Page(len(results), hits)

    def _keep_groups(self, key, counts: dict) -> None:
        while len(self._groups) >= GROUPS_KEPT:  # a searcher lives across requests: keep a few
            self._groups.pop(next(iter(self._groups)))
        self._groups[key] = counts

    def count(self, query, filter=None) -> int:
        allowed = self._allowed(filter)
        if allowed == set():
            return 0
        return len(self._searcher.search(translate(matching(query)), filter=allowed, limit=1, scored=False))

    def count_within(self, query, filter, subsets: dict) -> dict[str, int]:
        allowed = self._allowed(filter)
        matched = set() if allowed == set() else set(self._searcher.docs_for_query(translate(matching(query))))
        matched = matched if allowed is None else matched & allowed
        return {name: len(matched & self._subset(subset)) if matched else 0 for name, subset in subsets.items()}

    def _subset(self, subset) -> set:
        """A subset's documents, kept while the same subset object is asked for (a cached id set's clause)."""
        kept = self._subsets.get(id(subset))
        if kept is None or kept[0] is not subset:
            while len(self._subsets) >= GROUPS_KEPT * 4:
                self._subsets.pop(next(iter(self._subsets)))
            kept = self._subsets[id(subset)] = (subset, self._allowed(subset))
        return kept[1]

    def stored(self, key, text: bool | int = True, structure: bool = False) -> dict:
        return _stored(self._searcher.stored_fields(key))  # whoosh reads a document's stored fields whole

    def stored_id(self, key) -> str:
        return self._searcher.stored_fields(key)["id"]

    def by_id(self, doc_id: str, structure: bool = True, text: bool = True) -> dict | None:
        found = self._searcher.document(id=doc_id)
        return _stored(found) if found else None

    def ids(self, keys: list, among) -> list[str]:
        return [self.stored_id(key) for key in keys]

    def group_counts(self, query, filter, field: str, alone: bool = False) -> dict[str, int]:
        key = (query, filter)
        if key not in self._groups:  # every facet of this query (but those counted on demand) in one unscored pass
            counted = self._count(query, filter, (field,) if alone else COUNTED_AT_ONCE)
            if counted is None:
                return {}
            self._keep_groups(key, counted)
        groups = self._groups[key]
        if field not in groups:  # one counted on demand, on its own
            groups.update(self._count(query, filter, (field,)) or {field: {}})
        return groups[field]

    def _count(self, query, filter, fields) -> dict | None:
        """Documents per value of each field over what the query matches (None: nothing can)."""
        allowed = self._allowed(filter)
        if allowed == set():
            return None
        found = self._searcher.search(translate(matching(query)), filter=allowed, limit=1, scored=False,
                                      groupedby=_facets(fields), maptype=sorting.Count)
        return _groups_of(found, fields)

    def doc_count(self) -> int:
        return self._searcher.doc_count()

    def doc_frequency(self, field: str, term: str) -> int:
        reader = self._searcher.reader()
        if not reader.has_deletions():
            return reader.doc_frequency(field, term)
        return _live(reader, field, term) if (field, term) in reader else 0

    def terms(self, field: str):
        reader = self._searcher.reader()
        deletions = reader.has_deletions()
        for text, info in reader.iter_field(field):
            text = text.decode("utf-8") if isinstance(text, bytes) else text
            frequency = info.doc_frequency()
            if deletions:
                frequency = _live(reader, field, text)
            if frequency:
                yield text, frequency

    def close(self) -> None:
        self._searcher.close()


def _live(reader, field: str, text: str) -> int:
    """Documents holding a term, deleted ones left out (whoosh keeps their terms until a merge)."""
    return sum(1 for doc in reader.postings(field, text).all_ids() if not reader.is_deleted(doc))


def _text(value) -> str:
    """A facet value as text (a list column gives bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _groups_of(results, fields) -> dict[str, dict[str, int]]:
    return {name: {_text(k): v for k, v in results.groups(name).items() if k} for name in fields}


def _facets(fields=COUNTED_AT_ONCE) -> dict:
    return {name: sorting.FieldFacet(name, allow_overlap=name in MULTI_VALUED) for name in fields}


def _stored(fields: dict) -> dict:
    return {"id": fields["id"], "source": fields["source"], "part": fields["part"], "text": fields["body"],
            "meta": fields["meta"], "indexed": fields.get("indexed", ""), "parts": fields.get("parts", ""),
            "structure": fields.get("structure", "")}


class WhooshEngine:
    name = "whoosh"

    def __init__(self, ix):
        self._ix = ix

    @classmethod
    def create(cls, path: Path) -> "WhooshEngine":
        path.mkdir(parents=True, exist_ok=True)
        return cls(whoosh_index.create_in(str(path), make_schema()))

    @classmethod
    def open(cls, path: Path) -> "WhooshEngine":
        return cls(whoosh_index.open_dir(str(path)))

    def writer(self) -> WhooshWriter:
        return WhooshWriter(self._ix)

    def searcher(self) -> WhooshSearcher:
        return WhooshSearcher(self._ix)

    def commit_id(self) -> str:
        return f"w{self._ix.latest_generation()}"


ENGINE = WhooshEngine
