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


def fit_unique_words(values: pa.Array, rows: np.ndarray, max_length: int, tailed: bool) -> pa.Array:
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
        cut = pc.if_else(pa.array(tail_lengths == length), strings.cut_at_word(values, room), cut)
    cut = strings.join(cut, _TAIL, tails)
    if tailed:
        return cut
    return pc.if_else(pc.greater(pc.utf8_length(values), max_length), cut, values)
