"""The citation graph: each document's links (`links`), the graph of the whole corpus made from
them (`model`). Its exports as JSON, CSV and GraphML are a view (`indexer.views.export`).

May import: analyzers, indexer.vocab, and indexer's shared modules. The build makes the graph;
the store reads it back; nothing here reads an index.
"""
