"""Tests for src.engine.patterns: regex-subset parsing, counting, random and unique generation."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from src.engine.patterns import Pattern, PatternError, compile_pattern
from src.engine.rng import RowRandom


def generate(regex: str, n: int = 500, key: int = 7, start: int = 0) -> list[str]:
    return compile_pattern(regex).generate(RowRandom(key, start, n)).to_pylist()


# --- examples --------------------------------------------------------------------------------

@pytest.mark.parametrize("regex", [
    r"INV-\d{6}",
    r"[A-Z]{3}-[0-9]{4}",
    r"[a-f0-9]{8}-[a-f0-9]{4}",
    r"^SKU_[A-Z]{2}\d{3}$",
    r"(foo|ba[rz])-\d{2,4}",
    r"[a-z]+@(gmail|yahoo)\.com",
    r"\w{3}(\.\w{2})?",
    r"(?:ab|c)*d",
    r"(?P<prefix>[A-Z])\d?",
    r"[^a-z]{3}",
    r"\D\W\S",
    r"a.b",
    r"[\d.]{2}",
    r"[-a][a-]",
    r"[]a]",
    r"a{x}",
    r"a{,2}b",
    r"x{2,}",
    r"\x41\u00e9\t\n",
    r"€\d{2}",
    r"a|b|",
    r"()",
    r"a*?b+?c??",
    r"C:\\dir\\\d",
])
def test_every_generated_string_matches(regex):
    values = generate(regex, 2000)
    assert all(re.fullmatch(regex, v) for v in values), [v for v in values if not re.fullmatch(regex, v)][:5]


def test_fixed_pattern_builds_equal_width_rows():
    pattern = compile_pattern(r"INV-\d{6}")
    array = pattern.generate(RowRandom(1, 0, 1000))
    assert array.type == pa.string()
    assert set(pc.utf8_length(array).to_pylist()) == {10}
    assert pattern.min_length == pattern.max_length == 10
    assert len(set(array.to_pylist())) > 990  # a million codes: 1000 draws rarely collide


def test_counts_of_fixed_patterns():
    assert compile_pattern(r"INV-\d{6}").count() == 10**6
    assert compile_pattern(r"[A-Z]{3}-[0-9]{4}").count() == 26**3 * 10**4
    assert compile_pattern(r"abc").count() == 1
    assert compile_pattern(r"[A-Z0-9]{20}").count() is None


@pytest.mark.parametrize(("regex", "expected"), [
    (r"[ab]{0,2}", 7),
    (r"(foo|bar)?", 3),
    (r"(a|a)", 1),
    (r"(a|aa){1,3}", 6),
    (r"a?a?", 3),
    (r"(ab|a)(b|)", 3),
    (r"x*", 9),
    (r"\d{1,2}", 110),
])
def test_counts_of_variable_patterns_count_distinct_strings(regex, expected):
    pattern = compile_pattern(regex)
    assert pattern.count() == expected
    every = pattern.generate_unique(np.arange(expected, dtype=np.uint64)).to_pylist()
    assert len(set(every)) == expected
    assert all(re.fullmatch(regex, v) for v in every)


@pytest.mark.parametrize(("regex", "low", "high"), [
    (r"INV-\d{6}", 10, 10),
    (r"a+", 1, 8),
    (r"a*", 0, 8),
    (r"(ab|c){2,3}", 2, 6),
    (r"€\d", 2, 2),
    (r"x{3,}", 3, 8),
    (r"x{12,}", 12, 12),
])
def test_length_bounds_count_characters(regex, low, high):
    pattern = compile_pattern(regex)
    assert (pattern.min_length, pattern.max_length) == (low, high)
    lengths = {len(v) for v in generate(regex, 3000)}
    assert min(lengths) == low and max(lengths) == high


def test_open_repeats_stop_at_eight():
    assert max(len(v) for v in generate(r"z+", 5000)) == 8


# --- randomness --------------------------------------------------------------------------------

def test_output_is_a_pure_function_of_key_and_row():
    regex = r"[A-Z]{2}(-\d{1,3})?"
    whole = generate(regex, 3000, key=11)
    pieces = generate(regex, 1000, key=11) + generate(regex, 2000, key=11, start=1000)
    assert whole == pieces
    assert generate(regex, 3000, key=12) != whole


def test_characters_and_alternatives_are_roughly_uniform():
    n = 30_000
    letters = Counter(generate(r"[abc]", n))
    assert all(abs(count / n - 1 / 3) < 0.02 for count in letters.values())
    options = Counter(generate(r"x|yy|zzz", n))
    assert set(options) == {"x", "yy", "zzz"}
    assert all(abs(count / n - 1 / 3) < 0.02 for count in options.values())


# --- unique ------------------------------------------------------------------------------------

def test_unique_slots_decode_in_mixed_radix_order():
    pattern = compile_pattern(r"[A-C]\d")
    assert pattern.generate_unique(np.array([0, 1, 10, 29], dtype=np.uint64)).to_pylist() \
        == ["A0", "A1", "B0", "C9"]


def test_unique_over_a_whole_small_language():
    pattern = compile_pattern(r"[A-Z]{2}\d")
    every = pattern.generate_unique(np.arange(pattern.count(), dtype=np.uint64)).to_pylist()
    assert len(set(every)) == 26 * 26 * 10
    assert set(every) == {f"{a}{b}{d}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for d in "0123456789"}


def test_unique_for_a_language_beyond_two_to_the_63():
    pattern = compile_pattern(r"[A-Z0-9]{20}")
    slots = np.array([0, 1, 2**63, 2**64 - 1, 12345678901234567890], dtype=np.uint64)
    values = pattern.generate_unique(slots).to_pylist()
    assert len(set(values)) == len(values)
    assert all(re.fullmatch(r"[A-Z0-9]{20}", v) for v in values)
    # positions beyond the slot's 64 bits are spread per slot, not left as a constant prefix
    prefixes = {v[:5] for v in pattern.generate_unique(np.arange(1000, dtype=np.uint64)).to_pylist()}
    assert len(prefixes) > 900


def test_unique_slot_out_of_range_is_rejected():
    with pytest.raises(ValueError, match="out of range"):
        compile_pattern(r"\d{2}").generate_unique(np.array([100], dtype=np.uint64))
    with pytest.raises(ValueError, match="out of range"):
        compile_pattern(r"a|b").generate_unique(np.array([2], dtype=np.uint64))
    with pytest.raises(ValueError, match="non-negative"):
        compile_pattern(r"\d{2}").generate_unique(np.array([-1]))


def test_unique_for_variable_pattern_with_many_slots():
    pattern = compile_pattern(r"[a-z]{1,6}@(mail|post)\.org")
    rng = np.random.default_rng(3)
    slots = np.unique(rng.integers(0, pattern.count(), 20_000, dtype=np.uint64))
    values = pattern.generate_unique(slots).to_pylist()
    assert len(set(values)) == len(slots)
    assert all(re.fullmatch(r"[a-z]{1,6}@(mail|post)\.org", v) for v in values)


# --- errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("regex", "message", "position"), [
    (r"(a)\1", "backreference \\1 is not supported", 3),
    (r"(?=a)b", "lookahead '(?=' is not supported", 0),
    (r"a(?<!b)", "lookbehind", 1),
    (r"(?P=x)", "backreference", 0),
    (r"(?i)abc", "inline flag group '(?i' is not supported", 0),
    (r"a\b", "word boundary \\b is not supported", 1),
    (r"a\q", "unknown escape \\q", 1),
    ("abc\\", "pattern ends with a lone backslash", 3),
    (r"a**", "multiple repeat '*'", 2),
    (r"a{2}{3}", "multiple repeat '{'", 4),
    (r"a++", "possessive quantifier '+' is not supported", 2),
    (r"*a", "nothing to repeat before '*'", 0),
    (r"{2}", "nothing to repeat before '{'", 0),
    (r"a{3,2}", "repeat minimum 3 is greater than maximum 2", 1),
    (r"(abc", "missing ')' for the group opened", 0),
    (r"abc)", "unbalanced ')'", 3),
    (r"[abc", "unterminated character class '['", 0),
    (r"[z-a]", "bad character range z-a", 1),
    (r"[a-\d]", "a class escape cannot end a range", 3),
    (r"[[:alpha:]]", "POSIX class syntax", 1),
    (r"[é]", "non-ASCII character in a character class", 1),
    (r"[^\x00-\x7f]", "matches no printable ASCII character", 0),
    (r"a$b", "'$' is only supported at the end", 1),
    (r"a^b", "'^' is only supported at the start", 1),
    (r"(^a)", "'^' is only supported at the start", 1),
    (r"\x4", "bad escape \\x4", 0),
    (r"a{1025}", "more than 1024 characters", None),
])
def test_unsupported_constructs_are_named_with_their_position(regex, message, position):
    with pytest.raises(PatternError) as caught:
        compile_pattern(regex)
    assert message in str(caught.value)
    assert caught.value.position == position
    if position is not None:
        assert str(caught.value).endswith(f"at position {position}")


def test_pattern_error_is_a_value_error():
    assert issubclass(PatternError, ValueError)
    assert isinstance(compile_pattern("a"), Pattern) and compile_pattern("a").source == "a"


# --- properties over generated regexes ---------------------------------------------------------

ATOMS = [r"a", r"b", r"Z", r"7", r"\.", r"\-", r"_", r"\ ", r"[a-c]", r"[A-Z0-9]", r"[^a-z]", r"[xy_]",
         r"\d", r"\w", r"\s", r".", r"[\d.]", r"[-q]"]
ATOM_QUANTIFIERS = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}"]
GROUP_QUANTIFIERS = ["", "", "?", "{2}", "{1,3}", "+"]


def pieces(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    group = st.tuples(st.sampled_from(["(", "(?:"]), st.lists(children, min_size=1, max_size=3),
                      st.sampled_from(GROUP_QUANTIFIERS)).map(lambda t: t[0] + "|".join(t[1]) + ")" + t[2])
    atom = st.tuples(st.sampled_from(ATOMS), st.sampled_from(ATOM_QUANTIFIERS)).map("".join)
    return st.lists(st.one_of(atom, group), min_size=1, max_size=4).map("".join)


regexes = st.recursive(st.sampled_from(ATOMS), pieces, max_leaves=5)


def count_or_skip(pattern: Pattern) -> int | None:
    """count(), skipping the example when the pattern is beyond the exact-count limit."""
    try:
        return pattern.count()
    except PatternError as exc:
        assert "too complex" in str(exc)
        assume(False)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regex=regexes, key=st.integers(0, 2**64 - 1))
def test_generated_strings_fullmatch_and_respect_lengths(regex, key):
    pattern = compile_pattern(regex)
    values = pattern.generate(RowRandom(key, 0, 200)).to_pylist()
    for value in values:
        assert re.fullmatch(regex, value), (regex, value)
        assert pattern.min_length <= len(value) <= pattern.max_length


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regex=regexes, data=st.data())
def test_unique_generation_gives_distinct_matching_strings(regex, data):
    pattern = compile_pattern(regex)
    count = count_or_skip(pattern)
    limit = count if count is not None else 2**63
    slots = data.draw(st.lists(st.integers(0, limit - 1), min_size=1, max_size=60, unique=True))
    values = pattern.generate_unique(np.array(slots, dtype=np.uint64)).to_pylist()
    assert len(set(values)) == len(values)
    assert all(re.fullmatch(regex, v) for v in values), regex


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regex=regexes)
def test_count_covers_everything_generate_produces(regex):
    pattern = compile_pattern(regex)
    count = count_or_skip(pattern)
    if count is None or count > 400:
        return
    language = set(pattern.generate_unique(np.arange(count, dtype=np.uint64)).to_pylist())
    assert len(language) == count
    assert set(pattern.generate(RowRandom(5, 0, 3000)).to_pylist()) <= language


# --- a million rows (speed is measured by bench/bench_primitives.py, not asserted here) -------

@pytest.mark.parametrize("regex", [r"INV-\d{6}", r"[A-Z]{3}-[0-9]{4}"])
def test_a_million_fixed_codes_all_match(regex):
    array = compile_pattern(regex).generate(RowRandom(9, 0, 1_000_000))
    assert len(array) == 1_000_000 and array.null_count == 0
    assert pc.all(pc.match_substring_regex(array, f"^{regex}$")).as_py()


def test_overlapping_nested_repeats_are_refused_for_counting():
    regex = r"[^a-z]+\d(?:[\d.]|([A-Z0-9]){1,3}[\d.]{2}\.*.{2,}|[xy_])+(?:[a-c])+"
    pattern = compile_pattern(regex)
    values = pattern.generate(RowRandom(1, 0, 100)).to_pylist()  # random generation still works
    assert all(re.fullmatch(regex, v) for v in values)
    with pytest.raises(PatternError, match="too complex to count"):
        pattern.count()
    with pytest.raises(PatternError, match="too complex to count"):
        pattern.generate_unique(np.array([0], dtype=np.uint64))
