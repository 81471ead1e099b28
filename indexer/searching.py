"""The one search() that the CLI, the web pages and the JSON API all call, on either engine.

Orchestration only: the values are checked (query/checks), the query parsed (query/parse) and made a
tree (query/ranking), filtered (query/filters), run on the engine, and the hits cut into snippets
(query/highlight) beside facet counts (query/facets) and the accent suggestion (query/suggest).
"""

import json

from indexer.engines import Any, Term, Without
from indexer.limits import MAX_EXPORT_ROWS
from indexer.query import checks
from indexer.query.collapse import NOT_FOLDED, fold, members, with_near_duplicates
from indexer.query.facets import count_facets
from indexer.query.filters import both, cite_keys, filter_query, keys_of_ref, with_law_aliases
from indexer.query.highlight import snippet
from indexer.query.lexicon import Lexicon, query_words
from indexer.query.parse import ParsedQuery, is_accented, parse_query
from indexer.query.ranking import build_query, contains_word
from indexer.query.results import NO_SNIPPET, DocSummary, Hit, SearchResult
from indexer.query.suggest import suggest_accents
from indexer.store import open_index
from indexer.vocab.passages import passage, unique_passages
from indexer.vocab.relations import strongest

__all__ = ["search", "search_all"]


def _hit(stored: dict, parsed: ParsedQuery, groups, score: float, cites: set[str], counts: dict,
         ranged: bool = False, snippets: bool = True) -> Hit:
    meta = json.loads(stored["meta"])
    summary = DocSummary.from_stored(stored, meta)
    text = stored["text"]
    wanted = set(parsed.refs) | cites  # (a document may cite hundreds of refs: none to look at without)
    citations = [c for c in meta["citations"]
                 if wanted and keys_of_ref(c["ref"], c.get("name"), c.get("year")) & wanted]
    cut = snippet(text, parsed, [(c["start"], c["end"]) for c in citations], groups) if snippets else NO_SNIPPET
    kind = shown = None
    if cites and citations:
        kind = strongest(c["kind"] for c in citations)
        first = next(c for c in citations if c["kind"] == kind)
        shown = passage(text, first["start"], first["end"])
    passages = tuple(passage(text, c["start"], c["end"]) for c in citations) if cites else ()
    in_range_by = ("date" if summary.date else "year") if ranged else None
    versions = tuple(sorted({c["ref"] for c in citations})) if cites else ()
    return Hit(**vars(summary), score=round(score, 4), snippet=cut, passages=unique_passages(passages), kind=kind,
               passage=shown, cited_by_count=counts.get(summary.id, 0), in_range_by=in_range_by,
               cited_versions=versions)


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


def _page(searcher, query, filter_, sort: str, parsed: ParsedQuery, offset: int, limit: int, counts: dict):
    """(total, [(key, score)]) of `limit` hits from `offset`, in the order asked for."""
    if sort == "cited":
        return _most_cited_first(searcher, query, filter_, offset, limit, counts)
    by_date = sort in ("date", "date_asc") or parsed.empty  # browsing lists the newest first
    found = searcher.search(query, filter_, limit=limit, offset=offset,
                            sort=("date_asc" if sort == "date_asc" else "date") if by_date else None)
    return found.total, found.hits


def _folded_page(searcher, query, filter_, sort: str, parsed: ParsedQuery, offset: int, limit: int, counts: dict,
                 near: dict):
    """(total, [(key, score)], folding): `limit` hits from `offset` with near-duplicates folded (query/collapse)."""
    folding = NOT_FOLDED
    if near:
        _, ranked = _page(searcher, query, both(filter_, members(near)), sort, parsed, 0, len(near), counts)
        folding = fold(near, [searcher.stored(key, False)["id"] for key, _ in ranked])
    return *_page(searcher, query, both(filter_, folding.hidden), sort, parsed, offset, limit, counts), folding


def _matching(searcher, parsed: ParsedQuery, words: tuple, filter_, sort: str, offset: int, limit: int,
              counts: dict, relax: bool = True, near: dict | None = None):
    """(tree, relaxed, total, [(key, score)], folding): every word required, else (none holding them
    all, and `relax`) any; the near-duplicates in `near` folded. `words`: (groups, reading), the
    query's words and the reading of an unaccented query (query/lexicon)."""
    groups, read = words
    tree, relaxed = build_query(parsed, groups=groups, reading=read), parsed.question and len(parsed.words) > 1
    total, keys, folding = _folded_page(searcher, tree, filter_, sort, parsed, offset, limit, counts, near or {})
    if relax and total == 0 and len(parsed.words) > 1 and not parsed.question:
        tree, relaxed = build_query(parsed, relaxed=True, groups=groups, reading=read), True
        total, keys, folding = _folded_page(searcher, tree, filter_, sort, parsed, offset, limit, counts, near or {})
    return tree, relaxed, total, keys, folding


