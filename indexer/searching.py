"""The one search() that the CLI, the web pages and the JSON API all call, on either engine."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.normalize import fold
from indexer.engines import All, Any, Every, Phrase, Rank, Term, Without
from indexer.facets import Facet, FacetValue, count_facets
from indexer.filters import FACETS, FILTERS, both, cite_keys, clean_filters, filter_query
from indexer.highlight import make_snippet, match_spans, passage, unique_passages
from indexer.limits import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH
from indexer.query import KEYWORD_QUERY_MAX, ParsedQuery, exact_form, is_accented, parse_query
from indexer.records import DocSummary, Snippet
from indexer.refs import ref_keys
from indexer.relations import strongest
from indexer.store import IndexNotFound, SearchError, index_exists, open_index
from indexer.suggest import suggest_accents

SORTS = ("relevance", "date", "date_asc", "cited")

# Ranking weights, tuned on the ALQAC benchmark (bench/ranking.py), never per question.
EXACT_BOOST = 2.0       # a syllable with the typed diacritics
FOLDED_BOOST = 1.0      # the same syllable without them
TITLE_BOOST = 1.5
WORD_BOOST = 1.0        # a pyvi compound word of the query
ALL_WORDS_BOOST = 1.0   # coordination: every word of the query is present
NEAR_BOOST = 1.5        # the words within a few positions of each other
NEAR_SLOP = 3           # other words allowed between neighbouring query words
PAIR_BOOST = 1.0        # two neighbouring query words next to each other in the text

__all__ = ["FACETS", "FILTERS", "SORTS", "Facet", "FacetValue", "Hit", "IndexNotFound", "SearchError",
           "SearchResult", "hit_dict", "index_exists", "open_index", "search"]


@dataclass(frozen=True)
class Hit(DocSummary):
    """A document in a result: its metadata, score, snippet, and (for citation searches) passages."""

    score: float = 0.0
    snippet: Snippet = Snippet("", (), 0)
    passages: tuple[Snippet, ...] = ()
    kind: str | None = None        # with a `cites` filter: the strongest relation to that document
    passage: Snippet | None = None  # and the passage that shows it
    cited_by_count: int = 0         # corpus documents citing this one


@dataclass
class SearchResult:
    query: str
    parsed: ParsedQuery
    filters: dict
    sort: str
    page: int
    page_size: int
    total: int
    hits: list[Hit]
    facets: list[Facet]
    warnings: list[str] = field(default_factory=list)
    suggestion: str | None = None
    relaxed: bool = False                                  # no document holds every word: any word
    unmatched: list[str] = field(default_factory=list)     # then, the words found in no document at all

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def as_dict(self) -> dict:
        """The JSON shape the CLI (`--json`) and the API share."""
        return {
            "query": self.query, "total": self.total, "page": self.page, "page_size": self.page_size,
            "sort": self.sort, "filters": self.filters, "warnings": self.warnings, "suggestion": self.suggestion,
            "relaxed": self.relaxed, "unmatched": self.unmatched,
            "hits": [hit_dict(h) for h in self.hits],
            "facets": {f.name: [{"value": v.value, "count": v.count, "selected": v.selected}
                                for v in f.results] for f in self.facets},
        }


def relaxed_notice(result: SearchResult) -> str | None:
    """What every surface says when no document holds every word and the results hold some of them."""
    if not result.relaxed:
        return None
    if result.parsed.question:
        return "Câu hỏi được tìm theo từng từ: văn bản chứa nhiều từ của câu hỏi hơn được xếp trước."
    missing = f"; không văn bản nào có: {', '.join(result.unmatched)}" if result.unmatched else ""
    return (f"Không có văn bản nào chứa đủ mọi từ của “{result.query}”{missing}. "
            "Đang hiện các văn bản chứa một phần các từ.")


def hit_dict(hit: Hit) -> dict:
    """One hit as JSON: metadata, score, snippet text and its highlighted spans, passages."""
    out = hit.as_dict()
    out.update(score=hit.score, snippet=hit.snippet.text, highlights=[list(s) for s in hit.snippet.highlights])
    out["cited_by_count"] = hit.cited_by_count
    if hit.passages:
        out["passages"] = [p.as_dict() for p in hit.passages]
    if hit.kind:
        out["kind"] = hit.kind
        out["passage"] = hit.passage.text if hit.passage else None
    return out


# ---- the query tree ----

def _word_clause(word: str, accented_query: bool):
    """A word in any view: with the typed diacritics (ranked first), folded, or in the title."""
    exact, folded = exact_form(word), fold(word)
    exact_boost = EXACT_BOOST if accented_query else FOLDED_BOOST * 0.25
    return Any((Term("text", exact, exact_boost), Term("folded", folded, FOLDED_BOOST),
                Term("title", exact, TITLE_BOOST * exact_boost / EXACT_BOOST),
                Term("title_folded", folded, TITLE_BOOST * 0.5)))


def _contains(word: str):
    """The document holds the word: as typed when it has diacritics, else in any accented form."""
    if is_accented([word]):
        return Any((Term("text", exact_form(word)), Term("title", exact_form(word))))
    return Any((Term("folded", fold(word)), Term("title_folded", fold(word))))


def _phrase_clause(phrase: list[str]):
    if is_accented(phrase):
        return Phrase("text", tuple(exact_form(w) for w in phrase))
    return Phrase("folded", tuple(fold(w) for w in phrase))


def _ref_clause(key: str):
    return Any((Term("number_keys", key, 3.0), Term("cites", key)))


def _ranking(words: list[str]):
    """What ranks documents for free words: the words, all of them, near each other, pyvi's words."""
    accented = is_accented(words)
    clauses = tuple(_word_clause(w, accented) for w in words)
    if len(clauses) == 1:
        return clauses[0]
    field_name, form = ("text", exact_form) if accented else ("folded", fold)
    terms = tuple(form(w) for w in words)
    extras = []
    if len(words) <= KEYWORD_QUERY_MAX:  # keywords, not a question: all of them, near, first
        extras += [All(clauses, ALL_WORDS_BOOST), Phrase(field_name, terms, NEAR_SLOP, NEAR_BOOST)]
    extras += [Phrase(field_name, pair, 0, PAIR_BOOST) for pair in dict.fromkeys(zip(terms, terms[1:]))]
    if accented:  # every run of 2-3 neighbouring words may be one of pyvi's words in the text
        compounds = {"_".join(terms[i:i + n]) for n in (2, 3) for i in range(len(terms) - n + 1)}
        extras += [Term("words", c, WORD_BOOST) for c in sorted(compounds)]
    return Any(clauses + tuple(extras))


