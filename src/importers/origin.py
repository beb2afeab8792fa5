"""The SQL a table is imported from, kept for the tables synthgen creates (``sql`` of a table spec):
DECIMAL(p, s) types, constant DEFAULTs and the CHECKs the document honours on every row."""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from src.importers.checks import normalize_check
from src.importers.defaults import constant_default
from src.importers.model import Check, Table
from src.schemas.sql_origin import READ_DIALECT, parse_check, parse_decimal_type, parse_default


def sql_origin(table: Table, fields: list[dict[str, Any]], honoured: list[Check],
               table_warnings: list[str]) -> dict[str, Any] | None:
    """``{"columns": {...}, "checks": [...]}`` for the kept fields, or None when nothing is carried.

    A CHECK is carried only when the import honoured it whole: no warning names it or says a rule of
    one of its columns was left out or not honoured."""
    kept = {f["name"] for f in fields}
    columns: dict[str, dict[str, str]] = {}
    for column in table.columns:
        if column.name not in kept or column.generated:
            continue
        entry = {}
        data_type = column.data_type
        if data_type.this == exp.DataType.Type.DECIMAL and len(data_type.expressions) == 2:
            entry["type"] = _valid(data_type.sql(dialect=READ_DIALECT), parse_decimal_type)
        if constant_default(column) is not None:
            entry["default"] = _valid(column.default.sql(dialect=READ_DIALECT), parse_default)
        entry = {k: v for k, v in entry.items() if v is not None}
        if entry:
            columns[column.name] = entry
    checks = []
    for check in honoured:
        text = _valid(normalize_check(check.expression).sql(dialect=READ_DIALECT), parse_check)
        if text is None:
            continue
        names = {c.name for c in check.expression.find_all(exp.Column)}
        if not names <= kept or any(check.text in w or any(_spoils(w, n) for n in names) for w in table_warnings):
            continue
        checks.append(text)
    if not columns and not checks:
        return None
    return {"columns": columns, "checks": checks} if checks else {"columns": columns}


def _spoils(warning: str, column: str) -> bool:
    return f"column {column}:" in warning and ("not honoured" in warning or "left out" in warning
                                                or "may refuse" in warning)


def _valid(text: str, parse) -> str | None:
    try:
        parse(text)
    except ValueError:
        return None
    return text
