"""The type stage: a draft's label meaning, range, list, period and hints -> field type and constraints."""

from __future__ import annotations

from typing import Any
import re

from src.extraction import field_meaning as fm
from src.extraction import phrases as ph
from src.extraction.drafts import FieldDraft
from src.extraction.engine_meaning import has_numeric_default
from src.extraction.fields_meaning import find_draft_meaning


NUMERIC_KINDS = (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT)
# Types that may carry a 'pattern' constraint; other semantic types format their own values.
PATTERN_TYPES = {"string", "code"}
# Units that count whole things: 'length of stay in days (1 to 30)' is a whole number of days.
WHOLE_NUMBER_UNITS = {"byte", "bytes", "day", "days", "night", "nights", "ms", "millisecond", "milliseconds"}
# Time units a label may end with whose whole-number range counts whole units ('duration_sec: 900-5400').
LABEL_WHOLE_UNITS = {"sec", "secs", "seconds", "min", "mins", "minutes", "ms", "days", "nights"}


def choose_type(draft: FieldDraft, warnings: list[str]) -> None:
    """Decide the draft's type and constraints from its label meaning and qualifiers."""
    meaning = find_draft_meaning(draft)
    if (meaning is None or meaning.kind == "text") and not draft.enum_items and TRUE_SHARE_ONLY_RE.fullmatch(draft.rest_text):
        meaning = fm.Meaning("boolean", "bool")  # 'billable - yes 75%': a flag with its share of yes
    draft.meaning_known = meaning is not None
    c = draft.constraints
    if meaning:
        draft.type, draft.kind = meaning.type, meaning.kind
        defaults = dict(meaning.constraints)
    else:
        draft.type, draft.kind, defaults = "string", "text", {}
    if draft.type_hint and draft.type_hint not in ("string",):
        _apply_type_hint(draft, defaults)

    if draft.enum_items:
        _apply_enum(draft)
        values = c.get("enum_values") or []
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            draft.kind = fm.INT if all(isinstance(v, int) for v in values) else fm.FLOAT  # usable in formulas
        return
    if draft.derived:
        draft.kind = draft.kind if draft.kind in (fm.MONEY, fm.FLOAT, fm.PERCENT, fm.INT) else fm.MONEY
        return
    if draft.type == "date_of_birth" or (draft.ages and draft.type in ("date", "string")):
        draft.type = "date_of_birth"
        if draft.period and not draft.ages and re.match(r"\d{4}-", draft.period.start):
            c["min_value"], c["max_value"] = draft.period.start, draft.period.end  # 'born 1950-2005'
        elif not draft.ages and _is_years_range(draft.numeric_range):  # 'date of birth between 1820 and 1990'
            low, high = int(draft.numeric_range.low.value), int(draft.numeric_range.high.value)
            c["min_value"], c["max_value"] = f"{low:04d}-01-01", f"{high:04d}-12-31"
        else:
            c["min_value"], c["max_value"] = draft.ages or _ages_from_range(draft.numeric_range)
        return
    if draft.type == "age" and draft.ages:
        c["min_value"], c["max_value"] = draft.ages
        return
    numeric_range = draft.numeric_range
    if draft.kind == fm.TEMPORAL or (draft.period and draft.kind in ("text",) and not draft.meaning_known):
        if _is_years_range(numeric_range) and draft.period is None:
            low, high = int(numeric_range.low.value), int(numeric_range.high.value)
            draft.period = ph.Period(f"{low:04d}-01-01", f"{high:04d}-12-31")
            numeric_range = None
        if numeric_range is None and (draft.period or draft.step or draft.kind == fm.TEMPORAL):
            apply_temporal(draft)
            return
        if numeric_range is not None or draft.units:
            whole = not numeric_range or numeric_range.decimals == 0
            draft.type, draft.kind = ("integer", fm.INT) if whole else ("float", fm.FLOAT)
            defaults = {"min_value": 0, "max_value": 100} if numeric_range is None else {}
    if draft.step and draft.kind == "text" and not draft.meaning_known:
        draft.type, draft.kind = "datetime", fm.TEMPORAL
        apply_temporal(draft)
        return
    if draft.kind == fm.ID or draft.type in ("code", "uuid", "sequence"):
        _apply_identifier(draft, defaults)
        return
    if draft.type == "boolean":
        _apply_true_share(draft)
        return
    if draft.type == "enum" and (numeric_range is not None or draft.units):
        draft.type, draft.kind, defaults = "integer", fm.INT, {}  # 'Level (1-10)' counts, it lists nothing
    if draft.type == "enum":
        values = defaults.get("enum_values") or ["A", "B", "C"]
        draft.enum_items, draft.values_assumed = [ph.ListItem(v) for v in values], True
        _apply_enum(draft)
        warnings.append(f"no values listed for '{draft.label}'; used {', '.join(map(str, values))}")
        return
    if numeric_range is not None or draft.kind in NUMERIC_KINDS or draft.decimals is not None:
        _apply_number(draft, defaults, numeric_range)
        return
    if draft.length is not None:
        _apply_length(draft)
    if draft.pool:
        c["cardinality"] = draft.pool
    if draft.type == "string":
        if c.get("pattern"):
            draft.type = "code"
        elif draft.period:
            draft.type = "date"
            apply_temporal(draft)
        elif draft.kind != fm.THING:  # a thing the engine fills by its name needs no warning
            warnings.append(f"could not understand '{draft.label}'; used a text column")
    for key, value in defaults.items():
        c.setdefault(key, value)


