"""Sentences of a paragraph, for the layout and header-line stages."""

from __future__ import annotations

import re


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a full stop inside brackets, a number or 'e.g.' ends none."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(paragraph):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ".!?" and depth == 0 and (i + 1 == len(paragraph) or paragraph[i + 1].isspace()):
            word = re.search(r"(\w+)$", paragraph[last:i])
            if word and word[1].lower() in {"e", "g", "i", "eg", "ie", "etc", "vs", "approx", "incl", "dr", "mr"}:
                continue
            out.append(paragraph[last:i + 1].strip())
            last = i + 1
    out.append(paragraph[last:].strip())
    return [s for s in out if s]


def depth_at(text: str, index: int) -> int:
    """How many brackets are open at ``index``: an intro word inside '(..., with time)' starts no list."""
    depth = 0
    for ch in text[:index]:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth
