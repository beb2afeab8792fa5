"""SQL DDL (CREATE TYPE ... AS ENUM, CREATE TABLE, ALTER TABLE ... ADD CONSTRAINT) -> schema document.

Parsed with sqlglot in the script's dialect (postgres, mysql or sqlite); other statements (indexes,
comments, grants, inserts) are skipped with a warning.
"""

from __future__ import annotations

import logging
import re

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from src.errors import SchemaValidationError
from src.importers.build import build_document
from src.importers.model import DEFAULT_CHILDREN, DEFAULT_ROWS, Check, Column, ForeignKey, ImportResult, Table

DIALECTS = ("postgres", "mysql", "sqlite")
MAX_DDL_CHARS = 1_000_000
# sqlglot logs each statement it falls back to reading as a bare command; the importer reports them itself.
logging.getLogger("sqlglot").setLevel(logging.ERROR)


def import_ddl(ddl: str, dialect: str = "postgres", *, rows: int = DEFAULT_ROWS,
               children: tuple[int, int] = DEFAULT_CHILDREN) -> ImportResult:
    """A relational schema document from ``CREATE TABLE`` statements.

    Raises SchemaValidationError (loc ``ddl`` or ``dialect``) for input that is not usable DDL.
    """
    if dialect not in DIALECTS:
        raise SchemaValidationError.single("dialect", f"dialect {dialect!r} is not one of {', '.join(DIALECTS)}")
    if not ddl or not ddl.strip():
        raise SchemaValidationError.single("ddl", "the DDL is empty")
    if len(ddl) > MAX_DDL_CHARS:
        raise SchemaValidationError.single("ddl", f"the DDL has {len(ddl)} characters; the limit is {MAX_DDL_CHARS}")
    try:
        tables, enum_types, warnings = parse_tables(ddl, dialect)
        return build_document(tables, enum_types=enum_types, rows=rows, children=children, warnings=warnings)
    except RecursionError:
        raise SchemaValidationError.single("ddl", "the DDL is nested too deeply") from None


def parse_tables(ddl: str, dialect: str) -> tuple[list[Table], dict[str, list[str]], list[str]]:
    """Tables, ENUM types and warnings from a DDL script."""
    try:
        statements = [s for s in sqlglot.parse(ddl, read=dialect) if s is not None]
    except (ParseError, TokenError) as err:
        raise SchemaValidationError.single("ddl", f"cannot parse the DDL as {dialect} SQL: "
                                           f"{_describe_parse_error(err)}") from None
    except RecursionError:
        raise SchemaValidationError.single("ddl", "the DDL is nested too deeply") from None
    tables: dict[str, Table] = {}
    enum_types: dict[str, list[str]] = {}
    warnings: list[str] = []
    for statement in statements:
        if isinstance(statement, exp.Create) and statement.kind == "TYPE":
            _read_enum_type(statement, enum_types, warnings)
        elif isinstance(statement, exp.Create) and statement.kind == "TABLE" and isinstance(statement.this, exp.Schema):
            table = read_create_table(statement, dialect, warnings)
            if table.name in tables:
                raise SchemaValidationError.single("ddl", f"table {table.name} is created twice")
            tables[table.name] = table
        elif isinstance(statement, exp.Alter) and statement.kind == "TABLE":
            _read_alter(statement, tables, dialect, warnings)
        elif isinstance(statement, exp.Command) and re.match(r"(?i)CREATE\s+(\w+\s+)*TABLE\b", statement.sql()):
            raise SchemaValidationError.single("ddl", "cannot parse this CREATE TABLE as "
                                               f"{dialect} SQL: {_first_line(statement.sql())[:160]}")
        else:
            warnings.append(f"statement skipped: {_first_line(statement.sql(dialect=dialect))[:120]}")
    if not tables:
        raise SchemaValidationError.single("ddl", "the DDL has no CREATE TABLE statement")
    return list(tables.values()), enum_types, warnings


def _read_enum_type(statement: exp.Create, enum_types: dict[str, list[str]], warnings: list[str]) -> None:
    body = statement.args.get("expression")
    name = statement.this.name.lower()
    if isinstance(body, exp.DataType) and body.this == exp.DataType.Type.ENUM:
        enum_types[name] = [e.name for e in body.expressions if isinstance(e, exp.Literal)]
    else:
        warnings.append(f"type {name} is not an ENUM and is not read")


def read_create_table(statement: exp.Create, dialect: str, warnings: list[str]) -> Table:
    """A Table from one parsed CREATE TABLE."""
    schema = statement.this
    table = Table(name=schema.this.name)
    for item in schema.expressions:
        if isinstance(item, exp.ColumnDef):
            _read_column(table, item, dialect, warnings)
        else:
            _read_table_constraint(table, item, dialect, warnings)
    return table


