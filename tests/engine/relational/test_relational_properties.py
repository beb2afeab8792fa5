"""Hypothesis over random relational documents: keys, counts and parent reads hold on every row,
and the tables do not depend on the chunk size."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.errors import SchemaValidationError
from tests.engine.relational.helpers import assert_integrity, compile_doc, generate_tables, parent_positions

KEY_TYPES = [{"type": "sequence"}, {"type": "uuid"},
             {"type": "code", "constraints": {"pattern": "K[A-Z]{2}[0-9]{4}"}},
             {"type": "integer", "constraints": {"min_value": 1, "max_value": 10**9}}]


@st.composite
def relational_docs(draw):
    n_tables = draw(st.integers(1, 4))
    tables = []
    for t in range(n_tables):
        key = dict(draw(st.sampled_from(KEY_TYPES)))
        constraints = dict(key.get("constraints", {}), primary_key=True)
        fields = [{"name": "id", "type": key["type"], "constraints": constraints},
                  {"name": "day", "type": "date", "constraints": {"min_value": "2020-01-01", "max_value": "2024-12-31"}},
                  {"name": "label", "type": "enum", "constraints": {"enum_values": ["a", "b", "c"]}}]
        table = {"name": f"t{t}", "fields": fields}
        parents = list(range(t))
        if parents and draw(st.booleans()):
            parent = draw(st.sampled_from(parents))
            lo = draw(st.integers(0, 3))
            dist = draw(st.sampled_from(["uniform", "poisson", "zipf", "fixed"]))
            rpp = {"parent": f"t{parent}", "distribution": dist}
            if dist == "fixed":
                rpp["count"] = lo
            else:
                rpp.update(min=lo, max=lo + draw(st.integers(1 if dist == "zipf" and lo == 0 else 0, 4)))
            table["rows_per_parent"] = rpp
            refs = [(parent, False)]
        else:
            table["rows"] = draw(st.integers(0, 300))
            refs = []
        for p in parents:
            if (p, False) not in refs and draw(st.booleans()):
                refs.append((p, draw(st.booleans())))
        for p, nullable in refs:
            c = {"references": f"t{p}.id"}
            if nullable:
                c.update(nullable=True, null_probability=draw(st.sampled_from([0.0, 0.3, 1.0])))
            elif (p, nullable) != refs[0] or "rows" in table:
                c["distribution"] = draw(st.sampled_from(["uniform", "zipf"]))
            fields.append({"name": f"t{p}_id", "type": "reference", "constraints": c})
        if refs:
            p = refs[0][0]
            fields.append({"name": "later", "type": "date", "constraints": {"after": f"t{p}.day"}})
            fields.append({"name": "same_label", "type": "string", "constraints": {"expression": f"t{p}.label"}})
        if "rows" in table and draw(st.booleans()):
            fields.append({"name": "boss", "type": "reference",
                           "constraints": {"references": f"t{t}.id", "nullable": True}})
        tables.append(table)
    tables[0]["rows"] = draw(st.integers(1, 300))
    return {"seed": draw(st.integers(0, 2**40)), "tables": tables}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=relational_docs(), chunk=st.integers(1, 400))
def test_random_documents_hold_every_rule_on_every_row(doc, chunk):
    try:
        plan = compile_doc(doc)
    except SchemaValidationError as err:  # a random reference to a table that came out empty
        assert all("which has no rows" in p.message for p in err.problems), err.problems
        return
    tables = generate_tables(plan, chunk=max(chunk, 37))
    assert_integrity(plan, tables)
    for name, tp in plan.tables.items():
        refs = [f for f in tp.spec.fields if f.name == "later"]
        if not refs:
            continue
        parent = tp.spec.fields[3].constraints.references.split(".")[0]
        positions = parent_positions(plan, tables, name, parent)
        days = tables[parent].column("day").to_pylist()
        labels = tables[parent].column("label").to_pylist()
        for p, later, label in zip(positions, tables[name].column("later").to_pylist(),
                                   tables[name].column("same_label").to_pylist()):
            if p is None:
                assert label is None
            else:
                assert later >= days[p] and label == labels[p]
    again = generate_tables(compile_doc(doc), chunk=chunk)
    assert all(again[n].equals(tables[n]) for n in tables)
