"""Strings matching a regex subset, generated column-at-a-time.

Supported: literal characters (any Unicode), escapes (``\\d \\w \\s \\D \\W \\S``, ``\\n \\t``,
``\\xhh``, ``\\uhhhh``, an escaped punctuation character), classes ``[A-Z0-9_]`` and ``[^...]``
(printable ASCII only), ``.`` (a letter or digit), quantifiers ``{n} {n,m} {n,} {,m} ? + *``
(lazy ``?`` suffix accepted; ``+``, ``*`` and ``{n,}`` stop at 8 repeats, or n), groups ``( )``,
``(?: )``, ``(?P<name> )`` with alternation ``|``, and ``^`` / ``$`` at the ends of a top-level
branch. Everything else (backreferences, lookarounds, inline flags, ``\\b``...) raises PatternError.
Groups nest at most MAX_GROUP_DEPTH deep; the unrolled program has at most MAX_POSITIONS characters and
MAX_UNROLLED_NODES parts.

Generated characters are drawn from the printable subset of what the regex allows (``\\s`` gives a
space, ``[^a]`` gives printable ASCII other than ``a``), so every string also matches under Python's
``re.fullmatch``.

The regex is unrolled into a fixed list of byte *positions* (a repeat becomes copies of its body).
A row's string is its active positions, in order: every position is active for patterns without
alternation or variable repeats ("fixed" patterns, the fast path), otherwise alternation choices and
repeat counts switch positions off per row.
"""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa

from src.engine.pattern_automaton import _Automaton
from src.engine.pattern_parser import MAX_GROUP_DEPTH, OPEN_REPEAT_LIMIT, PatternError, _RegexParser
from src.engine.pattern_program import (_COUNT_LIMIT, MAX_DFA_STATES, MAX_POSITIONS, MAX_UNROLLED_NODES, _Choice,
                                        _draw_digits, _group_draws, _is_fixed, _Leaf, _length_bounds,
                                        _lookup_chars, _Seq, _string_array, _Unroller)
from src.engine.rng import RowRandom, mix64

__all__ = ["MAX_DFA_STATES", "MAX_GROUP_DEPTH", "MAX_POSITIONS", "MAX_UNROLLED_NODES", "OPEN_REPEAT_LIMIT", "Pattern",
           "PatternError", "compile_pattern"]

# ---------------------------------------------------------------------------------------------
# Public API

