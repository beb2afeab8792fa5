"""Schema document -> ``CREATE TABLE`` per SQL dialect, built as sqlglot trees and rendered by sqlglot.

Column types come from each field's Arrow type and rules (``VARCHAR(max_length)``, ``DECIMAL(p, s)``
from the field's range and decimals, ``UUID`` where the dialect has one); NOT NULL, PRIMARY KEY (also
composite), UNIQUE, FOREIGN KEY, and CHECKs for what the document states: numeric ranges, ISO date
bounds, enum values and orderings between columns (``after``/``before``). Every CHECK holds on every
generated row, so a file or load with all constraints on succeeds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import pyarrow as pa
from sqlglot import exp

from src.engine.writers import DECIMALS_KEY
from src.schemas.fields import FieldSpec
from src.schemas.relational import RelationalSchema, TableSpec, parse_relational, split_ref

DIALECTS = ("postgres", "mysql", "sqlite", "duckdb")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
MYSQL_KEY_CHARS = 768  # InnoDB keys hold 3072 bytes: 768 utf8mb4 characters


@dataclass
class SqlColumn:
    name: str
    spec: FieldSpec
    arrow: pa.Field
    not_null: bool
    bound: float | None = None  # largest absolute value (DECIMAL precision)
    sql_type: exp.DataType | None = None  # NUMERIC(p, s) as the imported SQL declared it
    default: exp.Expression | None = None  # the imported SQL's constant DEFAULT


@dataclass
class SqlTable:
    """What a ``CREATE TABLE`` needs: columns (output order), keys and checks."""

    name: str
    columns: list[SqlColumn]
    primary_key: list[str] = field(default_factory=list)
    unique: list[str] = field(default_factory=list)
    unique_sets: list[list[str]] = field(default_factory=list)  # a table's unique_together
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    checks: list[exp.Expression] = field(default_factory=list)
    key_specs: dict[str, FieldSpec] = field(default_factory=dict)  # reference column -> parent's field

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def identifier_or_none(text: str | None) -> str | None:
    """``text`` when it can name a table in every dialect (letters, digits, _; at most 63), else None."""
    return text if text and _IDENTIFIER.fullmatch(text) else None


def check_dialect(dialect: str) -> str:
    if dialect not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
    return dialect


def describe_plan(plan, name: str | None = None, spec: TableSpec | None = None,
                  doc: RelationalSchema | None = None) -> SqlTable:
    """The SQL table of a compiled plan (a DatasetPlan); ``spec``/``doc`` add keys across tables."""
    fields = {f.name: f for f in (spec.fields if spec else plan.schema.fields) if not f.hidden}  # as written
    columns = []
    for arrow_field in plan.arrow_schema:
        fs = fields[arrow_field.name]
        c = fs.constraints
        fp = plan.fields.get(arrow_field.name)
        bounds = [abs(v) for v in (getattr(fp, "lo", None), getattr(fp, "hi", None))
                  if isinstance(v, (int, float)) and math.isfinite(v)]
        in_key = spec is not None and arrow_field.name in spec.key_columns()
        columns.append(SqlColumn(arrow_field.name, fs, arrow_field,
                                 not_null=(not c.nullable and c.when is None) or c.primary_key or in_key,
                                 bound=max(bounds) if bounds else None))
    table = SqlTable(name or (spec.name if spec else None) or identifier_or_none(plan.schema.name) or "data",
                     columns)
    if spec is not None:
        table.primary_key = spec.key_columns()
    else:
        table.primary_key = [f.name for f in plan.schema.fields if f.constraints.primary_key]
    table.unique = [col.name for col in columns if col.spec.constraints.unique
                    and [col.name] != table.primary_key]
    if spec is not None:
        table.unique_sets = [list(m) for m in spec.unique_together if sorted(m) != sorted(table.primary_key)]
    if spec is not None and doc is not None:
        _add_foreign_keys(table, spec, doc)
    table.checks = [check for col in columns for check in _column_checks(col, fields)]
    if spec is not None and spec.sql is not None:
        _carry_sql_origin(table, spec)
    return table


def _carry_sql_origin(table: SqlTable, spec: TableSpec) -> None:
    """The imported SQL's DECIMAL(p, s), constant DEFAULTs and honoured CHECKs (src.schemas.sql_origin)."""
    from src.schemas.sql_origin import parse_check, parse_decimal_type, parse_default

    origin = spec.sql
    for col in table.columns:
        source = origin.columns.get(col.name)
        if source is None:
            continue
        if source.type and pa.types.is_floating(col.arrow.type) and DECIMALS_KEY in (col.arrow.metadata or {}):
            col.sql_type = parse_decimal_type(source.type)
        if source.default:
            col.default = parse_default(source.default)
    present = {c.sql() for c in table.checks}
    for text in origin.checks:
        check = parse_check(text).transform(
            lambda node: exp.column(node.name, quoted=True) if isinstance(node, exp.Column) else node)
        if check.sql() not in present:
            table.checks.append(check)


