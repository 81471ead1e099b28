"""The one search() that the CLI, the web pages and the JSON API all call."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.query import And, AndMaybe, Every, NullQuery, Or, Phrase, Term

from analyzers.normalize import fold
from analyzers.tokens import words as pyvi_words
from indexer.highlight import make_snippet, match_spans, passage, unique_passages
from indexer.records import DocSummary, Snippet
from indexer.suggest import suggest_accents
from indexer.graph import load_graph
from indexer.query import ParsedQuery, exact_form, is_accented, parse_query, parse_ref
from indexer.refs import ref_keys
from indexer.relations import KINDS, strongest

FACETS = ("doc_type", "year", "issuer", "province", "cites")
FILTERS = FACETS + ("kind",)
SORTS = ("relevance", "date", "date_asc", "cited")
# The index field each facet counts; `cites` counts the canonical refs the results cite.
FACET_FIELDS = {"doc_type": "doc_type", "year": "year", "issuer": "issuer", "province": "province",
                "cites": "cited_refs"}
MAX_PAGE_SIZE = 100
MAX_FACET_VALUES = 30  # the `cites` facet lists the most cited refs of the results

# Ranking weights, tuned on the ALQAC benchmark (bench/ranking.py), never per question.
EXACT_BOOST = 2.0       # a syllable with the typed diacritics
FOLDED_BOOST = 1.0      # the same syllable without them
TITLE_BOOST = 1.5
WORD_BOOST = 1.0        # a pyvi compound word of the query
ALL_WORDS_BOOST = 1.0   # coordination: every word of the query is present
NEAR_BOOST = 1.5        # the words within a few positions of each other
NEAR_SLOP = 4
KEYWORD_QUERY_MAX = 8   # longer queries are questions: all-words and near clauses rarely match
PAIR_BOOST = 1.0        # two neighbouring query words next to each other in the text
PAIR_SLOP = 1           # whoosh's slop 1: the two words adjacent


class SearchError(Exception):
    """A search that cannot run: no index, or an argument out of range. The message says why."""


class IndexNotFound(SearchError):
    """There is no index in the folder asked for."""


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

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def as_dict(self) -> dict:
        """The JSON shape the CLI (`--json`) and the API share."""
        return {
            "query": self.query, "total": self.total, "page": self.page, "page_size": self.page_size,
            "sort": self.sort, "filters": self.filters, "warnings": self.warnings, "suggestion": self.suggestion,
            "hits": [hit_dict(h) for h in self.hits],
            "facets": {f.name: [{"value": v.value, "count": v.count, "selected": v.selected}
                                for v in f.results] for f in self.facets},
        }


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


def index_exists(index_dir: str | Path) -> bool:
    """True when the folder holds an index."""
    return whoosh_index.exists_in(str(index_dir))


def open_index(index_dir: str | Path):
    """Open the index in a folder, or say clearly that there is none."""
    index_dir = Path(index_dir)
    if not index_exists(index_dir):
        raise IndexNotFound(f"no index in {index_dir}: build one with `vanban index`")
    return whoosh_index.open_dir(str(index_dir))


def _word_clause(word: str, accented_query: bool):
    exact, folded = exact_form(word), fold(word)
    exact_boost = EXACT_BOOST if accented_query else FOLDED_BOOST * 0.25
    return Or([Term("text", exact, boost=exact_boost), Term("folded", folded, boost=FOLDED_BOOST),
               Term("title", exact, boost=TITLE_BOOST * exact_boost / EXACT_BOOST),
               Term("title_folded", folded, boost=TITLE_BOOST * 0.5)])


def _phrase_clause(phrase: list[str]):
    if is_accented(phrase):
        return Phrase("text", [exact_form(w) for w in phrase])
    return Phrase("folded", [fold(w) for w in phrase])


def _ref_clause(key: str):
    return Or([Term("number_keys", key, boost=3.0), Term("cites", key)])


def _words_query(words: list[str]):
    """Free words: any may match; all of them, close together, in pyvi's words, rank higher."""
    accented = is_accented(words)
    clauses = [_word_clause(w, accented) for w in words]
    if len(clauses) == 1:
        return clauses[0]
    field, form = ("text", exact_form) if accented else ("folded", fold)
    terms = [form(w) for w in words]
    extras = []
    if len(words) <= KEYWORD_QUERY_MAX:  # keywords, not a question: all of them, near, first
        extras += [And(clauses, boost=ALL_WORDS_BOOST), Phrase(field, terms, slop=NEAR_SLOP, boost=NEAR_BOOST)]
    pairs = dict.fromkeys(zip(terms, terms[1:]))
    extras += [Phrase(field, list(pair), slop=PAIR_SLOP, boost=PAIR_BOOST) for pair in pairs]
    if accented:
        compounds = {s.text.lower() for s in pyvi_words(" ".join(words))}
        extras += [Term("words", exact_form(c), boost=WORD_BOOST) for c in sorted(compounds)]
    return Or(clauses + extras)


