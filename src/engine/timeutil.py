"""Time bounds and grids: ISO or relative values ('now', '-2y', '-90d', '+60d', '-24h', '-6M')."""

from __future__ import annotations

import calendar
import datetime as dt
import re

# Unit words -> the unit letters relative values use ('M' months, 'm' minutes).
TIME_UNITS: dict[str, str] = {
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "d": "d", "day": "d", "days": "d",
    "w": "w", "wk": "w", "wks": "w", "week": "w", "weeks": "w",
    "M": "M", "mo": "M", "month": "M", "months": "M",
    "y": "y", "yr": "y", "yrs": "y", "year": "y", "years": "y",
}
UNIT_SECONDS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}
UNIT_MONTHS = {"y": 12, "M": 1}
MAX_STEP_SECONDS = 10_000 * 366 * 86400  # no grid step spans more than the calendar (years 1-9999)

_REL_TOKEN = re.compile(r"([+-]?)\s*(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(TIME_UNITS, key=len, reverse=True))
                        + r")\b")


def unit_of(word: str) -> str:
    """The unit letter of a unit word: 'minutes' -> 'm', 'M' or 'Months' -> 'M'."""
    if word in TIME_UNITS:
        return TIME_UNITS[word]
    try:
        return TIME_UNITS[word.lower()]
    except KeyError:
        raise ValueError(f"unknown time unit {word!r}") from None


def month_end(year: int, month: int) -> int:
    """The last day of a month: (2024, 2) -> 29."""
    return calendar.monthrange(year, month)[1]


def add_months(moment: dt.datetime, months: int) -> dt.datetime:
    """``moment`` moved by whole months, the day clipped to the target month's end (Jan 31 + 1 -> Feb 29)."""
    year, month = divmod(moment.year * 12 + (moment.month - 1) + months, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    return moment.replace(year=year, month=month, day=min(moment.day, month_end(year, month)))


def parse_time_bound(value: object, anchor: dt.datetime) -> dt.datetime:
    """A naive UTC datetime from an ISO string, a relative offset against ``anchor``, or 'now'.

    Raises ValueError with a readable message for anything else.
    """
    try:
        moment = _parse_time_bound(value, anchor)
    except OverflowError:
        raise ValueError(f"{value!r} lies outside the years 1-9999") from None
    if not 1 <= moment.year <= 9999:
        raise ValueError(f"{value!r} lies outside the years 1-9999")
    return moment


def _parse_time_bound(value: object, anchor: dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value!r} is a number; use an ISO date or a relative value like '-2y'")
    text = str(value).strip()
    low = text.lower()
    if low in ("now", "today"):
        return anchor if low == "now" else anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    if low in ("yesterday", "tomorrow"):
        base = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
        return base + dt.timedelta(days=-1 if low == "yesterday" else 1)
    rel = text[3:].strip() if low.startswith("now") else text
    if rel and (rel[0] in "+-" or rel[0].isdigit()) and _REL_TOKEN.match(rel):
        moment = anchor
        pos = 0
        sign = 1
        for match in _REL_TOKEN.finditer(rel):
            if rel[pos:match.start()].strip():
                raise ValueError(f"cannot read relative time {text!r}")
            pos = match.end()
            if match.group(1):
                sign = -1 if match.group(1) == "-" else 1
            amount = float(match.group(2)) * sign
            unit = unit_of(match.group(3))
            if unit in ("y", "M"):
                months = amount * UNIT_MONTHS[unit]
                if months != int(months):
                    moment = moment + dt.timedelta(days=months * 30.4375)
                else:
                    moment = add_months(moment, int(months))
            else:
                moment = moment + dt.timedelta(seconds=amount * UNIT_SECONDS[unit])
        if rel[pos:].strip():
            raise ValueError(f"cannot read relative time {text!r}")
        return moment
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"cannot read {text!r} as a date: use ISO (2024-01-31, 2024-01-31T08:00:00) "
                         "or relative ('now', '-2y', '-90d', '+60d', '-24h')") from None
    return parsed.astimezone(dt.timezone.utc).replace(tzinfo=None) if parsed.tzinfo else parsed


def parse_step_seconds(value: str) -> int:
    """Seconds in a grid step like '5m', '15 minutes', '1h', '1d', '30s'."""
    text = str(value).strip()
    if len(text) > 40:
        raise ValueError(f"cannot read step {text[:40]!r}...: use e.g. '5m', '1h', '1d', '30s'")
    if re.fullmatch(r"\d+", text):
        return _checked_step(int(text))
    match = re.fullmatch(r"(\d+)\s*(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|min|m|seconds?|secs?|s)",
                         text, re.IGNORECASE)
    if not match:
        raise ValueError(f"cannot read step {value!r}: use e.g. '5m', '1h', '1d', '30s'")
    unit = unit_of(match.group(2) if match.group(2) != "M" else "m")
    return _checked_step(int(match.group(1)) * UNIT_SECONDS[unit])


def _checked_step(seconds: int) -> int:
    if seconds <= 0:
        raise ValueError("step must be positive")
    if seconds > MAX_STEP_SECONDS:
        raise ValueError("step is longer than 10,000 years")
    return seconds


def parse_time_of_day(value: object) -> int:
    """Seconds after midnight from 'HH:MM' or 'HH:MM:SS'."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", str(value).strip())
    if not match:
        raise ValueError(f"cannot read {value!r} as a time of day: use 'HH:MM' or 'HH:MM:SS'")
    h, m, s = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if h > 23 or m > 59 or s > 59:
        raise ValueError(f"{value!r} is not a valid time of day")
    return h * 3600 + m * 60 + s
