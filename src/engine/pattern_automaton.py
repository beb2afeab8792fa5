"""Counting and unique generation for variable patterns: a Glushkov automaton over the unrolled
program's positions, determinised (at most MAX_DFA_STATES states) to count strings and decode the k-th."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from src.engine.pattern_parser import PatternError
from src.engine.pattern_program import _COUNT_LIMIT, MAX_DFA_STATES, _Choice, _Leaf, _Seq, _string_array


def _bits(mask: int):
    """Indexes of the set bits of ``mask``."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _glushkov(node: object, follow: list[int]) -> tuple[bool, int, int]:
    """(nullable, first positions, last positions) as bit masks; fills ``follow`` (position -> mask).

    Position sets are Python ints used as bit sets: unions and intersections stay cheap even for
    patterns that unroll to a thousand positions.
    """
    if isinstance(node, _Leaf):
        return False, 1 << node.position, 1 << node.position
    if isinstance(node, _Choice):
        nullable, first, last = False, 0, 0
        for child in node.children:
            child_nullable, child_first, child_last = _glushkov(child, follow)
            nullable, first, last = nullable or child_nullable, first | child_first, last | child_last
        return nullable, first, last
    if isinstance(node, _Seq):
        parts = [(child, False) for child in node.children]
    else:
        parts = [(copy, j >= node.low) for j, copy in enumerate(node.copies)]
    nullable, first, pending_last = True, 0, 0
    for child, optional in parts:
        child_nullable, child_first, child_last = _glushkov(child, follow)
        child_nullable = child_nullable or optional
        for position in _bits(pending_last):
            follow[position] |= child_first
        if nullable:
            first |= child_first
        pending_last = (child_last | pending_last) if child_nullable else child_last
        nullable = nullable and child_nullable
    return nullable, first, pending_last


class _Automaton:
    """A DFA over bytes for the (finite) language, with per-state completion counts for unranking."""

    def __init__(self, program: object, tables: list[bytes]):
        follow = [0] * len(tables)
        nullable, first, last = _glushkov(program, follow)
        byte_masks: dict[int, int] = {}
        for position, table in enumerate(tables):
            for byte in table:
                byte_masks[byte] = byte_masks.get(byte, 0) | (1 << position)
        alphabet = sorted(byte_masks.items())
        start = -1  # not a position set: the state before the first byte
        index = {start: 0}
        states = [start]
        transitions: list[list[tuple[int, int]]] = []
        accepting: list[bool] = []
        for state in states:  # grows while iterating: breadth-first subset construction
            accepting.append(nullable if state == start else bool(state & last))
            if state == start:
                candidates = first
            else:
                candidates = 0
                for position in _bits(state):
                    candidates |= follow[position]
            edges = []
            for byte, mask in alphabet:
                target = candidates & mask
                if not target:
                    continue
                if target not in index:
                    if len(states) >= MAX_DFA_STATES:
                        raise PatternError(
                            "pattern is too complex to count its distinct strings (overlapping variable "
                            "repeats); simplify it for unique values")
                    index[target] = len(states)
                    states.append(target)
                edges.append((byte, index[target]))
            transitions.append(edges)
        self.accepting = np.array(accepting, dtype=bool)
        self.counts = self.count_completions(transitions, accepting)
        self.edge_bytes = [np.array([b for b, _ in edges], dtype=np.uint8) for edges in transitions]
        self.edge_targets = [np.array([t for _, t in edges], dtype=np.int64) for edges in transitions]
        self.edge_offsets = []  # saturated prefix sums of the targets' counts
        self.edge_sizes: list[int] = []  # the targets' common count when all are equal (else 0)
        for edges in transitions:
            running, offsets = 0, []
            for _, target in edges:
                offsets.append(min(running, _COUNT_LIMIT))
                running += self.counts[target]
            self.edge_offsets.append(np.array(offsets, dtype=np.uint64))
            sizes = {self.counts[target] for _, target in edges}
            self.edge_sizes.append(sizes.pop() if len(sizes) == 1 and running < 2**64 else 0)

    @staticmethod
    def count_completions(transitions: list[list[tuple[int, int]]], accepting: list[bool]) -> list[int]:
        counts: list[int | None] = [None] * len(transitions)
        stack = [(0, False)]
        while stack:  # iterative post-order: the DFA is acyclic (positions only move forward)
            state, expanded = stack.pop()
            if counts[state] is not None:
                continue
            if expanded:
                counts[state] = int(accepting[state]) + sum(counts[t] for _, t in transitions[state])
                continue
            stack.append((state, True))
            stack.extend((t, False) for _, t in transitions[state] if counts[t] is None)
        return counts

    def unrank(self, ranks: np.ndarray, max_bytes: int) -> pa.Array:
        """The rank-th string of the language (in DFA order) for each rank, all rows at once.

        Rows still being decoded are kept as compact arrays sorted by DFA state, so each state's
        rows are one contiguous slice; one byte per row is written per step.
        """
        n = len(ranks)
        width = max(max_bytes, 1)
        chars_by_step = np.zeros((width, n), dtype=np.uint8)
        lengths = np.zeros(n, dtype=np.int64)
        rows = np.arange(n, dtype=np.int64)
        rank = ranks.astype(np.uint64)
        state = np.zeros(n, dtype=np.int64)
        one = np.uint64(1)
        for step in range(max_bytes + 1):
            if rows.size == 0:
                break
            at_accept = self.accepting[state]
            if at_accept.any():  # some rows may end here: rank 0 ends, others skip this string
                stop = at_accept & (rank == 0)
                lengths[rows[stop]] = step
                rank = rank - (at_accept & ~stop).astype(np.uint64) * one
                if stop.any():
                    keep = ~stop
                    rows, rank, state = rows[keep], rank[keep], state[keep]
            if step == max_bytes or rows.size == 0:
                continue
            sizes = np.bincount(state)
            present = np.flatnonzero(sizes)
            if len(present) > 1:
                key = state.astype(np.uint16) if len(self.accepting) <= 2**16 else state
                order = np.argsort(key, kind="stable")
                rows, rank, state = rows[order], rank[order], state[order]
            chosen = np.empty(rows.size, dtype=np.uint8)
            ends = np.cumsum(sizes)
            for current in present:
                part = slice(int(ends[current] - sizes[current]), int(ends[current]))
                offsets = self.edge_offsets[current]
                size = self.edge_sizes[current]
                if size:  # e.g. [a-z] into one state: a division instead of a search
                    edge = rank[part] // np.uint64(size)
                    rank[part] -= edge * np.uint64(size)
                else:
                    edge = np.searchsorted(offsets, rank[part], side="right") - 1
                    rank[part] -= offsets[edge]
                chosen[part] = self.edge_bytes[current][edge]
                state[part] = self.edge_targets[current][edge]
            chars_by_step[step, rows] = chosen
        mask = np.arange(width) < lengths[:, None]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return _string_array(np.ascontiguousarray(chars_by_step.T)[mask], offsets, n)
