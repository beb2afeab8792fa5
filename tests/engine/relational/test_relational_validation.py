"""An invalid multi-table document names every problem: where, and what rule."""

from __future__ import annotations

import copy

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError
from tests.engine.relational.helpers import compile_doc
from tests.engine.relational.test_relational_engine import COMPOSITE, SHOP


def problems_of(doc: dict, **kwargs) -> list[str]:
    with pytest.raises(SchemaValidationError) as info:
        compile_doc(doc, **kwargs)
    return [str(p) for p in info.value.problems]


def _shop(**changes) -> dict:
    doc = copy.deepcopy(SHOP)
    for path, value in changes.items():
        table, _, rest = path.partition("__")
        target = doc["tables"][int(table[1:])]
        *parents, last = rest.split("__")
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[last] = value
    return doc


def test_every_problem_is_named_at_once():
    doc = _shop(**{"t1__rows_per_parent": {"parent": "clients", "min": 0, "max": 5},
                   "t1__fields__1__constraints": {"references": "customers.country"},
                   "t2__fields__2__constraints": {"references": "managers.id", "nullable": True}})
    doc["tables"].append({"name": "stray", "fields": [{"name": "x", "type": "integer"}]})
    found = problems_of(doc)
    text = "\n".join(found)
    assert "tables[1].rows_per_parent.parent: table 'orders': unknown table 'clients'" in text
    assert "tables[1].fields[1].constraints.references" in text and "'customers.country' is not a key" in text
    assert "tables[2].fields[2].constraints.references" in text and "unknown table 'managers'" in text
    assert "tables[3]: table 'stray': give rows" in text
    assert len(found) >= 4


@pytest.mark.parametrize(("changes", "expected"), [
    ({"t1__fields__1__constraints": {"references": "customers.nope"}}, "'nope' is not a field of table 'customers'"),
    ({"t1__fields__1__constraints": {"references": "customers"}}, "references is 'table.field'"),
    ({"t1__rows_per_parent": {"parent": "customers", "min": 4, "max": 2}}, "child counts out of order: min (4) is greater than max (2)"),
    ({"t1__rows_per_parent": {"parent": "customers", "min": 1}}, "needs max"),
    ({"t1__rows_per_parent": {"parent": "customers", "max": 3, "distribution": "normal"}}, "rows_per_parent.distribution"),
    ({"t1__rows_per_parent": {"parent": "customers", "max": 3, "mean": 2}}, "mean applies to distribution 'poisson'"),
    ({"t1__rows": 10}, "give rows or rows_per_parent, not both"),
    ({"t2__fields__2__constraints": {"references": "employees.employee_id"}}, "a self-reference needs nullable: true"),
    ({"t1__fields__2__constraints": {"after": "customers.missing"}}, "'missing' is not a field of table 'customers'"),
    ({"t1__fields__3__constraints": {"expression": "employees.employee_id"}}, "this table has no reference to 'employees'"),
    ({"t1__fields__3__constraints": {"expression": "shops.name"}}, "unknown table in 'shops.name'"),
    ({"t1__fields__1__type": "uuid"}, "constraints.references needs type 'reference'"),
    ({"t1__fields__1__constraints": {}}, "a reference names its parent key"),
    ({"t0__fields__0__constraints": {"primary_key": True, "nullable": True}}, "a primary_key is never null"),
    ({"t1__fields__1__constraints": {"references": "customers.customer_id", "nullable": True}},
     "the reference to the rows_per_parent parent cannot be nullable"),
    ({"t1__fields__1__constraints": {"references": "customers.customer_id",
                                     "distribution": {"kind": "normal"}}}, "drawn uniform or zipf"),
    ({"t1__name": "customers"}, "duplicate table name 'customers'"),
])
def test_each_rule_is_named(changes, expected):
    assert any(expected in p for p in problems_of(_shop(**changes))), problems_of(_shop(**changes))


def test_a_cycle_between_tables_is_named():
    doc = {"tables": [
        {"name": "a", "rows": 5, "fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                                           {"name": "b_id", "type": "reference", "constraints": {"references": "b.id"}}]},
        {"name": "b", "rows": 5, "fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                                           {"name": "a_id", "type": "reference", "constraints": {"references": "a.id"}}]}]}
    assert any("cycle between tables: a -> b -> a" in p for p in problems_of(doc))


def test_field_rules_inside_a_table_are_located_in_that_table():
    doc = _shop(**{"t0__fields__1__constraints": {"min_value": "now", "max_value": "-2y"}})
    assert any(p.startswith("tables[0].fields[1].constraints.min_value: table 'customers'") for p in problems_of(doc))


def test_the_first_table_may_take_its_row_count_from_the_job():
    doc = _shop()
    del doc["tables"][0]["rows"]
    assert any("tables[0]: table 'customers': give rows" in p for p in problems_of(doc))
    assert compile_doc(doc, root_rows=40).rows_per_table["customers"] == 40


def test_impossible_keys_are_refused_up_front():
    doc = copy.deepcopy(COMPOSITE)
    doc["tables"][6]["rows"] = 1001  # 40 students x 25 courses = 1000 pairs
    assert any("only 1000 distinct (student_id, course) combinations exist for 1001 rows" in p
               for p in problems_of(doc))
    doc = copy.deepcopy(COMPOSITE)
    doc["tables"][7]["rows_per_parent"]["max"] = 26
    assert any("for 26 rows of one parent" in p for p in problems_of(doc))
    doc = copy.deepcopy(COMPOSITE)
    doc["tables"][2]["fields"][1] = {"name": "line_no", "type": "integer", "constraints": {"max_value": 3}}
    assert any("(order_id, line_no): 'line_no' is numbered 1, 2, ... within each 'orders' row, but" in p
               for p in problems_of(doc))
    doc["tables"][2]["fields"][1] = {"name": "line_no", "type": "enum", "constraints": {"enum_values": ["a", "b"]}}
    assert any("(order_id, line_no) cannot be kept unique" in p for p in problems_of(doc))


def test_a_reference_outside_a_multi_table_document_is_refused():
    with pytest.raises(SchemaValidationError) as info:
        compile_schema({"fields": [{"name": "x", "type": "reference", "constraints": {"references": "a.b"}}]})
    assert "multi-table document" in str(info.value)


def test_single_table_documents_keep_primary_key_meaning_unique():
    plan = compile_schema({"fields": [{"name": "id", "type": "integer",
                                       "constraints": {"primary_key": True, "min_value": 1, "max_value": 100}}]})
    values = plan.generate_chunk(0, 100).column(0).to_pylist()
    assert sorted(values) == list(range(1, 101))
    with pytest.raises(SchemaValidationError):
        plan.check_row_count(101)


def test_field_rules_are_named_together_with_problems_across_tables():
    doc = _shop(**{"t0__fields__1__constraints": {"min_value": "now", "max_value": "-2y"},
                   "t1__rows_per_parent": {"parent": "clients", "max": 3},
                   "t1__fields__3__constraints": {"expression": "customers.country ||"}})
    found = problems_of(doc)
    assert any("unknown table 'clients'" in p for p in found)
    assert any(p.startswith("tables[0].fields[1].constraints.min_value") for p in found)
    assert any(p.startswith("tables[1].fields[3].constraints.expression") for p in found)
