"""The project's SQL dialect for `expression` and `when`: sqlglot's parser with today's syntax.

Quoting: 'text' and "text" are strings (the quote doubled stands for itself), `odd name` is a
column. Only AND OR NOT IN BETWEEN IS NULL TRUE FALSE CASE WHEN THEN ELSE END are keywords: every
other word is a column or a function name, so a field called ``date``, ``year`` or ``order`` reads
as itself. There are no comments (``a --b`` is ``a - (-b)``, as it always was). Every call parses
as ``exp.Anonymous``: which functions exist is decided by the front end's allow-list, not here.

The parser is strict where sqlglot is lenient (THEN after WHEN, '(' after IN, AND in BETWEEN, NULL
after IS) and records, for the front end, the token each operand starts at and each operator's
token (sqlglot keeps positions on identifiers, literals and functions only). ``render_sql`` writes
any sqlglot condition (a DDL CHECK read in its own dialect) in this dialect.
"""

from __future__ import annotations

import re

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError
from sqlglot.parser import Parser
from sqlglot.tokens import Token, Tokenizer, TokenType

FIRST = "synth_first"  # meta key: index of the token an operand starts at
OPERATOR = "synth_op"  # meta key: index of an IN / BETWEEN / IS / WHEN token

_WORDS = {
    "AND": TokenType.AND, "OR": TokenType.OR, "NOT": TokenType.NOT, "IN": TokenType.IN,
    "BETWEEN": TokenType.BETWEEN, "IS": TokenType.IS, "NULL": TokenType.NULL, "TRUE": TokenType.TRUE,
    "FALSE": TokenType.FALSE, "CASE": TokenType.CASE, "WHEN": TokenType.WHEN, "THEN": TokenType.THEN,
    "ELSE": TokenType.ELSE, "END": TokenType.END,
}
KEYWORD_TYPES = frozenset(_WORDS.values())
PLAIN_NAME = re.compile(r"[^\W\d]\w*")  # a name that needs no backticks (unless it is a keyword)


