"""The one search() that the CLI, the web pages and the JSON API all call, on either engine.

Orchestration only. `prepare` says once what is asked (query/request): the values checked
(query/checks), the index opened, the query parsed (query/parse) and read into the corpus's words
(query/lexicon), the filters made one tree (query/filters). The query tree (query/ranking) is then
paged by the strategy the request calls for (query/paging: the engine's order, most cited first,
near-duplicates folded), once more with any word when no document holds them all, and the hits cut
into snippets (query/highlight) beside facet counts (query/facets) and the accent suggestion
(query/suggest).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from indexer.limits import MAX_EXPORT_ROWS
from indexer.query import checks
from indexer.query.collapse import with_near_duplicates, with_other_parts
from indexer.query.facets import count_facets
from indexer.query.filters import both, cite_keys, filter_query, keys_of_ref, with_law_aliases
from indexer.query.highlight import located_snippet, snippet_chars
from indexer.query.lexicon import lexicon_of, query_words
from indexer.query.paging import Paged, Pager, pager_for
from indexer.query.parse import is_accented, parse_query
from indexer.query.ranking import contains_word
from indexer.query.request import SearchRequest
from indexer.query.results import NO_SNIPPET, DocSummary, Hit, SearchResult
from indexer.query.suggest import suggest_accents
from indexer.query.validity import validity_query
from indexer.store import Index, open_index
from indexer.vocab.outline import part_name
from indexer.vocab.passages import passage, unique_passages
from indexer.vocab.relations import strongest
from indexer.vocab.structure import head
from indexer.vocab.validity import status_today

__all__ = ["prepare", "search", "search_all"]

# A hit's text is read from its start as far as a snippet reads after a header of this many characters (most
# headers are shorter; a longer one reads the text whole): for the 150 hits of bench/scale.py's word queries on
# 10,000 gazette-length documents, 0.29 ms a hit where the whole text took 0.49.
HIT_TEXT_CHARS = snippet_chars(5_000)


def prepare(index, query, filters, sort, scope, **options) -> tuple[Index, SearchRequest]:
    """The opened index and what is asked of it: the values checked, the query parsed and read into
    the corpus's words, the filters and the scope made one tree (a law asked for by number or by name,
    both: with_law_aliases). `options`: the request's other fields (offset, limit, collapse, relax,
    snippets); with `collapse`, the index's near-duplicates."""
    query, given, sort, scope = checks.query(query), checks.filters(filters), checks.sort(sort), checks.filters(scope)
    ix = open_index(index)
    law_names = ix.derived("law_names") or {}
    filters, scope = with_law_aliases(given, law_names), with_law_aliases(scope, law_names)
    parsed = parse_query(query)
    with ix.searcher() as searcher:  # (the thread's searcher, which search() then reuses)
        groups, reading = query_words(parsed, lexicon_of(ix, searcher))
    if options.get("collapse"):
        options["near_duplicates"] = ix.derived("near_duplicates") or {}
    options["parts"] = ix.derived("parts") or {}  # a document in parts is one hit, always
    validity = ix.derived("validity") or {}
    tree = both(filter_query(scope), filter_query(filters, scope_keys=cite_keys(scope)),
                validity_query(filters, validity))
    return ix, SearchRequest(parsed, groups, reading, tree, filters, scope, sort, validity=validity,
                             given_filters=given, **options)


@dataclass(frozen=True)
class Matched:
    """What the query matched: the tree that found the page (facets count over it), and whether it
    took any word, not every one."""

    tree: object
    relaxed: bool
    page: Paged


def _matching(searcher, request: SearchRequest, pager: Pager) -> Matched:
    """Every word required, else (none holding them all, and the request may relax) any."""
    tree = request.tree()
    paged = pager.page(searcher, tree, request)
    if paged.total == 0 and request.may_relax:
        tree = request.tree(relaxed=True)
        return Matched(tree, True, pager.page(searcher, tree, request))
    return Matched(tree, request.relaxed_from_start, paged)


def _hit(stored: dict, score: float, request: SearchRequest, counts: dict, whole: Callable[[], str]) -> Hit:
    """A hit: its metadata, the snippet (when wanted), and with a `cites` filter the passages citing the ref.
    `stored` may hold only its text's start (HIT_TEXT_CHARS at least); `whole` reads all of it."""
    meta = json.loads(stored["meta"])
    summary = DocSummary.from_stored(stored, meta)
    parsed, cites = request.parsed, request.cites
    wanted = set(parsed.refs) | cites  # (a document may cite hundreds of refs: none to look at without)
    citations = [c for c in meta["citations"]
                 if wanted and keys_of_ref(c["ref"], c.get("name"), c.get("year")) & wanted]
    text = _text(stored, meta, whole)
    cut, where = _snippet(text, stored, meta, request, [(c["start"], c["end"]) for c in citations],
                          whole if len(text) >= HIT_TEXT_CHARS else None)
    kind = shown = None
    if cites and citations:
        kind = strongest(c["kind"] for c in citations)
        first = next(c for c in citations if c["kind"] == kind)
        shown = passage(text, first["start"], first["end"])
    passages = tuple(passage(text, c["start"], c["end"]) for c in citations) if cites else ()
    in_range_by = ("date" if summary.date else "year") if request.ranged else None
    named = [c for c in citations if cites & keys_of_ref(c["ref"], c.get("name"), c.get("year"))] if cites else []
    cited_parts = tuple(dict.fromkeys(p for c in named for p in c.get("parts") or ()))
    versions = tuple(sorted({_version(c) for c in citations})) if cites else ()
    return Hit(**vars(summary), score=round(score, 4), snippet=cut, passages=unique_passages(passages), kind=kind,
               passage=shown, cited_by_count=counts.get(summary.id, 0), in_range_by=in_range_by,
               status=status_today(request.validity.get(summary.id)).status, cited_versions=versions,
               part_path=tuple(part_name(n) for n in where), part_anchor=where[-1].anchor if where else None,
               cited_parts=cited_parts)


