"""Chat shorthand written out before any stage reads the text: 'qty b/w 1 and 5 w/ cents' -> 'qty between 1
and 5 with cents'. Only spellings that mean one thing wherever they stand; label abbreviations ('qty', 'amt')
stay for the label reader, which keeps the user's short name."""

from __future__ import annotations

import re

SHORTHAND = (
    (re.compile(r"(?<![\w/])b/w(?![\w/])", re.I), "between"),
    (re.compile(r"(?<![\w/])w/o(?![\w/])", re.I), "without"),
    (re.compile(r"(?<![\w/])w/(?=\s)", re.I), "with"),
    (re.compile(r"(?<![\w/])btwn(?![\w/])", re.I), "between"),
)


def expand_shorthand(text: str) -> str:
    """``text`` with chat shorthand written out ('b/w' -> 'between', 'w/' -> 'with', 'w/o' -> 'without')."""
    if "/" not in text and "btwn" not in text.lower():
        return text
    for pattern, words in SHORTHAND:
        text = pattern.sub(words, text)
    return text
