"""Shared helpers for the offline extractor tests: a description's fields, and data generated from it."""

from __future__ import annotations

import datetime as dt

from src.engine import compile_schema
from src.extraction.offline import OfflineExtraction, extract_offline
from src.schemas import DatasetSchema, FieldSpec

ROWS = 400


def extract(text: str) -> OfflineExtraction:
    """The offline extraction of ``text``, its schema document checked to round-trip."""
    result = extract_offline(text)
    DatasetSchema.model_validate(result.schema.model_dump())
    return result


def field(result: OfflineExtraction, *words: str) -> FieldSpec:
    """The one field whose name holds all these words."""
    hits = [f for f in result.schema.fields if all(w in f.name.split("_") for w in words)]
    assert hits, f"no field named with {words} in {result.schema.field_names()}"
    return min(hits, key=lambda f: len(f.name))


def only(text: str) -> FieldSpec:
    """The single field a one-bullet description produces."""
    result = extract("Generate 100 rows with:\n- " + text)
    assert len(result.schema.fields) == 1, result.schema.field_names()
    return result.schema.fields[0]


def fields_of(text: str) -> dict[str, dict]:
    """Each field of the extracted schema as {name: {'type': ..., **constraints}}."""
    schema = extract_offline(text).schema
    return {f.name: {"type": f.type, **f.constraints.model_dump(exclude_none=True)} for f in schema.fields}


def bullets(*lines: str, rows: int = 400) -> str:
    """A request of ``rows`` rows whose columns are these bullet lines."""
    return f"{rows} rows with these columns:\n" + "\n".join(f"- {line}" for line in lines)


def generate(text: str, rows: int = ROWS) -> dict[str, list]:
    """Rows generated from the schema extracted from ``text``, column by column."""
    return compile_schema(extract_offline(text).schema).generate_chunk(0, rows).to_pydict()


def as_date(value) -> dt.date:
    """A generated date or datetime as its day."""
    return value.date() if isinstance(value, dt.datetime) else value
