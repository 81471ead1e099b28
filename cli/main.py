"""The `vanban` command: a thin layer over extraction, build_index() and search()."""

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from indexer.build import build_index
from indexer.corpus import SourceFile, Skipped, read_file
from indexer.paths import BUNDLED_CORPUS, default_index_dir
from indexer.graph import load_graph
from indexer.graph_export import FORMATS, export
from indexer.query import parse_ref
from indexer.relations import KINDS
from indexer.search import SORTS, SearchError, index_exists, open_index, search

EXTRACT_FIELDS = ("doc_type", "number", "issuer", "province", "date", "year", "year_inferred",
                  "date_min", "signer", "title", "deduced")


class UserError(Exception):
    """A mistake on the command line: one line on stderr, exit status 1."""


def _citation_json(citation) -> dict:
    c = asdict(citation)
    return {k: c[k] for k in ("ref", "doc_type", "date", "year", "issuer", "subject", "text", "start", "end", "short")}


def cmd_extract(args) -> int:
    """Print one JSON object per document of each file."""
    status = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"vanban: {name}: no such file", file=sys.stderr)
            status = 1
            continue
        for item in read_file(SourceFile(path, name, "")):
            if isinstance(item, Skipped):
                print(f"vanban: skipped {item.source}: {item.reason}", file=sys.stderr)
                status = 1
                continue
            record = {"source": name, "part": item.part}
            record.update({k: getattr(item.meta, k) for k in EXTRACT_FIELDS})
            record["citations"] = [_citation_json(c) for c in item.meta.citations]
            print(json.dumps(record, ensure_ascii=False))
    return status


def _progress(done: int, total: int, rate: float) -> None:
    print(f"\r  indexed {done}/{total} documents ({rate:.1f} docs/s)", end="", file=sys.stderr, flush=True)


def run_index(paths: list[Path], index_dir: Path) -> None:
    """Build or update the index, showing progress and the final report on stderr."""
    print(f"Indexing {', '.join(map(str, paths))} into {index_dir}", file=sys.stderr)
    try:
        report = build_index(paths, index_dir, progress=_progress)
    except FileNotFoundError as err:
        raise UserError(str(err)) from err
    print(file=sys.stderr)
    print(f"Done in {report.seconds:.1f}s: {report.documents_indexed} documents indexed "
          f"({report.documents_total} in the index); files: {report.files_added} added, "
          f"{report.files_changed} changed, {report.files_removed} removed, {report.files_unchanged} unchanged; "
          f"{report.parts_split} files split into several documents; {len(report.skipped)} skipped.",
          file=sys.stderr)
    for skipped in report.skipped:
        print(f"  skipped {skipped.source}: {skipped.reason}", file=sys.stderr)


def cmd_index(args) -> int:
    paths = [Path(p) for p in args.paths] or [BUNDLED_CORPUS]
    run_index(paths, Path(args.index))
    return 0


def _terminal_snippet(hit, color: bool) -> str:
    text, out, last = hit.snippet.text, [], 0
    on, off = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    for start, end in hit.snippet.highlights:
        out += [text[last:start], on, text[start:end], off]
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())


def _print_listing(result, color: bool) -> None:
    print(f"{result.total} documents" + (f" for “{result.query}”" if result.query else ""))
    for warning in result.warnings:
        print(f"  note: {warning}")
    first = (result.page - 1) * result.page_size
    for n, hit in enumerate(result.hits, start=first + 1):
        year = f"{hit.year} (inferred)" if hit.year_inferred else (hit.date or hit.year or "date unknown")
        head = " · ".join(str(x) for x in (hit.doc_type, hit.number or "no number", hit.issuer or "issuer unknown", year))
        print(f"\n{n:>3}. {head}")
        if hit.title:
            print(f"     {hit.title}")
        print(f"     {_terminal_snippet(hit, color)}")
        print(f"     {hit.id}")
    for facet in result.facets:
        values = ", ".join(f"{v.value} ({v.count})" for v in facet.results[:8])
        if values:
            print(f"\n{facet.name}: {values}", end="")
    print()


def cmd_search(args) -> int:
    filters = {"doc_type": args.type, "year": args.year, "issuer": args.issuer, "cites": args.cites,
               "province": args.province}
    try:
        result = search(args.index, args.query, filters, page=args.page, page_size=args.limit, sort=args.sort)
    except SearchError as err:
        raise UserError(str(err)) from err
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
    else:
        _print_listing(result, color=sys.stdout.isatty())
    return 0


