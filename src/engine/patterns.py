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
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from src.engine.rng import RowRandom, mix64

__all__ = ["Pattern", "PatternError", "compile_pattern"]

OPEN_REPEAT_LIMIT = 8  # `+`, `*` and `{n,}` repeat at most max(n, 8) times
MAX_POSITIONS = 1_024  # unrolled byte positions (nested + and * multiply): bounds row width and DFA size
MAX_UNROLLED_NODES = 20_000  # parts of the unrolled program, empty ones included: bounds compile time
MAX_GROUP_DEPTH = 50  # groups nested inside each other (parsing and unrolling recurse per level)
MAX_DFA_STATES = 5_000  # beyond this, count() and generate_unique() give up (PatternError)
_DRAW_SPAN_LIMIT = 2**32  # one uniform draw covers positions whose choices multiply up to this
_COUNT_LIMIT = 2**63

_PRINTABLE = bytes(range(0x20, 0x7F))
_DIGITS = b"0123456789"
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_WORD = bytes(sorted(_DIGITS + _LETTERS + b"_"))
_CLASS_ESCAPES = {
    "d": _DIGITS,
    "w": _WORD,
    "s": b" ",
    "D": bytes(c for c in _PRINTABLE if c not in _DIGITS),
    "W": bytes(c for c in _PRINTABLE if c not in _WORD),
    "S": bytes(c for c in _PRINTABLE if c != 0x20),
}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_UNSUPPORTED_ESCAPES = {
    "b": "word boundary \\b", "B": "non-boundary \\B", "A": "anchor \\A", "Z": "anchor \\Z",
    "z": "anchor \\z", "G": "anchor \\G", "p": "Unicode property \\p", "P": "Unicode property \\P",
    "N": "named character \\N", "k": "named backreference \\k",
}


class PatternError(ValueError):
    """A regex outside the supported subset; names the construct and its position."""

    def __init__(self, message: str, position: int | None = None):
        self.problem = message
        self.position = position
        super().__init__(message if position is None else f"{message} at position {position}")


# ---------------------------------------------------------------------------------------------
# Syntax tree

@dataclass(frozen=True)
class _CharSet:
    """One byte drawn from ``table``; ``weight`` is 0 for UTF-8 continuation bytes (not a character)."""

    table: bytes
    weight: int = 1


@dataclass(frozen=True)
class _Sequence:
    items: tuple


@dataclass(frozen=True)
class _Alternation:
    options: tuple


@dataclass(frozen=True)
class _Repeat:
    item: object
    low: int
    high: int


def _literal(text: str) -> object:
    encoded = text.encode("utf-8")
    if len(encoded) == 1:
        return _CharSet(encoded)
    return _Sequence(tuple(_CharSet(bytes([b]), 1 if i == 0 else 0) for i, b in enumerate(encoded)))


