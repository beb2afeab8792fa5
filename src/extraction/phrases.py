"""Small parsers for the phrases a description uses: numbers, ranges, periods, lists, lengths, pools.

Every ``find_*`` function takes a piece of text and returns what it understood plus the text with
that phrase cut out, so later parsers do not read the same words twice (a period's "7" is not a
numeric range, a length's "5-20" is not a value range).
"""

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

# One number as people write it: "-20", "$1,500.50", "20k", "−5", "2 million".
NUMBER = (r"(?:[-−–]\s?)?[$€£¥₹]?\s?(?:[-−]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
          r"(?:\s?(?:k|K|M|mm|mn|bn|B|thousand|million|billion)\b)?")

RANGE_SEPARATOR = r"\s*(?:-|–|—|to|and|through|thru|until|till|\.\.\.?|~)\s*"

# Spans the engine's relative values have no letter for, written as multiples of one they have.
UNIT_MULTIPLES = {"quarter": (3, "M"), "decade": (10, "y")}
# Unit words as prose spells them (single letters like 'm' are too ambiguous in a sentence).
TIME_UNIT_WORDS = "(?:" + "|".join(sorted(
    [w for w in timeutil.TIME_UNITS if len(w) > 1] + [f"{w}s?" for w in UNIT_MULTIPLES], key=len, reverse=True)) + ")"

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({name[:3]: num for name, num in list(MONTHS.items())})
MONTHS["sept"] = 9
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


def find_numeric_range(text: str) -> tuple[NumericRange | None, str]:
    """Find 'between 18-80', '$0-10000', '-20 to 50', 'from 1.0 to 5.0', 'up to 500', 'at least 1'."""
    two_sided = re.search(
        rf"(?:between\s+|from\s+|range\s+(?:of\s+)?|ranging\s+(?:from\s+)?)?(?P<lo>{NUMBER})\s*(?P<p1>%)?"
        rf"{RANGE_SEPARATOR}(?P<hi>{NUMBER})\s*(?P<p2>%|percent\b|pct\b)?", text, re.I)
    if two_sided:
        low, high = parse_number(two_sided["lo"]), parse_number(two_sided["hi"])
        if low is not None and high is not None:
            if low.value > high.value:
                low, high = high, low
            if (low.is_money or high.is_money):
                low.is_money = high.is_money = True
            percent = bool(two_sided["p1"] or two_sided["p2"])
            return NumericRange(low, high, percent), cut(text, two_sided)
    upper = re.search(
        rf"(?:up\s+to|upto|at\s+most|max(?:imum)?(?:\s+of)?|no\s+more\s+than|(?<!no\s)less\s+than|under|below|"
        rf"<=?|≤)\s*:?\s*(?P<n>{NUMBER})\s*(?P<p>%)?", text, re.I)
    lower = re.search(
        rf"(?:at\s+least|min(?:imum)?(?:\s+of)?|no\s+less\s+than|(?<!no\s)more\s+than|over|above|greater\s+than|"
        rf"starting\s+(?:at|from)|>=?|≥)\s*:?\s*(?P<n>{NUMBER})\s*(?P<p>%)?|(?P<n2>{NUMBER})\s*\+", text, re.I)
    if upper or lower:
        found = NumericRange(None, None)
        for match, side in ((upper, "high"), (lower, "low")):
            if match is None:
                continue
            number = parse_number(match.group("n") or match.group("n2"))
            if number is None:
                continue
            setattr(found, side, number)
            found.is_percent = found.is_percent or bool(match.groupdict().get("p"))
            text = text.replace(match.group(0), " ", 1)
        if found.low is not None or found.high is not None:
            return found, text.strip()
    return None, text


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


WORKDAY_WORDS = r"(?:business|trading|working|work)"
WORKDAYS_PER_WEEK = 5


