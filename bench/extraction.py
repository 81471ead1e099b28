"""Extraction on real gazette texts: type, number, date, title, issuer, signer, citations, time.

Data: ../shared/data/gazette_dev/documents.jsonl (201 central documents with `truth` = type and number
read from the gazette's URL). Usage: python bench/extraction.py
"""

import json
import random
import re
import time
from collections import Counter

from common import ROOT, write_results

from analyzers.normalize import fold, normalize_text
from indexer.extract.metadata import extract, extract_one

GAZETTE = ROOT.parent / "shared" / "data" / "gazette_dev" / "documents.jsonl"
SAMPLE = 30

# The body each issuer code of a symbol names: the check for the extracted issuer. Kept here, apart
# from the extractor's own tables, so the check does not share the extractor's mistakes.
EXPECTED_ISSUERS = {
    "cp": "Chính phủ", "ttg": "Thủ tướng Chính phủ", "qh": "Quốc hội", "ubtvqh": "Ủy ban Thường vụ Quốc hội",
    "vpqh": "Văn phòng Quốc hội", "bldtbxh": "Bộ Lao động - Thương binh và Xã hội", "btc": "Bộ Tài chính",
    "bca": "Bộ Công an", "bqp": "Bộ Quốc phòng", "byt": "Bộ Y tế", "nhnn": "Ngân hàng Nhà nước Việt Nam",
    "bxd": "Bộ Xây dựng", "bkhcn": "Bộ Khoa học và Công nghệ", "bct": "Bộ Công Thương", "bnv": "Bộ Nội vụ",
    "bnnptnt": "Bộ Nông nghiệp và Phát triển nông thôn", "bkhdt": "Bộ Kế hoạch và Đầu tư",
}


def number_key(number: str | None) -> str:
    """Folded, no spaces, no leading zero, one separator: what the gazette's URL keeps of a number."""
    parts = [p for p in re.split(r"[-/–.\s]+", fold(number or "").lower()) if p]
    return "-".join([parts[0].lstrip("0")] + parts[1:]) if parts else ""


def expected_issuer(number: str) -> str | None:
    """The body named by the truth number's last code (`04/VBHN-BYT` -> Bộ Y tế), when one body."""
    code = re.sub(r"\d+$", "", number_key(number).split("-")[-1])
    return EXPECTED_ISSUERS.get(code)


def read_records() -> list[dict]:
    with GAZETTE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run() -> dict:
    records = read_records()
    rows, citations, cpu = [], [], 0.0
    for record in records:
        text = normalize_text(record["text"])
        start = time.process_time()
        meta, parts = extract_one(text), len(extract(text))
        cpu += time.process_time() - start
        rows.append((record, meta, parts))
        citations += [(record["id"], c) for c in meta.citations]
    return figures(rows, citations, cpu)


def _share(rows, test) -> float:
    return round(sum(1 for row in rows if test(row)) / max(1, len(rows)), 4)


def figures(rows, citations, cpu) -> dict:
    scored = [r for r in rows if not r[0].get("no_text_layer")]
    def type_ok(r):
        return fold(r[1].doc_type or "").lower() == fold(r[0]["truth"]["doc_type"]).lower()

    def number_ok(r):
        return number_key(r[1].number) == number_key(r[0]["truth"]["number"])

    def issuer_ok(r):
        return r[1].issuer == expected_issuer(r[0]["truth"]["number"])

    with_expected = [r for r in scored if expected_issuer(r[0]["truth"]["number"])]
    sample = random.Random(8).sample(citations, min(SAMPLE, len(citations)))
    return {
        "documents": len(rows), "no_text_layer": len(rows) - len(scored),
        "type_accuracy": _share(scored, type_ok), "number_accuracy": _share(scored, number_ok),
        "with_date": _share(scored, lambda r: r[1].date), "with_title": _share(scored, lambda r: r[1].title),
        "with_issuer": _share(scored, lambda r: r[1].issuer),
        "issuer_matches_number_code": _share(with_expected, issuer_ok),
        "issuer_values": dict(Counter(r[1].issuer for r in rows).most_common()),
        "province_on_central_documents": sum(1 for r in rows if r[1].province),
        "with_signer": _share(scored, lambda r: r[1].signer),
        "split_into_several": sum(1 for r in rows if r[2] > 1),
        "citations": len(citations),
        "citations_by_type": dict(Counter(c.doc_type for _, c in citations).most_common()),
        "citation_sample": [f"{doc} | {c.ref} | {c.text}" for doc, c in sample],
        "type_misses": [f"{r[0]['id']}: {r[1].doc_type}" for r in scored if not type_ok(r)][:20],
        "number_misses": [f"{r[0]['id']}: {r[1].number}" for r in scored if not number_ok(r)][:20],
        "issuer_misses": [f"{r[0]['id']}: {r[1].issuer}" for r in with_expected if not issuer_ok(r)][:20],
        "cpu_seconds": round(cpu, 2),
    }


if __name__ == "__main__":
    write_results("extraction", run())
