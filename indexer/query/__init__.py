"""What a person asks -> what the engine answers: `checks` (the one validation of every value, for
search() and both surfaces), `parse` (words, phrases, refs), `lexicon` (the query's words, from the
index's word tables), `request` (what one search asks, said once), `ranking` (the query tree),
`filters`, `paging` (which hits make a page: the order, near-duplicates folded by `collapse`), `facets`,
`highlight` (snippets), `suggest` (the accented query), `results` (what search() returns).

May import: analyzers, indexer.vocab (refs, relations, periods, passages), indexer.engines' query tree and
indexer's shared modules; never the build, the store or the views. search() itself is
indexer.searching.
"""
