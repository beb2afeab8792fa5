"""The schema document on the Create page: validation as a list of problems, tables, and the grid rows."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pydantic import ValidationError

from src.schemas import DatasetSchema
from src.schemas.relational import RelationalSchema, find_relation_problems, is_relational

GRID_COLUMNS = ("name", "type", "blank", "example", "samples")
# The engine's share of nulls for `nullable` without `null_probability` (src/engine/plan.py).
DEFAULT_BLANK_SHARE = 0.1
_INDEX_RE = re.compile(r"(tables|fields)\[(\d+)\]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the document: where (table, field) and which rule."""

    where: str
    rule: str
    message: str
    table: int | None = None
    field: int | None = None

    def __str__(self) -> str:
        shown = self.rule and not self.message.startswith(self.rule)
        head = f"{self.where} {self.rule}".strip() if shown else self.where
        return f"{head}: {self.message}" if head else self.message


class SchemaProblems(ValueError):
    """The document has problems; ``problems`` names each one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def normalize_schema(doc: dict[str, Any]) -> dict[str, Any]:
    """Validate a one-table or multi-table document; return it canonical, without default values.

    Raises SchemaProblems (a ValueError) naming each problem's field and rule.
    """
    model = RelationalSchema if is_relational(doc) else DatasetSchema
    try:
        schema = model.model_validate(doc)
    except ValidationError as error:
        raise SchemaProblems(describe_validation_error(error, doc)) from None
    if isinstance(schema, RelationalSchema):
        found = [locate_problem(p.loc, p.message, doc) for p in find_relation_problems(schema)]
        if found:
            raise SchemaProblems(found)
    return schema.model_dump(mode="json", exclude_defaults=True)


def describe_validation_error(error: ValidationError, doc: Any) -> list[Problem]:
    """Pydantic errors as problems: `field 'age': min_value (90) is greater than max_value (18)`."""
    out = []
    for item in error.errors():
        loc = ".".join(f"{p}" if isinstance(p, str) else f"[{p}]" for p in item.get("loc", ()))
        loc = loc.replace(".[", "[")
        message = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
        out.append(locate_problem(loc, message, doc))
    return out


def locate_problem(loc: str, message: str, doc: Any) -> Problem:
    """A problem at ``loc`` ('schema.tables[0].fields[2].constraints.min_value') named by its field."""
    indexes = {kind: int(number) for kind, number in _INDEX_RE.findall(loc)}
    table_index, field_index = indexes.get("tables"), indexes.get("fields")
    fields = doc.get("fields") if isinstance(doc, dict) else None
    where = []
    if table_index is not None:
        table = _item(doc.get("tables") if isinstance(doc, dict) else None, table_index)
        where.append(f"table '{table.get('name')}'" if table.get("name") else f"table #{table_index + 1}")
        fields = table.get("fields")
    if field_index is not None:
        name = _item(fields, field_index).get("name")
        where.append(f"field '{name}'" if name else f"field #{field_index + 1}")
    rest = _INDEX_RE.sub("", loc).split(".")
    rule = next((part for part in reversed(rest) if part and part not in ("schema", "constraints", "body")), "")
    if not rule and ".constraints" in loc:
        rule = message.split(" ", 1)[0] if re.fullmatch(r"[a-z_]+", message.split(" ", 1)[0]) else ""
    for named in where:  # the API's messages often repeat the table or field
        message = message.replace(f"{named}: ", "")
    return Problem(" ".join(where) or ("document" if not loc else ""), rule, message, table_index, field_index)


def _item(items: Any, index: int) -> dict[str, Any]:
    return items[index] if isinstance(items, list) and index < len(items) and isinstance(items[index], dict) \
        else {}


# -- tables of a document ------------------------------------------------------------------------


def table_names(doc: dict[str, Any]) -> list[str]:
    """The tables' names; a one-table document has one unnamed table ('')."""
    if is_relational(doc):
        return [str(t.get("name") or f"table_{i + 1}") for i, t in enumerate(doc.get("tables") or [])]
    return [""]


def get_fields(doc: dict[str, Any], table: int) -> list[dict[str, Any]]:
    if is_relational(doc):
        return list((doc["tables"][table].get("fields")) or [])
    return list(doc.get("fields") or [])


