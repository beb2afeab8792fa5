"""A word for an unknown key in a schema document: the key the user probably meant."""

from __future__ import annotations

import difflib

from .fields import Constraints, Distribution, FieldSpec

_KEYS_BY_PARENT = {
    "constraints": tuple(Constraints.model_fields),
    "distribution": tuple(Distribution.model_fields),
}
_DISTRIBUTION_KEYS = frozenset(Distribution.model_fields) - {"kind"}
# Words other tools use for a constraint (JSON Schema, Mockaroo, SQL), which no spelling match finds.
_CONSTRAINT_SYNONYMS = {
    "min": "min_value", "minimum": "min_value", "max": "max_value", "maximum": "max_value",
    "enum": "enum_values", "values": "enum_values", "choices": "enum_values", "options": "enum_values",
    "regex": "pattern", "formula": "expression", "blank": "null_probability",
    "blanks": "null_probability", "null_rate": "null_probability", "precision": "decimals",
    "scale_digits": "decimals", "minlength": "min_length", "maxlength": "max_length", "foreign_key": "references",
}


def explain_unknown_key(loc: tuple | list) -> str | None:
    """What to say instead of pydantic's "Extra inputs are not permitted" at ``loc``, or None."""
    if not loc or not isinstance(loc[-1], str):
        return None
    key, parent = loc[-1], loc[-2] if len(loc) > 1 else None
    if parent == "constraints" and key in _DISTRIBUTION_KEYS:
        return (f"unknown constraint {key!r}: it belongs inside distribution, e.g. "
                f'"distribution": {{"kind": "normal", "mean": 50, "std": 10}}')
    if isinstance(parent, int) and len(loc) > 2 and loc[-3] == "fields":
        known, what = tuple(FieldSpec.model_fields), "field key"
    elif parent in _KEYS_BY_PARENT:
        known, what = _KEYS_BY_PARENT[parent], f"{parent} key" if parent != "constraints" else "constraint"
    else:
        return None
    synonym = _CONSTRAINT_SYNONYMS.get(key.lower()) if parent == "constraints" else None
    close = [synonym] if synonym else difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(known)}"
    return f"unknown {what} {key[:60]!r}{hint}"
