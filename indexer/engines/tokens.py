"""A field's analysed tokens, and the form they travel in from a build worker to the writer.

In a worker, tokens are terms and positions. Sent to the writer, each field becomes one string: its
terms one a line, a gap of g positions written as g - 1 FILLER lines (fields without positions: no
fillers). One string pickles in one copy (a list of millions of terms pickles each), and tantivy
reads it with a tokenizer of its own (indexer.engines.tantivy) where making a Token object per term
cost the writer's process more than tantivy's indexing. The terms and positions read back are the
same ones (positions of a field without them count 0, 1, 2...: no engine keeps them).
"""

from array import array
from collections.abc import Iterable, Iterator

# A position without a term, in the lines form: never a term (terms are letters, digits, `_`, a space).
FILLER = "\x01"


class Tokens:
    """A field's analysed tokens, read as (term, position) pairs, held compactly: the terms (a document's
    repeats of a term can share one string) and the positions in an int array, or their lines form. As
    lists of pairs, the views of gazette_dev's 200-document export took 1.3 GB in a build worker.

    >>> list(Tokens(["nghị", "quyết"], [0, 1]))
    [('nghị', 0), ('quyết', 1)]
    >>> Tokens(["nghị", "quyết", "số"], [0, 1, 4]).lines(positioned=True).split("\\n")
    ['nghị', 'quyết', '\\x01', '\\x01', 'số']
    >>> list(Tokens.from_lines("nghị\\nquyết\\n\\x01\\n\\x01\\nsố", positioned=True))
    [('nghị', 0), ('quyết', 1), ('số', 4)]
    """

    __slots__ = ("_lines", "_positioned", "_positions", "_terms")

    def __init__(self, terms: Iterable[str] = (), positions: Iterable[int] = ()):
        self._terms = terms if isinstance(terms, list) else list(terms)
        self._positions = positions if isinstance(positions, array) else array("i", positions)
        self._lines, self._positioned = None, True

    @classmethod
    def from_lines(cls, lines: str, positioned: bool) -> "Tokens":
        """Tokens held as their lines form (made by `lines()`), read back only when asked for."""
        tokens = cls.__new__(cls)
        tokens._terms = tokens._positions = None
        tokens._lines, tokens._positioned = lines, positioned
        return tokens

    @property
    def terms(self) -> list[str]:
        if self._terms is None:
            self._read_lines()
        return self._terms

    @property
    def positions(self) -> array:
        if self._positions is None:
            self._read_lines()
        return self._positions

    def _read_lines(self) -> None:
        parts = self._lines.split("\n") if self._lines else []
        if self._positioned:
            self._terms = [t for t in parts if t != FILLER]
            self._positions = array("i", (i for i, t in enumerate(parts) if t != FILLER))
        else:
            self._terms, self._positions = parts, array("i", range(len(parts)))

    def lines(self, positioned: bool) -> str | None:
        """The terms one a line, and (`positioned`) each gap of g positions as g - 1 FILLER lines; None
        when they cannot be written so (a term that is empty, holds a line break or is FILLER; positions
        that do not grow)."""
        if self._lines is not None and self._positioned == positioned:
            return self._lines
        terms, fillers = self.terms, 0
        if positioned:
            pieces, fillers = _filled(terms, self.positions)
            if pieces is None:
                return None
            text = "\n".join(pieces)
        else:
            text = "\n".join(terms)
        if not terms:
            return ""
        # A term holding a line break or FILLER, or an empty one, would not read back as itself.
        whole = (text.count("\n") == len(terms) + fillers - 1 and text.count(FILLER) == fillers and text != ""
                 and "\n\n" not in text and text[0] != "\n" and text[-1] != "\n")
        return text if whole else None

    def packed(self, positioned: bool) -> "Tokens":
        """These tokens held as their lines form (what a worker sends), or as they are when they cannot be."""
        text = self.lines(positioned)
        return self if text is None else Tokens.from_lines(text, positioned)

    def __reduce__(self):
        if self._lines is not None:
            return Tokens.from_lines, (self._lines, self._positioned)
        return Tokens, (self._terms, self._positions)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return zip(self.terms, self.positions)

    def __bool__(self) -> bool:
        return bool(self._lines) if self._terms is None else bool(self._terms)

    def __len__(self) -> int:
        if self._terms is None:
            return self._lines.count("\n") + 1 - self._lines.count(FILLER) if self._lines else 0
        return len(self._terms)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (Tokens, list)) else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


def _filled(terms: list[str], positions: array) -> tuple[list[str] | None, int]:
    """The lines of the terms with FILLER lines in each gap, and how many fillers; (None, 0) when the
    positions do not grow from 0 or more. The gaps are found at once (a sentence break every 15-20
    terms), the terms between them joined whole."""
    import numpy as np  # loaded where documents are analysed, never at query time

    if not terms:
        return [], 0
    at = np.frombuffer(positions, dtype=np.int32) if positions.itemsize == 4 else np.array(positions)
    steps = np.diff(at)
    if at[0] < 0 or (steps < 1).any():
        return None, 0
    breaks = (np.flatnonzero(steps > 1) + 1).tolist()
    pieces = [FILLER] * int(at[0])
    start = 0
    for end, step in zip(breaks, steps[np.array(breaks, dtype=np.int64) - 1].tolist()):
        pieces.append("\n".join(terms[start:end]))
        pieces += [FILLER] * (step - 1)
        start = end
    pieces.append("\n".join(terms[start:]))
    return pieces, len(pieces) - len(breaks) - 1
