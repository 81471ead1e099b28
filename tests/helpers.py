"""Paths and document ids of the bundled corpus, shared by the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "vanban" / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"
# Where the tests' apps say they are served: the absolute links of feeds and spreadsheets start with it.
BASE_URL = "http://127.0.0.1:5000/"

# Document ids of the bundled corpus, by what they are.
HAI_DUONG_150 = "corpus/000_65df158a4e7ec0a6.txt#0"   # Kế hoạch 150-KH/TU, Hải Dương, 2019
NGOC_HOI = "corpus/001_e44d68029944b139.txt#0"        # UBND huyện Ngọc Hồi, Kon Tum
LAI_CHAU = "corpus/002_45d61e181700c579.txt#0"        # Ban Thường vụ Tỉnh ủy Lai Châu, 224-KL/TU
TAC_PHAM = "corpus/003_189e87e651a32754.txt#0"        # đợt sinh hoạt chính trị, phòng chống tham nhũng
KG_LETTER = "corpus/004_2a738f3429698ec1.txt#0"       # Công văn 4382/VP-KGVX, Kiên Giang
KG_PLAN = "corpus/004_2a738f3429698ec1.txt#1"         # the plan attached to that letter
ALL_IDS = {HAI_DUONG_150, NGOC_HOI, LAI_CHAU, TAC_PHAM, KG_LETTER, KG_PLAN}


def square(item):
    """Work for the guarded workers' test: a number squared, or what a hostile file does to a reader."""
    import os
    import time

    if item == "raise":
        raise ValueError(f"cannot square {item!r}")
    if item == "die":
        os._exit(3)  # a crash in a C library
    if item == "hang":
        time.sleep(60)
    if item == "memory":
        return len(bytearray(1 << 30))
    return item * item
