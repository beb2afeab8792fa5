"""Pydantic JSON Schema -> the subset Gemini's structured output accepts."""

from __future__ import annotations

from typing import Any

# The keywords Gemini documents for response_json_schema (less $ref/$defs, which are inlined).
GEMINI_SCHEMA_KEYWORDS = frozenset({
    "type", "format", "title", "description", "enum", "items", "prefixItems", "minItems", "maxItems",
    "minimum", "maximum", "anyOf", "oneOf", "properties", "additionalProperties", "required",
    "propertyOrdering",
})


def to_gemini_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Inline ``$defs``, drop keywords Gemini ignores or rejects, and simplify optional values.

    An optional property (``anyOf: [X, null]``, not required) becomes plain ``X``: the model may
    leave it out, which is simpler for the model than a union and means the same to pydantic.
    """
    definitions = schema.get("$defs", {})
    return _clean(schema, definitions, seen=())


def _clean(node: Any, definitions: dict[str, Any], seen: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_clean(item, definitions, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            raise ValueError(f"recursive schema reference {name!r} cannot be inlined")
        target = dict(definitions[name])
        if "description" in node:
            target["description"] = node["description"]
        return _clean(target, definitions, seen + (name,))
    if "const" in node and "enum" not in node:
        node = {**node, "enum": [node["const"]]}
    cleaned: dict[str, Any] = {}
    for key, value in node.items():
        if key not in GEMINI_SCHEMA_KEYWORDS or key == "title":
            continue
        if key == "properties":
            cleaned[key] = {name: _clean(sub, definitions, seen) for name, sub in value.items()}
        elif key in ("items", "anyOf", "oneOf", "prefixItems", "additionalProperties"):
            cleaned[key] = _clean(value, definitions, seen)
        else:
            cleaned[key] = value
    if "anyOf" in cleaned:
        branches = [b for b in cleaned["anyOf"] if b != {"type": "null"}]
        if len(branches) < len(cleaned["anyOf"]):
            if len(branches) == 1:
                merged = {**branches[0], **{k: v for k, v in cleaned.items() if k != "anyOf"}}
                return merged
            cleaned["anyOf"] = branches
    return cleaned
