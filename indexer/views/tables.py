"""Every result list as a table to take away: CSV, and Excel (XLSX), one row per document.

Built once for `/api/search?format=`, the cites page and `/api/cites`, and `vanban search|cites
--export`. Each row: id, type, number, date (its day, when known), year, issuer, province, title,
how many corpus documents cite it, and the absolute link to its page; a citing list adds the
relation, the citation count and the first passage. Every cell goes through `safe_cell` (a title
`=HYPERLINK(...)` stays text); XML cannot hold most control characters, so the XLSX drops them.

XLSX is written by XlsxWriter: it is tested against files Excel itself writes, and a file it writes
opens in Excel and LibreOffice alike. Its header row names the columns in Vietnamese (people open
it), and a second sheet says which search it is, how many documents matched, and when it was made;
the CSV's header row has the keys the JSON API uses (programs read it).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from urllib.parse import quote

import xlsxwriter

from indexer.labels import SORT_LABELS, describe
from indexer.limits import MAX_EXPORT_ROWS
from indexer.query import checks
from indexer.query.results import SearchResult
from indexer.searching import search_all
from indexer.views.citing import CitingList, citing_documents
from indexer.views.export import safe_cell, xml_text
from indexer.views.links import document_url, page_url, search_params

COLUMNS = (("id", "Mã văn bản"), ("doc_type", "Loại văn bản"), ("number", "Số, ký hiệu"),
           ("date", "Ngày ban hành"), ("year", "Năm"), ("issuer", "Cơ quan ban hành"),
           ("province", "Tỉnh, thành phố"), ("title", "Trích yếu"), ("cited_by_count", "Số văn bản trích dẫn"),
           ("link", "Liên kết"))
CITING_COLUMNS = COLUMNS + (("kind", "Quan hệ"), ("count", "Số lần trích dẫn"), ("passage", "Đoạn trích dẫn"))
WIDTHS = {"id": 28, "doc_type": 14, "number": 16, "date": 12, "year": 7, "issuer": 32, "province": 14,
          "title": 60, "cited_by_count": 10, "link": 40, "kind": 14, "count": 10, "passage": 80}
EXCEL_CELL_CHARS = 32_767   # Excel's limit on one cell's text
EXCEL_URL_CHARS = 2_079     # and on one link's


@dataclass(frozen=True)
class ResultTable:
    """The rows of a result list (at most MAX_EXPORT_ROWS of `total`), and what it is a list of."""

    title: str                                   # the search, said in words
    columns: tuple[tuple[str, str], ...]         # (key, Vietnamese label)
    rows: tuple[dict, ...]
    total: int
    about: tuple[tuple[str, str], ...] = field(default=())   # the XLSX's second sheet
    sheet: str = "Văn bản"                       # the XLSX's first sheet: what a row is

    def as_file(self, fmt: str) -> str | bytes:
        """The table in one of checks.TABLE_FORMATS: CSV text, or an XLSX workbook's bytes."""
        return WRITERS[checks.table_format(fmt)](self)

    def to_csv(self) -> str:
        """CSV with the API's keys as header, a BOM so that spreadsheet programs read UTF-8."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([key for key, _ in self.columns])
        for row in self.rows:
            writer.writerow([safe_cell(row[key]) for key, _ in self.columns])
        return "\ufeff" + out.getvalue()

    def to_xlsx(self) -> bytes:
        """An Excel workbook: the rows (header frozen, filters on, days as dates), then the search."""
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"strings_to_formulas": False, "strings_to_urls": False,
                                         "strings_to_numbers": False, "in_memory": True})
        book.set_properties({"title": _text(self.title), "comments": "vanban"})
        bold, day = book.add_format({"bold": True}), book.add_format({"num_format": "dd/mm/yyyy"})
        sheet = book.add_worksheet(self.sheet)
        for col, (key, label) in enumerate(self.columns):
            sheet.set_column(col, col, WIDTHS.get(key, 14))
            sheet.write_string(0, col, label, bold)
        for r, row in enumerate(self.rows, start=1):
            for col, (key, _) in enumerate(self.columns):
                _write(sheet, r, col, key, safe_cell(row[key]), day)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(self.rows), len(self.columns) - 1)
        info = book.add_worksheet("Thông tin")
        info.set_column(0, 0, 22)
        info.set_column(1, 1, 80)
        for r, (label, value) in enumerate(self.about):
            info.write_string(r, 0, label, bold)
            info.write_string(r, 1, _text(value))
        book.close()
        return out.getvalue()


WRITERS = {"csv": ResultTable.to_csv, "xlsx": ResultTable.to_xlsx}  # one per checks.TABLE_FORMATS


def _text(value: str) -> str:
    return xml_text(str(value))[:EXCEL_CELL_CHARS]


def _write(sheet, row: int, col: int, key: str, value, day_format) -> None:
    """One cell: a day as a date, a count as a number, a link as a link, the rest as text."""
    if value is None or value == "":
        return
    if key == "date" and _day(value):
        sheet.write_datetime(row, col, _day(value), day_format)
    elif isinstance(value, int):
        sheet.write_number(row, col, value)
    elif key == "link" and len(value) <= EXCEL_URL_CHARS:
        sheet.write_url(row, col, value, string=value)
    else:
        sheet.write_string(row, col, _text(value))


def _day(value: str) -> datetime | None:
    """An ISO day as Excel's date (None for anything else a given record may hold)."""
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    except (TypeError, ValueError):
        return None


