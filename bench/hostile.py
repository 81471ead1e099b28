"""Hostile files: each crafted here, indexed by `vanban index` (and read by `vanban extract`) in a
process of its own, with its wall time, CPU time (every process of the tree, workers included) and
the peak of the tree's summed memory (PSS: shared pages counted once); and the document page of hostile markup, timed.

    .venv/bin/python bench/hostile.py [--only NAME,...] [--timeout 300]

Targets: every file indexed or reported within 60 s; the build's peak memory under 1 GB,
under 600 MB beside a multi-GB file of a kind it does not read; a document page within 5 s.
"""

import argparse
import io
import json
import os
import random
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from common import PYTHON, SEEDS, run_measured, write_results

SEED_PLAN = (SEEDS / "000_65df158a4e7ec0a6.txt").read_text(encoding="utf-8")
PLAN = "KẾ HOẠCH\n\nThực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng.\n"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/'
                 'word/document.xml" ContentType="{main}"/></Types>')
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx(path: Path, paragraphs, main: str = DOCX_MAIN, body_xml: str | None = None) -> None:
    """A .docx written part by part, its document.xml streamed (so a 300 MB part costs no memory here)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main))
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode())
            if body_xml:
                part.write(body_xml.encode())
            for text in paragraphs:
                part.write(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode())
            part.write(b"</w:body></w:document>")


def docx_bomb(folder: Path) -> None:
    """0.9 MB inflating to 300 MB of paragraphs."""
    docx(folder / "bomb.docx", ("a" for _ in range(300_000_000 // 36)))


def docx_30mb(folder: Path) -> None:
    """About 30 MB compressed: varied paragraphs, which compress poorly."""
    rng = random.Random(1)
    words = SEED_PLAN.split()
    docx(folder / "big.docx", (" ".join(rng.choice(words) for _ in range(40)) for _ in range(400_000)))


def docx_corrupt(folder: Path) -> None:
    path = folder / "corrupt.docx"
    docx(path, ["Kế hoạch"] * 2000)
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + 60
    data[start:start + 200] = bytes(200)  # the deflate stream overwritten
    path.write_bytes(bytes(data))


def docx_not_a_document(folder: Path) -> None:
    docx(folder / "other.docx", ["x"], main="application/vnd.ms-excel.sheet.main+xml")


def docx_table_without_grid(folder: Path) -> None:
    table = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>"
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    docx(folder / "nogrid.docx", ["KẾ HOẠCH", "về chuyển đổi số"], body_xml=table)


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from its objects (1-based), with a correct cross-reference table."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_page(points: int) -> bytes:
    """One page of `points` x `points` holding a 1-pixel image: a scan to OCR, rendered whole."""
    image = (b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
             b"/Length 1 >>\nstream\n\x80\nendstream")
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (points, points)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> "
                 b"/Contents 5 0 R >>" % (points, points), image,
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])


def pdf_14400(folder: Path) -> None:
    (folder / "page.pdf").write_bytes(pdf_page(14_400))


def pdf_200000(folder: Path) -> None:
    (folder / "huge.pdf").write_bytes(pdf_page(200_000))


def scan_300_pages(folder: Path) -> None:
    """300 pages of the same scanned page (fpdf2 stores the image once: a small file)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 36)
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    for n, line in enumerate(SEED_PLAN.splitlines()[:40]):
        draw.text((100, 100 + n * 40), line[:60], font=font, fill=0)
    page.save(folder / "page.png")
    pdf = FPDF(unit="pt", format="A4")
    for _ in range(300):
        pdf.add_page()
        pdf.image(str(folder / "page.png"), x=0, y=0, w=595, h=842)
    pdf.output(str(folder / "scan.pdf"))
    (folder / "page.png").unlink()


def video_3gb(folder: Path) -> None:
    """A 3 GB file of a kind it does not read (sparse: it costs no disk)."""
    with open(folder / "meeting.mp4", "wb") as handle:
        handle.truncate(3 << 30)


