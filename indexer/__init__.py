"""Corpus reading, metadata and citation extraction, the engines' index, and the one search().

The web UI and the CLI use only the names below. They are imported on first use (PEP 562), so
`import indexer` stays cheap: `vanban extract` never loads whoosh, `vanban search` never loads
the corpus readers.
"""

import sys
from importlib import import_module
from types import ModuleType

# Public name -> the module that defines it.
_EXPORTS = {
    "search": "search", "SearchError": "search", "IndexNotFound": "search", "SearchResult": "search",
    "open_index": "search", "relaxed_notice": "search", "index_exists": "search", "hit_dict": "search", "FILTERS": "search",
    "SORTS": "search",
    "build_index": "build", "BuildReport": "build", "BuildLocked": "build", "ENGINES": "build",
    "WHOOSH_ADVISED_MAX": "build",
    "BuildProgress": "progress",
    "get_document": "documents", "ref_record": "documents", "original_file": "documents",
    "load_graph": "graph", "LEVELS": "graph",
    "export": "graph_export", "FORMATS": "graph_export",
    "citing_documents": "citing", "CitingList": "citing", "ref_records": "citing", "RefRecord": "citing",
    "parse_ref": "query",
    "KINDS": "relations",
    "SourceFile": "corpus", "Skipped": "corpus", "read_file": "corpus", "list_files": "corpus",
    "BUNDLED_CORPUS": "paths", "default_index_dir": "paths",
}

__all__ = sorted([*_EXPORTS, "limits"])


def __getattr__(name: str):
    if name == "limits":
        return import_module("indexer.limits")
    if name not in _EXPORTS:
        raise AttributeError(f"module 'indexer' has no attribute {name!r}")
    value = getattr(import_module(f"indexer.{_EXPORTS[name]}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


class _Package(ModuleType):
    """Keeps `indexer.search` the function: importing the submodule of that name would rebind it."""

    def __setattr__(self, name, value):
        if name == "search" and isinstance(value, ModuleType):
            value = value.search
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
