"""Whether a document is in force on a day, from what this corpus says of it: its own effect clause, and
the texts here that amend, replace, repeal or consolidate it. Every stage shares these words: the build
files each document's facts (indexer.graph.validity), search filters and counts by status, the pages
show it.

A record (what the build files per document or cited text):
`{"effective", "effective_rule", "expires", "effect": {"source", "passage", "date"} | None,
  "changes": [{"kind", "ref", "target", "parts", "passage"}], "changed_by": [{"kind", "source", "date",
  "parts", "passage"}]}`. The status is read from it for a day (`status_on`), so a text not yet in force
today is in force tomorrow without a rebuild.

A false "hết hiệu lực" is worse than "không rõ": a whole repeal counts only from a known day (or today,
when the repealing text is here and dated nowhere), and nothing else ever makes a text repealed but its
own end passing.
"""

import datetime
from dataclasses import dataclass

from indexer.labels import STATUS_LABELS

STATUSES = ("in_force", "not_yet", "partly_repealed", "repealed", "unknown")
# The statuses under which a text applies on a day (`in_force_on`).
APPLIES = ("in_force", "partly_repealed")
WHOLE = ("repeals", "replaces")
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))  # a document's day is a day in Vietnam


def today() -> str:
    """Today in Vietnam, ISO."""
    return datetime.datetime.now(VIETNAM).date().isoformat()


@dataclass(frozen=True)
class Status:
    """A status on a day, with the evidence for it: which document, which passage, which day."""

    status: str
    evidence: tuple[dict, ...] = ()

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


UNKNOWN = Status("unknown")


def _evidence(item: dict) -> dict:
    return {"source": item.get("source"), "passage": item.get("passage"), "date": item.get("date")}


def status_on(record: dict | None, day: str, is_today: bool = False) -> Status:
    """The status of a text on `day` (ISO), from its record; `is_today`: a repeal dated nowhere counts.

    >>> rec = {"effective": "2025-07-01", "expires": None,
    ...        "effect": {"source": "a", "passage": "p", "date": "2025-07-01"},
    ...        "changed_by": [{"kind": "repeals", "source": "b", "date": "2026-01-01", "parts": [], "passage": "q"}]}
    >>> [status_on(rec, d).status for d in ("2025-06-30", "2025-07-01", "2026-01-01")]
    ['not_yet', 'in_force', 'repealed']
    >>> status_on(None, "2026-01-01").status
    'unknown'
    """
    if not record:
        return UNKNOWN
    changed_by = record.get("changed_by") or []
    whole = [c for c in changed_by if c["kind"] in WHOLE]
    ended = sorted((c for c in whole if c.get("date") and c["date"] <= day), key=lambda c: c["date"])
    ended += [c for c in whole if not c.get("date")] if is_today else []
    if ended:
        return Status("repealed", tuple(_evidence(c) for c in ended))
    if any(not c.get("date") for c in whole):
        return UNKNOWN  # repealed on a day the corpus does not say: before or after this one, unsure
    effect = record.get("effect")
    if record.get("expires") and record["expires"] < day:
        return Status("repealed", (_evidence({**(effect or {}), "date": record["expires"]}),))
    effective = record.get("effective")
    if effective and day < effective:
        return Status("not_yet", (_evidence(effect or {}),))
    parts = [c for c in changed_by if c["kind"] == "repeals_part" and c.get("date") and c["date"] <= day]
    if parts:
        return Status("partly_repealed", tuple(_evidence(c) for c in parts))
    if effective:
        return Status("in_force", (_evidence(effect or {}),))
    return UNKNOWN


def status_today(record: dict | None) -> Status:
    return status_on(record, today(), is_today=True)


def ids_by_status(records: dict, day: str, is_today: bool = False) -> dict[str, set]:
    """The ids of the records under each status on a day (unknown: only those with a record)."""
    out: dict[str, set] = {s: set() for s in STATUSES}
    for node_id, record in records.items():
        out[status_on(record, day, is_today).status].add(node_id)
    return out
