"""The `vanban` command: a thin layer over extraction, build_index() and search().

The engine is imported inside each command, so `vanban search` loads neither pyvi's model nor
Flask, and `vanban --help` loads no engine at all.
"""

import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path

import indexer
from vanban import options
from vanban.comparing import cmd_compare, cmd_related
from vanban.output import UserError, answer, head, open_index, say, user_errors

SERVE_THREADS_MIN = 8       # waitress threads: a few slow pages never hold up the rest
SERVE_THREADS_PER_CORE = 4
EXTRACT_FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "province", "date", "partial_date", "year",
                  "year_inferred", "date_min", "signer", "title", "deduced", "uncertain")


def _citation_json(citation) -> dict:
    c = asdict(citation)
    return {k: c[k] for k in ("ref", "doc_type", "date", "year", "issuer", "subject", "text", "start", "end", "short")}


def _files(paths: list[Path]) -> list:
    """Each file named, and every file under each folder named, named by its path as given."""
    return [replace(f, source=str(f.path)) for path in paths for f in indexer.list_files([path])]


def cmd_extract(args) -> int:
    """Print one JSON object per document of each file, each file read within the build's limits."""
    status = 0
    for file, items in indexer.read_files_guarded(_files(args.paths)):
        for item in items:
            if isinstance(item, indexer.Skipped) and item.field:
                say(f"vanban: {item.source}: {item.reason}")  # its document is printed all the same
                continue
            if isinstance(item, indexer.Skipped):
                say(f"vanban: bỏ qua {item.source}: {item.reason}")
                status = 1
                continue
            record = {"source": str(file.path), "part": item.part}
            record.update({k: getattr(item.meta, k) for k in EXTRACT_FIELDS})
            record["citations"] = [_citation_json(c) for c in item.meta.citations]
            print(json.dumps(record, ensure_ascii=False))
    return status


def _report(report) -> None:
    say(f"Xong trong {report.seconds:.1f} giây: đã lập chỉ mục {report.documents_indexed} văn bản "
        f"(chỉ mục có {report.documents_total}); tệp: {report.files_added} mới, {report.files_changed} đã sửa, "
        f"{report.files_removed} đã xóa, {report.files_unchanged} không đổi; "
        f"{report.parts_split} tệp chứa nhiều văn bản; bỏ qua {len(report.skipped)}"
        + (f"; {len(report.field_warnings)} trường hỏng bị bỏ (văn bản vẫn lập chỉ mục)." if report.field_warnings
           else "."))


def run_index(paths: list[Path], index_dir: Path, quiet: bool = False, engine: str | None = None,
              executor=None) -> None:
    """Build or update the index: a progress bar on a terminal, the report, every file skipped."""
    from vanban.progress import ProgressBar

    if not quiet:
        say(f"Lập chỉ mục {', '.join(map(str, paths))} vào {index_dir}")
    bar = ProgressBar(sys.stderr) if not quiet and sys.stderr.isatty() else None
    try:
        report = indexer.build_index(paths, index_dir, progress=bar, engine=engine, executor=executor)
    except indexer.ClusterError as err:
        raise UserError(str(err)) from err
    except indexer.BuildLocked as err:
        raise UserError(f"{err}; hãy đợi nó xong rồi chạy lại.") from err
    except FileNotFoundError as err:
        raise UserError(f"không tìm thấy: {err.filename or err}") from err
    except indexer.UnsafePath as err:
        raise UserError(str(err)) from err
    except OSError as err:  # a read-only folder, a full disk: the last good index is still there
        where = f" {err.filename}" if err.filename else ""
        raise UserError(f"không ghi được chỉ mục{where}: {err.strerror or err}; chỉ mục trước vẫn dùng được") from err
    finally:
        if bar:
            bar.finish()
    if not quiet:
        if report.engine_reason:
            say(report.engine_reason)
        _report(report)
        if report.engine == "whoosh" and report.corpus_megabytes > indexer.WHOOSH_MAX_MB:  # the choice's own rule
            say(f"Gợi ý: kho {report.corpus_megabytes:.1f} MB, quá {indexer.WHOOSH_MAX_MB:g} MB mà whoosh còn tìm "
                "trong 150 ms: tìm kiếm nhanh hơn với `vanban index --engine tantivy`.")
    for skipped in report.skipped:
        say(f"  bỏ qua {skipped.source}: {skipped.reason}")
    for dropped in report.field_warnings:
        say(f"  {dropped.source}: {dropped.reason}")


