"""Phrases inside a column's words: numbers ('$2.5k', '1.5 million'), numeric ranges, decimals, durations, pools
('from 100 sensors') and value-list pieces; periods and grids live in ``periods``, code shapes in ``shapes``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from src.engine import timeutil




NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "hundred": 100, "few": 3, "couple": 2,
}
# Multipliers written after a number: "10k", "$1.5M", "2 million".
NUMBER_SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
                   "b": 1e9, "bn": 1e9, "billion": 1e9}
CURRENCY_SIGNS = "$€£¥₹"
# One number as people write it: "-20", "$1,500.50", "20k", "−5", "2 million". Only capitals make 'M', 'MM' and
# 'B' multipliers, whatever the flags of the pattern that embeds this: '1,500 m' and '40 mm' are lengths.
NUMBER = (r"(?:[-−–]\s?)?[$€£¥₹]?\s?(?:[-−]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
          r"(?:\s?(?:(?i:k|mn|bn|thousand|million|billion)|(?-i:MM|M|B))\b)?")
RANGE_SEPARATOR = r"\s*(?:-|–|—|(?:all\s+the\s+way\s+|right\s+)?(?:up\s+)?to|and|through|thru|until|till|\.\.\.?|~)\s*"
# Spans the engine's relative values have no letter for, written as multiples of one they have.
UNIT_MULTIPLES = {"quarter": (3, "M"), "qtr": (3, "M"), "decade": (10, "y")}
# Unit words as prose spells them (single letters like 'm' are too ambiguous in a sentence).
TIME_UNIT_WORDS = "(?:" + "|".join(sorted(
    [w for w in timeutil.TIME_UNITS if len(w) > 1] + [f"{w}s?" for w in UNIT_MULTIPLES], key=len, reverse=True)) + ")"
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]
MONTHS = {**{m: i + 1 for i, m in enumerate(MONTH_NAMES)}, **{m[:3]: i + 1 for i, m in enumerate(MONTH_NAMES)}, "sept": 9}
MONTH_WORDS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


@dataclass
class ParsedNumber:
    """A number plus what its spelling said: money sign, percent sign, digits after the point."""

    value: float
    is_money: bool = False
    decimals: int = 0

    @property
    def is_integer(self) -> bool:
        return self.decimals == 0 and float(self.value).is_integer()


@dataclass
class NumericRange:
    low: ParsedNumber | None
    high: ParsedNumber | None
    is_percent: bool = False

    @property
    def is_money(self) -> bool:
        return any(n is not None and n.is_money for n in (self.low, self.high))

    @property
    def decimals(self) -> int:
        return max((n.decimals for n in (self.low, self.high) if n is not None), default=0)


@dataclass
class Period:
    """Bounds of a date/datetime field in the schema's forms ('-2y', 'now', ISO dates)."""

    start: str
    end: str


def cut(text: str, match: re.Match) -> str:
    """Return ``text`` without the matched span."""
    return (text[: match.start()] + " " + text[match.end():]).strip()


def parse_number(raw: str) -> ParsedNumber | None:
    """Read '$1,500.50', '-20', '20k', '−5', '2 million' into a ParsedNumber."""
    s = raw.strip().replace("−", "-").replace("–", "-")
    is_money = any(sign in s for sign in CURRENCY_SIGNS)
    s = re.sub(rf"[{CURRENCY_SIGNS}\s,]", "", s)
    m = re.fullmatch(r"(-?)-?(\d+(?:\.\d+)?)([A-Za-z]*)", s)
    if not m:
        return None
    sign, digits, suffix = m.groups()
    multiplier = 1.0
    if suffix:
        key = suffix if suffix in ("M", "B") else suffix.lower()
        multiplier = NUMBER_SUFFIXES.get(key.lower() if key not in ("M", "B") else key.lower())
        if multiplier is None:
            return None
    value = float(digits) * multiplier
    decimals = len(digits.split(".")[1]) if "." in digits and multiplier == 1.0 else 0
    if sign:
        value = -value
    if value.is_integer() and decimals == 0:
        value = float(int(value))
    return ParsedNumber(value, is_money, decimals)


def parse_count(raw: str) -> int | None:
    """Read a count: '5000', '10k', '1.5 million', 'ten'."""
    word = raw.strip().lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    number = parse_number(raw)
    return int(number.value) if number is not None and number.value >= 0 else None


# 'from 5 mm to 120 mm', 'between 2 kg and 9 kg': the unit after the low end, when the high end repeats it.
LOW_UNIT = (rf"(?:\s*(?!(?:to|and|thru|till|until|through|up)\b)(?P<u1>[A-Za-zµ°²³/]{{1,5}}\.?)"
            rf"(?={RANGE_SEPARATOR}{NUMBER}\s*(?P=u1)(?![A-Za-z])))?")


