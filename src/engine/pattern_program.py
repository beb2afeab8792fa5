"""The unrolled program of a pattern: a fixed list of byte positions with the random decisions (choices,
repeat counts) that switch them off per row, and the vectorized draws and lookups that fill them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from src.engine.pattern_parser import PatternError, _Alternation, _CharSet, _Repeat, _Sequence
from src.engine.rng import RowRandom

MAX_POSITIONS = 1_024  # unrolled byte positions (nested + and * multiply): bounds row width and DFA size
MAX_UNROLLED_NODES = 20_000  # parts of the unrolled program, empty ones included: bounds compile time
MAX_DFA_STATES = 5_000  # beyond this, count() and generate_unique() give up (PatternError)
_DRAW_SPAN_LIMIT = 2**32  # one uniform draw covers positions whose choices multiply up to this
_COUNT_LIMIT = 2**63


@dataclass(frozen=True)
class _Leaf:
    position: int


@dataclass(frozen=True)
class _Seq:
    children: tuple


@dataclass(frozen=True)
class _Choice:
    """Exactly one child is active per row: the one named by ``decision``'s digit."""

    children: tuple
    decision: int


@dataclass(frozen=True)
class _Count:
    """Copies [0, low) always active; copy j >= low active when low + ``decision``'s digit > j."""

    copies: tuple
    low: int
    decision: int


class _Unroller:
    """Turns the syntax tree into byte positions plus the random decisions a row makes.

    A decision is one uniform digit (a character of a class, an alternative, a repeat count);
    ``radices`` holds how many values each can take.
    """

    def __init__(self):
        self.tables: list[bytes] = []
        self.radices: list[int] = []
        self.position_decisions: dict[int, int] = {}  # position with a choice of bytes -> decision
        self.nodes = 0

    def unroll(self, node: object) -> object:
        self.nodes += 1
        if self.nodes > MAX_UNROLLED_NODES:  # e.g. ((){1000}){1000}: no characters, a million copies
            raise PatternError(f"pattern expands to more than {MAX_UNROLLED_NODES} parts")
        if isinstance(node, _CharSet):
            if len(self.tables) >= MAX_POSITIONS:
                raise PatternError(f"pattern expands to more than {MAX_POSITIONS} characters")
            position = len(self.tables)
            self.tables.append(node.table)
            if len(node.table) > 1:
                self.position_decisions[position] = self.add_decision(len(node.table))
            return _Leaf(position)
        if isinstance(node, _Sequence):
            return _Seq(tuple(self.unroll(item) for item in node.items))
        if isinstance(node, _Alternation):
            decision = self.add_decision(len(node.options))
            return _Choice(tuple(self.unroll(option) for option in node.options), decision)
        if isinstance(node, _Repeat):
            if node.low == node.high:
                return _Seq(tuple(self.unroll(node.item) for _ in range(node.low)))
            decision = self.add_decision(node.high - node.low + 1)
            return _Count(tuple(self.unroll(node.item) for _ in range(node.high)), node.low, decision)
        raise AssertionError(node)

    def add_decision(self, radix: int) -> int:
        self.radices.append(radix)
        return len(self.radices) - 1


def _length_bounds(node: object) -> tuple[int, int]:
    if isinstance(node, _CharSet):
        return node.weight, node.weight
    if isinstance(node, _Sequence):
        bounds = [_length_bounds(item) for item in node.items]
        return sum(b[0] for b in bounds), sum(b[1] for b in bounds)
    if isinstance(node, _Alternation):
        bounds = [_length_bounds(option) for option in node.options]
        return min(b[0] for b in bounds), max(b[1] for b in bounds)
    low, high = _length_bounds(node.item)
    return low * node.low, high * node.high


def _is_fixed(node: object) -> bool:
    if isinstance(node, _Leaf):
        return True
    if isinstance(node, _Seq):
        return all(_is_fixed(child) for child in node.children)
    return False


@dataclass(frozen=True)
class _DrawGroup:
    """Decisions decoded from one uniform integer in [0, span) drawn with ``stream``."""

    stream: int
    decisions: tuple[int, ...]
    span: int


def _group_draws(radices: list[int]) -> list[_DrawGroup]:
    """Pack consecutive decisions into as few draws as possible: each stream costs a full pass."""
    groups: list[_DrawGroup] = []
    members: list[int] = []
    span = 1
    for decision, radix in enumerate(radices):
        if span * radix > _DRAW_SPAN_LIMIT:
            groups.append(_DrawGroup(len(groups), tuple(members), span))
            members, span = [], 1
        members.append(decision)
        span *= radix
    if members:
        groups.append(_DrawGroup(len(groups), tuple(members), span))
    return groups


def _draw_digits(groups: list[_DrawGroup], radices: list[int], rng: RowRandom) -> list[np.ndarray]:
    """Each decision's digit per row, in [0, radix)."""
    digits: list[np.ndarray | None] = [None] * len(radices)
    for group in groups:
        draw = rng.integers(0, group.span - 1, group.stream).astype(np.uint32)
        for decision in reversed(group.decisions[1:]):
            radix = np.uint32(radices[decision])
            quotient = draw // radix
            digits[decision] = draw - quotient * radix
            draw = quotient
        digits[group.decisions[0]] = draw
    return digits


def _lookup_chars(table: np.ndarray, digits: np.ndarray) -> np.ndarray:
    first = int(table[0])
    if int(table[-1]) - first == len(table) - 1:
        return (digits + first).astype(np.uint8)  # contiguous range like 0-9: no table lookup
    return table[digits]


def _string_array(data: np.ndarray, offsets: np.ndarray, n: int) -> pa.Array:
    if offsets[-1] >= 2**31:
        raise PatternError("generated strings exceed 2 GiB in one array; generate fewer rows at once")
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(data))
