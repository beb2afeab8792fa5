"""A live database (``postgresql://...``, ``sqlite:///file.db``) -> schema document.

SQLAlchemy's inspector reads tables, columns, keys and CHECKs; each reflected type, default and
CHECK is rendered as SQL text and parsed with sqlglot, so the DDL importer's mapping applies as is.
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from src.errors import SchemaValidationError
from src.importers.build import build_document
from src.importers.model import DEFAULT_CHILDREN, DEFAULT_ROWS, Check, Column, ForeignKey, ImportResult, Table

_DIALECTS = {"postgresql": "postgres", "sqlite": "sqlite"}
_CONNECT_TIMEOUT_S = 10


def import_database(url: str, *, rows: int = DEFAULT_ROWS, children: tuple[int, int] = DEFAULT_CHILDREN,
                    schema: str | None = None) -> ImportResult:
    """Reflect every table of the database at ``url`` into a relational schema document.

    Raises SchemaValidationError (loc ``url``) when the URL is not usable or the database unreachable.
    """
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SchemaValidationError.single("url", "not a database URL: use postgresql://user@host/db or "
                                           "sqlite:///file.db") from None
    backend = parsed.get_backend_name()
    dialect = _DIALECTS.get(backend)
    if dialect is None:
        raise SchemaValidationError.single("url", f"database {backend!r} is not supported: use postgresql or sqlite")
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        _check_sqlite_file(parsed.database)
    args = {"connect_timeout": _CONNECT_TIMEOUT_S} if backend == "postgresql" else {}
    try:
        engine = create_engine(parsed, connect_args=args)
    except (ArgumentError, NoSuchModuleError, ImportError) as err:
        raise SchemaValidationError.single("url", f"cannot use this URL: {err}") from None
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            tables, enum_types, warnings = _reflect(inspector, dialect, engine.dialect, schema)
    except RecursionError:
        raise SchemaValidationError.single("url", "a CHECK in the database is nested too deeply") from None
    except SQLAlchemyError as err:
        message = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise SchemaValidationError.single("url", f"cannot read the database: {message}") from None
    finally:
        engine.dispose()
    if not tables:
        raise SchemaValidationError.single("url", "the database has no tables")
    try:
        return build_document(tables, enum_types=enum_types, rows=rows, children=children, warnings=warnings)
    except RecursionError:
        raise SchemaValidationError.single("url", "a CHECK in the database is nested too deeply") from None


def _check_sqlite_file(path: str | None) -> None:
    import os

    if not path or path == ":memory:":
        raise SchemaValidationError.single("url", "name a SQLite file: sqlite:///path/to/file.db")
    if not os.path.isfile(path):
        raise SchemaValidationError.single("url", f"no SQLite file at {path}")


def _reflect(inspector, dialect: str, sa_dialect, schema: str | None):
    warnings: list[str] = []
    enum_types: dict[str, list[str]] = {}
    tables = []
    for name in inspector.get_table_names(schema=schema):
        table = Table(name=name)
        for col in inspector.get_columns(name, schema=schema):
            table.columns.append(_column(col, dialect, sa_dialect, table, warnings))
        pk = inspector.get_pk_constraint(name, schema=schema) or {}
        table.primary_key = list(pk.get("constrained_columns") or [])
        for key in table.primary_key:
            if (column := table.column(key)) is not None:
                column.nullable = False
        for fk in inspector.get_foreign_keys(name, schema=schema):
            table.foreign_keys.append(ForeignKey(list(fk["constrained_columns"]), fk["referred_table"],
                                                 list(fk["referred_columns"])))
        for unique in inspector.get_unique_constraints(name, schema=schema):
            columns = list(unique["column_names"])
            if len(columns) == 1 and (column := table.column(columns[0])) is not None:
                column.unique = True
            else:
                table.unique_sets.append(columns)
        for index in _unique_indexes(inspector, name, schema) + _sqlite_unique_sets(inspector, dialect, name):
            if len(index) == 1 and (column := table.column(index[0])) is not None:
                column.unique = True
        try:
            checks = inspector.get_check_constraints(name, schema=schema)
        except NotImplementedError:
            checks = []
        for check in checks:
            text = check["sqltext"]
            try:
                table.checks.append(Check(_parse_expression(text, dialect), text))
            except ValueError as err:
                warnings.append(f"table {name}: CHECK ({text}) not honoured: {err}")
        tables.append(table)
    return tables, enum_types, warnings


def _unique_indexes(inspector, name: str, schema: str | None) -> list[list[str]]:
    try:
        return [list(i["column_names"]) for i in inspector.get_indexes(name, schema=schema)
                if i.get("unique") and all(i["column_names"])]
    except NotImplementedError:
        return []


def _sqlite_unique_sets(inspector, dialect: str, name: str) -> list[list[str]]:
    """SQLite keeps an inline UNIQUE as an automatic index that the inspector does not list."""
    if dialect != "sqlite":
        return []
    from sqlalchemy import text

    connection = inspector.bind
    quoted = name.replace('"', '""')
    out = []
    for row in connection.execute(text(f'PRAGMA index_list("{quoted}")')).mappings():
        if row["unique"] and row["origin"] == "u":
            index = row["name"].replace('"', '""')
            out.append([r["name"] for r in connection.execute(text(f'PRAGMA index_info("{index}")')).mappings()])
    return out


def _column(col: dict, dialect: str, sa_dialect, table: Table, warnings: list[str]) -> Column:
    sa_type = col["type"]
    labels = list(getattr(sa_type, "enums", None) or []) or None
    try:
        type_text = sa_type.compile(dialect=sa_dialect)
        data_type = exp.DataType.build(type_text, dialect=dialect)
    except Exception:  # an exotic type that cannot be rendered or parsed: the mapping reports it
        data_type = exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=exp.to_identifier(str(sa_type)))
    column = Column(name=col["name"], data_type=data_type, nullable=bool(col.get("nullable", True)),
                    enum_values=labels)
    if col.get("computed"):
        column.generated = True
    if col.get("identity"):
        column.identity = True
    default = col.get("default")
    if default is not None:
        try:
            column.default = _parse_expression(str(default), dialect)
        except ValueError:
            warnings.append(f"table {table.name}, column {col['name']}: DEFAULT {default} is not read")
        if "nextval(" in str(default).lower():
            column.identity = True
    if col.get("autoincrement") is True:
        column.identity = True
    return column


def _parse_expression(text: str, dialect: str) -> exp.Expression:
    try:
        node = sqlglot.parse_one(text, read=dialect)
    except (ParseError, TokenError, RecursionError) as err:
        raise ValueError(f"cannot parse {text!r}: {str(err).splitlines()[0] if str(err) else err}") from None
    # A reflected default often carries a cast ('new'::order_status): the value is what counts.
    while isinstance(node, exp.Cast) and isinstance(node.this, (exp.Literal, exp.Cast)):
        node = node.this
    return node