def _ages_from_range(numeric_range: ph.NumericRange | None) -> tuple[int, int]:
    """'Date of birth (18+)' or '(21-65)': the range is in years of age; adults by default."""
    low = int(numeric_range.low.value) if numeric_range and numeric_range.low else 18
    high = int(numeric_range.high.value) if numeric_range and numeric_range.high else max(80, low + 30)
    return (low, high) if 0 <= low <= high <= 120 else (18, 80)


TRUE_SHARE_ONLY_RE = re.compile(
    r"[\s(,]*(?:(?:yes|true|no|false)\s*[:=(]?\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%\s*(?:are\s+|is\s+)?(?:yes|true|no|false))"
    r"[\s),]*", re.I)


def _apply_true_share(draft: FieldDraft) -> None:
    """'Is fraud (2% true)' -> true on 2% of rows; 'billable - no 25%' -> true on 75%."""
    before = re.search(r"\b(true|yes|false|no)\s*[:=(]?\s*(\d+(?:\.\d+)?)\s*%", draft.rest_text, re.I)
    if before and float(before[2]) <= 100:
        p_true = float(before[2]) if before[1].lower() in ("true", "yes") else 100 - float(before[2])
        draft.constraints["enum_values"], draft.constraints["weights"] = [True, False], [p_true, 100 - p_true]
        return
    share = re.search(r"(\d+(?:\.\d+)?)\s*%\s*(?:(?:are|is|of\s+\w+)\s+)?(true|yes|false|no)?", draft.rest_text, re.I)
    if share and float(share[1]) <= 100:
        p_true = float(share[1]) if (share[2] or "true").lower() in ("true", "yes") else 100 - float(share[1])
        draft.constraints["enum_values"], draft.constraints["weights"] = [True, False], [p_true, 100 - p_true]


def _apply_type_hint(draft: FieldDraft, defaults: dict[str, Any]) -> None:
    hint = draft.type_hint
    if hint in ("uuid", "sequence"):
        draft.type, draft.kind = hint, fm.ID
    elif hint in ("integer", "float", "decimal") and draft.kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT):
        draft.type, draft.kind = hint, {"integer": fm.INT, "float": fm.FLOAT, "decimal": fm.MONEY}[hint]
    elif hint in ("date", "datetime", "time") and draft.kind != fm.TEMPORAL:
        draft.type, draft.kind = hint, fm.TEMPORAL
    elif hint == "datetime" and draft.type == "date":
        draft.type = "datetime"  # 'Created on (with time)'
    elif hint == "boolean":
        draft.type, draft.kind = "boolean", "bool"
    elif hint == "country_code":
        draft.type = hint  # 'country (2-letter ISO code)': type_words read the shape
    elif hint in ("email", "url") or (hint == "sentence" and not draft.meaning_known):
        draft.type, draft.kind = hint, "text"


def _is_years_range(numeric_range: ph.NumericRange | None) -> bool:
    return bool(numeric_range and numeric_range.low and numeric_range.high
                and all(n.is_integer and 1500 <= n.value <= 2100 for n in (numeric_range.low, numeric_range.high)))


def _apply_enum(draft: FieldDraft) -> None:
    c = draft.constraints
    values = [item.value for item in draft.enum_items]
    seen, unique_values, weights = set(), [], []
    for item in draft.enum_items:
        key = str(item.value).lower()
        if key in seen:
            continue
        seen.add(key)
        unique_values.append(item.value)
        weights.append(item.weight)
    c["enum_values"] = unique_values
    if all(w is not None for w in weights) and sum(weights) > 0:
        c["weights"] = [float(w) for w in weights]
    if c.get("unique") and len(values) < 1000:
        c.pop("unique")
    draft.type, draft.kind = "enum", "enum"


