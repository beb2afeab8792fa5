"""Comma pieces of a column list that say what the rows are, not a column: 'daily prod data for ~40 wells',
'last 90 days', '1 row/well/day', 'one row per store per week'. They go to the scene (which reads pools, spans and
grids from it) and are named in warnings."""

from __future__ import annotations

import re

from src.engine.semantics import singular

SCENE_PIECE_RE = re.compile(
    r"^(?:"
    # 'daily prod data for ~40 wells', 'test records for 12 stores', 'logs from 30 sensors'
    r"(?:[\w-]+\s+){0,3}(?:data|dataset|records|rows|entries|logs|readings)\s+(?:for|of|on|about|from|across)\s+"
    r"(?:~\s*|about\s+|around\s+|roughly\s+|approx\.?\s+)?\d[\d,.]*\s*k?\s+[A-Za-z][\w-]*|"
    # 'last 90 days', 'over the past 2 years', 'covering the next 6 months'
    r"(?:over\s+|for\s+|covering\s+|spanning\s+|during\s+)?(?:the\s+)?(?:last|past|next|previous)\s+\d+\s*"
    r"(?:days?|weeks?|months?|mos?|years?|yrs?|hours?|hrs?)|"
    # '1 row/well/day', 'one row per well per day', 'a row per sensor per hour'
    r"(?:1|one|a|an)\s+(?:rows?|records?|entry|line)\s*(?:/|per\s+|for\s+(?:each|every)\s+)[\w/ -]+"
    r")\s*$", re.I)


GRID_PIECE_RE = re.compile(r"^(?:1|one|a|an)\s+(?:rows?|records?|entry|line)\b", re.I)


# 'trucks: 7 of em', 'stores - 12 in total', 'cashiers: 9 different': how many of a thing the rows come from
COUNTED_POOL_RE = re.compile(r"^(?P<w>[A-Za-z]+s)\s*(?::|\s[-–—])\s*(?:~\s*|about\s+|around\s+)?(?P<n>\d{1,4})\s*"
                             r"(?:of\s+(?:them|em|'em|those|these)|(?:in\s+)?total|different|distinct|unique)\s*[.!]?$", re.I)


def name_counted_pool(item: str) -> str:
    """'trucks: 7 of em' -> 'truck: one of 7 trucks': a column of that thing, bounded to that many values."""
    m = COUNTED_POOL_RE.match(item.strip())
    if m is None:
        return item
    return f"{singular(m['w'].lower())}: one of {m['n']} {m['w']}"


def split_scene_pieces(items: list[str], warnings: list[str]) -> tuple[list[str], list[str]]:
    """Items -> (the pieces that describe the rows, the column items, a counted pool named as its column)."""
    items = [name_counted_pool(item) for item in items]
    scene = [item for item in items if SCENE_PIECE_RE.match(item.strip())]
    for piece in scene:
        warnings.append(f"read '{piece[:80]}' as what the rows are (the scene), not a column")
    kept = [piece for piece in scene if not GRID_PIECE_RE.match(piece.strip())]  # '1 row/well/day' counts no rows
    return kept, [item for item in items if item not in scene]
