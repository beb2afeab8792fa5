"""A CSV or Parquet sample -> single-table schema document (``{"fields": [...]}``).

Per column: type, range (rounded outward), decimals, null share, uniqueness, categories with weights
for low-cardinality columns, date ranges and clock grids, code patterns, meanings. Privacy by
default: personal and free-text values are never copied, only their shape; a category value is
copied only when it occurs at least ``MIN_CATEGORY_COUNT`` times.
"""

from __future__ import annotations

import io
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from src.engine.semantics import classify_name, infer_string_kind, tokenize
from src.errors import SchemaValidationError
from src.importers.model import ImportResult
from src.importers.sample_tiny import TINY_ROWS, widen_tiny
from src.importers.sample_parse import ENGINE_FORMATS, Moments, read_moments, read_money
from src.schemas.fields import MAX_BOUND
from src.importers.shapes import (code_pattern, decimals_of, meaning_from_values, round_dates_outward,
                                  round_outward, time_step)

MIN_CATEGORY_COUNT = 5
MAX_CATEGORIES = 50
MAX_SAMPLE_ROWS = 1_000_000
MAX_COLUMNS = 500
# Meanings whose values identify a person or place: only their shape is kept.
PERSONAL = {"full_name", "first_name", "last_name", "username", "email", "phone", "street_address", "address",
            "city", "postal_code", "iban", "account_number", "credit_card_number", "ipv4", "ipv6",
            "mac_address", "date_of_birth", "latitude", "longitude", "uuid", "url", "user_agent"}
FREE_TEXT = {"sentence", "paragraph", "review"}
_FREE_TEXT_LENGTH = 40  # mean length above which distinct text reads as prose


def import_sample(data: bytes, filename: str = "sample.csv") -> ImportResult:
    """Infer a schema from a sample file's bytes; the format follows the name (.csv or .parquet)."""
    table = read_sample(data, filename)
    if table.num_rows == 0:
        raise SchemaValidationError.single("file", "the sample has no rows")
    if table.num_columns > MAX_COLUMNS:
        raise SchemaValidationError.single("file", f"the sample has {table.num_columns} columns; the limit is {MAX_COLUMNS}")
    warnings: list[str] = []
    if table.num_rows > MAX_SAMPLE_ROWS:
        warnings.append(f"only the first {MAX_SAMPLE_ROWS} of {table.num_rows} rows are profiled")
        table = table.slice(0, MAX_SAMPLE_ROWS)
    fields, seen = [], set()
    for name, column in zip(table.column_names, table.columns):
        safe = _field_name(name, seen)
        if safe != name:
            warnings.append(f"column {name!r} is named {safe!r} in the schema")
        fields.append(infer_field(safe, column.combine_chunks(), warnings))
    return ImportResult({"fields": fields}, warnings, total_rows=table.num_rows)


def read_sample(data: bytes, filename: str) -> pa.Table:
    """The sample as an Arrow table; a clear error naming the file when it cannot be read."""
    import pyarrow.csv as csv
    import pyarrow.parquet as pq

    if not data:
        raise SchemaValidationError.single("file", "the file is empty")
    lower = filename.lower()
    try:
        if lower.endswith((".parquet", ".pq")):
            return keep_codes_as_text(pq.read_table(io.BytesIO(data)))
        if lower.endswith((".csv", ".tsv", ".txt")):
            delimiter = "\t" if lower.endswith(".tsv") else ","
            parse = csv.ParseOptions(delimiter=delimiter)
            table = csv.read_csv(io.BytesIO(data), parse_options=parse, convert_options=csv.ConvertOptions(
                timestamp_parsers=[csv.ISO8601], strings_can_be_null=True))
            numbers = [n for n, c in zip(table.column_names, table.columns) if pa.types.is_integer(c.type)]
            # Dates and times are re-read as written, so their format is kept (sample_parse reads them).
            moments = [n for n, c in zip(table.column_names, table.columns) if pa.types.is_temporal(c.type)]
            if not numbers + moments or len(set(table.column_names)) != len(table.column_names):
                return table
            written = csv.read_csv(io.BytesIO(data), parse_options=parse, convert_options=csv.ConvertOptions(
                column_types={n: pa.string() for n in numbers + moments}, include_columns=numbers + moments,
                strings_can_be_null=True))
            for name in moments:  # a form read_moments does not know (fractions of a second) stays typed
                if read_moments(written.column(name).combine_chunks()) is not None:
                    table = table.set_column(table.column_names.index(name), name, written.column(name))
            return keep_codes_as_text(table, written)
    except (pa.ArrowInvalid, pa.ArrowException, OSError) as err:
        raise SchemaValidationError.single("file", f"cannot read {filename}: {str(err).splitlines()[0]}") from None
    raise SchemaValidationError.single("file", f"{filename}: a sample is a .csv, .tsv or .parquet file")


