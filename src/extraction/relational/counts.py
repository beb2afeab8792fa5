"""Child counts in words -> rows_per_parent: '1 to 5 per customer', '2-10 line items each', 'up to 3',
'exactly 4', 'on average 3 (poisson)', 'several', 'skewed'."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER_WORDS = {"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
                "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}
# Digits start at a boundary and never give digits back: linear on any run of digits.
NUM = r"(?:(?<!\d)\d++|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
# In ranges and bounds only digits and real number words ('a to b' is no range).
STRICT = r"(?:(?<!\d)\d++|" + "|".join(sorted(set(NUMBER_WORDS) - {"a", "an", "no", "single"}, key=len, reverse=True)) + r")"
# Vague amounts: (min, max) per parent.
VAGUE = {"one or more": (1, 5), "at least one": (1, 5), "zero or more": (0, 5), "a few": (1, 4),
         "several": (2, 6), "multiple": (2, 6), "many": (1, 10), "some": (0, 5), "any number of": (0, 5)}
DEFAULT = (1, 5)

RANGE_RE = re.compile(rf"\b(?:between\s+|from\s+)?(?P<lo>{STRICT})\s*(?:-|–|—|to|and|\.\.)\s*(?P<hi>{STRICT})\b", re.I)
UP_TO_RE = re.compile(rf"\b(?:up\s+to|at\s+most|no\s+more\s+than|max(?:imum)?(?:\s+of)?)\s+(?P<hi>{STRICT})\b", re.I)
AT_LEAST_RE = re.compile(rf"\b(?:at\s+least|min(?:imum)?(?:\s+of)?|(?P<n>{STRICT})\s+or\s+more)\s*(?P<lo>{STRICT})?\b", re.I)
MEAN_RE = re.compile(rf"\b(?:on\s+average|an\s+average\s+of|average(?:\s+of)?|avg\.?|mean(?:\s+of)?|about|around|"
                     rf"roughly|approximately|~)\s*(?P<mean>\d+(?:\.\d+)?|{NUM})\b", re.I)
EXACT_RE = re.compile(rf"\b(?:exactly\s+)?(?P<n>{NUM})\b", re.I)
VAGUE_RE = re.compile(r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\b", re.I)
ZIPF_RE = re.compile(r"\b(?:zipf\w*|skew(?:ed)?|power[- ]law|long[- ]tail\w*|heavy[- ]tail\w*|few\s+(?:\w+\s+)?have\s+many)\b",
                     re.I)
POISSON_RE = re.compile(r"\bpoisson\b", re.I)
UNIFORM_RE = re.compile(r"\buniform(?:ly)?\b", re.I)
# Words that say the text is a count of children (so a bare number is one).
COUNT_CONTEXT_RE = re.compile(r"\b(?:per|each|every|apiece)\b", re.I)


@dataclass
class ChildCount:
    """min..max children per parent, with the distribution the words name."""

    min: int
    max: int
    distribution: str = "uniform"
    mean: float | None = None
    stated: bool = True

    def as_rows_per_parent(self, parent: str) -> dict:
        out: dict = {"parent": parent, "min": self.min, "max": self.max}
        if self.distribution == "fixed":
            return {"parent": parent, "distribution": "fixed", "count": self.min}
        if self.distribution != "uniform":
            out["distribution"] = self.distribution
        if self.mean is not None and self.distribution == "poisson":
            out["mean"] = self.mean
        return out

    def describe(self) -> str:
        if self.distribution == "fixed":
            return f"exactly {self.min}"
        text = f"{self.min}-{self.max}"
        if self.distribution == "poisson":
            return text + f" (poisson, mean {self.mean:g})" if self.mean else text + " (poisson)"
        return text + (f" ({self.distribution})" if self.distribution != "uniform" else "")


def default_count() -> ChildCount:
    return ChildCount(*DEFAULT, stated=False)


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]


def read_count(text: str, *, bare_number: bool = False) -> ChildCount | None:
    """The child count a phrase states, or None. ``bare_number``: a lone number ('3 orders') counts too."""
    if not text:
        return None
    found: ChildCount | None = None
    if m := RANGE_RE.search(text):
        lo, hi = sorted((_number(m["lo"]), _number(m["hi"])))
        found = ChildCount(lo, hi)
    elif m := UP_TO_RE.search(text):
        found = ChildCount(0, _number(m["hi"]))
    elif (m := AT_LEAST_RE.search(text)) and (m["n"] or m["lo"]):
        lo = _number(m["n"] or m["lo"])
        found = ChildCount(lo, max(lo * 2, lo + 4))
    elif m := MEAN_RE.search(text):
        raw = m["mean"]
        mean = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS[raw.lower()])
        if mean > 0:
            found = ChildCount(0, max(math.ceil(mean * 3), math.ceil(mean) + 3), "poisson", mean)
    elif m := VAGUE_RE.search(text):
        found = ChildCount(*VAGUE[m[1].lower()])
    elif (bare_number or COUNT_CONTEXT_RE.search(text) or re.search(r"\bexactly\b", text, re.I)) and \
            (m := EXACT_RE.search(text)) and m["n"].lower() not in ("a", "an", "no"):
        n = _number(m["n"])
        found = ChildCount(n, n, "fixed")
    if found is None:
        if ZIPF_RE.search(text):
            return ChildCount(1, 20, "zipf")
        return None
    return _apply_distribution(found, text)


def _apply_distribution(count: ChildCount, text: str) -> ChildCount:
    if count.distribution == "fixed":
        return count
    if ZIPF_RE.search(text):
        count.distribution, count.mean = "zipf", None
        count.min, count.max = max(count.min, 1), max(count.max, 1)
    elif POISSON_RE.search(text) or (count.mean is None and MEAN_RE.search(text)):
        count.distribution = "poisson"
        if count.mean is None and (m := MEAN_RE.search(text)) and m["mean"][0].isdigit():
            count.mean = min(float(m["mean"]), float(count.max)) or None
    elif UNIFORM_RE.search(text):
        count.distribution, count.mean = "uniform", None
    return count
