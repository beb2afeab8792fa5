"""Expressions for derived and conditional fields: SQL read by sqlglot, evaluated on Arrow arrays.

``parse_expression(text)`` reads the text in the project dialect (``dialect.py``) after bounding its
length and nesting (``guard.py``), keeps only allowed constructs (``front.py``, ``functions.py``) and
returns an ``Expression``: its fields, its result type (``types.py``) and ``evaluate`` (column at a
time with ``pyarrow.compute``: ``evaluate.py``, ``kernels.py``). ``render_sql`` writes a sqlglot
condition from another dialect (a DDL CHECK) in this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pyarrow as pa

from src.engine.expressions.evaluate import EvalContext, broadcast, cast
from src.engine.expressions.guard import MAX_DEPTH, MAX_LENGTH, MAX_NESTING
from src.engine.expressions.nodes import Column, ExpressionError, Node
from src.engine.expressions.types import NULL, TypeEnv, normalize_type, type_name

__all__ = ["MAX_DEPTH", "MAX_LENGTH", "MAX_NESTING", "Expression", "ExpressionError", "clear_cache", "parse_expression",
           "render_sql"]


class Expression:
    """A parsed expression: which fields it reads, its result type, and vectorized evaluation."""

    __slots__ = ("text", "_root")

    def __init__(self, text: str, root: Node):
        self.text = text
        self._root = root

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    @property
    def root(self):
        """The typed tree (``nodes.py``), for analyses such as ``bounds.find_overflow``."""
        return self._root

    def referenced_fields(self) -> set[str]:
        """Names of the columns the expression reads."""
        names: set[str] = set()
        stack = [self._root]
        while stack:
            node = stack.pop()
            if isinstance(node, Column):
                names.add(node.name)
            stack.extend(node.children())
        return names

    def infer_type(self, types: Mapping[str, pa.DataType]) -> pa.DataType:
        """The Arrow type ``evaluate`` returns for columns of these types; ExpressionError on mismatch.

        Results are int64, float64, string, bool, date32, a timestamp type, or null (always null).
        """
        return TypeEnv(types).type_of(self._root)

    def evaluate(self, columns: Mapping[str, pa.Array | pa.ChunkedArray], n_rows: int, random=None) -> pa.Array:
        """The expression over ``n_rows`` rows; ``columns`` must hold every referenced field; ``random``
        (a RowRandom of those rows) feeds random(), uniform() and normal()."""
        prepared: dict[str, pa.Array] = {}
        types: dict[str, pa.DataType] = {}
        for name in self.referenced_fields():
            if name not in columns:
                continue  # reported with its position by type inference
            column = columns[name]
            if isinstance(column, pa.ChunkedArray):
                column = column.combine_chunks()
            if len(column) != n_rows:
                raise ExpressionError(f"field {name!r} has {len(column)} rows, expected {n_rows}")
            types[name] = column.type
            target = normalize_type(column.type)
            if target is not None and target != NULL:
                if pa.types.is_dictionary(column.type):
                    column = column.dictionary_decode()
                try:
                    column = cast(column, target)
                except pa.ArrowInvalid as exc:
                    raise ExpressionError(f"field {name!r} cannot be read as {type_name(target)}: {exc}")
            prepared[name] = column
        ctx = EvalContext(types, prepared, n_rows, random)
        result_type = ctx.type_of(self._root)
        return broadcast(ctx.value_of(self._root), result_type, n_rows)


@lru_cache(maxsize=2048)
def _read(text: str) -> Node:
    from src.engine.expressions.front import read  # sqlglot: imported by the first schema with an expression

    return read(text)  # trees are immutable: one per text is shared by every plan


def parse_expression(text: str) -> Expression:
    """Parse ``text``; raises ExpressionError naming the problem and its character position (0-based)."""
    if not isinstance(text, str):
        raise ExpressionError(f"expression must be a string, got {type(text).__name__}")
    return Expression(text, _read(text))


def render_sql(condition) -> str:
    """A sqlglot condition (e.g. a DDL CHECK read in its own dialect) written in this project's dialect."""
    from src.engine.expressions.dialect import render_sql as render

    return render(condition)


def clear_cache() -> None:
    """Forget parsed texts (benchmarks time parsing afresh; nothing else needs this)."""
    _read.cache_clear()
