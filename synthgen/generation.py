"""Schema in, Arrow out: the in-process generation behind the Python API and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union

import pyarrow as pa
from pydantic import ValidationError

from src.engine import DatasetPlan, compile_schema
from src.errors import SchemaValidationError
from src.schemas import DatasetSchema
from src.schemas.fields import MAX_SEED

SchemaLike = Union[DatasetSchema, dict, str, Path]
DEFAULT_BATCH_SIZE = 100_000
SEED_KEY = b"synthgen.seed"
ANCHOR_KEY = b"synthgen.anchor"


def draw_seed() -> int:
    """A random seed in the range every seed field accepts (0 .. 2**63 - 1)."""
    return secrets.randbelow(MAX_SEED + 1)


def load_schema(schema: SchemaLike, *, locale: str | None = None) -> DatasetSchema:
    """Read a schema given as a model, a dict, JSON text or a JSON file path.

    Raises SchemaValidationError (every problem listed) or OSError for an unreadable file.
    """
    if isinstance(schema, DatasetSchema) and locale is None:
        return schema
    if isinstance(schema, DatasetSchema):
        doc = schema.model_dump(mode="json", by_alias=True, exclude_unset=True)
    else:
        doc = _read_document(schema)
    if locale is not None and isinstance(doc, dict):
        doc = {**doc, "locale": locale}
    try:
        return DatasetSchema.model_validate(doc)
    except ValidationError as err:
        raise SchemaValidationError.from_pydantic(err) from None


def _read_document(schema: dict | str | Path) -> Any:
    if isinstance(schema, dict):
        return schema
    if isinstance(schema, str) and schema.lstrip().startswith("{"):
        text, origin = schema, "schema text"
    elif isinstance(schema, (str, Path)):
        text, origin = Path(schema).read_text(encoding="utf-8"), f"schema file {schema}"
    else:
        raise SchemaValidationError.single(
            "schema", f"expected a dict, a JSON file path or a DatasetSchema, not {type(schema).__name__}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SchemaValidationError.single("schema", f"{origin} is not valid JSON: {err}") from None


def read_anchor_argument(anchor: dt.datetime | dt.date | str | None) -> dt.datetime | None:
    """The ``anchor`` argument as a datetime: a datetime, a date (midnight) or an ISO text, as the CLI's --anchor."""
    if anchor is None or isinstance(anchor, dt.datetime):
        return anchor
    if isinstance(anchor, dt.date):
        return dt.datetime.combine(anchor, dt.time())
    if isinstance(anchor, str):
        try:
            return dt.datetime.fromisoformat(anchor.strip())
        except ValueError:
            raise SchemaValidationError.single(
                "anchor", f"{anchor[:60]!r} is not an ISO date/time (e.g. '2026-12-01T12:00:00')") from None
    raise SchemaValidationError.single(
        "anchor", f"expected a datetime, a date or an ISO text, not {type(anchor).__name__}")


def compile_plan(schema: SchemaLike, seed: int | None = None, *, anchor: dt.datetime | dt.date | str | None = None,
                 locale: str | None = None) -> DatasetPlan:
    """A compiled plan; the seed is the argument, else the schema's, else a random one."""
    anchor = read_anchor_argument(anchor)
    model = load_schema(schema, locale=locale)
    if seed is None:
        seed = model.seed if model.seed is not None else draw_seed()
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise SchemaValidationError.single("seed", f"must be an integer from 0 to {MAX_SEED}, not {seed!r}")
    return compile_schema(model, seed=seed, anchor=anchor)


def _check_count(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, not {value!r}")


class Batches:
    """The record batches of one dataset, in row order; iterate once or many times (same rows).

    ``seed`` and ``anchor`` reproduce it; ``schema`` is the Arrow schema (seed in its metadata).
    """

    def __init__(self, plan: DatasetPlan, rows: int, batch_size: int):
        self.plan = plan
        self.rows = rows
        self.batch_size = batch_size
        self.seed: int = plan.seed
        self.anchor: dt.datetime = plan.anchor
        self.schema: pa.Schema = plan.arrow_schema.with_metadata(
            {SEED_KEY: str(plan.seed).encode(), ANCHOR_KEY: plan.anchor.isoformat().encode()})

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        for start in range(0, self.rows, self.batch_size):
            batch = self.plan.generate_chunk(start, min(self.batch_size, self.rows - start))
            yield batch.replace_schema_metadata(self.schema.metadata)

    def __len__(self) -> int:
        return -(-self.rows // self.batch_size)


def iter_batches(schema: SchemaLike, rows: int, seed: int | None = None, *,
                 batch_size: int = DEFAULT_BATCH_SIZE, anchor: dt.datetime | None = None,
                 locale: str | None = None) -> Batches:
    """Stream ``rows`` rows as pyarrow RecordBatches of up to ``batch_size`` rows.

    The schema is checked now (SchemaValidationError lists every problem); rows are made lazily,
    so memory stays bounded by one batch. The same seed and anchor give the same rows for any
    batch size.
    """
    _check_count("rows", rows, 0)
    _check_count("batch_size", batch_size, 1)
    plan = compile_plan(schema, seed, anchor=anchor, locale=locale)
    plan.check_row_count(rows)
    return Batches(plan, rows, batch_size)


def generate(schema: SchemaLike, rows: int, seed: int | None = None, *, anchor: dt.datetime | None = None,
             locale: str | None = None) -> pa.Table:
    """``rows`` rows as one pyarrow Table; ``read_seed(table)`` gives the seed used."""
    batches = iter_batches(schema, rows, seed, anchor=anchor, locale=locale)
    return pa.Table.from_batches(list(batches), schema=batches.schema)


def generate_pandas(schema: SchemaLike, rows: int, seed: int | None = None, *,
                    anchor: dt.datetime | None = None, locale: str | None = None):
    """``rows`` rows as a pandas DataFrame (``df.attrs["seed"]`` and ``["anchor"]`` reproduce it)."""
    table = generate(schema, rows, seed, anchor=anchor, locale=locale)
    frame = table.to_pandas()
    frame.attrs.update(seed=read_seed(table), anchor=read_anchor(table))
    return frame


def read_seed(data: pa.Table | pa.RecordBatch | pa.Schema) -> int:
    """The seed a table or batch from this API was made with."""
    schema = data if isinstance(data, pa.Schema) else data.schema
    return int((schema.metadata or {})[SEED_KEY])


def read_anchor(data: pa.Table | pa.RecordBatch | pa.Schema) -> dt.datetime:
    """The anchor time (UTC) that relative dates resolved against."""
    schema = data if isinstance(data, pa.Schema) else data.schema
    return dt.datetime.fromisoformat((schema.metadata or {})[ANCHOR_KEY].decode())
