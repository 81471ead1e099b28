"""Compare texts: what two documents share word for word, what one edited, what is its own; the
fingerprints that let the build find, across the whole corpus, documents that share text or topic.

Pure and engine-free, between the citation graph and the build: imports analyzers, vocab and graph
only, so the build (fingerprints, related documents, near-duplicates at build time) and the views
(the compare page) both use it.

    words        the tokens texts are compared by: normalized words and punctuation, with offsets
    align        two texts -> shared spans, each `same` or `edited`, and each text's shared share
    fingerprint  one text -> a sample of its hashed 8-word runs and its topic words (made per document)
    related      every document's fingerprints and links -> related documents and near-duplicates
"""
