"""A CSV or Parquet sample -> single-table schema: inferred rules, and privacy by default (personal and
free-text values never copied, rare categories never copied, bounds rounded outward)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import uuid

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError
from src.importers.sample import import_sample

N = 600


def _sample_table() -> pa.Table:
    rng = random.Random(7)
    first = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda"]
    last = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia"]
    names = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(N)]
    statuses = ["new"] * 300 + ["paid"] * 200 + ["shipped"] * 96 + ["lost_in_space"] * 4  # one rare value
    rng.shuffle(statuses)
    return pa.table({
        "order_id": list(range(1, N + 1)),
        "customer": names,
        "contact": [f"{n.lower().replace(' ', '.')}{i}@example.org" for i, n in enumerate(names)],
        "phone_no": [f"+1 555 {rng.randint(1_000_000, 9_999_999)}" for _ in range(N)],
        "city": [rng.choice(["Chicago", "Boston", "Denver", "Seattle", "Paris", "Berlin"]) for _ in range(N)],
        "status": statuses,
        "amount": [round(rng.uniform(3.27, 987.61), 2) for _ in range(N)],
        "rating": [rng.choice([1, 2, 3, 4, 5]) for _ in range(N)],
        "created_at": [dt.datetime(2024, 3, 5) + dt.timedelta(minutes=15 * rng.randint(0, 20_000)) for _ in range(N)],
        "day": [dt.date(2023, 2, 14) + dt.timedelta(days=rng.randint(0, 400)) for _ in range(N)],
        "ref": [f"ORD-{rng.randint(0, 999_999):06d}" for _ in range(N)],
        "uid": [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(N)],
        "comment": [None if i % 4 == 0 else f"Customer {names[i]} said the parcel at door {i} was late again"
                    for i in range(N)],
        "gift": [rng.random() < 0.3 for _ in range(N)],
    })


def _csv_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pacsv.write_csv(table, sink)
    return sink.getvalue()


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


@pytest.fixture(scope="module")
def sample() -> pa.Table:
    return _sample_table()


@pytest.mark.parametrize("encode, filename", [(_csv_bytes, "orders.csv"), (_parquet_bytes, "orders.parquet")])
def test_infers_types_ranges_categories_patterns_and_meanings(sample, encode, filename):
    result = import_sample(encode(sample), filename)
    fields = {f["name"]: f for f in result.document["fields"]}
    assert result.total_rows == N
    assert fields["order_id"]["type"] == "sequence"
    assert fields["customer"]["type"] == "full_name"
    assert fields["contact"]["type"] == "email" and fields["contact"]["constraints"]["unique"] is True
    assert fields["phone_no"]["type"] == "phone"
    assert fields["city"]["type"] == "city"
    assert fields["status"]["type"] == "enum"
    assert fields["status"]["constraints"]["enum_values"] == ["new", "paid", "shipped"]
    assert fields["status"]["constraints"]["weights"] == [300, 200, 96]
    amount = fields["amount"]["constraints"]
    assert amount["decimals"] == 2 and amount["min_value"] == 0 and amount["max_value"] == 990
    assert fields["rating"]["constraints"]["enum_values"] == [1, 2, 3, 4, 5]
    created = fields["created_at"]["constraints"]
    assert created["step"] == "15m" and created["min_value"] == "2024-03-01T00:00:00"
    assert fields["day"]["type"] == "date" and fields["day"]["constraints"]["min_value"] == "2023-02-01"
    assert fields["ref"]["type"] == "code" and fields["ref"]["constraints"]["pattern"] == r"ORD-\d{6}"
    assert fields["uid"]["type"] == "uuid"
    comment = fields["comment"]
    assert comment["type"] == "sentence" and comment["constraints"]["null_probability"] == 0.25
    assert fields["gift"]["type"] == "boolean"
    assert any("lost_in_space" not in w and "fewer than 5 times" in w for w in result.warnings)
    compile_schema(result.document, seed=1).generate_chunk(0, 1000)  # runs as is on today's engine


def test_no_personal_free_text_or_rare_value_leaks(sample):
    result = import_sample(_csv_bytes(sample), "orders.csv")
    text = json.dumps(result.document)
    leaked = [v for column in ("customer", "contact", "phone_no", "city", "comment", "uid")
              for v in set(sample.column(column).drop_null().to_pylist()) if str(v) in text]
    assert leaked == []
    assert "lost_in_space" not in text
    for word in ("Smith", "Mary", "example.org", "parcel", "Chicago"):
        assert word not in text
    amounts = sample.column("amount").to_pylist()
    fields = {f["name"]: f for f in result.document["fields"]}
    assert fields["amount"]["constraints"]["min_value"] < min(amounts)
    assert fields["amount"]["constraints"]["max_value"] > max(amounts)


def test_bad_files_are_clear_errors():
    with pytest.raises(SchemaValidationError) as err:
        import_sample(b"", "x.csv")
    assert err.value.problems[0].loc == "file"
    with pytest.raises(SchemaValidationError) as err:
        import_sample(b"a,b\n1,2\n", "x.xlsx")
    assert ".csv, .tsv or .parquet" in err.value.problems[0].message
    with pytest.raises(SchemaValidationError) as err:
        import_sample(b"not parquet at all", "x.parquet")
    assert "cannot read x.parquet" in err.value.problems[0].message
    with pytest.raises(SchemaValidationError) as err:
        import_sample(b"a,b\n", "x.csv")
    assert "no rows" in err.value.problems[0].message


def test_odd_column_names_become_field_names():
    result = import_sample(b"Order Date,2nd value,Order Date\n2024-01-01,1,x\n", "x.csv")
    assert [f["name"] for f in result.document["fields"]] == ["Order_Date", "c_2nd_value", "Order_Date_2"]
    assert any("'2nd value'" in w for w in result.warnings)


def test_odd_numbers_and_nested_types_still_give_a_runnable_schema():
    csv = b"big,odd\n" + b"".join(f"{-1e20 if i == 0 else i * 7.5},{'NaN' if i % 2 else 'inf'}\n".encode()
                                 for i in range(30))
    result = import_sample(csv, "x.csv")
    fields = {f["name"]: f for f in result.document["fields"]}
    assert -1e15 <= fields["big"]["constraints"]["min_value"] < 5 < fields["big"]["constraints"]["max_value"]
    assert "column odd: NaN and infinite values are left out" in result.warnings
    sink = io.BytesIO()
    pq.write_table(pa.table({"tags": pa.array([[1, 2]] * 30)}), sink)
    nested = import_sample(sink.getvalue(), "x.parquet")
    assert nested.document["fields"] == [{"name": "tags", "type": "string"}]
    assert nested.warnings == ["column tags: type list<element: int64> is generated as text"]
    for document in (result.document, nested.document):
        compile_schema(document, seed=2).generate_chunk(0, 100)


def test_a_code_column_of_sequential_ids_scales_past_the_sample():
    """300 tickets TCK-100000..TCK-100299 share the digits '100': a schema keeping them could make only
    1,000 unique codes. The digits of the run are all free, so 5,000 unique rows generate."""
    table = pa.table({"ticket_id": [f"TCK-{100000 + i}" for i in range(300)],
                      "invoice": [f"INV-2024-{i:04d}" for i in range(300)]})
    sink = io.BytesIO()
    pacsv.write_csv(table, sink)
    doc = import_sample(sink.getvalue(), "tickets.csv").document
    fields = {f["name"]: f for f in doc["fields"]}
    assert fields["ticket_id"]["constraints"]["pattern"] == r"TCK-\d{6}"
    assert fields["invoice"]["constraints"]["pattern"] == r"INV-2024-\d{4}"  # a separate constant run stays
    rows = compile_schema(doc, seed=3).generate_chunk(0, 5000).to_pydict()
    assert len(set(rows["ticket_id"])) == 5000
    assert all(t.startswith("TCK-") and len(t) == 10 and t[4:].isdigit() for t in rows["ticket_id"])


def test_zip_codes_and_zero_padded_digits_stay_codes():
    """A zip '02134' read as a number would lose its zero and become a quantity; it is a code of its shape."""
    rows = "".join(f"r{i},{(i * 4099) % 99999:05d},{i * 3:04d},{3 + i % 4}\n" for i in range(80))
    doc = import_sample(("store,zip,locker,visits\n" + rows).encode(), "members.csv").document
    fields = {f["name"]: f for f in doc["fields"]}
    assert fields["zip"]["type"] == "code" and fields["zip"]["constraints"]["pattern"] == r"\d{5}"
    assert not fields["zip"]["constraints"].get("unique")  # many rows share a zip code
    assert fields["locker"]["type"] == "code" and fields["locker"]["constraints"]["pattern"] == r"\d{4}"
    assert fields["visits"]["type"] in ("integer", "enum")
    made = compile_schema(doc, seed=4).generate_chunk(0, 300).to_pydict()
    assert all(len(z) == 5 and z.isdigit() for z in made["zip"])
    assert any(z.startswith("0") for z in made["zip"])


def test_a_parquet_zip_column_of_integers_is_padded_back_to_a_code():
    table = pa.table({"postal_code": pa.array([2134 + i * 7 for i in range(50)] + [94110] * 10, pa.int64())})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    field = import_sample(sink.getvalue(), "addresses.parquet").document["fields"][0]
    assert field["type"] == "code" and field["constraints"]["pattern"] == r"\d{5}"
