"""Counters in words: 'sequential integer starting at 1', 'auto-increment', 'running number from 1000',
'counts up by 10', 'episode number: counter per show'. A counter is the engine's ``sequence``: unique,
numbered from its start in row order."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.drafts import FieldDraft


COUNTER_RE = re.compile(
    r"\b(?:sequential(?:ly)?|consecutive|auto[- ]?increment(?:ed|ing|al)?|autoincrement(?:ed|ing)?|"
    r"(?:auto[- ]?)?incrementing|increment(?:s|ing)?\s+by\s+(?:one|1)|running\s+(?:number|count|counter)|"
    r"counter|counts?\s+up|counting\s+up|serial(?=\s+(?:integer|number)\b)|in\s+sequence|"
    r"1\s*,\s*2\s*,\s*3\s*(?:,\s*)?(?:\.\.\.|…|etc\b))", re.I)
START_RE = re.compile(rf"\b(?:start(?:s|ing)?\s+(?:at|from|with)|from|beginning\s+(?:at|with)|begins?\s+(?:at|with))\s+"
                      rf"(?P<n>{ph.NUMBER})", re.I)
STEP_RE = re.compile(r"\b(?:(?:increments?|incrementing|counts?\s+up|counting\s+up|going\s+up|step(?:s|ping)?)\s+"
                     r"(?:by|of)\s+|in\s+steps\s+of\s+)(?P<n>\d+)\b", re.I)
PER_GROUP_RE = re.compile(r"\bper\s+(?:each\s+)?(?P<g>[a-z][a-z ]{0,30}?)(?=$|[,;()]|\s+(?:starting|from|beginning)\b)",
                          re.I)
# What a counter is written as: 'sequential integer', 'auto-increment id'.
COUNTER_NOUNS_RE = re.compile(r"\b(?:integers?|ints?|numbers?|ids?|keys?|values?)\b", re.I)


def read_counter(draft: FieldDraft, text: str) -> str:
    """Take a counter's words out of the text: the draft becomes a sequence with its start and step."""
    counter = COUNTER_RE.search(text)
    if counter is None:
        return text
    start, step = 1, 1
    text = ph.cut(text, counter)
    begin = START_RE.search(text)
    if begin:
        number = ph.parse_number(begin["n"])
        if number is not None and number.is_integer and number.value >= 0:
            start = int(number.value)
            text = ph.cut(text, begin)
    stepped = STEP_RE.search(text)
    if stepped and int(stepped["n"]) > 0:
        step = int(stepped["n"])
        text = ph.cut(text, stepped)
    group = PER_GROUP_RE.search(text)
    if group:
        draft.counter_group = group["g"].strip()
        text = ph.cut(text, group)
    draft.counter = (start, step)
    return COUNTER_NOUNS_RE.sub(" ", text)


def apply_counters(drafts: list[FieldDraft], warnings: list[str]) -> None:
    """Each counter draft as a sequence; a counter per group is numbered across all rows, which the user is told."""
    for draft in drafts:
        if draft.counter is None or draft.derived or draft.kind == fm.TEMPORAL or draft.enum_items:
            continue  # 'dates in sequence' are a time grid, not a counter
        start, step = draft.counter
        keep = {k: v for k, v in draft.constraints.items() if k in ("nullable", "null_probability")}
        draft.type, draft.kind, draft.meaning_known, draft.enum_items = "sequence", fm.ID, True, None
        draft.constraints = {**keep, "min_value": start, **({"step": str(step)} if step != 1 else {})}
        if draft.counter_group:
            warnings.append(f"'{draft.label}' counts across all rows from {start}, not again for each "
                            f"{draft.counter_group}: a counter per group is not supported")
