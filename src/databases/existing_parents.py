"""Children of parents already in the target: a document whose references name a table it does not
hold gets that table's rows from the target database. The one place that decides it, for the CLI's
``--to`` and for API jobs with a ``target``.

The key columns the children reference (one column, several, or a composite foreign key) are read
from the target and stand in as a table of given rows (``compile_relational(fixed=...)``), which the
relational engine draws references from as from any parent; that table is not written. Keys of any
type work: integers with gaps, text, UUIDs, composite keys. A column of such a parent that a child's
rule reads (``parent.column`` in an ``expression``, ``when``, ``after``/``before`` or
``condition_on``) is read with the keys from the same rows (``parent_rows.py``), so the rule holds
against the target's real values.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import uuid
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import ValidationError

from src.databases.parent_rows import ParentReads, read_parent_rows
from src.databases.targets import TargetError

GIVEN_ROWS = "given_rows"  # in a job's stored document: the stand-ins' rows (Arrow IPC, base64) by table


@dataclass
class ExistingParents:
    """The document with each parent only in the target standing in, their names, their rows."""

    doc: dict
    names: list[str]
    fixed: dict[str, pa.Table]


def find_missing_parents(doc: dict) -> dict[str, ParentReads]:
    """Tables the document references but does not hold -> the columns its children name (the
    columns of a composite foreign key first, in its order; then the columns rules read)."""
    names = {t.get("name") for t in doc.get("tables", [])}
    missing: dict[str, ParentReads] = {}
    for table in doc.get("tables", []):
        for fk in table.get("foreign_keys", []):
            if fk.get("references") not in names:
                if not fk.get("columns"):
                    raise TargetError(f"table '{table.get('name')}': the foreign key to '{fk.get('references')}', "
                                      "a table only in the target, must name its columns (foreign_keys[].columns)")
                missing.setdefault(fk["references"], ParentReads()).add_keys(list(fk["columns"]))
        for spec in table.get("fields", []):
            ref = (spec.get("constraints") or {}).get("references") or ""
            parent, _, column = ref.partition(".")
            if column and parent not in names:
                missing.setdefault(parent, ParentReads()).add_keys([column])
        rpp = table.get("rows_per_parent") or {}
        if rpp.get("parent") and rpp["parent"] not in names:
            missing.setdefault(rpp["parent"], ParentReads())
    for table in doc.get("tables", []):
        for parent, column, rule in _list_rule_reads(table):
            if parent in missing:
                missing[parent].add_other(column)
                if rule == "after":
                    missing[parent].later.add(column)
    return missing


def resolve_existing_parents(doc: dict, backend, max_rows: int | None = None) -> ExistingParents:
    """``doc`` with each parent only in the target appended as a stand-in table of the target's rows,
    for ``compile_relational(fixed=...)``. A parent neither in the document nor in the target, a
    column it lacks, an empty table, more than ``max_rows`` rows, or keys that do not name one row:
    a TargetError naming it."""
    missing = find_missing_parents(doc)
    if not missing:
        return ExistingParents(doc, [], {})
    out = copy.deepcopy(doc)
    stand_ins, fixed = [], {}
    for parent, reads in missing.items():
        if not reads.keys:
            raise TargetError(f"table '{parent}' is only in the target: its children must reference its key")
        found = backend.columns(parent)
        if found is None:
            raise TargetError(f"the document references table '{parent}', which is neither in the document "
                              "nor in the target database")
        absent = [c for c in reads.keys + reads.others if c not in found]
        if absent:
            raise TargetError(f"the document references {', '.join(f'{parent}.{c}' for c in absent)}, which the "
                              f"target's table '{parent}' does not have (its columns: {', '.join(found)})")
        rows = read_parent_rows(backend, parent, reads, max_rows)
        if rows.num_rows == 0:
            raise TargetError(f"table '{parent}' in the target is empty (no row with {', '.join(reads.keys)} "
                              "set): its children have no keys to point at")
        fixed[parent] = rows
        stand_ins.append(_stand_in(parent, reads, rows, composite=_composite_columns(doc, parent)))
    out["tables"] = list(out["tables"]) + stand_ins
    return ExistingParents(out, [t["name"] for t in stand_ins], fixed)


def embed_given_rows(existing: ExistingParents) -> dict:
    """The document a job stores: the stand-ins and, under ``given_rows``, their rows, so a restart,
    a worker process or a preview rebuilds the same plan without asking the target again."""
    blobs = {}
    for name, rows in existing.fixed.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, rows.schema) as writer:
            writer.write_table(rows)
        blobs[name] = base64.b64encode(sink.getvalue().to_pybytes()).decode("ascii")
    return {**existing.doc, GIVEN_ROWS: blobs} if blobs else existing.doc


def split_given_rows(doc) -> tuple[object, dict[str, pa.Table]]:
    """(the document without ``given_rows``, the given tables) of a stored job document."""
    if not isinstance(doc, dict) or GIVEN_ROWS not in doc:
        return doc, {}
    rest = {k: v for k, v in doc.items() if k != GIVEN_ROWS}
    fixed = {name: pa.ipc.open_stream(base64.b64decode(blob)).read_all() for name, blob in doc[GIVEN_ROWS].items()}
    return rest, fixed


def digest_keys(fixed: dict[str, pa.Table]) -> str:
    """A digest of the rows read, for the load id: other rows in the target make other children."""
    digest = hashlib.sha256()
    for name in sorted(fixed):
        digest.update(name.encode())
        digest.update(json.dumps(fixed[name].to_pydict(), default=str).encode())
    return digest.hexdigest()


def _list_rule_reads(table: dict) -> list[tuple[str, str, str | None]]:
    """(parent, column, "after" when an ``after`` names it) of every ``parent.column`` a field's rules read."""
    from src.engine.relational.compile import list_field_reads
    from src.schemas.fields import FieldSpec

    out = []
    for spec in table.get("fields", []):
        try:
            parsed = FieldSpec.model_validate(spec)
        except (ValidationError, TypeError):
            continue  # reported when the document compiles
        for name in sorted(list_field_reads(parsed)):
            if "." in name:
                parent, column = name.split(".", 1)
                out.append((parent, column, "after" if parsed.constraints.after == name else None))
    return out