def apply_temporal(draft: FieldDraft) -> None:
    """Date/datetime bounds from the period (default: the last year) and the time grid."""
    c = draft.constraints
    if draft.type == "string" or (draft.type == "date" and draft.step and re.search(r"[smh]$", draft.step)):
        draft.type = "datetime" if draft.step else "date"
    if draft.type not in ("date", "datetime", "time"):
        draft.type = "datetime"
    if draft.type == "time" and draft.period is not None:
        draft.type = "datetime"  # 'appointment time in the next 30 days': a moment on those days
    if draft.type == "date" and draft.period is not None and _is_within_a_day(draft.period):
        draft.type = "datetime"  # 'over the last 6 hours': moments of a day, not days
    draft.kind = fm.TEMPORAL
    if draft.type == "time":
        return
    if draft.period:
        start, end = draft.period.start, draft.period.end
        if draft.type == "datetime" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
            end += "T23:59:59"  # 'in 2024' includes the whole last day
        c["min_value"], c["max_value"] = start, end
    elif "min_value" not in c:
        c["min_value"], c["max_value"] = "-1y", "now"
    if draft.step:
        c["step"] = draft.step


def _is_within_a_day(period) -> bool:
    """A relative period in minutes or hours ('-6h', '-90m') spans moments of one day, not days."""
    return any(re.fullmatch(r"[+-]\d+(?:\.\d+)?(?:h|m|min|s)", str(end)) for end in (period.start, period.end))


def _apply_identifier(draft: FieldDraft, defaults: dict[str, Any]) -> None:
    c = draft.constraints
    if draft.type == "sequence":
        c["unique"] = True
        return
    if draft.type == "uuid" or draft.type_hint == "uuid":
        draft.type = "uuid"
        return
    if draft.numeric_range is not None and draft.numeric_range.low and draft.numeric_range.high:
        draft.type, draft.kind = "integer", fm.ID
        c["min_value"], c["max_value"] = int(draft.numeric_range.low.value), int(draft.numeric_range.high.value)
        if draft.pool:
            c["cardinality"] = draft.pool
        return
    draft.type = "code"
    if "pattern" in c:
        pass
    elif draft.length is not None and draft.length.pattern:
        c["pattern"] = draft.length.pattern
    elif draft.length is not None and draft.length.min_length:
        size = draft.length.max_length or draft.length.min_length
        c["pattern"] = rf"[A-Z0-9]{{{size}}}"
    if "pattern" not in c and "pattern" in defaults:
        c["pattern"] = defaults["pattern"]
    if draft.pool:
        c["cardinality"] = draft.pool
    draft.needs_id_pattern = "pattern" not in c


def _apply_length(draft: FieldDraft) -> None:
    c = draft.constraints
    rule = draft.length
    if rule.pattern:
        if draft.type in PATTERN_TYPES:
            c.setdefault("pattern", rule.pattern)
        return
    if rule.min_length is not None:
        c["min_length"] = rule.min_length
    if rule.max_length is not None:
        c["max_length"] = rule.max_length


