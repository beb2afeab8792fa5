"""Rows of a parent table read from the target database, in the engine's Arrow types: its key columns
(distinct, non-null, in key order) and the other columns children's rules read, from the same rows."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from src.databases.ddl_out import quote
from src.databases.targets import TargetError


@dataclass
class ParentReads:
    """What the children read of one parent only in the target: its key columns, then other columns."""

    keys: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    later: set[str] = field(default_factory=set)  # read by an `after`: sub-second times round up, not down

    def add_keys(self, columns: list[str]) -> None:
        self.keys.extend(c for c in columns if c not in self.keys)
        self.others = [c for c in self.others if c not in self.keys]

    def add_other(self, column: str) -> None:
        if column not in self.keys and column not in self.others:
            self.others.append(column)


def read_parent_rows(backend, table: str, reads: ParentReads, max_rows: int | None = None) -> pa.Table:
    """The rows of ``table`` in the target whose keys are all set, in key order (the same target gives
    the same children): the key columns, distinct, then the other columns of the same rows. With
    ``max_rows``, at most ``max_rows + 1`` rows are read, and more than ``max_rows`` is a TargetError."""
    q = backend.dialect
    keys = ", ".join(quote(c, q) for c in reads.keys)
    present = " AND ".join(f"{quote(c, q)} IS NOT NULL" for c in reads.keys)
    columns = reads.keys + reads.others
    listed = ", ".join(quote(c, q) for c in columns)
    distinct = "" if reads.others else "DISTINCT "
    limit = "" if max_rows is None else f" LIMIT {int(max_rows) + 1}"
    found = backend.fetch_all(f"SELECT {distinct}{listed} FROM {quote(table, q)} WHERE {present} ORDER BY {keys}{limit}")
    if max_rows is not None and len(found) > max_rows:
        raise TargetError(f"table '{table}' in the target has more than {max_rows:,} rows with "
                          f"({', '.join(reads.keys)}) set, the most a job stores for its children to point at "
                          f"(MAX_TARGET_PARENT_ROWS={max_rows}): raise that setting, or write with the CLI "
                          "(synthgen generate --to), which reads them without storing")
    values = [list(v) for v in zip(*found)] if found else [[] for _ in columns]
    if reads.others and len(set(zip(*values[:len(reads.keys)]))) < len(found):
        others = ", ".join(f"{table}.{c}" for c in reads.others)
        raise TargetError(f"{others}: a child reads its parent row's value, but ({', '.join(reads.keys)}) is not "
                          f"unique in the target's table '{table}', so a key does not name one row")
    arrays = [to_arrow(v, as_key=i < len(reads.keys), round_up=columns[i] in reads.later)
              for i, v in enumerate(values)]
    return pa.table(arrays, names=columns)


def to_arrow(values: list, as_key: bool = False, round_up: bool = False) -> pa.Array:
    """A column read from the target in the engine's types: int64, double (NUMERIC too), bool, date32,
    timestamp[s] (UTC; fractions of a second dropped, or with ``round_up`` rounded up, so a child
    `after` it stays after the stored value), string (UUIDs as text); a non-key text column of ISO
    dates (SQLite keeps dates as TEXT) becomes dates or date-times."""
    if not values:
        return pa.array([], pa.int64())
    array = pa.array([_plain(v) for v in values])
    if pa.types.is_null(array.type):
        return array.cast(pa.string())
    if pa.types.is_integer(array.type):
        return array.cast(pa.int64())
    if pa.types.is_floating(array.type):
        return array.cast(pa.float64())
    if pa.types.is_timestamp(array.type):
        if round_up:
            array = pc.ceil_temporal(array, unit="second")
        return pc.cast(array, pa.timestamp("s"), safe=False)
    if pa.types.is_string(array.type) and not as_key:
        return _parse_iso(array)
    return array


def _plain(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _parse_iso(array: pa.Array) -> pa.Array:
    """ISO dates (YYYY-MM-DD) as date32, ISO date-times (a T or a space, seconds) as timestamp[s];
    any other text stays text."""
    present = array.drop_null()
    if len(present) == 0:
        return array
    lengths = pc.utf8_length(present)
    try:
        if pc.all(pc.equal(lengths, 10)).as_py():
            return pc.strptime(array, "%Y-%m-%d", "s").cast(pa.date32())
        if pc.all(pc.greater_equal(lengths, 19)).as_py():
            head = pc.replace_substring(pc.utf8_slice_codeunits(array, 0, 19), " ", "T")
            return pc.strptime(head, "%Y-%m-%dT%H:%M:%S", "s")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    return array
