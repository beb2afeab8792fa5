"""Faker's bundled locale data read from its source files with `ast`, without importing Faker (its
import costs ~1 s): the literal lists a provider class assigns, and lists built from others."""

from __future__ import annotations

import ast
import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path


def _faker_source(*parts: str) -> Path | None:
    """Path of a Faker provider module, found without importing Faker (its import costs ~1 s)."""
    spec = importlib.util.find_spec("faker")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.exists():
            return candidate
    return None


_AST_LOCK = threading.Lock()


@lru_cache(maxsize=32)
def faker_lists(*module_parts: str, joined: bool = False) -> dict[str, object]:
    """Literal word lists assigned in a Faker provider class body, read from its source with `ast`.

    Handles tuples/lists, dicts and ``OrderedDict((...))`` calls; with ``joined``, also lists made of
    other lists of the class (``last_names = first_names``, ``a + b``); anything else is skipped.
    """
    path = _faker_source(*module_parts)
    if path is None:
        return {}
    source = path.read_text(encoding="utf-8")
    with _AST_LOCK:  # CPython 3.11's ast.parse is not thread-safe ("AST constructor recursion depth mismatch")
        tree = ast.parse(source)
    found: dict[str, object] = {}
    for node in tree.body:  # the provider classes are top-level; walking every literal would cost more
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                target = stmt.targets[0].id
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                target = stmt.target.id
            else:
                continue
            value = stmt.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) == "OrderedDict":
                value = value.args[0] if value.args else None
            try:
                literal = ast.literal_eval(value) if value is not None else None
            except (ValueError, SyntaxError, TypeError):
                literal = _concatenated_strings(value)
                if literal is None and joined:
                    literal = _joined_lists(value, found)
                if literal is None:
                    continue
            if isinstance(literal, (tuple, list)) and literal and all(
                    isinstance(item, tuple) and len(item) == 2 for item in literal):
                literal = dict(literal)
            found[target] = literal
    return found


def _concatenated_strings(node) -> list[str] | None:
    """A list of strings some of which are written as ``"a" + "b"`` (fr_FR's jobs), else None."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None

    def text(item):
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            return item.value
        if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
            left, right = text(item.left), text(item.right)
            return left + right if left is not None and right is not None else None
        return None

    items = [text(item) for item in node.elts]
    return items if items and all(item is not None for item in items) else None


def _joined_lists(node, found: dict):
    """A list assigned as other lists of the class joined by '+' (or one alone), or None."""
    if isinstance(node, ast.Name):
        value = found.get(node.id)
        return value if isinstance(value, (tuple, list)) and value else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _joined_lists(node.left, found), _joined_lists(node.right, found)
        if left is not None and right is not None:
            return tuple(left) + tuple(right)
    if isinstance(node, ast.ListComp) and len(node.generators) == 1 and not node.generators[0].ifs \
            and isinstance(node.generators[0].target, ast.Name):  # [n + "有限公司" for n in [...]] (zh_CN)
        try:
            items = ast.literal_eval(node.generators[0].iter)
            return tuple(_joined_text(node.elt, node.generators[0].target.id, item) for item in items)
        except (ValueError, TypeError, SyntaxError):
            return None
    return None


def _joined_text(node, name: str, item: str) -> str:
    """A string expression of one loop variable: the variable, string constants and '+'."""
    if isinstance(node, ast.Name) and node.id == name and isinstance(item, str):
        return item
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _joined_text(node.left, name, item) + _joined_text(node.right, name, item)
    raise ValueError("not a plain string expression")


@lru_cache(maxsize=1)
def faker_locales() -> frozenset[str]:
    """Every locale Faker ships data for (folder names under its providers), read without importing it."""
    path = _faker_source("providers", "person")
    if path is None:
        return frozenset()
    providers = path.parent.parent
    return frozenset(p.name for d in providers.iterdir() if d.is_dir() for p in d.iterdir()
                     if p.is_dir() and re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", p.name))