def calendar_days(workdays: int) -> int:
    """The calendar days that hold a number of business days: 5 business days -> 7."""
    return -(-workdays * 7 // WORKDAYS_PER_WEEK)


def _iso(year: int, month: int = 1, day: int = 1) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str:
    return _iso(year, month, timeutil.month_end(year, month))


def find_period(text: str) -> tuple[Period | None, str]:
    """Find 'last 2 years', 'next 60 days', 'in 2024', 'between 2020-01-01 and 2023-12-31', 'since 2020'."""
    count_word = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|couple)"
    relative = re.search(
        rf"(?:(?:in|over|during|within|from|for|of)\s+)?(?:the\s+)?(?P<dir>last|past|previous|prior|recent|next|coming|upcoming|following)"
        rf"\s+(?:{count_word}\s*(?:of\s+)?)?(?:(?P<workdays>{WORKDAY_WORDS})\s+)?(?P<u>{TIME_UNIT_WORDS})\b",
        text, re.I)
    if relative:
        count, unit = read_duration(parse_count(relative["n"]) if relative["n"] else 1, relative["u"])
        if relative["workdays"] and unit == "d":
            count = calendar_days(count)
        future = relative["dir"].lower() in ("next", "coming", "upcoming", "following")
        if future:
            return Period("now", offset(count, unit, "+")), cut(text, relative)
        return Period(offset(count, unit, "-"), "now"), cut(text, relative)
    ago = re.search(rf"(?:within\s+)?{count_word}\s+(?P<u>{TIME_UNIT_WORDS})\s+ago\b", text, re.I)
    if ago:
        count, unit = read_duration(parse_count(ago["n"]) or 1, ago["u"])
        return Period(offset(count, unit, "-"), "now"), cut(text, ago)
    within = re.search(rf"\bwithin\s+(?:the\s+)?{count_word}\s+(?P<u>{TIME_UNIT_WORDS})\b"
                       r"(?!\s+(?:of|after|before|from|since|prior|following|later|earlier)\b)", text, re.I)
    if within and within["n"].lower() not in ("a", "an", "few", "couple"):  # 'last seen within 48 hours': the past
        count, unit = read_duration(parse_count(within["n"]) or 1, within["u"])
        return Period(offset(count, unit, "-"), "now"), cut(text, within)
    iso = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    two_dates = re.search(rf"(?:between\s+|from\s+)?(?P<a>{iso})\s*(?:-|–|—|to|and|through|until|\.\.\.?)\s*(?P<b>{iso})", text, re.I)
    if two_dates:
        return Period(two_dates["a"].replace(" ", "T"), two_dates["b"].replace(" ", "T")), cut(text, two_dates)
    quarter = re.search(r"\bQ([1-4])\s*(?:of\s+)?(\d{4})\b", text, re.I)
    if quarter:
        q, year = int(quarter[1]), int(quarter[2])
        return Period(_iso(year, 3 * q - 2), _month_end(year, 3 * q)), cut(text, quarter)
    month_span = re.search(rf"(?:between\s+|from\s+)?(?P<m1>{MONTH_WORDS})\.?\s+(?P<y1>\d{{4}})\s*(?:-|–|to|and|through|until)\s*"
                           rf"(?P<m2>{MONTH_WORDS})\.?\s+(?P<y2>\d{{4}})", text, re.I)
    if month_span:
        m1, m2 = MONTHS[month_span["m1"].lower()[:3]], MONTHS[month_span["m2"].lower()[:3]]
        return Period(_iso(int(month_span["y1"]), m1), _month_end(int(month_span["y2"]), m2)), cut(text, month_span)
    month_year = re.search(rf"\b(?P<m>{MONTH_WORDS})\.?\s+(?P<y>(?:19|20)\d{{2}})\b", text, re.I)
    if month_year:
        month, year = MONTHS[month_year["m"].lower()[:3]], int(month_year["y"])
        return Period(_iso(year, month), _month_end(year, month)), cut(text, month_year)
    years = re.search(r"(?:between\s+|from\s+)?\b(?P<a>(?:19|20)\d{2})\s*(?:-|–|to|and|through|until)\s*(?P<b>(?:19|20)\d{2})\b", text, re.I)
    if years and int(years["a"]) <= int(years["b"]):
        return Period(_iso(int(years["a"])), _iso(int(years["b"]), 12, 31)), cut(text, years)
    since = re.search(rf"\b(?:since|after|from)\s+(?P<d>{iso}|(?:19|20)\d{{2}})\b", text, re.I)
    if since:
        start = since["d"] if "-" in since["d"] else _iso(int(since["d"]))
        return Period(start.replace(" ", "T"), "now"), cut(text, since)
    until = re.search(rf"\b(?:before|until|up\s+to|through)\s+(?P<d>{iso}|(?:19|20)\d{{2}})\b", text, re.I)
    if until:
        end = until["d"] if "-" in until["d"] else _iso(int(until["d"]) - 1, 12, 31)
        return Period("-5y" if end >= "2020" else _iso(int(end[:4]) - 5), end.replace(" ", "T")), cut(text, until)
    year = re.search(r"(?:\b(?:in|during|for|of|year)\s+|^\s*|\(\s*)(?P<y>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)", text, re.I)
    if year:
        y = int(year["y"])
        return Period(_iso(y), _iso(y, 12, 31)), cut(text, year)
    single_date = re.search(rf"\b(?:on\s+)?(?P<d>{iso})\b", text)
    if single_date and re.search(r"(?:e\.g\.?|eg|like|example|format|such\s+as)\s*:?\s*$", text[: single_date.start()], re.I):
        single_date = None  # an example of the format, not the only day
    if single_date:
        day = single_date["d"][:10]
        return Period(day, day), cut(text, single_date)
    if re.search(r"\b(?:future|upcoming|scheduled)\b", text, re.I):
        return Period("now", "+1y"), text
    if re.search(r"\b(?:today)\b", text, re.I):
        return Period("-1d", "now"), text
    if re.search(r"\b(?:recent|recently)\b", text, re.I):
        return Period("-30d", "now"), text
    return None, text


