"""What is derived from the whole corpus at build time, and filed with the commit it was made for
(the store reads it back; nothing at query time makes it again):

- `links`: each document's links (metadata, citations with passages, its fingerprint), kept so an
  update rebuilds the graph and the relations without reading every stored text again;
- `graph`: the citation graph;
- `counts`: document id -> how many corpus documents cite it (what a hit shows, the `cited` sort);
- `accents`: folded syllable -> its accented forms, most frequent first (the accent suggestion);
- `related`, `near_duplicates`, `shares`: each document's related documents with their reasons, its
  near-duplicates (folded in results), and the text shares along citations (indexer.compare.related).
- `law_names`: a law's number -> its name and year, for the laws some document cites with both
  (`58/2014/QH13` -> `Luật Bảo hiểm xã hội`, 2014), so that the citers of a number include those naming
  the version, and the citers of a name those numbering it (indexer.query.filters.with_law_aliases);
- `parts`: the documents indexed in parts (builder/parts: `id`, `id~2`, ...): each part's id -> the ids of
  its document's other parts, so a result shows one document once (query/paging's `Parts`);
- `validity`: node id (a document, or a text only cited) -> what the corpus says of its validity: its effect
  clause, the changes it makes and those made to it (indexer.graph.validity; the status on a day is read
  from it at query time, so a repeal filed here changes a document whose own file did not change);
- `words`: the words a query's syllables may form: pyvi's dictionary (with and without diacritics),
  and each word pyvi made in the corpus, folded, with the documents holding it;
- `tasks`: the index of tasks: document id -> (lead, first day, last day) of each task it assigns, in its
  order (what `/api/tasks` filters and counts; each task's words stay with its document's structure);
- `cited_parts`: corpus document id -> [(part, how many corpus documents cite it)], most cited first, a
  part counted for the parts inside it too (`Điều 5` for `Điều 5 khoản 2`, as the `part` filter finds them).

Why a table of tasks made here, not an engine field or a search: a task is no document, so the engines'
counts and pages cannot be its own; the table is small (three values a task: 4,019 tasks in gazette_dev
and local_dev's 320 texts), filtered and counted in Python in a few milliseconds, and the search filters
of the plans holding the tasks are the search's own (views/tasks runs search's query on the documents
in this table and keeps the tasks of those it finds).
"""

import json
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from analyzers.dictionary import dictionary_words
from analyzers.normalize import fold
from indexer.builder.analysis import task_rows, text_views
from indexer.builder.parts import PART_MARK
from indexer.compare.fingerprint import fingerprint
from indexer.compare.related import relate, run_matrices_of
from indexer.engines import Every
from indexer.graph.links import Citation, Citations, citation_of, document_links
from indexer.graph.model import Graph, build_graph
from indexer.graph.validity import derive_validity
from indexer.vocab.outline import part_prefixes
from indexer.vocab.refs import name_ref, ref_key, year_of_symbol
from indexer.vocab.structure import unpack

CANDIDATES = 4  # accented forms kept per folded syllable
DERIVED_NAMES = ("links", "graph", "counts", "accents", "words", "related", "near_duplicates", "shares", "law_names",
                 "parts", "validity", "tasks", "cited_parts")


def links_from_index(engine) -> dict:
    """Every document's links, from its stored text (when no earlier build left them)."""
    links = {}
    with engine.searcher() as searcher:
        page = searcher.search(Every(), limit=max(1, searcher.doc_count()))
        for key, _ in page.hits:
            stored = searcher.stored(key, structure=True)
            words = text_views(stored["text"])["words"].terms
            links[stored["id"]] = {**document_links(stored["id"], stored["source"], stored["text"],
                                                    json.loads(stored["meta"])),
                                   "fingerprint": fingerprint(stored["text"], words),
                                   "tasks": task_rows(unpack(stored.get("parts"), stored.get("structure")))}
    return links


# A citation's values repeat across a corpus (10,000 gazette-length documents: 934,000 citations, 140,000
# distinct values besides their passages), and so do its passages (the legal bases every plan quotes) and a
# fingerprint's topic words: held once each, the links of an archive take less memory, and their pickle less
# room (it keeps a value shared by several citations once).


def shared_values(links: dict, held: dict) -> dict:
    """A document's links with its citations' values and its topic words held once in `held`; citations of an
    index made before they were tuples made tuples (graph.links.Citation).

    >>> held = {}
    >>> a = shared_values({"meta": {"citations": [{"ref": "35-NQ/" + "TW"}]}}, held)
    >>> b = shared_values({"meta": {"citations": [{"ref": "35-NQ/TW"}]}}, held)
    >>> a["meta"]["citations"][0].ref is b["meta"]["citations"][0].ref
    True
    """
    meta = links["meta"]
    meta["citations"] = Citations(Citation._make([v if v is None else held.setdefault(v, v) for v in c])
                                  for c in map(_citation, meta["citations"]))
    printed = links.get("fingerprint")
    if printed is not None:
        links["fingerprint"] = replace(printed, topics=tuple(held.setdefault(t, t) for t in printed.topics))
    return links