def build_query(parsed: ParsedQuery):
    """The whoosh query: phrases and refs are required, free words rank (none is required)."""
    required = [_phrase_clause(p) for p in parsed.phrases] + [_ref_clause(k) for k in parsed.refs]
    optional = _words_query(parsed.words) if parsed.words else None
    if not required:
        return optional or Every()
    must = required[0] if len(required) == 1 else And(required)
    return AndMaybe(must, optional) if optional else must


def _cite_keys(filters: dict) -> set[str]:
    """The ref keys the `cites` filter names, in whatever spelling it was given."""
    return {k for k in (parse_ref(v) for v in filters.get("cites", [])) if k}


def _filter_query(filters: dict, skip: str | None = None, scope_keys: set[str] = frozenset()):
    """The filters as a whoosh query; `scope_keys` are refs cited by the scope (for a `kind` filter)."""
    clauses = []
    keys = sorted(_cite_keys(filters) | scope_keys)
    for name, values in filters.items():
        if name == skip or not values:
            continue
        if name == "cites":
            clauses.append(Or([Term("cites", k) for k in keys]) if keys else NullQuery)
        elif name == "kind":
            if keys and (skip != "cites" or scope_keys):  # the strongest relation with the cited document
                clauses.append(Or([Term("cites_kind", f"{k}>{kind}") for k in keys for kind in values]))
        else:
            clauses.append(Or([Term(name, str(v)) for v in values]))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else And(clauses)


def clean_filters(filters: dict | None) -> tuple[dict, list[str]]:
    """Keep known filters with non-empty values, as lists of strings; warn about the rest."""
    cleaned, warnings = {}, []
    for name, values in (filters or {}).items():
        if values is None or values == "" or values == []:
            continue
        values = [values] if isinstance(values, (str, int)) else list(values)
        values = [str(v).strip() for v in values if str(v).strip()]
        if name not in FILTERS:
            warnings.append(f"unknown filter {name!r} ignored")
        elif name == "kind" and not set(values) <= set(KINDS):
            warnings.append(f"unknown kind {', '.join(sorted(set(values) - set(KINDS)))}: use {', '.join(KINDS)}")
            cleaned[name] = [v for v in values if v in KINDS]
        elif name == "cites" and not all(parse_ref(v) for v in values):
            bad = [v for v in values if not parse_ref(v)]
            warnings.append(f"not a document reference: {', '.join(bad)}")
            cleaned[name] = values
        elif values:
            cleaned[name] = values
    return cleaned, warnings


def _grouped(name: str):
    return sorting.FieldFacet(FACET_FIELDS[name], allow_overlap=name == "cites")


