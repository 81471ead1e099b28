"""Corpus -> index: list the files, read, extract and analyse them in worker processes (`workers`,
`parts`, `analysis`), write them to the engine, and derive what needs the whole corpus (`derive`:
the citation graph, citation counts, the accent table), filed with the commit (`index.build_index`).

May import: analyzers, indexer.readers, indexer.sources, indexer.vocab, indexer.extract, indexer.graph,
indexer.compare, indexer.engines, indexer.store and indexer's shared modules; never query, searching or views.
"""