def find_ages(text: str) -> tuple[tuple[int, int] | None, str]:
    """Find 'ages 18-80', 'aged 18 to 65', 'age 21+' (used for date_of_birth)."""
    m = re.search(r"\b(?:ages?|aged)\s*(?:between|from)?\s*(\d+)\s*(?:-|–|to|and)\s*(\d+)", text, re.I)
    if m:
        return (int(m[1]), int(m[2])), cut(text, m)
    m = re.search(r"\b(?:ages?|aged)\s*(?:over|above|at\s+least)?\s*(\d+)\s*\+?", text, re.I)
    if m:
        return (int(m[1]), max(int(m[1]) + 60, 90)), cut(text, m)
    m = re.search(r"\b(?:adults?|over\s+18)\b", text, re.I)
    if m:
        return (18, 90), cut(text, m)
    return None, text


def find_step(text: str) -> tuple[str | None, str]:
    """Find 'every 5 minutes', 'hourly', '15-minute intervals' -> '5m', '1h', '15m'."""
    m = re.search(rf"\bevery\s+(?P<n>\d+|a|an|one|two|five|ten|fifteen|thirty)?\s*(?P<u>{TIME_UNIT_WORDS})\b", text, re.I)
    if not m:
        m = re.search(rf"\b(?:at\s+|in\s+)?(?P<n>\d+)[\s-]*(?P<u>{TIME_UNIT_WORDS})\s+(?:intervals?|steps?|increments?|granularity|resolution)\b", text, re.I)
    if not m:  # 'interval: 15 minutes', 'frequency = 1 hour' (a key of a YAML-like list)
        m = re.search(rf"\b(?:intervals?|frequency|granularity|resolution|cadence|step)\s*[:=]\s*(?:every\s+)?"
                      rf"(?P<n>\d+|a|an|one)?\s*(?P<u>{TIME_UNIT_WORDS})\b", text, re.I)
    if m:
        count, unit = read_duration(parse_count(m["n"]) if m["n"] else 1, m["u"])
        if unit in timeutil.UNIT_MONTHS:
            return None, text
        step = offset(count, unit, "").lstrip("+")
        return step, cut(text, m)
    adverbs = {"hourly": "1h", "daily": "1d", "weekly": "7d", "minutely": "1m", "per minute": "1m",
               "per hour": "1h", "per day": "1d", r"once\s+(?:a|an|per)\s+day": "1d", r"once\s+(?:a|an|per)\s+hour": "1h",
               r"once\s+(?:a|an|per)\s+minute": "1m", r"once\s+(?:a|an|per)\s+week": "7d"}
    for word, step in adverbs.items():
        m = re.search(rf"\b{word}\b", text, re.I)
        if m:
            return step, cut(text, m)
    return None, text