def _composite_columns(doc: dict, parent: str) -> list[str] | None:
    for table in doc.get("tables", []):
        for fk in table.get("foreign_keys", []):
            if fk.get("references") == parent:
                return list(fk["columns"])
    return None


def _stand_in(parent: str, reads: ParentReads, rows: pa.Table, composite: list[str] | None) -> dict:
    """The document's table for a parent only in the target: its columns, typed as read."""
    fields = []
    for name in reads.keys + reads.others:
        kind = _field_type(rows.column(name).type, rows.column(name))
        if name in reads.others:
            constraints = {"nullable": True} if rows.column(name).null_count else {}
            constraints.update(_bounds(rows.column(name), kind))
        else:
            constraints = {} if composite else {"primary_key": True} if len(reads.keys) == 1 else {"unique": True}
        fields.append({"name": name, "type": kind, "constraints": constraints})
    spec = {"name": parent, "rows": rows.num_rows, "fields": fields}
    if composite:
        spec["primary_key"] = composite
    return spec


def _bounds(column, kind: str) -> dict:
    """The column's smallest and largest values read, as min/max of the stand-in: an ``after``/
    ``before`` with its own bound is then refused when some parent row's value passes that bound."""
    if kind not in ("integer", "float", "date", "datetime") or column.null_count == len(column):
        return {}
    low, high = (v.as_py() for v in pc.min_max(column).values())
    if kind in ("date", "datetime"):
        low, high = low.isoformat(), high.isoformat()
    return {"min_value": low, "max_value": high}


def _field_type(arrow_type: pa.DataType, column) -> str:
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type):
        return "float"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type):
        return "datetime"
    sample = [v for v in column.slice(0, 100).to_pylist() if v is not None]
    if pa.types.is_string(arrow_type) and sample and all(_is_uuid(v) for v in sample):
        return "uuid"
    return "string"


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False
