"""Relational datasets: keys, child counts and cross-table rules on every row; same seed, same bytes."""

from __future__ import annotations

import copy
from collections import Counter

import pyarrow as pa
import pytest

from tests.engine.relational.helpers import (
    assert_integrity,
    compile_doc,
    generate_tables,
    parent_positions,
)

SHOP = {"seed": 7, "tables": [
    {"name": "customers", "rows": 1500, "fields": [
        {"name": "customer_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "signup_date", "type": "date", "constraints": {"min_value": "-2y", "max_value": "now"}},
        {"name": "country", "type": "country"}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 0, "max": 5,
                                           "distribution": "poisson", "mean": 2},
     "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
        {"name": "order_date", "type": "date", "constraints": {"after": "customers.signup_date",
                                                               "max_value": "now"}},
        {"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}},
        {"name": "express", "type": "boolean", "constraints": {"when": "customers.country = 'Japan'"}}]},
    {"name": "employees", "rows": 300, "fields": [
        {"name": "employee_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "name", "type": "full_name"},
        {"name": "manager_id", "type": "reference",
         "constraints": {"references": "employees.employee_id", "nullable": True}}]},
]}


@pytest.fixture(scope="module")
def shop():
    plan = compile_doc(SHOP)
    return plan, generate_tables(plan, chunk=700)


def test_keys_child_counts_and_self_references_hold_on_every_row(shop):
    plan, tables = shop
    assert_integrity(plan, tables)
    assert plan.rows_per_table["orders"] == tables["orders"].num_rows > 0


def test_cross_table_rules_read_the_referenced_parent_row(shop):
    plan, tables = shop
    customers = tables["customers"].to_pylist()
    orders = tables["orders"].to_pylist()
    positions = parent_positions(plan, tables, "orders", "customers")
    for order, p in zip(orders, positions):
        parent = customers[p]
        assert order["order_date"] >= parent["signup_date"]
        assert order["ship_country"] == parent["country"]
        assert (order["express"] is None) == (parent["country"] != "Japan")


def test_same_seed_gives_identical_tables_for_any_chunk_size(shop):
    plan, tables = shop
    for chunk in (1, 97, 4096):
        again = generate_tables(compile_doc(SHOP), chunk=chunk) if chunk != 1 else None
        if again is None:  # row by row on a slice: every row is a pure function of its index
            orders = plan.tables["orders"]
            rows = [orders.generate_chunk(i, 1) for i in range(200, 260)]
            assert pa.Table.from_batches(rows) == tables["orders"].slice(200, 60)
            continue
        for name in tables:
            assert again[name].equals(tables[name]), (name, chunk)


def test_a_table_change_leaves_unrelated_tables_identical(shop):
    _, tables = shop
    doc = copy.deepcopy(SHOP)
    doc["tables"][0]["rows"] = 900
    other = generate_tables(compile_doc(doc))
    assert other["employees"].equals(tables["employees"])
    assert other["customers"].equals(tables["customers"].slice(0, 900))
    assert other["orders"].num_rows < tables["orders"].num_rows


def test_a_different_seed_changes_every_table(shop):
    _, tables = shop
    other = generate_tables(compile_doc({**SHOP, "seed": 8}))
    for name in tables:
        assert not other[name].equals(tables[name])


def test_same_named_fields_of_two_tables_are_independent(shop):
    _, tables = shop
    assert tables["customers"].column("customer_id").to_pylist()[:50] != \
        tables["orders"].column("customer_id").to_pylist()[:50]


def _children_doc(distribution: dict, parents: int = 4000) -> dict:
    return {"seed": 3, "tables": [
        {"name": "p", "rows": parents, "fields": [{"name": "id", "type": "sequence",
                                                   "constraints": {"primary_key": True}}]},
        {"name": "c", "rows_per_parent": {"parent": "p", **distribution}, "fields": [
            {"name": "p_id", "type": "reference", "constraints": {"references": "p.id"}}]}]}


def _counts(distribution: dict, parents: int = 4000) -> list[int]:
    plan = compile_doc(_children_doc(distribution, parents))
    tables = generate_tables(plan, chunk=1500)
    assert_integrity(plan, tables)
    seen = Counter(tables["c"].column("p_id").to_pylist())
    return [seen.get(i + 1, 0) for i in range(parents)]


def test_fixed_counts_give_every_parent_exactly_that_many():
    assert set(_counts({"distribution": "fixed", "count": 3})) == {3}


def test_uniform_counts_cover_min_to_max_evenly():
    counts = Counter(_counts({"min": 1, "max": 4}))
    assert set(counts) == {1, 2, 3, 4}
    assert all(900 <= v <= 1100 for v in counts.values())


def test_poisson_parameters_are_those_before_truncation():
    import math

    counts = _counts({"min": 1, "max": 6, "distribution": "poisson", "mean": 2})
    weights = {k: 2 ** k / math.factorial(k) for k in range(1, 7)}
    expected = sum(k * w for k, w in weights.items()) / sum(weights.values())
    assert abs(sum(counts) / len(counts) - expected) < 0.06
    assert min(counts) >= 1 and max(counts) <= 6


def test_zipf_counts_favour_one_child():
    counts = Counter(_counts({"min": 0, "max": 50, "distribution": "zipf", "exponent": 2}))
    assert 0 not in counts  # zipf starts at 1
    share_one = counts[1] / 4000
    assert 0.55 < share_one < 0.68  # 1 / zeta(2) truncated at 50 ~ 0.617
    assert max(counts) > 10


def _random_parent_doc(distribution: str | None, rows: int = 20000) -> dict:
    ref = {"references": "p.id"}
    if distribution:
        ref["distribution"] = distribution
    return {"seed": 5, "tables": [
        {"name": "p", "rows": 1000, "fields": [{"name": "id", "type": "uuid", "constraints": {"primary_key": True}},
                                              {"name": "tier", "type": "enum",
                                               "constraints": {"enum_values": ["gold", "silver"]}}]},
        {"name": "c", "rows": rows, "fields": [
            {"name": "p_id", "type": "reference", "constraints": ref},
            {"name": "tier", "type": "string", "constraints": {"expression": "p.tier"}}]}]}


def test_plain_rows_draw_parents_uniformly_and_read_their_values():
    plan = compile_doc(_random_parent_doc(None))
    tables = generate_tables(plan, chunk=3000)
    assert_integrity(plan, tables)
    hits = Counter(parent_positions(plan, tables, "c", "p"))
    assert len(hits) > 990 and max(hits.values()) < 50
    tiers = tables["p"].column("tier").to_pylist()
    for p, tier in zip(parent_positions(plan, tables, "c", "p"), tables["c"].column("tier").to_pylist()):
        assert tier == tiers[p]


def test_zipf_parents_are_skewed_and_hot_parents_spread_over_the_table():
    plan = compile_doc(_random_parent_doc("zipf"))
    tables = generate_tables(plan, chunk=3000)
    assert_integrity(plan, tables)
    hits = Counter(parent_positions(plan, tables, "c", "p"))
    hottest = [p for p, _ in hits.most_common(20)]
    top_share = sum(hits[p] for p in hottest) / 20000
    assert top_share > 0.3  # 2% of the parents hold a third of the children
    assert max(hottest) > 300 and len([p for p in hottest if p < 50]) < 10  # not the first rows


def test_nullable_reference_nulls_its_parent_reads_too():
    doc = _random_parent_doc(None, rows=3000)
    doc["tables"][1]["fields"][0]["constraints"].update(nullable=True, null_probability=0.3)
    plan = compile_doc(doc)
    tables = generate_tables(plan)
    assert_integrity(plan, tables)
    refs = tables["c"].column("p_id").to_pylist()
    tiers = tables["c"].column("tier").to_pylist()
    assert 700 < refs.count(None) < 1100
    assert all((r is None) == (t is None) for r, t in zip(refs, tiers))


def test_hierarchy_has_roots_and_no_cycles(shop):
    _, tables = shop
    employees = tables["employees"].to_pylist()
    index = {e["employee_id"]: i for i, e in enumerate(employees)}
    roots = [e for e in employees if e["manager_id"] is None]
    assert employees[0]["manager_id"] is None and 10 < len(roots) < 60
    for i, e in enumerate(employees):
        seen, j = set(), i
        while employees[j]["manager_id"] is not None:  # walking up always reaches a root
            assert j not in seen
            seen.add(j)
            j = index[employees[j]["manager_id"]]


def test_unique_reference_uses_each_parent_once():
    doc = _random_parent_doc(None, rows=1000)
    doc["tables"][1]["fields"][0]["constraints"]["unique"] = True
    plan = compile_doc(doc)
    tables = generate_tables(plan, chunk=333)
    refs = tables["c"].column("p_id").to_pylist()
    assert len(set(refs)) == 1000
    assert_integrity(plan, tables)


COMPOSITE = {"seed": 11, "tables": [
    {"name": "orders", "rows": 800, "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}}]},
    {"name": "products", "rows": 50, "fields": [
        {"name": "sku", "type": "code", "constraints": {"pattern": "SKU-[0-9]{5}", "unique": True}},
        {"name": "price", "type": "price"}]},
    {"name": "order_lines", "rows_per_parent": {"parent": "orders", "min": 1, "max": 6},
     "primary_key": ["order_id", "line_no"], "fields": [
        {"name": "order_id", "type": "reference", "constraints": {"references": "orders.order_id"}},
        {"name": "line_no", "type": "sequence"},
        {"name": "sku", "type": "reference", "constraints": {"references": "products.sku"}},
        {"name": "unit_price", "type": "price", "constraints": {"expression": "products.price"}}]},
    {"name": "returns", "rows": 300, "foreign_keys": [
        {"fields": ["order_id", "line_no"], "references": "order_lines"}], "fields": [
        {"name": "return_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "order_id", "type": "reference"},
        {"name": "line_no", "type": "reference"}]},
    {"name": "students", "rows": 40, "fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}}]},
    {"name": "courses", "rows": 25, "fields": [{"name": "code", "type": "code",
                                                "constraints": {"pattern": "C[0-9]{3}", "unique": True}}]},
    {"name": "enrollments", "rows": 900, "primary_key": ["student_id", "course"], "fields": [
        {"name": "student_id", "type": "reference", "constraints": {"references": "students.id"}},
        {"name": "course", "type": "reference", "constraints": {"references": "courses.code"}}]},
    {"name": "baskets", "rows_per_parent": {"parent": "students", "min": 0, "max": 20},
     "primary_key": ["student_id", "course"], "fields": [
        {"name": "student_id", "type": "reference", "constraints": {"references": "students.id"}},
        {"name": "course", "type": "reference", "constraints": {"references": "courses.code"}}]},
]}


def test_composite_keys_and_foreign_keys_hold_on_every_row():
    plan = compile_doc(COMPOSITE)
    tables = generate_tables(plan, chunk=256)
    assert_integrity(plan, tables)
    lines = tables["order_lines"].to_pylist()
    by_order: dict[int, list[int]] = {}
    for line in lines:
        by_order.setdefault(line["order_id"], []).append(line["line_no"])
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in by_order.values())
    prices = dict(zip(tables["products"].column("sku").to_pylist(), tables["products"].column("price").to_pylist()))
    assert all(line["unit_price"] == prices[line["sku"]] for line in lines)
    assert len(set(tables["enrollments"].column("student_id").to_pylist())) == 40
    again = generate_tables(compile_doc(COMPOSITE), chunk=77)
    assert all(again[name].equals(tables[name]) for name in tables)


def test_parent_blocks_evicted_from_a_small_cache_are_regenerated_identically(monkeypatch):
    from src.engine.relational import provider

    doc = _random_parent_doc(None, rows=3000)
    doc["tables"][0]["rows"] = 100_000  # 49 blocks of 2048 parents
    cached = generate_tables(compile_doc(doc), chunk=1000)
    monkeypatch.setattr(provider, "CACHE_ROWS", 2 * 2048)
    plan = compile_doc(doc)
    small = generate_tables(plan, chunk=10)
    assert small["c"].equals(cached["c"])
    assert len(plan.tables["c"].plan.provider.cache._blocks) <= 10  # one chunk's blocks, not the table
    assert_integrity(plan, small)


def test_zipf_hierarchy_gives_the_first_rows_most_reports():
    doc = {"seed": 2, "tables": [{"name": "staff", "rows": 3000, "fields": [
        {"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "boss", "type": "reference", "constraints": {"references": "staff.id", "nullable": True,
                                                              "null_probability": 0.0,
                                                              "distribution": "zipf"}}]}]}
    plan = compile_doc(doc)
    tables = generate_tables(plan, chunk=512)
    assert_integrity(plan, tables)
    bosses = Counter(tables["staff"].column("boss").to_pylist())
    assert bosses[None] == 1  # only the first row is a root
    assert bosses[1] > 300 and bosses.most_common(3)[0][0] in (1, 2, 3)


def test_the_child_index_keeps_one_number_per_block_of_parents():
    from src.engine.relational.counts import PARENT_BLOCK

    plan = compile_doc(_children_doc({"min": 0, "max": 3}, parents=100_000))
    index = plan.tables["c"].index
    assert len(index.offsets) == -(-100_000 // PARENT_BLOCK) + 1
    assert index.total == plan.tables["c"].rows