class Pattern:
    """A compiled regex: how many strings it can make, their lengths, and vectorized generation."""

    def __init__(self, source: str, tree: object):
        self.source = source
        unroller = _Unroller()
        self._program = unroller.unroll(tree)
        self._tables = unroller.tables
        self._table_arrays = [np.frombuffer(t, dtype=np.uint8) for t in unroller.tables]
        self._random_positions = [p for p, t in enumerate(unroller.tables) if len(t) > 1]
        self._position_decisions = unroller.position_decisions
        self._radices = unroller.radices
        self._draw_groups = _group_draws(unroller.radices)
        self._fixed = _is_fixed(self._program)
        self._automaton: _Automaton | None = None
        self.min_length, self.max_length = _length_bounds(tree)

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"

    def count(self) -> int | None:
        """How many distinct strings the pattern produces; None when more than 2**63.

        Variable patterns are counted exactly on a DFA; one whose DFA grows past MAX_DFA_STATES
        raises PatternError.
        """
        total = self._exact_count()
        return total if total <= _COUNT_LIMIT else None

    def _exact_count(self) -> int:
        if self._fixed:
            return math.prod(len(t) for t in self._tables)
        return self._get_automaton().counts[0]

    def _get_automaton(self) -> _Automaton:
        if self._automaton is None:
            self._automaton = _Automaton(self._program, self._tables)
        return self._automaton

    def generate(self, rng: RowRandom) -> pa.Array:
        """One random matching string per row of ``rng`` (a pure function of key and row index)."""
        n = rng.n
        width = len(self._tables)
        digits = _draw_digits(self._draw_groups, self._radices, rng)
        chars = np.empty((n, width), dtype=np.uint8)
        for position, table in enumerate(self._table_arrays):
            if len(table) == 1:
                chars[:, position] = table[0]
            else:
                chars[:, position] = _lookup_chars(table, digits[self._position_decisions[position]])
        if self._fixed:
            offsets = np.arange(n + 1, dtype=np.int64) * width
            return _string_array(chars.reshape(-1), offsets, n)
        active = np.ones((n, width), dtype=bool)
        _switch_off(self._program, None, active, digits)
        lengths = active.sum(axis=1)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return _string_array(chars[active], offsets, n)

    def generate_unique(self, slots: np.ndarray) -> pa.Array:
        """Map each slot in [0, count()) to its own string: distinct slots give distinct strings.

        When count() is None (over 2**63 strings) any uint64 slot is accepted for fixed-length
        patterns; variable patterns then accept slots below 2**63. Raises PatternError where count()
        does.
        """
        slots = np.asarray(slots)
        if slots.size and (slots.dtype.kind not in "iu" or (slots.dtype.kind == "i" and slots.min() < 0)):
            raise ValueError("slots must be non-negative integers")
        slots = slots.astype(np.uint64)
        total = self._exact_count()
        limit = total if total <= _COUNT_LIMIT or self._fixed else _COUNT_LIMIT
        if slots.size and limit < 2**64 and int(slots.max()) >= limit:
            raise ValueError(f"slot {int(slots.max())} is out of range for {self.source!r} "
                             f"({limit} distinct strings)")
        if not self._fixed:
            return self._get_automaton().unrank(slots, len(self._tables))
        return self._decode_fixed(slots)

    def _decode_fixed(self, slots: np.ndarray) -> pa.Array:
        n = len(slots)
        width = len(self._tables)
        chars = np.empty((n, width), dtype=np.uint8)
        for position, table in enumerate(self._tables):
            if len(table) == 1:
                chars[:, position] = table[0]
        remaining = slots.copy()
        covered = 1  # product of the radices decoded so far: the slot is fully decoded past 2**64
        for position in reversed(self._random_positions):
            radix = np.uint64(len(self._tables[position]))
            if covered < 2**64:
                quotient = remaining // radix
                digits = remaining - quotient * radix
                remaining = quotient
                covered *= len(self._tables[position])
            else:
                # higher positions no longer carry slot information; spread them so that a huge
                # space is not filled with a constant prefix
                with np.errstate(over="ignore"):
                    digits = mix64(slots + np.uint64(position) * np.uint64(0x9E3779B97F4A7C15)) % radix
            chars[:, position] = _lookup_chars(self._table_arrays[position], digits)
        offsets = np.arange(n + 1, dtype=np.int64) * width
        return _string_array(chars.reshape(-1), offsets, n)


def _switch_off(node: object, active: np.ndarray | None, mask: np.ndarray, digits: list[np.ndarray]) -> None:
    """Clear ``mask`` at positions a row does not use (``active`` None means every row uses ``node``)."""
    if isinstance(node, _Leaf):
        if active is not None:
            mask[:, node.position] = active
    elif isinstance(node, _Seq):
        for child in node.children:
            _switch_off(child, active, mask, digits)
    elif isinstance(node, _Choice):
        choice = digits[node.decision]
        for i, child in enumerate(node.children):
            chosen = choice == i
            _switch_off(child, chosen if active is None else chosen & active, mask, digits)
    else:
        extra = digits[node.decision]
        for j, copy in enumerate(node.copies):
            if j < node.low:
                _switch_off(copy, active, mask, digits)
            else:
                used = extra > j - node.low
                _switch_off(copy, used if active is None else used & active, mask, digits)


def compile_pattern(regex: str) -> Pattern:
    """Parse ``regex``; raises PatternError naming the unsupported construct and its position (0-based)."""
    if not isinstance(regex, str):
        raise PatternError(f"pattern must be a string, got {type(regex).__name__}")
    return Pattern(regex, _RegexParser(regex).parse())
