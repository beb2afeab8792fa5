"""Value lists weighted by frequency words: '200 mostly, some 404 and 500', 'usually card, sometimes cash, rarely
a cheque', 'economy (most), business (a few), first (rare)'.

Each value takes the tier of the frequency word beside it (before or after it; a value joined by 'and'/'or'
to the one before shares its word: 'some 404 and 500'). The usual values share MOSTLY_SHARE percent, as
'mostly X' does elsewhere; the rest is split so that a 'some' value is three times as common as a 'rarely' one.
A list of numbers read this way is a list of values, never a range ('404 and 500' is two codes).
"""

from __future__ import annotations

import re

from src.extraction import phrases as ph

HIGH = r"mostly|mainly|usually|most(?:\s+of\s+them|\s+often|\s+common|\s+of\s+the\s+time)?|typically|predominantly|" \
       r"primarily|largely|commonly|the\s+majority|majority|often|frequently"
MID = r"some|sometimes|a\s+few|few|occasionally|occasional|a\s+bit|less\s+often|less\s+common|a\s+minority"
LOW = r"rarely|rare|seldom|very\s+few|hardly\s+ever|almost\s+never|a\s+handful(?:\s+of)?|the\s+odd|now\s+and\s+then|" \
      r"once\s+in\s+a\s+while|very\s+rarely|very\s+occasionally|a\s+small\s+number(?:\s+of)?"
TIERS = (("low", LOW), ("high", HIGH), ("mid", MID))  # longest phrases first: 'very few' before 'few'
TIER_WEIGHT = {"mid": 3.0, "low": 1.0}
MOSTLY_SHARE = 70.0
VALUE = r"[A-Za-z0-9$€£][\w.'&+-]*(?:\s[A-Za-z][\w'&+-]*)?"
NEVER_RE = re.compile(r"\s*(?:never|not|no|without)\b", re.I)
NUMBER_SPAN_RE = re.compile(r"[$€£]?\d[\d,.]*[kKmM]?\s*[-–]\s*[$€£]?\d[\d,.]*[kKmM]?")
FREQ_RE = re.compile(rf"\b(?:{'|'.join(f'(?P<{name}>{words})' for name, words in TIERS)})\b", re.I)


def _tier_of(words: str) -> tuple[str | None, str]:
    """The frequency tier a part names and the part without its frequency words."""
    m = FREQ_RE.search(words)
    if m is None:
        return None, words.strip()
    rest = (words[: m.start()] + " " + words[m.end():])
    rest = re.sub(r"\b(?:of\s+them|the\s+time|times|cases)\b", " ", rest, flags=re.I)  # "most purchases are small" stays a clause
    rest = re.sub(r"^\s*(?:an?|the)\s+", "", rest.strip(" ,;()"), flags=re.I)
    return m.lastgroup, re.sub(r"\s+", " ", rest).strip(" ,;()")


def read_frequency_list(segment: str) -> list[ph.ListItem] | None:
    """'200 mostly, some 404 and 500' -> 200 (70%), 404 (15%), 500 (15%); None unless a frequency word
    weights a list of two or more plain values."""
    if not FREQ_RE.search(segment) or re.search(r"\d\s*%", segment):
        return None
    groups = [g for g in re.split(r"\s*[,;]\s*", segment.strip(" .")) if g.strip()]
    values: list[tuple[str, str | None]] = []
    for group in groups:
        inherited: str | None = None
        for k, part in enumerate(p for p in re.split(r"\s+(?:and|or|but)\s+|^(?:and|or|but)\s+", group, flags=re.I)
                                 if p.strip()):
            if NEVER_RE.match(part):  # 'never critical' names a value the column must not hold
                continue
            tier, value = _tier_of(part)
            if not value or not re.fullmatch(VALUE, value) or NUMBER_SPAN_RE.fullmatch(value):
                return None  # '50-250000, skewed (a few huge hits)' is a range and its spread, not two values
            if tier is None and k > 0:
                tier = inherited  # 'some 404 and 500': both are 'some'
            inherited = tier
            values.append((value, tier))
    if len(values) < 2 or len({v.lower() for v, _ in values}) < len(values) or all(t is None for _, t in values):
        return None
    return _weigh(values)


def _weigh(values: list[tuple[str, str | None]]) -> list[ph.ListItem]:
    tiers = [t or "mid" for _, t in values]
    high = tiers.count("high")
    rest_raw = sum(TIER_WEIGHT[t] for t in tiers if t != "high")
    if high and rest_raw:
        weights = [MOSTLY_SHARE / high if t == "high" else (100 - MOSTLY_SHARE) * TIER_WEIGHT[t] / rest_raw
                   for t in tiers]
    else:
        raw = [TIER_WEIGHT.get(t, 1.0) for t in tiers]
        weights = [100 * w / sum(raw) for w in raw]
    return [ph.ListItem(ph.as_list_value(v), round(w, 2)) for (v, _), w in zip(values, weights)]


PIECE_RE = re.compile(rf"(?:(?:and|or|but)\s+)?(?:(?:{HIGH}|{MID}|{LOW})\s+{VALUE}|{VALUE}\s+(?:{HIGH}|{MID}|{LOW}))"
                      rf"(?:\s+(?:and|or)\s+{VALUE})?", re.I)


def continues_frequency_list(item: str, piece: str) -> bool:
    """'beds: mostly 2' then 'sometimes 1': a comma piece that is one more weighted value of the list before."""
    return bool(FREQ_RE.search(item)) and bool(PIECE_RE.fullmatch(piece.strip())) \
        and read_frequency_list(f"{item.split(':')[-1].split('(')[-1]}, {piece}") is not None