class _RegexParser:
    def __init__(self, source: str):
        self.source = source
        self.i = 0

    def peek(self, offset: int = 0) -> str:
        j = self.i + offset
        return self.source[j] if j < len(self.source) else ""

    def parse(self) -> object:
        node = self.parse_alternation(depth=0)
        if self.i < len(self.source):
            raise PatternError("unbalanced ')'", self.i)
        return node

    def parse_alternation(self, depth: int) -> object:
        options = [self.parse_sequence(depth)]
        while self.peek() == "|":
            self.i += 1
            options.append(self.parse_sequence(depth))
        return options[0] if len(options) == 1 else _Alternation(tuple(options))

    def parse_sequence(self, depth: int) -> object:
        items: list = []
        while self.i < len(self.source) and self.peek() not in "|)":
            ch = self.peek()
            if ch == "^":
                if depth or items:
                    raise PatternError("'^' is only supported at the start of the pattern", self.i)
                self.i += 1
                continue
            if ch == "$":
                if depth or self.peek(1) not in ("", "|"):
                    raise PatternError("'$' is only supported at the end of the pattern", self.i)
                self.i += 1
                continue
            atom = self.parse_atom(depth)
            items.append(self.parse_quantifiers(atom))
        if self.peek() == ")" and depth == 0:
            raise PatternError("unbalanced ')'", self.i)
        return items[0] if len(items) == 1 else _Sequence(tuple(items))

    def parse_atom(self, depth: int) -> object:
        ch = self.peek()
        pos = self.i
        if ch == "(":
            return self.parse_group(depth)
        if ch == "[":
            return self.parse_class()
        if ch == "\\":
            return self.parse_escape()
        if ch in "*+?":
            raise PatternError(f"nothing to repeat before {ch!r}", pos)
        if ch == "{" and self.read_braces() is not None:
            raise PatternError("nothing to repeat before '{'", pos)
        self.i += 1
        if ch == ".":
            return _CharSet(_DIGITS + _LETTERS)
        return _literal(ch)

    def parse_group(self, depth: int) -> object:
        pos = self.i
        if depth >= MAX_GROUP_DEPTH:
            raise PatternError(f"groups nest more than {MAX_GROUP_DEPTH} levels deep", pos)
        self.i += 1
        if self.peek() == "?":
            kind = self.source[self.i:self.i + 3]
            if kind.startswith("?:"):
                self.i += 2
            elif kind == "?P<":
                end = self.source.find(">", self.i)
                if end < 0:
                    raise PatternError("unterminated group name", pos)
                self.i = end + 1
            else:
                raise PatternError(f"{_describe_group(kind)} is not supported", pos)
        node = self.parse_alternation(depth + 1)
        if self.peek() != ")":
            raise PatternError("missing ')' for the group opened", pos)
        self.i += 1
        return node

    def read_braces(self) -> tuple[int, int | None, int] | None:
        """(low, high or None for open, end index) when a valid {n}, {n,}, {,m} or {n,m} starts here."""
        end = self.source.find("}", self.i)
        if end < 0:
            return None
        body = self.source[self.i + 1:end]
        low_text, comma, high_text = body.partition(",")
        if not ((low_text.isascii() and low_text.isdigit()) or (comma and low_text == "")):
            return None
        if high_text and not (high_text.isascii() and high_text.isdigit()):
            return None
        if not comma:
            low = int(low_text)
            return low, low, end
        low = int(low_text) if low_text else 0
        return low, (int(high_text) if high_text else None), end

    def parse_quantifiers(self, atom: object) -> object:
        ch = self.peek()
        pos = self.i
        if ch == "?":
            low, high = 0, 1
            self.i += 1
        elif ch == "*":
            low, high = 0, OPEN_REPEAT_LIMIT
            self.i += 1
        elif ch == "+":
            low, high = 1, OPEN_REPEAT_LIMIT
            self.i += 1
        elif ch == "{" and (braces := self.read_braces()) is not None:
            low, high, end = braces
            if high is None:
                high = max(low, OPEN_REPEAT_LIMIT)
            if low > high:
                raise PatternError(f"repeat minimum {low} is greater than maximum {high}", pos)
            self.i = end + 1
        else:
            return atom
        if self.peek() == "?":
            self.i += 1  # lazy: same set of strings
        elif self.peek() == "+":
            raise PatternError("possessive quantifier '+' is not supported", self.i)
        nxt = self.peek()
        if nxt in ("*", "+", "?") or (nxt == "{" and self.read_braces() is not None):
            raise PatternError(f"multiple repeat {nxt!r}", self.i)
        return _Repeat(atom, low, high)

    def parse_escape(self) -> object:
        pos = self.i
        ch = self.peek(1)
        if not ch:
            raise PatternError("pattern ends with a lone backslash", pos)
        self.i += 2
        if ch in _CLASS_ESCAPES:
            return _CharSet(_CLASS_ESCAPES[ch])
        if ch in _CONTROL_ESCAPES:
            return _literal(_CONTROL_ESCAPES[ch])
        if ch in "xuU":
            digits = {"x": 2, "u": 4, "U": 8}[ch]
            code = self.source[self.i:self.i + digits]
            if len(code) != digits or any(c not in "0123456789abcdefABCDEF" for c in code):
                raise PatternError(f"bad escape \\{ch}{code}", pos)
            self.i += digits
            return _literal(chr(int(code, 16)))
        if ch.isdigit():
            what = "backreference" if ch != "0" else "octal escape"
            raise PatternError(f"{what} \\{ch} is not supported", pos)
        if ch in _UNSUPPORTED_ESCAPES:
            raise PatternError(f"{_UNSUPPORTED_ESCAPES[ch]} is not supported", pos)
        if ch.isalnum():
            raise PatternError(f"unknown escape \\{ch}", pos)
        return _literal(ch)

    def parse_class(self) -> _CharSet:
        pos = self.i
        self.i += 1
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        members: set[int] = set()
        first = True
        while True:
            ch = self.peek()
            if not ch:
                raise PatternError("unterminated character class '['", pos)
            if ch == "]" and not first:
                self.i += 1
                break
            first = False
            if ch == "[" and self.peek(1) in ":=.":
                raise PatternError("POSIX class syntax [: :] is not supported", self.i)
            start = self.i
            low = self.read_class_char()
            if isinstance(low, bytes):
                members.update(low)
                continue
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                range_pos = self.i
                high = self.read_class_char()
                if isinstance(high, bytes):
                    raise PatternError("a class escape cannot end a range", range_pos)
                if high < low:
                    raise PatternError(f"bad character range {self.source[start:self.i]}", start)
                members.update(range(low, high + 1))
            else:
                members.add(low)
        if negate:
            members = {c for c in _PRINTABLE if c not in members}
        if not members:
            raise PatternError("character class matches no printable ASCII character", pos)
        return _CharSet(bytes(sorted(members)))

    def read_class_char(self) -> int | bytes:
        """One class member: a character code, or the byte set of an escape like \\d."""
        pos = self.i
        if self.peek() == "\\":
            node = self.parse_escape()
            if isinstance(node, _CharSet) and node.weight == 1 and len(node.table) == 1 \
                    and self.source[pos + 1] not in _CLASS_ESCAPES:
                return node.table[0]
            if isinstance(node, _CharSet) and self.source[pos + 1] in _CLASS_ESCAPES:
                return node.table
            raise PatternError("non-ASCII character in a character class is not supported", pos)
        ch = self.peek()
        self.i += 1
        if ord(ch) > 0x7F:
            raise PatternError("non-ASCII character in a character class is not supported", pos)
        return ord(ch)


def _describe_group(kind: str) -> str:
    opening = "(" + kind[:2]
    if kind.startswith(("?=", "?!")):
        return f"lookahead {opening!r}"
    if kind.startswith("?<"):
        return f"lookbehind {'(' + kind!r}"
    if kind.startswith("?P"):
        return f"backreference {'(' + kind!r}"
    named = {"?#": "comment", "?(": "conditional group", "?>": "atomic group"}
    return f"{named.get(kind[:2], 'inline flag group')} {opening!r}"


# ---------------------------------------------------------------------------------------------
# Unrolled program: byte positions, random decisions, draw groups

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


# ---------------------------------------------------------------------------------------------
# Automaton for counting and unique generation of variable patterns

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
