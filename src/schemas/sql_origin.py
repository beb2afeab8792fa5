"""What a table imported from SQL keeps of its source for the tables synthgen creates: DECIMAL
precision and scale, constant DEFAULTs and the CHECKs the import honoured, so a created table carries
them. Texts are PostgreSQL syntax, parsed by sqlglot and held to an allow-list (comparisons, AND, OR,
NOT, IN, BETWEEN, IS NULL, arithmetic, LENGTH over the table's own columns and constants), so nothing
but a condition reaches a database's CREATE TABLE.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from src.schemas.fields import MAX_RULE_TEXT

READ_DIALECT = "postgres"


class SqlColumnOrigin(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str | None = Field(None, max_length=40, description="NUMERIC(p, s) / DECIMAL(p, s) as declared.")
    default: str | None = Field(None, max_length=200, description="A constant DEFAULT: number, text, boolean.")

    @field_validator("type")
    @classmethod
    def _decimal_type(cls, value: str | None) -> str | None:
        if value is not None:
            parse_decimal_type(value)
        return value

    @field_validator("default")
    @classmethod
    def _constant(cls, value: str | None) -> str | None:
        if value is not None:
            parse_default(value)
        return value


class SqlOrigin(BaseModel):
    """The SQL a table came from, as far as created tables carry it."""

    model_config = ConfigDict(extra="forbid")

    columns: dict[str, SqlColumnOrigin] = Field(default_factory=dict, max_length=500)
    checks: list[str] = Field(default_factory=list, max_length=64, description="CHECK conditions, honoured "
                              "on every generated row, added to created tables.")

    @field_validator("checks")
    @classmethod
    def _conditions(cls, value: list[str]) -> list[str]:
        for text in value:
            if len(text) > MAX_RULE_TEXT:
                raise ValueError(f"a CHECK is at most {MAX_RULE_TEXT} characters")
            parse_check(text)
        return value


def parse_decimal_type(text: str):
    """``NUMERIC(10, 2)`` as a sqlglot DataType; ValueError for anything but a DECIMAL type."""
    from sqlglot import exp
    from sqlglot.errors import ParseError

    try:
        data_type = exp.DataType.build(text, dialect=READ_DIALECT)
    except (ParseError, ValueError):
        raise ValueError(f"type {text!r} is not an SQL type") from None
    if data_type.this != exp.DataType.Type.DECIMAL or len(data_type.expressions) != 2:
        raise ValueError(f"type {text!r}: only NUMERIC(precision, scale) is carried")
    return data_type


def parse_default(text: str):
    """A constant DEFAULT as a sqlglot expression; ValueError otherwise."""
    from sqlglot import exp

    node = _parse(text, "DEFAULT")
    inner = node.this if isinstance(node, exp.Neg) else node
    if not isinstance(inner, (exp.Literal, exp.Boolean)) or (isinstance(node, exp.Neg) and inner.is_string):
        raise ValueError(f"DEFAULT {text!r} is not a constant")
    return node


def parse_check(text: str):
    """A CHECK condition as a sqlglot expression, every node on the allow-list."""
    from sqlglot import exp

    allowed = (exp.Column, exp.Identifier, exp.Literal, exp.Boolean, exp.Null, exp.Paren, exp.And, exp.Or,
               exp.Not, exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.In, exp.Between, exp.Is,
               exp.Neg, exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Length, exp.Tuple)
    node = _parse(text, "CHECK")
    for part in node.walk():
        if not isinstance(part, allowed) or (isinstance(part, exp.Column) and part.table):
            raise ValueError(f"CHECK ({text[:80]}): {type(part).__name__.upper()} is not carried into created "
                             "tables (only comparisons, AND/OR/NOT, IN, BETWEEN, IS NULL, arithmetic, LENGTH)")
    return node


def _parse(text: str, what: str):
    import sqlglot
    from sqlglot.errors import ParseError, TokenError

    try:
        return sqlglot.parse_one(text, read=READ_DIALECT)
    except (ParseError, TokenError, ValueError):
        raise ValueError(f"{what} {text[:80]!r} is not an SQL expression") from None


def unknown_columns(origin: SqlOrigin, names: set[str]) -> list[str]:
    """Columns the origin names (its keys, the CHECKs' columns) that are not fields of the table."""
    from sqlglot import exp

    used = set(origin.columns)
    for text in origin.checks:
        used |= {c.name for c in parse_check(text).find_all(exp.Column)}
    return sorted(used - names)
