"""Text -> documents: split a file's text into its documents and read each one's metadata (type,
number, issuer, date, title, signer), its citations of other documents with their relation, and the
passages that show them.

`corpus` reads files through `indexer.readers`, listed and guarded by `indexer.sources` (which also
checks JSON Lines records); `metadata` is the pure `extract(text)`, built from `layouts` (each layout
family's header put in one reading order: HTML, Pandoc and pipe tables, side-by-side columns, scans),
`page_header` (the header a page prints, stamps blanked, or what a scan's readings of it agree on),
`header` and `headings` (number, date, type heading, title), `titles` (a title as a person writes it),
`issuer_block` and `issuers` (the bodies top left, named canonically), `placing` (a body given its place,
the province a document belongs to), `signature`, `furniture`, `places` and `citations`, in the words of
`indexer.vocab` (refs, relations, identity, passages, periods); `scanned` reads a scan's header as the
reader read it apart and what its file says around it (the number in its name), each value with its source;
`changes` reads what a document's clauses change in the texts it cites, in the words of `change_words`; `starts` has
slow patterns tried only where they may begin.

A document's parts: `outline` (its articles and sections with their anchors, read through `outline_text`,
`outline_marks` and `quoted`, what an amendment quotes), `parts` (the parts a citation names), and `tasks`
(what a plan assigns, from `task_lists`, `task_sentences`, `task_bodies`, `task_tables` and `deadlines`);
`structure` puts them together with where the text starts after its header and its furniture, as the build
stores them.

May import: analyzers, indexer.readers, indexer.sources, indexer.vocab, and indexer's shared modules.
"""