def _citation(c) -> Citation:
    return c if isinstance(c, Citation) else citation_of(c)


def links_read_back(links: dict | None) -> dict | None:
    """The links an earlier build filed, as this one holds them: their citations tuples, their values held once
    (shared_values; their pickle kept them so, but an older build filed citations as dicts)."""
    if links and any(isinstance(c, dict) for doc in links.values() for c in doc["meta"]["citations"][:1]):
        held: dict = {}
        for doc_links in links.values():
            shared_values(doc_links, held)
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


def law_names(links: dict) -> dict[str, list]:
    """A law's number -> [its name, its year], from the citations of it that print both (`Luật Bảo hiểm
    xã hội số 58/2014/QH13`); the name most of them print when they differ."""
    seen: dict[str, Counter] = {}
    for doc in links.values():
        for c in doc["meta"]["citations"]:
            if c.name and c.year and not name_ref(c.ref):
                seen.setdefault(c.ref, Counter())[(c.name, year_of_symbol(c.ref) or c.year)] += 1
    return {ref: list(names.most_common(1)[0][0]) for ref, names in sorted(seen.items())}


def document_parts(ids) -> dict[str, tuple[str, ...]]:
    """Each part of a document indexed in parts -> its document's other parts, in order.

    >>> document_parts(["a#0", "a#0~2", "a#0~3", "b#x~2"])  # `b#x~2` is a record's own id: no `b#x` beside it
    {'a#0': ('a#0~2', 'a#0~3'), 'a#0~2': ('a#0', 'a#0~3'), 'a#0~3': ('a#0', 'a#0~2')}
    """
    ids = set(ids)
    documents: dict[str, list[str]] = {}
    for doc_id in ids:
        base, mark, n = doc_id.rpartition(PART_MARK)
        if mark and n.isdigit() and base in ids:
            documents.setdefault(base, [base]).append(doc_id)
    ordered = [sorted(parts, key=lambda p: int(p.rpartition(PART_MARK)[2]) if p != parts[0] else 1)
               for parts in documents.values()]
    return {p: tuple(o for o in parts if o != p) for parts in sorted(ordered) for p in parts}


def cited_counts(graph: Graph) -> dict[str, int]:
    """Corpus document id -> how many corpus documents cite it (only those cited at all)."""
    return {node.id: len(node.cited_by) for node in graph.nodes.values() if node.in_corpus and node.cited_by}


def task_table(links: dict) -> dict[str, tuple]:
    """Document id -> its tasks' (lead, first day, last day), for the documents that assign any."""
    return {doc_id: tuple(map(tuple, record["tasks"])) for doc_id, record in links.items() if record.get("tasks")}


def cited_parts(graph: Graph, links: dict) -> dict[str, list[tuple[str, int]]]:
    """Corpus document id -> the parts of it the corpus cites, with how many documents cite each (and the
    parts inside it), most cited first."""
    citing: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for edge in graph.edges:
        target = graph.nodes[edge.target]
        if edge.stated_by or not target.in_corpus or not target.ref or edge.source not in links:
            continue
        key = ref_key(target.ref)
        for c in links[edge.source]["meta"]["citations"]:
            if c.parts and ref_key(c.ref) == key:
                for part in {p for named in c.parts for p in part_prefixes(named)}:
                    citing[edge.target][part].add(edge.source)
    return {doc_id: sorted(((part, len(sources)) for part, sources in parts.items()), key=lambda pc: (-pc[1], pc[0]))
            for doc_id, parts in citing.items()}


def derive_all(engine, links: dict) -> dict:
    """Every derived value of the engine's latest commit, by name (DERIVED_NAMES). The run matrices of
    related documents are made in a thread beside the graph (numpy sorts without the GIL: 2 s of 10,000
    documents' 16 s of relate)."""
    with ThreadPoolExecutor(1) as pool:
        runs = pool.submit(run_matrices_of, links)
        graph = build_graph([links[k] for k in sorted(links)])
        with engine.searcher() as searcher:
            accents, words = accent_table(searcher), word_table(searcher)
        relations = relate(links, graph, runs.result())
    return {"links": links, "graph": graph, "counts": cited_counts(graph), "accents": accents, "words": words,
            "related": relations.related, "near_duplicates": relations.near_duplicates, "shares": relations.shares,
            "law_names": law_names(links), "parts": document_parts(links), "validity": derive_validity(links, graph),
            "tasks": task_table(links), "cited_parts": cited_parts(graph, links)}
