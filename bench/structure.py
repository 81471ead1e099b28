"""Structure on real documents, per layout family: legal texts' own articles counted right and their first and
last headings right; plans' top-level sections right; the tasks plans assign found with the right lead
(precision and recall over tasks whose lead names one body) and the right deadline. CPU time beside wall time.

The sample is chosen by a fixed rule (`sample()`), read by hand into bench/structure_truth.py:
- legal texts: laws, decrees, circulars, consolidated texts, decisions and resolutions that have an
  `Điều 1`; from gazette_dev every 16th normative text (a year in its number, or a VBHN), from local_dev
  every 4th of each layout family;
- plans: plans, directives, reports, guidance, conclusions, notices and Party regulations of local_dev,
  and gazette_dev's decisions and resolutions without a year in their number (they approve programmes
  and plans): every 3rd of each set and layout family.
How a value is compared: `same_heading` (case, spacing and end punctuation aside; a heading the truth
cuts with `…` is compared as a prefix) and `sections_of` (top-level parts, a text issued with the
document opened to its own).

A hit's part on legal texts (`hit_parts`): in each legal text of the sample whose own articles can be told
without the outline (the lines `Điều 1.` ... `Điều N.`, N the truth's count, found one after the other, the
last one's heading the truth's), phrases of seven words are taken from lines inside its articles and
searched for as a hit's snippet is (`located_snippet`, with the structure the build stores); the part the
hit names must hold the article that the article lines put the match in. Texts where those lines do not
tell (an amendment quoting articles, numbers starting afresh in a text issued with a decision) are
counted apart, not measured.

Usage: python bench/structure.py     (prints the figures, writes bench/results/structure.json)
"""

import json
import re
import sys
import time
from collections import defaultdict

from common import ROOT, write_results
from structure_truth import LEGAL, PLANS

from indexer.extract.issuers import body_key
from indexer.extract.outline import Node, outline
from indexer.extract.structure import document_structure
from indexer.extract.task_bodies import is_specific
from indexer.extract.tasks import tasks
from indexer.query.highlight import located_snippet
from indexer.query.parse import parse_query
from indexer.vocab.structure import head, pack

DATA = ROOT.parent / "shared" / "data"
LEGAL_TYPES = ("Luật", "Nghị định", "Thông tư", "Thông tư liên tịch", "Văn bản hợp nhất", "Quyết định", "Nghị quyết")
PLAN_TYPES = ("Kế hoạch", "Chỉ thị", "Báo cáo", "Hướng dẫn", "Kết luận", "Thông báo", "Chương trình", "Đề án",
              "Quy định")
FIRST_ARTICLE = re.compile(r"^[ \t*>#]*Điều\s*1\s*[.:]", re.M)
GAZETTE = "gazette-pdf-text"
LEGAL_STEP = {"gazette_dev": 16, "local_dev": 4}
PLAN_STEP = 3
# Labels of the parts that are no text issued with the document (a text issued with it is named by its type:
# `Quy định`, `Kế hoạch`, `Điều lệ`, and the sections open into its own).
OWN_PARTS = re.compile(r"(?:Điều \d|Chương [IVXL\d]|Phần |Mục [IVX\d]|Phụ lục|Mẫu số |[IVXL]+$|\d|[a-zđA-H]$)")