# Meanings whose digits are a code, never a quantity: a zip '02134' keeps its leading zero.
CODE_KINDS = {"postal_code", "phone", "account_number", "credit_card_number", "iban"}


def keep_codes_as_text(table: pa.Table, written: pa.Table | None = None) -> pa.Table:
    """Whole-number columns that are codes become text: a name meaning a code (zip, postal code, phone,
    account number) or digits written with leading zeros (``written``: the CSV's own text of them). A
    Parquet file's integers lost their zeros already: they are padded to the widest value."""
    for i, name in enumerate(table.column_names):
        column = table.column(i)
        if not pa.types.is_integer(column.type):
            continue
        text = written.column(name).combine_chunks() if written is not None and name in written.column_names else None
        zeros = text is not None and pc.any(pc.and_(pc.starts_with(text, "0"), pc.greater(pc.utf8_length(text), 1))
                                            ).as_py()
        if not zeros and infer_string_kind(name) not in CODE_KINDS:
            continue
        if text is None or not zeros:
            digits = pc.cast(column, pa.string())
            width = pc.max(pc.utf8_length(digits)).as_py() or 1
            text = pc.utf8_lpad(digits, width=width, padding="0").combine_chunks()
        table = table.set_column(i, name, text)
    return table


def infer_field(name: str, values: pa.Array, warnings: list[str]) -> dict[str, Any]:
    """One field from one column's values."""
    if pa.types.is_dictionary(values.type):
        values = values.cast(values.type.value_type)
    n = len(values)
    non_null, money = values.drop_null(), None
    constraints: dict[str, Any] = {}
    nulls = values.null_count
    if nulls:
        constraints["nullable"] = True
        constraints["null_probability"] = max(0.01, round(nulls / n, 2))
    if len(non_null) == 0:
        warnings.append(f"column {name}: every value is null; generated as empty text")
        constraints["null_probability"] = 1.0
        return {"name": name, "type": "string", "constraints": constraints}
    t = values.type
    if pa.types.is_time(t):  # a typed time of day (Parquet): as a clock time read from text
        seconds = pc.cast(non_null, pa.time32("s"), safe=False).cast(pa.int32()).cast(pa.int64())
        non_null = seconds.cast(pa.timestamp("s"))
        return {"name": name, "type": "time", "constraints": {**constraints, **_time_constraints(
            name, Moments(non_null, "time", ENGINE_FORMATS["time"]), warnings)}}
    if not (pa.types.is_boolean(t) or pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)
            or pa.types.is_date(t) or pa.types.is_timestamp(t) or pa.types.is_string(t)
            or pa.types.is_large_string(t)):
        warnings.append(f"column {name}: type {t} is generated as text")
        return {"name": name, "type": "string", **({"constraints": constraints} if constraints else {})}
    distinct = pc.count_distinct(non_null).as_py()
    unique = distinct == len(non_null) and len(non_null) >= 20
    if pa.types.is_boolean(t):
        field_type = "boolean"
        share = pc.mean(non_null.cast(pa.int8())).as_py()
        constraints["enum_values"], constraints["weights"] = [True, False], [round(share, 3), round(1 - share, 3)]
    elif pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        finite = non_null.cast(pa.float64())
        finite = finite.filter(pc.is_finite(finite))
        if len(finite) < len(non_null):
            warnings.append(f"column {name}: NaN and infinite values are left out")
        if len(finite) == 0:
            return {"name": name, "type": "float", "constraints": {"nullable": True, "null_probability": 1.0}}
        if not pa.types.is_integer(t):
            non_null = finite
        field_type = _infer_number(name, non_null, unique, distinct, constraints)
    elif pa.types.is_date(t) or pa.types.is_timestamp(t):
        field_type = _infer_time(name, non_null, constraints)
    elif (moments := read_moments(non_null)) is not None:
        field_type = _infer_moments(name, moments, constraints, warnings)
    elif (money := read_money(non_null)) is not None:
        field_type = _infer_number(name, money.values, unique, distinct, constraints)
        constraints["decimals"] = max(2, constraints.get("decimals") or 0)
        field_type = "decimal" if field_type in ("integer", "float") else field_type
        warnings.append(f"column {name}: money written as {money.style} is read as a number"
                        f"{' in ' + money.currency if money.currency else ''} and generated as a plain "
                        "decimal with 2 places (no currency sign or thousands separator)")
    else:
        field_type = _infer_text(name, non_null.cast(pa.string()), unique, distinct, constraints, warnings)
    if unique and field_type not in ("boolean", "enum", "sequence") and "enum_values" not in constraints \
            and infer_string_kind(name) != "postal_code":  # many rows share a zip code, whatever the sample held
        constraints["unique"] = True
    spec: dict[str, Any] = {"name": name, "type": field_type}
    if constraints:
        spec["constraints"] = constraints
    if len(non_null) < TINY_ROWS:
        widen_tiny(spec, (money.values if money is not None else non_null).to_pylist(), warnings)
    return spec