@dataclass
class LengthRule:
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None


CHAR_CLASSES = [
    (r"(?:upper(?:\s*case|-case)?\s+)?(?:letters?|characters?|chars?)\s*(?:/|\bor\b|\band\b|&)\s*(?:digits?|numbers?)|"
     r"(?:digits?|numbers?)\s*(?:/|\bor\b|\band\b|&)\s*(?:upper(?:\s*case|-case)?\s+)?(?:letters?|characters?|chars?)",
     "[A-Z0-9]"),
    (r"lower(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)\s*(?:/|\bor\b|\band\b|&)\s*(?:digits?|numbers?)",
     "[a-z0-9]"),
    (r"upper(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)|capital\s+letters?", "[A-Z]"),
    (r"lower(?:\s*case|-case)?\s+(?:letters?|characters?|chars?)", "[a-z]"),
    (r"alpha\s*numeric\s+(?:characters?|chars?|symbols?)?|alphanumerics?", "[A-Z0-9]"),
    (r"hex(?:adecimal)?\s+(?:digits?|characters?|chars?)", "[0-9a-f]"),
    (r"digits?|numbers?|numeric\s+(?:characters?|chars?)", r"\d"),
    (r"letters?", "[A-Z]"),
]


def _quantifier(low: int, high: int) -> str:
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


SEPARATOR_WORDS = [(r"\b(?:dash|hyphen|minus)\b|(?<![\w])-(?![\w])|^\s*-|-\s*$", "-"), (r"\bslash\b|/", "/"),
                   (r"\bunderscore\b|_", "_"), (r"\b(?:dot|period|full\s+stop)\b", r"\."), (r"\bcolon\b", ":"),
                   (r"\bspace\b", " ")]


def _separator(between: str) -> str:
    """The literal a shape names between two runs: 'a dash', '-', 'then a slash'; none for 'followed by'."""
    if len(between) > 40:
        return ""
    for pattern, literal in SEPARATOR_WORDS:
        if re.search(pattern, between, re.I):
            return literal
    return ""


