"""A text's validity as its pages show it (a document's page, a cited text's record): the status today
with its evidence, the effect dates, what it changes, what changed it, and one timeline of all of it.

The JSON shapes are a contract (`/api/documents/<id>`, `/api/refs/<ref>`):
`"validity": {"status", "effective", "effective_rule", "expires", "evidence": [{"source", "passage", "date"}]}`,
`"changes": [{"kind", "ref", "target", "parts", "passage"}]`,
`"changed_by": [{"kind", "source", "date", "parts", "passage"}]`, and beside them
`"timeline": [{"date", "event", "source", "label", "parts"}]` (oldest first, undated last).
"""

from dataclasses import dataclass

from indexer.graph.model import Graph
from indexer.labels import CHANGED_BY_LABELS
from indexer.vocab.validity import Status, status_today

EFFECT_RULE_LABELS = {"date": "", "signing": " (kể từ ngày ký)", "after_signing": " (tính từ ngày ký)"}


@dataclass(frozen=True)
class ValidityView:
    """One text's validity: its status today with the evidence, its record, and names for the ids it holds."""

    status: Status
    record: dict
    timeline: tuple[dict, ...]
    names: dict  # node id -> `Nghị định 30/2016/NĐ-CP`, for the sources and targets shown

    @property
    def changed_by_groups(self) -> list[tuple[str, list[dict]]]:
        """The reverse lists: (heading, changes) per kind of change made to it, in CHANGED_BY_LABELS order."""
        changed_by = self.record.get("changed_by") or []
        return [(label, members) for kind, label in CHANGED_BY_LABELS.items()
                if (members := [c for c in changed_by if c["kind"] == kind])]

    def as_dict(self) -> dict:
        record = self.record
        return {"validity": {"status": self.status.status, "effective": record.get("effective"),
                             "effective_rule": record.get("effective_rule"), "expires": record.get("expires"),
                             "evidence": [dict(e) for e in self.status.evidence]},
                "changes": [{k: c[k] for k in ("kind", "ref", "target", "parts", "passage")}
                            for c in record.get("changes") or []],
                "changed_by": [{k: c[k] for k in ("kind", "source", "date", "parts", "passage")}
                               for c in record.get("changed_by") or []],
                "timeline": [dict(t) for t in self.timeline]}


def _name(graph: Graph, node_id: str | None) -> str | None:
    node = graph.nodes.get(node_id) if node_id else None
    return node.label if node else node_id


def timeline(record: dict, issued: str | None, names: dict, own: str) -> tuple[dict, ...]:
    """Issued, takes effect, each change made to it on its day, its own end: oldest first, undated last.

    >>> rec = {"effective": "2025-07-01", "effective_rule": "date", "expires": None,
    ...        "changed_by": [{"kind": "repeals", "source": "b", "date": "2026-01-01", "parts": [], "passage": "q"}]}
    >>> [(t["date"], t["event"]) for t in timeline(rec, "2025-05-10", {"b": "Nghị định 1/2026/NĐ-CP"}, "a")]
    [('2025-05-10', 'issued'), ('2025-07-01', 'effective'), ('2026-01-01', 'repeals')]
    """
    events = []
    if issued:
        events.append({"date": issued, "event": "issued", "source": own, "label": "Ban hành", "parts": []})
    if record.get("effective"):
        rule = EFFECT_RULE_LABELS.get(record.get("effective_rule") or "date", "")
        source = (record.get("effect") or {}).get("source") or own
        events.append({"date": record["effective"], "event": "effective", "source": source,
                       "label": f"Có hiệu lực{rule}", "parts": []})
    for change in record.get("changed_by") or []:
        label = f"{CHANGED_BY_LABELS[change['kind']]} {names.get(change['source']) or change['source']}"
        events.append({"date": change["date"], "event": change["kind"], "source": change["source"], "label": label,
                       "parts": list(change["parts"])})
    if record.get("expires"):
        events.append({"date": record["expires"], "event": "expires", "source": own,
                       "label": "Hết thời hạn văn bản tự đặt ra", "parts": []})
    return tuple(sorted(events, key=lambda e: e["date"] or "9999"))


def validity_view(graph: Graph, records: dict, node_id: str, issued: str | None) -> ValidityView:
    """A text's validity view (a corpus document's id, or a cited text's `ref:` node id)."""
    record = records.get(node_id) or {}
    ids = {c["source"] for c in record.get("changed_by") or []} | {c["target"] for c in record.get("changes") or []}
    ids |= {e["source"] for e in status_today(record).evidence}
    names = {i: _name(graph, i) for i in ids if i}
    return ValidityView(status_today(record), record, timeline(record, issued, names, node_id), names)