def _add_foreign_keys(table: SqlTable, spec: TableSpec, doc: RelationalSchema) -> None:
    for fs in spec.fields:
        parts = split_ref(fs.constraints.references or "")
        if parts:
            table.foreign_keys.append(([fs.name], parts[0], [parts[1]]))
            table.key_specs[fs.name] = doc.table(parts[0]).field(parts[1])
    for fk in spec.foreign_keys:
        parent = doc.table(fk.references)
        cols = list(fk.columns or parent.key_columns())
        table.foreign_keys.append((list(fk.fields), fk.references, cols))
        for child, col in zip(fk.fields, cols):
            table.key_specs[child] = parent.field(col)


def describe_document(doc: dict | RelationalSchema, plans: dict) -> dict[str, SqlTable]:
    """Every table of a relational document (``plans``: name -> DatasetPlan), in the plans' order."""
    schema = parse_relational(doc) if not isinstance(doc, RelationalSchema) else doc
    return {name: describe_plan(plan, name, schema.table(name), schema) for name, plan in plans.items()}


def describe_job_table(schema_doc: dict, plan) -> SqlTable:
    """The SQL table of one job output: a single-table job's plan, or one table of a relational job."""
    from src.schemas.relational import is_relational

    if not is_relational(schema_doc):
        return describe_plan(plan, plan.schema.name or "data")
    doc = parse_relational(schema_doc)
    return describe_plan(plan, plan.schema.name, doc.table(plan.schema.name), doc)


# --- types ---------------------------------------------------------------------------------------

def column_type(col: SqlColumn, table: SqlTable, dialect: str) -> exp.DataType:
    """The column's SQL type in ``dialect`` (a reference takes its parent key's type)."""
    spec = table.key_specs.get(col.name, col.spec)
    keyed = col.name in table.primary_key or col.name in table.unique or col.name in table.key_specs
    t = col.arrow.type
    if col.sql_type is not None:
        return col.sql_type.copy()
    if pa.types.is_integer(t):
        return exp.DataType.build("BIGINT")
    if pa.types.is_floating(t):
        raw = (col.arrow.metadata or {}).get(DECIMALS_KEY)
        if raw is None:
            return exp.DataType.build("DOUBLE")
        scale = int(raw)
        digits = len(str(int(col.bound))) if col.bound is not None else 18
        precision = min(38, max(digits + scale, scale + 1))
        return exp.DataType.build(f"DECIMAL({precision}, {scale})")
    if pa.types.is_boolean(t):
        return exp.DataType.build("BOOLEAN")
    if pa.types.is_date(t):
        return exp.DataType.build("DATE")
    if pa.types.is_timestamp(t):
        return exp.DataType.build("TIMESTAMP")
    if pa.types.is_time(t):
        return exp.DataType.build("TIME")
    return _text_type(spec, keyed, dialect)


def _text_type(spec: FieldSpec, keyed: bool, dialect: str) -> exp.DataType:
    c = spec.constraints
    if spec.type == "uuid":
        return exp.DataType.build({"mysql": "CHAR(36)", "sqlite": "TEXT"}.get(dialect, "UUID"))
    length = c.max_length
    if length is None and c.enum_values:
        length = max(len(str(v)) for v in c.enum_values)
    if length is None and keyed and dialect == "mysql":
        length = MYSQL_KEY_CHARS
    return exp.DataType.build(f"VARCHAR({length})" if length else "TEXT")


