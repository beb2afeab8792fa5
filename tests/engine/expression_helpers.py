"""Shared by the expression tests: evaluate an expression over small columns."""

from __future__ import annotations

import pyarrow as pa

from src.engine.expressions import parse_expression


def evaluate(text: str, **columns: list | pa.Array) -> list:
    arrays = {name: values if isinstance(values, (pa.Array, pa.ChunkedArray)) else pa.array(values)
              for name, values in columns.items()}
    n_rows = len(next(iter(arrays.values()))) if arrays else 3
    result = parse_expression(text).evaluate(arrays, n_rows)
    assert len(result) == n_rows
    return result.to_pylist()
