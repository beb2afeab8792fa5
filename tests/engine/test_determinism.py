"""A chunk is a pure function of (schema, seed, anchor, first row, count)."""

import json
from pathlib import Path

from src.engine import compile_schema
from src.engine.writers import write_table_bytes
from tests.engine.conftest import ANCHOR

SCHEMA = json.loads((Path(__file__).parents[2] / "bench" / "customer_schema.json").read_text())
SCHEMA["fields"] += [
    {"name": "sensor", "type": "code", "constraints": {"pattern": "S-\\d{3}", "cardinality": 20}},
    {"name": "ts", "type": "datetime", "constraints": {"min_value": "-7d", "step": "5m"}},
    {"name": "note", "type": "sentence", "constraints": {"nullable": True}},
    {"name": "total", "type": "decimal", "constraints": {"expression": "age * account_balance"}},
]


def _csv(seed: int, chunk: int, rows: int = 9000) -> bytes:
    plan = compile_schema(SCHEMA, seed=seed, anchor=ANCHOR)
    batches = [plan.generate_chunk(s, min(chunk, rows - s)) for s in range(0, rows, chunk)]
    return write_table_bytes("csv", batches, plan.arrow_schema)


def test_same_seed_gives_identical_bytes_for_any_chunk_size():
    reference = _csv(11, 9000)
    for chunk in (1, 100, 2047, 4096, 5000):
        if chunk == 1:
            assert _csv(11, 1, rows=300) == _csv(11, 300, rows=300)
        else:
            assert _csv(11, chunk) == reference, chunk


def test_different_seeds_give_different_rows():
    assert _csv(1, 1000, rows=1000) != _csv(2, 1000, rows=1000)


def test_schema_seed_is_used_when_no_seed_is_given():
    doc = dict(SCHEMA, seed=5)
    a = compile_schema(doc, anchor=ANCHOR).generate_chunk(0, 50)
    b = compile_schema(SCHEMA, seed=5, anchor=ANCHOR).generate_chunk(0, 50)
    assert a.equals(b)
