"""When a citation and a document are the same document (DOMAIN.md's identity rules).

Central numbers are unique only with their year (Party numbering restarts each congress term,
government numbering each year) unless the year is in the symbol; local symbols (`62-KH/TU`,
`07-CT/TU`) are unique only within one province.
"""

from indexer.vocab.refs import name_ref, ref_key

# Issuer codes of central bodies: a ref carrying one is the same across provinces.
CENTRAL_CODES = {"tw", "btgtw", "bct", "bbt", "ubkttw", "btctw", "bdvtw", "vptw", "ttg", "cp", "qh",
                 "ubtvqh", "vpcp", "ctn", "tandtc", "vksndtc", "ktnn",
                 # ministries and central agencies (folded): `90/2025/TT-BQP`, `04/VBHN-BYT`
                 "bqp", "bca", "bng", "bnv", "btp", "btc", "bkhdt", "bnnptnt", "bnnmt", "bxd", "bgtvt", "btnmt",
                 "btttt", "bldtbxh", "bvhttdl", "bkhcn", "bgddt", "byt", "bdttg", "ubdt", "nhnn", "ttcp", "vpqh",
                 "bhxh"}


def is_central_ref(ref: str) -> bool:
    """True for refs issued by a central body.

    >>> [is_central_ref(r) for r in ("35-NQ/TW", "362/QĐ-TTg", "62-KH/TU", "3006/KH-UBND")]
    [True, True, False, False]
    >>> is_central_ref("51/2024/QH15"), is_central_ref("Luật Đất đai")  # a law, by number or by name
    (True, True)
    """
    if name_ref(ref):
        return True
    return any(part.rstrip("0123456789") in CENTRAL_CODES for part in ref_key(ref).split("-")[1:])


def same_document(ref: str, cited_year: int | None, citing_province: str | None, target: dict) -> bool:
    """Whether a citation of `ref` (of `cited_year`, from a document in `citing_province`) means `target`.

    `target` is a document's metadata: its `number`, `year`, `date`, `date_min`, `province`.
    """
    if not target.get("number") or ref_key(target["number"]) != ref_key(ref):
        return False
    if is_central_ref(ref):
        return _years_agree(cited_year, target)
    return citing_province is not None and citing_province == target.get("province")


def _years_agree(cited_year: int | None, target: dict) -> bool:
    if cited_year is None:
        return True
    if target.get("date"):
        return int(target["date"][:4]) == cited_year
    if target.get("date_min"):  # the target was issued no earlier than the latest date it cites
        return cited_year >= int(target["date_min"][:4])
    return True
