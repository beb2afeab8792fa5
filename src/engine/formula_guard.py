"""csv_formula_guard: text cells that a spreadsheet would run as a formula get a leading apostrophe.

Cells starting with ``= + - @`` (and tab or carriage return, which OWASP lists too) are prefixed with
``'``. Only text columns change: numbers, dates and booleans stay as they are, so a negative number is
still a number. Vectorized with Arrow kernels.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

FORMULA_START = "^[=+\\-@\\t\\r]"


def guard_column(column: pa.Array) -> pa.Array:
    """``column`` with every risky text cell prefixed by ``'`` (non-text columns unchanged)."""
    if pa.types.is_dictionary(column.type):
        return pa.DictionaryArray.from_arrays(column.indices, guard_column(column.dictionary))
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column
    risky = pc.match_substring_regex(column, FORMULA_START)
    if not pc.any(risky).as_py():
        return column
    prefixed = pc.binary_join_element_wise("'", column, "")
    return pc.if_else(risky, prefixed, column)


def guard_formulas(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with every text column guarded; same schema."""
    columns = [guard_column(col) for col in batch.columns]
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)
