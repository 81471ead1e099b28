"""Corpus reading, metadata and citation extraction, the engines' index, and the one search().

The web UI and the CLI use only the names below. They are imported on first use (PEP 562), so
`import indexer` stays cheap: `vanban extract` never loads whoosh, `vanban search` never loads
the corpus readers.
"""

from importlib import import_module

# Public name -> the module that defines it.
_EXPORTS = {
    "search": "searching", "SearchError": "searching", "IndexNotFound": "searching", "SearchResult": "searching",
    "open_index": "searching", "relaxed_notice": "searching", "index_exists": "searching", "hit_dict": "searching",
    "FILTERS": "searching", "SORTS": "searching",
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
