"""Benchmark corpora of any size: whole real paragraphs recombined under realistic document headers.

The paragraphs come from gazette_dev's texts (`../shared/data/gazette_dev/documents.jsonl`) and the
bundled seeds (`vanban/corpus/`), so segmentation, extraction and citation parsing see real language, and citations
(`Nghị quyết số 35-NQ/TW ...`) are real ones. A corpus is cached by (seed, size): reruns reuse it.

Document lengths follow a provincial plan's (about 20 KB each, `plan`) or gazette_dev's own (a few KB
to over 1 MB, `gazette`: each document's length drawn from the real texts', long annexes included).

The folder is cached under $VANBAN_BENCH_CACHE (default: the temp folder's vanban-bench-corpora);
bench/generate_corpus.py makes one from the command line.
"""

import os
import random
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from common.data import GAZETTE_RECORDS, SEEDS, read_jsonl

CACHE = Path(os.environ.get("VANBAN_BENCH_CACHE") or Path(tempfile.gettempdir()) / "vanban-bench-corpora")
TARGET_CHARS = 15_000     # a provincial plan's length
PER_FOLDER = 1000         # files per subfolder: large folders are slow to list on some file systems
DEFAULT_SEED = 7

# A paragraph that cites another document: a type name followed by a number (`Nghị quyết số 35-NQ/TW`).
CITING = re.compile(r"(Nghị quyết|Nghị định|Chỉ thị|Kết luận|Kế hoạch|Quyết định|Thông tư|Hướng dẫn|Luật)"
                    r"(?: số)? (\d+(/\d{4})?/[A-ZĐ]+-[A-ZĐ0-9]+|\d+-[A-ZĐ]+/[A-ZĐ0-9]+)\b")
# Text that opens a document (a form template quoted in an annex): a paragraph holding it would make
# the extractor start a new document inside ours.
OPENING = re.compile(r"CỘNG HÒA|Độc lập|Kính gửi|…|\.{4}|_{3}")
# Gazette page furniture between pages: running heads, page numbers, signature stamps.
FURNITURE = re.compile(r"CÔNG BÁO/|^\d+$|Ký bởi|@|Thời gian ký|Cơ quan:")
# A wrapped line ends a paragraph when it ends a sentence or a clause list item.
PARAGRAPH_END = re.compile(r"[.;:!?”\"]$")
# A line that starts a new paragraph even if the previous one did not end a sentence.
PARAGRAPH_START = re.compile(r"^(- |\+ |\d+\. |[a-zđ]\) |Điều \d+|Chương [IVX]+|[IVX]+\. )")

PROVINCES = ["Hà Nội", "Hải Dương", "Kon Tum", "Kiên Giang", "Nghệ An", "Thanh Hóa", "Đắk Lắk", "Quảng Ninh",
             "Cần Thơ", "Lâm Đồng", "Bắc Giang", "Thái Bình", "Phú Thọ", "Bình Định", "An Giang", "Lào Cai"]
TOPICS = ["tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
          "đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực", "chuyển đổi số trong cơ quan nhà nước",
          "nâng cao chất lượng công tác tuyên truyền trên không gian mạng", "cải cách hành chính giai đoạn 2021-2025",
          "phát triển kinh tế tập thể, hợp tác xã", "bảo đảm an toàn giao thông", "xây dựng nông thôn mới",
          "công tác dân vận của hệ thống chính trị", "bảo hiểm y tế toàn dân", "phòng, chống thiên tai",
          "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]
# (heading, Party symbol, state symbol): the document types a province issues most.
TYPES = [("KẾ HOẠCH", "KH", "KH"), ("KẾ HOẠCH", "KH", "KH"), ("KẾ HOẠCH", "KH", "KH"),
         ("NGHỊ QUYẾT", "NQ", "NQ"), ("CHỈ THỊ", "CT", "CT"), ("QUYẾT ĐỊNH", "QĐ", "QĐ")]


@dataclass(frozen=True)
class Pool:
    """Real paragraphs: gazette prose split by whether it cites another document, and the seeds' plans."""

    plain: tuple[str, ...]
    citing: tuple[str, ...]
    plan: tuple[str, ...]

    @property
    def plan_citing(self) -> tuple[str, ...]:
        return tuple(p for p in self.plan if CITING.search(p))


def gazette_paragraphs(text: str) -> list[str]:
    """Undo the PDF's hard line wraps: whole paragraphs, without page furniture."""
    paragraphs, current = [], []
    for line in text.replace("\r", "").split("\n"):
        line = line.strip()
        if not line or FURNITURE.search(line):
            continue
        if current and PARAGRAPH_START.match(line):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
        if PARAGRAPH_END.search(line):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _usable(paragraph: str) -> bool:
    """Body prose: long enough, not a heading in capitals, not table debris full of digits."""
    letters = sum(c.isalpha() for c in paragraph)
    return (120 <= len(paragraph) <= 2000 and letters > 0.6 * len(paragraph)
            and sum(c.isupper() for c in paragraph) < 0.3 * letters and not OPENING.search(paragraph))


def _seed_paragraphs() -> list[str]:
    return [p.strip() for seed in sorted(SEEDS.glob("*.txt"))
            for p in seed.read_text(encoding="utf-8").split("\n\n")]


@lru_cache(maxsize=1)
def paragraph_pool() -> Pool:
    """Every usable paragraph of the gazette set and the seeds, in a fixed order."""
    gazette = []
    for record in read_jsonl(GAZETTE_RECORDS):
        gazette += gazette_paragraphs(record["text"])
    gazette = list(dict.fromkeys(p for p in gazette if _usable(p)))
    return Pool(plain=tuple(p for p in gazette if not CITING.search(p)),
                citing=tuple(p for p in gazette if CITING.search(p)),
                plan=tuple(dict.fromkeys(p for p in _seed_paragraphs() if _usable(p))))


def seed_pool() -> Pool:
    """A pool from the bundled seeds alone, for tests on machines without the gazette set."""
    plan = tuple(dict.fromkeys(p for p in _seed_paragraphs() if _usable(p)))
    return Pool(plain=tuple(p for p in plan if not CITING.search(p)),
                citing=tuple(p for p in plan if CITING.search(p)), plan=plan)


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2016, 2024), rng.randint(1, 12), rng.randint(1, 28)


