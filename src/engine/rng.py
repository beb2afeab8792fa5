"""Counter-based randomness: every value is a pure function of (seed, field, stream, row index).

No generator state is carried from row to row, so a chunk depends only on its first row and length:
the same seed gives the same rows whatever the chunk size or the number of workers.
"""

from __future__ import annotations

import hashlib

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_S30 = np.uint64(30)
_S27 = np.uint64(27)
_S31 = np.uint64(31)
_S11 = np.uint64(11)
_INV53 = 1.0 / (1 << 53)


def mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over a uint64 array (a bijection on 64-bit integers)."""
    with np.errstate(over="ignore"):
        z = x * _GOLDEN
        z = (z ^ (z >> _S30)) * _M1
        z = (z ^ (z >> _S27)) * _M2
        return z ^ (z >> _S31)


def derive_key(*parts: object) -> int:
    """A stable 64-bit key from any printable parts (seed, field name, purpose)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


BLOCK_ROWS = 2048  # rows share one Philox counter block; chunk boundaries never matter


def _fill_bits(gen: np.random.Generator, out: np.ndarray) -> None:
    out[:] = gen.bit_generator.random_raw(out.shape[0])


def _fill_uniform(gen: np.random.Generator, out: np.ndarray) -> None:
    gen.random(out=out)


def _fill_normal(gen: np.random.Generator, out: np.ndarray) -> None:
    gen.standard_normal(out=out)


class RowRandom:
    """Random draws for rows [start, start + n) of one field; ``stream`` numbers independent draws.

    Draws for row i come from a Philox block keyed by (key, i // BLOCK_ROWS, stream), so they are a
    pure function of the row index, not of how rows are grouped into chunks.
    """

    __slots__ = ("key", "start", "n")

    def __init__(self, key: int, start: int, n: int):
        self.key = int(key) & (2**64 - 1)
        self.start = int(start)
        self.n = int(n)

    @classmethod
    def for_range(cls, key: int, start_row: int, n_rows: int) -> RowRandom:
        return cls(key, start_row, n_rows)

    @property
    def rows(self) -> np.ndarray:
        return np.arange(self.start, self.start + self.n, dtype=np.uint64)

    def child(self, *parts: object) -> RowRandom:
        """An independent source for a sub-purpose (same rows, different key)."""
        return RowRandom(derive_key(self.key, *parts), self.start, self.n)

    def _blocks(self, stream: int, dtype, draw) -> np.ndarray:
        first, last = self.start // BLOCK_ROWS, (self.start + self.n - 1) // BLOCK_ROWS
        out = np.empty((last - first + 1) * BLOCK_ROWS, dtype=dtype)
        # One Philox per call, moved to each block's counter: constructing one draws OS entropy for
        # a SeedSequence it never uses (~70 us, as much as the block's draws); the state is the same.
        bit_generator = np.random.Philox(key=self.key)
        gen = np.random.Generator(bit_generator)
        state = bit_generator.state
        counter = state["state"]["counter"]
        for i, block in enumerate(range(first, last + 1)):
            counter[:] = (0, 0, block, stream)
            bit_generator.state = state
            draw(gen, out[i * BLOCK_ROWS:(i + 1) * BLOCK_ROWS])
        offset = self.start - first * BLOCK_ROWS
        return out[offset:offset + self.n]

    def bits(self, stream: int = 0) -> np.ndarray:
        """64 random bits per row."""
        if self.n == 0:
            return np.empty(0, dtype=np.uint64)
        return self._blocks(stream, np.uint64, _fill_bits)

    def uniform(self, stream: int = 0) -> np.ndarray:
        """Floats in [0, 1)."""
        if self.n == 0:
            return np.empty(0, dtype=np.float64)
        return self._blocks(stream, np.float64, _fill_uniform)

    def integers(self, low: int, high: int, stream: int = 0) -> np.ndarray:
        """Integers in [low, high] inclusive (int64)."""
        span = int(high) - int(low) + 1
        if span <= 0:
            raise ValueError("empty integer range")
        if span >= 2**53:
            return np.int64(low) + (self.bits(stream) % np.uint64(span)).astype(np.int64)
        return np.int64(low) + np.floor(self.uniform(stream) * span).astype(np.int64)

    def normal(self, stream: int = 0) -> np.ndarray:
        """Standard normal draws."""
        if self.n == 0:
            return np.empty(0, dtype=np.float64)
        return self._blocks(stream, np.float64, _fill_normal)

    def choice(self, n: int, weights=None, stream: int = 0) -> np.ndarray:
        """Indices in [0, n), uniform or by relative weights."""
        if weights is None:
            return self.integers(0, n - 1, stream)
        return pick_weighted(self.bits(stream), weights)

    def bernoulli(self, p: float, stream: int = 0) -> np.ndarray:
        return self.uniform(stream) < p


