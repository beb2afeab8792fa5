"""A child row comes into being after its parent: its dates follow the parent's creation date.

An order's ``created_at`` before its customer's ``created_at`` (or ``signup_date``, ``registered_on``)
is data no application makes. For each table with a one-column foreign key to a parent that has a
creation-like date, every date/time column of the child without an ordering of its own gets
``after: parent.column`` and, when it has no upper bound, the parent's (or 'now'), so it lands
between the parent's date and that bound.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from src.engine.semantics import tokenize

CREATION_WORDS = ("created", "creation", "signup", "signed", "registered", "registration", "joined", "join",
                  "opened", "enrolled", "onboarded", "hired", "since", "activated", "started")
_TIME_TYPES = ("date", "datetime")


def creation_column(table: dict[str, Any]) -> str | None:
    """The table's creation-like date or datetime column (the earliest-listed word wins)."""
    candidates = [(CREATION_WORDS.index(w), i, f["name"]) for i, f in enumerate(table["fields"])
                  if f["type"] in _TIME_TYPES for w in tokenize(f["name"]) if w in CREATION_WORDS]
    return min(candidates)[2] if candidates else None


def order_after_parents(tables: list[dict[str, Any]]) -> list[str]:
    """Add ``after: parent.created`` to child date columns; return the dates left unordered."""
    by_name = {t["name"]: t for t in tables}
    messages = []
    for table in tables:
        parent = _parent_with_creation(table, by_name)
        if parent is None:
            continue
        parent_name, column = parent
        parent_field = next(f for f in by_name[parent_name]["fields"] if f["name"] == column)
        ordered = []
        for spec in table["fields"]:
            c = spec.get("constraints", {})
            if spec["type"] not in _TIME_TYPES or c.get("after") or c.get("before") or c.get("expression") \
                    or (parent_field["type"] == "datetime" and spec["type"] == "date" and "max_value" in c):
                continue
            if _bound_blocks(c, parent_field.get("constraints", {})):
                continue
            c = spec.setdefault("constraints", {})
            c["after"] = f"{parent_name}.{column}"
            if "max_value" not in c:
                c["max_value"] = _upper(parent_field, spec["type"])
            ordered.append(spec["name"])
        if ordered:  # the document says it (after: parent.column); only what is not ordered is a warning
            messages.extend(_follow_chains(table, set(ordered), f"{parent_name}.{column}"))
    return messages


def _follow_chains(table: dict[str, Any], covered: set[str], source: str) -> list[str]:
    """A date already ordered after a sibling (``ended_at >= started_at``) follows the parent through
    it; where the sibling may be null, the date is null on those rows too (the CHECK allows it)."""
    by_name = {f["name"]: f for f in table["fields"]}
    pending = [f for f in table["fields"] if f["type"] in _TIME_TYPES and f["name"] not in covered]
    messages = []
    for _ in range(len(pending)):
        for spec in list(pending):
            c = spec.get("constraints", {})
            sibling = by_name.get(c.get("after") or "")
            if sibling is None or sibling["name"] not in covered:
                continue
            pending.remove(spec)
            covered.add(spec["name"])
            if sibling.get("constraints", {}).get("nullable"):
                if c.get("nullable") and not c.get("when"):
                    c["when"] = f"{sibling['name']} IS NOT NULL"
                    messages.append(f"table {table['name']}: {spec['name']} is null where {sibling['name']} is, "
                                    f"so it never comes before the row's {source}")
                else:
                    messages.append(f"table {table['name']}: {spec['name']} may come before the row's {source} "
                                    f"where {sibling['name']} is null")
    for spec in pending:
        if spec.get("constraints", {}).get("before") or spec.get("constraints", {}).get("after"):
            messages.append(f"table {table['name']}: {spec['name']} is not ordered after the row's {source}: "
                            "it already has an ordering of its own")
    return messages


def _parent_with_creation(table: dict[str, Any], by_name: dict[str, dict]) -> tuple[str, str] | None:
    """The first parent (one-column reference, one reference to it) that has a creation date."""
    refs = [f["constraints"]["references"].split(".", 1)[0] for f in table["fields"]
            if f["type"] == "reference" and "." in f.get("constraints", {}).get("references", "")]
    for parent in refs:
        if parent == table["name"] or refs.count(parent) != 1 or parent not in by_name:
            continue
        column = creation_column(by_name[parent])
        if column is not None:
            return parent, column
    return None


def _upper(parent_field: dict, child_type: str) -> str:
    """The parent's upper bound as the child's: a date after a datetime ends a day later (it is
    compared at midnight, so the parent's last day needs the next one)."""
    bound = parent_field.get("constraints", {}).get("max_value", "now")
    if child_type == "date" and parent_field["type"] == "datetime":
        if bound == "now":
            return "tomorrow"
        if isinstance(bound, str) and bound[:1].isdigit():
            return (dt.date.fromisoformat(bound[:10]) + dt.timedelta(days=1)).isoformat()
    return bound


def _bound_blocks(child: dict, parent: dict) -> bool:
    """A child bound fixed before the parent's latest value could not keep the order: left alone."""
    mine, theirs = child.get("max_value"), parent.get("max_value", "now")
    if mine is None or mine == theirs:
        return False
    return not (isinstance(mine, str) and isinstance(theirs, str) and mine[:1].isdigit() and theirs[:1].isdigit()
                and mine >= theirs)
