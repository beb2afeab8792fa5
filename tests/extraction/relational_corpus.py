"""Reads tests/extraction/corpus/relational.json and checks one case: an empty list means it was read right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from src.extraction.relational import extract_relational

CORPUS = Path(__file__).with_name("corpus") / "relational.json"


def load_cases() -> list[dict[str, Any]]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))["cases"]


def check_case(case: dict[str, Any]) -> list[str]:
    """Every way the reading differs from what the case expects (a table expected without 'parent' is a root)."""
    result = extract_relational(case["text"])
    if case.get("one_table"):
        return [] if result is None else [f"one table expected, got {[t.name for t in result.schema.tables]}"]
    if result is None:
        return ["read as one table"]
    doc = result.schema
    problems = []
    names = [t.name for t in doc.tables]
    if sorted(names) != sorted(case["tables"]):
        problems.append(f"tables {names}, expected {sorted(case['tables'])}")
    if "total_rows" in case and result.total_rows != case["total_rows"]:
        problems.append(f"total_rows {result.total_rows}, expected {case['total_rows']}")
    for name, want in case["tables"].items():
        table = doc.table(name)
        if table is None:
            continue
        rpp = table.rows_per_parent
        got = {"rows": table.rows, "parent": rpp and rpp.parent, "min": rpp and rpp.min, "max": rpp and rpp.max,
               "distribution": rpp and rpp.distribution, "mean": rpp and rpp.mean,
               "count": rpp and rpp.distribution == "fixed" and rpp.min}
        if "parent" not in want and rpp is not None:
            problems.append(f"{name} should be a root table, got a child of {rpp.parent}")
        for key, value in want.items():
            if got[key] != value:
                problems.append(f"{name}.{key} = {got[key]!r}, expected {value!r}")
        if table.key_columns() == []:
            problems.append(f"{name} has no primary key")
    for ref, target in case.get("refs", {}).items():
        table, field = ref.split(".")
        spec = doc.table(table) and doc.table(table).field(field)
        if spec is None or spec.constraints.references != target:
            problems.append(f"{ref} should reference {target}")
    for table, field in case.get("self", {}).items():
        spec = doc.table(table) and doc.table(table).field(field)
        if spec is None or spec.constraints.references != f"{table}.{doc.table(table).key_columns()[0]}":
            problems.append(f"{table}.{field} should reference its own table")
    for rule in ("after", "before"):
        for ref, target in case.get(rule, {}).items():
            table, field = ref.split(".")
            spec = doc.table(table) and doc.table(table).field(field)
            if spec is None or getattr(spec.constraints, rule) != target:
                problems.append(f"{ref} should be {rule} {target}")
    for table, fields in case.get("fields", {}).items():
        have = [f.name for f in doc.table(table).fields] if doc.table(table) else []
        problems += [f"{table} lacks field {f}" for f in fields if f not in have]
    return problems
