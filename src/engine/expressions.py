"""Expressions for derived and conditional fields: a small SQL-like language evaluated on Arrow arrays.

``parse_expression(text)`` tokenizes and parses by hand (no eval, no Python ``ast``) into a tree;
``Expression.evaluate(columns, n_rows)`` runs it column-at-a-time with ``pyarrow.compute``.

Grammar (keywords are case-insensitive), loosest binding first::

    OR
    AND
    NOT x
    x = y   x == y   x != y   x <> y   x < y   x <= y   x > y   x >= y
    x [NOT] IN (a, b, ...)   x [NOT] BETWEEN a AND b   x IS [NOT] NULL
    x || y                    string concatenation (as in SQL; not "or")
    x + y   x - y
    x * y   x / y   x % y
    -x   +x
    42  3.5  1e3  'text'  "text"  TRUE  FALSE  NULL  column  `odd column`  (x)
    CASE WHEN c THEN v ... [ELSE e] END     CASE x WHEN v THEN r ... [ELSE e] END
    IF(c, a, b)   name(args...)

Semantics:

* ``&&`` and ``!`` are not operators (they are rejected with a hint): use AND / OR / NOT.
* int op int stays int64 for ``+ - * %``; any float promotes to float64. ``/`` always gives float64.
  ``%`` follows Python (the result takes the divisor's sign). Dividing by zero gives null.
  Integer overflow raises ExpressionError.
* Nulls propagate as in SQL: arithmetic and comparisons with a null give null; AND/OR use
  three-valued logic; a CASE/IF condition that is null counts as false; ``concat()`` skips nulls
  while ``||`` propagates them; ``least``/``greatest`` return null when any argument is null.
* A string literal compared with a date/timestamp is read as an ISO date (``d >= '2024-01-01'``).
* ``sqrt``, ``ln``/``log``, ``exp``, ``pow`` give null where the result is not a finite number.
* ``round(x, d)`` rounds half away from zero; a float result is the double nearest the decimal value.
  ``round``, ``abs``, ``floor``, ``ceil`` keep int64 for integers; other math functions give float64.
* ``||`` and ``concat()`` format non-string operands with Arrow (``1.0`` becomes ``'1'``).
* ``substr(s, start[, length])`` is 1-based (a negative start counts from the end); ``round``'s
  digits and ``substr``'s start/length must be integer constants.
* ``date_add(d, n)`` adds n days to a date or timestamp; ``days_between(a, b)`` is ``b - a`` in
  calendar days; ``year``/``month``/``day`` extract parts. ``log`` is the natural logarithm (``ln``).
* Limits, checked before anything recurses: at most MAX_NESTING levels of brackets, calls, CASE,
  NOT and signs inside each other, and at most MAX_DEPTH operations on the tree's longest path.
* Functions: round abs floor ceil(ing) sqrt exp ln log pow power least/min greatest/max coalesce
  concat upper lower length substr/substring date_add days_between year month day, and IF.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["MAX_DEPTH", "MAX_NESTING", "Expression", "ExpressionError", "parse_expression"]

# Bounds checked before anything recurses (parsing, type inference and evaluation are recursive):
MAX_NESTING = 40  # brackets, function calls, CASE, NOT and signs nested inside each other
MAX_DEPTH = 200  # operators on the longest path of the tree (a chain a + b + c ... counts each +)

Value = pa.Array | pa.Scalar

_INT = pa.int64()
_FLOAT = pa.float64()
_STR = pa.string()
_BOOL = pa.bool_()
_DATE = pa.date32()
_NULL = pa.null()

_KEYWORDS = frozenset(
    {"and", "or", "not", "in", "between", "is", "null", "true", "false", "case", "when", "then",
     "else", "end"})


class ExpressionError(ValueError):
    """An expression that cannot be parsed, type-checked or evaluated; names the problem and position."""

    def __init__(self, message: str, position: int | None = None):
        self.problem = message
        self.position = position
        super().__init__(message if position is None else f"{message} at position {position}")


# ---------------------------------------------------------------------------------------------
# Tokenizer

@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, ident, quoted_ident, keyword, op, eof
    text: str
    pos: int
    value: object = None


_TWO_CHAR_OPS = ("<=", ">=", "<>", "!=", "==", "||", "&&")
_ONE_CHAR_OPS = "+-*/%(),=<>!"


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif _is_digit(ch) or (ch == "." and i + 1 < n and _is_digit(text[i + 1])):
            tokens.append(_read_number(text, i))
            i = tokens[-1].pos + len(tokens[-1].text)
        elif ch in "'\"`":
            token = _read_quoted(text, i)
            tokens.append(token)
            i = token.value[1]
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if text[j:j + 1] == "." and (text[j + 1:j + 2].isalpha() or text[j + 1:j + 2] == "_"):
                j += 1  # table.field: a parent row's column in a multi-table document
                while j < n and (text[j].isalnum() or text[j] == "_"):
                    j += 1
            word = text[i:j]
            kind = "keyword" if word.lower() in _KEYWORDS else "ident"
            tokens.append(_Token(kind, word.lower() if kind == "keyword" else word, i))
            i = j
        elif text[i:i + 2] in _TWO_CHAR_OPS:
            op = text[i:i + 2]
            if op == "&&":
                raise ExpressionError("'&&' is not an operator; use AND", i)
            tokens.append(_Token("op", op, i))
            i += 2
        elif ch in _ONE_CHAR_OPS:
            if ch == "!":
                raise ExpressionError("'!' is not an operator; use NOT (or != for 'not equal')", i)
            tokens.append(_Token("op", ch, i))
            i += 1
        else:
            raise ExpressionError(f"unexpected character {ch!r}", i)
    tokens.append(_Token("eof", "", n))
    return tokens


def _is_digit(ch: str) -> bool:
    """ASCII 0-9 only: str.isdigit() also accepts '²', which int() cannot read."""
    return "0" <= ch <= "9"


def _read_number(text: str, start: int) -> _Token:
    i, n = start, len(text)
    while i < n and _is_digit(text[i]):
        i += 1
    is_float = False
    if i < n and text[i] == ".":
        is_float = True
        i += 1
        while i < n and _is_digit(text[i]):
            i += 1
    if i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in "+-":
            j += 1
        if j < n and _is_digit(text[j]):
            is_float = True
            i = j
            while i < n and _is_digit(text[i]):
                i += 1
    if i < n and (text[i].isalpha() or text[i] == "_"):
        raise ExpressionError(f"malformed number {text[start:i + 1]!r}", start)
    literal = text[start:i]
    return _Token("number", literal, start, float(literal) if is_float else int(literal))


def _read_quoted(text: str, start: int) -> _Token:
    """A quoted string or `identifier`; the quote character doubled inside stands for itself."""
    quote = text[start]
    parts = []
    i = start + 1
    while True:
        j = text.find(quote, i)
        if j < 0:
            what = "identifier" if quote == "`" else "string"
            raise ExpressionError(f"unterminated {what} (missing closing {quote})", start)
        parts.append(text[i:j])
        if text[j + 1:j + 2] == quote:
            parts.append(quote)
            i = j + 2
            continue
        end = j + 1
        break
    kind = "quoted_ident" if quote == "`" else "string"
    # value = (content, end index) so the tokenizer knows where to resume
    return _Token(kind, text[start:end], start, ("".join(parts), end))


# ---------------------------------------------------------------------------------------------
# Types

def _type_name(dtype: pa.DataType) -> str:
    if dtype == _INT:
        return "integer"
    if dtype == _FLOAT:
        return "float"
    if dtype == _STR:
        return "string"
    if dtype == _BOOL:
        return "boolean"
    if dtype == _DATE:
        return "date"
    if dtype == _NULL:
        return "null"
    if pa.types.is_timestamp(dtype):
        return "timestamp"
    return str(dtype)


def _normalize_type(dtype: pa.DataType) -> pa.DataType | None:
    """The type a column of ``dtype`` is computed in, or None when expressions cannot use it."""
    if pa.types.is_dictionary(dtype):
        dtype = dtype.value_type
    if pa.types.is_integer(dtype):
        return _INT
    if pa.types.is_floating(dtype) or pa.types.is_decimal(dtype):
        return _FLOAT
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype) or dtype == pa.string_view():
        return _STR
    if pa.types.is_boolean(dtype):
        return _BOOL
    if pa.types.is_date(dtype):
        return _DATE
    if pa.types.is_timestamp(dtype) or pa.types.is_time(dtype) or pa.types.is_duration(dtype):
        return dtype
    if pa.types.is_null(dtype):
        return _NULL
    return None


def _is_numeric(dtype: pa.DataType) -> bool:
    return dtype == _INT or dtype == _FLOAT


def _is_temporal(dtype: pa.DataType) -> bool:
    return dtype == _DATE or pa.types.is_timestamp(dtype)


def _unify_temporal(a: pa.DataType, b: pa.DataType) -> pa.DataType | None:
    if a == b:
        return a
    if a == _DATE:
        return b
    if b == _DATE:
        return a
    if a.tz != b.tz:
        return None
    finer = ("s", "ms", "us", "ns")
    return a if finer.index(a.unit) >= finer.index(b.unit) else b


def _unify(types: list[pa.DataType]) -> pa.DataType | None:
    """The one type several values can share (CASE branches, coalesce, least), or None."""
    result = _NULL
    for dtype in types:
        if dtype == _NULL or dtype == result:
            continue
        if result == _NULL:
            result = dtype
        elif _is_numeric(result) and _is_numeric(dtype):
            result = _FLOAT
        elif _is_temporal(result) and _is_temporal(dtype):
            unified = _unify_temporal(result, dtype)
            if unified is None:
                return None
            result = unified
        else:
            return None
    return result


def _parse_temporal_literal(node: _Literal, target: pa.DataType) -> date | datetime:
    try:
        if target == _DATE:
            return date.fromisoformat(node.value)
        return datetime.fromisoformat(node.value)
    except ValueError:
        raise ExpressionError(f"{node.value!r} is not a valid {_type_name(target)}", node.pos) from None


# ---------------------------------------------------------------------------------------------
# Evaluation context

class _TypeEnv:
    """Field types plus a memo of each node's inferred type (nodes are shared, never mutated)."""

    def __init__(self, types: Mapping[str, pa.DataType]):
        self.types = types
        self._memo: dict[int, pa.DataType] = {}

    def type_of(self, node: _Node) -> pa.DataType:
        key = id(node)
        if key not in self._memo:
            self._memo[key] = node.infer(self)
        return self._memo[key]


