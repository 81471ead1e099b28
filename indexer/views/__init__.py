"""What the pages show, built once for the web, the API and the CLI: a document with its citations
both ways (`document`), the documents citing a ref (`citing`), a cited document's record and the
citation graph (`refs`). Each has the one `as_dict()` its JSON is. What is taken away: a result
list as CSV or Excel (`tables`), a search's Atom feed (`feed`), with absolute links (`links`).

May import every stage below it but the build: indexer.sources, indexer.vocab, indexer.graph,
indexer.compare, indexer.store, indexer.query, indexer.searching.
"""
