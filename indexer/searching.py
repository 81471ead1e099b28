"""The one search() that the CLI, the web pages and the JSON API all call, on either engine.

Orchestration only: the values are checked (query/checks), the query parsed (query/parse) and made a
tree (query/ranking), filtered (query/filters), run on the engine, and the hits cut into snippets
(query/highlight) beside facet counts (query/facets) and the accent suggestion (query/suggest).
"""

import json

from indexer.engines import Any, Term, Without
from indexer.extract.passages import passage, unique_passages
from indexer.extract.relations import strongest
from indexer.query import checks
from indexer.query.facets import count_facets
from indexer.query.filters import both, cite_keys, filter_query, keys_of_ref
from indexer.query.highlight import snippet
from indexer.query.lexicon import Lexicon, query_words
from indexer.query.parse import ParsedQuery, is_accented, parse_query
from indexer.query.ranking import build_query, contains_word
from indexer.query.results import DocSummary, Hit, SearchResult
from indexer.query.suggest import suggest_accents
from indexer.store import open_index

__all__ = ["search"]


def _hit(stored: dict, parsed: ParsedQuery, groups, score: float, cites: set[str], counts: dict) -> Hit:
    meta = json.loads(stored["meta"])
    summary = DocSummary.from_stored(stored, meta)
    text = stored["text"]
    wanted = set(parsed.refs) | cites  # (a document may cite hundreds of refs: none to look at without)
    citations = [c for c in meta["citations"] if wanted and keys_of_ref(c["ref"]) & wanted]
    cut = snippet(text, parsed, [(c["start"], c["end"]) for c in citations], groups)
    kind = shown = None
    if cites and citations:
        kind = strongest(c["kind"] for c in citations)
        first = next(c for c in citations if c["kind"] == kind)
        shown = passage(text, first["start"], first["end"])
    passages = tuple(passage(text, c["start"], c["end"]) for c in citations) if cites else ()
    return Hit(**vars(summary), score=round(score, 4), snippet=cut, passages=unique_passages(passages), kind=kind,
               passage=shown, cited_by_count=counts.get(summary.id, 0))


def _most_cited_first(searcher, query, filter_, offset: int, limit: int, counts: dict):
    """The `cited` order: cited documents by their count (then newest), then the rest, newest first."""
    if not counts:
        found = searcher.search(query, filter_, limit=limit, offset=offset, sort="date")
        return found.total, found.hits
    cited = Any(tuple(Term("id", i) for i in sorted(counts)))
    top = searcher.search(query, both(filter_, cited), limit=len(counts), sort="date")
    cited_counts = [counts.get(searcher.stored(key)["id"], 0) for key, _ in top.hits]
    ordered = [key for (key, _), _ in sorted(zip(top.hits, cited_counts), key=lambda pair: -pair[1])]  # stable
    keys = ordered[offset:offset + limit]
    rest = Without(query, cited)
    if len(keys) < limit:
        found = searcher.search(rest, filter_, limit=limit - len(keys), offset=max(0, offset - len(ordered)),
                                sort="date")
        keys, rest_total = keys + [k for k, _ in found.hits], found.total
    else:
        rest_total = searcher.count(rest, filter_)
    return len(ordered) + rest_total, [(k, 0.0) for k in keys]


def _page(searcher, query, filter_, sort: str, parsed: ParsedQuery, page: int, page_size: int, counts: dict):
    """(total, [(key, score)]) of one page, in the order asked for."""
    offset = (page - 1) * page_size
    if sort == "cited":
        return _most_cited_first(searcher, query, filter_, offset, page_size, counts)
    by_date = sort in ("date", "date_asc") or parsed.empty  # browsing lists the newest first
    found = searcher.search(query, filter_, limit=page_size, offset=offset,
                            sort=("date_asc" if sort == "date_asc" else "date") if by_date else None)
    return found.total, found.hits


def search(index, query: str = "", filters: dict | None = None, page: int = 1, page_size: int = 10,
           sort: str = "relevance", scope: dict | None = None) -> SearchResult:
    """Search the index: ranked hits with snippets, the total, and facet counts.

    `index` is an index folder or an opened index; `filters` maps doc_type, year, issuer,
    province, cites and kind to a value or a list of values (several values of one filter: any).
    `scope` takes the same keys: it always holds and is not offered as a facet choice (the
    cites page's ref), so the facets count only the results in scope. Every document returned
    holds every word of the query; when none does, any word will do and `relaxed` says so. A
    question (a `?`, or more than KEYWORD_QUERY_MAX words) takes any word from the start.
    Raises SearchError (IndexNotFound when there is no index, Invalid for a value out of range).
    """
    query, page, page_size = checks.query(query), checks.page(page), checks.page_size(page_size)
    sort, filters, scope = checks.sort(sort), checks.filters(filters), checks.filters(scope)
    ix = open_index(index)
    parsed = parse_query(query)
    filter_ = both(filter_query(scope), filter_query(filters, scope_keys=cite_keys(scope)))
    counts = ix.derived("counts") or {}
    with ix.searcher() as searcher:
        lexicon = Lexicon(searcher, lambda: ix.derived("words"), lambda: ix.derived("accents"))
        groups, read = query_words(parsed, lexicon)
        tree, relaxed = build_query(parsed, groups=groups, reading=read), parsed.question and len(parsed.words) > 1
        total, keys = _page(searcher, tree, filter_, sort, parsed, page, page_size, counts)
        if total == 0 and len(parsed.words) > 1 and not parsed.question:
            tree, relaxed = build_query(parsed, relaxed=True, groups=groups, reading=read), True
            total, keys = _page(searcher, tree, filter_, sort, parsed, page, page_size, counts)
        cites = cite_keys(filters) | cite_keys(scope)
        hits = [_hit(searcher.stored(k), parsed, groups, score, cites, counts) for k, score in keys]
        facets = count_facets(searcher, tree, filters, scope)
        accented = is_accented(parsed.words)
        unmatched = [" ".join(g) for g in dict.fromkeys(groups or []) if relaxed and not parsed.question
                     and searcher.count(contains_word(g, accented)) == 0]
        # Few results for words typed without diacritics: offer the accented query.
        suggestion = None
        if total < page_size and not parsed.phrases:
            suggestion = suggest_accents(lexicon, parsed)
    return SearchResult(query=parsed.text, parsed=parsed, filters=filters, sort=sort, page=page,
                        page_size=page_size, total=total, hits=hits, facets=facets, suggestion=suggestion,
                        relaxed=relaxed, unmatched=unmatched)
