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

from src.engine.rng import RowRandom, mix64

_HASH, _AT, _PERCENT = ord("#"), ord("@"), ord("%")
LETTERS = np.frombuffer(b"ABEGHJLNPRSTWXYZ", dtype=np.uint8)  # 16 letters valid in UK and Canadian codes
_POWERS = np.array([10 ** k for k in range(19)], dtype=np.uint64)
# 16 random bits -> a digit 1-9 / a letter (bias below 1e-4)
_R16 = np.arange(1 << 16, dtype=np.uint32)
_NONZERO_OF = (((_R16 * 9) >> 16) + ord("1")).astype(np.uint8)
_LETTER_OF = LETTERS[(_R16 * len(LETTERS)) >> 16]


@dataclass(frozen=True, eq=False)
class TemplateTable:
    """Templates padded to one width, with what each position holds (worked out once per table)."""

    bytes: np.ndarray  # (k, width) uint8
    lengths: np.ndarray
    base: np.ndarray  # the bytes with '#' as '0' and '@' as 0, so fills are additions
    digit_mask: np.ndarray  # (k, width) uint8 0/1
    letter_mask: np.ndarray
    is_digit: np.ndarray  # (k, width) bool
    is_letter: np.ndarray
    rank: np.ndarray  # digit slots counted from the right (0 = last), -1 elsewhere
    first_slot: np.ndarray  # (k,) position of the template's first digit slot (0 if none)
    rank_max: np.ndarray  # (k,) rank of that slot (-1 if none)
    has_letters: bool
    low_mask: np.ndarray  # '%' slots: digits 2-9
    has_low: bool


@lru_cache(maxsize=256)
def template_table(templates: tuple[str, ...]) -> TemplateTable:
    encoded = [t.encode() for t in templates]
    width = max((len(t) for t in encoded), default=0) or 1
    table = np.zeros((len(encoded), width), dtype=np.uint8)
    for i, t in enumerate(encoded):
        table[i, :len(t)] = np.frombuffer(t, dtype=np.uint8)
    low = table == _PERCENT  # a digit 2-9 (NANP exchange codes)
    table = np.where(low, _HASH, table).astype(np.uint8)
    is_digit = table == _HASH
    rank = np.where(is_digit, np.cumsum(is_digit[:, ::-1], axis=1)[:, ::-1] - 1, -1).astype(np.int8)
    first = np.argmax(is_digit, axis=1)
    base = np.where(is_digit, ord("0"), np.where(table == _AT, 0, table)).astype(np.uint8)
    return TemplateTable(table, np.array([len(t) for t in encoded], dtype=np.int64), base,
                         is_digit.astype(np.uint8), (table == _AT).astype(np.uint8), is_digit,
                         table == _AT, rank, first, rank[np.arange(len(encoded)), first],
                         bool((table == _AT).any()), low.astype(np.uint8), bool(low.any()))


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
    mat = t.base[which]
    n, width = mat.shape

    def bits(k: int) -> np.ndarray:
        return rng.bits(stream + k) if rows is None else rng.bits(stream + k)[rows]

    # 16 random bits a character: one counter-based draw per row, stretched by splitmix64 rounds
    # (a Philox block per extra draw would cost more than the rest of the work).
    draw = bits(0)
    draws = np.stack([draw] + [mix64(draw ^ np.uint64((0x9E3779B97F4A7C15 * k) & (2**64 - 1)))
                               for k in range(1, -(-width // 4))], axis=1)
    randoms = draws.view(np.uint16).reshape(n, -1)[:, :width]
    digits = ((randoms.astype(np.uint32) * np.uint32(10)) >> np.uint32(16)).astype(np.uint8)
    if t.has_low:
        low = t.low_mask[which].astype(bool)
        digits = np.where(low, (2 + ((randoms.astype(np.uint32) * 8) >> 16)).astype(np.uint8), digits)
    mat += t.digit_mask[which] * digits  # '#' is stored as '0': add a digit
    if serial is not None and serial_digits:  # only unique fields pay for the division
        rank = t.rank[which]
        use = (rank >= 0) & (rank < serial_digits)
        spelled = (np.asarray(serial, dtype=np.uint64)[:, None] // _POWERS[np.clip(rank, 0, 18)]) % np.uint64(10)
        mat = np.where(use, spelled.astype(np.uint8) + np.uint8(ord("0")), mat)
    if nonzero_first:
        slot = t.first_slot[which]
        lead = np.flatnonzero(t.rank_max[which] >= (serial_digits if serial is not None else 0))
        mat[lead, slot[lead]] = _NONZERO_OF[randoms[lead, slot[lead]]]
    if t.has_letters:
        mat += t.letter_mask[which] * _LETTER_OF[randoms]  # '@' is stored as 0: add a letter
    row_lengths = t.lengths[which]
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(row_lengths, out=offsets[1:])
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(mat[mat != 0].tobytes()))
