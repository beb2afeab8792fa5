"""Periods and grids in words: 'last 90 days', 'between January and March 2024', 'in 2025', 'ages 18-65',
'every 15 minutes', 'hourly', 'interval: 5 minutes'."""

from __future__ import annotations

import re

from src.engine import timeutil
from src.extraction.phrases import (MONTH_WORDS, MONTHS, TIME_UNIT_WORDS, Period, cut, offset, parse_count,
                                   read_duration)


WORKDAY_WORDS = r"(?:business|trading|working|work)"
WORKDAYS_PER_WEEK = 5


def calendar_days(workdays: int) -> int:
    """The calendar days that hold a number of business days: 5 business days -> 7."""
    return -(-workdays * 7 // WORKDAYS_PER_WEEK)


def _iso(year: int, month: int = 1, day: int = 1) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _month_end(year: int, month: int) -> str:
    return _iso(year, month, timeutil.month_end(year, month))


# A day written with its month's name: '2 September 2024', '3rd of March, 2025', 'March 3rd, 2025', 'Sept 3 2025'.
ORDINAL = r"(?:st|nd|rd|th)?"
DAY_MONTH_YEAR_RE = re.compile(rf"\b(?P<d>[0-3]?\d){ORDINAL}(?:\s+of)?\s+(?P<m>{MONTH_WORDS})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
                               re.I)
MONTH_DAY_YEAR_RE = re.compile(rf"\b(?P<m>{MONTH_WORDS})\.?\s+(?P<d>[0-3]?\d){ORDINAL},?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)


# 'March 3 and March 16, 2025', 'March 3 to 16, 2025', '3 to 16 March 2025': two days sharing the year
MONTH_DAY_PAIR_RE = re.compile(
    rf"\b(?P<m1>{MONTH_WORDS})\.?\s+(?P<d1>[0-3]?\d){ORDINAL}\s*(?P<sep>-|–|to|and|through|until)\s*"
    rf"(?:(?P<m2>{MONTH_WORDS})\.?\s+)?(?P<d2>[0-3]?\d){ORDINAL},?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)


# '1 March and 30 June 2025', '3 to 16 March 2025': day first, the year written once at the end
DAY_MONTH_PAIR_RE = re.compile(
    rf"\b(?P<d1>[0-3]?\d){ORDINAL}(?:\s+of)?(?:\s+(?P<m1>{MONTH_WORDS})\.?)?\s*(?P<sep>-|–|to|and|through|until)\s*"
    rf"(?P<d2>[0-3]?\d){ORDINAL}(?:\s+of)?\s+(?P<m2>{MONTH_WORDS})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I)
# 'between Feb 1 and Nov 30' / 'from 1 March to 31 May' with no year: the year the text states once elsewhere
YEARLESS_PAIR_RE = re.compile(
    rf"\b(?:(?P<m1>{MONTH_WORDS})\.?\s+(?P<d1>[0-3]?\d){ORDINAL}|(?P<e1>[0-3]?\d){ORDINAL}(?:\s+of)?\s+(?P<n1>{MONTH_WORDS})\.?)"
    rf"\s*(?P<sep>-|–|to|and|through|until)\s*"
    rf"(?:(?P<m2>{MONTH_WORDS})\.?\s+(?P<d2>[0-3]?\d){ORDINAL}|(?P<e2>[0-3]?\d){ORDINAL}(?:\s+of)?\s+(?P<n2>{MONTH_WORDS})\.?)"
    rf"(?!\s*,?\s*(?:19|20)\d{{2}})(?![\w-])", re.I)
LONE_YEAR_RE = re.compile(r"(?<![\d-])(?:19|20)\d{2}(?![\d-])")


def write_dates_as_iso(text: str) -> str:
    """'between 2 September 2024 and 20 December 2024' -> 'between 2024-09-02 and 2024-12-20'."""
    def pair(m: re.Match) -> str:
        year = m["y"]
        return f"{m['m1']} {m['d1']} {year} {m['sep']} {m['m2'] or m['m1']} {m['d2']} {year}"

    def day_pair(m: re.Match) -> str:
        year = m["y"]
        return f"{m['d1']} {m['m1'] or m['m2']} {year} {m['sep']} {m['d2']} {m['m2']} {year}"

    years = set(LONE_YEAR_RE.findall(text))
    if len(years) == 1:  # 'in 2025, between January 1 and October 31': the days of that year
        year = years.pop()
        text = YEARLESS_PAIR_RE.sub(lambda m: f"{m['m1'] or m['n1']} {m['d1'] or m['e1']} {year} {m['sep']} "
                                              f"{m['m2'] or m['n2']} {m['d2'] or m['e2']} {year}", text)
    text = DAY_MONTH_PAIR_RE.sub(day_pair, text)

    def iso(m: re.Match) -> str:
        month, day = MONTHS[m["m"].lower()[:3]], int(m["d"])
        if not 1 <= day <= timeutil.month_end(int(m["y"]), month):
            return m.group(0)
        return _iso(int(m["y"]), month, day)
    text = MONTH_DAY_PAIR_RE.sub(pair, text)
    return MONTH_DAY_YEAR_RE.sub(iso, DAY_MONTH_YEAR_RE.sub(iso, text))


LONG_DIGITS_RE = re.compile(r"\d{41,}")


def find_period(text: str) -> tuple[Period | None, str]:
    """Find 'last 2 years', 'next 60 days', 'in 2024', 'between 2020-01-01 and 2023-12-31', 'since 2020'."""
    # No period has a number of 40 digits; a longer run made the searches below quadratic (8 s for 20,000)
    text = LONG_DIGITS_RE.sub(lambda m: m.group(0)[:40], write_dates_as_iso(text))
    count_word = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|couple)"
    relative = re.search(
        rf"(?:(?:in|over|during|within|from|for|of)\s+)?(?:the\s+)?(?P<dir>last|past|previous|prior|recent|next|coming|upcoming|following)"
        rf"\s+(?:{count_word}\s*(?:of\s+)?)?(?:(?P<workdays>{WORKDAY_WORDS})\s+)?(?:(?P<u>{TIME_UNIT_WORDS})|(?<=\d)(?P<g>[hdwy]))\b",
        text, re.I)
    if relative:
        count, unit = read_duration(parse_count(relative["n"]) if relative["n"] else 1, relative["u"] or relative["g"])
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
    month_span = re.search(rf"(?:between\s+|from\s+)?(?P<m1>{MONTH_WORDS})\.?\s+(?P<y1>\d{{4}})\s*(?:-|–|—|to|and|through|thru|until|\.\.\.?)\s*"
                           rf"(?P<m2>{MONTH_WORDS})\.?\s+(?P<y2>\d{{4}})", text, re.I)
    if month_span:
        m1, m2 = MONTHS[month_span["m1"].lower()[:3]], MONTHS[month_span["m2"].lower()[:3]]
        return Period(_iso(int(month_span["y1"]), m1), _month_end(int(month_span["y2"]), m2)), cut(text, month_span)
    month_year = re.search(rf"\b(?P<m>{MONTH_WORDS})\.?\s+(?P<y>(?:19|20)\d{{2}})\b", text, re.I)
    if month_year:
        month, year = MONTHS[month_year["m"].lower()[:3]], int(month_year["y"])
        return Period(_iso(year, month), _month_end(year, month)), cut(text, month_year)
    years = re.search(r"(?:between\s+|from\s+)?\b(?P<a>(?:19|20)\d{2})\s*(?:-|–|—|to|and|through|thru|until|\.\.\.?)\s*(?P<b>(?:19|20)\d{2})\b", text, re.I)
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
    year = re.search(r"(?:\b(?:in|during|for|of|year)\s+|^\s*|\(\s*)(?P<y>(?:19|20)\d{2})\b(?!\s*(?:[-–—]|\.\.\.?)\s*\d)", text, re.I)
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


# Grids in everyday words: 'every quarter hour', 'half-hourly', 'on the hour', 'every other day'.
GRID_WORDS = {
    r"\b(?:every|each|per)\s+(?:quarter[\s-]+(?:of\s+an\s+)?hour|15\s*(?:min|mins|minutes))\b|\bquarter[\s-]+hourly\b|"
    r"\b(?:four\s+times|4\s+times)\s+(?:an|a|per)\s+hour\b|\bon\s+the\s+quarter[\s-]+hours?\b": "15m",
    r"\b(?:every|each|per)\s+half[\s-]+(?:an\s+)?hour\b|\bhalf[\s-]+hourly\b|\btwice\s+(?:an|a|per)\s+hour\b|"
    r"\bon\s+the\s+half[\s-]+hours?\b": "30m",
    r"\b(?:on|at)\s+the\s+(?:top\s+of\s+the\s+)?hour\b|\b(?:on|at)\s+(?:whole|full|round)\s+hours\b|\btop\s+of\s+"
    r"(?:the|each|every)\s+hour\b": "1h",
    r"\bevery\s+other\s+hour\b": "2h",
    r"\bevery\s+other\s+day\b": "2d",
    r"\bevery\s+other\s+week\b|\bfortnightly\b|\bbi-?weekly\b": "14d",
}


def find_step(text: str) -> tuple[str | None, str]:
    """Find 'every 5 minutes', 'hourly', '15-minute intervals' -> '5m', '1h', '15m'."""
    for words, step in GRID_WORDS.items():  # first: 'every quarter hour' is no quarter, 'half-hourly' no hour
        m = re.search(words, text, re.I)
        if m:
            return step, cut(text, m)
    m = re.search(rf"\bevery\s*:?\s+(?P<n>\d+|a|an|one|two|five|ten|fifteen|thirty)?\s*(?P<u>{TIME_UNIT_WORDS})\b", text, re.I)
    if not m:
        m = re.search(rf"\b(?:at\s+|in\s+)?(?P<n>\d+)[\s-]*(?P<u>{TIME_UNIT_WORDS})\s+(?:intervals?|steps?|increments?|granularity|"
                      rf"resolution|slots?|blocks?|windows?|buckets?|bins?|periods?|cadence|grid|marks?)\b", text, re.I)
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
