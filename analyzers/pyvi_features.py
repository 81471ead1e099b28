"""pyvi's CRF features, computed once per distinct syllable, and the words they make.

pyvi (`ViTokenizer.word2features`) gives the CRF, for the syllable at i, in this order: `bias`, its
lower case, whether it is upper case, title case, digits; then (i > 0) the previous syllable's lower
case, title and upper case flags, whether the two make a word of pyvi's dictionary (`-1:word.bi_gram()`),
whether the three ending at i do (`-2:word.tri_gram()`, i > 1); then the same for the next syllable
(`+1:...`, `+2:word.tri_gram()`). A flag that is False reaches CRFsuite with the value 0.0 and adds
nothing; a True one adds its weight. So a syllable's own features are summed once (a prefix of the
sum, in order), its weights as a neighbour are kept per role, and each position's sum continues with
its neighbours' weights in pyvi's order: the same additions, in the same order, as CRFsuite's.
"""

import string

import numpy as np

from analyzers.crf import Model, attribute_key, viterbi2

# The label of a syllable that continues a word.
INSIDE = "I_W"

# The distinct syllables kept before the table starts again (about 250 bytes each, with the dict):
# all of gazette_dev and local_dev hold 20,000.
MAX_SYLLABLES = 100_000

# A syllable's column in the table: its own features summed (per label: 2 rows), then its weights as
# the previous syllable (lower case, title, upper: 2 rows each) and as the next one (the same).
OWN, AS_PREVIOUS, AS_NEXT = slice(0, 2), slice(2, 8), slice(8, 14)
ROWS = 14

# Column 0 is no syllable (the neighbour of a text's first or last one): all zeros, it adds nothing.
NONE = 0


