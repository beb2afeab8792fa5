"""`unique` on pool-valued columns and unique_together sets, against a real server: natural values
first (never 'Germany #1'), tails only once the pool is used up and then said in the job's warnings;
a unique_together set that cannot make enough combinations is a 422 naming the set."""

from __future__ import annotations

from src.engine.natural_pools import natural_pool

from .helpers import job_body, read_rows

SCHEMA = {"fields": [
    {"name": "department", "type": "department", "constraints": {"unique": True}},
    {"name": "country", "type": "country", "constraints": {"unique": True}},
    {"name": "category", "type": "product_category", "constraints": {"unique": True}},
]}


def test_unique_pool_values_are_natural_until_the_pool_runs_out(live_server):
    departments = set(natural_pool("department", None).to_pylist())
    categories = set(natural_pool("product_category", None).to_pylist())
    small = live_server.create(job_body(12, 5, "csv", schema=SCHEMA, seed=3))
    done = live_server.wait_for_status(small, {"completed"})
    assert done["warnings"] == []
    rows = read_rows(live_server.client.get(f"/jobs/{small}/download").content, "csv")
    assert len(rows) == 12
    assert all("#" not in r[c] for r in rows for c in ("department", "country", "category"))
    assert len({r["department"] for r in rows}) == 12 and {r["department"] for r in rows} <= departments
    assert {r["category"] for r in rows} == categories  # all 12 categories, each once

    large = live_server.create(job_body(40, 7, "csv", schema=SCHEMA, seed=3))
    done = live_server.wait_for_status(large, {"completed"})
    rows = read_rows(live_server.client.get(f"/jobs/{large}/download").content, "csv")
    values = [r["department"] for r in rows]
    assert len(set(values)) == 40
    assert set(values[:15]) == departments  # the whole pool first ...
    assert all(v.endswith(f" #{i + 1}") for i, v in enumerate(values) if i >= 15)  # ... then tails
    assert all("#" not in r["country"] for r in rows)  # 241 countries: no tail needed
    warned = " | ".join(done["warnings"])
    assert "field 'department' is unique, but there are only 15 distinct department values" in warned
    assert "field 'category' is unique, but there are only 12" in warned
    assert "'country'" not in warned


def test_unique_together_without_enough_combinations_is_a_422(live_server):
    doc = {"tables": [{"name": "slots", "rows": 61, "fields": [
        {"name": "room", "type": "integer", "constraints": {"min_value": 1, "max_value": 12}},
        {"name": "weekday", "type": "enum", "constraints": {"enum_values": ["mon", "tue", "wed", "thu", "fri"]}},
        {"name": "note", "type": "sentence"}],
        "unique_together": [["room", "weekday"]]}]}
    answer = live_server.client.post("/jobs/create", json={"schema": doc, "chunk_size": 10,
                                                           "output_format": "csv"})
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["problems"]
    assert problem["loc"] == "schema.tables[0].unique_together[0]"
    assert "only 60 distinct (room, weekday) combinations exist (12 room x 5 weekday) for 61 rows" \
        in problem["message"]
    doc["tables"][0]["rows"] = 60
    job = live_server.create({"schema": doc, "chunk_size": 7, "output_format": "csv"})
    live_server.wait_for_status(job, {"completed"})
    download = live_server.client.get(f"/jobs/{job}/download?table=slots")
    assert download.status_code == 200, download.text
    rows = read_rows(download.content, "csv")
    assert len(rows) == 60 and len({(r["room"], r["weekday"]) for r in rows}) == 60
