"""Read a CRFsuite model file (the linear-chain CRF inside pyvi) and tag with it exactly as CRFsuite does.

CRFsuite's tagger sums, for each item, the weights of the item's attributes in the order given, then
runs Viterbi over those scores and the label-to-label weights. Done here in plain float64 arithmetic,
in the same order, the scores are the same doubles bit for bit, so the labels are CRFsuite's (ties too:
the first label wins, as in crf1dc_viterbi). Only the model format is read here, never its training.

Format (crfsuite lib/crf/src/crf1d_model.c, lib/cqdb/src/cqdb.c): a 48-byte header, the features as
(type, source, destination, weight) records, and two CQDB string tables (labels, attributes).
"""

import math
import struct
from typing import NamedTuple

MAGIC, MODEL_TYPE = b"lCRF", b"FOMC"  # a first-order Markov CRF
HEADER = struct.Struct("<4sI4s9I")  # magic, size, type, version, 3 counts, 5 offsets
CHUNK = struct.Struct("<4sII")      # chunk id, size, number of records
FEATURE = struct.Struct("<IIId")    # type (0 state, 1 transition), source, destination, weight
CQDB_HEADER = struct.Struct("<4s5I")  # "CQDB", size, flag, byte order, backward size, backward offset
CQDB_BYTE_ORDER = 0x62445371
CQDB_TABLES = 256
STATE, TRANSITION = 0, 1


class Model(NamedTuple):
    """A CRF: its labels in id order, each attribute's weight for each label, label-to-label weights."""

    labels: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]    # attribute -> weight per label id (0.0: no feature)
    transitions: tuple[tuple[float, ...], ...]  # [from label][to label]


def read_model(data: bytes) -> Model:
    """Parse the bytes of a CRFsuite model file (crf1d, as pycrfsuite's Trainer writes it)."""
    magic, _, model_type, _, _, _, _, off_features, off_labels, off_attrs, _, _ = HEADER.unpack_from(data, 0)
    if (magic, model_type) != (MAGIC, MODEL_TYPE):
        raise ValueError("not a CRFsuite first-order CRF model file")
    label_ids, attr_ids = _cqdb(data, off_labels), _cqdb(data, off_attrs)
    labels = tuple(sorted(label_ids, key=label_ids.get))
    if [label_ids[name] for name in labels] != list(range(len(labels))):
        raise ValueError("CRFsuite model: label ids are not 0..L-1")
    size = len(labels)
    by_attr: dict[int, list[float]] = {}
    seen: set[tuple[int, int]] = set()
    transitions = [[0.0] * size for _ in labels]
    chunk, _, count = CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise ValueError("CRFsuite model: no feature chunk")
    for kind, source, target, weight in FEATURE.iter_unpack(data[off_features + CHUNK.size:][:count * FEATURE.size]):
        if not math.isfinite(weight):
            raise ValueError("CRFsuite model: a weight is not finite")
        if kind == STATE:
            if (source, target) in seen:  # CRFsuite would add both: one weight per pair is what this reads
                raise ValueError("CRFsuite model: two features for one attribute and label")
            seen.add((source, target))
            by_attr.setdefault(source, [0.0] * size)[target] = weight
        elif kind == TRANSITION:
            transitions[source][target] = weight
    zero = (0.0,) * size
    weights = {name: tuple(by_attr.get(aid, zero)) for name, aid in attr_ids.items()}
    return Model(labels, weights, tuple(map(tuple, transitions)))


def _cqdb(data: bytes, offset: int) -> dict[str, int]:
    """The strings of a CQDB table and their ids, read from its hash tables (what its look-ups find)."""
    chunk, _, _, byte_order, _, _ = CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB" or byte_order != CQDB_BYTE_ORDER:
        raise ValueError("CRFsuite model: bad string table")
    found = {}
    refs = offset + CQDB_HEADER.size
    for table in range(CQDB_TABLES):
        table_offset, buckets = struct.unpack_from("<II", data, refs + 8 * table)
        for bucket in range(buckets if table_offset else 0):
            _, record = struct.unpack_from("<II", data, offset + table_offset + 8 * bucket)
            if record:  # 0: an empty bucket
                value, key_size = struct.unpack_from("<iI", data, offset + record)
                key = data[offset + record + 8:offset + record + 8 + key_size].partition(b"\0")[0]
                # CRFsuite compares C strings: a key is its bytes up to the first NUL.
                found[key.decode("utf-8", "surrogateescape")] = value
    return found


def attribute_key(name: str) -> str:
    """The attribute CRFsuite looks up for a name: its C string, cut at the first NUL.

    >>> attribute_key("word.lower():a\\x00b")
    'word.lower():a'
    """
    return name.partition("\0")[0]


def viterbi2(state_first: list[float], state_second: list[float], transitions) -> list[int]:
    """Label ids (0 or 1) of the best path for a two-label CRF, as CRFsuite's Viterbi finds it.

    Ties go to label 0, as in crf1dc_viterbi (`max < score` keeps the first maximum).
    >>> viterbi2([1.0, 0.0, 0.0], [0.0, 0.5, 2.0], ((0.0, 0.0), (0.0, 0.0)))
    [0, 1, 1]
    """
    (t00, t01), (t10, t11) = transitions
    a0, a1 = state_first[0], state_second[0]
    back = []  # per position from the second: bit 0 the best previous label of 0, bit 1 that of 1
    append = back.append
    for s0, s1 in zip(state_first[1:], state_second[1:]):
        x, y, u, v = a0 + t00, a1 + t10, a0 + t01, a1 + t11
        if x < y:
            a0, code = y + s0, 1
        else:
            a0, code = x + s0, 0
        if u < v:
            a1, code = v + s1, code | 2
        else:
            a1 = u + s1
        append(code)
    label = 1 if a0 < a1 else 0
    labels = [label]
    for code in reversed(back):
        label = (code >> label) & 1
        labels.append(label)
    labels.reverse()
    return labels
