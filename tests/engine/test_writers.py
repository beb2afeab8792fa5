"""Every format round-trips the same rows, streamed chunk by chunk."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from src.engine import compile_schema
from src.engine.writers import FORMATS, open_writer, write_table_bytes
from tests.engine.conftest import ANCHOR

FIELDS = [{"name": "id", "type": "sequence"}, {"name": "name", "type": "full_name"},
          {"name": "score", "type": "float"}, {"name": "active", "type": "boolean"},
          {"name": "joined", "type": "date"}, {"name": "seen", "type": "datetime"},
          {"name": "note", "type": "sentence", "constraints": {"nullable": True, "null_probability": 0.3}}]


@pytest.fixture
def plan():
    return compile_schema({"fields": FIELDS}, seed=2, anchor=ANCHOR)


def _batches(plan):
    return [plan.generate_chunk(0, 400), plan.generate_chunk(400, 600)]


def test_csv_has_a_header_and_every_row(plan):
    rows = list(csv.DictReader(io.StringIO(write_table_bytes("csv", _batches(plan), plan.arrow_schema).decode())))
    assert len(rows) == 1000 and [int(r["id"]) for r in rows] == list(range(1, 1001))
    assert rows[0]["seen"][10] == "T"  # ISO 8601 timestamps


def test_json_array_and_jsonl_parse_with_nulls(plan):
    array = json.loads(write_table_bytes("json", _batches(plan), plan.arrow_schema))
    lines = [json.loads(line) for line in write_table_bytes("jsonl", _batches(plan), plan.arrow_schema).splitlines()]
    assert array == lines and len(array) == 1000
    assert any(row["note"] is None for row in array) and isinstance(array[0]["active"], bool)
    expected = _batches(plan)[0].to_pylist()[0]
    assert array[0]["name"] == expected["name"] and array[0]["joined"] == expected["joined"].isoformat()


def test_parquet_keeps_types(plan, tmp_path):
    path = tmp_path / "out.parquet"
    with open_writer("parquet", path, plan.arrow_schema) as writer:
        for batch in _batches(plan):
            writer.write(batch)
    table = pq.read_table(path)
    assert table.num_rows == 1000 and table.schema.field("score").type == "double"


def test_json_escapes_quotes_and_backslashes():
    plan = compile_schema({"fields": [{"name": "q", "type": "enum",
                                       "constraints": {"enum_values": ['say "hi"', "back\\slash"]}}]})
    data = json.loads(write_table_bytes("json", [plan.generate_chunk(0, 50)], plan.arrow_schema))
    assert {row["q"] for row in data} == {'say "hi"', "back\\slash"}


def test_empty_dataset_is_still_a_valid_file(plan):
    """No rows: CSV keeps its header, JSON is [], JSON Lines is empty, Parquet keeps the typed schema,
    SQL is its CREATE TABLE alone."""
    assert set(FORMATS) == {"csv", "json", "jsonl", "parquet", "sql"}
    empty = {fmt: write_table_bytes(fmt, [], plan.arrow_schema) for fmt in FORMATS}
    header = next(csv.reader(io.StringIO(empty["csv"].decode())))
    assert header == [f["name"] for f in FIELDS] and empty["csv"].count(b"\n") == 1
    assert json.loads(empty["json"]) == []
    assert empty["jsonl"] == b""
    assert empty["sql"].startswith(b'CREATE TABLE "data"') and b"INSERT" not in empty["sql"]
    table = pq.read_table(io.BytesIO(empty["parquet"]))
    assert table.num_rows == 0 and table.schema.names == plan.arrow_schema.names
    # Parquet has no second-resolution timestamps; every other type is kept as is.
    assert [str(t) for t in table.schema.types] == [
        "timestamp[ms]" if str(t) == "timestamp[s]" else str(t) for t in plan.arrow_schema.types]


def test_json_escapes_every_control_character():
    values = ["a\x0cb", "tab\there", "nul\x00x", "bell\x07", "plain"]
    plan = compile_schema({"fields": [{"name": "q", "type": "enum", "constraints": {"enum_values": values}}]})
    batch = plan.generate_chunk(0, 200)
    data = json.loads(write_table_bytes("json", [batch], plan.arrow_schema))
    assert {row["q"] for row in data} == set(values)
    for line in write_table_bytes("jsonl", [batch], plan.arrow_schema).splitlines():
        json.loads(line)
