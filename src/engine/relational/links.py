"""Which parent row each child row points at: a pure function of the child row index.

- ``structural``: the rows_per_parent parent, from the child-count index (contiguous parents);
- ``random``: uniform, or zipf over ranks with hot parents spread by a keyed permutation;
- ``unique``: each parent at most once (a keyed bijection of the row index);
- ``self``: an earlier row of the same table (a hierarchy without cycles; row 0 is a root);
- a ``JointDraw`` of several references forming a composite primary key: each combination once.
Index -1 is a null reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from src.engine.relational.counts import ChildIndex
from src.engine.rng import RowRandom, derive_key, mix64, permute_index

DEFAULT_ZIPF_EXPONENT = 1.2


@dataclass
class Link:
    """One reference (a field, or a composite foreign key's fields) to a parent table."""

    name: str
    parent: str
    fields: list[str]  # child fields filled from the parent
    columns: list[str]  # parent columns they copy
    mode: str = "random"  # structural | random | unique | self | joint
    distribution: str = "uniform"
    exponent: float = DEFAULT_ZIPF_EXPONENT
    null_probability: float = 0.0
    key: int = 0
    parents: int = 0  # parent table's row count
    lookups: set[str] = field(default_factory=set)  # parent columns read as 'table.field'

    @property
    def contiguous(self) -> bool:
        return self.mode == "structural"

    def draw(self, start: int, n: int, index: ChildIndex | None) -> np.ndarray:
        """Parent row of each child row in [start, start + n); -1 where the reference is null."""
        rows = np.arange(start, start + n, dtype=np.int64)
        rng = RowRandom(self.key, start, n)
        if self.mode == "structural":
            idx = index.locate(start, n)[0]
        elif self.mode == "self":
            idx = _earlier_rows(rows, rng, self.distribution, self.exponent)
        elif self.parents == 0:
            idx = np.full(n, -1, dtype=np.int64)
        elif self.mode == "unique":
            idx = permute_index(rows.astype(np.uint64), self.parents, self.key).astype(np.int64)
        elif self.distribution == "zipf":
            rank = zipf_ranks(rng.uniform(0), self.parents, self.exponent)
            idx = permute_index(rank.astype(np.uint64), self.parents, derive_key(self.key, "hot")).astype(np.int64)
        else:
            idx = np.minimum(np.floor(rng.uniform(0) * self.parents).astype(np.int64), self.parents - 1)
        if self.null_probability > 0:
            idx = np.where(rng.uniform(1) < self.null_probability, -1, idx)
        return idx


def zipf_ranks(u: np.ndarray, limit: int | np.ndarray, exponent: float) -> np.ndarray:
    """Ranks in [0, limit) with P(rank r) ~ (r + 1)^-exponent (continuous inverse-CDF approximation)."""
    top = np.asarray(limit, dtype=np.float64) + 1.0
    if abs(exponent - 1.0) < 1e-9:
        x = np.power(top, u)
    else:
        a = 1.0 - exponent
        x = np.power(1.0 + u * (np.power(top, a) - 1.0), 1.0 / a)
    return np.clip(np.floor(x).astype(np.int64) - 1, 0, np.asarray(limit) - 1)


def _earlier_rows(rows: np.ndarray, rng: RowRandom, distribution: str, exponent: float) -> np.ndarray:
    """Row i points at a row in [0, i); zipf favours the first rows (the top of the hierarchy)."""
    u = rng.uniform(0)
    below = np.maximum(rows, 1)
    if distribution == "zipf":
        idx = zipf_ranks(u, below, exponent)
    else:
        idx = np.minimum(np.floor(u * below).astype(np.int64), below - 1)
    return np.where(rows == 0, -1, idx)


@dataclass
class JointDraw:
    """References that together form a composite primary key: no combination repeats.

    With a rows_per_parent parent among them, the other reference takes distinct parents within each
    parent's children; otherwise the row index goes through a keyed bijection of all combinations.
    """

    links: list[Link]
    key: int
    structural: Link | None = None

    def capacity(self) -> int:
        """How many distinct combinations exist (per parent, with a rows_per_parent parent)."""
        total = 1
        for link in self.links:
            if link is not self.structural:
                total *= max(link.parents, 0)
        return total

    def draw(self, start: int, n: int, index: ChildIndex | None) -> dict[str, np.ndarray]:
        rows = np.arange(start, start + n, dtype=np.int64)
        if self.structural is not None:
            parent, ordinal = index.locate(start, n)
            (other,) = [link for link in self.links if link is not self.structural]
            q = other.parents
            shift = _parent_offsets(derive_key(self.key, "offset"), parent, q)
            slot = (shift + ordinal) % max(q, 1)
            picked = permute_index(slot.astype(np.uint64), q, self.key).astype(np.int64)
            return {self.structural.name: parent, other.name: picked}
        slots = permute_index(rows.astype(np.uint64), min(self.capacity(), 2**62), self.key)
        out: dict[str, np.ndarray] = {}
        for link in reversed(self.links):  # mixed radix: the last reference varies fastest
            p = np.uint64(link.parents)
            out[link.name] = (slots % p).astype(np.int64)
            slots = slots // p
        return out


def _parent_offsets(key: int, parent: np.ndarray, q: int) -> np.ndarray:
    """A random start in [0, q) per parent row (a pure function of the parent index)."""
    bits = mix64(parent.astype(np.uint64) ^ np.uint64(key))
    return (bits % np.uint64(max(q, 1))).astype(np.int64)