def _apply_number(draft: FieldDraft, defaults: dict[str, Any], numeric_range: ph.NumericRange | None) -> None:
    c = draft.constraints
    kind = draft.kind
    if numeric_range is not None:
        if numeric_range.is_money:
            kind = fm.MONEY
        elif kind not in (fm.MONEY, fm.INT, fm.FLOAT, fm.PERCENT):
            if numeric_range.is_percent or "%" in draft.units or "percent" in draft.units:
                kind = fm.PERCENT
            elif numeric_range.decimals > 0 or draft.units:
                kind = fm.FLOAT if (numeric_range.decimals > 0 or _is_measure_unit(draft.units)) else fm.INT
            else:
                kind = fm.INT
        elif kind == fm.INT and (numeric_range.decimals > 0 or draft.decimals):
            kind = fm.FLOAT
        if kind in (fm.FLOAT, fm.INT) and (draft.counts_things or _counts_whole_units(draft, numeric_range)) \
                and numeric_range.decimals == 0 and draft.decimals is None:
            kind = fm.INT  # 'length of stay in days (1 to 30)', 'size in bytes', 'number of guests, 1 to 12'
    elif draft.decimals is not None and kind not in (fm.MONEY, fm.FLOAT, fm.PERCENT):
        kind = fm.FLOAT
    if draft.decimals == 0 and kind in (fm.FLOAT, fm.PERCENT):
        kind = fm.INT  # 'progress % (0-100, whole number)'
    if draft.decimals == 0 and kind == fm.INT and draft.type in ("float", "percentage"):
        draft.type = "integer"
    if numeric_range is None and draft.distribution is None and not draft.units and has_numeric_default(draft.tokens):
        _apply_engine_number(draft, kind)
        return
    typical = fm.default_range(draft.tokens)
    if typical:
        defaults = {**defaults, "min_value": typical[0], "max_value": typical[1]}
    low = numeric_range.low.value if numeric_range and numeric_range.low else None
    high = numeric_range.high.value if numeric_range and numeric_range.high else None
    if low is None:
        low = defaults.get("min_value", 0)
        if high is not None and low > high:
            low = 0 if high > 0 else high - 100
    if high is None:
        high = defaults.get("max_value")
        if high is None or high <= low:
            high = max(low * 10, low + 100) if low >= 0 else low + 100
    draft.kind = kind
    if draft.type == "age":
        pass  # keeps its type: the engine makes it agree with a date of birth
    elif kind == fm.MONEY:
        draft.type = "decimal"
    elif kind == fm.INT and not (draft.type == "integer"):
        draft.type = "integer"
    elif kind in (fm.FLOAT, fm.PERCENT) and draft.type not in ("float", "latitude", "longitude"):
        draft.type = "float"
    if draft.type in ("latitude", "longitude") and numeric_range is None:
        return
    if draft.type in ("integer", "age"):
        low, high = int(low), int(high)
        if low > high:
            low, high = high, low
        c["min_value"], c["max_value"] = low, high
    else:
        c["min_value"], c["max_value"] = _tidy(low), _tidy(high)
        if kind == fm.MONEY:
            c["decimals"] = draft.decimals if draft.decimals is not None else 2
        else:
            from_range = numeric_range.decimals if numeric_range else 0
            c["decimals"] = draft.decimals if draft.decimals is not None else (
                from_range or defaults.get("decimals", 2 if kind == fm.FLOAT else 1))
            if draft.decimals is None and abs(high - low) <= 1:
                c["decimals"] = max(c["decimals"], 2)  # '0.0-1.0' needs more than one digit to spread
    if draft.distribution:
        c["distribution"] = place_skew(draft.distribution, c["min_value"], c["max_value"])
    if draft.pool:
        c["cardinality"] = draft.pool


def _apply_engine_number(draft: FieldDraft, kind: str) -> None:
    """A number with no stated range: its type only, so the engine's default by meaning applies (range,
    spread, decimals); decimals the text states are kept."""
    draft.kind = kind
    if draft.type == "age":
        pass
    elif kind == fm.MONEY:
        draft.type = "decimal"
    elif kind == fm.INT:
        draft.type = "integer"
    elif draft.type not in ("float", "latitude", "longitude"):
        draft.type = "float"
    if draft.decimals is not None and draft.type not in ("integer", "age"):
        draft.constraints["decimals"] = draft.decimals
    if draft.pool:
        draft.constraints["cardinality"] = draft.pool


def place_skew(distribution: dict[str, Any], low: float, high: float) -> dict[str, Any]:
    """'Mostly small, a few large': without a stated median, most values sit near the low end (a median at 0.5%
    of the range, the tail reaching the top), so the common small values repeat as they do in real amounts."""
    if distribution.get("kind") == "exponential" and distribution.get("mean") is not None:
        scale = distribution["mean"] - low  # 'exponential, mean 30': the mean distance above the minimum
        return {k: v for k, v in distribution.items() if k != "mean"} | ({"scale": _tidy(scale)} if scale > 0 else {})
    if distribution.get("kind") != "lognormal" or distribution.get("median") is not None or high <= 0:
        return distribution
    median = max(low + (high - low) / 200, high * 1e-6)
    return {**distribution, "median": _tidy(round(median, 6)), "sigma": distribution.get("sigma") or 2.0}


def _counts_whole_units(draft: FieldDraft, numeric_range: ph.NumericRange) -> bool:
    label_units = set(draft.tokens[-1:]) & LABEL_WHOLE_UNITS  # 'duration_sec: 900-5400', 'wait mins 0-90'
    return bool(set(draft.units) & WHOLE_NUMBER_UNITS or label_units) and numeric_range.decimals == 0 and draft.decimals is None \
        and all(n is None or n.is_integer for n in (numeric_range.low, numeric_range.high))


def _is_measure_unit(units: list[str]) -> bool:
    return any(u not in ("days", "day", "hours", "hour", "minutes", "minute", "seconds", "second", "ms")
               for u in units)


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
