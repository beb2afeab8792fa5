"""Where the engine's own meaning of a column name is left in charge of a column the text gives no rule.

The engine reads a `string` column's name as a thing (VIN with its check digit, ISBN-13, MIME type, time zone,
team name, ticker: src/engine/data/things.py) and gives a numeric column without a range a default by meaning
(price lognormal, rating 1-5, year recent: numeric_meanings.NUMERIC_MEANINGS). The extractor's own tables (code
patterns, placeholder categories, typical ranges) would override both, so a label the engine reads that way
takes the engine's reading unless the extractor's phrase is more specific (ends later or is longer).
"""

from __future__ import annotations

from src.engine.data.things import label_table
from src.engine.numeric_meanings import numeric_default
from src.engine.semantics import best_phrase, find_phrases, infer_thing

THING = "thing"  # the value kind of a `string` column the engine fills by its name's meaning


def engine_thing_span(tokens: list[str]) -> tuple[int, int, str, str] | None:
    """(end, length, meaning, phrase) of the name of a thing the engine reads in label tokens, or None.

    A bare code word ('code', 'item code') stays with the extractor, which gives codes their entity's shape."""
    meaning = infer_thing("_".join(tokens)) if tokens else None
    if meaning is None or meaning == "short_code":
        return None
    found = best_phrase(m for m in find_phrases(tokens, label_table()) if m[3] == meaning)
    # the head noun comes last: in 'first unit on scene' the thing is only a qualifier, the column something else
    return (found[0], found[1], meaning, found[4]) if found and found[0] == len(tokens) else None


def engine_wins(thing: tuple[int, int, str, str], end: int, length: int) -> bool:
    """Whether the engine's thing outranks the extractor's phrase ending at ``end`` with ``length`` words."""
    return (thing[0], thing[1]) >= (end, length)


def has_numeric_default(tokens: list[str]) -> bool:
    """Whether the engine gives a number of this name a default range by its meaning ('heart rate', 'price')."""
    return bool(tokens) and numeric_default("_".join(tokens)) is not None
