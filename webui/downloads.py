"""Result lists as files: a search's or a cites list's rows as CSV or Excel (indexer's tables view),
the cites list as JSON (the /api/cites shape), each under a name that keeps its Vietnamese letters."""

import json
import re
import unicodedata
from urllib.parse import quote

from flask import Response

MIMETYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
NAME_CHARS = 80  # of the query or ref in a file name


def filename(prefix: str, text: str, fmt: str) -> tuple[str, str]:
    """The file name, Vietnamese letters kept, and its ASCII fallback: `trích-dẫn-35-NQ_TW.csv`,
    `tìm-kiếm-không_gian_mạng.xlsx` (`tìm-kiếm.csv` without a query)."""
    safe = re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("_.")[:NAME_CHARS].strip("_.")
    name = f"{prefix}-{safe}.{fmt}" if safe else f"{prefix}.{fmt}"
    return name, _ascii(name)


def _ascii(name: str) -> str:
    """The name without diacritics (`trich-dan-35-NQ_TW.csv`), for clients that ignore `filename*`."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", plain.encode("ascii", "ignore").decode())


def content_disposition(name: str, ascii_name: str) -> str:
    """RFC 6266 with an RFC 5987 `filename*` for the real name."""
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def attachment(body, fmt: str, name: tuple[str, str], total: int | None = None) -> Response:
    """A file to save, under its name; `X-Total-Count`: how many documents matched (a file holds at
    most MAX_EXPORT_ROWS of them)."""
    response = Response(body, content_type=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = content_disposition(*name)
    if total is not None:
        response.headers["X-Total-Count"] = str(total)
    return response


def table_download(table, fmt: str, name: tuple[str, str]) -> Response:
    """A result list's rows as CSV or XLSX."""
    return attachment(table.as_file(fmt), fmt, name, table.total)


def citing_json(citing, ref: str) -> Response:
    body = json.dumps(citing.as_dict(), ensure_ascii=False, indent=1)
    return attachment(body, "json", filename("trích-dẫn", ref, "json"), citing.total)
