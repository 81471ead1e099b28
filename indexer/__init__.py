"""Vietnamese Party and state documents, from files to answers: the one door for webui/ and vanban/ (the command line).

The stages, each importing only those before it:

    errors, limits, paths, labels   what every stage and surface shares
    readers/     bytes -> text, one reader per format
    extract/     text -> documents: metadata, citations, passages
    graph/       the citation graph, and its exports
    compare/     two texts -> shared passages; fingerprints, related documents, near-duplicates
    engines/     whoosh and tantivy behind one small query tree (imports nothing else of ours)
    store        the index folder: which engine, which commit, the values the build derived
    builder/     corpus -> index: workers, analysis, derived values
    query/       what a person asks -> query tree, checks, filters, facets, snippets, results
    searching    search(): orchestration only
    views/       what pages show: a document (its outline, its tasks), the citing list, a cited
                 document's record, a comparison of two documents, a document's related documents,
                 the tasks plans assign; what is taken away: result lists as CSV and Excel, a
                 search's Atom feed

The names below are imported on first use (PEP 562), so `import indexer` stays cheap: `vanban
search` never loads pyvi, Flask or the build; `vanban --help` loads no engine. The TYPE_CHECKING
block says the same for static tools.
"""

from importlib import import_module
from typing import TYPE_CHECKING

# Public name -> the module that defines it (a module itself for `checks`, `labels`, `limits`).
_EXPORTS = {
    "search": "indexer.searching",
    "SearchResult": "indexer.query.results", "relaxed_notice": "indexer.query.results",
    "SearchError": "indexer.errors", "IndexNotFound": "indexer.errors", "Invalid": "indexer.errors",
    "BuildLocked": "indexer.errors", "UnsafePath": "indexer.errors", "UnknownDocument": "indexer.errors",
    "NoOriginal": "indexer.errors", "OutsideCorpus": "indexer.errors", "OriginalChanged": "indexer.errors",
    "open_index": "indexer.store", "index_exists": "indexer.store",
    "FILTERS": "indexer.query.checks", "SORTS": "indexer.query.checks",
    "KINDS": "indexer.vocab.relations", "ENGINES": "indexer.engines",
    "build_index": "indexer.builder.index", "connect_cluster": "indexer.builder.cluster",
    "ClusterError": "indexer.errors", "WHOOSH_MAX_MB": "indexer.builder.choice",
    "BuildProgress": "indexer.builder.progress",
    "get_document": "indexer.views.document", "original_file": "indexer.views.original",
    "citing_documents": "indexer.views.citing",
    "document_outline": "indexer.views.parts", "document_tasks": "indexer.views.parts",
    "find_tasks": "indexer.views.tasks", "tasks_table": "indexer.views.tasks", "TASK_FILTERS": "indexer.views.tasks",
    "search_table": "indexer.views.tables", "citing_table": "indexer.views.tables",
    "citing_list_table": "indexer.views.tables", "search_feed": "indexer.views.feed",
    "document_feed": "indexer.views.feed",
    "compare_documents": "indexer.views.compare", "related_documents": "indexer.views.related",
    "ref_views": "indexer.views.refs", "load_graph": "indexer.views.refs",
    "implementation_chains": "indexer.views.refs",
    "export": "indexer.views.export", "GRAPH_FORMATS": "indexer.views.export", "safe_cell": "indexer.views.export",
    "xml_text": "indexer.views.export",
    "SourceFile": "indexer.sources.files", "Skipped": "indexer.extract.corpus",
    "read_file": "indexer.extract.corpus", "read_files_guarded": "indexer.extract.corpus",
    "list_files": "indexer.sources.files",
    "BUNDLED_CORPUS": "indexer.paths", "default_index_dir": "indexer.paths",
}
_MODULES = {"checks": "indexer.query.checks", "labels": "indexer.labels", "limits": "indexer.limits"}

__all__ = [
    "BUNDLED_CORPUS",
    "ENGINES",
    "FILTERS",
    "GRAPH_FORMATS",
    "KINDS",
    "SORTS",
    "TASK_FILTERS",
    "WHOOSH_MAX_MB",
    "BuildLocked",
    "BuildProgress",
    "ClusterError",
    "IndexNotFound",
    "Invalid",
    "NoOriginal",
    "OriginalChanged",
    "OutsideCorpus",
    "SearchError",
    "SearchResult",
    "Skipped",
    "SourceFile",
    "UnknownDocument",
    "UnsafePath",
    "build_index",
    "checks",
    "citing_documents",
    "citing_list_table",
    "citing_table",
    "compare_documents",
    "connect_cluster",
    "default_index_dir",
    "document_feed",
    "document_outline",
    "document_tasks",
    "export",
    "find_tasks",
    "get_document",
    "implementation_chains",
    "index_exists",
    "labels",
    "limits",
    "list_files",
    "load_graph",
    "open_index",
    "original_file",
    "read_file",
    "read_files_guarded",
    "ref_views",
    "related_documents",
    "relaxed_notice",
    "safe_cell",
    "search",
    "search_feed",
    "search_table",
    "tasks_table",
    "xml_text",
]

if TYPE_CHECKING:
    from indexer import labels, limits
    from indexer.builder.choice import WHOOSH_MAX_MB
    from indexer.builder.cluster import connect_cluster
    from indexer.builder.index import build_index
    from indexer.builder.progress import BuildProgress
    from indexer.engines import ENGINES
    from indexer.errors import (
        BuildLocked,
        ClusterError,
        IndexNotFound,
        Invalid,
        NoOriginal,
        OriginalChanged,
        OutsideCorpus,
        SearchError,
        UnknownDocument,
        UnsafePath,
    )
    from indexer.extract.corpus import Skipped, read_file, read_files_guarded
    from indexer.paths import BUNDLED_CORPUS, default_index_dir
    from indexer.query import checks
    from indexer.query.checks import FILTERS, SORTS
    from indexer.query.results import SearchResult, relaxed_notice
    from indexer.searching import search
    from indexer.sources.files import SourceFile, list_files
    from indexer.store import index_exists, open_index
    from indexer.views.citing import citing_documents
    from indexer.views.compare import compare_documents
    from indexer.views.document import get_document
    from indexer.views.export import GRAPH_FORMATS, export, safe_cell, xml_text
    from indexer.views.feed import document_feed, search_feed
    from indexer.views.original import original_file
    from indexer.views.parts import document_outline, document_tasks
    from indexer.views.refs import implementation_chains, load_graph, ref_views
    from indexer.views.related import related_documents
    from indexer.views.tables import citing_list_table, citing_table, search_table
    from indexer.views.tasks import TASK_FILTERS, find_tasks, tasks_table
    from indexer.vocab.relations import KINDS


def __getattr__(name: str):
    if name in _MODULES:
        value = import_module(_MODULES[name])
    elif name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'indexer' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip __getattr__
    return value