def find_numeric_range(text: str) -> tuple[NumericRange | None, str]:
    """Find 'between 18-80', '$0-10000', '-20 to 50', 'from 1.0 to 5.0', 'up to 500', 'at least 1'."""
    two_sided = re.search(
        rf"(?:between\s+|from\s+|range\s+(?:of\s+)?|ranging\s+(?:from\s+)?)?(?P<lo>{NUMBER})\s*(?P<p1>%)?{LOW_UNIT}"
        rf"{RANGE_SEPARATOR}(?P<hi>{NUMBER})\s*(?P<p2>%|percent\b|pct\b)?", text, re.I)
    if two_sided:
        low, high = parse_number(two_sided["lo"]), parse_number(two_sided["hi"])
        if low is not None and high is not None:
            low = _share_multiplier(two_sided["lo"], low, two_sided["hi"], high)  # '2-10 million': 2 million up
            if low.value > high.value:
                low, high = high, low
            if (low.is_money or high.is_money):
                low.is_money = high.is_money = True
            percent = bool(two_sided["p1"] or two_sided["p2"])
            return tighten_range(NumericRange(low, high, percent), cut(text, two_sided))
    negated = _find_negated_bound(text)
    found = NumericRange(None, None)
    if negated:
        side, number, text = negated
        setattr(found, side, number)
    upper = re.search(
        rf"(?:up\s+to|upto|at\s+most|max(?:imum)?(?:\s+of)?|no\s+more\s+than|(?<!no\s)less\s+than|under|below|"
        rf"<=?|≤)\s*:?\s*(?P<n>{NUMBER})\s*(?P<p>%)?", text, re.I)
    lower = re.search(
        rf"(?:at\s+least|min(?:imum)?(?:\s+of)?|no\s+less\s+than|(?<!no\s)more\s+than|over|above|greater\s+than|"
        rf"starting\s+(?:at|from)|>=?|≥)\s*:?\s*(?P<n>{NUMBER})\s*(?P<p>%)?|(?P<n2>{NUMBER})\s*\+", text, re.I)
    if upper or lower or negated:
        for match, side in ((upper, "high"), (lower, "low")):
            if match is None or getattr(found, side) is not None:
                continue  # 'at least 500 and no more than 5,000,000': the negated bound is one side, this the other
            number = parse_number(match.group("n") or match.group("n2"))
            if number is None:
                continue
            setattr(found, side, number)
            found.is_percent = found.is_percent or bool(match.groupdict().get("p"))
            text = text.replace(match.group(0), " ", 1)
        if found.low is not None or found.high is not None:
            return found, text.strip()
    return None, text


def _share_multiplier(low_text: str, low: ParsedNumber, high_text: str, high: ParsedNumber) -> ParsedNumber:
    """'2-10 million', '$5-10M': a multiplier written only after the high end applies to the low too, when the
    low end as written (its digits) is no smaller than the high end's digits."""
    if re.search(r"[A-Za-z]\s*$", low_text) or not re.search(r"(?:thousand|million|billion|bn|M|B)\s*$", high_text):
        return low  # '1-10k' may well be 1 to 10,000: only words and capitals ('2-10 million', '$5-10M') carry
    digits = re.search(r"\d+(?:[.,]\d+)*", high_text)
    written_high = parse_number(digits.group(0)) if digits else None
    if written_high is None or written_high.value == 0 or high.value == written_high.value \
            or low.value > written_high.value:
        return low
    factor = high.value / written_high.value
    value = low.value * factor
    return ParsedNumber(float(int(value)) if value.is_integer() else value, low.is_money, 0)


# 'never below 4', 'not under 10', 'no higher than 90': a negated comparison bounds the other side.
NEGATED_BOUND_RE = re.compile(
    rf"\b(?:never|not|no|nothing|none)\s+(?:go(?:es)?\s+|falls?\s+|drops?\s+|gets?\s+)?(?:(?P<low>below|under|"
    rf"lower\s+than|less\s+than|beneath)|(?P<high>above|over|higher\s+than|greater\s+than|more\s+than|exceeds?|"
    rf"exceeding))\s*:?\s*(?P<n>{NUMBER})(?!\s*%\s+of)", re.I)
# A bound stated beside a range: 'out of 100 (minimum 60)', '0-10, at least 4', 'graded 1-5, never above 4'.
EXTRA_BOUND_RE = re.compile(
    rf"\b(?:(?P<low>min(?:imum)?(?:\s+(?:of|is))?|at\s+least|floor(?:\s+of)?|lowest(?:\s+is)?)|(?P<high>max(?:imum)?"
    rf"(?:\s+(?:of|is))?|at\s+most|cap(?:ped)?(?:\s+at)?|highest(?:\s+is)?))\s*:?\s*(?P<n>{NUMBER})(?!\s*%\s+of)",
    re.I)


def _find_negated_bound(text: str) -> tuple[str, ParsedNumber, str] | None:
    m = NEGATED_BOUND_RE.search(text)
    number = parse_number(m["n"]) if m else None
    if number is None:
        return None
    return ("low" if m["low"] else "high"), number, cut(text, m)


