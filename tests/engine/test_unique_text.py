"""A unique typed text field (name, city, company...) with max_length: cut at a word, still unique,
never random characters; refused when the length cannot hold the rows."""

from __future__ import annotations

import re

import pytest

from src.engine import compile_schema
from src.engine.natural_pools import natural_pool
from src.errors import SchemaValidationError

@pytest.mark.parametrize("field_type", ["full_name", "city", "company", "job_title", "product_name",
                                        "street_address", "word", "string"])
def test_unique_typed_text_fits_max_length_and_stays_unique_in_any_split(field_type):
    def make(**limits):
        doc = {"fields": [{"name": "v", "type": field_type, "constraints": {"unique": True, **limits}}]}
        return compile_schema(doc, seed=7)

    plan = make(max_length=12)
    plan.check_row_count(3000)
    values = plan.generate_chunk(0, 3000).column(0).to_pylist()
    assert max(map(len, values)) <= 12
    assert len(set(values)) == len(values)
    split = plan.generate_chunk(0, 1234).column(0).to_pylist() + plan.generate_chunk(1234, 1766).column(0).to_pylist()
    assert split == values
    pool = natural_pool(field_type, None)
    if pool is not None:  # a pool-valued type: its own values within the limit first, then tails
        fitting = {v for v in pool.to_pylist() if len(v) <= 12}
        assert set(values[:len(fitting)]) == fitting
        assert all(v.endswith(f" #{row + 1}") for row, v in enumerate(values) if row >= len(fitting))
        return
    # Each value is the one made without the limit, kept whole or cut (at a word when one fits) and
    # given its row's ' #<row>' tail: never characters made up.
    unlimited = make().generate_chunk(0, 3000).column(0).to_pylist()
    for row, (value, full) in enumerate(zip(values, unlimited)):
        if value == full:
            continue
        assert value.endswith(f" #{row + 1}"), (value, full)
        head = value[:-len(f" #{row + 1}")]
        assert full.startswith(head), (value, full)
        if " " in full[:12 - len(f" #{row + 1}")].strip():
            assert full[len(head)] in " ,.;:!?&-/", (value, full)  # cut between words


def test_distinct_names_that_fit_are_kept_whole():
    doc = {"fields": [{"name": "v", "type": "full_name", "constraints": {"unique": True, "max_length": 14}}]}
    values = compile_schema(doc, seed=3).generate_chunk(0, 2000).column(0).to_pylist()
    whole = [v for v in values if "#" not in v]
    assert len(whole) > 1000 and all(re.fullmatch(r"\S+ \S+", v) for v in whole)


def test_a_length_too_short_for_the_rows_is_refused_naming_max_length():
    doc = {"fields": [{"name": "town", "type": "city", "constraints": {"unique": True, "max_length": 8}}]}
    plan = compile_schema(doc, seed=1)
    plan.check_row_count(999)  # 'Abc #999': 3 letters + ' #' + 3 digits
    with pytest.raises(SchemaValidationError) as err:
        plan.check_row_count(100_000)
    (problem,) = err.value.problems
    assert problem.loc == "fields[0].constraints.max_length"
    assert "field 'town'" in problem.message and "at least 11 characters" in problem.message


@pytest.mark.parametrize("kind, low, high", [("string", 8, 9), ("full_name", 11, 12), ("full_name", 3, 30)])
def test_unique_words_keep_their_min_length_too(kind, low, high):
    """'Alice #2' under min_length 11: a value too short takes its row's tail whole, or is cut at the limit."""
    from src.engine import compile_schema

    field = {"name": "v", "type": kind, "constraints": {"unique": True, "min_length": low, "max_length": high}}
    values = compile_schema({"fields": [field]}, seed=1).generate_chunk(0, 2000).to_pydict()["v"]
    assert len(set(values)) == 2000 and all(low <= len(v) <= high for v in values)


@pytest.mark.parametrize("kind", ["city", "state", "country", "color"])
@pytest.mark.parametrize("limits", [{"min_length": 14}, {"min_length": 14, "max_length": 18},
                                    {"min_length": 9, "max_length": 12}])
def test_tailed_words_reach_min_length_with_the_row_number_zero_padded(kind, limits):
    """'Patna #2' under min_length 12: the row's number is zero-padded ('Patna #00002'), in any split."""
    plan = compile_schema({"fields": [{"name": "v", "type": kind, "constraints": {"unique": True, **limits}}]},
                          seed=3)
    plan.check_row_count(5000)
    values = plan.generate_chunk(0, 5000).column(0).to_pylist()
    assert len(set(values)) == 5000
    assert all(limits["min_length"] <= len(v) <= limits.get("max_length", 10**9) for v in values)
    fitting = [v for v in natural_pool(kind, None).to_pylist()
               if limits["min_length"] <= len(v) <= limits.get("max_length", 10**9)]
    assert set(values[:len(fitting)]) == set(fitting)  # the pool's own values that fit come first
    for row, value in enumerate(values[len(fitting):], start=len(fitting)):
        head, _, number = value.rpartition(" #")
        assert head and int(number) == row + 1, value
    assert plan.generate_chunk(1234, 766).column(0).to_pylist() == values[1234:2000]