def _read_column(table: Table, item: exp.ColumnDef, dialect: str, warnings: list[str]) -> None:
    kind = item.args.get("kind")
    if kind is None:  # SQLite allows a column without a type
        kind = exp.DataType.build("TEXT")
    column = Column(name=item.name, data_type=kind)
    if kind.this in (exp.DataType.Type.SERIAL, exp.DataType.Type.BIGSERIAL, exp.DataType.Type.SMALLSERIAL):
        column.identity = True
        column.nullable = False
    for constraint in item.args.get("constraints") or []:
        c = constraint.args.get("kind")
        if isinstance(c, exp.NotNullColumnConstraint):
            column.nullable = bool(c.args.get("allow_null"))
        elif isinstance(c, exp.PrimaryKeyColumnConstraint):
            table.primary_key = [column.name]
            column.nullable = False
        elif isinstance(c, exp.UniqueColumnConstraint):
            column.unique = True
        elif isinstance(c, exp.DefaultColumnConstraint):
            column.default = c.this
        elif isinstance(c, (exp.AutoIncrementColumnConstraint, exp.GeneratedAsIdentityColumnConstraint)):
            if isinstance(c, exp.GeneratedAsIdentityColumnConstraint) and c.args.get("expression") is not None:
                column.generated = True
            else:
                column.identity = True
                column.nullable = False
        elif isinstance(c, (exp.ComputedColumnConstraint, exp.GeneratedAsRowColumnConstraint)):
            column.generated = True
        elif isinstance(c, exp.CheckColumnConstraint):
            table.checks.append(Check(c.this, c.this.sql(dialect=dialect)))
        elif isinstance(c, exp.Reference):
            table.foreign_keys.append(_reference(c, [column.name], table.name))
        elif isinstance(c, (exp.CommentColumnConstraint, exp.CollateColumnConstraint,
                            exp.CharacterSetColumnConstraint, exp.OnUpdateColumnConstraint)):
            continue
        elif c is not None and c.key == "unsignedcolumnconstraint" or (
                c is not None and c.sql(dialect=dialect).upper() == "UNSIGNED"):
            column.unsigned = True
        elif c is not None:
            warnings.append(f"table {table.name}, column {column.name}: {c.sql(dialect=dialect)} is not read")
    table.columns.append(column)


def _read_table_constraint(table: Table, item: exp.Expression, dialect: str, warnings: list[str]) -> None:
    if isinstance(item, exp.Constraint):  # CONSTRAINT name <body>
        for inner in item.expressions:
            _read_table_constraint(table, inner, dialect, warnings)
        return
    if isinstance(item, exp.PrimaryKey):
        table.primary_key = [_name(e) for e in item.expressions]
        for name in table.primary_key:
            if (col := table.column(name)) is not None:
                col.nullable = False
    elif isinstance(item, exp.ForeignKey):
        if item.args.get("reference") is None:
            warnings.append(f"table {table.name}: {item.sql(dialect=dialect)[:120]} names no REFERENCES "
                            "and is not read")
            return
        table.foreign_keys.append(_reference(item.args["reference"], [_name(e) for e in item.expressions],
                                             table.name))
    elif isinstance(item, exp.UniqueColumnConstraint):
        body = item.this
        names = [_name(e) for e in (body.expressions if isinstance(body, exp.Schema) else
                                    [body] if body is not None else [])]
        if len(names) == 1 and (col := table.column(names[0])) is not None:
            col.unique = True
        elif names:
            table.unique_sets.append(names)
    elif isinstance(item, exp.CheckColumnConstraint):
        table.checks.append(Check(item.this, item.this.sql(dialect=dialect)))
    elif isinstance(item, (exp.IndexColumnConstraint, exp.LikeProperty)):
        return
    else:
        warnings.append(f"table {table.name}: {item.sql(dialect=dialect)[:120]} is not read")


def _read_alter(statement: exp.Alter, tables: dict[str, Table], dialect: str, warnings: list[str]) -> None:
    table = tables.get(statement.this.name)
    if table is None:
        warnings.append(f"ALTER TABLE {statement.this.name} skipped: the table is not created above")
        return
    for action in statement.args.get("actions") or []:
        if isinstance(action, exp.AddConstraint):
            for item in action.expressions:
                _read_table_constraint(table, item, dialect, warnings)
        else:
            warnings.append(f"ALTER TABLE {table.name}: {action.sql(dialect=dialect)[:120]} is not read")


def _reference(ref: exp.Reference, columns: list[str], own_table: str) -> ForeignKey:
    target = ref.this
    if isinstance(target, exp.Schema):
        return ForeignKey(columns, target.this.name, [_name(e) for e in target.expressions])
    return ForeignKey(columns, target.name, [])


def _name(node: exp.Expression) -> str:
    if isinstance(node, exp.Ordered):
        node = node.this
    return node.name


def _describe_parse_error(err: Exception) -> str:
    details = getattr(err, "errors", None) or []
    if details and details[0].get("description"):
        first = details[0]
        near = (first.get("highlight") or "").strip()
        where = f" at line {first.get('line')}, column {first.get('col')}" if first.get("line") else ""
        description = re.sub(r"<Token token_type: [^,]+, text: (.*?), line:.*?>", r"'\1'", first["description"])
        return f"{description}{where}" + (f" (near {near!r})" if near else "")
    return _first_line(err)


def _first_line(err: object) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