class _EvalContext(_TypeEnv):
    def __init__(self, types: Mapping[str, pa.DataType], columns: Mapping[str, pa.Array], n_rows: int):
        super().__init__(types)
        self.columns = columns
        self.n_rows = n_rows

    def value_of(self, node: _Node) -> Value:
        dtype = self.type_of(node)
        if dtype == _NULL:
            return pa.scalar(None)
        return node.compute(self)

    def operand(self, node: _Node, target: pa.DataType) -> Value:
        """``node``'s value cast to ``target``; string literals become dates when compared to dates."""
        if isinstance(node, _Literal) and isinstance(node.value, str) and _is_temporal(target):
            return pa.scalar(_parse_temporal_literal(node, target), target)
        return _cast(self.value_of(node), target)


def _cast(value: Value, target: pa.DataType) -> Value:
    if value.type == target:
        return value
    if isinstance(value, pa.Scalar):
        return value.cast(target)
    return pc.cast(value, target)


def _broadcast(value: Value, dtype: pa.DataType, n_rows: int) -> pa.Array:
    if isinstance(value, pa.Scalar):
        if dtype == _NULL:
            return pa.nulls(n_rows)
        return pa.repeat(_cast(value, dtype), n_rows)
    return _cast(value, dtype)


def _is_zero(value: Value) -> Value:
    return pc.equal(value, pa.scalar(0, value.type))


