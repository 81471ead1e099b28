"""`vanban compare` and `vanban related`: what two documents share, and the documents like one, in the
terminal (`--json`: what the API answers)."""

import sys

import indexer
from vanban.output import answer, head, open_index, user_errors

EXCERPT = 240  # characters of a passage shown
KINDS = {"same": "giống hệt", "edited": "đã sửa"}


def _one_line(text: str) -> str:
    line = " ".join(text.replace("**", "").split())
    return line if len(line) <= EXCERPT else line[:EXCERPT].rsplit(" ", 1)[0] + " …"


def marked(c, span, changes=(), color: bool = False) -> str:
    """A passage of A on one line, each change as `[-A's words-]{+B's words+}` (in colour on a terminal).

    The changes are cut with the line when it is long: what is shown is the start of the passage.
    """
    cut, add, end = ("\033[31m", "\033[32m", "\033[0m") if color else ("[-", "{+", None)
    out, pos = [], span[0]
    for change in changes:
        out.append(c.a_text[pos:change.a[0]])
        if change.a[1] > change.a[0]:
            out.append(f"{cut}{c.a_text[change.a[0]:change.a[1]]}{end or '-]'}")
        if change.b[1] > change.b[0]:
            out.append(f"{add}{c.b_text[change.b[0]:change.b[1]]}{end or '+}'}")
        pos = change.a[1]
    out.append(c.a_text[pos:span[1]])
    return _one_line("".join(out))


def _print_comparison(c, color: bool) -> None:
    for side, d, share, other in (("A", c.a, c.a_shared, "B"), ("B", c.b, c.b_shared, "A")):
        print(f"{side}: {head(d)}")
        print(f"   {d.id} · {round(share * 100)}% nội dung {side} có trong {other}")
    same = sum(1 for s in c.shared if s.kind == "same")
    print(f"\n{len(c.shared)} đoạn chung ({same} giống hệt, {len(c.shared) - same} đã sửa)")
    for n, s in enumerate(c.shared, 1):
        similarity = "" if s.kind == "same" else f" {round(s.similarity * 100)}%"
        print(f"\n{n:>3}. {KINDS[s.kind]}{similarity} · A {s.a[0]}-{s.a[1]} · B {s.b[0]}-{s.b[1]}")
        print(f"     {marked(c, s.a, s.changes, color)}")
    own = c.own("a")
    print(f"\nNội dung riêng của A ({len(own)} đoạn)")
    for span in own:
        print(f"  - {marked(c, span)}")


def cmd_compare(args) -> int:
    """Compare two documents by id: the passages they share and what A adds."""
    ix = open_index(args.index)
    with user_errors():
        comparison = indexer.compare_documents(ix, args.a, args.b)
    return answer(args, comparison, lambda c: _print_comparison(c, color=sys.stdout.isatty()))


def cmd_related(args) -> int:
    """The documents most related to one, with their reasons."""
    ix = open_index(args.index)
    with user_errors():
        found = indexer.related_documents(ix, args.id, args.limit)
    return answer(args, found, _print_related)


def _print_related(found) -> None:
    print(f"{len(found.related)} văn bản liên quan đến {found.id}")
    for n, r in enumerate(found.related, 1):
        print(f"\n{n:>3}. {head(r.doc)} · điểm {r.score}")
        print(f"     {'; '.join(r.reasons)}")
        print(f"     {r.doc.id}")
