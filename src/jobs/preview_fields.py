"""What a preview says about its columns: each field's type (from the job's schema) and the decimals its
values are written with (from the rows' Arrow schema), so a client shows 1572.10, not JSON's 1572.1."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from src.engine.writers import DECIMALS_KEY


def describe_preview_fields(doc: dict[str, Any] | None, table: str | None, columns: list[str],
                            arrow_schema: pa.Schema | None) -> list[dict[str, Any]]:
    """One ``{"name", "type", "decimals"}`` per column, in column order. ``decimals`` is the engine's
    (a price's default 2 included) once rows exist, else the schema's own; None for non-decimal columns."""
    specs = {str(f.get("name")): f for f in _table_fields(doc, table)}
    written = read_decimals(arrow_schema) if arrow_schema is not None else {}
    described = []
    for name in columns:
        spec = specs.get(name, {})
        decimals = (spec.get("constraints") or {}).get("decimals")
        if arrow_schema is not None and name in arrow_schema.names:
            decimals = written.get(name)
        described.append({"name": name, "type": str(spec.get("type") or "string"), "decimals": decimals})
    return described


def read_decimals(schema: pa.Schema) -> dict[str, int]:
    """Each decimal column's digits, from the engine's Arrow field metadata."""
    return {f.name: int(f.metadata[DECIMALS_KEY]) for f in schema
            if f.metadata and DECIMALS_KEY in f.metadata and pa.types.is_floating(f.type)}


def _table_fields(doc: dict[str, Any] | None, table: str | None) -> list[dict[str, Any]]:
    if not isinstance(doc, dict):
        return []
    if "tables" not in doc:
        return list(doc.get("fields") or [])
    tables = doc.get("tables") or []
    chosen = next((t for t in tables if t.get("name") == table), tables[0] if tables else {})
    return list(chosen.get("fields") or [])
