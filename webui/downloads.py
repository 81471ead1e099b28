"""The cites list as a file: CSV (one row per citing document) or JSON (the /api/cites shape)."""

import csv
import io
import json
import re
import unicodedata
from urllib.parse import quote

from flask import Response

from indexer import safe_cell

CSV_COLUMNS = ("id", "doc_type", "number", "issuer", "province", "date", "year", "title", "kind", "count",
               "passage")
MIMETYPES = {"csv": "text/csv", "json": "application/json"}


def citing_csv(citing) -> str:
    """One row per citing document: its metadata, relation, citation count and first passage."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for hit in citing.hits:
        row = {**hit.document.as_dict(), "kind": hit.kind, "count": hit.count,
               "passage": " ".join(hit.passage.text.split()) if hit.passage else ""}
        writer.writerow([safe_cell(row[c]) for c in CSV_COLUMNS])  # a title `=HYPERLINK(...)` stays text
    return "\ufeff" + out.getvalue()  # the BOM makes spreadsheet programs read UTF-8


def filename(ref: str, fmt: str) -> tuple[str, str]:
    """The file name, Vietnamese letters kept, and its ASCII fallback: `trích-dẫn-35-NQ_TW.csv`."""
    safe = re.sub(r"[^\w.-]+", "_", ref, flags=re.UNICODE).strip("_") or "ref"
    name = f"trích-dẫn-{safe}.{fmt}"
    return name, _ascii(name)


def _ascii(name: str) -> str:
    """The name without diacritics (`trich-dan-35-NQ_TW.csv`), for clients that ignore `filename*`."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", plain.encode("ascii", "ignore").decode())


def content_disposition(name: str, ascii_name: str) -> str:
    """RFC 6266 with an RFC 5987 `filename*` for the real name."""
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def citing_download(citing, ref: str, fmt: str) -> Response:
    body = citing_csv(citing) if fmt == "csv" else json.dumps(citing.as_dict(), ensure_ascii=False, indent=1)
    response = Response(body, content_type=f"{MIMETYPES[fmt]}; charset=utf-8")
    response.headers["Content-Disposition"] = content_disposition(*filename(ref, fmt))
    return response
