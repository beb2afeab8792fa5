import datetime as dt

import pytest

ANCHOR = dt.datetime(2026, 6, 15, 12, 0, 0)


@pytest.fixture
def anchor() -> dt.datetime:
    return ANCHOR


def generate(fields, rows=500, seed=7, start=0, **schema_extra):
    """Rows of a schema as a dict of Python lists (column name -> values)."""
    from src.engine import compile_schema

    plan = compile_schema({"fields": fields, **schema_extra}, seed=seed, anchor=ANCHOR)
    return plan.generate_chunk(start, rows).to_pydict()