def cmd_index(args) -> int:
    paths, index_dir = args.paths or [indexer.BUNDLED_CORPUS], Path(args.index).expanduser()
    if args.shared_path and not args.scheduler:
        raise UserError("--shared-path chỉ dùng với --scheduler (hoặc biến VANBAN_SCHEDULER)")
    if not args.scheduler:
        run_index(paths, index_dir, quiet=args.quiet, engine=args.engine)
        return 0
    if not args.quiet:
        say(f"Kết nối cụm máy Dask {args.scheduler}")
    try:
        with indexer.connect_cluster(args.scheduler, shared_path=args.shared_path) as cluster:
            run_index(paths, index_dir, quiet=args.quiet, engine=args.engine, executor=cluster)
    except indexer.ClusterError as err:  # no scheduler there, a worker of another version
        raise UserError(str(err)) from err
    return 0


def _terminal_snippet(snippet, color: bool) -> str:
    text, out, last = snippet.text, [], 0
    on, off = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    for start, end in snippet.highlights:
        out += [text[last:start], on, text[start:end], off]
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())


def _notes(result) -> None:
    if result.relaxed:
        print(f"  {indexer.relaxed_notice(result)}")
    for warning in result.warnings:
        print(f"  ghi chú: {warning}")


def _print_listing(result, color: bool) -> None:
    folded = f" ({result.folded} văn bản gần giống được gộp; --no-collapse để hiện tất cả)" if result.folded else ""
    print(f"{result.total} văn bản" + (f" cho “{result.query}”" if result.query else "") + folded)
    _notes(result)
    for n, hit in enumerate(result.hits, start=(result.page - 1) * result.page_size + 1):
        print(f"\n{n:>3}. {head(hit)}")
        if hit.title:
            print(f"     {hit.title}")
        print(f"     {_terminal_snippet(hit.snippet, color)}")
        print(f"     {hit.id}")
        if hit.near_duplicates:
            print(f"     +{len(hit.near_duplicates)} văn bản gần giống: {', '.join(d.id for d in hit.near_duplicates)}")
    for facet in result.facets:
        values = ", ".join(f"{indexer.labels.facet_value_label(facet.name, v.value)} ({v.count})"
                           for v in facet.results[:8])
        if values:
            print(f"\n{indexer.labels.FACET_LABELS[facet.name]}: {values}", end="")
    print()


def _write(args, body: str | bytes) -> None:
    """What a command made, to --output (never over a file unless --force) or standard output (an
    Excel file only when that is no terminal)."""
    if args.output and args.output.is_file() and not args.force:
        raise UserError(f"{args.output} đã có: dùng --force để ghi đè")
    if not args.output:
        if isinstance(body, bytes) and sys.stdout.isatty():
            raise UserError("tệp Excel không in ra màn hình được: dùng --output TỆP.xlsx")
        sys.stdout.flush()
        (sys.stdout.buffer.write if isinstance(body, bytes) else sys.stdout.write)(body)
        return
    try:
        (args.output.write_bytes(body) if isinstance(body, bytes) else args.output.write_text(body, encoding="utf-8"))
    except OSError as err:
        raise UserError(f"không ghi được {args.output}: {err.strerror}") from err
    say(f"đã ghi {args.output}")


