"""What is derived from the whole corpus at build time, and filed with the commit it was made for.

- `records`: each document's graph record (metadata, citations with passages), kept so an update
  rebuilds the graph without reading every stored text again;
- `graph`: the citation graph;
- `counts`: document id -> how many corpus documents cite it (what a hit shows, the `cited` sort);
- `accents`: folded syllable -> its accented forms, most frequent first (the accent suggestion).
"""

import json

from analyzers.normalize import fold
from indexer.analysis import graph_record
from indexer.engines import Every
from indexer.graph import build_graph

CANDIDATES = 4  # accented forms kept per folded syllable


def records_from_index(engine) -> dict:
    """Every document's graph record, from its stored text (when no build left them)."""
    records = {}
    with engine.searcher() as searcher:
        page = searcher.search(Every(), limit=max(1, searcher.doc_count()))
        for key, _ in page.hits:
            stored = searcher.stored(key)
            records[stored["id"]] = graph_record(stored["id"], stored["source"], stored["text"],
                                                 json.loads(stored["meta"]))
    return records


def accent_table(searcher) -> dict:
    """folded syllable -> [(accented syllable, document frequency)], most frequent first."""
    table: dict[str, list] = {}
    for word, frequency in searcher.terms("text"):
        if word.isalpha() and not word.isascii():
            table.setdefault(fold(word), []).append((word, frequency))
        elif word.isalpha():
            table.setdefault(word, []).append((word, frequency))
    return {k: sorted(v, key=lambda wf: -wf[1])[:CANDIDATES] for k, v in table.items()}


def cited_counts(graph) -> dict[str, int]:
    return {node.id: len(node.cited_by) for node in graph.nodes.values() if node.in_corpus and node.cited_by}


def derive_all(engine, records: dict) -> dict:
    """Every derived value of the engine's latest commit."""
    graph = build_graph([records[k] for k in sorted(records)])
    with engine.searcher() as searcher:
        accents = accent_table(searcher)
    return {"records": records, "graph": graph, "counts": cited_counts(graph), "accents": accents}


def derived_value(index, name: str):
    """A derived value of an opened index: from disk, or made again when a build was cut short."""
    def build(ix):
        if name == "accents":
            with ix.searcher() as searcher:
                return accent_table(searcher)
        graph = build_graph([r for _, r in sorted(records_from_index(ix.engine).items())])
        return graph if name == "graph" else cited_counts(graph)

    return index.derived(name, build)