def tighten_range(found: NumericRange, text: str) -> tuple[NumericRange, str]:
    """A range plus a bound stated beside it: the bound narrows the range when it lies inside it."""
    for _ in range(2):
        negated = _find_negated_bound(text)
        if negated:
            side, number, rest = negated
        else:
            m = EXTRA_BOUND_RE.search(text)
            number = parse_number(m["n"]) if m else None
            if number is None:
                break
            side, rest = ("low" if m["low"] else "high"), cut(text, m)
        if not found.low.value <= number.value <= found.high.value:
            break
        number.is_money = number.is_money or found.is_money
        setattr(found, side, number)
        text = rest
    return found, text


def find_decimals(text: str) -> tuple[int | None, str]:
    """Find '2 decimal places', 'one decimal', 'rounded to 2 dp'."""
    m = re.search(r"(?:rounded\s+to\s+)?(\d+|one|two|three|four)\s*(?:decimal(?:\s+places?|s)?|dp)\b", text, re.I)
    if not m:
        return None, text
    return parse_count(m.group(1)), cut(text, m)


def read_duration(count: int, word: str) -> tuple[int, str]:
    """A count of unit words as a count of the engine's units: (2, 'quarters') -> (6, 'M')."""
    word = word.lower()
    multiple = UNIT_MULTIPLES.get(word.removesuffix("s"))
    if multiple:
        return count * multiple[0], multiple[1]
    return count, timeutil.unit_of(word)


def offset(count: int, unit: str, sign: str) -> str:
    """Write a relative bound the engine reads: (90, 'd', '-') -> '-90d', (2, 'w', '-') -> '-14d',
    (7200, 's', '') -> '2h'."""
    if unit == "w":
        count, unit = count * 7, "d"
    elif unit == "s":
        whole = next((u for u in ("h", "m") if count % timeutil.UNIT_SECONDS[u] == 0), "s")
        count, unit = count // timeutil.UNIT_SECONDS[whole], whole
    return f"{sign}{count}{unit}"


def find_pool(text: str) -> tuple[int | None, str]:
    """Find 'from 100 sensors', '(50 unique stores)', 'one of 20 devices', 'pool of 500' -> the pool size."""
    unit_words = rf"{TIME_UNIT_WORDS}|onwards|afterwards|%|percent|characters?|chars?|digits?|letters?|decimals?|rows|records|celsius|degrees"
    patterns = [
        rf"\b(?:(?:one|any)\s+of|from|among|across|between|over|of)\s+(?P<n>\d[\d,]*k?)\s+(?:unique\s+|distinct\s+|different\s+)?(?!(?:{unit_words})\b)(?P<w>[a-z]+s)\b",
        rf"\b(?P<n>\d[\d,]*k?)\s+(?:unique|distinct|different|possible)\s+(?!(?:{unit_words})\b)(?P<w>[a-z]+)",
        r"\b(?:pool|set)\s+of\s+(?P<n>\d[\d,]*k?)\b",
        r"\bone\s+of\s+(?:the\s+(?:same\s+)?)?(?P<n>\d[\d,]*)\b",
        rf"\(\s*(?:(?:about|around|roughly|approximately|approx\.?|some|~)\s*)?(?P<n>\d[\d,]*k?)\s+(?!(?:{unit_words})\b)"
        rf"(?P<w>[a-z]+s)\s*\)",
    ]
    for pattern in patterns:
        m = re.search(pattern, text, re.I)
        if m:
            size = parse_count(m["n"])
            if size:
                return size, cut(text, m)
    return None, text


@dataclass
class ListItem:
    value: str | int | float
    weight: float | None = None


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """Split on separators that sit outside parentheses/brackets ('$2,000' keeps its comma)."""
    parts, depth, current = [], 0, []
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        thousands = ch == "," and i > 0 and text[i - 1].isdigit() and re.match(r"\d{3}(?!\d)", text[i + 1:])
        if ch in separators and depth == 0 and not thousands:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_weighted_value(part: str) -> ListItem | None:
    """Read 'economy 70%', '70% economy', 'economy (70%)', 'economy: 0.7' into a value and weight."""
    part = part.strip().strip("'\"").strip()
    # a dash separates only after a space: 'economy - 70%', but 'O- 7%' is the value 'O-'
    m = re.fullmatch(r"(?P<v>.+?)\s*(?:[:=(]|\s[-–])?\s*(?P<w>\d+(?:\.\d+)?)\s*%\s*\)?", part)
    if m and not re.fullmatch(r"[\d.\s]+", m["v"]):
        return ListItem(m["v"].strip().strip("'\""), float(m["w"]))
    m = re.fullmatch(r"(?P<w>\d+(?:\.\d+)?)\s*%\s*(?:are\s+|is\s+)?(?P<v>.+)", part)
    if m:
        return ListItem(m["v"].strip().strip("'\""), float(m["w"]))
    return None


def as_list_value(part: str) -> str | int | float:
    """Keep a listed value as written, except bare numbers become numbers."""
    part = part.strip().strip("'\"`").strip()
    if re.fullmatch(r"-?\d+", part):
        return int(part)
    if re.fullmatch(r"-?\d+\.\d+", part):
        return float(part)
    return part
