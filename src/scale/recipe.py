"""PlanRecipe: what a worker process needs to rebuild a plan exactly (never the plan itself)."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PlanRecipe:
    """``build()`` calls ``factory(*args, **kwargs)`` and, for a multi-table plan, takes ``table``.

    The factory must be importable by name (a module-level function) and its arguments plain data
    (schema document or model, resolved seed and anchor, text pools), so the recipe pickles in a
    few kilobytes; ``expected_schema`` guards against a rebuild that drifts (it is compared).
    """

    factory: Callable[..., Any]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    table: str | None = None
    expected_schema: Any = None  # pyarrow.Schema of the plan the caller holds

    def build(self):
        """The DatasetPlan this recipe describes."""
        built = self.factory(*self.args, **self.kwargs)
        plan = built.tables[self.table].plan if self.table is not None else built
        if self.expected_schema is not None and not plan.arrow_schema.equals(self.expected_schema, check_metadata=True):
            raise RuntimeError("a worker rebuilt a plan with another output schema than the caller's")
        return plan

    def dump(self) -> tuple[str, bytes]:
        """(key, pickled recipe): the key names the plan in a worker's cache."""
        blob = pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)
        return hashlib.sha256(blob).hexdigest(), blob


def compile_single(schema, seed: int, anchor, text_pools=None):
    """One-table plan factory for recipes (the engine's compile_schema with resolved seed/anchor)."""
    from src.engine import compile_schema

    return compile_schema(schema, seed=seed, anchor=anchor, text_pools=text_pools)


def compile_tables(doc, seed: int, anchor, root_rows=None, text_pools=None):
    """Multi-table plan factory for recipes."""
    from src.engine.relational import compile_relational

    return compile_relational(doc, seed=seed, anchor=anchor, root_rows=root_rows, text_pools=text_pools)


def recipe_for_plan(plan) -> PlanRecipe:
    """A recipe for a one-table DatasetPlan (its schema model, seed, anchor and text pools)."""
    return PlanRecipe(compile_single, (plan.schema, plan.seed, plan.anchor, plan.text_pools or None),
                      expected_schema=plan.arrow_schema)
