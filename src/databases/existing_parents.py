"""Children of parents already in the target: a document whose references name a table it does not
hold gets that table's keys from the target database.

The keys are read (min, max, count) and stand in as a parent table of ``sequence`` keys, which the
relational engine draws references from as from any parent; that table is not written. Supported:
one integer key column whose values form an unbroken range (SERIAL and identity keys without gaps),
and children that read nothing of the parent but its key. Anything else is refused with the reason.
"""

from __future__ import annotations

import copy
import json

from src.databases.ddl_out import quote
from src.databases.targets import TargetError


def find_missing_parents(doc: dict) -> dict[str, set[str]]:
    """Tables the document references but does not hold -> the key columns its children name."""
    names = {t.get("name") for t in doc.get("tables", [])}
    missing: dict[str, set[str]] = {}
    for table in doc.get("tables", []):
        for spec in table.get("fields", []):
            ref = (spec.get("constraints") or {}).get("references") or ""
            parent, _, column = ref.partition(".")
            if column and parent not in names:
                missing.setdefault(parent, set()).add(column)
        rpp = table.get("rows_per_parent") or {}
        if rpp.get("parent") and rpp["parent"] not in names:
            missing.setdefault(rpp["parent"], set())
        for fk in table.get("foreign_keys", []):
            if fk.get("references") not in names:
                raise TargetError(f"table '{table.get('name')}': a composite foreign key to '{fk.get('references')}', "
                                  "a table only in the target, is not supported yet")
    return missing


def add_existing_parents(doc: dict, backend) -> tuple[dict, list[str]]:
    """(the document with each missing parent standing in for the target's rows, their names)."""
    missing = find_missing_parents(doc)
    if not missing:
        return doc, []
    out = copy.deepcopy(doc)
    stand_ins = []
    for parent, columns in missing.items():
        if len(columns) != 1:
            raise TargetError(f"table '{parent}' is only in the target: its children must reference one key "
                              f"column, not {', '.join(sorted(columns)) or 'none'}")
        column = next(iter(columns))
        _refuse_other_reads(out, parent, column)
        found = backend.columns(parent)
        if found is None or column not in found:
            raise TargetError(f"the document references {parent}.{column}, which is neither in the document "
                              "nor in the target database")
        low, high, count, distinct = backend.fetch_one(
            f"SELECT min({quote(column, backend.dialect)}), max({quote(column, backend.dialect)}), count(*), "
            f"count(DISTINCT {quote(column, backend.dialect)}) FROM {quote(parent, backend.dialect)}")
        if not count:
            raise TargetError(f"table '{parent}' in the target is empty: its children have no keys to point at")
        if not all(isinstance(v, int) for v in (low, high)) or high - low + 1 != count or distinct != count:
            raise TargetError(f"the keys of '{parent}'.{column} in the target are not one unbroken integer "
                              "range (1, 2, 3, ...): only such keys can be read for now")
        stand_ins.append({"name": parent, "rows": count, "fields": [
            {"name": column, "type": "sequence", "constraints": {"primary_key": True, "min_value": low}}]})
    out["tables"] = stand_ins + out["tables"]
    return out, [t["name"] for t in stand_ins]


def _refuse_other_reads(doc: dict, parent: str, key: str) -> None:
    """Rules that read a parent column other than its key would read made-up values: refused."""
    for table in doc["tables"]:
        for spec in table.get("fields", []):
            rules = {k: v for k, v in (spec.get("constraints") or {}).items() if k != "references"}
            text = json.dumps(rules)
            if f"{parent}." in text.replace(f"{parent}.{key}", ""):
                raise TargetError(f"table '{table['name']}', field '{spec['name']}' reads a column of "
                                  f"'{parent}', which is only in the target: only its key can be used")
