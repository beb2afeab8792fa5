"""Text -> sqlglot AST (project dialect) -> the typed tree, keeping only allowed constructs.

The allow-list: literals (numbers, strings, TRUE/FALSE/NULL), columns (``table.field`` for a parent
row's column), AND OR NOT, comparisons, || + - * / %, unary minus, IN (...), BETWEEN, IS [NOT] NULL,
CASE (both forms), IF(c, a, b) and the functions of ``functions.py``. Anything else sqlglot can read
is refused naming the construct. Errors carry the 0-based character position they point at.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re

from sqlglot import exp
from sqlglot.errors import ParseError, SqlglotError
from sqlglot.tokens import Token, TokenType

from src.engine.expressions.dialect import FIRST, KEYWORD_TYPES, OPERATOR, PLAIN_NAME, parse_tokens, tokenize
from src.engine.expressions.functions import ALIASES, FUNCTION_NAMES, SIGNATURES
from src.engine.expressions.guard import MAX_DEPTH, MAX_NESTING, check_depth, check_text, run_with_stack
from src.engine.expressions.nodes import (Between, Binary, Call, Case, Column, ExpressionError, InList, IsNull,
                                          Literal, Node, Unary)

_BINARY = {exp.And: "and", exp.Or: "or", exp.DPipe: "||", exp.Add: "+", exp.Sub: "-", exp.Mul: "*",
           exp.Div: "/", exp.Mod: "%", exp.EQ: "=", exp.NEQ: "!=", exp.LT: "<", exp.LTE: "<=", exp.GT: ">",
           exp.GTE: ">="}
_COMPARISON_NODES = (exp.EQ, exp.NEQ, exp.LT, exp.LTE, exp.GT, exp.GTE)
_PREDICATES = (*_COMPARISON_NODES, exp.In, exp.Between, exp.Is)
_NUMBER = re.compile(r"(?:[0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_BAD_TOKENS = {TokenType.DAMP: "'&&' is not an operator; use AND",
               TokenType.AMP: "unexpected character '&'", TokenType.PIPE: "unexpected character '|'",
               TokenType.SEMICOLON: "unexpected character ';'"}
_PARSE_PROBLEMS = {"Expecting )": "expected ')' to close '('",
                   "Invalid expression / Unexpected token": "expected an operator or the end"}
# SQL that sqlglot reads in other dialects but expressions do not allow (here they are plain words)
_SQL_WORDS = frozenset({"LIKE", "ILIKE", "SIMILAR", "GLOB", "REGEXP", "RLIKE", "AS", "ESCAPE", "COLLATE",
                        "SELECT", "FROM", "WHERE", "EXISTS", "DISTINCT", "OVER", "FILTER", "INTERVAL", "ANY",
                        "ALL", "SOME", "XOR", "DIV", "AT", "TIME", "ZONE", "UNKNOWN"})
_VALUE_ENDS = frozenset({TokenType.VAR, TokenType.IDENTIFIER, TokenType.NUMBER, TokenType.STRING,
                         TokenType.R_PAREN, TokenType.NULL, TokenType.TRUE, TokenType.FALSE, TokenType.END})
_CONSTRUCTS = {exp.Tuple: "a bracketed list", exp.Alias: "a name after a value (an alias)",
               exp.Dot: "a name with more than one dot", exp.Star: "'*'"}


def read(text: str) -> Node:
    """The typed tree of ``text``; ExpressionError naming the problem and its position otherwise."""
    nesting = check_text(text)
    try:
        return run_with_stack(lambda: _read(text), nesting)
    except RecursionError:  # not expected within the bounds; never a crash if it happens
        raise ExpressionError(f"the expression nests too deeply (at most {MAX_NESTING} levels)", 0) from None


def _read(text: str) -> Node:
    try:
        tokens = tokenize(text)
    except SqlglotError as err:
        raise ExpressionError(f"cannot be read: {str(err).splitlines()[0]}", 0) from None
    if not tokens:
        raise ExpressionError("empty expression", 0)
    _check_tokens(tokens, text)
    try:
        tree = parse_tokens(tokens, text)
    except ParseError as err:
        raise _parse_problem(err, tokens, text) from None
    except (SqlglotError, ValueError, TypeError, IndexError, KeyError, AttributeError):
        # sqlglot on hostile text: whatever it raises is the text's problem, never a crash
        raise ExpressionError("cannot be read as an expression", 0) from None
    if tree is None:
        raise ExpressionError("empty expression", 0)
    deep = 2 * len(tokens) > MAX_DEPTH  # a tree has fewer levels than twice its tokens
    if deep:
        _check_sqlglot_depth(tree)
    root = _Front(tokens).convert(tree)
    if deep:
        check_depth(root)
    return root


def _check_tokens(tokens: list[Token], text: str) -> None:
    """Lexical rules sqlglot's tokenizer does not enforce: what may form a name or a number."""
    for i, token in enumerate(tokens):
        kind = token.token_type
        if kind in _BAD_TOKENS:
            raise ExpressionError(_BAD_TOKENS[kind], token.start)
        if kind == TokenType.NOT and token.text == "!":
            raise ExpressionError("'!' is not an operator; use NOT (or != for 'not equal')", token.start)
        if kind == TokenType.VAR and not PLAIN_NAME.fullmatch(token.text):
            bad = next((j for j, ch in enumerate(token.text) if not (ch.isalpha() or ch == "_" or (
                j and ch.isalnum()))), 0)
            raise ExpressionError(f"unexpected character {token.text[bad]!r}", token.start + bad)
        if kind == TokenType.NUMBER:
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            glued = following is not None and following.start == token.end + 1 and \
                following.token_type in (TokenType.VAR, TokenType.NUMBER, *KEYWORD_TYPES)
            if glued or not _NUMBER.fullmatch(token.text):
                end = following.start + 1 if glued else token.end + 1
                raise ExpressionError(f"malformed number {text[token.start:end]!r}", token.start)