def find_length(text: str) -> tuple[LengthRule | None, str]:
    """Find '5-20 characters', 'max 200 chars', '6 uppercase letters', '2 letters followed by 4 digits'."""
    count = r"(?P<a>\d+)(?:\s*(?:-|–|to)\s*(?P<b>\d+))?"
    pieces = []
    rest = text
    for _ in range(4):
        best = None
        for words, char_class in CHAR_CLASSES:
            m = re.search(rf"\b{count}[\s-]*(?:{words})\b", rest, re.I)
            if m and (best is None or m.start() < best[0].start()):
                best = (m, char_class)
        if best is None:
            break
        m, char_class = best
        low = int(m["a"])
        high = int(m["b"]) if m["b"] else low
        if "characters" in m.group(0).lower() and char_class == "[A-Z0-9]" and "alpha" not in m.group(0).lower():
            break
        pieces.append((m.start(), m.end(), char_class + _quantifier(low, high)))
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    if pieces:
        pieces.sort()
        pattern = pieces[0][2]
        for (_, end, _), (start, _, piece) in zip(pieces, pieces[1:]):
            between = text[end:start]
            pattern += _separator(between) + piece  # '3 letters, a dash, then 5 digits' -> [A-Z]{3}-\d{5}
            rest = rest[:end] + " " * len(between) + rest[start:]
        return LengthRule(pattern=pattern), re.sub(
            r"\b(?:followed\s+by|then|and)\b|\+", " ", rest).strip()
    m = re.search(rf"\b(?:between\s+)?{count}\s*(?:characters?|chars?|symbols?)(?:\s+long)?\b", text, re.I)
    if m:
        low, high = int(m["a"]), int(m["b"]) if m["b"] else None
        before = text[: m.start()].lower()
        if high is not None:
            return LengthRule(low, high), cut(text, m)
        upper = re.search(r"(?:up\s+to|max(?:imum)?(?:\s+of)?|at\s+most|no\s+more\s+than|under|less\s+than)\s*$", before)
        if upper:
            return LengthRule(1, low), (text[: upper.start()] + " " + text[m.end():]).strip()
        lower = re.search(r"(?:at\s+least|min(?:imum)?(?:\s+of)?)\s*$", before)
        if lower:
            return LengthRule(low, max(low * 2, low + 10)), (text[: lower.start()] + " " + text[m.end():]).strip()
        return LengthRule(low, low), cut(text, m)
    m = re.search(r"\b(?:max(?:imum)?|up\s+to|at\s+most)\s*(?:length\s*)?(?:of\s+)?(\d+)\b", text, re.I)
    if m and re.search(r"\b(?:length|long|chars?|characters)\b", text, re.I):
        return LengthRule(1, int(m[1])), cut(text, m)
    return None, text


def pattern_from_example(example: str) -> str | None:
    """Turn an example like 'ORD-12345' or 'XX-9999' into a pattern 'ORD-\\d{5}' / '[A-Z]{2}-\\d{4}'."""
    example = example.strip().strip("'\"`")
    if not re.fullmatch(r"[A-Za-z0-9#\-_/.:]{3,40}", example) or not re.search(r"[\d#X9]", example):
        return None
    placeholder = re.fullmatch(r"[X9#A\-_/.:]+", example) and re.search(r"[X9#]", example)
    out = []
    for run in re.finditer(r"\d+|[A-Za-z]+|[^A-Za-z\d]+", example):
        token = run.group(0)
        if token.isdigit():
            out.append(r"\d" + _quantifier(len(token), len(token)))
        elif token.isalpha():
            if placeholder and set(token) <= {"X", "A"}:
                out.append("[A-Z]" + _quantifier(len(token), len(token)))
            else:
                out.append(token)
        else:
            for ch in token:
                out.append(r"\d" if ch == "#" else ("\\" + ch if ch in ".^$*+?()[]{}|\\" else ch))
    return "".join(out)


def find_pool(text: str) -> tuple[int | None, str]:
    """Find 'from 100 sensors', '(50 unique stores)', 'one of 20 devices', 'pool of 500' -> the pool size."""
    unit_words = rf"{TIME_UNIT_WORDS}|onwards|afterwards|%|percent|characters?|chars?|digits?|letters?|decimals?|rows|records|celsius|degrees"
    patterns = [
        rf"\b(?:from|among|across|between|over|of)\s+(?P<n>\d[\d,]*k?)\s+(?:unique\s+|distinct\s+|different\s+)?(?!(?:{unit_words})\b)(?P<w>[a-z]+s)\b",
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
    m = re.fullmatch(r"(?P<v>.+?)\s*[:=(\-–]?\s*(?P<w>\d+(?:\.\d+)?)\s*%\s*\)?", part)
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
