"""What one search asks, said once: the query as parsed and read into the corpus's words, the filters as
checked and as one query tree, the order, the window of hits, and what to do beyond matching (fold
near-duplicates, fall back to any word, cut snippets).

indexer.searching makes one per call of search() or search_all() (`prepare`: the values checked, the
index opened, the query parsed) and hands it whole to the pager that picks the page's hits
(query/paging) and to what makes each hit.
"""

from dataclasses import dataclass, field

from indexer.query.checks import DATE_FILTERS
from indexer.query.filters import cite_keys
from indexer.query.parse import ParsedQuery
from indexer.query.ranking import build_query


@dataclass(frozen=True)
class SearchRequest:
    """One search, as asked: everything the engine is asked is made from it."""

    parsed: ParsedQuery
    groups: list[tuple[str, ...]] | None  # the free words grouped into the corpus's words (query/lexicon)
    reading: list[str] | None             # keywords typed without diacritics, read as the corpus holds them
    filter: object                        # the filters and the scope as one query tree (None: everything)
    filters: dict[str, list[str]]         # as checked: offered as facet choices
    scope: dict[str, list[str]]           # as checked: always holds (the cites page's ref)
    sort: str = "relevance"               # one of checks.SORTS
    offset: int = 0                       # the first hit wanted, in that order
    limit: int = 10                       # how many
    collapse: bool = False                # fold each near-duplicate under a hit ranked above it
    near_duplicates: dict = field(default_factory=dict)  # with `collapse`: id -> its near-duplicates' ids
    parts: dict = field(default_factory=dict)  # a part of a document indexed in parts -> its other parts' ids
    relax: bool = True                    # when no document holds every word, take any word
    snippets: bool = True                 # cut a snippet for each hit
    validity: dict = field(default_factory=dict)  # the build's validity records: each hit's status, the filters
    given_filters: dict[str, list[str]] | None = None  # as the person gave them (`filters` adds the other
    #                                                    ways of naming a law they ask for)

    def tree(self, relaxed: bool = False):
        """The query tree: every word required, or (`relaxed`) any word (query/ranking)."""
        return build_query(self.parsed, relaxed=relaxed, groups=self.groups, reading=self.reading)

    @property
    def given(self) -> dict[str, list[str]]:
        """The filters as the person gave them: what a result shows back."""
        return self.filters if self.given_filters is None else self.given_filters

    @property
    def relaxed_from_start(self) -> bool:
        """A question of several words takes any of them from the start."""
        return self.parsed.question and len(self.parsed.words) > 1

    @property
    def may_relax(self) -> bool:
        """Keywords of several words may fall back to any of them when no document holds them all."""
        return self.relax and len(self.parsed.words) > 1 and not self.parsed.question

    @property
    def cites(self) -> set[str]:
        """The ref keys the `cites` filter and scope name: each hit shows the passages citing them."""
        return cite_keys(self.filters) | cite_keys(self.scope)

    @property
    def ranged(self) -> bool:
        """A date range holds: each hit says whether its day or only its year put it in."""
        return any(given.get(name) for given in (self.filters, self.scope) for name in DATE_FILTERS)

    @property
    def needs_text(self) -> bool:
        """A hit needs its text for a snippet, or for the passages citing a ref (a file of metadata does not)."""
        return self.snippets or bool(self.cites)