def citations(count: int):
    def make(folder: Path) -> None:
        lines = [f"{i}. Căn cứ Nghị quyết số {i % 900 + 1}-NQ/TW ngày 22/10/2018 của Bộ Chính trị; Nghị quyết "
                 f"{i % 900 + 1} và Chỉ thị số {i}/CT-TTg." for i in range(count // 3)]
        (folder / "citations.txt").write_text(PLAN + "\n".join(lines), encoding="utf-8")
    return make


def lossy_mojibake(folder: Path) -> None:
    """UTF-8 read as Windows-1252 with undefined bytes replaced, and saved again: not repairable."""
    text = (SEED_PLAN * 2).encode("utf-8").decode("cp1252", "replace")
    (folder / "mojibake.txt").write_text(text, encoding="utf-8")


def odd_names_and_links(folder: Path) -> None:
    (folder / os.fsdecode(b"C\xf4ng v\xe3n.txt")).write_text(PLAN, encoding="utf-8")
    (folder / "shadow.txt").symlink_to("/etc/shadow")
    os.mkfifo(folder / "pipe.txt")


CASES = {
    "docx_300MB_inflated": docx_bomb, "docx_30MB": docx_30mb, "docx_corrupt_deflate": docx_corrupt,
    "docx_main_part_not_a_document": docx_not_a_document, "docx_table_without_tblGrid": docx_table_without_grid,
    "pdf_page_14400_points": pdf_14400, "pdf_page_200000_points": pdf_200000, "scan_300_pages": scan_300_pages,
    "mp4_3GB_beside": video_3gb, "citations_20000": citations(20_000), "citations_100000": citations(100_000),
    "mojibake_lossy": lossy_mojibake, "odd_names_links_fifo": odd_names_and_links,
}

MARKUP = {"brackets_12KB": "[" * 4000 + "](" * 4000, "brackets_120KB": "[" * 30000 + "](" * 30000,
          "list_300_levels": "\n".join("  " * i + "- x" for i in range(300)), "angles_200KB": "‹" * 200_000,
          "stars_150KB": "*a " * 50_000}


def measure_case(name: str, make, work: Path, timeout: float) -> dict:
    folder = work / name / "kho"
    folder.mkdir(parents=True)
    (folder / "normal.txt").write_text(PLAN, encoding="utf-8")  # the rest must still index
    made = time.perf_counter()
    make(folder)
    made = time.perf_counter() - made
    size = sum(f.lstat().st_size for f in folder.iterdir() if f.is_file() and not f.is_symlink())
    index = run_measured([PYTHON, "-m", "vanban", "index", str(folder), "--index", str(work / name / "ix")],
                         timeout=timeout)
    hostile = [f for f in folder.iterdir() if f.name != "normal.txt"]
    extract = run_measured([PYTHON, "-m", "vanban", "extract", *map(str, hostile)], timeout=timeout)
    reported = [line.strip() for line in index.stderr.splitlines() if "bỏ qua" in line and "kho/" in line]
    shutil.rmtree(work / name)
    return {"bytes": size, "made_s": round(made, 1), "index": _figures(index), "extract": _figures(extract),
            "reported": reported[:6]}


def _figures(run) -> dict:
    return {"rc": run.returncode, "wall_s": round(run.wall_s, 1), "cpu_s": round(run.cpu_s, 1),
            "peak_tree_mb": round(run.peak_rss_mb)}


def measure_pages(work: Path) -> dict:
    """The document page of each hostile markup text, through the app (a test client), in ms."""
    from indexer import build_index
    from webui.app import create_app

    folder = work / "markup" / "kho"
    folder.mkdir(parents=True)
    records = [{"id": name, "text": f"Kế hoạch thử.\n\n{text}"} for name, text in MARKUP.items()]
    (folder / "m.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    build_index([folder], work / "markup" / "ix")
    client = create_app({"INDEX_DIR": str(work / "markup" / "ix")}).test_client()
    pages = {}
    for name in MARKUP:
        started, cpu = time.perf_counter(), time.process_time()
        status = client.get(f"/doc/kho/m.jsonl%23{name}").status_code
        pages[name] = {"status": status, "wall_ms": round((time.perf_counter() - started) * 1000),
                       "cpu_ms": round((time.process_time() - cpu) * 1000)}
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a build is killed")
    args = parser.parse_args()
    chosen = [n for n in CASES if not args.only or n in args.only.split(",")]
    figures = {"cases": {}, "pages": {}}
    with tempfile.TemporaryDirectory(prefix="vanban-hostile-") as tmp:
        for name in chosen:
            figures["cases"][name] = measure_case(name, CASES[name], Path(tmp), args.timeout)
            print(name, json.dumps(figures["cases"][name], ensure_ascii=False), flush=True)
        if not args.only or "pages" in args.only.split(","):
            figures["pages"] = measure_pages(Path(tmp))
    write_results("hostile", figures)


if __name__ == "__main__":
    main()
