"""Typed text (cities, job titles, names of things) within ``max_length`` without cutting a word.

A multi-word value too long is cut at its last whole word ('Senior Data Analyst' -> 'Senior Data'); a
value whose first word is already too long ('Hyderabad' at 8) is replaced by a value of the same
meaning that fits, drawn per row from the field's own values that fit (made once per plan from a fixed
sample, so rows never depend on chunking). When none fits, the schema is refused naming the field.
A place or the name of a thing is one name: 'El Paso' cut to 'El', or 'The Old Man and the Sea' to
'The Old', is no city or title, so those are only ever replaced whole (``whole``).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from src.engine.strings import cut_at_word
from src.engine.unique_text import WORD_KINDS

SAMPLE_ROWS = 4096  # rows of the field made once to find the values that fit
WHOLE_KINDS = frozenset({"city", "country", "state"})
# Free text fits its own length (cut at a word in its generator); codes, emails and the like are no words.
_FREE_TEXT = frozenset({"sentence", "paragraph", "review"})


def fits_by_value(kind: str) -> bool:
    """Whether a non-unique field of ``kind`` is fitted here: values that are words from a pool."""
    return kind in WORD_KINDS and kind not in _FREE_TEXT


def is_whole_name(kind: str, options: dict) -> bool:
    """Values that are one name (a city, a book title) are never cut, only replaced whole."""
    return kind in WHOLE_KINDS or "thing" in options


def mid_word_cuts(values: pa.Array, max_length: int) -> pa.Array:
    """True where a value longer than ``max_length`` has no word boundary to cut at within it."""
    too_long = pc.greater(pc.utf8_length(values), max_length)
    head = pc.utf8_slice_codeunits(values, 0, max_length + 1)
    # A space inside the first max_length + 1 characters means a whole word fits before it.
    has_break = pc.match_substring_regex(pc.utf8_slice_codeunits(head, 1, max_length + 1), r"\s")
    return pc.fill_null(pc.and_(too_long, pc.invert(has_break)), False)


def fitting_values(sample: pa.Array, max_length: int, whole: bool) -> pa.Array:
    """The distinct values of ``sample`` that fit ``max_length`` whole (or, unless ``whole``, cut at a
    word), in first-seen order (deterministic)."""
    sample = pc.drop_null(sample.cast(pa.string()))
    keep = too_long(sample, max_length) if whole else mid_word_cuts(sample, max_length)
    keep = pc.invert(keep)
    return pc.unique(cut_at_word(sample.filter(keep), max_length))


def shortest_word(sample: pa.Array, whole: bool) -> int:
    """The length of the shortest value (or first word) in ``sample``, for the message when none fits."""
    sample = pc.drop_null(sample.cast(pa.string()))
    first = pc.utf8_length(sample if whole else pc.replace_substring_regex(sample, r"\s.*$", ""))
    return int(pc.min(first).as_py() or 0)


def too_long(values: pa.Array, max_length: int) -> pa.Array:
    return pc.fill_null(pc.greater(pc.utf8_length(values), max_length), False)


def fit_words(values: pa.Array, max_length: int, pool: pa.Array, picks, whole: bool) -> pa.Array:
    """``values`` within ``max_length``: cut at a word (unless ``whole``), and rows that cannot be cut
    take ``pool``'s value at ``picks`` (row-wise draws in 0..len(pool)-1)."""
    bad = too_long(values, max_length) if whole else mid_word_cuts(values, max_length)
    cut = values if whole else cut_at_word(values, max_length)
    if not pc.any(bad).as_py():
        return cut
    return pc.if_else(bad, pool.take(pa.array(picks)), cut)