def _null_where(mask: Value, value: Value) -> Value:
    """``value`` with nulls where ``mask`` is true."""
    return pc.if_else(mask, pa.scalar(None, value.type), value)


def _checked(op: Callable[..., Value], *args: Value, node: _Node) -> Value:
    try:
        return op(*args)
    except pa.ArrowInvalid as exc:
        raise ExpressionError(f"{node.describe()} failed: {exc}", node.pos) from None


# ---------------------------------------------------------------------------------------------
# Tree nodes

class _Node:
    pos: int

    def children(self) -> tuple[_Node, ...]:
        return ()

    def describe(self) -> str:
        return type(self).__name__.strip("_").lower()

    def infer(self, env: _TypeEnv) -> pa.DataType:
        raise NotImplementedError

    def compute(self, ctx: _EvalContext) -> Value:
        raise NotImplementedError


class _Literal(_Node):
    def __init__(self, value: object, pos: int):
        self.value = value
        self.pos = pos

    def infer(self, env: _TypeEnv) -> pa.DataType:
        if self.value is None:
            return _NULL
        if isinstance(self.value, bool):
            return _BOOL
        if isinstance(self.value, int):
            return _INT
        if isinstance(self.value, float):
            return _FLOAT
        return _STR

    def compute(self, ctx: _EvalContext) -> Value:
        return pa.scalar(self.value, ctx.type_of(self))


class _Column(_Node):
    def __init__(self, name: str, pos: int):
        self.name = name
        self.pos = pos

    def infer(self, env: _TypeEnv) -> pa.DataType:
        if self.name not in env.types:
            raise ExpressionError(f"unknown field {self.name!r}", self.pos)
        dtype = _normalize_type(env.types[self.name])
        if dtype is None:
            raise ExpressionError(
                f"field {self.name!r} has type {env.types[self.name]}, which expressions cannot use",
                self.pos)
        return dtype

    def compute(self, ctx: _EvalContext) -> Value:
        return ctx.columns[self.name]


_ARITHMETIC = {"+": pc.add_checked, "-": pc.subtract_checked, "*": pc.multiply_checked}
_COMPARISONS = {"=": pc.equal, "==": pc.equal, "!=": pc.not_equal, "<>": pc.not_equal,
                "<": pc.less, "<=": pc.less_equal, ">": pc.greater, ">=": pc.greater_equal}


class _Binary(_Node):
    def __init__(self, op: str, left: _Node, right: _Node, pos: int):
        self.op = op
        self.left = left
        self.right = right
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return (self.left, self.right)

    def describe(self) -> str:
        return f"{self.op.upper()!r}"

    def infer(self, env: _TypeEnv) -> pa.DataType:
        left, right = env.type_of(self.left), env.type_of(self.right)
        if self.op in ("and", "or"):
            for dtype in (left, right):
                if dtype not in (_BOOL, _NULL):
                    raise ExpressionError(
                        f"{self.op.upper()} needs true/false conditions, got {_type_name(dtype)}", self.pos)
            return _BOOL
        if self.op == "||":
            return _STR
        if self.op in _COMPARISONS:
            _comparison_type(env, self.left, self.right, self.pos)
            return _BOOL
        for dtype in (left, right):
            if dtype != _NULL and not _is_numeric(dtype):
                raise ExpressionError(
                    f"{self.op!r} needs numbers, got {_type_name(left)} and {_type_name(right)}"
                    + _arithmetic_hint(self.op, dtype), self.pos)
        if self.op == "/":
            return _FLOAT
        if left == _NULL and right == _NULL:
            return _NULL
        return _FLOAT if _FLOAT in (left, right) else _INT

    def compute(self, ctx: _EvalContext) -> Value:
        if self.op in ("and", "or"):
            kernel = pc.and_kleene if self.op == "and" else pc.or_kleene
            return kernel(ctx.operand(self.left, _BOOL), ctx.operand(self.right, _BOOL))
        if self.op == "||":
            return pc.binary_join_element_wise(
                _as_string(ctx.value_of(self.left)), _as_string(ctx.value_of(self.right)), "")
        if self.op in _COMPARISONS:
            return _compare(ctx, self.op, self.left, self.right, self.pos)
        result_type = ctx.type_of(self)
        if self.op == "/":
            left, right = ctx.operand(self.left, _FLOAT), ctx.operand(self.right, _FLOAT)
            return _null_where(_is_zero(right), pc.divide(left, right))
        left, right = ctx.operand(self.left, result_type), ctx.operand(self.right, result_type)
        if self.op == "%":
            zero = _is_zero(right)
            safe_right = pc.if_else(zero, pa.scalar(1, result_type), right)
            return _null_where(zero, _checked(pc.modulo, left, safe_right, node=self))
        return _checked(_ARITHMETIC[self.op], left, right, node=self)


def _arithmetic_hint(op: str, dtype: pa.DataType) -> str:
    if dtype == _STR and op == "+":
        return " (join strings with || or concat())"
    if _is_temporal(dtype):
        return " (use date_add() or days_between() for dates)"
    return ""


def _comparison_type(env: _TypeEnv, left: _Node, right: _Node, pos: int) -> pa.DataType:
    """The type both sides of a comparison are cast to; raises when they cannot be compared."""
    lt, rt = env.type_of(left), env.type_of(right)
    if lt == _NULL or rt == _NULL:
        return rt if lt == _NULL else lt
    if _is_numeric(lt) and _is_numeric(rt):
        return _FLOAT if _FLOAT in (lt, rt) else _INT
    if _is_temporal(lt) and _is_temporal(rt):
        unified = _unify_temporal(lt, rt)
        if unified is not None:
            return unified
    for side, dtype, other in ((left, lt, rt), (right, rt, lt)):
        if _is_temporal(other) and dtype == _STR and isinstance(side, _Literal):
            _parse_temporal_literal(side, other)
            return other
    if lt == rt:
        return lt
    raise ExpressionError(f"cannot compare {_type_name(lt)} with {_type_name(rt)}", pos)


