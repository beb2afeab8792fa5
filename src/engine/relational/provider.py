"""A child table's column provider: reference values and ``table.field`` parent columns.

Parent values are regenerated, never stored: rows_per_parent children read one contiguous range of
parents; parents drawn at random are regenerated block by block (the engine's 2048-row blocks), so
only the blocks a chunk touches are made again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from src.engine.relational.counts import ChildIndex
from src.engine.relational.links import JointDraw, Link
from src.engine.rng import BLOCK_ROWS


CACHE_ROWS = 1 << 21  # parent rows a provider keeps per column set (bounded: ~100 MB of keys)


class ParentBlocks:
    """Regenerated parent row blocks, the most recent CACHE_ROWS rows kept: children drawn at random
    from a parent table that fits stop regenerating it; a larger one is regenerated block by block."""

    def __init__(self) -> None:
        self._blocks: OrderedDict[tuple, dict[str, pa.Array]] = OrderedDict()

    def fetch(self, plan, idx: np.ndarray, names: list[str], *, contiguous: bool) -> dict[str, pa.Array]:
        """Columns ``names`` of the parent rows ``idx`` (-1: null), from the parent's plan."""
        n = len(idx)
        valid = idx >= 0
        types = {name: plan.column_type(name) for name in names}
        if not valid.any():
            return {name: pa.nulls(n, types[name]) for name in names}
        wanted = idx[valid]
        if contiguous:
            first = int(wanted.min())
            cols = self._generate(plan, first, int(wanted.max()) + 1 - first, names, types)
            local = idx - first
        else:
            blocks = np.unique(wanted // BLOCK_ROWS)
            cols = self._from_blocks(plan, blocks, names, types)
            position = np.searchsorted(blocks, np.maximum(idx, 0) // BLOCK_ROWS)
            local = position * BLOCK_ROWS + np.maximum(idx, 0) % BLOCK_ROWS
        take = pa.array(local, mask=~valid)
        return {name: cols[name].take(take) for name in names}

    @staticmethod
    def _generate(plan, first: int, n: int, names: list[str], types: dict) -> dict[str, pa.Array]:
        cols = plan.generate_columns(first, n, set(names))
        return {k: v if v.type == types[k] else v.cast(types[k]) for k, v in cols.items()}

    def _from_blocks(self, plan, blocks: np.ndarray, names: list[str], types: dict) -> dict[str, pa.Array]:
        tag = (id(plan), tuple(names))
        missing = [int(b) for b in blocks if (tag, int(b)) not in self._blocks]
        if missing:
            runs = np.split(np.array(missing), np.flatnonzero(np.diff(missing) != 1) + 1)
            for run in runs:
                # Whole blocks, also past the table's end: every cached block has BLOCK_ROWS rows.
                first, last = int(run[0]) * BLOCK_ROWS, (int(run[-1]) + 1) * BLOCK_ROWS
                cols = self._generate(plan, first, last - first, names, types)
                for b in run:
                    lo = int(b) * BLOCK_ROWS - first
                    self._blocks[(tag, int(b))] = {k: v.slice(lo, BLOCK_ROWS) for k, v in cols.items()}
        parts = []
        for b in blocks:
            self._blocks.move_to_end((tag, int(b)))
            parts.append(self._blocks[(tag, int(b))])
        while len(self._blocks) * BLOCK_ROWS > max(CACHE_ROWS, len(blocks) * BLOCK_ROWS):
            self._blocks.popitem(last=False)
        return {name: pa.concat_arrays([p[name] for p in parts]) for name in names}


@dataclass
class Chain:
    """A read of an ancestor's column ('customers.country' in order_lines): the first reference of each
    table on the way (order_lines -> orders -> customers) with the index of the table it starts from.
    Every hop but the last is a rows_per_parent link, so the rows each hop starts from form a range."""

    hops: list[tuple[Link, ChildIndex | None]]
    target: str
    column: str

    def parent_rows(self, first: np.ndarray) -> np.ndarray:
        """The ancestor row of each row whose first hop gave ``first`` (-1: a null on the way)."""
        idx = first
        for link, index in self.hops[1:]:
            valid = idx >= 0
            if not valid.any():
                return np.full(len(idx), -1, dtype=np.int64)
            lo = int(idx[valid].min())
            drawn = link.draw(lo, int(idx[valid].max()) + 1 - lo, index)
            idx = np.where(valid, drawn[np.maximum(idx - lo, 0)], -1)
        return idx


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
    chains: dict[str, Chain] = field(default_factory=dict)  # 'table.field' of an ancestor -> its path
    combos: list = field(default_factory=list)  # ValueCombos: unique_together sets of value fields
    cache: ParentBlocks = field(default_factory=ParentBlocks)

    @property
    def names(self) -> set[str]:
        out = {f for link in self.links for f in link.fields} | set(self.ordinals) | set(self.chains)
        out |= {name for combo in self.combos for name in combo.names}
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
            values = self.cache.fetch(self.parent_plan(link.parent), idx, names,
                                      contiguous=link.contiguous)
            for f, c in fill:
                out[f] = values[c]
            for c in lookups:
                out[f"{link.parent}.{c}"] = values[c]
        for name, chain in self.chains.items():
            if name not in reads:
                continue
            link = chain.hops[0][0]
            first = drawn[link.name] if link.name in drawn else link.draw(start, n, self.index)
            last = chain.hops[-1][0]
            values = self.cache.fetch(self.parent_plan(chain.target), chain.parent_rows(first), [chain.column],
                                      contiguous=last.contiguous and all(h.contiguous for h, _ in chain.hops))
            out[name] = values[chain.column]
        for combo in self.combos:
            if wanted.intersection(combo.names):
                out.update({k: v for k, v in combo.draw(start, n).items() if k in wanted})
        for name, (first, step) in self.ordinals.items():
            if name in wanted:
                ordinal = self.index.locate(start, n)[1]
                out[name] = pa.array(first + ordinal * step, pa.int64())
        return out
