"""unique_together sets and composite keys made of value fields (enum, boolean, bounded integers,
pool-valued types): the row index goes through a keyed bijection of all combinations of the
members' values (mixed radix), so no combination repeats, with no retries, for any split."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from src.engine.natural_pools import natural_pool
from src.engine.rng import permute_index
from src.schemas.fields import FieldSpec

MAX_COMBINATIONS = 2**62
_INTEGER_KINDS = ("integer", "age")


@dataclass
class Domain:
    """A member's distinct values: ``values`` taken by index, or integers ``low + index``."""

    name: str
    size: int
    values: pa.Array | None = None
    low: int = 0

    def pick(self, idx: np.ndarray) -> pa.Array:
        if self.values is None:
            return pa.array(self.low + idx.astype(np.int64), pa.int64())
        return self.values.take(pa.array(idx.astype(np.int64)))


def member_domain(spec: FieldSpec, locale: str | None) -> Domain | None:
    """The finite values a field can supply to a combination (None: not enumerable, e.g. names or
    an unbounded number; a field with a rule of its own, a formula, nulls or a pattern, keeps it)."""
    from src.engine.generators.numeric import enum_pool

    c = spec.constraints
    if c.expression or c.when or c.nullable or c.pattern or c.cardinality or c.after or c.before:
        return None
    if spec.type == "enum" and c.enum_values:
        pool = enum_pool(list(dict.fromkeys(c.enum_values)))
        return Domain(spec.name, len(pool), pool)
    if spec.type == "boolean":
        return Domain(spec.name, 2, pa.array([False, True]))
    if spec.type in _INTEGER_KINDS and not c.step and _is_int(c.min_value) and _is_int(c.max_value) \
            and c.min_value <= c.max_value:
        return Domain(spec.name, int(c.max_value) - int(c.min_value) + 1, low=int(c.min_value))
    if c.max_length is None and c.min_length is None:
        pool = natural_pool(spec.type, locale)
        if pool is not None and len(pool):
            return Domain(spec.name, len(pool), pool)
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()


@dataclass
class ValueCombos:
    """Fields whose combination of values is unique across the table's rows."""

    domains: list[Domain]
    key: int

    @property
    def names(self) -> list[str]:
        return [d.name for d in self.domains]

    def capacity(self) -> int:
        total = 1
        for d in self.domains:
            total = min(total * d.size, MAX_COMBINATIONS)
        return total

    def draw(self, start: int, n: int) -> dict[str, pa.Array]:
        rows = np.arange(start, start + n, dtype=np.uint64)
        slots = permute_index(rows, self.capacity(), self.key)
        out: dict[str, pa.Array] = {}
        for d in reversed(self.domains):  # mixed radix: the last member varies fastest
            size = np.uint64(d.size)
            out[d.name] = d.pick(slots % size)
            slots = slots // size
        return out
