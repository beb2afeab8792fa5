"""What the engine can make, for `synthgen types` and GET /schema/types: each field type with its
group, an example, the constraints it accepts, and the meanings its values take from a name."""

from __future__ import annotations

from functools import lru_cache

from src.engine.data.things import MEANINGS
from src.engine.registry import create_default_registry
from src.engine.numeric_meanings import NUMERIC_MEANINGS
from src.schemas import FIELD_TYPE_GROUPS

_COMMON = ["unique", "nullable", "null_probability", "cardinality", "expression", "when"]
_NUMERIC = ["min_value", "max_value", "distribution", "step", "after", "before"]
_TEXT = ["min_length", "max_length", "pattern"]
_NUMERIC_TYPES = {"integer", "float", "decimal", "percentage", "price", "age", "latitude", "longitude"}
_TIME_TYPES = {"date", "datetime", "time", "date_of_birth"}
_LLM_TEXT = {"string", "sentence", "paragraph", "review", "word"}


def accepted_constraints(type_name: str) -> list[str]:
    """The constraint names a field of this type accepts."""
    rules = list(_COMMON)
    if type_name in _NUMERIC_TYPES:
        rules += _NUMERIC + (["decimals"] if type_name not in ("integer", "age") else [])
    elif type_name in _TIME_TYPES:
        rules += ["min_value", "max_value", "step", "after", "before", "format"]
    elif type_name == "sequence":
        rules += ["min_value", "step"]
    elif type_name in ("enum", "gender", "boolean"):
        rules += ["enum_values", "weights"]
    elif type_name != "uuid":
        rules += _TEXT
    if type_name in _LLM_TEXT:
        rules += ["llm_generated", "condition_on"]
    return rules


def _describe_numeric(default) -> str:
    lo, hi, decimals, dist = default
    if dist and dist[0] == "years_ago":
        text = f"the last {int(hi - lo)} years"
    else:
        text = f"{lo:g}..{hi:g}"
        if dist:
            params = {"normal": ("mean", "sd"), "lognormal": ("median", "sigma"), "exponential": ("scale",)}
            text += f", {dist[0]} " + " ".join(f"{k} {v:g}" for k, v in zip(params[dist[0]], dist[1:]))
    return text + (f", {decimals} decimals" if decimals is not None else "")


@lru_cache(maxsize=1)
def thing_examples() -> dict[str, str]:
    from src.engine import compile_schema

    names = {m: example_field_name(m) for m in MEANINGS}
    fields = [{"name": name, "type": "string"} for name in names.values()]
    plan = compile_schema({"fields": fields}, seed=7)
    row = plan.generate_chunk(0, 1).to_pylist()[0]
    return {m: str(row[name]) for m, name in names.items()}


def example_field_name(meaning: str) -> str:
    """A column name the engine reads as ``meaning`` ('semantic_version' itself is not one: 'app_version')."""
    from src.engine.semantics import infer_thing

    phrases = MEANINGS[meaning][0].split("|")
    for name in [meaning, *(p.replace(" ", "_") for p in phrases)]:
        if infer_thing(name) == meaning:
            return name
    raise ValueError(f"no name of meaning {meaning!r} is read as it: {phrases}")


_CURATED = "de, fr, es, pt, it, nl, pl, ru, ja, zh (zh_TW in traditional characters), ko"
# Which locales a text type writes in their own language, and where it falls back to English.
TEXT_LANGUAGES = {
    "sentence": f"curated sentences in {_CURATED}; Faker's lorem words of the locale (or its language) in "
                "ar, az, bn, cs, da, el, fa, he, hy, mk, th, uk, vi; English elsewhere",
    "paragraph": "as sentence",
    "product_name": f"curated in {_CURATED}; English elsewhere",
    "job_title": "Faker's list of the locale or its language (a woman's title for a woman's row in de, fr, es, "
                 "ar); curated in it, nl, sv, id, hi; English where neither exists",
}


def type_catalog() -> list[dict]:
    """One object per field type: {type, group, example, constraints, meanings?}."""
    registry = create_default_registry()
    numeric = [{"names": phrases.split("|"), "default": _describe_numeric(d)} for phrases, d in NUMERIC_MEANINGS]
    examples = thing_examples()
    things = [{"meaning": m, "names": phrases.split("|"), "group": group, "example": examples[m]}
              for m, (phrases, _, group) in MEANINGS.items()]
    out = []
    for group, names in FIELD_TYPE_GROUPS.items():
        for t in names:
            row = {"type": t, "group": group, "example": registry.get(t).example,
                   "constraints": accepted_constraints(t)}
            if t == "string":
                row["meanings"] = things
            elif t in ("integer", "float", "decimal", "percentage"):
                row["meanings"] = numeric
            if t in TEXT_LANGUAGES:
                row["languages"] = TEXT_LANGUAGES[t]
            out.append(row)
    return out
