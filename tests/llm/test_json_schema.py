import pytest
from pydantic import BaseModel

from src.llm.json_schema import GEMINI_SCHEMA_KEYWORDS, to_gemini_json_schema
from src.schemas import FIELD_TYPES, DatasetSchema


def walk(node, path="$"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key == "properties":
                for name, sub in value.items():
                    yield from walk(sub, f"{path}.{name}")
            elif isinstance(value, (dict, list)):
                yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk(item, f"{path}[{i}]")


def test_dataset_schema_becomes_a_self_contained_gemini_schema():
    cleaned = to_gemini_json_schema(DatasetSchema.model_json_schema())

    for path, node in walk(cleaned):
        unknown = set(node) - GEMINI_SCHEMA_KEYWORDS
        assert not unknown, f"{path} keeps {unknown}"
        assert node.get("type") != "null", path
    field = cleaned["properties"]["fields"]["items"]
    assert field["properties"]["type"]["enum"] == list(FIELD_TYPES)
    constraints = field["properties"]["constraints"]
    assert constraints["properties"]["decimals"] == {
        "type": "integer", "minimum": 0, "maximum": 12, "description": "Digits after the decimal point."}
    assert "kind" in constraints["properties"]["distribution"]["properties"]
    assert set(field["required"]) == {"name", "type"}


def test_recursive_models_are_refused():
    class Node(BaseModel):
        children: list["Node"] = []

    with pytest.raises(ValueError, match="recursive"):
        to_gemini_json_schema(Node.model_json_schema())
