"""The pattern subset's parser: a regex -> a syntax tree of character sets, sequences, alternations and
repeats (see patterns.py for what is supported); anything outside the subset raises PatternError."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_REPEAT_LIMIT = 8  # `+`, `*` and `{n,}` repeat at most max(n, 8) times
MAX_GROUP_DEPTH = 50  # groups nested inside each other (parsing and unrolling recurse per level)

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
