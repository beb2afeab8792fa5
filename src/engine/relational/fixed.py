"""A parent table whose rows are given, not generated: keys read from a target database.

Children draw their references from it as from any parent (``compile_relational(fixed=...)``): row
``i`` is the i-th given row, so a child's key values are the target's own (integers with gaps, text,
UUIDs, composite keys) and every reference finds its parent.
"""

from __future__ import annotations

import pyarrow as pa

from src.schemas.fields import DatasetSchema
from src.schemas.relational import TableSpec


class FixedRows:
    """The plan of a table of given rows: the columns the children read, in a fixed order."""

    def __init__(self, spec: TableSpec, rows: pa.Table):
        self.table = rows.combine_chunks()
        self.arrow_schema = self.table.schema
        self.schema = DatasetSchema(fields=spec.fields, name=spec.name)
        self.fields = _bounded_fields(spec)
        self.rows = self.table.num_rows

    def check_row_count(self, total_rows: int) -> None:
        """Given rows: any count the children ask for is already there."""

    def column_type(self, name: str) -> pa.DataType:
        return self.arrow_schema.field(name).type

    def generate_columns(self, start_row: int, n_rows: int, names: set[str]) -> dict[str, pa.Array]:
        """Rows ``start_row``.. of the given columns; rows past the end (whole cache blocks) are null."""
        stop = min(start_row + n_rows, self.rows)
        out = {}
        for name in names:
            column = self.table.column(name).slice(start_row, max(stop - start_row, 0)).combine_chunks()
            pad = n_rows - len(column)
            out[name] = pa.concat_arrays([column, pa.nulls(pad, column.type)]) if pad else column
        return out

    def generate_chunk(self, start_row: int, n_rows: int) -> pa.RecordBatch:
        cols = self.generate_columns(start_row, n_rows, set(self.arrow_schema.names))
        return pa.RecordBatch.from_arrays([cols[n] for n in self.arrow_schema.names], schema=self.arrow_schema)


def _bounded_fields(spec: TableSpec) -> dict:
    """Field plans of the given columns that carry bounds (the range of the rows read), so an
    ``after``/``before`` over them is checked against those bounds like any parent field's."""
    from src.engine.compiler import compile_schema
    from src.errors import SchemaValidationError

    bounded = [f for f in spec.fields if f.constraints.min_value is not None and f.constraints.max_value is not None]
    if not bounded:
        return {}
    try:
        return compile_schema(DatasetSchema(fields=bounded, name=spec.name), seed=0).fields
    except SchemaValidationError:
        return {}  # bounds the engine cannot read: no check, as for a field without firm bounds