def cmd_cites(args) -> int:
    """The documents citing REF, each with its strongest relation to it and the passage showing it."""
    if parse_ref(args.ref) is None:
        raise UserError(f"not a document reference: {args.ref!r} (e.g. 35-NQ/TW, 'Nghị quyết 35', 'nghi quyet 35')")
    filters = {"cites": [args.ref], "kind": args.kind}
    try:
        result = search(args.index, "", filters, page=args.page, page_size=args.limit, sort=args.sort)
    except SearchError as err:
        raise UserError(str(err)) from err
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"{result.total} documents cite {args.ref}" + (f" ({', '.join(args.kind)})" if args.kind else ""))
    for n, hit in enumerate(result.hits, start=(result.page - 1) * result.page_size + 1):
        print(f"\n{n:>3}. [{hit.kind}] {hit.doc_type} · {hit.number or 'no number'} · {hit.issuer or 'issuer unknown'}")
        print(f"     {' '.join(hit.passage.text.split()) if hit.passage else ''}")
        print(f"     {hit.id}")
    return 0


def cmd_graph(args) -> int:
    """Write the citation graph of the whole index."""
    try:
        text = export(load_graph(open_index(args.index)), args.format, "nodes" if args.nodes else "edges")
    except SearchError as err:
        raise UserError(str(err)) from err
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_serve(args) -> int:
    """Serve the web UI; build the index from the bundled corpus first when there is none."""
    from webui.app import create_app

    index_dir = Path(args.index)
    if not index_exists(index_dir):
        print(f"No index in {index_dir} yet: building it from the bundled corpus.", file=sys.stderr)
        run_index([BUNDLED_CORPUS], index_dir)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"Warning: serving on {args.host}: other machines on the network can read these documents.",
              file=sys.stderr)
    print(f"Serving {index_dir} on http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    create_app({"INDEX_DIR": str(index_dir)}).run(host=args.host, port=args.port, debug=False)
    return 0


def _listing_args(p: argparse.ArgumentParser, limit: int) -> None:
    """The options every listing shares: order, paging, JSON."""
    p.add_argument("--sort", choices=SORTS, default="relevance", help="order (default: relevance)")
    p.add_argument("--limit", type=int, default=limit, help=f"hits per page (1-100, default {limit})")
    p.add_argument("--page", type=int, default=1, help="page number (default 1)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vanban", description="Search Vietnamese Party and state documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    index_default = str(default_index_dir())

    p = sub.add_parser("extract", help="print each document's metadata and citations as JSON Lines",
                       epilog="Example: vanban extract corpus/000_65df158a4e7ec0a6.txt")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("index", help="build or update the index (default: the bundled corpus)",
                       epilog="Example: vanban index corpus/ --index /tmp/vanban-index")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--index", default=index_default, help=f"index folder (default: {index_default})")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the index",
                       epilog='Example: vanban search "phong chong tham nhung" --type "Kế hoạch" --year 2023')
    p.add_argument("query", nargs="?", default="", metavar="QUERY")
    p.add_argument("--index", default=index_default, help=f"index folder (default: {index_default})")
    p.add_argument("--type", action="append", help="document type, e.g. 'Kế hoạch' (repeatable)")
    p.add_argument("--year", action="append", help="year, e.g. 2019 (repeatable)")
    p.add_argument("--issuer", action="append", help="issuing body, as listed in the facets (repeatable)")
    p.add_argument("--province", action="append", help="province (repeatable)")
    p.add_argument("--cites", action="append", help="only documents citing this ref: '35-NQ/TW', 'nghi quyet 35'")
    _listing_args(p, limit=10)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("cites", help="list the documents citing a document, with the kind of relation",
                       epilog="Example: vanban cites 'Nghị quyết 35' --kind implements --json")
    p.add_argument("ref", metavar="REF", help="a document number in any spelling: 35-NQ/TW, 'nghi quyet 35'")
    p.add_argument("--index", default=index_default, help=f"index folder (default: {index_default})")
    p.add_argument("--kind", action="append", choices=KINDS, help="only this relation (repeatable)")
    _listing_args(p, limit=20)
    p.set_defaults(func=cmd_cites)

    p = sub.add_parser("graph", help="write the citation graph (nodes, edges with kind and passage)",
                       epilog="Example: vanban graph --format graphml --output citations.graphml")
    p.add_argument("--index", default=index_default, help=f"index folder (default: {index_default})")
    p.add_argument("--format", choices=FORMATS, default="json", help="json, csv (one table) or graphml")
    p.add_argument("--nodes", action="store_true", help="with --format csv: the nodes table instead of the edges")
    p.add_argument("--output", help="write to this file instead of standard output")
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser("serve", help="serve the search UI and JSON API (builds the index first if needed)",
                       epilog="Example: vanban serve --port 8080")
    p.add_argument("--index", default=index_default, help=f"index folder (default: {index_default})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=5000, help="port (default 5000)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as err:
        print(f"vanban: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nvanban: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