def with_fields(doc: dict[str, Any], table: int, fields: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of ``doc`` whose table ``table`` has ``fields``."""
    new = copy.deepcopy(doc)
    if is_relational(new):
        new["tables"][table]["fields"] = fields
    else:
        new["fields"] = fields
    return new


# -- the grid ------------------------------------------------------------------------------------


def blank_percent(field: dict[str, Any]) -> float:
    """The share of blank (null) values, in percent, that the field's constraints give."""
    constraints = field.get("constraints") or {}
    if not constraints.get("nullable"):
        return 0.0
    share = constraints.get("null_probability")
    return round(100 * (DEFAULT_BLANK_SHARE if share is None else float(share)), 2)


def set_blank_percent(field: dict[str, Any], percent: float | None) -> dict[str, Any]:
    """The field with ``percent`` % blank values (0 or None: never blank)."""
    field = copy.deepcopy(field)
    constraints = dict(field.get("constraints") or {})
    if not percent or percent <= 0:
        constraints.pop("nullable", None)
        constraints.pop("null_probability", None)
    else:
        constraints["nullable"] = True
        constraints["null_probability"] = round(min(float(percent), 100.0) / 100, 4)
    field["constraints"] = constraints
    if not constraints:
        field.pop("constraints")
    return field


def fields_to_grid(fields: list[dict[str, Any]], examples: dict[str, str],
                   samples: dict[str, list[Any]] | None) -> pd.DataFrame:
    """One row per field: name, type, blank %, the type's example and three sample values."""
    rows = [{
        "name": field.get("name", ""),
        "type": field.get("type", "string"),
        "blank": blank_percent(field),
        "example": examples.get(str(field.get("type")), ""),
        "samples": format_samples((samples or {}).get(str(field.get("name")))),
    } for field in fields]
    return pd.DataFrame(rows, columns=list(GRID_COLUMNS)).astype({"blank": "float"})


def format_samples(values: list[Any] | None) -> str:
    if values is None:
        return ""
    return " · ".join("∅" if value is None else str(value) for value in values)


def grid_to_fields(table: pd.DataFrame, fields: list[dict[str, Any]],
                   accepted: dict[str, list[str]] | None = None,
                   dropped: list[str] | None = None) -> list[dict[str, Any]]:
    """``fields`` with the grid's name, type and blank % applied (the grid has one row per field).

    A field whose type changed keeps only the rules its new type accepts (``accepted``: type ->
    constraint names, from GET /schema/types); ``dropped`` gets a line per field that lost some."""
    out = []
    for field, row in zip(fields, table.to_dict("records")):
        field = copy.deepcopy(field)
        field["name"] = _clean_text(row.get("name"))
        new_type = _clean_text(row.get("type")) or "string"
        if new_type != field.get("type") and accepted and new_type in accepted:
            lost = keep_accepted_constraints(field, accepted[new_type])
            if lost and dropped is not None:
                dropped.append(f"'{field['name']}' is now {new_type}: dropped {', '.join(lost)} "
                               f"(they do not apply to {new_type})")
        field["type"] = new_type
        blank = row.get("blank")
        blank = None if blank is None or pd.isna(blank) else float(blank)
        if blank != blank_percent(field):
            field = set_blank_percent(field, blank)
        out.append(field)
    return out


def keep_accepted_constraints(field: dict[str, Any], rules: list[str]) -> list[str]:
    """Drop the constraints of ``field`` that are not in ``rules``; return the dropped names."""
    constraints = field.get("constraints") or {}
    lost = [name for name in constraints if name not in rules]
    for name in lost:
        constraints.pop(name)
    if "constraints" in field and not constraints:
        field.pop("constraints")
    return lost


def sample_columns(rows: list[dict[str, Any]], decimals: dict[str, int] | None = None,
                   table: str = "") -> dict[str, list[Any]]:
    """Rows of a sample as each column's values; a decimal column's as text with the digits files
    write (``decimals`` from POST /schema/sample, keyed 'table.column' for a multi-table document)."""
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for name, value in row.items():
            places = (decimals or {}).get(f"{table}.{name}" if table else name)
            if places is not None and isinstance(value, float):
                value = f"{value:.{places}f}"
            columns.setdefault(name, []).append(value)
    return columns


def _clean_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()
