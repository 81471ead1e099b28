"""What is derived from the whole corpus at build time, and filed with the commit it was made for
(the store reads it back; nothing at query time makes it again):

- `links`: each document's links (metadata, citations with passages, its fingerprint), kept so an
  update rebuilds the graph and the relations without reading every stored text again;
- `graph`: the citation graph;
- `counts`: document id -> how many corpus documents cite it (what a hit shows, the `cited` sort);
- `accents`: folded syllable -> its accented forms, most frequent first (the accent suggestion);
- `related`, `near_duplicates`, `shares`: each document's related documents with their reasons, its
  near-duplicates (folded in results), and the text shares along citations (indexer.compare.related).
- `words`: the words a query's syllables may form: pyvi's dictionary (with and without diacritics),
  and each word pyvi made in the corpus, folded, with the documents holding it.
"""

import json

from analyzers.dictionary import dictionary_words
from analyzers.normalize import fold
from indexer.builder.analysis import text_views
from indexer.compare.fingerprint import fingerprint
from indexer.compare.related import relate
from indexer.engines import Every
from indexer.graph.links import document_links
from indexer.graph.model import Graph, build_graph

CANDIDATES = 4  # accented forms kept per folded syllable
DERIVED_NAMES = ("links", "graph", "counts", "accents", "words", "related", "near_duplicates", "shares")


def links_from_index(engine) -> dict:
    """Every document's links, from its stored text (when no earlier build left them)."""
    links = {}
    with engine.searcher() as searcher:
        page = searcher.search(Every(), limit=max(1, searcher.doc_count()))
        for key, _ in page.hits:
            stored = searcher.stored(key)
            words = text_views(stored["text"])["words"].terms
            links[stored["id"]] = {**document_links(stored["id"], stored["source"], stored["text"],
                                                    json.loads(stored["meta"])),
                                   "fingerprint": fingerprint(stored["text"], words)}
    return links


# A citation's values repeat across a corpus (1,000 gazette-length documents: 82,000 citations, 2,700
# distinct values besides their passages), and so do its passages (the legal bases every plan quotes):
# held once each, the links of an archive take less memory, and their pickle less room (it keeps a value
# shared by several citations once).
SHARED_CITATION_VALUES = ("ref", "doc_type", "date", "issuer", "subject", "kind", "implements", "passage",
                          "stated_passage")


def shared_values(links: dict, held: dict) -> dict:
    """A document's links with the values of its citations (SHARED_CITATION_VALUES) held once in `held`.

    >>> held = {}
    >>> a = shared_values({"meta": {"citations": [{"ref": "35-NQ/" + "TW"}]}}, held)
    >>> b = shared_values({"meta": {"citations": [{"ref": "35-NQ/TW"}]}}, held)
    >>> a["meta"]["citations"][0]["ref"] is b["meta"]["citations"][0]["ref"]
    True
    """
    for citation in links["meta"]["citations"]:
        for key in SHARED_CITATION_VALUES:
            value = citation.get(key)
            if isinstance(value, str):
                citation[key] = held.setdefault(value, value)
    return links


def accent_table(searcher) -> dict:
    """folded syllable -> [(accented syllable, document frequency)], most frequent first."""
    table: dict[str, list] = {}
    for word, frequency in searcher.terms("text"):
        if word.isalpha() and not word.isascii():
            table.setdefault(fold(word), []).append((word, frequency))
        elif word.isalpha():
            table.setdefault(word, []).append((word, frequency))
    return {k: sorted(v, key=lambda wf: -wf[1])[:CANDIDATES] for k, v in table.items()}


def word_table(searcher) -> dict:
    """pyvi's dictionary words (`chuyển_đổi`), the same folded, and folded word -> documents in which
    pyvi made it (its accented forms together): the query's words, without loading pyvi."""
    corpus: dict[str, int] = {}
    for word, frequency in searcher.terms("words"):
        key = fold(word)
        corpus[key] = corpus.get(key, 0) + frequency
    dictionary = dictionary_words()
    return {"dictionary": dictionary, "dictionary_folded": frozenset(map(fold, dictionary)), "folded": corpus}


def cited_counts(graph: Graph) -> dict[str, int]:
    """Corpus document id -> how many corpus documents cite it (only those cited at all)."""
    return {node.id: len(node.cited_by) for node in graph.nodes.values() if node.in_corpus and node.cited_by}


def derive_all(engine, links: dict) -> dict:
    """Every derived value of the engine's latest commit, by name (DERIVED_NAMES)."""
    graph = build_graph([links[k] for k in sorted(links)])
    with engine.searcher() as searcher:
        accents, words = accent_table(searcher), word_table(searcher)
    relations = relate(links, graph)
    return {"links": links, "graph": graph, "counts": cited_counts(graph), "accents": accents, "words": words,
            "related": relations.related, "near_duplicates": relations.near_duplicates, "shares": relations.shares}
