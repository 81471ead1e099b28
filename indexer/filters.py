"""Filters of a search: checked and cleaned, and made into a query over the exact-match fields."""


from indexer.engines import All, Any, Nothing, Term
from indexer.limits import MAX_FILTER_LENGTH, MAX_FILTER_VALUES, MAX_YEAR, MIN_YEAR, year_of
from indexer.query import parse_ref
from indexer.relations import KINDS
from indexer.store import SearchError

FACETS = ("doc_type", "year", "issuer", "province", "cites")
FILTERS = FACETS + ("kind",)


def cite_keys(filters: dict) -> set[str]:
    """The ref keys the `cites` filter names, in whatever spelling it was given."""
    return {k for k in (parse_ref(v) for v in filters.get("cites", [])) if k}


def filter_query(filters: dict, skip: str | None = None, scope_keys: set[str] = frozenset()):
    """The filters as a query tree; `scope_keys` are refs cited by the scope (for a `kind` filter)."""
    clauses = []
    own, keys = sorted(cite_keys(filters)), sorted(cite_keys(filters) | scope_keys)
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


def both(*queries):
    """The queries that are not None, all required (None when there are none)."""
    present = tuple(q for q in queries if q is not None)
    if not present:
        return None
    return present[0] if len(present) == 1 else All(present)


def _check_value(name: str, value: str) -> None:
    if len(value) > MAX_FILTER_LENGTH:
        raise SearchError(f"giá trị lọc {name} quá dài ({len(value)} ký tự; tối đa {MAX_FILTER_LENGTH})")
    if name == "year" and year_of(value) is None:
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
