"""The engine-free query tree as tantivy queries (indexer.engines.tantivy searches with them): exact
near-phrases, sets of ids, a ranking read within a filter of a few documents."""

import itertools

import tantivy
from tantivy import FieldType, Occur, Query

from indexer.engines import RANGE_FIELDS, All, Any, Every, Nothing, Phrase, Range, Rank, Term, Without
from indexer.engines.tantivy_writing import INDEXED

# Exact near-phrases of three or more words try every gap pattern: at most this many, then tantivy's slop.
# The patterns are a union, whose every phrase tantivy reads on every document holding the words: the 16 of
# `chuyển đổi số` took 57 ms of CPU on 10,000 gazette-length documents, tantivy's slop 12. At 16 and at 4,
# bench/topical.py's p@10 and nDCG@10 and bench/ranking.py's MRR@10 and recall@10 are the same.
MAX_GAP_PATTERNS = 4
ID_SET_MIN = 8  # ids in an Any from which it is searched as a set (below, a few term scorers are as fast)


def translate(node, schema: tantivy.Schema) -> Query:
    """The tantivy query for a node of the engine-free query tree."""
    if isinstance(node, Term):
        return _boosted(term_query(schema, node.field, node.text), node.boost)
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


def term_query(schema: tantivy.Schema, field: str, text: str) -> Query:
    if field not in INDEXED:  # as whoosh: a field the index lacks matches nothing
        return Query.empty_query()
    return Query.term_query(schema, field, text, index_option="freq")


def _phrase(schema: tantivy.Schema, field: str, terms: tuple, slop: int) -> Query:
    """The words in order, at most `slop` positions between neighbours."""
    if not terms:
        return Query.empty_query()
    if len(terms) == 1:
        return term_query(schema, field, terms[0])
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


def names_documents(node) -> bool:
    """Whether a filter holds only documents it names by id (a folding's members, the cited, a status's
    documents): a few hundred at most, whatever the corpus."""
    if isinstance(node, Term):
        return node.field == "id"
    if isinstance(node, Any):
        return bool(node.clauses) and all(isinstance(c, Term) and c.field == "id" for c in node.clauses)
    return isinstance(node, All) and any(names_documents(c) for c in node.clauses)


def ranked_within(query: Rank, within: Query, schema: tantivy.Schema) -> Query:
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
