"""The typed tree the front end builds from sqlglot's AST: only the constructs expressions allow.

Nodes are immutable once built and may be shared; ``pos`` is the 0-based character offset an error
about the node points at (an operator's own token, a call's name, a column's first character).
"""

from __future__ import annotations

from dataclasses import dataclass


class ExpressionError(ValueError):
    """An expression that cannot be parsed, type-checked or evaluated; names the problem and position."""

    def __init__(self, message: str, position: int | None = None):
        self.problem = message
        self.position = position
        super().__init__(message if position is None else f"{message} at position {position}")


class Node:
    pos: int

    def children(self) -> tuple[Node, ...]:
        return ()

    def describe(self) -> str:
        return type(self).__name__.lower()


@dataclass(frozen=True, eq=False)
class Literal(Node):
    value: object  # None, bool, int, float or str
    pos: int


@dataclass(frozen=True, eq=False)
class Column(Node):
    name: str  # 'table.field' for a parent row's column
    pos: int


@dataclass(frozen=True, eq=False)
class Binary(Node):
    op: str  # and or || + - * / % = == != <> < <= > >=
    left: Node
    right: Node
    pos: int

    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

    def describe(self) -> str:
        return f"{self.op.upper()!r}"


@dataclass(frozen=True, eq=False)
class Unary(Node):
    op: str  # not, -
    operand: Node
    pos: int

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)

    def describe(self) -> str:
        return f"unary {self.op.upper()!r}"


@dataclass(frozen=True, eq=False)
class InList(Node):
    operand: Node
    items: tuple[Node, ...]
    negated: bool
    pos: int

    def children(self) -> tuple[Node, ...]:
        return (self.operand, *self.items)


@dataclass(frozen=True, eq=False)
class Between(Node):
    operand: Node
    low: Node
    high: Node
    negated: bool
    pos: int

    def children(self) -> tuple[Node, ...]:
        return (self.operand, self.low, self.high)


@dataclass(frozen=True, eq=False)
class IsNull(Node):
    operand: Node
    negated: bool
    pos: int

    def children(self) -> tuple[Node, ...]:
        return (self.operand,)


@dataclass(frozen=True, eq=False)
class Case(Node):
    branches: tuple[tuple[Node, Node], ...]  # (condition, result)
    default: Node | None
    pos: int

    def children(self) -> tuple[Node, ...]:
        nodes = [n for branch in self.branches for n in branch]
        return (*nodes, self.default) if self.default is not None else tuple(nodes)

    def results(self) -> list[Node]:
        return [value for _, value in self.branches] + ([self.default] if self.default else [])


@dataclass(frozen=True, eq=False)
class Call(Node):
    name: str  # canonical name (aliases resolved)
    args: tuple[Node, ...]
    pos: int

    def children(self) -> tuple[Node, ...]:
        return self.args

    def describe(self) -> str:
        return f"{self.name}()"

    def fail(self, problem: str) -> ExpressionError:
        return ExpressionError(f"{self.name}() {problem}", self.pos)
