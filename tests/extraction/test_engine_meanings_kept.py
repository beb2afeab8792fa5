"""A column the text gives no rule keeps the engine's meaning of its name: over the engine's whole table of
names of things and numeric meanings, the extracted column makes values of the same kind as a schema naming
that column directly (real check digits, known MIME types, IANA zones, numbers in the meaning's range)."""

import datetime as dt
import mimetypes
import re
import zoneinfo

import pytest

from src.engine import compile_schema
from src.engine.catalog import example_field_name
from src.engine.data.things import MEANINGS
from src.engine.numeric_meanings import NUMERIC_MEANINGS, numeric_default
from src.extraction import extract_offline_result

ANCHOR = dt.datetime(2026, 6, 15, 12, 0, 0)
ROWS = 300
OTHER_COLUMNS = ("order date", "customer email")
THINGS = [m for m in MEANINGS if m != "short_code"]  # a bare 'code' takes its entity's shape (ORD-...)


def _rows(fields: list[dict], rows: int = ROWS) -> dict[str, list]:
    plan = compile_schema({"fields": fields}, seed=11, anchor=ANCHOR)
    return plan.generate_chunk(0, rows).to_pydict()


def _extracted_field(text: str, name: str) -> dict:
    schema = extract_offline_result(text).schema_.model_dump(exclude_none=True)
    fields = {f["name"]: f for f in schema["fields"]}
    assert name in fields, (text, list(fields))
    return fields[name]


def _vin_ok(vin: str) -> bool:
    values = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    total = sum(values[c] * w for c, w in zip(vin, weights)) % 11
    return len(vin) == 17 and vin[8] == ("X" if total == 10 else str(total))


def _isbn_ok(isbn: str) -> bool:
    digits = [int(d) for d in isbn.replace("-", "")]
    return len(digits) == 13 and sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0


KNOWN_MIMES = set(mimetypes.types_map.values()) | set(mimetypes.common_types.values())
VALIDATORS = {"vin": _vin_ok, "isbn": _isbn_ok, "mime_type": KNOWN_MIMES.__contains__,
              "timezone": zoneinfo.available_timezones().__contains__}


def _shape(value) -> str:
    """A value's kind of text: runs of letters, digits and others ('ERR-1234' -> 'A-9')."""
    return re.sub(r"[a-z]+", "a", re.sub(r"[A-Z]+", "A", re.sub(r"\d+", "9", str(value))))


@pytest.mark.parametrize("with_others", [False, True], ids=["alone", "in a sentence"])
@pytest.mark.parametrize("meaning", THINGS)
def test_a_thing_named_without_rules_gets_the_engines_values(meaning, with_others):
    name = example_field_name(meaning)
    label = name.replace("_", " ")
    text = f"{ROWS} rows: {label}" if not with_others else \
        f"{ROWS} rows with {OTHER_COLUMNS[0]}, {label} and {OTHER_COLUMNS[1]}"
    field = _extracted_field(text, name)
    rules = field.get("constraints") or {}
    assert field["type"] == "string" and not rules.get("enum_values") and not rules.get("pattern"), field
    got = _rows([field])[name]
    direct = _rows([{"name": name, "type": "string"}], rows=3000)[name]
    if meaning in VALIDATORS:
        assert all(VALIDATORS[meaning](v) for v in got), [v for v in got if not VALIDATORS[meaning](v)][:5]
        assert all(VALIDATORS[meaning](v) for v in direct)
    elif MEANINGS[meaning][1] != "gen":  # a pool: the same pool
        assert set(got) <= set(direct) | set(_rows([{"name": name, "type": "string"}], rows=20000)[name])
    else:
        assert {_shape(v) for v in got} <= {_shape(v) for v in direct}


NUMBERS = [spec.split("|")[0] for spec, _ in NUMERIC_MEANINGS]


def _in_default(name: str, values: list) -> bool:
    lo, hi, _, dist = numeric_default(name)
    if dist and dist[0] == "years_ago":
        lo, hi = ANCHOR.year + lo, ANCHOR.year + hi
    return all(lo - 1e-9 <= v <= hi + 1e-9 for v in values if v is not None)


def test_a_number_named_without_a_range_gets_the_engines_default_by_meaning():
    checked = []
    for phrase in NUMBERS:
        name = phrase.replace(" ", "_")
        schema = extract_offline_result(f"{ROWS} rows: {phrase}").schema_.model_dump(exclude_none=True)
        field = next((f for f in schema["fields"] if f["name"] == name), None)
        if field is None or field["type"] not in ("integer", "float", "decimal", "percentage", "age"):
            continue  # read as another kind ('share', 'light'): not a number here
        rules = field.get("constraints") or {}
        assert "min_value" not in rules and "max_value" not in rules, (phrase, rules)
        values = _rows([field])[name]
        assert _in_default(name, values), (phrase, min(values), max(values), numeric_default(name))
        checked.append(phrase)
    assert len(checked) >= 0.8 * len(NUMBERS), sorted(set(NUMBERS) - set(checked))


@pytest.mark.parametrize("text, name, rules", [
    ("300 rows: VIN (e.g. 1HGCM82633A004352)", "vin", {"pattern"}),
    ("300 rows: ISBN (13 digits)", "isbn", {"pattern"}),
    ("300 rows: stock ticker (AAPL, MSFT, GOOG)", "stock_ticker", {"enum_values"}),
    ("300 rows: team name (Red, Blue, Green)", "team_name", {"enum_values"}),
    ("300 rows: time zone (UTC, Europe/Paris)", "time_zone", {"enum_values"}),
    ("300 rows: rating from 1 to 10", "rating", {"min_value", "max_value"}),
    ("300 rows: price between $5 and $80", "price", {"min_value", "max_value"}),
    ("300 rows: pages (50-1200)", "pages", {"min_value", "max_value"}),
])
def test_stated_rules_still_win(text, name, rules):
    field = _extracted_field(text, name)
    assert rules <= set(field.get("constraints") or {}), field


@pytest.mark.parametrize("text, name, valid", [("500 vehicles", "vin", _vin_ok), ("books", "isbn", _isbn_ok),
                                               ("Books table: ISBN, book title, pages, price", "isbn", _isbn_ok)])
def test_templates_and_named_columns_keep_real_check_digits(text, name, valid):
    field = _extracted_field(text, name)
    assert all(valid(v) for v in _rows([field])[name])
