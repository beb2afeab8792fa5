"""Property tests: for random valid schemas, every generated value obeys its field's rules."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.engine import compile_schema
from tests.engine.conftest import ANCHOR

bounds = st.tuples(st.integers(-10**6, 10**6), st.integers(0, 10**6)).map(lambda t: (t[0], t[0] + t[1]))


@st.composite
def numeric_field(draw, index):
    lo, hi = draw(bounds)
    kind = draw(st.sampled_from(["integer", "float", "decimal"]))
    constraints = {"min_value": lo, "max_value": hi}
    if kind != "integer":
        constraints["decimals"] = draw(st.integers(0, 4))
    if draw(st.booleans()):
        constraints["distribution"] = draw(st.sampled_from(["normal", "lognormal", "exponential", "uniform"]))
    if draw(st.booleans()):
        constraints["nullable"] = True
    return {"name": f"n{index}", "type": kind, "constraints": constraints}


@st.composite
def enum_field(draw, index):
    values = draw(st.lists(st.text("abcdefgh ", min_size=1, max_size=8), min_size=1, max_size=6, unique=True))
    constraints = {"enum_values": values}
    if draw(st.booleans()):
        constraints["weights"] = draw(st.lists(st.floats(0.1, 10), min_size=len(values), max_size=len(values)))
    return {"name": f"e{index}", "type": "enum", "constraints": constraints}


@st.composite
def date_field(draw, index):
    start = draw(st.integers(-3650, 0))
    span = draw(st.integers(0, 3650))
    kind = draw(st.sampled_from(["date", "datetime"]))
    constraints = {"min_value": f"{start}d", "max_value": f"{start + span}d" if start + span else "now"}
    if kind == "datetime" and draw(st.booleans()):
        constraints["step"] = draw(st.sampled_from(["1m", "5m", "15m", "1h"]))
        constraints["min_value"] = f"{start - 1}d"
    return {"name": f"d{index}", "type": kind, "constraints": constraints}


@st.composite
def schema(draw):
    makers = [numeric_field, enum_field, date_field]
    count = draw(st.integers(1, 6))
    return {"fields": [draw(draw(st.sampled_from(makers))(i)) for i in range(count)]}


def _check(field, values):
    c = field.get("constraints", {})
    present = [v for v in values if v is not None]
    if not c.get("nullable"):
        assert len(present) == len(values)
    if field["type"] in ("integer", "float", "decimal"):
        assert all(c["min_value"] <= v <= c["max_value"] for v in present)
        if field["type"] == "integer":
            assert all(isinstance(v, int) for v in present)
        else:
            assert all(abs(round(v, c["decimals"]) - v) < 1e-6 for v in present)
    elif field["type"] == "enum":
        assert set(present) <= set(c["enum_values"])
    else:
        lo = ANCHOR + dt.timedelta(days=int(c["min_value"][:-1]))
        hi = ANCHOR if c["max_value"] == "now" else ANCHOR + dt.timedelta(days=int(c["max_value"][:-1]))
        for v in present:
            moment = v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day)
            assert lo - dt.timedelta(days=1) <= moment <= hi
            if "step" in c:
                minutes = {"1m": 1, "5m": 5, "15m": 15, "1h": 60}[c["step"]]
                assert moment.second == 0 and (moment.hour * 60 + moment.minute) % minutes == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=schema(), start=st.integers(0, 10**9), seed=st.integers(0, 2**32))
def test_random_valid_schemas_generate_values_that_obey_every_rule(doc, start, seed):
    plan = compile_schema(doc, seed=seed, anchor=ANCHOR)
    batch = plan.generate_chunk(start, 300).to_pydict()
    for field in doc["fields"]:
        _check(field, batch[field["name"]])
