"""Child counts (rows_per_parent) and the block index that maps a child row to its parent.

Parent p's child count is a pure function of (seed, table, p). The index keeps, per block of
PARENT_BLOCK parents, the number of children before it: O(parents / PARENT_BLOCK) integers. A child
row's parent is found by a binary search in the index, then by re-drawing one block's counts.
"""

from __future__ import annotations

import numpy as np

from src.engine.rng import RowRandom
from src.schemas.relational import RowsPerParent

PARENT_BLOCK = 4096
_BUILD_ROWS = 1 << 20  # parents drawn at a time while the index is built


def child_count_cdf(spec: RowsPerParent) -> np.ndarray:
    """Cumulative probabilities of min..max children: the distribution truncated to min..max."""
    k = np.arange(spec.min, spec.max + 1, dtype=np.float64)
    if spec.distribution == "fixed" or spec.min == spec.max:
        return np.ones(1)
    if spec.distribution == "uniform":
        log_w = np.zeros_like(k)
    elif spec.distribution == "poisson":
        lam = spec.mean if spec.mean is not None else (spec.min + spec.max) / 2 or 0.5
        log_fact = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, spec.max + 1)))])[spec.min:]
        log_w = k * np.log(lam) - lam - log_fact
    else:  # zipf over k >= 1: P(k) ~ k^-exponent
        s = spec.exponent if spec.exponent is not None else 2.0
        log_w = np.where(k >= 1, -s * np.log(np.maximum(k, 1)), -np.inf)
    w = np.exp(log_w - log_w.max())
    cdf = np.cumsum(w / w.sum())
    cdf[-1] = 1.0
    return cdf


class ChildCounts:
    """Children per parent row, drawn from one keyed stream of the child table."""

    def __init__(self, spec: RowsPerParent, key: int):
        self.lo = spec.min
        self.cdf = child_count_cdf(spec)
        self.key = key

    def draw(self, first_parent: int, n_parents: int) -> np.ndarray:
        if len(self.cdf) == 1:
            return np.full(n_parents, self.lo, dtype=np.int64)
        u = RowRandom(self.key, first_parent, n_parents).uniform(0)
        picks = np.searchsorted(self.cdf, u, side="right")
        return self.lo + np.minimum(picks, len(self.cdf) - 1).astype(np.int64)


class ChildIndex:
    """Where each parent's children start, kept per block of parents."""

    def __init__(self, counts: ChildCounts, parents: int):
        self.counts = counts
        self.parents = parents
        n_blocks = -(-parents // PARENT_BLOCK)
        sums = np.zeros(n_blocks, dtype=np.int64)
        for first in range(0, parents, _BUILD_ROWS):
            c = counts.draw(first, min(_BUILD_ROWS, parents - first))
            pad = -len(c) % PARENT_BLOCK
            block_sums = np.pad(c, (0, pad)).reshape(-1, PARENT_BLOCK).sum(axis=1)
            sums[first // PARENT_BLOCK:first // PARENT_BLOCK + len(block_sums)] = block_sums
        self.offsets = np.concatenate([[0], np.cumsum(sums)]).astype(np.int64)
        self._last: tuple | None = None

    @property
    def total(self) -> int:
        """Rows of the child table."""
        return int(self.offsets[-1])

    def locate(self, start: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(parent index, position among that parent's children) of child rows [start, start + n).

        Rows past the end (an 8-row type probe of a small table) repeat the last row.
        """
        if n == 0 or self.total == 0:
            return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        last = self._last
        if last is not None and last[0] == (start, n):
            return last[1]  # the reference and a within-parent sequence ask for the same rows
        result = self._locate(start, n)
        self._last = ((start, n), result)
        return result

    def _locate(self, start: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        rows = np.minimum(np.arange(start, start + n, dtype=np.int64), self.total - 1)
        lo, hi = int(rows[0]), int(rows[-1])
        b_lo = int(np.searchsorted(self.offsets, lo, side="right")) - 1
        b_hi = int(np.searchsorted(self.offsets, hi, side="right")) - 1
        p0 = b_lo * PARENT_BLOCK
        p1 = min((b_hi + 1) * PARENT_BLOCK, self.parents)
        counts = self.counts.draw(p0, p1 - p0)
        first_child = self.offsets[b_lo] + np.concatenate([[0], np.cumsum(counts)])
        local = np.repeat(np.arange(len(counts), dtype=np.int64), counts)[rows - first_child[0]]
        return p0 + local, rows - first_child[local]

    def parent_range(self, start: int, n: int) -> tuple[int, int]:
        """The parents [first, last) whose children rows [start, start + n) are."""
        parents, _ = self.locate(start, n)
        return (int(parents[0]), int(parents[-1]) + 1) if n else (0, 0)
