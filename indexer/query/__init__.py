"""What a person asks -> what the engine answers: `checks` (the one validation of every value, for
search() and both surfaces), `parse` (words, phrases, refs), `ranking` (the query tree), `filters`,
`facets`, `highlight` (snippets), `suggest` (the accented query), `results` (what search() returns).

May import: analyzers, indexer.vocab (refs, relations, periods, passages), indexer.engines' query tree and
indexer's shared modules; never the build, the store or the views. search() itself is
indexer.searching.
"""