def build_query(parsed: ParsedQuery, relaxed: bool = False):
    """Phrases and refs are required; so is every free word, unless `relaxed` (then any word)."""
    required = [_phrase_clause(p) for p in parsed.phrases] + [_ref_clause(k) for k in parsed.refs]
    ranking = _ranking(parsed.words) if parsed.words else None
    if ranking is not None and not relaxed and not parsed.question and len(parsed.words) > 1:
        required += [_contains(w) for w in dict.fromkeys(parsed.words)]
    if not required:
        return ranking or Every()
    must = required[0] if len(required) == 1 else All(tuple(required))
    return Rank(must, ranking) if ranking is not None else must


# ---- filters ----

# ---- hits ----

def _hit(stored: dict, parsed: ParsedQuery, score: float, cites: set[str], counts: dict) -> Hit:
    summary = DocSummary.from_stored(stored)
    text = stored["text"]
    wanted = set(parsed.refs) | cites
    citations = [c for c in json.loads(stored["meta"])["citations"] if set(ref_keys(c["ref"])) & wanted]
    snippet = make_snippet(text, match_spans(text, parsed, [(c["start"], c["end"]) for c in citations]))
    kind = shown = None
    if cites and citations:
        kind = strongest(c["kind"] for c in citations)
        first = next(c for c in citations if c["kind"] == kind)
        shown = passage(text, first["start"], first["end"])
    passages = tuple(passage(text, c["start"], c["end"]) for c in citations) if cites else ()
    return Hit(**vars(summary), score=round(score, 4), snippet=snippet, passages=unique_passages(passages), kind=kind,
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


def _page(searcher, query, filter_, sort: str, parsed: ParsedQuery, page: int, page_size: int, counts_of):
    """(total, [(key, score)]) of one page, in the order asked for."""
    offset = (page - 1) * page_size
    if sort == "cited":
        return _most_cited_first(searcher, query, filter_, offset, page_size, counts_of())
    by_date = sort in ("date", "date_asc") or parsed.empty  # browsing lists the newest first
    found = searcher.search(query, filter_, limit=page_size, offset=offset,
                            sort=("date_asc" if sort == "date_asc" else "date") if by_date else None)
    return found.total, found.hits


def _check(query: str, page: int, page_size: int, sort: str) -> None:
    if not isinstance(page_size, int) or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchError(f"page_size phải từ 1 đến {MAX_PAGE_SIZE}")
    if not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise SearchError(f"page phải từ 1 đến {MAX_PAGE}")
    if sort not in SORTS:
        raise SearchError(f"sort phải là một trong {', '.join(SORTS)}")
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        raise SearchError(f"câu truy vấn quá dài (tối đa {MAX_QUERY_LENGTH} ký tự)")


def search(index, query: str = "", filters: dict | None = None, page: int = 1, page_size: int = 10,
           sort: str = "relevance", scope: dict | None = None) -> SearchResult:
    """Search the index: ranked hits with snippets, the total, and facet counts.

    `index` is an index folder or an opened index; `filters` maps doc_type, year, issuer,
    province and cites to a value or a list of values (several values of one filter: any).
    `scope` takes the same keys: it always holds and is not offered as a facet choice (the
    cites page's ref), so the facets count only the results in scope. Every document returned
    holds every word of the query; when none does, any word will do and `relaxed` says so. A
    question (a `?`, or more than KEYWORD_QUERY_MAX words) takes any word from the start.
    Raises SearchError (IndexNotFound when there is no index) for what it cannot answer.
    """
    _check(query or "", page, page_size, sort)
    ix = open_index(index) if isinstance(index, (str, Path)) else index
    parsed = parse_query(query)
    filters, warnings = clean_filters(filters)
    scope, scope_warnings = clean_filters(scope)
    filter_ = both(filter_query(scope), filter_query(filters, scope_keys=cite_keys(scope)))
    counts = {}

    def counts_of():
        if "value" not in counts:
            from indexer.derive import derived_value
            counts["value"] = derived_value(ix, "counts")
        return counts["value"]

    with ix.searcher() as searcher:
        tree, relaxed = build_query(parsed), parsed.question and len(parsed.words) > 1
        total, keys = _page(searcher, tree, filter_, sort, parsed, page, page_size, counts_of)
        if total == 0 and len(parsed.words) > 1 and not parsed.question:
            tree, relaxed = build_query(parsed, relaxed=True), True
            total, keys = _page(searcher, tree, filter_, sort, parsed, page, page_size, counts_of)
        cites = cite_keys(filters) | cite_keys(scope)
        hits = [_hit(searcher.stored(k), parsed, score, cites, counts_of()) for k, score in keys]
        facets = count_facets(searcher, tree, filters, scope)
        unmatched = [w for w in parsed.words if relaxed and not parsed.question and searcher.count(_contains(w)) == 0]
        # Few results for words typed without diacritics: offer the accented query.
        suggestion = suggest_accents(ix, searcher, parsed) if total < page_size and not parsed.phrases else None
    return SearchResult(query=parsed.text, parsed=parsed, filters=filters, sort=sort, page=page,
                        page_size=page_size, total=total, hits=hits, facets=facets,
                        warnings=warnings + scope_warnings, suggestion=suggestion, relaxed=relaxed,
                        unmatched=unmatched)
