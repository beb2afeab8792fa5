"""Check generated tables against the multi-table document they came from, on every row: each reference
resolves (or is null where nullable), child counts lie within rows_per_parent, `table.field` order rules and
copies hold, a self-reference points at an earlier row."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter


def read_zip_tables(content: bytes) -> dict[str, list[dict]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return {name.rsplit(".", 1)[0]: list(csv.DictReader(io.StringIO(archive.read(name).decode())))
            for name in archive.namelist()}


def check_tables(doc: dict, tables: dict[str, list[dict]]) -> dict[str, int]:
    """Assert every rule that spans tables on every row; answers the rows per table."""
    specs = {t["name"]: t for t in doc["tables"]}
    assert sorted(tables) == sorted(specs)
    keys = {name: _key(spec) for name, spec in specs.items()}
    by_key = {name: {row[keys[name]]: row for row in rows} for name, rows in tables.items()}
    for name, rows in tables.items():
        assert len(by_key[name]) == len(rows), f"{name}: duplicate primary keys"
        spec = specs[name]
        for field in spec["fields"]:
            c = field.get("constraints") or {}
            if field["type"] == "reference":
                _check_reference(name, field["name"], c, rows, by_key, keys)
            for rule in ("after", "before", "expression"):
                target = c.get(rule)
                if isinstance(target, str) and "." in target and target.split(".")[0] in specs:
                    _check_read(name, spec, field["name"], rule, target, rows, by_key, specs)
        rpp = spec.get("rows_per_parent")
        if rpp:
            link = next(f["name"] for f in spec["fields"] if f["type"] == "reference" and
                        f["constraints"]["references"].startswith(rpp["parent"] + "."))
            counts = Counter(row[link] for row in rows)
            low = rpp.get("count", rpp.get("min", 0))
            high = rpp.get("count", rpp.get("max"))
            for parent_key in by_key[rpp["parent"]]:
                assert low <= counts.get(parent_key, 0) <= high, \
                    f"{name}: {counts.get(parent_key, 0)} children of {parent_key}, expected {low}..{high}"
    return {name: len(rows) for name, rows in tables.items()}


def _key(spec: dict) -> str:
    return next(f["name"] for f in spec["fields"] if (f.get("constraints") or {}).get("primary_key"))


def _check_reference(name, field, c, rows, by_key, keys) -> None:
    parent, column = c["references"].split(".")
    assert column == keys[parent]
    seen = set()
    for row in rows:
        value = row[field]
        if value == "":
            assert c.get("nullable"), f"{name}.{field} is empty but not nullable"
        elif parent == name:
            assert value in seen, f"{name}.{field}={value} is not an earlier row"
        else:
            assert value in by_key[parent], f"{name}.{field}={value} is not a key of {parent}"
        seen.add(row[keys[name]])


def _check_read(name, spec, field, rule, target, rows, by_key, specs) -> None:
    parent, column = target.split(".")
    for row in rows:
        theirs = _ancestor_row(specs, by_key, name, row, parent)
        if theirs is None or row[field] == "":
            continue  # a null reference on the way: nothing to read
        mine, theirs = row[field], theirs[column]
        if rule == "after":
            assert mine > theirs, f"{name}.{field}={mine} is not after {target}={theirs}"
        elif rule == "before":
            assert mine < theirs, f"{name}.{field}={mine} is not before {target}={theirs}"
        else:
            assert mine == theirs, f"{name}.{field}={mine} differs from {target}={theirs}"


def _ancestor_row(specs, by_key, name, row, target):
    """The row of ``target`` this row reaches through the first reference of each table on the way."""
    for field in specs[name]["fields"]:
        ref = (field.get("constraints") or {}).get("references") if field["type"] == "reference" else None
        parent = ref.split(".")[0] if ref else None
        if parent is None or parent == name:
            continue
        if row[field["name"]] == "":
            return None
        parent_row = by_key[parent][row[field["name"]]]
        if parent == target:
            return parent_row
        found = _ancestor_row(specs, by_key, parent, parent_row, target)
        if found is not None:
            return found
    return None
