"""Build (and incrementally update) the whoosh index of a corpus."""

import json
import multiprocessing
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from whoosh import index as whoosh_index
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from analyzers.tokens import word_spans
from analyzers.whoosh_analysis import folded_analyzer, presegmented, syllable_analyzer, word_analyzer
from indexer.corpus import Document, Skipped, SourceFile, list_files, read_file
from indexer.refs import ref_keys
from indexer.relations import strongest

MANIFEST = "vanban_manifest.json"
# Bump when analysis, extraction or the schema change: the next build then starts afresh.
FORMAT_VERSION = 3
# Below this many documents, starting worker processes costs more than it saves.
POOL_MIN_DOCUMENTS = 24

Progress = Callable[[int, int, float], None]


def make_schema() -> Schema:
    """Three views of the text, stored text, exact-match refs, and facet fields."""
    return Schema(
        id=ID(stored=True, unique=True),
        source=ID(stored=True),
        part=NUMERIC(stored=True),
        text=TEXT(analyzer=syllable_analyzer(), stored=True, phrase=True),
        words=TEXT(analyzer=word_analyzer(), phrase=False),
        folded=TEXT(analyzer=folded_analyzer(), phrase=True),
        title=TEXT(analyzer=syllable_analyzer(), stored=True, phrase=True),
        title_folded=TEXT(analyzer=folded_analyzer(), phrase=True),
        number=ID(stored=True),
        number_keys=KEYWORD(commas=True, lowercase=True),
        cites=KEYWORD(commas=True, lowercase=True, scorable=True),
        cites_kind=KEYWORD(commas=True, lowercase=True),   # `35-nq-tw>implements`: the strongest kind
        cited_refs=KEYWORD(commas=True, stored=False),     # canonical refs, for the "cites" facet
        doc_type=ID(stored=True, sortable=True),
        issuer=ID(stored=True, sortable=True),
        province=ID(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
        year_inferred=BOOLEAN(stored=True),
        sort_date=ID(stored=True, sortable=True),
        meta=STORED(),
    )


@dataclass
class BuildReport:
    """What a build did: documents written, files split, skipped and why."""

    index_dir: str
    documents_indexed: int = 0
    documents_total: int = 0
    files_added: int = 0
    files_changed: int = 0
    files_removed: int = 0
    files_unchanged: int = 0
    parts_split: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def _fields(doc: Document, spans: list) -> dict:
    meta = doc.meta
    # One key per citation, repeats kept: a document that cites a ref often ranks higher for it.
    cited = [k for c in meta.citations for k in ref_keys(c.ref)]
    kinds: dict[str, list[str]] = {}
    for c in meta.citations:
        for k in ref_keys(c.ref):
            kinds.setdefault(k, []).append(c.kind)
    stored_meta = asdict(meta)
    return dict(
        id=doc.id, source=doc.source, part=doc.part, text=doc.text,
        words=presegmented(doc.text, spans), folded=doc.text,
        title=meta.title or "", title_folded=meta.title or "",
        number=meta.number or "", number_keys=",".join(ref_keys(meta.number)) if meta.number else "",
        cites=",".join(cited), cites_kind=",".join(f"{k}>{strongest(v)}" for k, v in sorted(kinds.items())),
        cited_refs=",".join(sorted({c.ref for c in meta.citations})), doc_type=meta.doc_type or "", issuer=meta.issuer or "",
        province=meta.province or "", year=str(meta.year) if meta.year else "",
        year_inferred=bool(meta.year_inferred), sort_date=meta.date or meta.date_min or "",
        meta=json.dumps(stored_meta, ensure_ascii=False),
    )


def _segment_all(texts: list[str]) -> list[list]:
    """pyvi word spans for every text, in two worker processes when it pays."""
    if len(texts) < POOL_MIN_DOCUMENTS:
        return [word_spans(t) for t in texts]
    workers = min(2, os.cpu_count() or 1)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(word_spans, texts, chunksize=4)


def _load_manifest(index_dir: Path) -> dict:
    try:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if manifest.get("version") == FORMAT_VERSION else {}


def _save_manifest(index_dir: Path, files: dict) -> None:
    tmp = index_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"version": FORMAT_VERSION, "files": files}, ensure_ascii=False, indent=1),
                   encoding="utf-8")
    os.replace(tmp, index_dir / MANIFEST)  # atomic: the manifest never describes a half build


def _open_or_create(index_dir: Path, fresh: bool):
    index_dir.mkdir(parents=True, exist_ok=True)
    if fresh or not whoosh_index.exists_in(str(index_dir)):
        return whoosh_index.create_in(str(index_dir), make_schema())
    return whoosh_index.open_dir(str(index_dir))


def build_index(corpus: list[Path] | Path, index_dir: Path, progress: Progress | None = None) -> BuildReport:
    """Index the corpus into index_dir; unchanged files are kept, changed replaced, deleted removed.

    The new state becomes visible only at the final commit: an interrupted build leaves the
    last good index in place.
    """
    started = time.monotonic()
    index_dir = Path(index_dir)
    paths = [Path(p) for p in (corpus if isinstance(corpus, (list, tuple)) else [corpus])]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"corpus path not found: {p}")
    manifest = _load_manifest(index_dir)
    old = manifest.get("files", {})
    report = BuildReport(index_dir=str(index_dir))
    files = list_files(paths)
    current = {f.source: f for f in files}
    todo = [f for f in files if old.get(f.source) != f.digest]
    removed = [s for s in old if s not in current]
    report.files_unchanged = len(files) - len(todo)
    report.files_added = sum(1 for f in todo if f.source not in old)
    report.files_changed = len(todo) - report.files_added
    report.files_removed = len(removed)

    ix = _open_or_create(index_dir, fresh=not manifest)
    documents, readable = _read(todo, report)
    writer = ix.writer()
    try:
        for source in removed + [f.source for f in todo if f.source in old]:
            writer.delete_by_term("source", source)
        _write(writer, documents, report, progress, started)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    kept = {s: d for s, d in old.items() if s in current and s not in {f.source for f in todo}}
    kept.update({f.source: f.digest for f in readable})
    _save_manifest(index_dir, kept)
    with ix.searcher() as searcher:
        report.documents_total = searcher.doc_count()
    report.seconds = round(time.monotonic() - started, 3)
    return report


def _read(todo: list[SourceFile], report: BuildReport) -> tuple[list[Document], list[SourceFile]]:
    """Read the files to (re)index; a file that cannot be read is reported and left out."""
    documents, readable = [], []
    for file in todo:
        items = list(read_file(file))
        docs = [d for d in items if isinstance(d, Document)]
        report.skipped.extend(i for i in items if isinstance(i, Skipped))
        if docs or not any(isinstance(i, Skipped) and i.source == file.source for i in items):
            readable.append(file)
        if len(docs) > 1 and not file.path.suffix.lower() == ".jsonl":
            report.parts_split += 1
        documents.extend(docs)
    return documents, readable


def _write(writer, documents: list[Document], report: BuildReport, progress: Progress | None,
           started: float) -> None:
    batch = 64
    for first in range(0, len(documents), batch):
        chunk = documents[first:first + batch]
        spans = _segment_all([d.text for d in chunk])
        for doc, doc_spans in zip(chunk, spans):
            writer.add_document(**_fields(doc, doc_spans))
            report.documents_indexed += 1
        if progress:
            elapsed = max(time.monotonic() - started, 1e-6)
            progress(report.documents_indexed, len(documents), report.documents_indexed / elapsed)
