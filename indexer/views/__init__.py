"""What the pages show, built once for the web, the API and the CLI: a document with its citations
both ways (`document`), its outline, tasks and most cited parts (`parts`), the documents citing a ref
(`citing`), a cited document's record and the citation graph (`refs`), the tasks across the corpus
(`tasks`). Each has the one `as_dict()` its JSON is. What is taken away: a result
list as CSV or Excel (`tables`), a search's Atom feed (`feed`), with absolute links (`links`).

May import every stage below it but the build: indexer.sources, indexer.vocab, indexer.graph,
indexer.compare, indexer.store, indexer.query, indexer.searching.
"""