def _table(args, table) -> int:
    _write(args, table.as_file(args.export))
    if len(table.rows) < table.total:
        say(f"vanban: {table.total} văn bản khớp; tệp có {len(table.rows)} văn bản đầu")
    return 0


def cmd_search(args) -> int:
    filters = {name: getattr(args, option) for option, name in options.FILTER_OPTIONS.items()}
    ix = open_index(args.index)
    with user_errors():
        if args.feed:
            _write(args, indexer.search_feed(ix, args.base_url, args.query, filters).to_atom())
            return 0
        if args.export:
            return _table(args, indexer.search_table(ix, args.base_url, args.query, filters, args.sort))
        result = indexer.search(ix, args.query, filters, page=args.page, page_size=args.limit, sort=args.sort,
                                collapse=args.collapse)
    return answer(args, result, lambda r: _print_listing(r, color=sys.stdout.isatty()))


def cmd_cites(args) -> int:
    """The documents citing REF, each with its strongest relation to it and the passage showing it."""
    ix = open_index(args.index)
    filters = {"kind": args.kind, "part": args.part}
    with user_errors():
        if args.export:
            return _table(args, indexer.citing_table(ix, args.base_url, args.ref, "", filters, args.sort))
        citing = indexer.citing_documents(ix, args.ref, "", filters, args.page, args.limit, args.sort)
    return answer(args, citing, lambda c: _print_citing(c, args.ref, args.kind))


def _print_citing(citing, ref: str, kinds: list[str] | None) -> None:
    named = f" ({', '.join(indexer.labels.KIND_LABELS[k] for k in kinds)})" if kinds else ""
    print(f"{citing.total} văn bản trích dẫn {ref}{named}")
    for n, hit in enumerate(citing.hits, start=(citing.result.page - 1) * citing.result.page_size + 1):
        print(f"\n{n:>3}. [{indexer.labels.KIND_LABELS[hit.kind]}] {head(hit.document)} · {hit.count} lần")
        print(f"     {' '.join(hit.passage.text.split()) if hit.passage else ''}")
        print(f"     {hit.document.id}")


def cmd_tasks(args) -> int:
    """The tasks the plans a search finds assign (or one document's, `--id`), kept by lead and deadline."""
    ix = open_index(args.index)
    filters = {name: getattr(args, option) for option, name in options.FILTER_OPTIONS.items()}
    tasks = {name: getattr(args, name) for name in indexer.TASK_FILTERS}
    with user_errors():
        if args.id:
            return answer(args, indexer.document_tasks(ix, args.id), _print_document_tasks)
        if args.export:
            return _table(args, indexer.tasks_table(ix, args.base_url, args.query, filters, tasks, args.sort))
        found = indexer.find_tasks(ix, args.query, filters, tasks, args.page, args.limit, args.sort)
    return answer(args, found, _print_tasks)


def _task_lines(n: int, task: dict) -> list[str]:
    deadline = f" · hạn: {task['deadline']['printed']}" if task["deadline"] else ""
    partners = f" · phối hợp: {', '.join(task['partners'])}" if task["partners"] else ""
    return [f"\n{n:>3}. [{task['lead'] or 'không rõ cơ quan chủ trì'}]{deadline}{partners}", f"     {task['text']}"]


def _print_tasks(found) -> None:
    print(f"{found.total} nhiệm vụ trong {found.plans} văn bản" + (f" cho “{found.query}”" if found.query else ""))
    for n, hit in enumerate(found.hits, start=(found.page - 1) * found.page_size + 1):
        print("\n".join(_task_lines(n, hit.task)))
        where = f" · phần #{hit.task['anchor']}" if hit.task["anchor"] else ""
        print(f"     {head(hit.document)}\n     {hit.document.id}{where}")
    for facet in found.facets:
        values = ", ".join(f"{v.value} ({v.count})" for v in facet.results[:8])
        if values:
            print(f"\n{indexer.labels.FACET_LABELS[facet.name]}: {values}", end="")
    print()


