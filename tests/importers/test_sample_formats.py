"""Samples whose dates, times and money are written the way people write them, and tiny samples."""

from __future__ import annotations

import datetime as dt
import random
import re

import pyarrow as pa
import pytest

from src.engine import compile_schema
from src.importers.sample import import_sample

ROWS = 2000


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    def cell(v: str) -> str:
        return f'"{v}"' if "," in v else v
    return ("\n".join([",".join(header)] + [",".join(cell(v) for v in r) for r in rows]) + "\n").encode()


def _fields(result) -> dict:
    return {f["name"]: f for f in result.document["fields"]}


def _generate(result, rows: int = ROWS) -> list[dict]:
    return compile_schema(result.document, seed=11).generate_chunk(0, rows).to_pylist()


DATE_CASES = [  # (strftime format written in the sample, kind, regex every generated value matches)
    ("%m/%d/%Y", "date", r"\d{2}/\d{2}/\d{4}"),
    ("%d.%m.%Y", "date", r"\d{2}\.\d{2}\.\d{4}"),
    ("%d/%m/%Y", "date", r"\d{2}/\d{2}/\d{4}"),
    ("%Y-%m-%dT%H:%M:%SZ", "datetime", r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"),
    ("%Y-%m-%d %H:%M", "datetime", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"),
    ("%m/%d/%Y %I:%M %p", "datetime", r"\d{2}/\d{2}/\d{4} \d{2}:\d{2} (AM|PM)"),
    ("%H:%M", "time", r"\d{2}:\d{2}"),
    ("%I:%M %p", "time", r"\d{2}:\d{2} (AM|PM)"),
]


@pytest.mark.parametrize("fmt,kind,shape", DATE_CASES)
def test_dates_and_times_keep_the_sample_format_and_range(fmt, kind, shape):
    rng = random.Random(fmt)
    start = dt.datetime(2023, 6, 1)
    moments = [start + dt.timedelta(minutes=rng.randint(0, 300 * 24 * 60)) for _ in range(200)]
    moments[0] = dt.datetime(2023, 6, 13, 8, 0)  # a day past 12 tells day-first from month-first
    result = import_sample(_csv(["when"], [[m.strftime(fmt)] for m in moments]), "s.csv")
    field = _fields(result)["when"]
    assert field["type"] == kind, field
    assert field["constraints"]["format"] == fmt
    generated = [r["when"] for r in _generate(result)]
    assert all(re.fullmatch(shape, v) for v in generated), generated[:5]
    parsed = [dt.datetime.strptime(v, fmt) for v in generated]  # every row reads back in the format
    if kind != "time":
        assert min(parsed) >= dt.datetime(2023, 6, 1) and max(parsed) < dt.datetime(2024, 4, 1)
        assert len({p.date() for p in parsed}) > 100  # spread over the range, not one value
    else:
        assert len({p.time() for p in parsed}) > 100


def test_us_and_eu_slash_dates_are_told_apart_by_the_values():
    us = import_sample(_csv(["d"], [["03/14/2024"], ["12/01/2023"]] * 15), "s.csv")
    eu = import_sample(_csv(["d"], [["14/03/2024"], ["01/12/2023"]] * 15), "s.csv")
    dotted = import_sample(_csv(["d"], [["14.03.2024"], ["01.12.2023"]] * 15), "s.csv")
    for result, fmt in ((us, "%m/%d/%Y"), (eu, "%d/%m/%Y"), (dotted, "%d.%m.%Y")):
        c = _fields(result)["d"]["constraints"]
        assert (_fields(result)["d"]["type"], c["format"]) == ("date", fmt)
        assert (c["min_value"], c["max_value"]) == ("2023-12-01", "2024-03-31")
    ambiguous = import_sample(_csv(["d"], [["03/04/2024"], ["01/12/2023"]] * 15), "s.csv")
    assert _fields(ambiguous)["d"]["constraints"]["format"] == "%m/%d/%Y"
    assert any("month and day cannot be told apart" in w for w in ambiguous.warnings)


def test_iso_dates_need_no_format_and_numbers_are_not_dates():
    rows = [[f"2024-03-{i % 28 + 1:02d}", str(12345678 + 7 * i), f"0{2134 + i}"] for i in range(30)]
    result = import_sample(_csv(["d", "n", "zip"], rows), "s.csv")
    fields = _fields(result)
    assert fields["d"]["type"] == "date" and "format" not in fields["d"]["constraints"]
    assert fields["n"]["type"] == "integer" and fields["zip"]["type"] == "code"
    assert all(isinstance(r["d"], dt.date) for r in _generate(result, 50))


MONEY_CASES = [
    (lambda x: f"${x:,.2f}", "$"),
    (lambda x: f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " EUR", "EUR"),
    (lambda x: f"({x:,.2f})" if x < 300 else f"{x:,.2f}", None),
    (lambda x: f"€{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", "."), "€"),
]


@pytest.mark.parametrize("write,currency", MONEY_CASES)
def test_money_is_read_as_a_two_place_decimal(write, currency):
    rng = random.Random(3)
    amounts = [round(rng.uniform(10, 4000), 2) for _ in range(300)]
    result = import_sample(_csv(["amount"], [[write(a)] for a in amounts]), "s.csv")
    field = _fields(result)["amount"]
    assert field["type"] == "decimal" and field["constraints"]["decimals"] == 2
    negative = currency is None
    low, high = field["constraints"]["min_value"], field["constraints"]["max_value"]
    assert low <= (-300 if negative else 10) and 4000 <= high <= 4100
    assert any("money written as" in w and "plain decimal" in w for w in result.warnings)
    generated = [r["amount"] for r in _generate(result)]
    assert all(low <= v <= high and round(v, 2) == v for v in generated)


def test_plain_text_that_only_looks_like_money_stays_text():
    result = import_sample(_csv(["ref"], [[f"{i}.50 units left"] for i in range(30)]), "s.csv")
    assert _fields(result)["ref"]["type"] not in ("decimal", "float")


def _tiny_sample(rows: int) -> bytes:
    values = [["1", "jane.doe@example.com", "129.99", "3", "2024-03-14", "ORD-004217", "true", "7.5", "shipped"],
              ["2", "sam.lee@example.org", "89.10", "1", "2024-03-20", "ORD-004305", "false", "8.0", "pending"],
              ["3", "li.wu@example.net", "240.00", "2", "2024-02-02", "ORD-010001", "true", "6.5", "shipped"]]
    return _csv(["id", "email", "amount", "quantity", "order_date", "sku", "gift", "ph_level", "status"],
                values[:rows])


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_a_tiny_sample_widens_instead_of_copying_its_values(rows):
    result = import_sample(_tiny_sample(rows), "s.csv")
    generated = _generate(result)
    by_column = {name: [r[name] for r in generated] for name in generated[0]}
    assert by_column["id"] == list(range(1, ROWS + 1))
    assert len(set(by_column["email"])) > ROWS * 0.9
    assert not {"jane.doe@example.com", "sam.lee@example.org"} & set(by_column["email"])
    assert len(set(by_column["amount"])) > ROWS / 2 and max(by_column["amount"]) > 300
    assert len(set(by_column["quantity"])) >= 3
    dates = by_column["order_date"]
    assert (max(dates) - min(dates)).days > 300
    assert all(re.fullmatch(r"ORD-\d{6}", s) for s in by_column["sku"]) and len(set(by_column["sku"])) > ROWS / 2
    assert 0.3 < sum(by_column["gift"]) / ROWS < 0.7
    assert len(set(by_column["ph_level"])) > 50
    assert sum(w.count("widened") for w in result.warnings) >= 6


def test_a_big_sample_is_not_widened():
    rows = [[str(i), f"{random.Random(i).uniform(100, 200):.2f}"] for i in range(1, 40)]
    result = import_sample(_csv(["id", "amount"], rows), "s.csv")
    assert not any("widened" in w for w in result.warnings)
    assert _fields(result)["amount"]["constraints"]["min_value"] >= 90


def test_format_is_checked_by_the_engine():
    from src.errors import SchemaValidationError

    for fields, where in (([{"name": "n", "type": "integer", "constraints": {"format": "%Y"}}], "format"),
                          ([{"name": "d", "type": "date", "constraints": {"format": "%Q"}}], "%Q"),
                          ([{"name": "d", "type": "date", "constraints": {"format": "%H:%M"}}], "clock"),
                          ([{"name": "d", "type": "date", "constraints": {"format": "day"}}], "no part")):
        with pytest.raises(SchemaValidationError) as err:
            compile_schema({"fields": fields})
        assert err.value.problems[0].loc.endswith("constraints.format") and where in err.value.problems[0].message
    plan = compile_schema({"fields": [{"name": "a", "type": "date", "constraints": {"format": "%d.%m.%Y"}},
                                      {"name": "b", "type": "date", "constraints": {"after": "a"}}]}, seed=1)
    batch = plan.generate_chunk(0, 500)
    assert batch.schema.field("a").type == pa.string()
    assert all(dt.datetime.strptime(a, "%d.%m.%Y").date() <= b
               for a, b in zip(batch.column("a").to_pylist(), batch.column("b").to_pylist()))


def test_typed_times_of_day_in_parquet_are_times():
    import io

    import pyarrow.parquet as pq

    opens = [dt.time(8 + i % 10, 30 * (i % 2), 0, 250) for i in range(60)]
    sink = io.BytesIO()
    pq.write_table(pa.table({"opens": pa.array(opens, pa.time64("us"))}), sink)
    result = import_sample(sink.getvalue(), "shops.parquet")
    field = _fields(result)["opens"]
    assert field["type"] == "time" and field["constraints"]["min_value"] == "08:00:00"
    generated = [r["opens"] for r in _generate(result)]
    assert all(dt.time(8) <= t <= dt.time(17, 59, 59) for t in generated)
    assert all(t.minute in (0, 30) and t.second == 0 for t in generated) and len(set(generated)) == 20  # the 30m grid
