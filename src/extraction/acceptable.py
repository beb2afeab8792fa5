"""The last extraction stage: a schema /jobs/create accepts for the rows the text asked for.

The schema is compiled as a job would compile it (compile_schema, then check_row_count). For each problem
the engine names, the one rule at fault is repaired the way the text meant when that is clear (a number of
hours 'after' a time becomes a time after it) or dropped, and the warnings say so; a column is dropped only
when no rule of its own is at fault. Several related tables the engine refuses fall back to one table.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from src.errors import Problem, SchemaValidationError
from src.schemas import DatasetSchema

MAX_REPAIRS = 12  # one per problem; a schema needing more is read as one plain table of what compiles
_FIELD_LOC_RE = re.compile(r"^fields\[(?P<i>\d+)\](?:\.constraints\.(?P<key>\w+))?")
_TEMPORAL = {"date", "datetime", "time"}
_NUMERIC_KEYS = ("min_value", "max_value", "distribution", "mean", "std", "decimals", "step")


def problems_of(schema_doc: dict[str, Any], total_rows: int | None) -> list[Problem]:
    """What /jobs/create would refuse in a one-table schema for ``total_rows`` rows ([] when it is accepted)."""
    from src.engine import compile_schema  # the engine is imported when a schema is checked

    try:
        plan = compile_schema(schema_doc)
        if total_rows:
            plan.check_row_count(total_rows)
    except SchemaValidationError as err:
        return list(err.problems) or [Problem("", str(err))]
    return []


def relational_problems(schema_doc: dict[str, Any]) -> list[Problem]:
    """What /jobs/create would refuse in a document of several tables ([] when it is accepted)."""
    from src.engine.relational import compile_relational

    try:
        compile_relational(schema_doc)
    except SchemaValidationError as err:
        return list(err.problems) or [Problem("", str(err))]
    return []


def make_acceptable(schema: DatasetSchema, total_rows: int | None, warnings: list[str],
                    sources: dict[str, str] | None = None) -> DatasetSchema:
    """``schema`` repaired until /jobs/create accepts it for ``total_rows`` rows; each repair named in warnings."""
    doc = schema.model_dump(mode="json", by_alias=True, exclude_none=True)
    for _ in range(MAX_REPAIRS):
        problems = problems_of(doc, total_rows)
        if not problems:
            return DatasetSchema.model_validate(doc)
        if not _repair(doc, problems[0], warnings, sources):
            break
    if problems_of(doc, total_rows):
        doc = _plain_table(doc, total_rows, warnings)
    return DatasetSchema.model_validate(doc)


def _repair(doc: dict[str, Any], problem: Problem, warnings: list[str], sources: dict[str, str] | None) -> bool:
    m = _FIELD_LOC_RE.match(problem.loc)
    fields = doc.get("fields", [])
    if m is None or int(m["i"]) >= len(fields):
        return False
    field = fields[int(m["i"])]
    constraints = field.setdefault("constraints", {})
    key = m["key"]
    if key in ("after", "before") and _number_ordered_by_time(field, fields, constraints[key]):
        other = next(f for f in fields if f["name"] == constraints[key])
        for dropped in _NUMERIC_KEYS:
            constraints.pop(dropped, None)
        field["type"] = other["type"]
        warnings.append(f"'{field['name']}': read as a {other['type']} {key} '{other['name']}' (a gap in hours or "
                        f"minutes is not kept as a number: {problem.message})")
        return True
    if key and key in constraints and constraints[key] not in (None, False):
        value = constraints.pop(key)
        warnings.append(f"'{field['name']}': dropped the rule {key}={value!r} so a job can use this schema "
                        f"({problem.message})")
        return True
    fields.remove(field)
    if sources is not None:
        sources.pop(field["name"], None)
    warnings.append(f"dropped the column '{field['name']}' so a job can use this schema ({problem.message})")
    return bool(fields)


def _number_ordered_by_time(field: dict[str, Any], fields: list[dict[str, Any]], other_name: str) -> bool:
    other = next((f for f in fields if f["name"] == other_name), None)
    return other is not None and other["type"] in _TEMPORAL and field["type"] not in _TEMPORAL \
        and field["type"] in ("integer", "float", "decimal")


def _plain_table(doc: dict[str, Any], total_rows: int | None, warnings: list[str]) -> dict[str, Any]:
    """Only the columns that compile on their own, without rules across columns (the last resort)."""
    kept = []
    for field in doc.get("fields", []):
        alone = {**field, "constraints": {k: v for k, v in field.get("constraints", {}).items()
                                          if k not in ("after", "before", "expression", "unique")}}
        if not problems_of({**doc, "fields": [*kept, alone]}, total_rows):
            kept.append(alone)
    if not kept:
        kept = [{"name": "id", "type": "uuid"}]
    warnings.append("the schema read from the text could not be compiled; kept "
                    f"{len(kept)} column(s) without their rules across columns")
    return {**doc, "fields": kept}


def accept_result(schema: Any, total_rows: int | None, warnings: list[str], sources: dict[str, str],
                  one_table: Callable[[], tuple[DatasetSchema, int | None, list[str], dict[str, str]]]
                  ) -> tuple[Any, int | None, list[str], dict[str, str]]:
    """(schema, total_rows, warnings, sources) that /jobs/create accepts: one table repaired, or several
    related tables as they are when the engine accepts them, else ``one_table()`` repaired."""
    if not isinstance(schema, DatasetSchema):
        problems = relational_problems(schema.model_dump(mode="json", by_alias=True, exclude_none=True))
        if not problems:
            return schema, total_rows, warnings, sources
        schema, total_rows, more, sources = one_table()
        warnings = [*warnings, *more, f"the related tables could not be compiled ({problems[0]}); "
                                      "read as one table"]
    warnings = list(warnings)
    sources = dict(sources)
    return make_acceptable(schema, total_rows, warnings, sources), total_rows, warnings, sources
