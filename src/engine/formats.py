"""Text formats of dates and times: ``format: '%m/%d/%Y'`` writes a date the way a sample did.

The format is applied last, to the output column only: rules between fields (``after``, expressions,
a child's ``after: parent.col``) compare the values, never their text.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

FORMAT_KINDS = {"date", "datetime", "date_of_birth", "time"}
# strftime directives every platform writes the same way; anything else is refused by name.
DIRECTIVES = {"Y": "year", "y": "2-digit year", "m": "month", "d": "day", "H": "hour", "I": "12-hour hour",
              "M": "minute", "S": "second", "p": "AM/PM", "b": "month abbreviation", "B": "month name",
              "a": "weekday abbreviation", "A": "weekday name", "j": "day of the year", "%": "a percent sign"}
_DATE_ONLY = set("YymdbBaAj")
_TIME_ONLY = set("HIMSp")
_DIRECTIVE = re.compile(r"%(.?)")


def format_problem(kind: str, fmt: str) -> str | None:
    """Why ``fmt`` cannot write a ``kind`` value, or None when it can."""
    if kind not in FORMAT_KINDS:
        return f"format applies to dates and times, not '{kind}'"
    used = _DIRECTIVE.findall(fmt)
    unknown = [d for d in used if d not in DIRECTIVES]
    if unknown:
        return (f"format {fmt!r} uses %{unknown[0]}; the known directives are "
                + " ".join(f"%{d}" for d in DIRECTIVES))
    if not any(d != "%" for d in used):
        return f"format {fmt!r} writes no part of the value (use %Y, %m, %d, %H, %M, %S ...)"
    if kind == "time" and _DATE_ONLY & set(used):
        return f"format {fmt!r} writes a date part of a time of day"
    if kind in ("date", "date_of_birth") and _TIME_ONLY & set(used):
        return f"format {fmt!r} writes a clock time of a date"
    return None


def apply_format(values: pa.Array, fmt: str) -> pa.Array:
    """The values as text in ``fmt`` (nulls stay null)."""
    if pa.types.is_date(values.type):
        values = values.cast(pa.timestamp("s"))
    elif pa.types.is_time(values.type):
        seconds = values.cast(pa.time32("s")).cast(pa.int32()).cast(pa.int64())
        values = seconds.cast(pa.timestamp("s"))
    elif pa.types.is_timestamp(values.type) and values.type.tz is not None:
        values = values.cast(pa.timestamp(values.type.unit))
    return pc.strftime(values, format=fmt)
