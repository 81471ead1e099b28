"""The command line's options, checked by the checks search() and the web use (indexer.checks, the
shared limits): a bad value is one line on stderr and exit status 2, in Vietnamese like the UI."""

import argparse
import os
import re
from pathlib import Path

import indexer
from indexer import checks

# argparse's own English messages, and what the command says instead.
ARGPARSE_MESSAGES = [
    (re.compile(r"^argument [^:]+: invalid choice: (.*) \(choose from (.*)\)$"), r"lệnh không hợp lệ: \1 (chọn: \2)"),
    (re.compile(r"^argument ([^:]+): expected one argument$"), r"\1: cần một giá trị"),
    (re.compile(r"^argument ([^:]+): expected at least one argument$"), r"\1: cần ít nhất một giá trị"),
    (re.compile(r"^argument ([^:]+): ignored explicit argument (.*)$"), r"\1: không nhận giá trị \2"),
    (re.compile(r"^argument ([^:]+): "), r"\1: "),
    (re.compile(r"^the following arguments are required: (.*)$"), r"thiếu tham số: \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"không hiểu tham số: \1"),
    (re.compile(r"^ambiguous option: (\S+) could match (.*)$"), r"tùy chọn \1 mơ hồ, có thể là: \2"),
]


def vietnamese(message: str) -> str:
    """An argparse error message said in Vietnamese (the option names stay as typed)."""
    for pattern, replacement in ARGPARSE_MESSAGES:
        if pattern.search(message):
            return pattern.sub(replacement, message, count=1)
    return message


class Parser(argparse.ArgumentParser):
    """argparse, with errors as one line (`vanban: lỗi: ...`) and exit status 2."""

    def error(self, message: str):
        self.exit(2, f"vanban: lỗi: {vietnamese(message)}\n")


def checked(check, name: str):
    """An argparse `type=` from one of indexer's checks."""
    def convert(text: str):
        try:
            return check(text)
        except checks.Invalid as err:
            raise argparse.ArgumentTypeError(str(err)) from None
    convert.__name__ = name
    return convert


def _lazy_choice(names: str, label: str):
    """One of indexer.<names>, looked up when the option is given (so --help loads no engine)."""
    return checked(lambda text: checks.choice(text, getattr(indexer, names), label), names.lower())


def _existing(text: str) -> Path:
    if not Path(text).expanduser().exists():
        raise checks.Invalid(f"không có tệp hay thư mục {text}.")
    return Path(text).expanduser()


def _output(text: str) -> Path:
    parent = Path(text).expanduser().parent
    if not parent.is_dir():
        raise checks.Invalid(f"không có thư mục {parent} để ghi {text}.")
    return Path(text).expanduser()


def filter_value(name: str):
    """The `type=` of a filter option: a year, a relation, a ref, or a name within the limits."""
    return checked(lambda text: checks.filter_value(name, text), name)


QUERY = checked(checks.query, "query")
REF = checked(checks.ref, "ref")
PAGE = checked(checks.page, "page")
PAGE_SIZE = checked(checks.page_size, "page_size")
DOCUMENT_ID = checked(checks.document_id, "id")
RELATED_LIMIT = checked(checks.related_limit, "limit")
PORT = checked(checks.port, "port")
SORT = _lazy_choice("SORTS", "Cách sắp xếp")
FORMAT = _lazy_choice("GRAPH_FORMATS", "Định dạng")
KIND = filter_value("kind")
PART = filter_value("part")
EXISTING = checked(_existing, "path")
OUTPUT = checked(_output, "output")
BASE_URL = checked(checks.base_url, "base_url")
EXPORT = checked(checks.table_format, "export")
# Option dest -> the filter it sets (`--from` and `--to` are the date range's ends).
FILTER_OPTIONS = {"type": "doc_type", "year": "year", "issuer": "issuer", "province": "province",
                  "cites": "cites", "kind": "kind", "part": "part", "date_from": "date_from", "date_to": "date_to",
                  "status": "status", "in_force_on": "in_force_on"}
# `vanban tasks`' repeatable options -> the filter whose checks their values take.
TASK_OPTIONS = {"lead": "lead", "deadline_year": "year"}


def check_counts(parser: argparse.ArgumentParser, args) -> None:
    """Repeatable filters: at most MAX_FILTER_VALUES values each; a date range that ends after it starts."""
    for option, name in {**FILTER_OPTIONS, **TASK_OPTIONS}.items():
        values = getattr(args, option, None) or []
        try:
            checks.filter_values(name, [values] if isinstance(values, str) else values)
        except checks.Invalid as err:
            parser.error(f"--{option}: {err}")
    try:
        checks.date_order({n: [getattr(args, n)] for n in checks.DATE_FILTERS if getattr(args, n, None)})
    except checks.Invalid as err:
        parser.error(f"--from, --to: {err}")


def _listing(p: argparse.ArgumentParser, limit: int) -> None:
    """The options every listing shares: order, paging, JSON."""
    p.add_argument("--sort", type=SORT, default="relevance",
                   help="thứ tự: relevance (mặc định), date, date_asc, cited")
    p.add_argument("--limit", type=PAGE_SIZE, default=limit,
                   help=f"số kết quả mỗi trang (1-{indexer.limits.MAX_PAGE_SIZE}, mặc định {limit})")
    p.add_argument("--page", type=PAGE, default=1, help=f"trang số (1-{indexer.limits.MAX_PAGE}, mặc định 1)")
    p.add_argument("--json", action="store_true", help="in kết quả thành một đối tượng JSON")


def _takeaway(p: argparse.ArgumentParser, feed: bool = False) -> None:
    """The options of a list taken away: a file of every result, (a search) its feed, where to write."""
    most = f"{indexer.limits.MAX_EXPORT_ROWS:,}".replace(",", ".")  # 10.000, as Vietnamese write it
    names = " hoặc ".join(indexer.labels.FORMAT_LABELS[f] for f in checks.TABLE_FORMATS)
    p.add_argument("--export", type=EXPORT, metavar="|".join(checks.TABLE_FORMATS),
                   help=f"mọi kết quả (tối đa {most} văn bản) thành bảng {names}")
    if feed:
        p.add_argument("--feed", action="store_true",
                       help=f"{indexer.limits.FEED_ENTRIES} văn bản mới nhất khớp tìm kiếm, dạng nguồn tin Atom "
                            "(như /feed)")
    p.add_argument("--base-url", type=BASE_URL, default="http://127.0.0.1:5000/",
                   help="địa chỉ gốc cho liên kết trong bảng và nguồn tin (mặc định http://127.0.0.1:5000/)")
    p.add_argument("--output", type=OUTPUT, help="ghi vào tệp này thay cho đầu ra chuẩn")
    p.add_argument("--force", action="store_true", help="với --output: ghi đè tệp đã có")


def _search_filters(p: argparse.ArgumentParser) -> None:
    """The filters of a search (of `vanban search`, and of the plans `vanban tasks` lists the tasks of)."""
    p.add_argument("--type", action="append", type=filter_value("doc_type"),
                   help="loại văn bản, ví dụ 'Kế hoạch' (lặp lại được)")
    p.add_argument("--year", action="append", type=filter_value("year"), help="năm, ví dụ 2019 (lặp lại được)")
    p.add_argument("--issuer", action="append", type=filter_value("issuer"), help="cơ quan ban hành (lặp lại được)")
    p.add_argument("--province", action="append", type=filter_value("province"), help="tỉnh, thành phố (lặp lại được)")
    p.add_argument("--cites", action="append", type=filter_value("cites"),
                   help="chỉ văn bản trích dẫn văn bản này: '35-NQ/TW', 'nghi quyet 35'")
    p.add_argument("--kind", action="append", type=KIND,
                   help="với --cites: quan hệ implements, based_on, guided_by, mentions")
    p.add_argument("--part", action="append", type=PART,
                   help="với --cites: phần được trích dẫn, ví dụ 'Điều 5', 'khoản 2 Điều 5' (gồm cả phần bên trong)")
    p.add_argument("--from", dest="date_from", type=filter_value("date_from"),
                   help="từ ngày: 2019, 2019-05 hoặc 2019-05-15 (văn bản chỉ biết năm: theo năm)")
    p.add_argument("--to", dest="date_to", type=filter_value("date_to"), help="đến ngày: 2019, 2019-12 hoặc 2019-12-31")
    p.add_argument("--status", action="append", type=filter_value("status"),
                   help="hiệu lực hôm nay theo kho: in_force, not_yet, partly_repealed, repealed, unknown "
                        "(lặp lại được)")
    p.add_argument("--in-force-on", dest="in_force_on", type=filter_value("in_force_on"),
                   help="chỉ văn bản còn hiệu lực vào ngày này (YYYY-MM-DD), theo những gì kho ghi nhận")


def _task_filters(p: argparse.ArgumentParser) -> None:
    """The filters of the tasks themselves (`vanban tasks`)."""
    p.add_argument("--lead", action="append", type=filter_value("lead"),
                   help="cơ quan chủ trì, ví dụ 'Sở Tư pháp' (có dấu hay không; lặp lại được)")
    p.add_argument("--deadline-from", dest="deadline_from", type=filter_value("date_from"),
                   help="thời hạn từ ngày: 2025, 2025-04 hoặc 2025-04-01")
    p.add_argument("--deadline-to", dest="deadline_to", type=filter_value("date_to"),
                   help="thời hạn đến ngày: 2025, 2025-06 hoặc 2025-06-30")
    p.add_argument("--deadline-year", dest="deadline_year", action="append", type=filter_value("year"),
                   help="năm của thời hạn, ví dụ 2025 (lặp lại được)")


def _index_option(p: argparse.ArgumentParser) -> None:
    default = str(indexer.default_index_dir())
    p.add_argument("--index", default=default, help=f"thư mục chỉ mục (mặc định: {default})")


def _command(sub, name: str, func, help: str, example: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=help, epilog=f"Ví dụ: {example}")
    p.set_defaults(func=func)
    return p


def make_parser(commands: dict) -> Parser:
    parser = Parser(prog="vanban", description="Tra cứu văn bản của Đảng và Nhà nước, không cần mạng.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    p = _command(sub, "extract", commands["extract"], "in siêu dữ liệu và trích dẫn của từng văn bản (JSON Lines)",
                 "vanban extract vanban/corpus/000_65df158a4e7ec0a6.txt")
    p.add_argument("paths", nargs="+", type=EXISTING, metavar="PATH", help="tệp, hoặc thư mục (đọc mọi tệp bên trong)")

    p = _command(sub, "index", commands["index"], "lập hoặc cập nhật chỉ mục (mặc định: kho văn bản kèm theo)",
                 "vanban index vanban/corpus/ --index /tmp/vanban-index")
    p.add_argument("paths", nargs="*", type=EXISTING, metavar="PATH")
    _index_option(p)
    p.add_argument("--quiet", action="store_true", help="không hiện tiến độ và tổng kết (vẫn báo tệp bỏ qua)")
    p.add_argument("--engine", choices=("whoosh", "tantivy"),
                   help="bộ máy tìm kiếm khi lập chỉ mục mới; mặc định theo dung lượng kho: whoosh đến 5 MB, "
                        "quá thì tantivy; đổi bộ máy thì lập lại từ đầu")
    p.add_argument("--scheduler", default=os.environ.get("VANBAN_SCHEDULER") or None, metavar="tcp://HOST:PORT",
                   help="đọc và phân tích trên cụm máy Dask của bộ lập lịch này (mặc định: biến VANBAN_SCHEDULER; "
                        "không có: trên máy này); máy này vẫn là nơi duy nhất ghi chỉ mục")
    p.add_argument("--shared-path", action="store_true",
                   help="với --scheduler: mọi máy thấy kho văn bản ở cùng đường dẫn, máy làm việc tự đọc tệp "
                        "(mặc định: gửi nội dung từng tệp tới máy làm việc)")

    p = _command(sub, "search", commands["search"], "tìm trong chỉ mục",
                 'vanban search "phong chong tham nhung" --type "Kế hoạch" --from 2023-01 --export xlsx '
                 '--output ket-qua.xlsx')
    p.add_argument("query", nargs="?", default="", type=QUERY, metavar="QUERY")
    _index_option(p)
    _search_filters(p)
    p.add_argument("--no-collapse", dest="collapse", action="store_false",
                   help="hiện cả văn bản gần giống (mặc định: gộp dưới văn bản xếp trên)")
    _listing(p, limit=10)
    _takeaway(p, feed=True)

    p = _command(sub, "cites", commands["cites"], "liệt kê văn bản trích dẫn một văn bản, với loại quan hệ",
                 "vanban cites 'Nghị quyết 35' --kind implements --json")
    p.add_argument("ref", type=REF, metavar="REF",
                   help="số, ký hiệu viết kiểu nào cũng được: 35-NQ/TW, 'nghi quyet 35'")
    _index_option(p)
    p.add_argument("--kind", action="append", type=KIND,
                   help="chỉ quan hệ này: implements, based_on, guided_by, mentions")
    p.add_argument("--part", action="append", type=PART,
                   help="chỉ văn bản trích dẫn phần này, ví dụ 'Điều 5' (gồm cả khoản, điểm của nó)")
    _listing(p, limit=20)
    _takeaway(p)

    p = _command(sub, "tasks", commands["tasks"], "liệt kê nhiệm vụ các kế hoạch giao: cơ quan chủ trì, phối hợp, "
                 "thời hạn", "vanban tasks 'chuyển đổi số' --lead 'Sở Thông tin và Truyền thông' --deadline-year 2025")
    p.add_argument("query", nargs="?", default="", type=QUERY, metavar="QUERY",
                   help="tìm các văn bản giao nhiệm vụ (như vanban search); bỏ trống: mọi văn bản")
    _index_option(p)
    p.add_argument("--id", type=DOCUMENT_ID, help="chỉ nhiệm vụ của văn bản này (mã như trong kết quả tìm kiếm)")
    _search_filters(p)
    _task_filters(p)
    _listing(p, limit=20)
    _takeaway(p)

    p = _command(sub, "compare", commands["compare"], "so sánh hai văn bản: đoạn chung (giống hệt, đã sửa), "
                 "nội dung riêng của A", "vanban compare 'corpus/001_e44d68029944b139.txt#0' "
                 "'corpus/000_65df158a4e7ec0a6.txt#0'")
    p.add_argument("a", type=DOCUMENT_ID, metavar="A", help="mã văn bản A (như trong kết quả tìm kiếm)")
    p.add_argument("b", type=DOCUMENT_ID, metavar="B", help="mã văn bản B")
    _index_option(p)
    p.add_argument("--json", action="store_true", help="in kết quả như /api/compare")

    p = _command(sub, "related", commands["related"], "liệt kê văn bản liên quan đến một văn bản, với lý do",
                 "vanban related 'corpus/001_e44d68029944b139.txt#0' --limit 5")
    p.add_argument("id", type=DOCUMENT_ID, metavar="ID", help="mã văn bản")
    _index_option(p)
    p.add_argument("--limit", type=RELATED_LIMIT, default=10,
                   help=f"số văn bản (1-{indexer.limits.MAX_RELATED}, mặc định 10)")
    p.add_argument("--json", action="store_true", help="in kết quả như /api/documents/<id>/related")

    p = _command(sub, "graph", commands["graph"], "ghi đồ thị trích dẫn (nút, cạnh với quan hệ và đoạn trích)",
                 "vanban graph --format graphml --output citations.graphml")
    _index_option(p)
    p.add_argument("--format", type=FORMAT, default="json", help="json (mặc định), csv (một bảng) hoặc graphml")
    p.add_argument("--nodes", action="store_true", help="với --format csv: bảng nút thay cho bảng cạnh")
    p.add_argument("--output", type=OUTPUT, help="ghi vào tệp này thay cho đầu ra chuẩn (không ghi đè tệp đã có)")
    p.add_argument("--force", action="store_true", help="với --output: ghi đè tệp đã có")

    p = _command(sub, "serve", commands["serve"], "chạy giao diện tra cứu và JSON API (lập chỉ mục trước nếu cần)",
                 "vanban serve --port 8080")
    _index_option(p)
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)")
    p.add_argument("--port", type=PORT, default=5000,
                   help=f"cổng ({indexer.limits.MIN_PORT}-{indexer.limits.MAX_PORT}, mặc định 5000)")
    p.add_argument("--base-url", type=BASE_URL,
                   help="địa chỉ người dùng mở, cho liên kết trong nguồn tin và bảng tải về, ví dụ "
                        "https://vanban.example.vn/ (mặc định: địa chỉ đang lắng nghe)")
    p.add_argument("--debug", action="store_true",
                   help="máy chủ thử nghiệm của Flask thay cho waitress (một người dùng, để gỡ lỗi)")
    return parser
