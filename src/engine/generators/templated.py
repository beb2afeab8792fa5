"""Strings from per-row templates ('#' digit, '@' letter, anything else literal), all rows at once.

Rows of many countries need different layouts (postal codes, phone numbers); instead of one pass
per layout, each row takes its template from a padded byte table, random characters fill the
placeholders, and the rows are cut to their own lengths in one gather.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine.rng import RowRandom

_HASH, _AT = ord("#"), ord("@")
LETTERS = np.frombuffer(b"ABEGHJLNPRSTWXYZ", dtype=np.uint8)  # 16 letters valid in UK and Canadian codes
_POWERS = np.array([10 ** k for k in range(19)], dtype=np.uint64)


@dataclass(frozen=True, eq=False)
class TemplateTable:
    """Templates padded to one width, with what each position holds (worked out once per table)."""

    bytes: np.ndarray  # (k, width) uint8
    lengths: np.ndarray
    is_digit: np.ndarray  # (k, width) bool
    is_letter: np.ndarray
    rank: np.ndarray  # digit slots counted from the right (0 = last), -1 elsewhere
    first_slot: np.ndarray  # (k,) position of the template's first digit slot (0 if none)
    rank_max: np.ndarray  # (k,) rank of that slot (-1 if none)
    has_letters: bool


@lru_cache(maxsize=256)
def template_table(templates: tuple[str, ...]) -> TemplateTable:
    encoded = [t.encode() for t in templates]
    width = max((len(t) for t in encoded), default=0) or 1
    table = np.zeros((len(encoded), width), dtype=np.uint8)
    for i, t in enumerate(encoded):
        table[i, :len(t)] = np.frombuffer(t, dtype=np.uint8)
    is_digit = table == _HASH
    rank = np.where(is_digit, np.cumsum(is_digit[:, ::-1], axis=1)[:, ::-1] - 1, -1)
    first = np.argmax(is_digit, axis=1)
    return TemplateTable(table, np.array([len(t) for t in encoded], dtype=np.int64), is_digit,
                         table == _AT, rank, first, rank[np.arange(len(encoded)), first],
                         bool((table == _AT).any()))


def fill_templates(templates: tuple[str, ...], which: np.ndarray, rng: RowRandom, *,
                   serial: np.ndarray | None = None, serial_digits: int = 0, stream: int = 40,
                   rows: np.ndarray | None = None, nonzero_first: bool = False) -> pa.Array:
    """Row i is templates[which[i]] with its placeholders filled (``rows``: only those rows of
    ``rng``'s chunk, ``which`` and ``serial`` given for them).

    With ``serial``, the last ``serial_digits`` '#' of each row spell serial[i] (zero-padded), so
    distinct serials give distinct strings within one template: unique by construction.
    ``nonzero_first``: the first '#' of a row is 1-9 (phones: no digit 0 after a trunk or country code).
    """
    t = template_table(templates)
    which = np.asarray(which, dtype=np.intp)
    mat = t.bytes[which]
    n, width = mat.shape
    def bits(k: int) -> np.ndarray:
        return rng.bits(stream + k) if rows is None else rng.bits(stream + k)[rows]

    draws = np.stack([bits(k) for k in range(-(-width // 4))], axis=1)  # 16 random bits a character
    randoms = draws.view(np.uint16).reshape(n, -1)[:, :width].astype(np.uint32)
    rank = t.rank[which]
    digits = ((randoms * 10) >> 16).astype(np.uint8)
    if serial is not None and serial_digits:  # only unique fields pay for the division
        use = (rank >= 0) & (rank < serial_digits)
        spelled = (np.asarray(serial, dtype=np.uint64)[:, None] // _POWERS[np.clip(rank, 0, 18)]) % np.uint64(10)
        digits = np.where(use, spelled.astype(np.uint8), digits)
    np.copyto(mat, digits + np.uint8(ord("0")), where=rank >= 0)
    if nonzero_first:
        slot = t.first_slot[which]
        lead = t.rank_max[which] >= (serial_digits if serial is not None else 0)
        rows_lead = np.flatnonzero(lead)
        mat[rows_lead, slot[lead]] = ((randoms[rows_lead, slot[lead]] * 9) >> 16).astype(np.uint8) + ord("1")
    if t.has_letters:
        np.copyto(mat, LETTERS[(randoms >> 12).astype(np.intp)], where=t.is_letter[which])
    row_lengths = t.lengths[which]
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(row_lengths, out=offsets[1:])
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(mat[mat != 0].tobytes()))
