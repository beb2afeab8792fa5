"""Unique typed text (names, cities, companies, words) within max_length: cut at a word, kept unique
by the row's own ' #<row>' tail, never made of random characters."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings

# Types whose values are words: a value too long for max_length is cut at a word.
WORD_KINDS = frozenset({
    "full_name", "first_name", "last_name", "street_address", "address", "city", "state", "country",
    "company", "job_title", "department", "product_name", "product_category", "string", "word",
    "sentence", "paragraph", "review", "color",
})
_TAIL = " #"
MIN_WORD = 3  # the fewest characters of the value kept before its tail


def fits_words(kind: str, has_pattern: bool) -> bool:
    """Whether a unique field of ``kind`` is cut at a word here (a pattern decides its own shape)."""
    return kind in WORD_KINDS and not has_pattern


def tail_length(total_rows: int) -> int:
    """Characters of the longest ' #<row>' tail of ``total_rows`` rows."""
    return len(_TAIL) + len(str(max(total_rows, 1)))


def shortest_max_length(total_rows: int) -> int:
    """The smallest max_length that holds ``total_rows`` distinct cut values."""
    return MIN_WORD + tail_length(total_rows)


def add_row_tails(values: pa.Array, tails: pa.Array, min_length: int | None = None) -> pa.Array:
    """Each value with its row's ' #<row>' tail; a result shorter than ``min_length`` has its row
    number zero-padded to reach it ('Patna #0002'): still its row's own number, so still unique."""
    if min_length:
        short_by = min_length - pc.utf8_length(values).to_numpy(zero_copy_only=False) \
            - len(_TAIL) - strings.lengths_of(tails)
        padded = tails
        for zeros in np.unique(short_by[short_by > 0]):  # a few distinct counts
            grown = pc.binary_join_element_wise("0" * int(zeros), tails, "")
            padded = pc.if_else(pa.array(short_by == zeros), grown, padded)
        tails = padded
    return strings.join(values, _TAIL, tails)


def fit_unique_words(values: pa.Array, rows: np.ndarray, max_length: int, tailed: bool,
                     min_length: int | None = None) -> pa.Array:
    """``values`` within ``max_length``. ``tailed``: the values are not unique by themselves and every
    row gets its ' #<row>' tail (cities), the value cut at a word to leave it room; else the values are
    unique already (distinct names) and only those too long are cut and given their row's tail. A
    tail names its row, and values kept whole have none of their own or their own row's, so values
    stay distinct."""
    values = pc.cast(values, pa.string())
    tails = strings.int_strings(rows.astype(np.int64) + 1)
    tail_lengths = len(_TAIL) + strings.lengths_of(tails)
    cut = values
    for length in np.unique(tail_lengths):  # a few digit counts per chunk; each row cut by its own
        room = max(int(max_length - length), 1)
        at_word = strings.cut_at_word(values, room)
        if min_length:  # a word cut too short for min_length is cut at the limit instead, mid-word
            short = pc.less(pc.utf8_length(at_word), max(int(min_length - length), 0))
            at_word = pc.if_else(short, strings.utf8_truncate(values, room), at_word)
        cut = pc.if_else(pa.array(tail_lengths == length), at_word, cut)
    cut = add_row_tails(cut, tails, min_length)
    if tailed:
        return cut
    # too long: cut and tailed; too short for min_length: tailed whole (its row's tail keeps it unique)
    lengths = pc.utf8_length(values)
    fix = pc.greater(lengths, max_length)
    if min_length:
        whole = add_row_tails(values, tails, min_length)
        short = pc.less(lengths, min_length)
        fits = pc.less_equal(pc.utf8_length(whole), max_length)
        values = pc.if_else(pc.and_(short, fits), whole, values)
        fix = pc.or_(fix, pc.and_(short, pc.invert(fits)))  # no room for the whole value and its tail
    return pc.if_else(fix, cut, values)
