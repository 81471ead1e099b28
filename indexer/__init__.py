"""Corpus reading, metadata and citation extraction, the whoosh index, and the one search()."""