# --- checks --------------------------------------------------------------------------------------

def _column_checks(col: SqlColumn, fields: dict[str, FieldSpec]) -> list[exp.Expression]:
    c = col.spec.constraints
    if col.spec.type == "reference" or c.expression:
        return []
    column = exp.column(col.name, quoted=True)
    out = []
    t = col.arrow.type
    if c.enum_values:
        out.append(column.isin(*[_literal(v) for v in c.enum_values]))
    elif pa.types.is_integer(t) or pa.types.is_floating(t):
        lo, hi = (v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                  for v in (c.min_value, c.max_value))
        out += _range(column, _literal(lo) if lo is not None else None, _literal(hi) if hi is not None else None)
    elif pa.types.is_date(t) or pa.types.is_timestamp(t):
        lo, hi = (_iso_literal(v, pa.types.is_date(t)) for v in (c.min_value, c.max_value))
        out += _range(column, lo, hi)
    for other, cls in ((c.after, exp.GTE), (c.before, exp.LTE)):
        # a date written in a format ('03/14/2024') is text: its order is not the text's order
        if other and other in fields and not c.format and not fields[other].constraints.format:
            out.append(cls(this=column.copy(), expression=exp.column(other, quoted=True)))
    return out


def _range(column: exp.Expression, lo, hi) -> list[exp.Expression]:
    if lo is not None and hi is not None:
        return [exp.Between(this=column.copy(), low=lo, high=hi)]
    if lo is not None:
        return [exp.GTE(this=column.copy(), expression=lo)]
    if hi is not None:
        return [exp.LTE(this=column.copy(), expression=hi)]
    return []


def _literal(value) -> exp.Expression:
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, (int, float)):
        return exp.Literal.number(repr(value) if isinstance(value, float) else value)
    return exp.Literal.string(str(value))


def _iso_literal(value, is_date: bool) -> exp.Expression | None:
    """An ISO bound as the literal the writer's own text uses (relative bounds give no CHECK)."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return None
    text = moment.date().isoformat() if is_date else moment.strftime("%Y-%m-%d %H:%M:%S")
    if is_date and moment.time() != dt.time():
        return None
    return exp.Literal.string(text)


# --- rendering -----------------------------------------------------------------------------------

def quote(name: str, dialect: str) -> str:
    """An identifier quoted for ``dialect`` by sqlglot."""
    return exp.to_identifier(name, quoted=True).sql(dialect=dialect)


def create_table_sql(table: SqlTable, dialect: str, if_not_exists: bool = False) -> str:
    """``CREATE TABLE`` for ``table`` in ``dialect`` (no trailing semicolon)."""
    ident = lambda name: exp.to_identifier(name, quoted=True)  # noqa: E731
    items: list[exp.Expression] = []
    for col in table.columns:
        constraints = [exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())] if col.not_null else []
        if col.default is not None:
            constraints.append(exp.ColumnConstraint(kind=exp.DefaultColumnConstraint(this=col.default.copy())))
        items.append(exp.ColumnDef(this=ident(col.name), kind=column_type(col, table, dialect),
                                   constraints=constraints))
    if table.primary_key:
        items.append(exp.PrimaryKey(expressions=[ident(n) for n in table.primary_key]))
    for names in [[name] for name in table.unique] + table.unique_sets:
        items.append(exp.UniqueColumnConstraint(this=exp.Schema(expressions=[ident(n) for n in names])))
    for cols, parent, parent_cols in table.foreign_keys:
        items.append(exp.ForeignKey(expressions=[ident(n) for n in cols], reference=exp.Reference(
            this=exp.Schema(this=exp.Table(this=ident(parent)), expressions=[ident(n) for n in parent_cols]))))
    for check in table.checks:
        items.append(exp.CheckColumnConstraint(this=check.copy()))
    create = exp.Create(kind="TABLE", exists=if_not_exists,
                        this=exp.Schema(this=exp.Table(this=ident(table.name)), expressions=items))
    return create.sql(dialect=dialect, pretty=True)
