"""The one search() that the CLI, the web pages and the JSON API all call, on either engine."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.normalize import fold
from indexer.engines import All, Any, Every, Nothing, Phrase, Rank, Term, Without
from indexer.highlight import make_snippet, match_spans, passage, unique_passages
from indexer.limits import (MAX_FILTER_LENGTH, MAX_FILTER_VALUES, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH,
                            MAX_YEAR, MIN_YEAR)
from indexer.query import KEYWORD_QUERY_MAX, ParsedQuery, exact_form, is_accented, parse_query, parse_ref
from indexer.records import DocSummary, Snippet
from indexer.refs import ref_keys
from indexer.relations import KINDS, strongest
from indexer.store import IndexNotFound, SearchError, index_exists, open_index
from indexer.suggest import suggest_accents

FACETS = ("doc_type", "year", "issuer", "province", "cites")
FILTERS = FACETS + ("kind",)
SORTS = ("relevance", "date", "date_asc", "cited")
# The index field each facet counts; `cites` counts the canonical refs the results cite.
FACET_FIELDS = {"doc_type": "doc_type", "year": "year", "issuer": "issuer", "province": "province",
                "cites": "cited_refs"}
MAX_FACET_VALUES = 30  # the `cites` facet lists the most cited refs of the results

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
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    """Counts of one facet over the results; one shape for templates, JSON and the CLI."""

    name: str
    results: tuple[FacetValue, ...]


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

def _cite_keys(filters: dict) -> set[str]:
    """The ref keys the `cites` filter names, in whatever spelling it was given."""
    return {k for k in (parse_ref(v) for v in filters.get("cites", [])) if k}


def _filter_query(filters: dict, skip: str | None = None, scope_keys: set[str] = frozenset()):
    """The filters as a query tree; `scope_keys` are refs cited by the scope (for a `kind` filter)."""
    clauses = []
    own, keys = sorted(_cite_keys(filters)), sorted(_cite_keys(filters) | scope_keys)
    for name, values in sorted(filters.items()):
        if name == skip or not values:
            continue
        if name == "cites":
            clauses.append(Any(tuple(Term("cites", k) for k in own)) if own else Nothing())
        elif name == "kind":
            if keys and (skip != "cites" or scope_keys):  # the strongest relation with the cited document
                clauses.append(Any(tuple(Term("cites_kind", f"{k}>{kind}") for k in keys for kind in values)))
        else:
            clauses.append(Any(tuple(Term(name, str(v)) for v in values)))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else All(tuple(clauses))


def _and(*queries):
    """The queries that are not None, all required (None when there are none)."""
    present = tuple(q for q in queries if q is not None)
    if not present:
        return None
    return present[0] if len(present) == 1 else All(present)


def _check_value(name: str, value: str) -> None:
    if len(value) > MAX_FILTER_LENGTH:
        raise SearchError(f"giá trị lọc {name} quá dài ({len(value)} ký tự; tối đa {MAX_FILTER_LENGTH})")
    if name == "year" and not (re.fullmatch(r"\d{4}", value) and MIN_YEAR <= int(value) <= MAX_YEAR):
        raise SearchError(f"năm không hợp lệ: {value[:20]!r} (cần một năm từ {MIN_YEAR} đến {MAX_YEAR})")


def clean_filters(filters: dict | None) -> tuple[dict, list[str]]:
    """Known filters with non-empty values, as lists of strings; warn about the rest, refuse bad values."""
    cleaned, warnings = {}, []
    for name, values in (filters or {}).items():
        if values is None or values == "" or values == []:
            continue
        values = [values] if isinstance(values, (str, int)) else list(values)
        values = list(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
        if name not in FILTERS:
            warnings.append(f"bộ lọc không rõ {str(name)[:30]!r} đã bị bỏ qua")
            continue
        if len(values) > MAX_FILTER_VALUES:
            raise SearchError(f"quá nhiều giá trị cho {name} ({len(values)}; tối đa {MAX_FILTER_VALUES})")
        for value in values:
            _check_value(name, value)
        if name == "kind" and not set(values) <= set(KINDS):
            warnings.append(f"loại quan hệ không rõ {', '.join(sorted(set(values) - set(KINDS)))}: "
                            f"dùng {', '.join(KINDS)}")
            values = [v for v in values if v in KINDS]
        elif name == "cites" and not all(parse_ref(v) for v in values):
            warnings.append(f"không phải số, ký hiệu văn bản: {', '.join(v for v in values if not parse_ref(v))}")
        if values:
            cleaned[name] = values
    return cleaned, warnings


# ---- facets ----

def _facets(searcher, query, filters: dict, scope: dict) -> list[Facet]:
    """Counts per facet over the results; a facet's own selection does not hide its other values."""
    keys = _cite_keys(scope)
    facets = []
    for name in FACETS:
        skip = name if filters.get(name) else None
        groups = searcher.group_counts(query, _and(_filter_query(scope), _filter_query(filters, skip, keys)),
                                       FACET_FIELDS[name])
        chosen = set(filters.get(name, []))
        if name == "cites":  # a ref may be chosen in any spelling: mark its canonical value
            chosen = _canonical_choices(chosen, groups)
        values = [FacetValue(v, n, v in chosen) for v, n in groups.items() if v]
        values += [FacetValue(v, 0, True) for v in chosen if v not in groups]
        values.sort(key=lambda fv: (-fv.count, fv.value) if name != "year" else (-int(fv.value or 0), 0))
        facets.append(Facet(name, tuple(values[:MAX_FACET_VALUES] if name == "cites" else values)))
    if filters.get("cites") or scope.get("cites"):
        facets.append(_kind_facet(searcher, query, filters, scope))
    return facets


