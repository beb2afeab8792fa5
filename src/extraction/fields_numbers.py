"""Number words in a column's rule: how values spread ('right-skewed', 'mostly small, a few large', 'normally
distributed with mean 40') and whether the number counts whole things ('number of guests', '5-20 seats')."""

from __future__ import annotations

from typing import Any
import math
import re

from src.extraction import phrases as ph
from src.extraction.fields_values import UNIT_WORDS_RE


# 'number of guests', 'how many visits', '5-20 seats', '1 to 9 items': the number counts whole things.
PLURAL = r"(?:[a-z]{3,}s|people|persons|children|men|women|staff|crew|mice|geese|teeth|feet)"
COUNT_NOUN_RE = re.compile(
    rf"\b(?:number|count|no\.?|total|amount)\s+of\s+(?P<a>{PLURAL})\b|\bhow\s+many\s+(?P<b>{PLURAL})\b|"
    rf"(?<![\d.])\d+\s*(?:-|–|to|\.\.)\s*\d+\s+(?P<c>{PLURAL})\b", re.I)
# A size of a group counts its members: 'crew size', 'party size', 'litter size'.
GROUP_SIZE_RE = re.compile(r"\b(?:crew|team|party|group|household|family|litter|class|squad|band|herd|flock|"
                           r"cohort|delegation|committee|troop|colony|brood|clutch|batch)\s+size\b", re.I)
# Plural words after a number that measure rather than count ('0-12 hours' may be 7.5 hours; dollars are money).
NOT_COUNT_NOUNS = {"hours", "hrs", "dollars", "euros", "pounds", "cents", "percent", "decimals", "digits", "characters",
                   "letters", "chars", "years", "months", "weeks", "degrees", "points"}


def counts_things(text: str) -> bool:
    """Whether the words say the number counts whole things ('number of visits', '2-8 guests', 'crew size')."""
    if GROUP_SIZE_RE.search(text):
        return True
    for m in COUNT_NOUN_RE.finditer(text):
        noun = (m["a"] or m["b"] or m["c"]).lower()
        if noun not in NOT_COUNT_NOUNS and (not UNIT_WORDS_RE.fullmatch(noun) or noun in ("nights", "days")):
            return True
    return False


# Words for values piled at the low end with a long tail: 'right-skewed', 'mostly small, a few large'.
SKEW_RE = re.compile(
    r"\blog[- ]?normal\b|\b(?:right|positively)?[- ]?skew(?:ed)?\b|\blong[- ]tail|\bheavy[- ]tail|\bfat[- ]tail|"
    r"\bright[- ]tail|\bpower[- ]law\b|\bpareto\b|"
    r"\b(?:most(?:ly)?|usually|typically|generally|mainly|largely|predominantly|overwhelmingly)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:are\s+|is\s+)?(?:small|low|cheap|short|modest|tiny|under)\b|"
    r"\b(?:a\s+)?(?:few|handful\s+of|some|occasional|rare|the\s+odd)\s+(?:very\s+)?(?:large|big|huge|high|large\s+\w+|big\s+\w+|"
    r"whales?|outliers?)\b", re.I)