def read_records(name: str) -> list[dict]:
    """A JSON Lines set, split at `\\n` only (a text may hold other line separators)."""
    text = (DATA / name / "documents.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def _family(name: str, record: dict) -> str:
    return GAZETTE if name == "gazette_dev" else record["layout"]


def _doc_type(name: str, record: dict) -> str:
    return record["truth"]["doc_type"] if name == "gazette_dev" else record["doc_type"]


def sample() -> tuple[list, list]:
    """The legal texts and plans read by hand: (set, family, record) each, by the fixed rule above."""
    legal, plans = defaultdict(list), defaultdict(list)
    for name in ("gazette_dev", "local_dev"):
        for record in read_records(name):
            if record.get("no_text_layer"):
                continue
            kind, family = _doc_type(name, record), _family(name, record)
            normative = name == "local_dev" or re.search(r"/\d{4}/|VBHN", record["truth"]["number"])
            administrative = name == "gazette_dev" and not normative
            if administrative or (name == "local_dev" and kind in PLAN_TYPES):
                plans[(name, family)].append(record)
            elif kind in LEGAL_TYPES and normative and FIRST_ARTICLE.search(record["text"]):
                legal[(name, family)].append(record)
    pick_legal = [(n, f, r) for (n, f), rs in legal.items() for r in rs[::LEGAL_STEP[n]]]
    pick_plans = [(n, f, r) for (n, f), rs in plans.items() for r in rs[::PLAN_STEP]]
    return pick_legal, pick_plans


ARTICLE = re.compile(r"^Điều \d+[a-zđ]?$")
APPENDIX = re.compile(r"^phu-luc|^mau-")


def walk(nodes, inside_appendix=False):
    for node in nodes:
        appendix = inside_appendix or bool(APPENDIX.match(node.anchor))
        yield node, appendix
        yield from walk(node.children, appendix)


def own_articles(nodes: tuple[Node, ...]) -> list[Node]:
    """The document's own articles: those of its text and of texts issued with it, never an appendix's forms."""
    return [n for n, appendix in walk(nodes) if ARTICLE.match(n.label) and not appendix]


def normal(text: str) -> str:
    return " ".join(text.replace("…", " ").split()).strip(" .:;,").casefold()


def same_heading(got: str, truth: str) -> bool:
    """Headings equal (case, spacing, end punctuation aside); a truth ending in `…` is a prefix."""
    if truth.endswith("…"):
        return normal(got).startswith(normal(truth))
    if got.endswith("…"):
        return normal(truth).startswith(normal(got))
    return normal(got) == normal(truth)


def sections_of(nodes: tuple[Node, ...]) -> list[tuple[str, str]]:
    """Top-level parts as (label, heading); a text issued with the document adds its own top-level parts."""
    out = []
    for node in nodes:
        out.append((node.label, node.heading))
        if not OWN_PARTS.match(node.label):
            out += [(f"{node.label}/{c.label}", c.heading) for c in node.children]
    return out


def same_sections(got: list, truth: list) -> bool:
    return len(got) == len(truth) and all(g[0] == t[0] and same_heading(g[1], t[1]) for g, t in zip(got, truth))


def legal_row(record: dict, nodes) -> dict:
    truth = LEGAL[record["id"]]
    articles = own_articles(nodes)
    got_first = articles[0].heading if articles else None
    got_last = articles[-1].heading if articles else None
    return {"count": len(articles) == truth["articles"], "got_count": len(articles), "want": truth["articles"],
            "first": got_first is not None and same_heading(got_first, truth["first"]),
            "last": got_last is not None and same_heading(got_last, truth["last"]),
            "got_first": got_first, "got_last": got_last}


def _match_tasks(found, text: str, truth: list) -> dict:
    """Truth tasks matched one to one with found tasks that overlap their needle and name the same lead."""
    found = [t for t in found if is_specific(t.lead)]
    used, right_lead, deadline_have, deadline_right, misses = set(), 0, 0, 0, []
    for needle, lead, deadline in truth:
        at = text.find(needle)
        if at < 0 or text.count(needle) != 1:
            raise ValueError(f"truth needle not once in its text: {needle!r}")
        hit = next((k for k, t in enumerate(found) if k not in used and t.start < at + len(needle) and at < t.end
                    and body_key(t.lead) == body_key(lead)), None)
        if hit is None:
            misses.append(needle[:60])
            continue
        used.add(hit)
        right_lead += 1
        if deadline is not None:
            deadline_have += 1
            got = found[hit].deadline
            want = dict(zip(("printed", "from", "to"), deadline))
            deadline_right += got is not None and _same_deadline(got.as_dict(), want)
    extra = [t.text[:60] for k, t in enumerate(found) if k not in used]
    return {"truth": len(truth), "found": len(found), "right": right_lead, "deadline_have": deadline_have,
            "deadline_right": deadline_right, "missed": misses, "extra": extra}


def _same_deadline(got: dict, want: dict) -> bool:
    if want["from"] is None and want["to"] is None:
        return got["from"] is None and got["to"] is None and normal(got["printed"]) == normal(want["printed"])
    return (got["from"], got["to"]) == (want["from"], want["to"])


def plan_row(record: dict, nodes) -> dict:
    truth = PLANS[record["id"]]
    got = sections_of(nodes)
    row = {"sections": same_sections(got, truth["sections"]), "got_sections": [g[0] for g in got]}
    row.update(_match_tasks(tasks(record["text"], nodes), record["text"], truth["tasks"]))
    return row


def _share(rows, key) -> dict:
    n = len(rows)
    return {"n": n, "right": sum(bool(r[key]) for r in rows), "share": round(sum(bool(r[key]) for r in rows) / n, 3)
            if n else None}


def _task_figures(rows) -> dict:
    truth, found, right = (sum(r[k] for r in rows) for k in ("truth", "found", "right"))
    have, good = sum(r["deadline_have"] for r in rows), sum(r["deadline_right"] for r in rows)
    return {"truth": truth, "found": found, "right": right,
            "precision": round(right / found, 3) if found else None,
            "recall": round(right / truth, 3) if truth else None,
            "deadline_have": have, "deadline_right": round(good / have, 3) if have else None}


ARTICLE_LINE = r"^[ \t>*#_]*Điều[ \t]+{}[ \t]*[.:]"
PHRASE_WORDS = 7
PHRASES_PER_ARTICLE = 2   # lines taken from each article (its first ones of PHRASE_WORDS words or more)
LAST_ARTICLE_REACH = 600  # of the last article, this much is read (after it, the signature, an appendix)
# The recipients' list that ends the last article, however a converter wrote it (`<p>Nơi nhận:`, `**Nơi nhận:**`).
RECIPIENTS = re.compile(r"^[ \t|_*]*(?:<[^>\n]+>[ \t]*)*(?:Nơi nhận|NƠI NHẬN)", re.M)


def article_starts(text: str, truth: dict) -> list[int] | None:
    """Where each own article starts, told by the article lines alone (`Điều 1.`, `Điều 2.` ... in order, the
    last one's heading the truth's), or None when those lines cannot tell."""
    starts, at = [], 0
    for k in range(1, truth["articles"] + 1):
        found = re.compile(ARTICLE_LINE.format(k), re.M).search(text, at)
        if not found:
            return None
        starts.append(found.start())
        at = found.end()
    line = text[at:text.find("\n", at) if "\n" in text[at:at + 400] else at + 400]
    if not same_heading(line.strip(" *"), truth["last"]) and not truth["last"].endswith("…"):
        return None
    following = re.compile(ARTICLE_LINE.format(r"\d+[a-zđ]?"), re.M).findall(text, starts[0])
    return starts if len(following) == len(starts) else None  # no other article line: nothing quoted


def _phrases(text: str, start: int, end: int) -> list[str]:
    phrases = []
    for line in text[start:end].split("\n")[1:]:
        words = [w for w in line.replace("*", " ").split() if any(c.isalpha() for c in w)]
        if len(words) >= PHRASE_WORDS:
            phrases.append(" ".join(words[:PHRASE_WORDS]))
        if len(phrases) == PHRASES_PER_ARTICLE:
            break
    return phrases


def _article_of(starts: list[int], at: int) -> int | None:
    """The article an offset stands in, by the article lines (None before the first: the preamble, the header)."""
    return next((k for k in range(len(starts), 0, -1) if starts[k - 1] <= at), None)


def hit_parts(legal) -> dict:
    """How often a hit on a legal text names the article its snippet's match stands in."""
    measured, skipped, right, wrong = 0, [], 0, []
    for _set, _family, record in legal:
        text, truth = record["text"], LEGAL[record["id"]]
        starts = article_starts(text, truth)
        if starts is None:
            skipped.append(record["id"])
            continue
        measured += 1
        stored = head(pack(document_structure(text))[0])
        closing = RECIPIENTS.search(text, starts[-1], starts[-1] + LAST_ARTICLE_REACH)
        ends = starts[1:] + [closing.start() if closing else starts[-1] + LAST_ARTICLE_REACH]
        for start, end in zip(starts, ends):
            for phrase in _phrases(text, start, end):
                _, at = located_snippet(text, parse_query(phrase), body=stored.body, furniture=stored.furniture)
                if at >= ends[-1]:
                    continue  # the phrase stands first past the last article's reach: what holds it is not told
                want = _article_of(starts, at)
                got = [n.label for n in stored.path_at(at) if n.label.startswith("Điều ")]
                if got == ([f"Điều {want}"] if want else []):
                    right += 1
                else:
                    wrong.append({"id": record["id"], "phrase": phrase, "want": want, "got": got})
    hits = right + len(wrong)
    return {"texts_measured": measured, "texts_not_told": len(skipped), "hits": hits, "right": right,
            "share": round(right / hits, 3) if hits else None, "wrong": wrong[:20]}


def run() -> dict:
    legal, plans = sample()
    cpu, wall = 0.0, time.perf_counter()
    legal_rows, plan_rows = defaultdict(list), defaultdict(list)
    for _set, family, record in legal + plans:
        start = time.process_time()
        nodes = outline(record["text"])
        row = legal_row(record, nodes) if record["id"] in LEGAL else plan_row(record, nodes)
        cpu += time.process_time() - start
        (legal_rows if record["id"] in LEGAL else plan_rows)[family].append(dict(row, id=record["id"]))
    wall = time.perf_counter() - wall
    figures = {"legal": {}, "plans": {}, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3)}
    for family, rows in sorted(legal_rows.items()) + [("all", [r for rs in legal_rows.values() for r in rs])]:
        figures["legal"][family] = {k: _share(rows, k) for k in ("count", "first", "last")}
    for family, rows in sorted(plan_rows.items()) + [("all", [r for rs in plan_rows.values() for r in rs])]:
        figures["plans"][family] = {"sections": _share(rows, "sections"), "tasks": _task_figures(rows)}
    start, wall = time.process_time(), time.perf_counter()
    figures["hit_parts"] = hit_parts(legal)
    figures["hit_parts"].update(cpu_s=round(time.process_time() - start, 3),
                                wall_s=round(time.perf_counter() - wall, 3))
    figures["failures"] = ([{k: r[k] for k in ("id", "got_count", "want", "got_first", "got_last")}
                            for rs in legal_rows.values() for r in rs if not (r["count"] and r["first"] and r["last"])]
                           + [{k: r[k] for k in ("id", "sections", "got_sections", "missed", "extra")}
                              for rs in plan_rows.values() for r in rs
                              if not r["sections"] or r["missed"] or r["extra"]])
    return figures


