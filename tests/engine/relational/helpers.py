"""Generate every table of a relational plan, and check its keys on every row."""

from __future__ import annotations

import pyarrow as pa

from src.engine.relational import RelationalPlan, compile_relational
from src.schemas.relational import split_ref
from tests.engine.conftest import ANCHOR


def compile_doc(doc: dict, **kwargs) -> RelationalPlan:
    return compile_relational(doc, anchor=ANCHOR, **kwargs)


def generate_tables(plan: RelationalPlan, chunk: int = 1000) -> dict[str, pa.Table]:
    """Each table in chunks of ``chunk`` rows."""
    out = {}
    for name, table in plan.tables.items():
        batches = [table.generate_chunk(s, min(chunk, table.rows - s)) for s in range(0, table.rows, chunk)]
        out[name] = pa.Table.from_batches(batches, schema=table.arrow_schema)
    return out


def assert_integrity(plan: RelationalPlan, tables: dict[str, pa.Table]) -> None:
    """Every non-null reference names an existing parent key; keys are unique and never null;
    rows_per_parent children are contiguous and min..max per parent; self-references point earlier."""
    for name, tp in plan.tables.items():
        spec = tp.spec
        data = tables[name]
        for key in spec.key_columns():
            column = data.column(key).to_pylist()
            assert None not in column, (name, key)
        keys = spec.key_columns()
        if keys:
            combos = list(zip(*(data.column(k).to_pylist() for k in keys)))
            assert len(set(combos)) == len(combos), (name, keys)
        for field in spec.fields:
            parts = split_ref(field.constraints.references or "")
            if not parts:
                continue
            parent_rows = tables[parts[0]].column(parts[1]).to_pylist()
            position = {v: i for i, v in enumerate(parent_rows)}
            values = data.column(field.name).to_pylist()
            for i, v in enumerate(values):
                if v is None:
                    assert field.constraints.nullable or parts[0] == name, (name, field.name, i)
                    continue
                assert v in position, (name, field.name, i, v)
                if parts[0] == name:
                    assert position[v] < i, (name, field.name, i)
            if parts[0] == name and values:
                assert values[0] is None
        for fk in spec.foreign_keys:
            parent = plan.tables[fk.references]
            columns = fk.columns or parent.spec.key_columns()
            parent_combos = set(zip(*(tables[fk.references].column(c).to_pylist() for c in columns)))
            for combo in zip(*(data.column(f).to_pylist() for f in fk.fields)):
                assert combo in parent_combos, (name, fk.fields, combo)
        rpp = spec.rows_per_parent
        if rpp is not None:
            assert_child_counts(plan, tables, name)


def link_field(plan: RelationalPlan, child: str, parent: str) -> tuple[list[str], list[str]]:
    """(child fields, parent columns) of the child's first reference to ``parent``."""
    spec = plan.tables[child].spec
    for field in spec.fields:
        parts = split_ref(field.constraints.references or "")
        if parts and parts[0] == parent:
            return [field.name], [parts[1]]
    fk = next(fk for fk in spec.foreign_keys if fk.references == parent)
    return list(fk.fields), list(fk.columns or plan.tables[parent].spec.key_columns())


def parent_positions(plan: RelationalPlan, tables: dict[str, pa.Table], child: str, parent: str) -> list[int]:
    """For each child row, the row number of the parent it references (None when null)."""
    fields, columns = link_field(plan, child, parent)
    parent_keys = list(zip(*(tables[parent].column(c).to_pylist() for c in columns)))
    position = {k: i for i, k in enumerate(parent_keys)}
    child_keys = zip(*(tables[child].column(f).to_pylist() for f in fields))
    return [position.get(k) for k in child_keys]


def assert_child_counts(plan: RelationalPlan, tables: dict[str, pa.Table], child: str) -> None:
    rpp = plan.tables[child].spec.rows_per_parent
    positions = parent_positions(plan, tables, child, rpp.parent)
    assert all(p is not None for p in positions)
    assert positions == sorted(positions), "children of one parent are contiguous, parents in order"
    counts = [0] * plan.tables[rpp.parent].rows
    for p in positions:
        counts[p] += 1
    assert all(rpp.min <= c <= rpp.max for c in counts), (child, min(counts), max(counts))
