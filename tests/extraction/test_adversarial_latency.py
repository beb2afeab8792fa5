"""Pathological descriptions finish fast: no reader backtracks exponentially on long runs of one character."""

from __future__ import annotations

import time

import pytest

from src.extraction import extract_offline_result
from src.extraction.fields_values import paired_weights

LIMIT_SECONDS = 10.0  # exponential readers took 20 s to 240 s; a 500-column run reads each column once (~1 s quiet)
UNITS = ["a | ", "red | blue 1", "x, ", "7", "status ", "a/b ", "each a/b ", "a  |  ", "level: low | 5 , ",
         "(a ", "1-2 ", "10% / ", "name: "]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("tail", ["", " 60/30/10"])
def test_a_5000_character_run_extracts_quickly(unit, tail):
    text = "Generate 500 rows with a status of " + (unit * (5000 // len(unit)))[:5000] + tail
    started = time.perf_counter()
    result = extract_offline_result(text)
    assert time.perf_counter() - started < LIMIT_SECONDS
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
