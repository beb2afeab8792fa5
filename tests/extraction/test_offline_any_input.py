"""Any text gives the offline extractor a valid schema, and long inputs stay near-linear in time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from src.extraction.offline import extract_offline
from src.schemas import DatasetSchema
from tests.extraction.offline_helpers import extract


def test_nothing_recognisable_still_gives_a_valid_schema():
    result = extract("???")
    assert len(result.schema.fields) >= 4 and "value" not in result.schema.field_names()
    assert any("names no columns and no entity" in w for w in result.warnings)


PHRASE_PIECES = ["Age", "between 18-80", "$10-500", "(a, b, c)", "last 2 years", "every 5 minutes", "from 100 sensors",
                 "calculated", "for payments", "after order date", "5-20 characters", "-", "\n- ", ",", ":", "(", ")",
                 "unique", "70%", "Generate 100 rows with", "and", "=", "x", "1.0 to 5.0", "ID", "Status"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASE_PIECES), st.text(max_size=12)), max_size=30))
def test_any_text_gives_a_valid_schema(pieces):
    result = extract_offline(" ".join(pieces) or "x")
    DatasetSchema.model_validate(result.schema.model_dump())
    assert result.total_rows is None or result.total_rows > 0


LONG_INPUTS = {  # each at a scale n: the test compares n with n / 8, so no machine speed is assumed
    "commas": (lambda n: "1," * n, 8000),
    "digit runs": (lambda n: "- " + "1" * n + " - " + "2" * n, 5000),
    "repeated requests": (lambda n: "Generate 9" * n, 3000),
    "bullets": (lambda n: "Generate 100 rows with:\n" + "- Field (a, b) between 1 and 9\n" * n, 600),
}


@pytest.mark.timeout(600)  # a guard against a hang only; the assertion below is relative to this machine
@pytest.mark.parametrize("name", list(LONG_INPUTS))
def test_long_inputs_grow_at_most_a_little_faster_than_their_length(name):
    build, n = LONG_INPUTS[name]

    def seconds(text: str) -> float:
        started = time.process_time()
        result = extract_offline(text)
        assert 1 <= len(result.schema.fields) <= 500
        return time.process_time() - started

    small = seconds(build(n // 8))
    large = seconds(build(n))
    # 8x the text in at most 24x the CPU (quadratic work would take 64x); tiny times are floored at 50 ms
    assert large <= 24 * max(small, 0.05), f"{name}: {large:.2f} s for n={n} vs {small:.2f} s for n={n // 8}"
