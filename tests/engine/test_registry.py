"""Every canonical type has a generator, and each one makes non-null values of a stable type."""

from src.engine import compile_schema, create_default_registry
from src.schemas import FIELD_TYPES

from tests.engine.conftest import ANCHOR


def test_every_field_type_has_a_generator():
    registry = create_default_registry()
    missing = [t for t in FIELD_TYPES if t not in registry]
    assert missing == []
    assert len(FIELD_TYPES) >= 40


def test_registry_holds_no_type_outside_the_schema_contract():
    assert set(create_default_registry().types()) == set(FIELD_TYPES)


def test_each_type_generates_non_null_values_with_an_example():
    registry = create_default_registry()
    fields = []
    for t in FIELD_TYPES:
        if t == "reference":
            continue  # values come from a parent table: tests/engine/relational
        field = {"name": f"f_{t}", "type": t}
        if t == "enum":
            field["constraints"] = {"enum_values": ["a", "b"]}
        fields.append(field)
    plan = compile_schema({"fields": fields}, seed=1, anchor=ANCHOR)
    batch = plan.generate_chunk(0, 300)
    for name, column in zip(batch.schema.names, batch.columns):
        assert column.null_count == 0, name
        assert len(set(column.to_pylist())) > 1, f"{name} has a single value"
        assert registry.get(name[2:]).example, name