def _infer_number(name: str, values: pa.Array, unique: bool, distinct: int, constraints: dict) -> str:
    integer = pa.types.is_integer(values.type)
    numbers = values.cast(pa.float64())
    lo, hi = pc.min(numbers).as_py(), pc.max(numbers).as_py()
    if integer and unique and hi - lo + 1 == len(values):
        return "sequence"  # 1, 2, 3, ...: a row number; it starts at 1 like any fresh sequence
    if distinct <= min(20, MAX_CATEGORIES) and not unique:
        categories = _categories(values)
        if categories and sum(categories.values()) == len(values):
            constraints["enum_values"] = list(categories)
            constraints["weights"] = list(categories.values())
            return "enum"
    decimals = 0 if integer else decimals_of(values)
    limit = MAX_BOUND / 10  # rounding outward stays within what a schema bound may hold
    lo, hi = (min(max(v, -limit), limit) for v in (lo, hi))
    low, high = round_outward(lo, hi, integer=integer or decimals == 0)
    constraints["min_value"], constraints["max_value"] = low, high
    meaning = classify_name(tokenize(name))
    if integer or decimals == 0:
        return "integer"
    constraints["decimals"] = decimals
    if meaning in ("latitude", "longitude") and -180 <= low and high <= 180:
        constraints["min_value"], constraints["max_value"] = (max(low, -90), min(high, 90)) \
            if meaning == "latitude" else (low, high)
        return meaning
    return "decimal" if decimals <= 2 else "float"


def _infer_time(name: str, values: pa.Array, constraints: dict) -> str:
    if pa.types.is_date(values.type):
        lo, hi = round_dates_outward(pc.min(values).as_py(), pc.max(values).as_py())
        constraints["min_value"], constraints["max_value"] = lo.isoformat(), hi.isoformat()
        return "date_of_birth" if classify_name(tokenize(name)) == "date_of_birth" else "date"
    seconds = values.cast(pa.timestamp("s", tz=values.type.tz) if values.type.tz else pa.timestamp("s"))
    seconds = seconds.cast(pa.int64())
    step = time_step(seconds)
    lo = pc.min(values).as_py().replace(tzinfo=None)
    hi = pc.max(values).as_py().replace(tzinfo=None)
    if step == "1d":
        d_lo, d_hi = round_dates_outward(lo.date(), hi.date())
        constraints["min_value"], constraints["max_value"] = d_lo.isoformat(), d_hi.isoformat()
        return "date"
    d_lo, d_hi = round_dates_outward(lo.date(), hi.date())
    constraints["min_value"] = f"{d_lo.isoformat()}T00:00:00"
    constraints["max_value"] = f"{d_hi.isoformat()}T23:59:59"
    if step:
        constraints["step"] = step
    return "datetime"


