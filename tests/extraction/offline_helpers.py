"""Shared helpers for the offline extractor tests: a description's fields, and data generated from it."""

from __future__ import annotations

import datetime as dt

from src.engine import compile_schema
from src.extraction.offline import extract_offline

ROWS = 400


def fields_of(text: str) -> dict[str, dict]:
    """Each field of the extracted schema as {name: {'type': ..., **constraints}}."""
    schema = extract_offline(text).schema
    return {f.name: {"type": f.type, **f.constraints.model_dump(exclude_none=True)} for f in schema.fields}


def generate(text: str, rows: int = ROWS) -> dict[str, list]:
    """Rows generated from the schema extracted from ``text``, column by column."""
    return compile_schema(extract_offline(text).schema).generate_chunk(0, rows).to_pydict()


def as_date(value) -> dt.date:
    """A generated date or datetime as its day."""
    return value.date() if isinstance(value, dt.datetime) else value