def _compare(ctx: _EvalContext, op: str, left: _Node, right: _Node, pos: int) -> Value:
    common = _comparison_type(ctx, left, right, pos)
    if common == _NULL:
        return pa.scalar(None, _BOOL)
    return _COMPARISONS[op](ctx.operand(left, common), ctx.operand(right, common))


def _as_string(value: Value) -> Value:
    return _cast(value, _STR)


class _Unary(_Node):
    def __init__(self, op: str, operand: _Node, pos: int):
        self.op = op
        self.operand = operand
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return (self.operand,)

    def describe(self) -> str:
        return f"unary {self.op.upper()!r}"

    def infer(self, env: _TypeEnv) -> pa.DataType:
        dtype = env.type_of(self.operand)
        if self.op == "not":
            if dtype not in (_BOOL, _NULL):
                raise ExpressionError(f"NOT needs a true/false condition, got {_type_name(dtype)}", self.pos)
            return _BOOL
        if dtype != _NULL and not _is_numeric(dtype):
            raise ExpressionError(f"unary {self.op!r} needs a number, got {_type_name(dtype)}", self.pos)
        return dtype

    def compute(self, ctx: _EvalContext) -> Value:
        value = ctx.value_of(self.operand)
        if self.op == "not":
            return pc.invert(_cast(value, _BOOL))
        if self.op == "+":
            return value
        return _checked(pc.negate_checked, value, node=self)


class _InList(_Node):
    def __init__(self, operand: _Node, items: list[_Node], negated: bool, pos: int):
        self.operand = operand
        self.items = items
        self.negated = negated
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return (self.operand, *self.items)

    def infer(self, env: _TypeEnv) -> pa.DataType:
        for item in self.items:
            _comparison_type(env, self.operand, item, item.pos)
        return _BOOL

    def compute(self, ctx: _EvalContext) -> Value:
        common = _unify([_comparison_type(ctx, self.operand, item, item.pos) for item in self.items])
        if common is None or common == _NULL:
            return pa.scalar(None, _BOOL)
        operand = ctx.operand(self.operand, common)
        literal_values = [ctx.operand(item, common) for item in self.items
                          if isinstance(item, _Literal) and item.value is not None]
        if len(literal_values) == len(self.items):
            # every item is a non-null constant: one hash lookup instead of an OR chain
            value_set = pa.array([v.as_py() for v in literal_values], type=common)
            found = pc.is_in(operand, value_set=value_set)
            result = _null_where(pc.is_null(operand), found)
        else:
            result = None
            for item in self.items:
                hit = pc.equal(operand, ctx.operand(item, common))
                result = hit if result is None else pc.or_kleene(result, hit)
        return pc.invert(result) if self.negated else result


class _Between(_Node):
    def __init__(self, operand: _Node, low: _Node, high: _Node, negated: bool, pos: int):
        self.operand = operand
        self.low = low
        self.high = high
        self.negated = negated
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return (self.operand, self.low, self.high)

    def infer(self, env: _TypeEnv) -> pa.DataType:
        _comparison_type(env, self.operand, self.low, self.pos)
        _comparison_type(env, self.operand, self.high, self.pos)
        return _BOOL

    def compute(self, ctx: _EvalContext) -> Value:
        result = pc.and_kleene(_compare(ctx, ">=", self.operand, self.low, self.pos),
                               _compare(ctx, "<=", self.operand, self.high, self.pos))
        return pc.invert(result) if self.negated else result


class _IsNull(_Node):
    def __init__(self, operand: _Node, negated: bool, pos: int):
        self.operand = operand
        self.negated = negated
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return (self.operand,)

    def infer(self, env: _TypeEnv) -> pa.DataType:
        env.type_of(self.operand)
        return _BOOL

    def compute(self, ctx: _EvalContext) -> Value:
        value = ctx.value_of(self.operand)
        return pc.is_valid(value) if self.negated else pc.is_null(value)


class _Case(_Node):
    def __init__(self, branches: list[tuple[_Node, _Node]], default: _Node | None, pos: int):
        self.branches = branches
        self.default = default
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        nodes = [n for branch in self.branches for n in branch]
        return (*nodes, self.default) if self.default is not None else tuple(nodes)

    def results(self) -> list[_Node]:
        return [value for _, value in self.branches] + ([self.default] if self.default else [])

    def infer(self, env: _TypeEnv) -> pa.DataType:
        for condition, _ in self.branches:
            dtype = env.type_of(condition)
            if dtype not in (_BOOL, _NULL):
                raise ExpressionError(f"condition must be true/false, got {_type_name(dtype)}",
                                      condition.pos)
        result_types = [env.type_of(node) for node in self.results()]
        unified = _unify(result_types)
        if unified is None:
            names = sorted({_type_name(t) for t in result_types if t != _NULL})
            raise ExpressionError(f"results mix {' and '.join(names)} (all must share one type)", self.pos)
        return unified

    def compute(self, ctx: _EvalContext) -> Value:
        result_type = ctx.type_of(self)
        n = ctx.n_rows
        conditions = [_broadcast(ctx.operand(cond, _BOOL), _BOOL, n) for cond, _ in self.branches]
        values = [ctx.operand(node, result_type) for node in self.results()]
        selector = pa.StructArray.from_arrays(conditions, names=[f"c{i}" for i in range(len(conditions))])
        return pc.case_when(selector, *values)


class _Call(_Node):
    def __init__(self, name: str, args: list[_Node], pos: int):
        self.name = name
        self.function = _FUNCTIONS[name]
        self.args = args
        self.pos = pos

    def children(self) -> tuple[_Node, ...]:
        return tuple(self.args)

    def describe(self) -> str:
        return f"{self.name}()"

    def arg_types(self, env: _TypeEnv) -> list[pa.DataType]:
        return [env.type_of(arg) for arg in self.args]

    def infer(self, env: _TypeEnv) -> pa.DataType:
        return self.function.infer(self, env)

    def compute(self, ctx: _EvalContext) -> Value:
        return self.function.compute(self, ctx)

    def fail(self, problem: str) -> ExpressionError:
        return ExpressionError(f"{self.name}() {problem}", self.pos)