def _previous(tokens: list[Token], token: Token) -> Token | None:
    index = next((i for i, t in enumerate(tokens) if t.start == token.start), 0)
    return tokens[index - 1] if index else None


def _wants_value(tokens: list[Token], token: Token) -> bool:
    """Whether ``token`` stands where a value must come (first, or after an operator or '(' or ',')."""
    previous = _previous(tokens, token)
    return previous is None or previous.token_type not in _VALUE_ENDS


def _parse_problem(err: ParseError, tokens: list[Token], text: str) -> ExpressionError:
    description = err.errors[0].get("description", "") if err.errors else str(err)
    token = getattr(err, "problem_token", None)
    if description.startswith("Required keyword") or (
            description in _PARSE_PROBLEMS and token is not None and _wants_value(tokens, token)):
        problem = "expected a value"
    else:
        problem = _PARSE_PROBLEMS.get(description, description or "cannot be read")
    if token is None:
        return ExpressionError(f"{problem}, found end of expression", len(text))
    for word in (token, _previous(tokens, token) or token):
        if word.token_type == TokenType.VAR and word.text.upper() in _SQL_WORDS:
            return ExpressionError(f"unsupported construct: {word.text.upper()} is not allowed in expressions",
                                   word.start)
    shown = token.text.lower() if token.token_type in KEYWORD_TYPES else token.text
    if token.token_type == TokenType.STRING:
        shown = text[token.start:token.end + 1]
    return ExpressionError(f"{problem}, found {shown!r}", token.start)


def _check_sqlglot_depth(tree: exp.Expr) -> None:
    """Before converting (which recurses): the raw tree is no deeper than the limits allow."""
    limit = 2 * (MAX_DEPTH + MAX_NESTING)  # sqlglot adds brackets, identifiers and CASE branches
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise ExpressionError(f"the expression is more than {MAX_DEPTH} operations deep; "
                                  "split it across helper fields", None)
        stack.extend((child, depth + 1) for child in node.iter_expressions())


