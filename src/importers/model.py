"""What the DDL parser and the database reflector both produce: tables of typed columns with keys
and CHECK expressions, before they become a schema document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

DEFAULT_ROWS = 1000
DEFAULT_CHILDREN = (0, 5)


@dataclass
class Column:
    """One column as declared: its SQL type (a sqlglot DataType) and column-level rules."""

    name: str
    data_type: exp.DataType
    nullable: bool = True
    unique: bool = False
    default: exp.Expression | None = None
    enum_values: list[str] | None = None  # an ENUM type's labels (MySQL inline or a Postgres type)
    identity: bool = False  # SERIAL, AUTO_INCREMENT, GENERATED ... AS IDENTITY
    generated: bool = False  # a computed column: the database fills it
    unsigned: bool = False


@dataclass
class ForeignKey:
    columns: list[str]
    ref_table: str
    ref_columns: list[str]


@dataclass
class Check:
    """A CHECK constraint: the parsed expression and its text as written (for warnings)."""

    expression: exp.Expression
    text: str


@dataclass
class Table:
    name: str
    columns: list[Column] = field(default_factory=list)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    unique_sets: list[list[str]] = field(default_factory=list)  # composite UNIQUE (col, col)
    checks: list[Check] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@dataclass
class ImportResult:
    """A schema document and what could not be carried into it."""

    document: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    total_rows: int | None = None
