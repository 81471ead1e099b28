"""A corpus as files: list what a corpus folder holds (`files`: each file to read, or skipped with the
reason, never opened when it is not ours to read), run work on each within bounded time and memory in
guarded worker processes (`guard`), and check a JSON Lines export's records field by field (`jsonl`).

The stage between the readers and extraction: it knows files and records, not what documents say.

May import: indexer.readers, and indexer's shared modules (errors, limits).
"""