def _print_document_tasks(found) -> None:
    print(f"{len(found.tasks)} nhiệm vụ trong {found.id}")
    for n, task in enumerate(found.tasks, start=1):
        print("\n".join(_task_lines(n, task)))


def cmd_graph(args) -> int:
    """Write the citation graph of the whole index."""
    if args.output and args.output.is_file() and not args.force:
        raise UserError(f"{args.output} đã có: dùng --force để ghi đè")
    _write(args, indexer.export(indexer.load_graph(open_index(args.index)), args.format,
                          "nodes" if args.nodes else "edges"))
    return 0


def cmd_serve(args) -> int:
    """Serve the web UI; build the index from the bundled corpus first when there is none."""
    from webui.app import create_app

    index_dir = Path(args.index).expanduser()
    if not indexer.index_exists(index_dir):
        say(f"Chưa có chỉ mục trong {index_dir}: lập chỉ mục từ kho văn bản kèm theo.")
        run_index([indexer.BUNDLED_CORPUS], index_dir)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        say(f"Chú ý: đang phục vụ trên {args.host}: các máy khác trong mạng đọc được các văn bản này.")
        if not args.base_url:
            say("Gợi ý: đặt --base-url (địa chỉ người dùng mở) để liên kết trong nguồn tin và bảng tải về đúng.")
    base_url = args.base_url or listening_url(args.host, args.port)
    try:
        app = create_app({"INDEX_DIR": str(index_dir), "BASE_URL": base_url})
    except indexer.Invalid as err:  # a --host no URL can hold
        raise UserError(f"{err} Dùng --base-url.") from err
    try:
        if args.debug:  # Flask's own server: one user, reloading, with its warning
            app.run(host=args.host, port=args.port, debug=True, use_reloader=False)
        else:
            _waitress(app, args.host, args.port, index_dir)
    except OSError as err:
        raise UserError(f"không mở được cổng {args.port} trên {args.host}: {err.strerror}") from err
    return 0


def listening_url(host: str, port: int) -> str:
    """The address the server listens on, as a base URL (an IPv6 address in brackets).

    >>> listening_url("127.0.0.1", 5000), listening_url("::1", 8080)
    ('http://127.0.0.1:5000/', 'http://[::1]:8080/')
    """
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def _waitress(app, host: str, port: int, index_dir: Path) -> None:
    """Serve with waitress, a production WSGI server: a slow page holds one thread of many."""
    from waitress.server import create_server

    threads = max(SERVE_THREADS_MIN, SERVE_THREADS_PER_CORE * (os.cpu_count() or 1))
    server = create_server(app, host=host, port=port, threads=threads)
    say(f"Phục vụ {index_dir} tại http://{host}:{port}/ ({threads} luồng; Ctrl+C để dừng)")
    try:
        server.run()
    finally:
        server.close()


def _quiet_stdout() -> None:
    """After a closed pipe (`vanban search ... | head`): send what is left to devnull, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a file (a test's capture): nothing will be flushed to a closed pipe


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit status: 0, 1 (a user error), 2 (a bad option), 130, 141."""
    parser = options.make_parser(COMMANDS)
    try:
        args = parser.parse_args(argv)
        options.check_counts(parser, args)
    except SystemExit as exit:  # --help, or a bad option already said on stderr
        return exit.code if isinstance(exit.code, int) else 2
    try:
        return args.func(args)
    except UserError as err:
        say(f"vanban: lỗi: {err}")
        return 1
    except KeyboardInterrupt:
        say("\nvanban: đã dừng")
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 141


COMMANDS = {"extract": cmd_extract, "index": cmd_index, "search": cmd_search, "cites": cmd_cites,
            "tasks": cmd_tasks, "compare": cmd_compare, "related": cmd_related, "graph": cmd_graph, "serve": cmd_serve}


if __name__ == "__main__":
    sys.exit(main())