class FeatureTable:
    """What each syllable seen so far adds to the CRF's scores, and the joins they make in a text."""

    def __init__(self, model: Model, bi_grams, tri_grams):
        if len(model.labels) != 2 or INSIDE not in model.labels:
            raise ValueError(f"pyvi's CRF has labels {model.labels}, not B_W and I_W")
        self.model, self.inside = model, model.labels.index(INSIDE)
        pairs = [entry.split(" ") for entry in bi_grams]
        triples = [entry.split(" ") for entry in tri_grams]
        # Dictionary entries as integer codes of their syllables: a text's pairs are looked up as arrays.
        self.syllable_ids = {s: i for i, s in enumerate(sorted({s for entry in pairs + triples for s in entry}))}
        self.base = len(self.syllable_ids) + 1
        if self.base ** 3 >= 2 ** 62:
            raise ValueError("pyvi's dictionary has too many syllables for int64 codes")
        self.bigrams = np.unique(np.array([self._code(e) for e in pairs], dtype=np.int64))
        self.trigrams = np.unique(np.array([self._code(e) for e in triples], dtype=np.int64))
        self.flags = {name: np.array(self._weight(name)) for name in (
            "-1:word.bi_gram()", "-2:word.tri_gram()", "+1:word.bi_gram()", "+2:word.tri_gram()")}
        self._clear()

    def _code(self, syllables: list[str]) -> int:
        """Number a dictionary entry by its syllables' ids (base `self.base`)."""
        code = 0
        for syllable in syllables:
            code = code * self.base + self.syllable_ids[syllable]
        return code

    def _weight(self, name: str) -> tuple[float, ...]:
        """The weights (per label) of a feature pyvi gives with the value True or a string."""
        return self.model.weights.get(attribute_key(name), (0.0, 0.0))

    def _clear(self) -> None:
        """Forget every syllable (the table grows with the syllables of the texts seen)."""
        self.ids = _Ids(self._add)
        self.columns = np.zeros((ROWS, 1024))
        self.dictionary_id = np.full(1024, -1, dtype=np.int64)
        self.joinable = np.zeros(1024, dtype=bool)
        self.title = np.zeros(1024, dtype=bool)

    def _add(self, syllable: str) -> int:
        """Give a new syllable its column; return its id."""
        # pycrfsuite encodes each feature as UTF-8: a lone surrogate raises there, so it does here too.
        syllable.encode("utf-8")
        k = len(self.ids) + 1  # after NONE
        if k == len(self.title):
            self._grow()
        low = syllable.lower()
        upper, title = syllable.isupper(), syllable.istitle()
        own = 0.0, 0.0
        for name, on in (("bias", True), ("word.lower():" + low, True), ("word.isupper()", upper),
                         ("word.istitle()", title), ("word.isdigit()", syllable.isdigit())):
            if on:  # a False flag adds 0.0 in CRFsuite: nothing
                weight = self._weight(name)
                own = own[0] + weight[0], own[1] + weight[1]
        column = list(own)
        for side in ("-1:", "+1:"):
            column += self._weight(side + "word.lower():" + low)
            column += self._weight(side + "word.istitle()") if title else (0.0, 0.0)
            column += self._weight(side + "word.isupper()") if upper else (0.0, 0.0)
        self.columns[:, k] = column
        self.dictionary_id[k] = self.syllable_ids.get(low, -1)
        # pyvi never joins punctuation (`in string.punctuation`: a substring of it) or a number.
        self.joinable[k] = not (syllable in string.punctuation or syllable[0].isdigit())
        self.title[k] = syllable[0].istitle()
        return k

    def _grow(self) -> None:
        """Double the room for syllables."""
        size = len(self.title)
        self.columns = np.concatenate([self.columns, np.zeros_like(self.columns)], axis=1)
        self.dictionary_id = np.concatenate([self.dictionary_id, np.full(size, -1, dtype=np.int64)])
        self.joinable = np.concatenate([self.joinable, np.zeros(size, dtype=bool)])
        self.title = np.concatenate([self.title, np.zeros(size, dtype=bool)])

    def joins(self, syllables: list[str], lengths: list[int]) -> np.ndarray:
        """For a run of texts' syllables (`lengths` each, none empty): whether pyvi joins each syllable
        after the first to the one before (never across two texts)."""
        if len(self.ids) > MAX_SYLLABLES:
            self._clear()
        n = len(syllables)
        if n == 0:
            return np.zeros(0, dtype=bool)
        ids = np.fromiter(map(self.ids.__getitem__, syllables), dtype=np.intp, count=n)
        last = np.zeros(n, dtype=bool)
        last[np.cumsum(lengths) - 1] = True
        first = np.zeros(n, dtype=bool)
        first[0], first[1:] = True, last[:-1]
        scores = self._scores(ids, first, last)
        labels = []
        position = 0
        first_scores, second_scores = scores[0].tolist(), scores[1].tolist()
        for length in lengths:
            end = position + length
            labels += viterbi2(first_scores[position:end], second_scores[position:end], self.model.transitions)
            position = end
        joinable, title = self.joinable[ids], self.title[ids]
        inside = np.array(labels, dtype=np.int8)[1:] == self.inside
        # pyvi: I_W, neither syllable punctuation or a number, and not a title-case one after a lower one.
        return inside & joinable[:-1] & joinable[1:] & ~(title[1:] & ~title[:-1]) & ~last[:-1]

    def _scores(self, ids: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        """Each position's state score per label (2 x n), summed in the order CRFsuite sums pyvi's features."""
        previous, following = np.full_like(ids, NONE), np.full_like(ids, NONE)
        previous[1:], following[:-1] = ids[:-1], ids[1:]
        previous[first], following[last] = NONE, NONE
        scores = self.columns[OWN][:, ids]
        as_previous, as_next = self.columns[AS_PREVIOUS][:, previous], self.columns[AS_NEXT][:, following]
        bigram, trigram = self._in_dictionary(ids, last)
        # Each += adds one feature's weight at every position: one addition each, in pyvi's order.
        # No neighbour or a False flag adds 0.0 (or w * 0.0), which leaves a sum as it was.
        for row in range(0, 6, 2):
            scores += as_previous[row:row + 2]
        self._add_flag(scores, "-1:word.bi_gram()", bigram, slice(1, None))
        self._add_flag(scores, "-2:word.tri_gram()", trigram, slice(2, None))
        for row in range(0, 6, 2):
            scores += as_next[row:row + 2]
        self._add_flag(scores, "+1:word.bi_gram()", bigram, slice(None, -1))
        self._add_flag(scores, "+2:word.tri_gram()", trigram, slice(None, -2))
        return scores

    def _add_flag(self, scores: np.ndarray, name: str, on: np.ndarray, where: slice) -> None:
        """Add a flag feature's weights at the positions (`where`) where it is True."""
        at = np.zeros(scores.shape[1])
        at[where] = on
        scores += self.flags[name][:, None] * at

    def _in_dictionary(self, ids: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Whether each two and each three neighbouring syllables (of one text) are a dictionary word.

        pyvi looks up `' '.join(syllables).lower()`: the same as the syllables lowered one by one, since
        a space ends a word for the only case rule that looks at neighbours (Greek final sigma).
        """
        word = self.dictionary_id[ids]
        known = word >= 0
        pair = known[:-1] & known[1:] & ~last[:-1]
        triple = pair[:-1] & known[2:] & ~last[1:-1]
        bigram, trigram = np.zeros(len(pair), dtype=bool), np.zeros(len(triple), dtype=bool)
        at = np.flatnonzero(pair)
        bigram[at] = _member(word[at] * self.base + word[at + 1], self.bigrams)
        at = np.flatnonzero(triple)
        trigram[at] = _member((word[at] * self.base + word[at + 1]) * self.base + word[at + 2], self.trigrams)
        return bigram, trigram


class _Ids(dict):
    """Syllable -> row id; a new syllable gets its row on first look-up."""

    def __init__(self, add):
        super().__init__()
        self._add = add

    def __missing__(self, syllable: str) -> int:
        k = self[syllable] = self._add(syllable)
        return k


def _member(codes: np.ndarray, sorted_codes: np.ndarray) -> np.ndarray:
    """Whether each code is one of the sorted codes.

    >>> _member(np.array([3, 5, 9]), np.array([1, 5, 7])).tolist()
    [False, True, False]
    """
    if len(sorted_codes) == 0:
        return np.zeros(len(codes), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_codes, codes), len(sorted_codes) - 1)
    return sorted_codes[at] == codes