def _row(doc, cited_by_count: int, base_url: str) -> dict:
    return {"id": doc.id, "doc_type": doc.doc_type, "number": doc.number, "date": doc.date, "year": doc.year,
            "issuer": doc.issuer, "province": doc.province, "title": doc.title, "cited_by_count": cited_by_count,
            "link": document_url(base_url, doc.id)}


def _about(result: SearchResult, base_url: str, rows: int, path: str, limit: int = MAX_EXPORT_ROWS) -> tuple:
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (("Tìm kiếm", describe(result.query, result.filters)), ("Sắp xếp", SORT_LABELS[result.sort]),
            ("Số văn bản khớp", str(result.total)),
            ("Trong tệp này", f"{rows}" + (f" (tối đa {limit})" if rows < result.total else "")),
            ("Lập lúc", made),
            ("Trang tìm kiếm", page_url(base_url, path, search_params(result.query, result.filters))))


def search_table(index, base_url: str, query: str = "", filters: dict | None = None, sort: str = "relevance",
                 limit: int = MAX_EXPORT_ROWS) -> ResultTable:
    """Every document a search matches (up to `limit`), in its order."""
    result = search_all(index, query, filters, sort, limit=limit)
    rows = tuple(_row(h, h.cited_by_count, base_url) for h in result.hits)
    return ResultTable(describe(result.query, result.filters), COLUMNS, rows, result.total,
                       _about(result, base_url, len(rows), "", limit))


def citing_table(index, base_url: str, ref: str, query: str = "", filters: dict | None = None,
                 sort: str = "relevance") -> ResultTable:
    """Every document citing `ref` (up to MAX_EXPORT_ROWS): each with its relation, count and passage."""
    return citing_list_table(citing_documents(index, ref, query, filters, sort=sort, all_pages=True), ref, base_url)


def citing_list_table(citing: CitingList, ref: str, base_url: str) -> ResultTable:
    """A citing list already made (every page of it) as a table."""
    rows = tuple({**_row(h.document, h.cited_by_count, base_url), "kind": h.kind, "count": h.count,
                  "passage": " ".join(h.passage.text.split()) if h.passage else ""} for h in citing.hits)
    title = f"Văn bản trích dẫn {ref}" + (f" · {describe(citing.result.query, citing.result.filters)}"
                                         if citing.result.query or citing.result.filters else "")
    return ResultTable(title, CITING_COLUMNS, rows, citing.total,
                       (("Văn bản được trích dẫn", ref),
                        *_about(citing.result, base_url, len(rows), "cites/" + quote(ref, safe="/"))))
