"""Golden seeded output: sha256 of what fixed (schema, seed, anchor) give in every format.

`python -m tests.golden` checks; `python -m tests.golden --update` records new values, and refuses
while OUTPUT_VERSION (src/engine/version.py) still equals the recorded version: changed output needs
a new version, listed in README's "Output versions" table.
"""

from __future__ import annotations

import hashlib
import io
import json
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq

from src.engine import compile_schema
from src.engine.version import OUTPUT_VERSION
from src.engine.writers import FORMATS, write_table_bytes

GOLDEN_DIR = Path(__file__).resolve().parent
GOLDEN_FILE = GOLDEN_DIR / "golden.json"
SCHEMA_DIR = GOLDEN_DIR / "schemas"
SEED = 20261201
ANCHOR = datetime(2026, 1, 1, 12, 0, 0)
ROWS = 3000
CHUNK_ROWS = 1100  # uneven chunks: the hash also pins that chunking does not change output
UPDATE_COMMAND = "python -m tests.golden --update"


def hash_output(fmt: str, data: bytes) -> str:
    """sha256 of the bytes (CSV, JSON, JSONL) or of the decoded values (Parquet: its bytes name the writer)."""
    if fmt != "parquet":
        return hashlib.sha256(data).hexdigest()
    table = pq.read_table(io.BytesIO(data))
    decoded = {"schema": str(table.schema.remove_metadata()),
               "columns": {name: [repr(v) for v in table.column(name).to_pylist()] for name in table.column_names}}
    return hashlib.sha256(json.dumps(decoded, sort_keys=True).encode()).hexdigest()


def compute_golden() -> dict[str, dict[str, str]]:
    """{schema name: {format: hash}} for every reference schema, made as a job makes it."""
    result: dict[str, dict[str, str]] = {}
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        plan = compile_schema(json.loads(path.read_text()), seed=SEED, anchor=ANCHOR)
        batches = [plan.generate_chunk(start, min(CHUNK_ROWS, ROWS - start)) for start in range(0, ROWS, CHUNK_ROWS)]
        result[path.stem] = {fmt: hash_output(fmt, write_table_bytes(fmt, batches, plan.arrow_schema))
                             for fmt in FORMATS}
    return result


def read_recorded() -> dict:
    """{"output_version": n, "hashes": {...}} as last recorded."""
    return json.loads(GOLDEN_FILE.read_text())


def list_changes(recorded: dict[str, dict[str, str]], current: dict[str, dict[str, str]]) -> list[str]:
    """'schema/format' for every value that differs, appeared or disappeared."""
    keys = {(s, f) for s, fmts in (*recorded.items(), *current.items()) for f in fmts}
    return sorted(f"{s}/{f}" for s, f in keys if recorded.get(s, {}).get(f) != current.get(s, {}).get(f))


def update_golden() -> str:
    """Record the current hashes; refuse when they changed but OUTPUT_VERSION did not."""
    current = compute_golden()
    recorded = read_recorded() if GOLDEN_FILE.exists() else {"output_version": None, "hashes": {}}
    changes = list_changes(recorded["hashes"], current)
    # A new format or schema only adds values; a value that changed or vanished needs a new version.
    recorded_keys = {f"{s}/{f}" for s, fmts in recorded["hashes"].items() for f in fmts}
    if any(change in recorded_keys for change in changes) and recorded["output_version"] == OUTPUT_VERSION:
        raise SystemExit(f"seeded output changed ({', '.join(changes)}): bump OUTPUT_VERSION in "
                         f"src/engine/version.py and record it in the README, then run {UPDATE_COMMAND}")
    GOLDEN_FILE.write_text(json.dumps({"output_version": OUTPUT_VERSION, "hashes": current}, indent=2) + "\n")
    return f"recorded output version {OUTPUT_VERSION}: {len(changes)} value(s) changed"
