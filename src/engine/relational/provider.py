"""A child table's column provider: reference values and ``table.field`` parent columns.

Parent values are regenerated, never stored: rows_per_parent children read one contiguous range of
parents; parents drawn at random are regenerated block by block (the engine's 2048-row blocks), so
only the blocks a chunk touches are made again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from src.engine.relational.counts import ChildIndex
from src.engine.relational.links import JointDraw, Link
from src.engine.rng import BLOCK_ROWS


def fetch_parent_rows(plan, idx: np.ndarray, names: list[str], *, contiguous: bool,
                      parents: int) -> dict[str, pa.Array]:
    """Columns ``names`` of the parent rows ``idx`` (-1: null) from the parent's plan."""
    n = len(idx)
    valid = idx >= 0
    types = {name: plan.arrow_schema.field(name).type for name in names}
    if not valid.any():
        return {name: pa.nulls(n, types[name]) for name in names}
    wanted = idx[valid]
    if contiguous:
        first, last = int(wanted.min()), int(wanted.max()) + 1
        runs = [(first, last)]
    else:
        blocks = np.unique(wanted // BLOCK_ROWS)
        breaks = np.flatnonzero(np.diff(blocks) != 1) + 1
        runs = [(int(r[0]) * BLOCK_ROWS, min((int(r[-1]) + 1) * BLOCK_ROWS, max(parents, 1)))
                for r in np.split(blocks, breaks)]
    parts: dict[str, list[pa.Array]] = {name: [] for name in names}
    for first, last in runs:
        cols = plan.generate_columns(first, last - first, set(names))
        for name in names:
            parts[name].append(cols[name] if cols[name].type == types[name] else cols[name].cast(types[name]))
    starts = np.array([r[0] for r in runs], dtype=np.int64)
    bases = np.concatenate([[0], np.cumsum([r[1] - r[0] for r in runs])[:-1]]).astype(np.int64)
    run = np.searchsorted(starts, np.maximum(idx, 0), side="right") - 1
    local = pa.array(bases[run] + np.maximum(idx, 0) - starts[run], mask=~valid)
    out = {}
    for name in names:
        values = parts[name][0] if len(parts[name]) == 1 else pa.concat_arrays(parts[name])
        out[name] = values.take(local)
    return out


@dataclass
class TableProvider:
    """Supplies a table's reference fields and the parent columns its rules read.

    ``parent_plan(table)`` gives the plan a parent's values come from (for a self-reference, the
    table's own key plan); ``index`` is the rows_per_parent child-count index.
    """

    links: list[Link]
    parent_plan: Callable[[str], object]
    index: ChildIndex | None = None
    joint: JointDraw | None = None
    reads: dict[str, set[str]] = field(default_factory=dict)  # field -> 'table.field' names it reads
    ordinals: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (start, step)

    @property
    def names(self) -> set[str]:
        out = {f for link in self.links for f in link.fields} | set(self.ordinals)
        for link in self.links:
            out |= {f"{link.parent}.{c}" for c in link.lookups}
        return out

    def columns(self, start: int, n: int, order: list[str]) -> dict[str, pa.Array]:
        wanted = set(order)
        reads = set().union(*(self.reads.get(name, set()) for name in order)) if order else set()
        out: dict[str, pa.Array] = {}
        drawn = self.joint.draw(start, n, self.index) if self.joint is not None else {}
        for link in self.links:
            lookups = sorted(c for c in link.lookups if f"{link.parent}.{c}" in reads)
            fill = [(f, c) for f, c in zip(link.fields, link.columns) if f in wanted]
            if not lookups and not fill:
                continue
            idx = drawn[link.name] if link.name in drawn else link.draw(start, n, self.index)
            names = sorted({c for _, c in fill} | set(lookups))
            parents = link.parents if link.mode != "self" else start + n
            values = fetch_parent_rows(self.parent_plan(link.parent), idx, names,
                                       contiguous=link.contiguous, parents=parents)
            for f, c in fill:
                out[f] = values[c]
            for c in lookups:
                out[f"{link.parent}.{c}"] = values[c]
        for name, (first, step) in self.ordinals.items():
            if name in wanted:
                ordinal = self.index.locate(start, n)[1]
                out[name] = pa.array(first + ordinal * step, pa.int64())
        return out
