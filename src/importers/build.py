"""Tables (from DDL or a reflected database) -> the relational schema document.

Every table becomes ``{"name", "rows" | "rows_per_parent", "fields", "primary_key"?, "foreign_keys"?}``
(issue 12's contract). Each table's ``fields`` also compile with today's single-table engine: keys
are stated at table level and a one-column key is also ``unique``; only foreign-key columns use the
relational ``reference`` type, and only a child's dates read the parent (``after: parent.created_at``).
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from src.importers.checks import ColumnRules, Unsupported, nulls_agree, read_check
from src.importers.defaults import apply_default_share, apply_meaning_spread
from src.importers.lineage import order_after_parents
from src.importers.origin import sql_origin
from src.importers.model import DEFAULT_CHILDREN, DEFAULT_ROWS, Column, ImportResult, Table
from src.importers.orderings import assign_orderings
from src.importers.rules import apply_domain, apply_length, guard_length
from src.importers.sqltypes import Shape, map_column, name_meaning
from src.engine.semantics import PERSON_KINDS, infer_string_kind, infer_thing, singular
from src.schemas.fields import MAX_SEED


def build_document(tables: list[Table], *, enum_types: dict[str, list[str]] | None = None,
                   rows: int = DEFAULT_ROWS, children: tuple[int, int] = DEFAULT_CHILDREN,
                   seed: int | None = None, warnings: list[str] | None = None) -> ImportResult:
    """The document for ``tables``; every rule that is not honoured is named in the warnings."""
    warnings = list(warnings or [])
    names = {t.name for t in tables}
    by_name = {t.name: t for t in tables}
    for table in tables:
        for fk in table.foreign_keys:
            if not fk.ref_columns and fk.ref_table in by_name:
                fk.ref_columns = list(by_name[fk.ref_table].primary_key)  # REFERENCES t: its primary key
    out_tables = []
    for table in tables:
        out_tables.append(_build_table(table, tables, names, enum_types or {}, rows, children, warnings))
    warnings.extend(order_after_parents(out_tables))
    document: dict[str, Any] = {"tables": out_tables}
    if seed is not None:
        document = {"seed": min(max(seed, 0), MAX_SEED), **document}
    roots = [t for t in out_tables if "rows" in t]
    return ImportResult(document, warnings, total_rows=roots[0]["rows"] if roots else None)


def _build_table(table: Table, tables: list[Table], names: set[str], enum_types: dict[str, list[str]],
                 rows: int, children: tuple[int, int], warnings: list[str]) -> dict[str, Any]:
    where = f"table {table.name}"
    shapes = {c.name: map_column(c, enum_types) for c in table.columns}
    rules = {c.name: ColumnRules() for c in table.columns}
    first_warning, honoured = len(warnings), []
    for check in table.checks:
        problems = read_check(check.expression, shapes, rules, render_condition)
        for problem in problems:
            warnings.append(f"{where}: CHECK ({check.text}) not honoured: {problem}")
        if not problems:
            honoured.append(check)
    single_fks = {fk.columns[0]: fk for fk in table.foreign_keys if len(fk.columns) == 1}
    fields: list[dict[str, Any]] = []
    for column in table.columns:
        spec = _build_field(table, column, shapes[column.name], rules[column.name], single_fks, names,
                            warnings)
        if spec is not None:
            fields.append(spec)
    kept = {f["name"] for f in fields}
    by_name = {f["name"]: f for f in fields}
    for message in assign_orderings(by_name, {n: rules[n] for n in kept}, shapes):
        warnings.append(f"{where}: {message}")
    out: dict[str, Any] = {"name": table.name}
    parents = [fk.ref_table for fk in table.foreign_keys if fk.ref_table != table.name and fk.ref_table in names]
    if parents:
        low, high = children
        out["rows_per_parent"] = {"parent": parents[0], "min": low, "max": high}
        for spec in fields:  # each child row belongs to a parent row: its reference to it is never null
            c = spec.get("constraints", {})
            if spec["type"] == "reference" and c.get("references", "").startswith(f"{parents[0]}.") and \
                    c.pop("nullable", None):
                warnings.append(f"{where}, column {spec['name']}: every row is made for a {parents[0]} row, "
                                "so this nullable reference is never null")
    else:
        out["rows"] = rows
    out["fields"] = fields
    if table.primary_key:
        out["primary_key"] = list(table.primary_key)
    composite = [fk for fk in table.foreign_keys if len(fk.columns) > 1]
    if composite:
        out["foreign_keys"] = [{"fields": fk.columns, "references": fk.ref_table, "columns": fk.ref_columns}
                               for fk in composite]
    _fit_keys(out, table)
    origin = sql_origin(table, fields, honoured, warnings[first_warning:])
    if origin is not None:
        out["sql"] = origin
    for fk in table.foreign_keys:
        if fk.ref_table not in names:
            warnings.append(f"{where}: foreign key ({', '.join(fk.columns)}) references table "
                            f"{fk.ref_table}, which is not in the input")
        elif not _is_key(next(t for t in tables if t.name == fk.ref_table), fk.ref_columns):
            warnings.append(f"{where}: foreign key ({', '.join(fk.columns)}) references "
                            f"{fk.ref_table}({', '.join(fk.ref_columns)}), which is not its primary key "
                            "or a UNIQUE column")
    _add_unique_sets(out, table, warnings)
    return out


def _add_unique_sets(out: dict[str, Any], table: Table, warnings: list[str]) -> None:
    """A composite UNIQUE becomes a unique_together set the engine keeps by construction; its members
    are made without nulls, so each combination is one row."""
    by_name = {f["name"]: f for f in out["fields"]}
    sets = []
    for unique_set in table.unique_sets:
        if sorted(unique_set) == sorted(table.primary_key) or unique_set in sets:
            continue
        missing = [n for n in unique_set if n not in by_name]
        if missing:
            warnings.append(f"table {table.name}: UNIQUE ({', '.join(unique_set)}) is not honoured: "
                            f"{', '.join(missing)} is not generated")
            continue
        for name in unique_set:
            if by_name[name].get("constraints", {}).pop("nullable", None):
                warnings.append(f"table {table.name}, column {name}: part of UNIQUE ({', '.join(unique_set)}), "
                                "so it is generated without nulls")
                if not by_name[name]["constraints"]:
                    by_name[name].pop("constraints")
        sets.append(list(unique_set))
    if sets:
        out["unique_together"] = sets


def _fit_keys(out: dict[str, Any], table: Table) -> None:
    """Keys as the relational engine generates them: a one-column key is ``unique``; composite
    foreign-key columns take the parent's values (type ``reference``); in a key made of the
    rows_per_parent reference and one integer, the integer is numbered within each parent."""
    by_name = {f["name"]: f for f in out["fields"]}
    key = [n for n in table.primary_key if n in by_name]
    if len(key) == 1 and by_name[key[0]]["type"] != "reference":
        by_name[key[0]].setdefault("constraints", {})["unique"] = True
    for fk in out.get("foreign_keys", []):
        for name in fk["fields"]:
            if name in by_name:
                nullable = by_name[name].get("constraints", {}).get("nullable")
                by_name[name].clear()
                by_name[name].update({"name": name, "type": "reference"}, **(
                    {"constraints": {"nullable": True}} if nullable else {}))
    parent = (out.get("rows_per_parent") or {}).get("parent")
    refs = [n for n in key if by_name[n]["type"] == "reference"
            and by_name[n].get("constraints", {}).get("references", "").startswith(f"{parent}.")]
    rest = [n for n in key if n not in refs]
    if len(key) > 1 and len(refs) == 1 and len(rest) == 1 and by_name[rest[0]]["type"] == "integer":
        low = by_name[rest[0]].get("constraints", {}).get("min_value", 1)
        by_name[rest[0]]["type"] = "sequence"
        by_name[rest[0]]["constraints"] = {"min_value": int(low)}


def _is_key(table: Table, columns: list[str]) -> bool:
    if sorted(columns) == sorted(table.primary_key):
        return True
    if len(columns) == 1 and (col := table.column(columns[0])) is not None and col.unique:
        return True
    return any(sorted(u) == sorted(columns) for u in table.unique_sets)


def _build_field(table: Table, column: Column, shape: Shape, rules: ColumnRules, single_fks: dict,
                 names: set[str], warnings: list[str]) -> dict[str, Any] | None:
    where = f"table {table.name}, column {column.name}"
    if column.generated:
        warnings.append(f"{where}: a generated (computed) column is left to the database and omitted")
        return None
    if shape.category == "unsupported":
        if column.nullable or column.default is not None:
            warnings.append(f"{where}: {shape.note}; the column is omitted (it is nullable or has a default)")
            return None
        warnings.append(f"{where}: {shape.note}; generated as plain text, which the database may refuse")
    constraints: dict[str, Any] = {}
    in_key = column.name in table.primary_key
    fk = single_fks.get(column.name)
    if fk is not None and fk.ref_table in names:
        constraints["references"] = f"{fk.ref_table}.{fk.ref_columns[0]}"
        if column.nullable and not in_key:
            constraints["nullable"] = True
        elif fk.ref_table == table.name:
            warnings.append(f"{where}: a NOT NULL self-reference has no root row; the relational engine "
                            "needs it nullable")
        return {"name": column.name, "type": "reference", "constraints": constraints}
    field_type = _field_type(column, shape, in_key and len(table.primary_key) == 1)
    thing_label = _thing_label(table, column, shape)
    if thing_label:
        field_type = name_meaning(thing_label.replace(" ", "_"), shape)
    description = _describe_default(column, field_type, constraints)
    if thing_label and field_type == "string":  # the type cannot say it: the description does
        description = f"{thing_label}. {description}" if description else thing_label
    if shape.enum_values is not None and field_type not in ("uuid", "sequence", "boolean"):
        constraints["enum_values"] = list(shape.enum_values)
    for message in apply_domain(field_type, shape, rules, constraints):
        warnings.append(f"{where}: {message}")
    if constraints.get("enum_values") and field_type not in ("gender", "boolean"):
        field_type = "enum"  # a CHECK listing the values makes the column a category
    if shape.category == "text":
        for message in apply_length(field_type, shape, rules, constraints):
            warnings.append(f"{where}: {message}")
    if (column.unique or (in_key and len(table.primary_key) == 1)) and field_type != "sequence":
        constraints["unique"] = True
    apply_meaning_spread(column.name, field_type, shape, constraints)
    if field_type == "sequence" and shape.hi is not None:
        start = constraints.get("min_value", 1)
        constraints.pop("max_value", None)
        if not isinstance(start, int) or start < 1:
            constraints["min_value"] = 1
    if rules.when:
        if not column.nullable or in_key:
            warnings.append(f"{where}: CHECK makes the column null unless {' AND '.join(rules.when)}, "
                            "but it is NOT NULL: that condition is not honoured")
        else:
            constraints["when"] = " AND ".join(f"({w})" if len(rules.when) > 1 else w for w in rules.when)
            if not nulls_agree(rules):
                warnings.append(f"{where}: a CHECK requiring a value under a condition is not honoured "
                                f"together with the condition {constraints['when']!r} for nulls")
    nullable = column.nullable and not in_key and not rules.not_null
    if nullable and not rules.no_random_nulls:
        constraints["nullable"] = True
    if shape.category == "text":
        guard_length(field_type, constraints)
    spec: dict[str, Any] = {"name": column.name, "type": field_type, "constraints": constraints}
    if column.default is not None and (problem := apply_default_share(spec, column, shape.decimals)):
        warnings.append(f"{where}: {problem}")
    if description:
        spec = {"name": column.name, "type": field_type, "description": description, "constraints": constraints}
    if not constraints:
        spec.pop("constraints")
    return spec


def _thing_label(table: Table, column: Column, shape: Shape) -> str | None:
    """'product name' for `products.name`: a bare name/title column names one of its table's things
    (a product, a hotel, a book), not a person, unless the table holds people."""
    if shape.category != "text" or column.name.lower() not in ("name", "title", "label"):
        return None
    label = f"{singular(table.name.lower().split('.')[-1])} {column.name.lower()}"
    kind = infer_string_kind("x", label)
    if kind in PERSON_KINDS or (kind is None and not infer_thing("x", label)):
        return None
    return label


def _field_type(column: Column, shape: Shape, single_key: bool) -> str:
    default = column.default
    if column.identity or (default is not None and _is_sequence_default(default)):
        return "sequence" if shape.category == "integer" else name_meaning(column.name, shape)
    if shape.category == "uuid" or (default is not None and isinstance(default, exp.Uuid)):
        return "uuid"
    if single_key and shape.category == "integer":
        return "sequence"
    if shape.enum_values is not None:
        return "enum"
    return name_meaning(column.name, shape)


def _is_sequence_default(default: exp.Expression) -> bool:
    return isinstance(default, exp.Anonymous) and default.name.lower() == "nextval" or \
        "nextval" in default.sql().lower()


def _describe_default(column: Column, field_type: str, constraints: dict[str, Any]) -> str:
    """A DEFAULT: 'now' caps a time column at the present; a constant is recorded in the description."""
    default = column.default
    if default is None or field_type in ("sequence", "uuid") or _is_sequence_default(default):
        return ""
    if isinstance(default, (exp.CurrentTimestamp, exp.CurrentDate)) or (
            isinstance(default, exp.Anonymous) and default.name.lower() == "now"):
        if field_type in ("date", "datetime"):
            constraints.setdefault("max_value", "now")
        return "defaults to the current time"
    return f"SQL default: {default.sql()}"[:2000]


def render_condition(node: exp.Expression) -> str:
    """A condition (read in the DDL's own dialect) written in the engine's dialect and checked by the
    engine's own front end, so a quoted column stays a column and an unsupported construct is named."""
    from src.engine.expressions import ExpressionError, parse_expression, render_sql

    text = render_sql(node)
    try:
        parse_expression(text)
    except ExpressionError as err:
        raise Unsupported(f"the condition {text!r} is outside the engine's expressions: {err}") from None
    return text