def summary(figures: dict) -> list[str]:
    lines = [f"{'legal texts':32} {'n':>3} {'articles':>9} {'Điều 1':>7} {'last':>6}"]
    for family, f in figures["legal"].items():
        lines.append(f"{family:32} {f['count']['n']:>3} {f['count']['share']:>9} {f['first']['share']:>7} "
                     f"{f['last']['share']:>6}")
    lines.append(f"{'plans':32} {'n':>3} {'sections':>9} {'tasks':>6} {'prec':>6} {'recall':>6} {'deadline':>8}")
    for family, f in figures["plans"].items():
        t = f["tasks"]
        lines.append(f"{family:32} {f['sections']['n']:>3} {f['sections']['share']:>9} {t['truth']:>6} "
                     f"{t['precision']!s:>6} {t['recall']!s:>6} {t['deadline_right']!s:>8}")
    lines.append(f"cpu {figures['cpu_s']} s, wall {figures['wall_s']} s")
    h = figures["hit_parts"]
    lines.append(f"hits on legal texts naming the right article: {h['right']}/{h['hits']} = {h['share']} "
                 f"({h['texts_measured']} texts; {h['texts_not_told']} whose article lines cannot tell, not measured;"
                 f" cpu {h['cpu_s']} s)")
    return lines


if __name__ == "__main__":
    figures = run()
    print("\n".join(summary(figures)))
    write_results("structure", figures)
    sys.exit(0)