class SynthDialect(Dialect):
    """`expression` / `when` text: SQL with today's quoting, keywords and functions."""

    class Tokenizer(Tokenizer):
        QUOTES = ["'", '"']
        IDENTIFIERS = ["`"]
        STRING_ESCAPES = ["'", '"']
        COMMENTS: list = []
        KEYWORDS = {
            **_WORDS,
            "==": TokenType.EQ, "!=": TokenType.NEQ, "<>": TokenType.NEQ, "<=": TokenType.LTE,
            ">=": TokenType.GTE, "||": TokenType.DPIPE, "&&": TokenType.DAMP,
        }
        SINGLE_TOKENS = {
            "(": TokenType.L_PAREN, ")": TokenType.R_PAREN, ",": TokenType.COMMA, ".": TokenType.DOT,
            "-": TokenType.DASH, "+": TokenType.PLUS, "*": TokenType.STAR, "/": TokenType.SLASH,
            "%": TokenType.MOD, "=": TokenType.EQ, "<": TokenType.LT, ">": TokenType.GT,
            "!": TokenType.NOT, "&": TokenType.AMP, "|": TokenType.PIPE, ";": TokenType.SEMICOLON,
            "'": TokenType.UNKNOWN, '"': TokenType.UNKNOWN, "`": TokenType.UNKNOWN,
        }

    class Parser(Parser):
        FUNCTIONS: dict = {}
        FUNCTION_PARSERS: dict = {}
        NO_PAREN_FUNCTIONS: dict = {}
        NO_PAREN_FUNCTION_PARSERS = {"CASE": lambda self: self._parse_case()}
        UNARY_PARSERS = {
            TokenType.PLUS: lambda self: self._parse_unary(),
            TokenType.NOT: lambda self: self.expression(exp.Not(this=self._parse_equality())),
            TokenType.DASH: lambda self: self.expression(exp.Neg(this=self._parse_unary())),
        }
        RANGE_PARSERS = {
            TokenType.BETWEEN: lambda self, this: self._parse_between(this),
            TokenType.IN: lambda self, this: self._parse_in(this),
            TokenType.IS: lambda self, this: self._parse_is(this),
        }
        STATEMENT_PARSERS: dict = {}
        # only plain and `quoted` words name columns and functions: the keywords stay reserved
        ID_VAR_TOKENS = {TokenType.VAR}
        ALIAS_TOKENS = ID_VAR_TOKENS
        TABLE_ALIAS_TOKENS = ID_VAR_TOKENS
        FUNC_TOKENS = {TokenType.VAR, TokenType.IDENTIFIER}

        problem_token: Token | None = None

        def raise_error(self, message: str, token: Token | None = None) -> None:
            self.problem_token = self._curr or None  # None: the text ended (sqlglot's sentinel is falsy)
            super().raise_error(message, token)

        def _parse_unary(self) -> exp.Expr | None:
            index = self._index
            node = super()._parse_unary()
            if node is not None and FIRST not in node.meta:
                node.meta[FIRST] = index
            return node

        def _parse_is(self, this: exp.Expr | None) -> exp.Expr | None:
            index = self._index - 1
            negate = self._match(TokenType.NOT)
            if not self._match(TokenType.NULL):
                self.raise_error("expected NULL after IS" + (" NOT" if negate else ""))
            node = self.expression(exp.Is(this=this, expression=exp.Null()))
            node.meta[OPERATOR] = index
            return self.expression(exp.Not(this=node)) if negate else node

        def _parse_in(self, this: exp.Expr | None, alias: bool = False) -> exp.In:
            index = self._index - 1
            if not self._match(TokenType.L_PAREN):
                self.raise_error("expected '(' after IN")
            items = self._parse_csv(self._parse_disjunction)
            self._match_r_paren()
            node = self.expression(exp.In(this=this, expressions=items))
            node.meta[OPERATOR] = index
            return node

        def _parse_between(self, this: exp.Expr | None) -> exp.Between:
            index = self._index - 1
            low = self._parse_bitwise()
            if not self._match(TokenType.AND):
                self.raise_error("expected AND in BETWEEN ... AND ...")
            node = self.expression(exp.Between(this=this, low=low, high=self._parse_bitwise()))
            node.meta[OPERATOR] = index
            return node

        def _parse_case(self) -> exp.Expr | None:
            if self._curr and self._curr.token_type in (TokenType.END, TokenType.ELSE, TokenType.THEN):
                self.raise_error("expected WHEN after CASE")
            subject = None if self._match(TokenType.WHEN, advance=False) else self._parse_disjunction()
            branches = []
            while self._match(TokenType.WHEN):
                index = self._index - 1
                condition = self._parse_disjunction()
                if not self._match(TokenType.THEN):
                    self.raise_error("expected THEN after the WHEN condition")
                branch = self.expression(exp.If(this=condition, true=self._parse_disjunction()))
                branch.meta[OPERATOR] = index
                branches.append(branch)
            if not branches:
                self.raise_error("expected WHEN after CASE")
            default = self._parse_disjunction() if self._match(TokenType.ELSE) else None
            if not self._match(TokenType.END):
                self.raise_error("expected END to close CASE")
            return self.expression(exp.Case(this=subject, ifs=branches, default=default))


_DIALECT = SynthDialect()


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` (sqlglot's tokenizer in this dialect; TokenError when a quote is open)."""
    return _DIALECT.tokenize(text)


def parse_tokens(tokens: list[Token], text: str) -> exp.Expr | None:
    """One condition over ``tokens``; a ParseError carries ``problem_token`` (None: the text ended)."""
    parser = _DIALECT.parser(error_level=ErrorLevel.IMMEDIATE)
    try:
        trees = parser.parse_into(exp.Condition, tokens, text)
    except ParseError as err:
        err.problem_token = parser.problem_token
        raise
    return trees[0] if trees else None


def render_sql(node: exp.Expr) -> str:
    """``node`` (e.g. a CHECK read in a DDL's own dialect) written in this dialect: names in backticks
    only where they need them (not a plain word, or one of the keywords)."""
    node = node.copy()
    for identifier in node.find_all(exp.Identifier):
        name = identifier.name
        identifier.set("quoted", not PLAIN_NAME.fullmatch(name) or name.upper() in _WORDS)
    return _DIALECT.generate(node)