def find_distribution(text: str) -> tuple[dict[str, Any] | None, str]:
    """Find 'normally distributed with mean 40 and std 5', 'log-normal, median 120', 'exponential, mean 30'."""
    kind = None
    if re.search(r"(?<!log)(?<!log[- ])\bnormal(?:ly)?\b|\bbell[- ]?(?:curve|shaped)\b|\bgaussian\b", text, re.I):
        kind = "normal"
    elif SKEW_RE.search(text) and not re.search(r"\b(?:left|negatively)[- ]skew", text, re.I):
        kind = "lognormal"
    elif re.search(r"\bexponential", text, re.I):
        kind = "exponential"
    elif re.search(r"\buniform(?:ly)?\b|\bevenly\s+(?:spread|distributed)\b|\bflat\s+distribution\b", text, re.I):
        kind = "uniform"
    mean = re.search(rf"\b(?:mean|average|avg|centered\s+(?:at|on|around)|around|about|approximately|roughly)"
                     rf"\s*(?:of|=|:)?\s*(?P<n>{ph.NUMBER})(?![\d.,]*\s*%)", text, re.I)  # 'about 70% zero' is a share
    # 'typically 3 items' is no distribution; with one named ('log-normal, typically 40') it is the median
    typical = r"|typical(?:ly)?" if kind is not None else ""
    median = re.search(rf"\b(?:median{typical}|middle\s+value)\s*(?:of|=|:|is|around|about)?\s*(?P<n>{ph.NUMBER})"
                       rf"(?![\d.,]*\s*%)", text, re.I)
    std = re.search(rf"(?:\b(?:std|sd|standard\s+deviation|stdev|spread|give\s+or\s+take|plus\s+or\s+minus)|±|\+/-)"
                    rf"\s*(?:of|=|:|about|around)?\s*(?P<n>{ph.NUMBER})(?![\d.,]*\s*%)", text, re.I)  # 'spread 5%' is relative
    if kind is None and mean is None and median is None:
        return None, text
    found: dict[str, Any] = {"kind": kind or ("lognormal" if median and not mean else "normal")}
    centre = mean or median
    if centre and found["kind"] == "normal":
        found["mean"] = ph.parse_number(centre["n"]).value
    if std and found["kind"] == "normal" and ph.parse_number(std["n"]).value > 0:
        found["std"] = ph.parse_number(std["n"]).value
    if centre and found["kind"] == "lognormal" and ph.parse_number(centre["n"]).value > 0:
        found["median"] = ph.parse_number(centre["n"]).value
        if std and ph.parse_number(std["n"]).value > 0:
            found["sigma"] = lognormal_sigma(found["median"], ph.parse_number(std["n"]).value)
    if mean and found["kind"] == "exponential" and ph.parse_number(mean["n"]).value > 0:
        found["mean"] = ph.parse_number(mean["n"]).value  # the scale above the minimum, once the range is known
    for match in (std, mean, median):
        if match:
            text = text.replace(match.group(0), " ")
    return found, DISTRIBUTION_NAME_RE.sub(" ", text)  # 'lognormal, median 40' lists no values


# A distribution's name, taken out of the rule once read ('normal' alone stays: it is a value in 'low, normal, high').
DISTRIBUTION_NAME_RE = re.compile(
    r"\b(?:(?:heavily|highly|strongly|very|slightly|somewhat|quite)\s+)?"
    r"(?:log[- ]?normal(?:ly)?|exponential(?:ly)?|gaussian|normally|(?:(?:right|left|positively|negatively)[- ]?)?"
    r"skewed|long[- ]tailed|uniformly)(?:\s+distributed|\s+distribution)?\b|\bnormal\s+distribution\b|"
    r"\bbell[- ]?curve\b|\buniform(?=\s*(?:,|$|distribut))(?:\s+distribution)?", re.I)


def lognormal_sigma(median: float, sd: float) -> float:
    """The shape of a lognormal with this median whose values spread by ``sd`` (in the column's units)."""
    x = (1 + math.sqrt(1 + 4 * (sd / median) ** 2)) / 2  # e^(sigma^2) from sd^2 = m^2 x (x - 1)
    return round(max(math.sqrt(math.log(x)), 0.05), 4)


def keep_unique_numbers_generatable(drafts: list, total_rows: int | None, warnings: list[str]) -> None:
    """A unique whole number needs as many values as rows: 'player_id: unique integer' (no range, the default
    0-100) or a stated range too narrow for the rows is widened upward from its low end, with a warning."""
    if not total_rows:
        return
    for draft in drafts:
        c = draft.constraints
        if draft.type not in ("integer", "sequence") or not c.get("unique") or draft.derived \
                or c.get("expression") or "enum_values" in c:
            continue
        low, high = c.get("min_value"), c.get("max_value")
        if draft.type == "sequence" or not isinstance(low, (int, float)) or not isinstance(high, (int, float)):
            continue
        if high - low + 1 >= total_rows:
            continue
        start = 1 if draft.numeric_range is None and low == 0 else int(low)
        c["min_value"], c["max_value"] = start, start + max(total_rows * 10, 1000) - 1
        if draft.numeric_range is not None:
            warnings.append(f"'{draft.label}' is unique but {low:g}-{high:g} holds fewer values than {total_rows} "
                            f"rows; widened it to {c['min_value']}-{c['max_value']}")
