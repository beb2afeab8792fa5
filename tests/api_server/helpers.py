"""Shared test data and readers for the API tests."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

SCHEMA = {
    "fields": [
        {"name": "id", "type": "sequence", "description": "row id"},
        {"name": "customer_id", "type": "uuid"},
        {"name": "email", "type": "email"},
        {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
        {"name": "balance", "type": "decimal", "constraints": {"min_value": 0, "max_value": 10000,
                                                                "decimals": 2}},
        {"name": "status", "type": "enum", "constraints": {"enum_values": ["active", "inactive"]}},
        {"name": "joined", "type": "date", "constraints": {"min_value": "-2y", "max_value": "now"}},
    ]
}


def job_body(total_rows: int, chunk_size: int, output_format: str = "csv", schema: dict | None = None,
             **extra) -> dict:
    return {"schema": schema or SCHEMA, "total_rows": total_rows, "chunk_size": chunk_size,
            "output_format": output_format, **extra}


def read_rows(content: bytes, output_format: str) -> list[dict]:
    """Parse a downloaded file in any output format into rows."""
    if output_format == "csv":
        return list(csv.DictReader(io.StringIO(content.decode())))
    if output_format == "json":
        return json.loads(content)
    if output_format == "jsonl":
        return [json.loads(line) for line in content.decode().splitlines() if line.strip()]
    if output_format == "parquet":
        return pq.read_table(io.BytesIO(content)).to_pylist()
    raise ValueError(output_format)


def read_ids(content: bytes, output_format: str) -> list[int]:
    """The `id` column of a download, fast enough for millions of rows (CSV or Parquet)."""
    if output_format == "parquet":
        return pq.read_table(io.BytesIO(content), columns=["id"]).column("id").to_pylist()
    if output_format == "csv":
        import pyarrow.csv as pacsv

        table = pacsv.read_csv(io.BytesIO(content), convert_options=pacsv.ConvertOptions(include_columns=["id"]))
        return table.column("id").to_pylist()
    return [int(row["id"]) for row in read_rows(content, output_format)]
