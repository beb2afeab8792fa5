"""Hypothesis strategies for hostile schema documents: random shapes, deep nesting, huge numbers,
NaN/inf strings, unicode; shared by the engine and the live API property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from src.schemas.fields import FIELD_TYPES

FIELD_NAMES = ("a", "b", "c", "qty", "price", "status", "d", "ts", "name", "x")
NUMBERS = st.one_of(
    st.integers(-2**70, 2**70), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, -1, 1e308, -1e308, 2**63, 2**63 - 1, -2**63, 1e-308, 5e-324, 10**15, 1e15 + 1]))
WEIRD_TEXT = st.one_of(
    st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "1e309", "-1e400", "0", "-0", "1e-400", "",
                     " ", "now", "-2y", "-99999999999999999999d", "+1e5d", "5m", "0m", "1h", "1d",
                     "99999999999999999999999999s", "9999-12-31", "0001-01-01", "2024-02-30", "25:61",
                     "\u0663", "\x00", "\ud7ff", "😀" * 3, "'", "\"", "`"]),
    st.text(max_size=12))
SCALARS = st.one_of(NUMBERS, WEIRD_TEXT, st.booleans(), st.none())

_EXPR_TOKENS = st.sampled_from([
    *FIELD_NAMES, "1", "0", "-1", "2.5", "1e308", "1e309", "9223372036854775807", "9223372036854775808",
    "'x'", "'2024-01-01'", "NULL", "TRUE", "FALSE", "+", "-", "*", "/", "%", "||", "=", "<>", "<", ">=",
    "AND", "OR", "NOT", "IN", "BETWEEN", "IS", "(", ")", ",", "CASE", "WHEN", "THEN", "ELSE", "END",
    "round(", "abs(", "least(", "coalesce(", "concat(", "date_add(", "days_between(", "substr(", "pow(",
    "exp(", "sqrt(", "if(", "é", "`a`", "!", "&&", "😀"])
_PATTERN_TOKENS = st.sampled_from([
    "a", "Z", "-", "\\d", "\\w", "\\s", "\\D", ".", "[A-Z]", "[^a]", "[0-9a-f]", "(", ")", "(?:", "|",
    "?", "*", "+", "{3}", "{0,5}", "{2,}", "{,4}", "{500}", "{1000}", "\\u00e9", "é", "^", "$", "\\",
    "[", "]", "\\1", "(?=", "😀"])


def _nested(inner: str, opener: str, closer: str, depth: int) -> str:
    return opener * depth + inner + closer * depth


EXPRESSIONS = st.one_of(
    st.lists(_EXPR_TOKENS, max_size=30).map(" ".join),
    st.builds(_nested, st.sampled_from(["a", "1", "a + 1"]), st.sampled_from(["(", "NOT ", "-", "abs("]),
              st.just(""), st.integers(0, 600)).map(lambda s: s + ")" * s.count("(")),
    st.builds(lambda op, n: f" {op} ".join(["a"] * n), st.sampled_from(["+", "*", "AND", "||", "-"]),
              st.integers(1, 500)),
    st.text(max_size=40),
)
PATTERNS = st.one_of(
    st.lists(_PATTERN_TOKENS, max_size=25).map("".join),
    st.builds(lambda n, body: "(" * n + body + ")" * n, st.integers(0, 400), st.sampled_from(["a", "\\d?", "x|y"])),
    st.builds(lambda n, m: f"(\\w?){{{n}}}\\d{{{m}}}", st.integers(0, 600), st.integers(0, 600)),
    st.text(max_size=20),
)


@st.composite
def constraints(draw) -> dict:
    """A constraints object mixing plausible and hostile values for every rule."""
    options = {
        "min_value": SCALARS, "max_value": SCALARS, "decimals": st.one_of(st.integers(-3, 20), SCALARS),
        "enum_values": st.lists(st.one_of(NUMBERS, st.text(max_size=6), st.booleans()), max_size=5),
        "weights": st.lists(st.one_of(NUMBERS, WEIRD_TEXT), max_size=5),
        "unique": st.booleans(), "nullable": st.booleans(),
        "null_probability": st.one_of(NUMBERS, WEIRD_TEXT),
        "min_length": st.one_of(st.integers(-5, 20_000), SCALARS),
        "max_length": st.one_of(st.integers(-5, 20_000), SCALARS),
        "pattern": PATTERNS,
        "distribution": st.one_of(
            st.sampled_from(["normal", "lognormal", "exponential", "uniform", "zipf"]),
            st.fixed_dictionaries({"kind": st.sampled_from(["normal", "lognormal", "exponential"])},
                                  optional={"mean": NUMBERS, "std": NUMBERS, "median": NUMBERS,
                                            "sigma": NUMBERS, "scale": NUMBERS})),
        "cardinality": st.one_of(st.integers(-1, 2_000_000), SCALARS),
        "step": st.one_of(WEIRD_TEXT, NUMBERS),
        "expression": EXPRESSIONS, "when": EXPRESSIONS,
        "after": st.sampled_from(FIELD_NAMES), "before": st.sampled_from(FIELD_NAMES),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(options)), max_size=4, unique=True))
    return {key: draw(options[key]) for key in chosen}


@st.composite
def schema_documents(draw) -> dict:
    """A schema document: usually well-formed around hostile constraint values, sometimes malformed."""
    count = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=count, max_size=count,
                          unique=draw(st.integers(0, 9)) > 0))
    fields = []
    for name in names:
        odd_type = draw(st.integers(0, 19)) == 0
        field = {"name": name, "type": draw(st.sampled_from(["int", "number", "timestamp", "blob", ""])
                                            if odd_type else st.sampled_from(FIELD_TYPES))}
        if draw(st.booleans()):
            field["constraints"] = draw(constraints())
        if draw(st.integers(0, 9)) == 0:
            field["description"] = draw(st.text(max_size=30))
        fields.append(field)
    doc: dict = {"fields": fields}
    if draw(st.booleans()):
        doc["seed"] = draw(st.one_of(st.integers(-1, 2**64), SCALARS) if draw(st.booleans())
                           else st.integers(0, 2**63 - 1))
    if draw(st.integers(0, 9)) == 0:
        doc["locale"] = draw(st.one_of(st.sampled_from(["en_US", "de_DE", "xx_YY", "ja_JP"]), WEIRD_TEXT))
    return doc


# A schema with one column of each kind an expression can read; the rule under test goes on "out".
BASE_FIELDS = [
    {"name": "a", "type": "integer", "constraints": {"min_value": -5, "max_value": 5}},
    {"name": "b", "type": "float", "constraints": {"min_value": -1e15, "max_value": 1e15}},
    {"name": "c", "type": "boolean"},
    {"name": "qty", "type": "integer", "constraints": {"nullable": True}},
    {"name": "price", "type": "decimal"},
    {"name": "status", "type": "enum", "constraints": {"enum_values": ["x", "y"]}},
    {"name": "d", "type": "date"},
    {"name": "ts", "type": "datetime"},
    {"name": "name", "type": "full_name"},
    {"name": "x", "type": "string"},
]


@st.composite
def rule_documents(draw) -> dict:
    """BASE_FIELDS plus one field carrying a random expression, condition or pattern."""
    rule = draw(st.sampled_from(["expression", "when", "pattern"]))
    if rule == "pattern":
        out = {"name": "out", "type": "code",
               "constraints": {"pattern": draw(PATTERNS), "unique": draw(st.booleans())}}
    else:
        out = {"name": "out", "type": draw(st.sampled_from(["integer", "float", "string", "boolean", "date"])),
               "constraints": {rule: draw(EXPRESSIONS)}}
    return {"fields": [*BASE_FIELDS, out]}