class _Front:
    """One conversion: the tokens give positions (sqlglot keeps few on its nodes)."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.by_start = {token.start: i for i, token in enumerate(tokens)}

    def first_token(self, node: exp.Expr) -> int:
        while node is not None:
            if FIRST in node.meta:
                return node.meta[FIRST]
            start = node.meta.get("start")
            if start is not None and start in self.by_start:
                return self.by_start[start]
            node = node.this if isinstance(node.this, exp.Expr) else None
        return 0

    def pos(self, node: exp.Expr) -> int:
        return self.tokens[self.first_token(node)].start

    def at(self, index: int) -> Token:
        return self.tokens[max(0, min(index, len(self.tokens) - 1))]

    def convert(self, node: exp.Expr) -> Node:
        while isinstance(node, exp.Paren):
            node = node.this
        kind = type(node)
        if kind in _BINARY:
            return self.binary(node, _BINARY[kind])
        handler = _HANDLERS.get(kind)
        if handler is None:
            label = _CONSTRUCTS.get(kind, f"'{kind.__name__}'")
            raise ExpressionError(f"unsupported construct: {label} is not allowed in expressions", self.pos(node))
        return handler(self, node)

    def binary(self, node: exp.Binary, op: str) -> Node:
        right = node.expression
        op_token = self.at(self.first_token(right) - 1)
        if op not in ("and", "or", "||"):
            op = op_token.text.lower() if op_token.text in ("==", "<>") else op
        if isinstance(node, _COMPARISON_NODES) and (
                isinstance(node.this, _PREDICATES) or isinstance(right, _PREDICATES)):
            raise ExpressionError("comparisons cannot be chained; combine them with AND", op_token.start)
        return Binary(op, self.convert(node.this), self.convert(right), op_token.start)

    def literal(self, node: exp.Literal) -> Node:
        pos = self.pos(node)
        if node.is_string:
            return Literal(node.this, pos)
        return Literal(_number(node.this, pos), pos)

    def column(self, node: exp.Column) -> Node:
        if node.args.get("db") is not None or node.args.get("catalog") is not None:
            raise ExpressionError("a column is named by field or table.field, not more parts", self.pos(node))
        name = node.name if node.table == "" else f"{node.table}.{node.name}"
        return Column(name, self.pos(node))

    def negation(self, node: exp.Neg) -> Node:
        pos = self.pos(node)
        inner = node.this
        while isinstance(inner, exp.Paren):
            inner = inner.this
        if isinstance(inner, exp.Literal) and not inner.is_string:
            # fold so that -5 is a constant (round(x, -1), substr(s, -3) need constants)
            value = _number(inner.this, self.pos(inner))
            return Literal(_checked_number(-value, pos), pos)
        return Unary("-", self.convert(node.this), pos)

    def negated(self, node: exp.Not) -> Node:
        inner = node.this
        if isinstance(inner, (exp.Is, exp.In, exp.Between)):
            return dataclasses.replace(self.convert(inner), negated=True)
        return Unary("not", self.convert(inner), self.pos(node))

    def predicate_operand(self, node: exp.Expr) -> Node:
        if isinstance(node.this, _PREDICATES):
            raise ExpressionError("comparisons cannot be chained; combine them with AND",
                                  self.at(node.meta.get(OPERATOR, 0)).start)
        return self.convert(node.this)

    def is_null(self, node: exp.Is) -> Node:
        return IsNull(self.predicate_operand(node), False, self.at(node.meta.get(OPERATOR, 0)).start)

    def in_list(self, node: exp.In) -> Node:
        pos = self.at(node.meta.get(OPERATOR, 0)).start
        items = node.expressions
        if not items:
            raise ExpressionError("IN needs at least one value in its brackets", pos)
        return InList(self.predicate_operand(node), tuple(self.convert(i) for i in items), False, pos)

    def between(self, node: exp.Between) -> Node:
        pos = self.at(node.meta.get(OPERATOR, 0)).start
        return Between(self.predicate_operand(node), self.convert(node.args["low"]),
                       self.convert(node.args["high"]), False, pos)

    def case(self, node: exp.Case) -> Node:
        subject = node.this
        subject_node = self.convert(subject) if subject is not None else None
        branches = []
        for branch in node.args.get("ifs") or []:
            condition = self.convert(branch.this)
            if subject_node is not None:
                condition = Binary("=", subject_node, condition, self.at(branch.meta.get(OPERATOR, 0)).start)
            branches.append((condition, self.convert(branch.args["true"])))
        default = node.args.get("default")
        return Case(tuple(branches), self.convert(default) if default is not None else None, self.pos(node))

    def call(self, node: exp.Anonymous) -> Node:
        written = node.name
        pos = self.pos(node)
        args = tuple(self.convert(arg) for arg in node.expressions)
        name = written.lower()
        if name == "if":
            if len(args) != 3:
                raise ExpressionError(f"if() takes 3 arguments (condition, then, else), got {len(args)}", pos)
            return Case(((args[0], args[1]),), args[2], pos)
        name = ALIASES.get(name, name)
        signature = SIGNATURES.get(name)
        if signature is None:
            close = difflib.get_close_matches(written.lower(), FUNCTION_NAMES, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise ExpressionError(f"unknown function {written!r}{hint}", pos)
        if len(args) < signature.min_args or (signature.max_args is not None and len(args) > signature.max_args):
            raise ExpressionError(f"{name}() takes {signature.arity_text()}, got {len(args)}", pos)
        for index in signature.constant_args:
            if index < len(args):
                arg = args[index]
                if not (isinstance(arg, Literal) and isinstance(arg.value, int) and not isinstance(arg.value, bool)):
                    raise ExpressionError(f"{name}() argument {index + 1} must be a whole-number constant", arg.pos)
        return Call(name, args, pos)


def _number(text: str, pos: int) -> int | float:
    if text.isdigit():
        return _checked_number(int(text), pos)
    return _checked_number(float(text), pos)


def _checked_number(value: int | float, pos: int) -> int | float:
    if isinstance(value, int) and not -2**63 <= value < 2**63:
        raise ExpressionError("integer literal does not fit in 64 bits", pos)
    if isinstance(value, float) and not math.isfinite(value):
        raise ExpressionError("number literal is too large", pos)
    return value


_HANDLERS = {
    exp.Literal: _Front.literal,
    exp.Null: lambda self, node: Literal(None, self.pos(node)),
    exp.Boolean: lambda self, node: Literal(bool(node.this), self.pos(node)),
    exp.Column: _Front.column,
    exp.Neg: _Front.negation,
    exp.Not: _Front.negated,
    exp.Is: _Front.is_null,
    exp.In: _Front.in_list,
    exp.Between: _Front.between,
    exp.Case: _Front.case,
    exp.Anonymous: _Front.call,
}
