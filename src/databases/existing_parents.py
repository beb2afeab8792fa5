"""Children of parents already in the target: a document whose references name a table it does not
hold gets that table's keys from the target database.

The key columns the children reference (one column, several, or a composite foreign key) are read
from the target (distinct, non-null, in key order) and stand in as a table of given rows
(``compile_relational(fixed=...)``), which the relational engine draws references from as from any
parent; that table is not written. Keys of any type work: integers with gaps, text, UUIDs, composite
keys. Children may read only those key columns of such a parent (other columns would be made up).
"""

from __future__ import annotations

import copy
import hashlib
import json
import uuid

import pyarrow as pa

from src.databases.ddl_out import quote
from src.databases.targets import TargetError


def find_missing_parents(doc: dict) -> dict[str, list[str]]:
    """Tables the document references but does not hold -> the columns its children name (the
    columns of a composite foreign key first, in its order)."""
    names = {t.get("name") for t in doc.get("tables", [])}
    missing: dict[str, list[str]] = {}

    def add(parent: str, columns: list[str]) -> None:
        found = missing.setdefault(parent, [])
        found.extend(c for c in columns if c not in found)

    for table in doc.get("tables", []):
        for fk in table.get("foreign_keys", []):
            if fk.get("references") not in names:
                if not fk.get("columns"):
                    raise TargetError(f"table '{table.get('name')}': the foreign key to '{fk.get('references')}', "
                                      "a table only in the target, must name its columns (foreign_keys[].columns)")
                add(fk["references"], list(fk["columns"]))
        for spec in table.get("fields", []):
            ref = (spec.get("constraints") or {}).get("references") or ""
            parent, _, column = ref.partition(".")
            if column and parent not in names:
                add(parent, [column])
        rpp = table.get("rows_per_parent") or {}
        if rpp.get("parent") and rpp["parent"] not in names:
            add(rpp["parent"], [])
    return missing


def add_existing_parents(doc: dict, backend) -> tuple[dict, list[str], dict[str, pa.Table]]:
    """(the document with each missing parent standing in for the target's rows, their names, their
    key rows as Arrow tables for ``compile_relational(fixed=...)``)."""
    missing = find_missing_parents(doc)
    if not missing:
        return doc, [], {}
    out = copy.deepcopy(doc)
    stand_ins, fixed = [], {}
    for parent, columns in missing.items():
        if not columns:
            raise TargetError(f"table '{parent}' is only in the target: its children must reference its key")
        _refuse_other_reads(out, parent, columns)
        found = backend.columns(parent)
        if found is None:
            raise TargetError(f"the document references table '{parent}', which is neither in the document "
                              "nor in the target database")
        absent = [c for c in columns if c not in found]
        if absent:
            raise TargetError(f"the document references {', '.join(f'{parent}.{c}' for c in absent)}, which the "
                              f"target's table '{parent}' does not have (its columns: {', '.join(found)})")
        rows = read_keys(backend, parent, columns)
        if rows.num_rows == 0:
            raise TargetError(f"table '{parent}' in the target is empty (no row with {', '.join(columns)} set): "
                              "its children have no keys to point at")
        fixed[parent] = rows
        stand_ins.append(_stand_in(parent, columns, rows, composite=_composite_columns(doc, parent)))
    out["tables"] = stand_ins + out["tables"]
    return out, [t["name"] for t in stand_ins], fixed


def read_keys(backend, table: str, columns: list[str]) -> pa.Table:
    """The distinct non-null key rows of ``table`` in the target, in key order (the same target
    gives the same children)."""
    names = ", ".join(quote(c, backend.dialect) for c in columns)
    present = " AND ".join(f"{quote(c, backend.dialect)} IS NOT NULL" for c in columns)
    found = backend.fetch_all(f"SELECT DISTINCT {names} FROM {quote(table, backend.dialect)} WHERE {present} "
                              f"ORDER BY {names}")
    values = list(zip(*found)) if found else [[] for _ in columns]
    arrays = []
    for column in values:
        column = [str(v) if isinstance(v, uuid.UUID) else v for v in column]
        arrays.append(pa.array(column) if column else pa.array([], pa.int64()))
    return pa.table(arrays, names=columns)


def digest_keys(fixed: dict[str, pa.Table]) -> str:
    """A digest of the keys read, for the load id: other keys in the target make other rows."""
    digest = hashlib.sha256()
    for name in sorted(fixed):
        digest.update(name.encode())
        digest.update(json.dumps(fixed[name].to_pydict(), default=str).encode())
    return digest.hexdigest()


def _composite_columns(doc: dict, parent: str) -> list[str] | None:
    for table in doc.get("tables", []):
        for fk in table.get("foreign_keys", []):
            if fk.get("references") == parent:
                return list(fk["columns"])
    return None


def _stand_in(parent: str, columns: list[str], rows: pa.Table, composite: list[str] | None) -> dict:
    """The document's table for a parent only in the target: its key columns, typed as read."""
    fields = []
    for name in columns:
        kind = _field_type(rows.column(name).type, rows.column(name))
        constraints = {} if composite else {"primary_key": True} if len(columns) == 1 else {"unique": True}
        fields.append({"name": name, "type": kind, "constraints": constraints})
    spec = {"name": parent, "rows": rows.num_rows, "fields": fields}
    if composite:
        spec["primary_key"] = composite
    return spec


def _field_type(arrow_type: pa.DataType, column) -> str:
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    if pa.types.is_string(arrow_type) and all(_is_uuid(v) for v in column.slice(0, 100).to_pylist()):
        return "uuid"
    return "string"


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _refuse_other_reads(doc: dict, parent: str, keys: list[str]) -> None:
    """Rules that read a parent column other than its keys would read made-up values: refused."""
    for table in doc["tables"]:
        for spec in table.get("fields", []):
            rules = {k: v for k, v in (spec.get("constraints") or {}).items() if k != "references"}
            text = json.dumps(rules)
            for key in keys:
                text = text.replace(f"{parent}.{key}", "")
            if f"{parent}." in text:
                raise TargetError(f"table '{table['name']}', field '{spec['name']}' reads a column of "
                                  f"'{parent}', which is only in the target: only its key columns can be used")


