"""Text columns of a sample that are dates, times or money written the way people write them.

``read_moments``: US (``03/14/2024``), European (``14.03.2024``, ``14/03/2024``), ISO with ``T``/``Z``,
month names and clock times, each tried as a strftime format on every value (all must parse); the
format found is kept so the output writes dates as the sample did. ``read_money``: ``$2,290.28``,
``1.234,50 EUR``, ``(45.00)`` -> numbers, and the style they were written in (for the warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_DATES = ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%m-%d-%Y", "%d-%m-%Y", "%Y.%m.%d",
          "%m/%d/%y", "%d/%m/%y", "%d.%m.%y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y", "%B %d, %Y",
          "%Y%m%d")
_CLOCKS = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M%p")
_ISO_TIMES = ("T%H:%M:%SZ", "T%H:%M:%S", "T%H:%M", " %H:%M:%S", " %H:%M")
# The engine's own way of writing each kind: no format is needed for these.
ENGINE_FORMATS = {"date": "%Y-%m-%d", "datetime": "%Y-%m-%dT%H:%M:%S", "time": "%H:%M:%S"}
_DAY_FIRST = {"%d/%m/%Y": "%m/%d/%Y", "%d/%m/%y": "%m/%d/%y", "%d-%m-%Y": "%m-%d-%Y"}


@dataclass
class Moments:
    """A column read as moments: timestamps (times of day on 1900-01-01), its kind and format."""

    values: pa.Array
    kind: str  # date | datetime | time
    format: str
    ambiguous: bool = False  # month/day order could not be told from the values


def _candidates() -> list[tuple[str, str]]:
    out = [("date", f) for f in _DATES]
    out += [("datetime", d + t) for d in _DATES[:1] for t in _ISO_TIMES]
    out += [("datetime", f"{d} {t}") for d in _DATES[1:8] for t in _CLOCKS]
    out += [("time", f) for f in _CLOCKS]
    return out


def read_moments(text: pa.Array) -> Moments | None:
    """The column as dates, datetimes or times when every value parses with one format."""
    text = pc.utf8_trim_whitespace(text.drop_null().cast(pa.string()))
    if len(text) == 0 or not pc.all(pc.match_substring_regex(text, r"^[0-9]")).as_py() and \
            not pc.all(pc.match_substring_regex(text, r"^[A-Za-z]{3,9}\b")).as_py():
        return None
    if pc.any(pc.match_substring_regex(text, r"[^0-9A-Za-z:/.,\- ]")).as_py():
        return None
    for kind, fmt in _candidates():
        parsed = pc.strptime(text, format=fmt, unit="s", error_is_null=True)
        if parsed.null_count:
            continue
        if fmt == "%Y%m%d" and pc.min(pc.utf8_length(text)).as_py() != 8:
            continue
        ambiguous = fmt in _DAY_FIRST.values() and _fits(text, _day_first(fmt))
        return Moments(parsed, kind, fmt, ambiguous)
    return None


def _day_first(fmt: str) -> str:
    return next(k for k, v in _DAY_FIRST.items() if v == fmt)


def _fits(text: pa.Array, fmt: str) -> bool:
    return pc.strptime(text, format=fmt, unit="s", error_is_null=True).null_count == 0


_SYMBOLS = "$€£¥₹₽₩₺"
_CODES = r"USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR|SEK|NOK|DKK|PLN|CZK|BRL|MXN|RUB|ZAR|KRW|TRY|NZD|HKD|SGD"
_MONEY = re.compile(
    rf"^(?P<open>\()?\s*(?P<sign>-)?\s*(?P<pre>[{_SYMBOLS}]|(?:{_CODES})\s?)?\s*(?P<sign2>-)?"
    rf"(?P<number>\d{{1,3}}(?:[,.' \u00a0]\d{{3}})*(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d{{1,2}})?)"
    rf"\s*(?P<post>[{_SYMBOLS}]|\s?(?:{_CODES}))?\s*(?P<close>\))?$")


@dataclass
class Money:
    values: pa.Array  # float64
    style: str  # how the sample writes it, e.g. '$#,##0.00' or '#.##0,00 EUR'
    currency: str | None


def read_money(text: pa.Array) -> Money | None:
    """The column as amounts when every value is money and at least one says so (a currency sign or
    code, parentheses for a negative, or thousands separators with cents)."""
    values = [v.strip() for v in text.drop_null().cast(pa.string()).to_pylist()]
    if not values:
        return None
    matches = [_MONEY.match(v) for v in values]
    if not all(matches):
        return None
    marked = any(m["pre"] or m["post"] or (m["open"] and m["close"]) for m in matches)
    if not marked:
        return None
    if any(bool(m["open"]) != bool(m["close"]) for m in matches):
        return None
    decimal_sep = _decimal_separator([m["number"] for m in matches])
    if decimal_sep is None:
        return None
    amounts = []
    for m in matches:
        number = m["number"]
        whole, _, cents = number.rpartition(decimal_sep) if decimal_sep in number else (number, "", "")
        digits = re.sub(r"\D", "", whole) + "." + (cents or "0")
        amount = float(digits)
        if m["open"] or m["sign"] or m["sign2"]:
            amount = -amount
        amounts.append(amount)
    first = next(m for m in matches if m["pre"] or m["post"]) if any(m["pre"] or m["post"] for m in matches) \
        else matches[0]
    currency = (first["pre"] or first["post"] or "").strip() or None
    thousands = "," if decimal_sep == "." else "."
    body = f"#{thousands}##0{decimal_sep}00"
    post = (first["post"] or "").strip()
    style = f"{(first['pre'] or '')}{body}{(' ' + post) if len(post) == 3 else post}"
    if any(m["open"] for m in matches):
        style += f", negatives as ({body})"
    return Money(pa.array(np.array(amounts, dtype=np.float64)), style, currency)


def _decimal_separator(numbers: list[str]) -> str | None:
    """'.' or ',': the last separator of a value that has both; else one followed by 1-2 digits."""
    votes = set()
    for n in numbers:
        seps = re.findall(r"[.,]", n)
        if len(set(seps)) == 2:
            votes.add(seps[-1])
        elif seps and re.search(r"[.,]\d{1,2}$", n):
            votes.add(seps[-1])
    if len(votes) > 1:
        return None
    return votes.pop() if votes else "."
