"""csv_formula_guard: risky text cells get a leading apostrophe in CSV/JSON/JSONL; off by default."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq

from src.engine.writers import write_table_bytes

CELLS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "safe", "a=b", "", None]
GUARDED = ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "safe", "a=b",
           "", None]


def batch() -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict({
        "text": pa.array(CELLS, pa.string()),
        "number": pa.array([-5, 1, -2, 3, 4, 5, 6, 7, 8, 9], pa.int64()),
        "label": pa.array(CELLS, pa.string()).dictionary_encode(),
    })


def read_text_column(fmt: str, data: bytes, name: str) -> list:
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode(), newline="")))
        return [row[name] for row in rows]
    rows = json.loads(data) if fmt == "json" else [json.loads(line) for line in data.decode().splitlines()]
    return [row[name] for row in rows]


def test_guard_prefixes_risky_text_cells_in_every_text_format():
    b = batch()
    for fmt in ("csv", "json", "jsonl"):
        data = write_table_bytes(fmt, [b], b.schema, formula_guard=True)
        expected = [("" if v is None else v) for v in GUARDED] if fmt == "csv" else GUARDED
        assert read_text_column(fmt, data, "text") == expected, fmt
        assert read_text_column(fmt, data, "label") == expected, fmt
        numbers = read_text_column(fmt, data, "number")
        assert [int(n) for n in numbers] == b.column(1).to_pylist()  # numbers stay numbers
        if fmt != "csv":
            assert numbers[0] == -5


def test_values_stay_exact_by_default_and_in_parquet():
    b = batch()
    for fmt in ("csv", "json", "jsonl"):
        data = write_table_bytes(fmt, [b], b.schema)
        expected = [("" if v is None else v) for v in CELLS] if fmt == "csv" else CELLS
        assert read_text_column(fmt, data, "text") == expected, fmt
    guarded = write_table_bytes("parquet", [b], b.schema, formula_guard=True)
    assert pq.read_table(io.BytesIO(guarded)).column("text").to_pylist() == CELLS