_TABLE_BITS = 16
_weight_tables: dict[bytes, np.ndarray] = {}


def weight_table(weights) -> np.ndarray:
    """A 2**16-slot lookup table whose slot shares follow the weights (each non-zero weight gets >= 1)."""
    w = np.asarray(weights, dtype=np.float64)
    key = w.tobytes()
    table = _weight_tables.get(key)
    if table is None:
        size = 1 << _TABLE_BITS
        share = w / w.sum() * size
        counts = np.floor(share).astype(np.int64)
        counts[(w > 0) & (counts == 0)] = 1
        # Hand the slots left over to the largest remainders, so shares stay within 1/65536.
        missing = size - counts.sum()
        order = np.argsort(-(share - np.floor(share)))
        if missing > 0:
            counts[order[:missing]] += 1
        elif missing < 0:
            for i in np.argsort(-counts)[: -missing]:
                counts[i] -= 1
        table = np.repeat(np.arange(len(w), dtype=np.int64), counts)
        if len(_weight_tables) > 256:
            _weight_tables.clear()
        _weight_tables[key] = table
    return table


def pick_weighted(bits: np.ndarray, weights) -> np.ndarray:
    """Weighted indices from 64-bit draws (the top 16 bits pick a slot of the weight table)."""
    return weight_table(weights)[(bits >> np.uint64(64 - _TABLE_BITS)).astype(np.intp)]


def split_bits(bits: np.ndarray, *widths: int) -> list[np.ndarray]:
    """Cut each 64-bit draw into independent fields of the given bit widths (low bits first)."""
    out = []
    shift = 0
    for width in widths:
        out.append(((bits >> np.uint64(shift)) & np.uint64((1 << width) - 1)).astype(np.int64))
        shift += width
    if shift > 64:
        raise ValueError("more than 64 bits asked for")
    return out


def scramble_index(index: np.ndarray, bits: int, key: int) -> np.ndarray:
    """A cheap keyed bijection on [0, 2**bits): odd multiplies and xor-shifts, each invertible."""
    mask = np.uint64((1 << bits) - 1)
    k1 = np.uint64(derive_key(key, "scramble", 1) | 1)
    k2 = np.uint64(derive_key(key, "scramble", 2) | 1)
    add = np.uint64(derive_key(key, "scramble", 3))
    half = np.uint64(bits // 2 + 1)
    with np.errstate(over="ignore"):
        x = (np.asarray(index, dtype=np.uint64) * k1 + add) & mask
        x ^= x >> half
        x = (x * k2) & mask
        x ^= x >> half
    return x


def permute_index(index: np.ndarray, n: int, key: int) -> np.ndarray:
    """A keyed bijection of [0, n) onto itself, applied element-wise (cycle-walking Feistel).

    Used for ``unique`` values: row i gets slot permute_index(i), so no two rows share a slot and no
    retry loop is needed, at any dataset size.
    """
    index = np.asarray(index, dtype=np.uint64)
    if n <= 1:
        return np.zeros_like(index)
    # Rows past the domain wrap around (a job that needs them is refused up front by
    # DatasetPlan.check_row_count); without this, cycle walking would never end for them.
    index = index % np.uint64(n)
    bits = max(2, int(n - 1).bit_length())
    if bits % 2:
        bits += 1
    half = bits // 2
    mask = np.uint64((1 << half) - 1)
    sh = np.uint64(half)
    keys = [np.uint64(derive_key(key, "feistel", r)) for r in range(4)]
    nn = np.uint64(n)
    out = index.copy()
    todo = np.ones(out.shape, dtype=bool)
    result = np.empty_like(out)
    while todo.any():
        x = out[todo]
        left, right = x >> sh, x & mask
        with np.errstate(over="ignore"):
            for k in keys:
                left, right = right, left ^ (mix64(right ^ k) & mask)
        x = (left << sh) | right
        done = x < nn
        idx = np.flatnonzero(todo)
        result[idx[done]] = x[done]
        out[idx] = x
        todo[idx[done]] = False
    return result
