"""Bounds checked on the raw text before sqlglot sees it (its parser recurses), and on the tree after.

Limits: at most MAX_LENGTH characters; at most MAX_NESTING levels of brackets (calls included),
CASE and prefix NOT / signs inside each other; at most MAX_DEPTH operations on the tree's longest
path (a chain a + b + c ... counts each +). Both are far inside Python's stack on any thread.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from src.engine.expressions.nodes import ExpressionError, Node

T = TypeVar("T")

MAX_LENGTH = 10_000
MAX_NESTING = 40  # brackets, function calls, CASE, NOT and signs nested inside each other
MAX_DEPTH = 200  # operators on the longest path of the tree

_PIECES = re.compile(r"""'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\w+|\S""")
_PREFIX = frozenset({"not", "-", "+"})
_OPERAND_END = re.compile(r"[\w'\"`)]")  # a piece after which '-' / '+' is binary


def check_text(text: str) -> int:
    """Refuse text that is too long, has an open quote, or nests deeper than MAX_NESTING; the nesting."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH:,} characters", MAX_LENGTH)
    parens = cases = prefix = 0
    saved: list[int] = []  # prefix operators still open outside each bracket
    outer = 0  # sum(saved)
    after_operand = False
    deepest = 0
    for match in _PIECES.finditer(text):
        piece = match.group()
        head = piece[0]
        if head in "'\"`":
            if _open_quote(piece):
                what = "identifier" if head == "`" else "string"
                raise ExpressionError(f"unterminated {what} (missing closing {head})", match.start())
        word = piece.lower()
        if word == "(":
            saved.append(prefix)
            outer += prefix
            parens, prefix = parens + 1, 0
        elif word == ")":
            if saved:
                prefix = saved.pop()
                outer -= prefix
                parens -= 1
        elif word == "case":
            cases += 1
        elif word == "end":
            cases = max(cases - 1, 0)
        elif word in _PREFIX and (word == "not" or not after_operand):
            prefix += 1
        elif _OPERAND_END.match(piece) and word not in ("and", "or", "when", "then", "else"):
            prefix = 0
        after_operand = bool(_OPERAND_END.match(piece)) and word not in _KEYWORDS
        nesting = parens + cases + outer + prefix
        if nesting > MAX_NESTING:
            raise ExpressionError(f"the expression nests more than {MAX_NESTING} levels deep", match.start())
        deepest = max(deepest, nesting)
    return deepest


def run_with_stack(work: Callable[[], T], nesting: int) -> T:
    """``work()`` where Python's stack has room for sqlglot's recursion (about 25 frames a level):
    here when the caller's stack is shallow enough, else on a fresh thread, whose stack starts empty."""
    needed = _FRAMES_PER_LEVEL * (nesting + 1) + 2 * MAX_DEPTH + 50
    if _stack_depth() + needed < sys.getrecursionlimit():
        return work()
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as err:  # noqa: BLE001 - handed back to the caller's thread
            outcome.append((False, err))

    thread = threading.Thread(target=run, name="synthgen-expression-parse")
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


_FRAMES_PER_LEVEL = 25


def _stack_depth() -> int:
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    return depth


_KEYWORDS = frozenset({"and", "or", "not", "in", "between", "is", "case", "when", "then", "else"})


def _open_quote(piece: str) -> bool:
    """'ab''' is closed, 'ab'' is not: an odd run of quotes at the end closes the literal."""
    quote = piece[0]
    body = piece[1:]
    run = len(body) - len(body.rstrip(quote))
    return run % 2 == 0


def check_depth(root: Node) -> None:
    """Refuse a tree deeper than MAX_DEPTH, measured without recursion (inference and evaluation recurse)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(f"the expression is more than {MAX_DEPTH} operations deep; "
                                  "split it across helper fields", node.pos)
        stack.extend((child, depth + 1) for child in node.children())