def _canonical_choices(chosen: set[str], refs) -> set[str]:
    """Chosen refs in any spelling (`nghi quyet 35`) as the canonical values they name (`35-NQ/TW`)."""
    out = set()
    for value in chosen:
        key = parse_ref(value)
        named = {r for r in refs if r and key in ref_keys(r)}
        out |= named or {value}
    return out


def _kind_facet(searcher, query, filters: dict, scope: dict) -> Facet:
    """How many of the citing documents implement, are based on, are guided by, or mention the ref."""
    keys = _cite_keys(filters) | _cite_keys(scope)
    groups = searcher.group_counts(query, _and(_filter_query(scope, "kind"),
                                               _filter_query(filters, "kind", _cite_keys(scope))), "cites_kind")
    counts = {kind: 0 for kind in KINDS}
    for value, count in groups.items():
        key, _, kind = (value or "").partition(">")
        if key in keys and kind in counts:
            counts[kind] += count  # a document citing two of the chosen refs counts under each
    chosen = set(filters.get("kind", []))
    return Facet("kind", tuple(FacetValue(k, counts[k], k in chosen) for k in KINDS if counts[k] or k in chosen))


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
    top = searcher.search(query, _and(filter_, cited), limit=len(counts), sort="date")
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
    filter_ = _and(_filter_query(scope), _filter_query(filters, scope_keys=_cite_keys(scope)))
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
        cites = _cite_keys(filters) | _cite_keys(scope)
        hits = [_hit(searcher.stored(k), parsed, score, cites, counts_of()) for k, score in keys]
        facets = _facets(searcher, tree, filters, scope)
        unmatched = [w for w in parsed.words if relaxed and not parsed.question and searcher.count(_contains(w)) == 0]
        # Few results for words typed without diacritics: offer the accented query.
        suggestion = suggest_accents(ix, searcher, parsed) if total < page_size and not parsed.phrases else None
    return SearchResult(query=parsed.text, parsed=parsed, filters=filters, sort=sort, page=page,
                        page_size=page_size, total=total, hits=hits, facets=facets,
                        warnings=warnings + scope_warnings, suggestion=suggestion, relaxed=relaxed,
                        unmatched=unmatched)
