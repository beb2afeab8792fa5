"""Completion markers: which tables of which load are already committed in the target.

A load (an API job, or one CLI run: its id is a digest of everything the rows depend on) writes each
table in one transaction that also inserts a row into ``synthgen_loads`` (load id, table, rows). The
marker commits with the rows or not at all, so after a crash and a restart the load skips the
tables it already committed and writes the rest from scratch: no table is doubled or left half
written. ``--truncate`` deletes a table's markers together with its rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

MARKER_TABLE = "synthgen_loads"

CREATE_MARKERS = (f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (load_id VARCHAR(64) NOT NULL, "
                  "table_name VARCHAR(128) NOT NULL, row_count BIGINT NOT NULL, loaded_at VARCHAR(32) NOT NULL, "
                  "PRIMARY KEY (load_id, table_name))")


def select_marker_sql(param: str) -> str:
    """The committed row count of one (load, table), with the driver's parameter mark."""
    return f"SELECT row_count FROM {MARKER_TABLE} WHERE load_id = {param} AND table_name = {param}"


def insert_marker_sql(param: str) -> str:
    return f"INSERT INTO {MARKER_TABLE} (load_id, table_name, row_count, loaded_at) VALUES ({', '.join([param] * 4)})"


def delete_markers_sql(param: str) -> str:
    return f"DELETE FROM {MARKER_TABLE} WHERE table_name = {param}"


def marker_row(load_id: str, table: str, rows: int) -> tuple:
    """The values of ``insert_marker_sql``."""
    return load_id, table, rows, dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def digest_load(*parts: Any) -> str:
    """A load id from everything the rows depend on (document, seed, anchor, row counts, keys read
    from the target): an identical rerun finds the tables it already committed."""
    text = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return "cli-" + hashlib.sha256(text.encode()).hexdigest()[:40]