# ---------------------------------------------------------------------------------------------
# Functions

@dataclass(frozen=True)
class _Function:
    min_args: int
    max_args: int | None
    infer: Callable[[_Call, _TypeEnv], pa.DataType]
    compute: Callable[[_Call, _EvalContext], Value]
    constant_args: tuple[int, ...] = ()  # argument indexes that must be integer constants


def _require_numeric(call: _Call, env: _TypeEnv, index: int = 0) -> pa.DataType:
    dtype = env.type_of(call.args[index])
    if dtype != _NULL and not _is_numeric(dtype):
        raise call.fail(f"needs a number, got {_type_name(dtype)}")
    return dtype


def _require_type(call: _Call, env: _TypeEnv, index: int, accepted: Callable[[pa.DataType], bool],
                  what: str) -> pa.DataType:
    dtype = env.type_of(call.args[index])
    if dtype != _NULL and not accepted(dtype):
        raise call.fail(f"argument {index + 1} must be {what}, got {_type_name(dtype)}")
    return dtype


def _infer_same_numeric(call: _Call, env: _TypeEnv) -> pa.DataType:
    if len(call.args) > 1:
        _require_numeric(call, env, 1)
    return _require_numeric(call, env)


def _infer_float(call: _Call, env: _TypeEnv) -> pa.DataType:
    for index in range(len(call.args)):
        _require_numeric(call, env, index)
    return _FLOAT


def _constant(call: _Call, index: int, default: int | None = None) -> int | None:
    return call.args[index].value if index < len(call.args) else default


def _to_numpy_float(value: pa.Array) -> np.ndarray:
    return value.to_numpy(zero_copy_only=False)  # nulls read as NaN; restored afterwards


def _from_numpy_like(values: np.ndarray, like: pa.Array) -> pa.Array:
    if like.null_count:
        return pa.array(values, mask=pc.is_null(like).to_numpy(zero_copy_only=False))
    return pa.array(values)


def _round_half_away(values: np.ndarray, digits: int) -> np.ndarray:
    """Round to ``digits`` decimals, half away from zero; the result is the double nearest k / 10**d."""
    if digits > 22:
        return values.copy()
    with np.errstate(invalid="ignore", over="ignore"):
        if digits >= 0:
            scale = 10.0 ** digits
            scaled = np.abs(values * scale)
            whole = np.floor(scaled)
            whole += (scaled - whole) >= 0.5
            result = np.copysign(whole, values) / scale
            # beyond 2**52 the scaled value is already whole: keep it exactly as it was
            keep = ~(scaled < 2.0 ** 52)
        else:
            scale = 10.0 ** -digits
            scaled = np.abs(values / scale)
            whole = np.floor(scaled)
            whole += (scaled - whole) >= 0.5
            result = np.copysign(whole * scale, values)
            keep = ~np.isfinite(values)
    return np.where(keep, values, result)


def _compute_round(call: _Call, ctx: _EvalContext) -> Value:
    digits = _constant(call, 1, 0)
    value = _broadcast(ctx.value_of(call.args[0]), ctx.type_of(call), ctx.n_rows)
    if value.type == _INT:
        if digits >= 0:
            return value
        return _checked(lambda v: pc.round(v, digits, round_mode="half_towards_infinity"), value, node=call)
    return _from_numpy_like(_round_half_away(_to_numpy_float(value), digits), value)


def _compute_unary_kernel(kernel: Callable[[Value], Value]) -> Callable[[_Call, _EvalContext], Value]:
    def compute(call: _Call, ctx: _EvalContext) -> Value:
        return _checked(kernel, ctx.operand(call.args[0], ctx.type_of(call)), node=call)
    return compute


def _finite_or_null(value: Value) -> Value:
    return _null_where(pc.invert(pc.is_finite(value)), value)


def _compute_float_kernel(kernel: Callable[..., Value]) -> Callable[[_Call, _EvalContext], Value]:
    def compute(call: _Call, ctx: _EvalContext) -> Value:
        args = [ctx.operand(arg, _FLOAT) for arg in call.args]
        with np.errstate(all="ignore"):
            return _finite_or_null(kernel(*args))
    return compute


def _sqrt(value: Value) -> Value:
    return pc.sqrt(_null_where(pc.less(value, 0.0), value))


def _ln(value: Value) -> Value:
    return pc.ln(_null_where(pc.less_equal(value, 0.0), value))


def _infer_unified(call: _Call, env: _TypeEnv) -> pa.DataType:
    types = call.arg_types(env)
    unified = _unify(types)
    if unified is None:
        names = sorted({_type_name(t) for t in types if t != _NULL})
        raise call.fail(f"arguments mix {' and '.join(names)} (all must share one type)")
    return unified


def _infer_ordered(call: _Call, env: _TypeEnv) -> pa.DataType:
    unified = _infer_unified(call, env)
    if unified not in (_NULL, _STR) and not _is_numeric(unified) and not _is_temporal(unified):
        raise call.fail(f"cannot order {_type_name(unified)} values")
    return unified


def _compute_element_wise(kernel: Callable[..., Value]) -> Callable[[_Call, _EvalContext], Value]:
    def compute(call: _Call, ctx: _EvalContext) -> Value:
        result_type = ctx.type_of(call)
        args = [_broadcast(ctx.operand(arg, result_type), result_type, ctx.n_rows) for arg in call.args]
        return kernel(*args, skip_nulls=False)
    return compute


def _compute_coalesce(call: _Call, ctx: _EvalContext) -> Value:
    result_type = ctx.type_of(call)
    return pc.coalesce(*[ctx.operand(arg, result_type) for arg in call.args])


