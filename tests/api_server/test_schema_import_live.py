"""POST /schema/from-ddl and /schema/from-sample against a real uvicorn server."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


def test_from_ddl_answers_the_extract_shape(live_server):
    ddl = (FIXTURES / "shop_mysql.sql").read_text()
    response = live_server.client.post("/schema/from-ddl", json={"ddl": ddl, "dialect": "mysql", "rows": 120})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"schema", "total_rows", "provider", "warnings"}
    assert body["provider"] == "ddl" and body["total_rows"] == 120 and body["warnings"] == []
    employees, timesheets = body["schema"]["tables"]
    assert employees["rows"] == 120 and timesheets["rows_per_parent"]["parent"] == "employees"


def test_from_ddl_lists_what_it_cannot_honour(live_server):
    response = live_server.client.post("/schema/from-ddl", json={
        "ddl": "CREATE TABLE t (a INT CHECK (a > 0), b INT, CHECK (a + b < 10))"})
    assert response.status_code == 200
    body = response.json()
    assert body["schema"]["tables"][0]["fields"][0]["constraints"]["min_value"] == 1
    assert body["warnings"] == ["table t: CHECK (a + b < 10) not honoured: it ties several columns together "
                                "in a way the schema cannot express"]


@pytest.mark.parametrize("body, loc", [
    ({"ddl": "CREATE TABLE (", "dialect": "postgres"}, "ddl"),
    ({"ddl": "   "}, "ddl"),
    ({"ddl": "CREATE TABLE t (a INT)", "dialect": "oracle"}, "dialect"),
    ({"dialect": "postgres"}, "ddl"),
    ({"ddl": "CREATE TABLE t (a INT)", "rows": 0}, "rows"),
])
def test_from_ddl_bad_input_is_422_naming_the_field(live_server, body, loc):
    response = live_server.client.post("/schema/from-ddl", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["problems"][0]["loc"] == loc


def test_from_sample_upload_csv_and_parquet(live_server):
    csv_body = "kind,amount,email\n" + "".join(
        f"{'a' if i % 2 else 'b'},{i}.25,user{i}@corp.example\n" for i in range(40))
    response = live_server.client.post("/schema/from-sample", files={"file": ("s.csv", csv_body, "text/csv")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["provider"] == "sample" and body["total_rows"] == 40
    fields = {f["name"]: f for f in body["schema"]["fields"]}
    assert fields["kind"]["constraints"]["enum_values"] == ["a", "b"]
    assert fields["email"]["type"] == "email" and "corp.example" not in response.text
    sink = io.BytesIO()
    pq.write_table(pa.table({"score": list(range(30))}), sink)
    response = live_server.client.post("/schema/from-sample",
                                       files={"file": ("s.parquet", sink.getvalue(), "application/octet-stream")})
    assert response.status_code == 200, response.text
    assert response.json()["schema"]["fields"][0]["name"] == "score"


def test_from_sample_bad_upload_is_422_naming_the_file(live_server):
    response = live_server.client.post("/schema/from-sample", files={"file": ("s.parquet", b"junk", "x/y")})
    assert response.status_code == 422
    assert response.json()["problems"][0]["loc"] == "file"
    response = live_server.client.post("/schema/from-sample")
    assert response.status_code == 422 and response.json()["problems"][0]["loc"] == "file"


def test_from_sample_dates_and_money_as_people_write_them(live_server):
    import datetime as dt
    import re

    csv_body = "ordered,paid_at,total\n" + "".join(
        f"{(dt.date(2024, 1, 1) + dt.timedelta(days=3 * i)):%m/%d/%Y},"
        f"{(dt.datetime(2024, 1, 1, 8) + dt.timedelta(hours=7 * i)):%d.%m.%Y %H:%M},"
        f"\"${1000 + 37.5 * i:,.2f}\"\n" for i in range(40))
    response = live_server.client.post("/schema/from-sample", files={"file": ("s.csv", csv_body, "text/csv")})
    assert response.status_code == 200, response.text
    body = response.json()
    fields = {f["name"]: f for f in body["schema"]["fields"]}
    assert fields["ordered"]["type"] == "date" and fields["ordered"]["constraints"]["format"] == "%m/%d/%Y"
    assert fields["paid_at"]["constraints"]["format"] == "%d.%m.%Y %H:%M"
    assert fields["total"]["type"] == "decimal" and any("$#,##0.00" in w for w in body["warnings"])
    sample = live_server.client.post("/schema/sample", json={"schema": body["schema"], "rows": 20})
    assert sample.status_code == 200, sample.text
    rows = sample.json()["rows"]
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", r["ordered"]) for r in rows)
    assert all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", r["paid_at"]) for r in rows)
