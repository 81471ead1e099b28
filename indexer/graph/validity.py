"""What this corpus says of each text's validity, gathered over the whole corpus at build time: each
document's effect clause and the changes its clauses make, filed both ways (a change goes on the
changing document's `changes` and on the changed text's `changed_by`, whether that text is in the corpus
or only cited), keyed by graph node id. The status on a day is read from it at query time
(indexer.vocab.validity.status_on).
"""

from indexer.graph.model import Graph, ref_key


def _record() -> dict:
    return {"effective": None, "effective_rule": None, "expires": None, "effect": None, "changes": [],
            "changed_by": []}


def _targets(graph: Graph, doc_id: str) -> dict[str, list[str]]:
    """The nodes a document's citations resolved to, by ref key (a key cited with two years: both)."""
    out: dict[str, list[str]] = {}
    for edge in graph.outgoing(doc_id):
        node = graph.nodes[edge.target]
        if edge.stated_by is None and node.ref:
            out.setdefault(ref_key(node.ref), []).append(node.id)
    return out


def _target(graph: Graph, targets: dict, change: dict) -> str | None:
    """The node a change names: the one its citation resolved to (of its year, when the ref was cited with several)."""
    found = targets.get(ref_key(change["ref"]), [])
    if len(found) > 1 and change.get("year"):
        found = [n for n in found if graph.nodes[n].year in (None, change["year"])]
    return found[0] if len(found) == 1 else None


def _own_effect(record: dict, doc_id: str, effect: dict) -> None:
    """A document's own effect clause on its record."""
    if not effect or not (effect.get("rule") or effect.get("expires")):
        return
    record.update(effective=effect.get("effective"), effective_rule=effect.get("rule"), expires=effect.get("expires"),
                  effect={"source": doc_id, "passage": effect.get("passage"), "date": effect.get("effective")})


def derive_validity(links: dict, graph: Graph) -> dict[str, dict]:
    """node id -> its record (indexer.vocab.validity), for every document and every text changed by one."""
    records: dict[str, dict] = {}
    for doc_id in sorted(links):
        meta = links[doc_id]["meta"]
        record = records.setdefault(doc_id, _record())
        _own_effect(record, doc_id, meta.get("effect"))
    for doc_id in sorted(links):
        meta = links[doc_id]["meta"]
        day = records[doc_id]["effective"] or meta.get("date")
        targets = _targets(graph, doc_id) if meta.get("changes") else {}  # most documents change nothing
        for change in meta.get("changes") or []:
            target = _target(graph, targets, change)
            in_corpus = target is not None and graph.nodes[target].in_corpus
            records[doc_id]["changes"].append({"kind": change["kind"], "ref": change["ref"],
                                               "target": target if in_corpus else None,
                                               "parts": list(change["parts"]), "passage": change["passage"]})
            if target is None or target == doc_id:
                continue
            changed = records.setdefault(target, _record())
            when = change.get("on") if change["kind"] != "consolidates" else meta.get("date")
            changed["changed_by"].append({"kind": change["kind"], "source": doc_id, "date": when or day,
                                          "parts": list(change["parts"]), "passage": change["passage"]})
            if change["kind"] == "consolidates" and change.get("on") and not changed["effective"]:
                # a consolidated text's note says when the text it consolidates took effect
                changed.update(effective=change["on"], effective_rule="date",
                               effect={"source": doc_id, "passage": change["passage"], "date": change["on"]})
    for record in records.values():
        record["changed_by"].sort(key=lambda c: (c["date"] or "9999", c["source"]))
    # a text of which the corpus says nothing has no record (its status is `unknown`)
    return {i: r for i, r in records.items() if r["effective"] or r["expires"] or r["changes"] or r["changed_by"]}
