"""Pathological descriptions finish fast: no reader backtracks exponentially on long runs of one character."""

from __future__ import annotations

import time

import pytest

from src.extraction import extract_offline_result
from src.extraction.fields_values import paired_weights

# Measured against this machine's own speed, in CPU time (other processes' load does not count): a linear
# reader takes a few times an ordinary 2,000-character description; the exponential ones took 20 s to 240 s.
TIMES_AN_ORDINARY_DESCRIPTION = 40
UNITS = ["a | ", "red | blue 1", "x, ", "7", "status ", "a/b ", "each a/b ", "a  |  ", "level: low | 5 , ",
         "(a ", "1-2 ", "10% / ", "name: "]
ORDINARY = ("Generate 500 rows of orders with: " + ", ".join(
    f"item {i} quantity between 1 and {i + 5}, status {i} of open, shipped or closed" for i in range(25)))[:2000]


def timed_extraction(text: str):
    """The extraction of ``text`` and the CPU seconds it took."""
    started = time.process_time()
    result = extract_offline_result(text)
    return result, time.process_time() - started


@pytest.fixture(scope="module")
def ordinary_seconds() -> float:
    timed_extraction(ORDINARY)  # the first call pays the imports and table builds
    return max(timed_extraction(ORDINARY)[1], 0.02)


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("tail", ["", " 60/30/10"])
def test_a_5000_character_run_extracts_quickly(unit, tail, ordinary_seconds):
    text = "Generate 500 rows with a status of " + (unit * (5000 // len(unit)))[:5000] + tail
    result, seconds = timed_extraction(text)
    assert seconds < TIMES_AN_ORDINARY_DESCRIPTION * ordinary_seconds
    assert result.schema_ is not None


@pytest.mark.parametrize("length", [180, 400, 2000])
def test_paired_weights_stays_linear_on_a_long_pipe_list_before_digits(length):
    segment = ("north | south | east | west " * 200)[:length] + " 1"
    started = time.perf_counter()
    assert paired_weights(segment) is None
    assert time.perf_counter() - started < 0.5  # was 6.9 s at 180 characters


def test_paired_weights_still_reads_values_then_weights():
    read = paired_weights("a | b | c (50/30/20)")
    assert [(i.value, i.weight) for i in read] == [("a", 50.0), ("b", 30.0), ("c", 20.0)]
    read = paired_weights("email, phone or chat 50%/30%/20%")
    assert read is None or [i.weight for i in read] == [50.0, 30.0, 20.0]