def _version(citation: dict) -> str:
    """The version of a law a citation names: its number, its name and year, or its name alone."""
    named_alone = citation.get("name") and citation["ref"] == citation["name"]
    return f"{citation['ref']} năm {citation['year']}" if named_alone and citation.get("year") else citation["ref"]


def _text(stored: dict, meta: dict, whole: Callable[[], str]) -> str:
    """As much of a hit's text as its snippet reads: the start it was read with, or (a longer header) all."""
    text = stored["text"]
    if len(text) < HIT_TEXT_CHARS:  # all of it
        return text
    return whole() if snippet_chars(max(meta.get("body", 0), head(stored.get("parts")).body)) > len(text) else text


def _snippet(text: str, stored: dict, meta: dict, request: SearchRequest, cited: list[tuple[int, int]],
             rest: Callable[[], str] | None):
    """A hit's snippet, chosen in its text after the header and never in furniture, and the path of the part
    it stands in (the document's outline, as the build stored it). With nothing to look for (browsing), the
    text's first words after its header, in no part. `rest`: the whole text, when `text` may be its start."""
    if not request.snippets:
        return NO_SNIPPET, []
    if not (cited or request.parsed.words or request.parsed.phrases):
        return located_snippet(text, request.parsed, body=meta.get("body", 0))[0], []
    structure = head(stored.get("parts"))
    cut, at = located_snippet(text, request.parsed, cited, request.groups, body=structure.body,
                              furniture=structure.furniture, rest=rest)
    return cut, structure.path_at(at)


def _hits(searcher, request: SearchRequest, paged: Paged, counts: dict) -> list[Hit]:
    """The page's hits, read from the index: their text only when a snippet or a passage needs it, and for a
    snippet alone only its start (a long text is decompressed to its end only when nothing matches there).
    The passages citing a ref read around each citation, wherever it stands: all of it."""
    text = True if request.cites else HIT_TEXT_CHARS if request.needs_text else False
    return [_hit(searcher.stored(key, text), score, request, counts,
                 cache(lambda key=key: searcher.stored(key)["text"])) for key, score in paged.keys]


def _unmatched(searcher, request: SearchRequest, relaxed: bool) -> list[str]:
    """With keywords relaxed: the words no document holds at all."""
    if not relaxed or request.parsed.question:
        return []
    accented = is_accented(request.parsed.words)
    return [" ".join(g) for g in dict.fromkeys(request.groups or []) if searcher.count(contains_word(g, accented)) == 0]


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
    A document indexed in parts is one hit, its best part, the others under it (`other_parts`); totals
    and facets count documents.
    Raises SearchError (IndexNotFound when there is no index, Invalid for a value out of range).
    """
    page, page_size, collapse = checks.page(page), checks.page_size(page_size), checks.collapse(collapse)
    ix, request = prepare(index, query, filters, sort, scope, offset=(page - 1) * page_size, limit=page_size,
                          collapse=collapse)
    counts = ix.derived("counts") or {}
    with ix.searcher() as searcher:
        matched = _matching(searcher, request, pager_for(request, counts))
        total, folding = matched.page.total, matched.page.folding
        hits = with_near_duplicates(_hits(searcher, request, matched.page, counts), folding, searcher)
        hits = with_other_parts(hits, matched.page.parts, searcher)
        # Facets count documents: a document's parts folded under its best one are left out.
        facets = count_facets(searcher, both(matched.tree, matched.page.parts.hidden), request.filters,
                              request.scope, request.validity)
        unmatched = _unmatched(searcher, request, matched.relaxed)
        # Few results for words typed without diacritics: offer the accented query.
        suggestion = None
        if total < page_size and not request.parsed.phrases:
            suggestion = suggest_accents(lexicon_of(ix, searcher), request.parsed)
    return SearchResult(query=request.parsed.text, parsed=request.parsed, filters=request.given, sort=request.sort,
                        page=page, page_size=page_size, total=total, hits=hits, facets=facets, suggestion=suggestion,
                        relaxed=matched.relaxed, unmatched=unmatched, collapse=collapse, folded=len(folding.folded))


def search_all(index, query: str = "", filters: dict | None = None, sort: str = "relevance",
               scope: dict | None = None, limit: int = MAX_EXPORT_ROWS, snippets: bool = False,
               relax: bool = True) -> SearchResult:
    """The first `limit` documents search() would list (all pages, in its order; near-duplicates not
    folded: a file counts every document; a document's parts are one), in one result without facets:
    what a file of the results, or a feed, holds. Snippets only when asked for (a file has no column for
    them); a citing list's passages always. `relax=False`: never fall back to any of the words (a feed
    lists only what holds them all).
    """
    limit = checks.integer(limit, 1, MAX_EXPORT_ROWS, "Số văn bản")
    ix, request = prepare(index, query, filters, sort, scope, limit=limit, relax=relax, snippets=snippets)
    counts = ix.derived("counts") or {}
    with ix.searcher() as searcher:
        matched = _matching(searcher, request, pager_for(request, counts))
        hits = with_other_parts(_hits(searcher, request, matched.page, counts), matched.page.parts, searcher)
    return SearchResult(query=request.parsed.text, parsed=request.parsed, filters=request.given, sort=request.sort,
                        page=1, page_size=max(len(hits), 1), total=matched.page.total, hits=hits, facets=[],
                        relaxed=matched.relaxed)