def _infer_moments(name: str, moments: Moments, constraints: dict, warnings: list[str]) -> str:
    """Dates, datetimes or times read from text: range and grid as for typed ones, and the format."""
    if moments.ambiguous:
        warnings.append(f"column {name}: every day is 12 or less, so month and day cannot be told apart; "
                        f"read as {moments.format}")
    if moments.kind == "time":
        seconds = pa.array(moments.values.cast(pa.int64()).to_numpy(zero_copy_only=False) % 86400)
        lo, hi = pc.min(seconds).as_py(), pc.max(seconds).as_py()
        lo, hi = lo - lo % 3600, min(86399, hi - hi % 3600 + 3599)
        constraints["min_value"] = f"{lo // 3600:02d}:{lo % 3600 // 60:02d}:00"
        constraints["max_value"] = f"{hi // 3600:02d}:{hi % 3600 // 60:02d}:{hi % 60:02d}"
        step = time_step(seconds)
        if step and step != "1d":
            constraints["step"] = step
        field_type = "time"
    elif moments.kind == "date":
        field_type = _infer_time(name, moments.values.cast(pa.date32()), constraints)
    else:
        field_type = _infer_time(name, moments.values, constraints)
        if field_type == "date":  # every value at midnight: still written with its clock part
            constraints["min_value"] = f"{constraints['min_value']}T00:00:00"
            constraints["max_value"] = f"{constraints['max_value']}T00:00:00"
            constraints["step"], field_type = "1d", "datetime"
    if moments.format != ENGINE_FORMATS.get(field_type if field_type != "date_of_birth" else "date"):
        constraints["format"] = moments.format
    return field_type


def _time_constraints(name: str, moments: Moments, warnings: list[str]) -> dict:
    constraints: dict = {}
    _infer_moments(name, moments, constraints, warnings)
    return constraints


def _infer_text(name: str, values: pa.Array, unique: bool, distinct: int, constraints: dict,
                warnings: list[str]) -> str:
    by_name = infer_string_kind(name)
    by_values = meaning_from_values(values)
    meaning = by_values or by_name
    lengths = pc.utf8_length(values)
    mean_length = pc.mean(lengths).as_py()
    if "postal_code" in (meaning, by_name):
        pattern = code_pattern(values)  # '02134': the sample's own shape; the engine's postal codes are worldwide
        if pattern is not None:
            constraints["pattern"] = pattern
            return "code"
    if meaning in PERSONAL or (by_name in PERSONAL):
        return meaning if meaning in PERSONAL else by_name
    if distinct <= MAX_CATEGORIES and not unique and mean_length < _FREE_TEXT_LENGTH:
        categories = _categories(values)
        if categories:
            kept = sum(categories.values())
            if kept < len(values):
                warnings.append(f"column {name}: {distinct - len(categories)} value(s) seen fewer than "
                                f"{MIN_CATEGORY_COUNT} times are not copied ({len(values) - kept} rows)")
            constraints["enum_values"] = list(categories)
            constraints["weights"] = list(categories.values())
            return "enum"
    pattern = code_pattern(values)
    if pattern is not None:
        constraints["pattern"] = pattern
        return "code"
    low, high = pc.min(lengths).as_py(), pc.max(lengths).as_py()
    if meaning in FREE_TEXT or mean_length >= _FREE_TEXT_LENGTH:
        constraints["min_length"], constraints["max_length"] = max(1, low), max(high, 1)
        return "paragraph" if mean_length > 200 else "sentence"
    if meaning is not None:
        return meaning
    constraints["min_length"], constraints["max_length"] = max(1, low), max(high, 1)
    return "string"


def _categories(values: pa.Array) -> dict[Any, int]:
    """Value -> count for the values seen at least MIN_CATEGORY_COUNT times, most frequent first."""
    counts = pc.value_counts(values)
    pairs = [(v.as_py(), c.as_py()) for v, c in zip(counts.field("values"), counts.field("counts"))]
    pairs = sorted((p for p in pairs if p[1] >= MIN_CATEGORY_COUNT), key=lambda p: (-p[1], str(p[0])))
    pairs = pairs[:MAX_CATEGORIES]
    if all(isinstance(p[0], (int, float)) for p in pairs):
        pairs.sort()  # numbers (ratings, sizes) read best in order
    return dict(pairs)


def _field_name(name: str, seen: set[str]) -> str:
    import re

    safe = re.sub(r"[^A-Za-z0-9_]+", "_", name.strip()).strip("_") or "column"
    if not re.match(r"[A-Za-z_]", safe):
        safe = f"c_{safe}"
    safe = safe[:128]
    base, k = safe, 2
    while safe in seen:
        safe = f"{base}_{k}"
        k += 1
    seen.add(safe)
    return safe
