"""Text -> documents: split a file's text into its documents and read each one's metadata (type,
number, issuer, date, title, signer), its citations of other documents with their relation, and the
passages that show them.

`corpus` reads files through `indexer.readers` (and JSON Lines records through `jsonl`); `metadata`
is the pure `extract(text)`, built from `header`, `issuers`, `signature`, `furniture`, `places`,
`citations` (with `relations`, `refs`, `identity`) and `passages`. `periods` says which days a
document's date, or a bound of a date range, names.

May import: analyzers, indexer.readers, and indexer's shared modules (errors, limits).
"""
