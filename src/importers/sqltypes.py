"""SQL column types -> the engine's field types and the ranges the type itself allows.

Shared by the DDL parser and the database reflector (which renders a reflected type as SQL text and
parses it with sqlglot), so both read INTEGER, NUMERIC(10,2) or VARCHAR(40) the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlglot import exp

from src.engine.semantics import classify_name, infer_string_kind, tokenize
from src.importers.model import Column
from src.schemas.fields import MAX_BOUND, MAX_TEXT_LENGTH

T = exp.DataType.Type

# Signed integer types and their (min, max); bounds past ±MAX_BOUND are clipped to what the schema holds.
_INTEGER_RANGES: dict[T, tuple[int, int]] = {
    T.TINYINT: (-2**7, 2**7 - 1), T.SMALLINT: (-2**15, 2**15 - 1), T.MEDIUMINT: (-2**23, 2**23 - 1),
    T.INT: (-2**31, 2**31 - 1), T.BIGINT: (-2**63, 2**63 - 1),
    T.SERIAL: (1, 2**31 - 1), T.SMALLSERIAL: (1, 2**15 - 1), T.BIGSERIAL: (1, 2**63 - 1),
}
_UNSIGNED: dict[T, T] = {T.UTINYINT: T.TINYINT, T.USMALLINT: T.SMALLINT, T.UMEDIUMINT: T.MEDIUMINT,
                         T.UINT: T.INT, T.UBIGINT: T.BIGINT}
_SERIALS = {T.SERIAL, T.SMALLSERIAL, T.BIGSERIAL}
_FLOATS = {T.FLOAT, T.DOUBLE}
_DECIMALS = {T.DECIMAL, T.BIGDECIMAL, T.MONEY, T.SMALLMONEY, T.UDECIMAL}
_TEXTS = {T.VARCHAR, T.NVARCHAR, T.CHAR, T.NCHAR, T.TEXT, T.MEDIUMTEXT, T.LONGTEXT, T.TINYTEXT, T.NAME,
          T.BPCHAR}
_DATES = {T.DATE, T.DATE32}
_DATETIMES = {T.DATETIME, T.DATETIME64, T.TIMESTAMP, T.TIMESTAMPTZ, T.TIMESTAMPLTZ, T.TIMESTAMP_S,
              T.TIMESTAMP_MS, T.TIMESTAMP_NS, T.TIMESTAMPNTZ, T.SMALLDATETIME}
_TIMES = {T.TIME, T.TIMETZ}
# Where DECIMAL has no precision the database's own default applies; generated values stay modest.
_DEFAULT_PRECISION = 18
_REAL_DECIMALS = 2


@dataclass
class Shape:
    """A column's field type and what its SQL type allows: numeric bounds, grid, length, labels."""

    field_type: str
    category: str  # integer | decimal | float | date | datetime | time | text | boolean | uuid | unsupported
    lo: Decimal | None = None
    hi: Decimal | None = None
    decimals: int | None = None
    max_length: int | None = None
    enum_values: list[str] | None = None
    note: str | None = None  # why a type is not honoured

    @property
    def is_numeric(self) -> bool:
        return self.category in ("integer", "decimal", "float")

    @property
    def is_time(self) -> bool:
        return self.category in ("date", "datetime", "time")


def describe_type(data_type: exp.DataType, dialect: str | None = None) -> str:
    """The type as SQL text, for warnings: ``NUMERIC(10, 2)``."""
    return data_type.sql(dialect=dialect)


def map_column(column: Column, enum_types: dict[str, list[str]] | None = None) -> Shape:
    """The shape of a column: its SQL type, ENUM labels and name decide the field type."""
    dt = column.data_type
    kind = dt.this
    params = [_param(p) for p in dt.expressions]
    if column.enum_values is not None or kind in (T.ENUM, T.ENUM8, T.ENUM16, T.SET):
        labels = column.enum_values if column.enum_values is not None else [
            e.name for e in dt.expressions if isinstance(e, exp.Literal)]
        return Shape("enum", "text", enum_values=labels)
    if kind == T.USERDEFINED:
        kind_arg = dt.args.get("kind")
        type_name = (kind_arg if isinstance(kind_arg, str) else kind_arg.name if kind_arg is not None
                     else dt.sql()).lower()
        if enum_types and type_name in enum_types:
            return Shape("enum", "text", enum_values=list(enum_types[type_name]))
        return Shape("string", "unsupported", note=f"type {dt.sql()} is not a known ENUM type")
    unsigned = column.unsigned or kind in _UNSIGNED
    kind = _UNSIGNED.get(kind, kind)
    if kind in _INTEGER_RANGES:
        lo, hi = _INTEGER_RANGES[kind]
        if unsigned:
            lo, hi = 0, hi * 2 + 1
        return Shape("integer", "integer", _clip(lo), _clip(hi), decimals=0)
    if kind in _DECIMALS:
        precision = int(params[0]) if params else _DEFAULT_PRECISION
        scale = int(params[1]) if len(params) > 1 else (2 if kind in (T.MONEY, T.SMALLMONEY) else 0)
        if kind == T.DECIMAL and not params:
            scale = _REAL_DECIMALS  # an unconstrained NUMERIC holds any scale; two places read naturally
        top = Decimal(10) ** (precision - scale) - Decimal(1).scaleb(-scale)
        lo = Decimal(0) if unsigned else -top
        if scale == 0:
            return Shape("integer", "integer", _clip(lo), _clip(top), decimals=0)
        return Shape("decimal", "decimal", _clip(lo), _clip(top), decimals=min(scale, 12))
    if kind in _FLOATS:
        return Shape("float", "float", decimals=_REAL_DECIMALS)
    if kind in (T.BOOLEAN, T.BIT) and (kind == T.BOOLEAN or not params or params == ["1"]):
        return Shape("boolean", "boolean")
    if kind == T.UUID:
        return Shape("uuid", "uuid")
    if kind in _DATES:
        return Shape("date", "date")
    if kind in _DATETIMES:
        return Shape("datetime", "datetime")
    if kind in _TIMES:
        return Shape("time", "time")
    if kind in _TEXTS:
        length = int(params[0]) if params and params[0].isdigit() else None
        return Shape("string", "text", max_length=min(length, MAX_TEXT_LENGTH) if length else None)
    return Shape("string", "unsupported", note=f"type {dt.sql()} has no generator")


def name_meaning(name: str, shape: Shape) -> str:
    """The field type a column's name gives it within its SQL type (email, city, date_of_birth...)."""
    meaning = classify_name(tokenize(name))
    if shape.category == "text" and shape.field_type == "string":
        return infer_string_kind(name) or ("code" if meaning == "code" else "string")
    if shape.category == "date" and meaning == "date_of_birth":
        return "date_of_birth"
    if shape.category in ("decimal", "float") and meaning in ("latitude", "longitude"):
        return meaning
    return shape.field_type


def _param(node: exp.Expression) -> str:
    inner = node.this if isinstance(node, exp.DataTypeParam) else node
    return inner.name if isinstance(inner, (exp.Literal, exp.Var, exp.Identifier)) else inner.sql()


def _clip(value: int | Decimal) -> Decimal:
    bound = Decimal(int(MAX_BOUND))
    return max(-bound, min(bound, Decimal(value)))
