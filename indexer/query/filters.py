"""Filters of a search (checked by `indexer.query.checks`) as a query over the exact-match fields."""

from functools import lru_cache

from indexer.engines import All, Any, Nothing, Range, Term
from indexer.query.parse import parse_ref
from indexer.vocab.periods import period
from indexer.vocab.refs import ref_keys

VALIDITY_FILTERS = ("status", "in_force_on")  # made from the build's validity table (query/validity)

# A document is in a date range when the days its date may be lie inside it: its day, or (known only
# by its year) its year from the latest date it cites on. So the range 2019 holds every document of
# 2019, and May 2019 only those dated in May.
DATE_RANGES = {"date_from": lambda value: Range("date_low", period(value)[0], None),
               "date_to": lambda value: Range("date_high", None, period(value)[1])}


@lru_cache(maxsize=1 << 15)
def keys_of_ref(ref: str, name: str | None = None, year: int | None = None) -> frozenset[str]:
    """Every key a cited ref is found by (kept: facets and hits ask for the same refs again and again)."""
    return frozenset(ref_keys(ref, name, year))


def with_law_aliases(filters: dict, law_names: dict) -> dict:
    """The filters with each law asked for by number also asked for by its name and year, and each law
    asked for by name also by its numbers (`law_names`, derived: a law's number -> [its name, its year]),
    so its citers are listed whichever way they cite it.

    >>> table = {"58/2014/QH13": ["Luật Bảo hiểm xã hội", 2014], "41/2024/QH15": ["Luật Bảo hiểm xã hội", 2024]}
    >>> with_law_aliases({"cites": ["58/2014/QH13"]}, table)["cites"]
    ['58/2014/QH13', 'Luật Bảo hiểm xã hội 2014']
    >>> with_law_aliases({"cites": ["luat bao hiem xa hoi"]}, table)["cites"]
    ['luat bao hiem xa hoi', '41/2024/QH15', '58/2014/QH13']
    """
    if not filters.get("cites") or not law_names:
        return filters
    asked = set(cite_keys(filters))
    extra = []
    for number, (name, year) in sorted(law_names.items()):
        number_keys, name_keys = keys_of_ref(number), keys_of_ref(name, None, year)
        if asked & number_keys:
            extra.append(f"{name} {year}")
        elif asked & name_keys:
            extra.append(number)
    return {**filters, "cites": list(dict.fromkeys([*filters["cites"], *extra]))}


def cite_keys(filters: dict) -> set[str]:
    """The ref keys the `cites` filter names, in whatever spelling it was given."""
    return {k for k in (parse_ref(v) for v in filters.get("cites", [])) if k}


def filter_query(filters: dict, skip: str | tuple | None = None, scope_keys: set[str] = frozenset()):
    """The filters as a query tree, without those named in `skip` (one name or several); `scope_keys`
    are refs cited by the scope (for a `kind` filter)."""
    clauses = []
    skipped = {skip} if isinstance(skip, str) else set(skip or ())
    own, keys = sorted(cite_keys(filters)), sorted(cite_keys(filters) | scope_keys)
    for name, values in sorted(filters.items()):
        if name in skipped or not values or name in VALIDITY_FILTERS:  # (query/validity: sets of ids)
            continue
        if name in DATE_RANGES:
            clauses.append(DATE_RANGES[name](values[0]))
        elif name == "cites":
            clauses.append(Any(tuple(Term("cites", k) for k in own)) if own else Nothing())
        elif name == "kind":
            if keys and ("cites" not in skipped or scope_keys):  # the strongest relation with the cited document
                clauses.append(Any(tuple(Term("cites_kind", f"{k}>{kind}") for k in keys for kind in values)))
        elif name == "part":
            if keys and ("cites" not in skipped or scope_keys):  # a part of the cited document, or one inside it
                clauses.append(Any(tuple(Term("cites_part", f"{k}>{part}") for k in keys for part in values)))
        else:
            clauses.append(Any(tuple(Term(name, str(v)) for v in values)))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else All(tuple(clauses))


def both(*queries):
    """The queries that are not None, all required (None when there are none)."""
    present = tuple(q for q in queries if q is not None)
    if not present:
        return None
    return present[0] if len(present) == 1 else All(present)