def header(rng: random.Random, n: int, pool: Pool) -> str:
    """Issuer, number, place and date, type heading and title, as a provincial office prints them."""
    province = rng.choice(PROVINCES)
    heading, party_symbol, state_symbol = rng.choice(TYPES)
    year, month, day = _date(rng)
    if rng.random() < 0.5:
        issuer = f"TỈNH ỦY {province.upper()}\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM"
        number = f"Số {n}-{party_symbol}/TU"
    else:
        issuer = (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n\n"
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
        number = f"Số: {n}/{state_symbol}-UBND"
    # Half the titles implement a Party document the seeds cite, half a state one from the gazette.
    cited = CITING.search(rng.choice(pool.plan_citing if rng.random() < 0.5 else pool.citing)).group(0)
    title = f"thực hiện {cited} về {rng.choice(TOPICS)}"
    return f"{issuer}\n\n{number}\n\n{province}, ngày {day} tháng {month} năm {year}\n\n{heading}\n\n{title}"


def _paragraph(rng: random.Random, pool: Pool) -> str:
    # Provincial plans repeat the central documents' prose (the seeds); a fifth of the gazette
    # paragraphs cite something, as in the real texts.
    draw = rng.random()
    return rng.choice(pool.plan if draw < 0.3 else pool.citing if draw < 0.45 else pool.plain)


@lru_cache(maxsize=1)
def gazette_lengths() -> tuple[int, ...]:
    """The length in characters of every gazette_dev text that has a text layer."""
    return tuple(sorted(len(r["text"]) for r in read_jsonl(GAZETTE_RECORDS) if not r.get("no_text_layer")))


def document(rng: random.Random, n: int, pool: Pool, extra: str = "", target: int = TARGET_CHARS) -> str:
    """One document of about `target` characters: a header, then real paragraphs."""
    parts = [header(rng, n, pool)] + ([extra] if extra else [])
    size = sum(map(len, parts))
    while size < target:
        paragraph = _paragraph(rng, pool)
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def write_documents(folder: Path, count: int, seed: int, first_number: int = 1, extras: list[str] = (),
                    pool: Pool | None = None, lengths: str = "plan") -> list[Path]:
    """Write `count` documents as .txt files in subfolders of PER_FOLDER; extras[i] goes into document i."""
    rng, pool, paths = random.Random(seed), pool or paragraph_pool(), []
    # A second generator draws the lengths, so `plan` corpora stay those of earlier runs.
    sizes = random.Random(seed + 1)
    for i in range(count):
        path = folder / f"{i // PER_FOLDER:03d}" / f"doc{first_number + i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        target = sizes.choice(gazette_lengths()) if lengths == "gazette" else TARGET_CHARS
        path.write_text(document(rng, first_number + i, pool, extras[i] if i < len(extras) else "", target),
                        encoding="utf-8")
        paths.append(path)
    return paths


LENGTHS = ("plan", "gazette")


def generate(size: int, seed: int = DEFAULT_SEED, lengths: str = "plan") -> Path:
    """The folder of a generated corpus of `size` documents, made once per (seed, size, lengths)."""
    folder = CACHE / (f"seed{seed}-n{size}" + ("" if lengths == "plan" else f"-{lengths}"))
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    write_documents(folder, size, seed, lengths=lengths)
    (folder / ".complete").write_text("")  # a dot file: the indexer ignores it
    return folder
