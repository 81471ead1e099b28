"""Where a document comes from: a body printed with its level only (`Ủy ban nhân dân tỉnh`) given its place,
the province a document belongs to (never a central body's), and the places its text names."""

import re

from analyzers.normalize import canonical_tones
from indexer.extract.issuer_block import completed
from indexer.extract.issuers import Body, is_central_body
from indexer.extract.places import find_district, find_province
from indexer.vocab.identity import is_central_ref

# The recipients list at a document's foot (`Nơi nhận:`): the bodies it goes to, not where it comes from.
RECIPIENTS = re.compile(r"^[ \t*]*Nơi nhận\s*:", re.M)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def locate(org: str, province: str | None, district: str | None) -> str:
    """Add the place to an issuer that names only its level: `Ban Thường vụ Tỉnh ủy` + Hải Dương."""
    org = _clean(org)
    lowered = org.lower()
    if lowered.endswith(("huyện", "huyện ủy")) and district:
        return f"{org} {district}"
    if lowered.endswith(("tỉnh", "tỉnh ủy")) and province:
        return f"{org} {province}"
    return org


def _located(body: Body | None, places) -> Body | None:
    """A printed name that ends at its level (`Văn phòng Ủy ban nhân dân tỉnh`) with its place added."""
    if body is None or not body.name.lower().endswith(("tỉnh", "huyện")):
        return body
    return Body(locate(body.name, *places()), body.authority)


def named_whole(printed: Body, parent: str | None, number: str | None, places) -> tuple[Body, str | None]:
    """A body printed top left, and its parent, named whole: a cut central name completed by its number's
    code, a name that ends at its level given its place."""
    parent_body = _located(Body(parent), places) if parent else None
    return _located(completed(printed, number), places), parent_body.name if parent_body else None


def is_local(issuer: Body | None, parent: str | None, number: str | None) -> bool:
    """Whether a province belongs to the document: never for a central body or a central number."""
    if issuer is not None:
        joint = "," in issuer.name and "tỉnh" not in issuer.name  # central co-issuers
        return not (is_central_body(issuer.name) or is_central_body(parent) or joint)
    return not (number and is_central_ref(number))


def document_province(issuer: Body | None, parent: str | None, places) -> str | None:
    """The province the issuer's name (or its parent's) names; else the one the text names most."""
    named = [find_province(canonical_tones(n)) for n in (issuer.name if issuer else None, parent) if n]
    return next((p for p in named if p), None) or places()[0]


def text_places(view: str, context: str) -> tuple[str | None, str | None]:
    # The recipients list names other bodies: it says nothing of where the document comes from.
    recipients = RECIPIENTS.search(view)
    toned = canonical_tones(view[:recipients.start()] if recipients else view)
    province = find_province(toned) or (find_province(canonical_tones(context)) if context else None)
    return province, find_district(toned)
