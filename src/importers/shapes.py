"""What a column's values look like, without keeping them: meanings, code patterns, rounded bounds.

Used by the sample importer. Nothing here returns a real value except constant characters shared
by every value of a code (the ``ORD-`` of ``ORD-\\d{6}``) and rounded bounds.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

_VALUE_MEANINGS: tuple[tuple[str, str], ...] = (
    ("uuid", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    ("email", r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}"),
    ("url", r"https?://\S+"),
    ("ipv4", r"(?:\d{1,3}\.){3}\d{1,3}"),
    ("phone", r"\+?[\d\s().-]{7,20}"),
    ("full_name", r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’.-]+){1,2}"),
)
_REGEX_SPECIALS = set(".^$*+?()[]{}|\\")
_MEANING_SHARE = 0.9  # share of non-null values that must match a meaning's shape


def meaning_from_values(values: pa.Array) -> str | None:
    """uuid, email, url, ipv4, phone, full_name or city when nearly all values look like one."""
    text = values.drop_null().cast(pa.string())
    if len(text) == 0:
        return None
    for kind, regex in _VALUE_MEANINGS:
        matches = pc.match_substring_regex(text, f"^(?:{regex})$")
        if pc.sum(matches).as_py() / len(text) >= _MEANING_SHARE:
            if kind == "phone" and pc.min(pc.utf8_length(pc.replace_substring_regex(text, r"\D", ""))).as_py() < 7:
                continue
            if kind == "full_name" and not _mostly_known_first_names(text):
                continue
            return kind
    if pc.mean(pc.is_in(text, value_set=_city_names())).as_py() >= _MEANING_SHARE:
        return "city"
    return None


def _mostly_known_first_names(text: pa.Array) -> bool:
    first = pc.utf8_split_whitespace(text)
    first = pc.list_element(first, 0)
    return pc.mean(pc.is_in(first, value_set=_first_names())).as_py() >= 0.5


@lru_cache(maxsize=1)
def _first_names() -> pa.Array:
    from src.engine.vocab import name_pools

    return name_pools("en_US").first


@lru_cache(maxsize=1)
def _city_names() -> pa.Array:
    from src.engine.vocab import COUNTRIES

    return pa.array(sorted({city for country in COUNTRIES for city, *_ in country.cities}))


def code_pattern(values: pa.Array, max_distinct_shapes: int = 1) -> str | None:
    """A regex for values that all share one shape: 'ORD-004217', 'ORD-993410' -> 'ORD-\\d{6}'.

    A position keeps its character only when every value has that same character there.
    """
    text = [v for v in values.drop_null().cast(pa.string()).to_pylist()]
    if len(text) < 20 or len(set(len(t) for t in text)) != 1 or not 2 <= len(text[0]) <= 64:
        return None
    width = len(text[0])
    classes = []
    for i in range(width):
        chars = {t[i] for t in text}
        if len(chars) == 1:
            char = chars.pop()
            classes.append("\\" + char if char in _REGEX_SPECIALS else char)
            continue
        if all(c.isdigit() for c in chars):
            classes.append(r"\d")
        elif all("A" <= c <= "Z" for c in chars):
            classes.append("[A-Z]")
        elif all("a" <= c <= "z" for c in chars):
            classes.append("[a-z]")
        elif all(c.isascii() and c.isalnum() for c in chars):
            classes.append("[A-Z0-9]" if all(not c.islower() for c in chars) else "[A-Za-z0-9]")
        else:
            return None
    if not any(c in (r"\d", "[A-Z]", "[a-z]", "[A-Z0-9]", "[A-Za-z0-9]") for c in classes):
        return None
    _widen_digit_runs(classes)
    out, i = [], 0
    while i < width:
        j = i
        while j < width and classes[j] == classes[i]:
            j += 1
        run = j - i
        out.append(classes[i] if run == 1 else f"{classes[i]}{{{run}}}" if len(classes[i]) > 1 or
                   classes[i].startswith("\\") else classes[i] * run)
        i = j
    return "".join(out)


def _widen_digit_runs(classes: list[str]) -> None:
    """A constant digit inside a run of varying digits is a small sample's artifact, not a rule:
    TCK-100000..TCK-100299 is 'TCK-\\d{6}', so the schema can make more rows than the sample has."""
    for i, cls in enumerate(classes):
        if cls.isdigit():
            j = i
            while j < len(classes) and classes[j].isdigit():
                j += 1
            if (i > 0 and classes[i - 1] == r"\d") or (j < len(classes) and classes[j] == r"\d"):
                for k in range(i, j):
                    classes[k] = r"\d"


def round_outward(lo: float, hi: float, *, integer: bool) -> tuple[float, float]:
    """Bounds widened to round numbers (two significant digits of the span), so no real extreme shows."""
    span = hi - lo
    if span <= 0:
        span = abs(hi) or 1.0
    step = 10 ** (math.floor(math.log10(span)) - 1)
    if integer:
        step = max(1, int(step))
    new_lo = math.floor(lo / step) * step
    new_hi = math.ceil(hi / step) * step
    if new_lo == lo and lo != 0 and not (integer and step == 1):
        new_lo -= step
    if new_hi == hi and hi != 0 and not (integer and step == 1):
        new_hi += step
    if lo >= 0 > new_lo:
        new_lo = 0
    if integer:
        return int(new_lo), int(new_hi)
    digits = max(0, -math.floor(math.log10(step)))
    return round(new_lo, digits), round(new_hi, digits)


def decimals_of(values: pa.Array, limit: int = 6) -> int:
    """The most digits after the decimal point among the values (up to ``limit``)."""
    arr = values.drop_null().cast(pa.float64()).to_numpy(zero_copy_only=False)
    for d in range(limit + 1):
        scaled = arr * 10 ** d
        if (abs(scaled - scaled.round()) < 1e-6 * max(1.0, 10 ** d)).all():
            return d
    return limit


def round_dates_outward(lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of the earliest value's month and the last day of the latest value's month."""
    first = lo.replace(day=1)
    nxt = (hi.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return first, nxt - dt.timedelta(days=1)


def time_step(seconds: pa.Array) -> str | None:
    """The coarsest clock grid every timestamp lies on: '1d', '1h', '15m', '5m', '1m', or None."""
    values = seconds.drop_null().to_numpy(zero_copy_only=False)
    if len(values) < 20:
        return None
    for step, label in ((86400, "1d"), (3600, "1h"), (1800, "30m"), (900, "15m"), (300, "5m"), (60, "1m")):
        if (values % step == 0).all():
            return label
    return None