def _prepared(index, query, filters, sort, scope) -> tuple:
    """The values checked, the index opened, the query parsed, the filters made one query tree (a law
    asked for by number or by name, both: with_law_aliases)."""
    query, filters, sort, scope = checks.query(query), checks.filters(filters), checks.sort(sort), checks.filters(scope)
    ix = open_index(index)
    law_names = ix.derived("law_names") or {}
    filters, scope = with_law_aliases(filters, law_names), with_law_aliases(scope, law_names)
    filter_ = both(filter_query(scope), filter_query(filters, scope_keys=cite_keys(scope)))
    return ix, parse_query(query), filters, sort, scope, filter_


def _ranged(filters: dict, scope: dict) -> bool:
    return any(f.get(name) for f in (filters, scope) for name in checks.DATE_FILTERS)


def search(index, query: str = "", filters: dict | None = None, page: int = 1, page_size: int = 10,
           sort: str = "relevance", scope: dict | None = None, collapse: bool = True) -> SearchResult:
    """Search the index: ranked hits with snippets, the total, and facet counts.

    `index` is an index folder or an opened index; `filters` maps doc_type, year, issuer,
    province, cites and kind to a value or a list of values (several values of one filter: any),
    and date_from, date_to to one partial date each (`2019`, `2019-05`, `2019-05-15`: a document is
    in the range when its day is, or, known only by its year, when every day it may have is: its
    year, from the latest date it cites on; each hit says which, `in_range_by`). `scope` takes the
    same keys: it always holds and is not offered as a facet choice (the cites page's ref), so the
    facets count only the results in scope. Every document
    returned holds every word of the query; when none does, any word will do and `relaxed` says so. A
    question (a `?`, or more than KEYWORD_QUERY_MAX words) takes any word from the start. With
    `collapse`, a near-duplicate of a hit ranked above it is folded under that hit (`folded` counts them).
    Raises SearchError (IndexNotFound when there is no index, Invalid for a value out of range).
    """
    page, page_size, collapse = checks.page(page), checks.page_size(page_size), checks.collapse(collapse)
    ix, parsed, filters, sort, scope, filter_ = _prepared(index, query, filters, sort, scope)
    counts = ix.derived("counts") or {}
    near = (ix.derived("near_duplicates") or {}) if collapse else {}
    with ix.searcher() as searcher:
        lexicon = Lexicon(searcher, lambda: ix.derived("words"), lambda: ix.derived("accents"))
        groups, read = query_words(parsed, lexicon)
        offset = (page - 1) * page_size
        tree, relaxed, total, keys, folding = _matching(searcher, parsed, (groups, read), filter_, sort, offset,
                                                        page_size, counts, near=near)
        cites, ranged = cite_keys(filters) | cite_keys(scope), _ranged(filters, scope)
        hits = [_hit(searcher.stored(k), parsed, groups, score, cites, counts, ranged) for k, score in keys]
        hits = with_near_duplicates(hits, folding, searcher)
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
                        relaxed=relaxed, unmatched=unmatched, collapse=collapse, folded=len(folding.folded))


def search_all(index, query: str = "", filters: dict | None = None, sort: str = "relevance",
               scope: dict | None = None, limit: int = MAX_EXPORT_ROWS, snippets: bool = False,
               relax: bool = True) -> SearchResult:
    """The first `limit` documents search() would list (all pages, in its order; near-duplicates not
    folded: a file counts every document), in one result without facets: what a file of the results,
    or a feed, holds. Snippets only when asked for (a file has no column for them); a citing list's
    passages always. `relax=False`: never fall back to any of the words (a feed lists only what holds
    them all).
    """
    limit = checks.integer(limit, 1, MAX_EXPORT_ROWS, "Số văn bản")
    ix, parsed, filters, sort, scope, filter_ = _prepared(index, query, filters, sort, scope)
    counts = ix.derived("counts") or {}
    with ix.searcher() as searcher:
        lexicon = Lexicon(searcher, lambda: ix.derived("words"), lambda: ix.derived("accents"))
        groups, read = query_words(parsed, lexicon)
        _, relaxed, total, keys, _ = _matching(searcher, parsed, (groups, read), filter_, sort, 0, limit, counts, relax)
        cites, ranged = cite_keys(filters) | cite_keys(scope), _ranged(filters, scope)
        text = snippets or bool(cites)  # a file of metadata needs no text, a citing list its passages
        hits = [_hit(searcher.stored(k, text), parsed, groups, score, cites, counts, ranged, snippets)
                for k, score in keys]
    return SearchResult(query=parsed.text, parsed=parsed, filters=filters, sort=sort, page=1,
                        page_size=max(len(hits), 1), total=total, hits=hits, facets=[], relaxed=relaxed)
