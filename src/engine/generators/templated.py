"""Strings from per-row templates ('#' digit, '%' digit 2-9, '@' letter, anything else literal),
all rows at once.

Rows of many countries need different layouts (postal codes, phone numbers); instead of one pass
per layout, each row takes its template from a padded byte table, random characters fill the
placeholders, and the rows are cut to their own lengths in one gather. Each template's slots are
worked out once (lowest character and number of choices per position), so filling a row is a few
16-bit passes over cache-sized blocks of rows, whatever mix of templates they use.
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
_STRETCH = [np.uint64((0x9E3779B97F4A7C15 * k) & (2**64 - 1)) for k in range(1, 64)]
_BLOCK = 8192  # rows per pass: the per-character matrices of a block stay in the CPU cache
_U4, _U12 = np.uint16(4), np.uint16(12)


@dataclass(frozen=True, eq=False)
class TemplateTable:
    """Templates padded to one width, with what each position holds (worked out once per table)."""

    lengths: np.ndarray  # (k,)
    base: np.ndarray  # (k, width) the lowest character each position can hold; padding is 0
    choices: np.ndarray  # (k, width) uint16: 10 for a digit, 8 for '%' (2-9), 9 for a first digit 1-9, else 0
    rank: np.ndarray  # digit slots ('#' and '%') counted from the right (0 = last), -1 elsewhere
    letter_slots: np.ndarray  # (k, l) positions of '@' slots, -1 past the template's own

    def __post_init__(self):
        # Each template's row as one opaque item: np.take of whole rows is ~5x faster than fancy
        # indexing a 2-D table by row (numpy's general path goes element by element).
        object.__setattr__(self, "_base_rows", _as_rows(self.base))
        object.__setattr__(self, "_choice_rows", _as_rows(self.choices))

    def rows_of(self, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(base, choices) of each row's template: copies, (len(which), width) each."""
        n, width = len(which), self.base.shape[1]
        base = np.take(self._base_rows, which).view(np.uint8).reshape(n, width)
        return base, np.take(self._choice_rows, which).view(np.uint16).reshape(n, width)


def _as_rows(table: np.ndarray) -> np.ndarray:
    table = np.ascontiguousarray(table)
    return table.view(np.dtype((np.void, table.shape[1] * table.itemsize))).ravel()


@lru_cache(maxsize=256)
def template_table(templates: tuple[str, ...], nonzero_first: bool = False, serial_digits: int = 0) -> TemplateTable:
    """``nonzero_first``: a template's first digit slot is 1-9 unless it spells the serial."""
    encoded = [t.encode() for t in templates]
    width = max((len(t) for t in encoded), default=0) or 1
    table = np.zeros((len(encoded), width), dtype=np.uint8)
    for i, t in enumerate(encoded):
        table[i, :len(t)] = np.frombuffer(t, dtype=np.uint8)
    is_digit = (table == _HASH) | (table == _PERCENT)
    rank = np.where(is_digit, np.cumsum(is_digit[:, ::-1], axis=1)[:, ::-1] - 1, -1).astype(np.int8)
    base = np.where(table == _HASH, ord("0"), np.where(table == _PERCENT, ord("2"), table))
    base = np.where(table == _AT, 0, base).astype(np.uint8)
    choices = np.where(table == _HASH, 10, np.where(table == _PERCENT, 8, 0)).astype(np.uint16)
    if nonzero_first:
        rows = np.flatnonzero(is_digit.any(axis=1))
        first = np.argmax(is_digit, axis=1)[rows]
        lead = rows[(table[rows, first] == _HASH) & (rank[rows, first] >= serial_digits)]
        base[lead, first[np.isin(rows, lead)]] = ord("1")
        choices[lead, first[np.isin(rows, lead)]] = 9
    at_rows, at_cols = np.nonzero(table == _AT)  # row-major: each row's letter slots in order
    per_row = np.bincount(at_rows, minlength=len(table))
    letters = np.full((len(table), int(per_row.max(initial=0))), -1, dtype=np.int64)
    letters[at_rows, np.arange(len(at_rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)] = at_cols
    return TemplateTable(np.array([len(t) for t in encoded], dtype=np.int64), base, choices, rank, letters)


def fill_templates(templates: tuple[str, ...], which: np.ndarray, rng: RowRandom, *,
                   serial: np.ndarray | None = None, serial_digits: int = 0, stream: int = 40,
                   rows: np.ndarray | None = None, nonzero_first: bool = False) -> pa.Array:
    """Row i is templates[which[i]] with its placeholders filled (``rows``: only those rows of
    ``rng``'s chunk, ``which`` and ``serial`` given for them).

    With ``serial``, the last ``serial_digits`` digit slots of each row spell serial[i] (zero-padded),
    so distinct serials give distinct strings within one template: unique by construction.
    ``nonzero_first``: the first digit of a row is 1-9 (phones: no digit 0 after a trunk or country code).
    """
    serial = None if serial is None or not serial_digits else np.asarray(serial, dtype=np.uint64)
    t = template_table(templates, nonzero_first, serial_digits if serial is not None else 0)
    which = np.asarray(which, dtype=np.intp)
    draw = rng.bits(stream) if rows is None else rng.bits(stream)[rows]
    n = len(which)
    pieces = [_fill_block(t, which[s:s + _BLOCK], draw[s:s + _BLOCK],
                          None if serial is None else serial[s:s + _BLOCK], serial_digits)
              for s in range(0, n, _BLOCK)]
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(t.lengths[which], out=offsets[1:])
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(b"".join(pieces)))


def _fill_block(t: TemplateTable, which: np.ndarray, draw: np.ndarray, serial: np.ndarray | None,
                serial_digits: int) -> bytes:
    """The filled bytes of one block of rows, concatenated without padding."""
    mat, choices = t.rows_of(which)
    n, width = mat.shape
    # 16 random bits a character: one counter-based draw per row, stretched by splitmix64 rounds
    # (a Philox block per extra draw would cost more than the rest of the work).
    words = -(-width // 4)
    draws = np.empty((n, words), dtype=np.uint64)
    draws[:, 0] = draw
    for k in range(1, words):
        draws[:, k] = mix64(draw ^ _STRETCH[k - 1])
    randoms = draws.view(np.uint16).reshape(n, -1)[:, :width]
    # 12 of the 16 bits times the number of choices, top bits kept: 16-bit arithmetic, bias below 0.3%
    digits = randoms >> _U4
    digits *= choices
    digits >>= _U12
    np.add(mat, digits, out=mat, casting="unsafe")  # digits < 10: the uint8 sum is exact
    if serial is not None:  # only unique fields pay for the division
        rank = t.rank[which]
        use = (rank >= 0) & (rank < serial_digits)
        spelled = (serial[:, None] // _POWERS[np.clip(rank, 0, 18)]) % np.uint64(10)
        mat = np.where(use, spelled.astype(np.uint8) + np.uint8(ord("0")), mat)
    if t.letter_slots.shape[1]:
        slots = t.letter_slots[which]
        for j in range(slots.shape[1]):
            hit = np.flatnonzero(slots[:, j] >= 0)
            pos = slots[hit, j]
            mat[hit, pos] = LETTERS[randoms[hit, pos] >> _U12]
    return mat[mat != 0].tobytes()