def _compute_concat(call: _Call, ctx: _EvalContext) -> Value:
    parts = [_as_string(ctx.value_of(arg)) for arg in call.args]
    if len(parts) == 1:
        return pc.coalesce(parts[0], pa.scalar(""))
    return pc.binary_join_element_wise(*parts, "", null_handling="skip")


def _infer_string_function(result: pa.DataType) -> Callable[[_Call, _EvalContext], pa.DataType]:
    def infer(call: _Call, env: _TypeEnv) -> pa.DataType:
        _require_type(call, env, 0, lambda t: t == _STR, "a string")
        return result
    return infer


def _compute_length(call: _Call, ctx: _EvalContext) -> Value:
    return pc.cast(pc.utf8_length(ctx.operand(call.args[0], _STR)), _INT)


def _compute_substr(call: _Call, ctx: _EvalContext) -> Value:
    start = _constant(call, 1)
    length = _constant(call, 2)
    begin = start - 1 if start > 0 else (start if start < 0 else 0)
    if length is None:
        stop = None
    else:
        stop = begin + max(length, 0)
        if begin < 0 <= stop:
            stop = None
    value = _broadcast(ctx.operand(call.args[0], _STR), _STR, ctx.n_rows)
    return pc.utf8_slice_codeunits(value, start=begin, stop=stop)


def _infer_date_add(call: _Call, env: _TypeEnv) -> pa.DataType:
    dtype = _require_type(call, env, 0, _is_temporal, "a date or timestamp")
    _require_type(call, env, 1, lambda t: t == _INT, "a whole number of days")
    return dtype


_TICKS_PER_DAY = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


def _compute_date_add(call: _Call, ctx: _EvalContext) -> Value:
    result_type = ctx.type_of(call)
    base = _broadcast(ctx.value_of(call.args[0]), result_type, ctx.n_rows)
    days = ctx.operand(call.args[1], _INT)
    if result_type == _DATE:
        storage, step = pc.cast(base.view(pa.int32()), _INT), days
    else:
        storage = base.view(_INT)
        step = _checked(pc.multiply_checked, days, pa.scalar(_TICKS_PER_DAY[result_type.unit]), node=call)
    moved = _checked(pc.add_checked, storage, step, node=call)
    if result_type == _DATE:
        return _checked(lambda v: pc.cast(v, pa.int32()), moved, node=call).view(_DATE)
    return moved.view(result_type)


def _infer_days_between(call: _Call, env: _TypeEnv) -> pa.DataType:
    first = _require_type(call, env, 0, _is_temporal, "a date or timestamp")
    second = _require_type(call, env, 1, _is_temporal, "a date or timestamp")
    if first != _NULL and second != _NULL and _unify_temporal(first, second) is None:
        raise call.fail("cannot mix timestamps with and without a time zone")
    return _INT


def _compute_days_between(call: _Call, ctx: _EvalContext) -> Value:
    types = [t for t in call.arg_types(ctx) if t != _NULL]
    if len(types) < 2:
        return pa.scalar(None, _INT)
    common = _unify_temporal(*types)
    return pc.days_between(ctx.operand(call.args[0], common), ctx.operand(call.args[1], common))


def _infer_date_part(call: _Call, env: _TypeEnv) -> pa.DataType:
    _require_type(call, env, 0, _is_temporal, "a date or timestamp")
    return _INT


def _compute_date_part(kernel: Callable[[Value], Value]) -> Callable[[_Call, _EvalContext], Value]:
    def compute(call: _Call, ctx: _EvalContext) -> Value:
        return pc.cast(kernel(ctx.value_of(call.args[0])), _INT)
    return compute


def _string_kernel(kernel: Callable[[Value], Value]) -> Callable[[_Call, _EvalContext], Value]:
    def compute(call: _Call, ctx: _EvalContext) -> Value:
        return kernel(ctx.operand(call.args[0], _STR))
    return compute


def _infer_any_to_string(call: _Call, env: _TypeEnv) -> pa.DataType:
    call.arg_types(env)
    return _STR


_FUNCTIONS: dict[str, _Function] = {
    "round": _Function(1, 2, _infer_same_numeric, _compute_round, constant_args=(1,)),
    "abs": _Function(1, 1, _infer_same_numeric, _compute_unary_kernel(pc.abs_checked)),
    "floor": _Function(1, 1, _infer_same_numeric, _compute_unary_kernel(
        lambda v: v if v.type == _INT else pc.floor(v))),
    "ceil": _Function(1, 1, _infer_same_numeric, _compute_unary_kernel(
        lambda v: v if v.type == _INT else pc.ceil(v))),
    "sqrt": _Function(1, 1, _infer_float, _compute_float_kernel(_sqrt)),
    "exp": _Function(1, 1, _infer_float, _compute_float_kernel(pc.exp)),
    "ln": _Function(1, 1, _infer_float, _compute_float_kernel(_ln)),
    "pow": _Function(2, 2, _infer_float, _compute_float_kernel(pc.power)),
    "least": _Function(2, None, _infer_ordered, _compute_element_wise(pc.min_element_wise)),
    "greatest": _Function(2, None, _infer_ordered, _compute_element_wise(pc.max_element_wise)),
    "coalesce": _Function(1, None, _infer_unified, _compute_coalesce),
    "concat": _Function(1, None, _infer_any_to_string, _compute_concat),
    "upper": _Function(1, 1, _infer_string_function(_STR), _string_kernel(pc.utf8_upper)),
    "lower": _Function(1, 1, _infer_string_function(_STR), _string_kernel(pc.utf8_lower)),
    "length": _Function(1, 1, _infer_string_function(_INT), _compute_length),
    "substr": _Function(2, 3, _infer_string_function(_STR), _compute_substr, constant_args=(1, 2)),
    "date_add": _Function(2, 2, _infer_date_add, _compute_date_add),
    "days_between": _Function(2, 2, _infer_days_between, _compute_days_between),
    "year": _Function(1, 1, _infer_date_part, _compute_date_part(pc.year)),
    "month": _Function(1, 1, _infer_date_part, _compute_date_part(pc.month)),
    "day": _Function(1, 1, _infer_date_part, _compute_date_part(pc.day)),
}
_ALIASES = {"log": "ln", "power": "pow", "min": "least", "max": "greatest", "substring": "substr",
            "ceiling": "ceil"}
