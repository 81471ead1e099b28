"""Every document citing a law: the citing lists of laws, by number and by name, against the texts.

For each law number (`58/2014/QH13`, `89/2025/UBTVQH15`: a QH or UBTVQH code) printed in a text of
the index, the documents whose text prints that number are the truth for its citing list (a document
printing its own number is not its own citer); recall and precision of `citing_documents` over them.
For laws cited by name, the citing list of the name must hold every document citing it with its number
(so the name finds at least what the numbers find), and the name-only citations are counted with the
version they were resolved to.

Usage: python bench/laws.py --index DIR (an index of the corpora, e.g. `vanban index
../shared/data/gazette_dev ../shared/data/local_dev --index DIR`). Writes bench/results/laws.json.
"""

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer import citing_documents, open_index
from indexer.engines import Every
from indexer.vocab.refs import ref_key

RESULTS = Path(__file__).resolve().parent / "results"

# A law's number as printed: the National Assembly's and its Standing Committee's codes.
LAW_NUMBER = re.compile(r"(?<![\d/.])\d{1,4}\s*/\s*(?:19|20)\d\d\s*/\s*(?:UBTV)?QH\d{1,2}(?![\w/])")


def documents(index) -> list[dict]:
    """Every stored document: id, number, text, citations."""
    ix = open_index(index)
    out = []
    with ix.searcher() as searcher:
        for key, _ in searcher.search(Every(), limit=max(1, searcher.doc_count())).hits:
            stored = searcher.stored(key)
            meta = json.loads(stored["meta"])
            out.append({"id": stored["id"], "number": meta.get("number"), "text": stored["text"],
                        "citations": meta["citations"]})
    return out


def truth(docs: list[dict]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Law number key -> the documents whose text prints it (not as their own number), and key -> the
    number as printed."""
    holders: dict[str, set[str]] = {}
    printed = {}
    for doc in docs:
        own = ref_key(doc["number"]) if doc["number"] else None
        for match in LAW_NUMBER.finditer(doc["text"]):
            key = ref_key(match.group(0))
            printed.setdefault(key, " ".join(match.group(0).split()))
            if key != own:
                holders.setdefault(key, set()).add(doc["id"])
    return holders, printed


def named_versions(docs: list[dict]) -> dict[str, set[str]]:
    """Document id -> the law versions it cites by name and year alone (`Luật Đất đai năm 2013`): citers
    of that law that need not print its number."""
    out: dict[str, set[str]] = {}
    for doc in docs:
        for c in doc["citations"]:
            if c.get("name") and c["ref"] == c["name"] and c.get("year"):
                out.setdefault(doc["id"], set()).add(f"{c['name']}@{c['year']}")
    return out


def citers(index, ref: str) -> set[str]:
    return {h.document.id for h in citing_documents(index, ref, all_pages=True).hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    docs = documents(args.index)
    holders, printed = truth(docs)
    by_name = named_versions(docs)
    found_all = held_all = right = named = 0
    refused, missed = [], Counter()
    for key, holding in sorted(holders.items()):
        ref = printed.get(key, key)
        try:
            found = citers(args.index, ref)
        except Exception as err:  # a refused ref is the failure this bench exists for
            refused.append(f"{ref}: {err}")
            continue
        extra = {d for d in found - holding if d in by_name}  # cite it by its name and year
        named += len(extra)
        found_all, held_all, right = found_all + len(found), held_all + len(holding), right + len(found & holding)
        missed.update({ref: len(holding - found)} if holding - found else {})
    names: dict[str, dict] = {}
    for doc in docs:
        for c in doc["citations"]:
            if c.get("name"):
                entry = names.setdefault(c["name"], {"numbered": set(), "name_only": 0, "resolved": 0})
                if c["ref"] == c["name"]:
                    entry["name_only"] += 1
                else:
                    entry["numbered"].add(doc["id"])
                    entry["resolved"] += c["ref"] != c["name"]
    name_rows = {}
    for name, entry in sorted(names.items(), key=lambda kv: -len(kv[1]["numbered"]))[:40]:
        found = citers(args.index, name)
        name_rows[name] = {"numbered_citers": len(entry["numbered"]), "in_name_list": len(entry["numbered"] & found),
                           "name_list": len(found), "name_only_citations": entry["name_only"]}
    figures = {
        "documents": len(docs), "law_numbers": len(holders), "refused": refused,
        "recall": round(right / held_all, 4) if held_all else None,
        "precision": round(right / found_all, 4) if found_all else None,
        "precision_counting_name_and_year": round((right + named) / found_all, 4) if found_all else None,
        "found_by_name_and_year": named,
        "most_missed": missed.most_common(10),
        "names": name_rows,
        "names_hold_their_numbered_citers": all(r["in_name_list"] == r["numbered_citers"] for r in name_rows.values()),
        "seconds": round(time.perf_counter() - started, 1), "cpu_seconds": round(time.process_time() - cpu, 1),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "laws.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k != "names"}, ensure_ascii=False, indent=1))
    for name, row in list(name_rows.items())[:15]:
        print(f"{name:55s} {row}")


if __name__ == "__main__":
    main()
