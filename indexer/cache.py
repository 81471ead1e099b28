"""Values computed from a whole index (the citation graph, the accent table), kept per commit."""

from functools import wraps

MAX_ENTRIES = 4


def per_index_generation(build):
    """Cache build(ix) by the index folder and its latest commit: a new commit builds afresh.

    Keyed on the folder, not the Index object, so a web app that opens the index on every
    request still reuses the value.
    """
    cache: dict = {}

    @wraps(build)
    def cached(ix):
        key = (str(getattr(ix.storage, "folder", id(ix))), ix.latest_generation())
        value = cache.get(key)
        if value is None:
            value = build(ix)
            while len(cache) >= MAX_ENTRIES:
                cache.pop(next(iter(cache)))
            cache[key] = value
        return value

    return cached
