"""Conversions between a schema document and the editable table on the Create page."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from pydantic import ValidationError

from src.schemas import DatasetSchema

TABLE_COLUMNS = ("name", "type", "description", "constraints")


def normalize_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """Validate `doc` and return it in canonical form, without default values.

    Raises ValueError with one readable line per problem.
    """
    try:
        schema = DatasetSchema.model_validate(doc)
    except ValidationError as error:
        raise ValueError("\n".join(describe_validation_error(error, doc))) from None
    return schema.model_dump(mode="json", exclude_defaults=True)


def describe_validation_error(error: ValidationError, doc: Any) -> list[str]:
    """Pydantic errors as `field 'age': min_value (90) is greater than max_value (18)`."""
    fields = doc.get("fields") if isinstance(doc, dict) else None
    lines = []
    for problem in error.errors():
        loc = list(problem.get("loc", ()))
        message = str(problem.get("msg", "invalid value")).removeprefix("Value error, ")
        where = ""
        if len(loc) >= 2 and loc[0] == "fields" and isinstance(loc[1], int):
            index = loc[1]
            name = None
            if isinstance(fields, list) and index < len(fields) and isinstance(fields[index], dict):
                name = fields[index].get("name")
            where = f"field '{name}'" if name else f"field #{index + 1}"
            rest = [str(part) for part in loc[2:] if part != "constraints"]
            if rest:
                where += f" {'.'.join(rest)}"
        elif loc:
            where = ".".join(str(part) for part in loc)
        lines.append(f"{where}: {message}" if where else message)
    return lines


def schema_to_table(doc: dict[str, Any]) -> pd.DataFrame:
    """One row per field; constraints as compact JSON text."""
    rows = [
        {
            "name": field.get("name", ""),
            "type": field.get("type", "string"),
            "description": field.get("description", ""),
            "constraints": json.dumps(field["constraints"]) if field.get("constraints") else "",
        }
        for field in doc.get("fields", [])
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS)).astype("object")


def table_to_schema(table: pd.DataFrame, base_doc: dict[str, Any]) -> dict[str, Any]:
    """The document the table describes, keeping `base_doc`'s top-level keys (seed, locale, name).

    Raises ValueError naming the row whose constraints are not a JSON object.
    """
    fields = []
    for position, row in enumerate(table.to_dict("records"), start=1):
        name = _clean_text(row.get("name"))
        field_type = _clean_text(row.get("type"))
        if not name and not field_type:
            continue  # a blank row the user added and left empty
        field: dict[str, Any] = {"name": name, "type": field_type or "string"}
        description = _clean_text(row.get("description"))
        if description:
            field["description"] = description
        constraints_text = _clean_text(row.get("constraints"))
        if constraints_text:
            try:
                constraints = json.loads(constraints_text)
            except json.JSONDecodeError as error:
                raise ValueError(f"field '{name or position}': constraints are not valid JSON "
                                 f"({error.msg})") from None
            if not isinstance(constraints, dict):
                raise ValueError(f"field '{name or position}': constraints must be a JSON object "
                                 'such as {"min_value": 0}')
            field["constraints"] = constraints
        fields.append(field)
    doc = {key: value for key, value in base_doc.items() if key != "fields"}
    doc["fields"] = fields
    return doc


def _clean_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()