_FUNCTION_NAMES = sorted([*_FUNCTIONS, *_ALIASES, "if"])


def _arity_text(function: _Function) -> str:
    low, high = function.min_args, function.max_args
    if high is None:
        return f"at least {low} argument{'s' if low > 1 else ''}"
    if low == high:
        return f"{low} argument{'s' if low > 1 else ''}"
    return f"{low} or {high} arguments" if high == low + 1 else f"{low} to {high} arguments"


# ---------------------------------------------------------------------------------------------
# Parser

class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokenize(text)
        self.index = 0
        self.nesting = 0

    def enter(self, pos: int) -> None:
        """One level deeper (a bracket, call, CASE, NOT or sign); refuses before Python's stack would."""
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ExpressionError(f"the expression nests more than {MAX_NESTING} levels deep", pos)

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at_keyword(self, *words: str) -> bool:
        return self.current.kind == "keyword" and self.current.text in words

    def at_op(self, *ops: str) -> bool:
        return self.current.kind == "op" and self.current.text in ops

    def expect_keyword(self, word: str, context: str) -> _Token:
        if not self.at_keyword(word):
            raise self.unexpected(f"expected {word.upper()} {context}")
        return self.advance()

    def expect_op(self, op: str, context: str) -> _Token:
        if not self.at_op(op):
            raise self.unexpected(f"expected {op!r} {context}")
        return self.advance()

    def unexpected(self, problem: str) -> ExpressionError:
        token = self.current
        found = "end of expression" if token.kind == "eof" else repr(token.text)
        return ExpressionError(f"{problem}, found {found}", token.pos)

    def parse(self) -> _Node:
        if self.current.kind == "eof":
            raise ExpressionError("empty expression", 0)
        node = self.parse_or()
        _check_depth(node)
        if self.current.kind != "eof":
            if self.current.kind == "op" and self.current.text in _COMPARISONS:
                raise ExpressionError("comparisons cannot be chained; combine them with AND",
                                      self.current.pos)
            raise self.unexpected("expected an operator or the end")
        return node

    def parse_or(self) -> _Node:
        self.enter(self.current.pos)
        node = self.parse_and()
        while self.at_keyword("or"):
            pos = self.advance().pos
            node = _Binary("or", node, self.parse_and(), pos)
        self.nesting -= 1
        return node

    def parse_and(self) -> _Node:
        node = self.parse_not()
        while self.at_keyword("and"):
            pos = self.advance().pos
            node = _Binary("and", node, self.parse_not(), pos)
        return node

    def parse_not(self) -> _Node:
        if self.at_keyword("not"):
            pos = self.advance().pos
            self.enter(pos)
            node = _Unary("not", self.parse_not(), pos)
            self.nesting -= 1
            return node
        return self.parse_comparison()

    def parse_comparison(self) -> _Node:
        left = self.parse_concat()
        token = self.current
        if token.kind == "op" and token.text in _COMPARISONS:
            self.advance()
            return _Binary(token.text, left, self.parse_concat(), token.pos)
        negated = False
        if self.at_keyword("not") and self.tokens[self.index + 1].kind == "keyword" \
                and self.tokens[self.index + 1].text in ("in", "between"):
            negated = True
            self.advance()
        if self.at_keyword("in"):
            pos = self.advance().pos
            self.expect_op("(", "after IN")
            items = [self.parse_or()]
            while self.at_op(","):
                self.advance()
                items.append(self.parse_or())
            self.expect_op(")", "to close the IN list")
            return _InList(left, items, negated, pos)
        if self.at_keyword("between"):
            pos = self.advance().pos
            low = self.parse_concat()
            self.expect_keyword("and", "in BETWEEN ... AND ...")
            return _Between(left, low, self.parse_concat(), negated, pos)
        if self.at_keyword("is"):
            pos = self.advance().pos
            is_not = self.at_keyword("not")
            if is_not:
                self.advance()
            self.expect_keyword("null", "after IS" + (" NOT" if is_not else ""))
            return _IsNull(left, is_not, pos)
        return left

    def parse_concat(self) -> _Node:
        node = self.parse_additive()
        while self.at_op("||"):
            pos = self.advance().pos
            node = _Binary("||", node, self.parse_additive(), pos)
        return node

    def parse_additive(self) -> _Node:
        node = self.parse_multiplicative()
        while self.at_op("+", "-"):
            token = self.advance()
            node = _Binary(token.text, node, self.parse_multiplicative(), token.pos)
        return node

    def parse_multiplicative(self) -> _Node:
        node = self.parse_unary()
        while self.at_op("*", "/", "%"):
            token = self.advance()
            node = _Binary(token.text, node, self.parse_unary(), token.pos)
        return node

    def parse_unary(self) -> _Node:
        if self.at_op("-", "+"):
            token = self.advance()
            self.enter(token.pos)
            operand = self.parse_unary()
            self.nesting -= 1
            if isinstance(operand, _Literal) and isinstance(operand.value, (int, float)) \
                    and not isinstance(operand.value, bool):
                # fold so that -5 is a constant (round(x, -1), substr(s, -3) need constants)
                value = -operand.value if token.text == "-" else operand.value
                return self.literal(value, token.pos)
            return _Unary(token.text, operand, token.pos)
        return self.parse_primary()

    def literal(self, value: object, pos: int) -> _Literal:
        if isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**63:
            raise ExpressionError("integer literal does not fit in 64 bits", pos)
        if isinstance(value, float) and not math.isfinite(value):
            raise ExpressionError("number literal is too large", pos)
        return _Literal(value, pos)

    def parse_primary(self) -> _Node:
        token = self.current
        if token.kind == "number":
            self.advance()
            return self.literal(token.value, token.pos)
        if token.kind == "string":
            self.advance()
            return _Literal(token.value[0], token.pos)
        if token.kind == "quoted_ident":
            self.advance()
            return _Column(token.value[0], token.pos)
        if token.kind == "keyword":
            if token.text in ("true", "false", "null"):
                self.advance()
                return _Literal({"true": True, "false": False, "null": None}[token.text], token.pos)
            if token.text == "case":
                return self.parse_case()
            raise self.unexpected("expected a value")
        if token.kind == "ident":
            self.advance()
            if self.at_op("("):
                return self.parse_call(token)
            return _Column(token.text, token.pos)
        if self.at_op("("):
            self.advance()
            node = self.parse_or()
            self.expect_op(")", "to close '('")
            return node
        raise self.unexpected("expected a value")

    def parse_case(self) -> _Node:
        pos = self.advance().pos
        if self.at_keyword("end", "else", "then"):
            raise self.unexpected("expected WHEN after CASE")
        subject = None if self.at_keyword("when") else self.parse_or()
        branches = []
        while self.at_keyword("when"):
            when = self.advance()
            condition = self.parse_or()
            if subject is not None:
                condition = _Binary("=", subject, condition, when.pos)
            self.expect_keyword("then", "after the WHEN condition")
            branches.append((condition, self.parse_or()))
        if not branches:
            raise self.unexpected("expected WHEN after CASE")
        default = None
        if self.at_keyword("else"):
            self.advance()
            default = self.parse_or()
        self.expect_keyword("end", "to close CASE")
        return _Case(branches, default, pos)

    def parse_call(self, name_token: _Token) -> _Node:
        self.advance()  # "("
        args: list[_Node] = []
        if not self.at_op(")"):
            args.append(self.parse_or())
            while self.at_op(","):
                self.advance()
                args.append(self.parse_or())
        self.expect_op(")", f"to close {name_token.text}(")
        name = name_token.text.lower()
        if name == "if":
            if len(args) != 3:
                raise ExpressionError(f"if() takes 3 arguments (condition, then, else), got {len(args)}",
                                      name_token.pos)
            return _Case([(args[0], args[1])], args[2], name_token.pos)
        name = _ALIASES.get(name, name)
        function = _FUNCTIONS.get(name)
        if function is None:
            close = difflib.get_close_matches(name_token.text.lower(), _FUNCTION_NAMES, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise ExpressionError(f"unknown function {name_token.text!r}{hint}", name_token.pos)
        if len(args) < function.min_args or (function.max_args is not None and len(args) > function.max_args):
            raise ExpressionError(f"{name}() takes {_arity_text(function)}, got {len(args)}", name_token.pos)
        for index in function.constant_args:
            if index < len(args):
                arg = args[index]
                if not (isinstance(arg, _Literal) and isinstance(arg.value, int)
                        and not isinstance(arg.value, bool)):
                    raise ExpressionError(f"{name}() argument {index + 1} must be a whole-number constant",
                                          arg.pos)
        return _Call(name, args, name_token.pos)


def _check_depth(root: _Node) -> None:
    """Refuse a tree deeper than MAX_DEPTH, measured without recursion (inference and evaluation recurse)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(f"the expression is more than {MAX_DEPTH} operations deep; "
                                  "split it across helper fields", node.pos)
        stack.extend((child, depth + 1) for child in node.children())


# ---------------------------------------------------------------------------------------------
# Public API

class Expression:
    """A parsed expression: which fields it reads, its result type, and vectorized evaluation."""

    __slots__ = ("text", "_root")

    def __init__(self, text: str, root: _Node):
        self.text = text
        self._root = root

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    def referenced_fields(self) -> set[str]:
        """Names of the columns the expression reads."""
        names: set[str] = set()
        stack = [self._root]
        while stack:
            node = stack.pop()
            if isinstance(node, _Column):
                names.add(node.name)
            stack.extend(node.children())
        return names

    def infer_type(self, types: Mapping[str, pa.DataType]) -> pa.DataType:
        """The Arrow type ``evaluate`` returns for columns of these types; ExpressionError on mismatch.

        Results are int64, float64, string, bool, date32, a timestamp type, or null (always null).
        """
        return _TypeEnv(types).type_of(self._root)

    def evaluate(self, columns: Mapping[str, pa.Array | pa.ChunkedArray], n_rows: int) -> pa.Array:
        """The expression over ``n_rows`` rows; ``columns`` must hold every referenced field."""
        prepared: dict[str, pa.Array] = {}
        types: dict[str, pa.DataType] = {}
        for name in self.referenced_fields():
            if name not in columns:
                continue  # reported with its position by type inference
            column = columns[name]
            if isinstance(column, pa.ChunkedArray):
                column = column.combine_chunks()
            if len(column) != n_rows:
                raise ExpressionError(f"field {name!r} has {len(column)} rows, expected {n_rows}")
            types[name] = column.type
            target = _normalize_type(column.type)
            if target is not None and target != _NULL:
                if pa.types.is_dictionary(column.type):
                    column = column.dictionary_decode()
                try:
                    column = _cast(column, target)
                except pa.ArrowInvalid as exc:
                    raise ExpressionError(f"field {name!r} cannot be read as {_type_name(target)}: {exc}")
            prepared[name] = column
        ctx = _EvalContext(types, prepared, n_rows)
        result_type = ctx.type_of(self._root)
        return _broadcast(ctx.value_of(self._root), result_type, n_rows)


def parse_expression(text: str) -> Expression:
    """Parse ``text``; raises ExpressionError naming the problem and its character position (0-based)."""
    if not isinstance(text, str):
        raise ExpressionError(f"expression must be a string, got {type(text).__name__}")
    return Expression(text, _Parser(text).parse())