def _and(*queries):
    """The queries that are not None, all required (None when there are none)."""
    present = [q for q in queries if q is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else And(present)


def _facets(searcher, query, filters: dict, scope: dict, main_groups: dict) -> list[Facet]:
    """Counts per facet; a facet's own selection does not hide its other values (the scope always holds)."""
    facets = []
    for name in FACETS:
        if filters.get(name):
            results = searcher.search(query, filter=_and(_filter_query(scope), _filter_query(filters, skip=name, scope_keys=_cite_keys(scope))),
                                      limit=1, scored=False,
                                      groupedby={name: _grouped(name)}, maptype=sorting.Count)
            groups = results.groups(name)
        else:
            groups = main_groups.get(name, {})
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
        named = {r for r in refs if r and key in ref_keys(r)}  # None: results citing nothing
        out |= named or {value}
    return out


def _kind_facet(searcher, query, filters: dict, scope: dict) -> Facet:
    """How many of the citing documents implement, are based on, are guided by, or mention the ref."""
    keys = _cite_keys(filters) | _cite_keys(scope)
    results = searcher.search(query, filter=_and(_filter_query(scope, skip="kind"), _filter_query(filters, skip="kind", scope_keys=_cite_keys(scope))),
                              limit=1, scored=False,
                              groupedby={"kind": sorting.FieldFacet("cites_kind", allow_overlap=True)},
                              maptype=sorting.Count)
    counts = {kind: 0 for kind in KINDS}
    for value, count in results.groups("kind").items():
        key, _, kind = (value or "").partition(">")
        if key in keys:
            counts[kind] += count  # a document citing two of the chosen refs counts under each
    chosen = set(filters.get("kind", []))
    return Facet("kind", tuple(FacetValue(k, counts[k], k in chosen) for k in KINDS if counts[k] or k in chosen))


def _hit(stored, parsed: ParsedQuery, score: float, cites: set[str], graph) -> Hit:
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
    node = graph.nodes.get(summary.id)
    return Hit(**vars(summary), score=round(score, 4), snippet=snippet, passages=unique_passages(passages), kind=kind,
               passage=shown, cited_by_count=len(node.cited_by) if node else 0)


def _sorting(searcher, sort: str, parsed: ParsedQuery, graph):
    """None for relevance; browsing (no query) lists the newest first; `cited`: most cited first."""
    if sort == "cited":
        counts = {searcher.document_number(id=doc_id): len(node.cited_by)
                  for doc_id, node in graph.nodes.items() if node.in_corpus and node.cited_by}
        by_cited = sorting.FunctionFacet(lambda s, docnum: counts.get(docnum, 0))
        return [by_cited, sorting.FieldFacet("sort_date")]
    return None if sort == "relevance" and not parsed.empty else "sort_date"


def search(index, query: str = "", filters: dict | None = None, page: int = 1, page_size: int = 10,
           sort: str = "relevance", scope: dict | None = None) -> SearchResult:
    """Search the index: ranked hits with snippets, the total, and facet counts.

    `index` is an index folder or an opened index; `filters` maps doc_type, year, issuer,
    province and cites to a value or a list of values (several values of one filter: any).
    `scope` takes the same keys: it always holds and is not offered as a facet choice (the
    cites page's ref), so the facets count only the results in scope.
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    if page < 1:
        raise SearchError("page must be 1 or more")
    if sort not in SORTS:
        raise SearchError(f"sort must be one of {', '.join(SORTS)}")
    ix = open_index(index) if isinstance(index, (str, Path)) else index
    parsed = parse_query(query)
    filters, warnings = clean_filters(filters)
    scope, scope_warnings = clean_filters(scope)
    warnings += scope_warnings
    wq = build_query(parsed)
    graph = load_graph(ix)
    with ix.searcher() as searcher:
        sortedby = _sorting(searcher, sort, parsed, graph)
        results = searcher.search(
            wq, filter=_and(_filter_query(scope), _filter_query(filters, scope_keys=_cite_keys(scope))), limit=page * page_size, sortedby=sortedby,
            reverse=bool(sortedby) and sort != "date_asc",
            groupedby={name: _grouped(name) for name in FACETS}, maptype=sorting.Count)
        main_groups = {name: results.groups(name) for name in FACETS}
        start = (page - 1) * page_size
        cites = _cite_keys(filters) | _cite_keys(scope)
        hits = [_hit(results[i], parsed, results.score(i) if not sortedby else 0.0, cites, graph)
                for i in range(start, min(len(results), start + page_size))]
        facets = _facets(searcher, wq, filters, scope, main_groups)
        total = len(results)
        # Few results for words typed without diacritics: offer the accented query.
        suggestion = suggest_accents(ix, searcher, parsed) if total < page_size and not parsed.phrases else None
    return SearchResult(query=parsed.text, parsed=parsed, filters=filters, sort=sort, page=page,
                        page_size=page_size, total=total, hits=hits, facets=facets, warnings=warnings,
                        suggestion=suggestion)
