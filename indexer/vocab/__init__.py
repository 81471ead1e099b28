"""The vocabulary every stage after reading shares: document types and number-symbols and their keys
(`refs`), what a citation does (`relations`), the days a date names (`periods`), the passages a page
shows (`passages`), when a citation and a document are the same document (`identity`), a document's parts
and how a citation names one (`outline`), and what the build keeps of a document's structure (`structure`).

Words, not a stage: extraction writes them, the graph links by them, search filters and shows them.

May import: analyzers, and indexer's shared modules (errors, limits).
"""
