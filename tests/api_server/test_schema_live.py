"""The schema routes over a real uvicorn server: templates, and short requests that run as jobs."""

from __future__ import annotations

from tests.api_server.helpers import job_body, read_rows


def run_job(server, schema: dict, rows: int) -> list[dict]:
    created = server.client.post("/jobs/create", json=job_body(rows, 100, "parquet", schema=schema))
    assert created.status_code in (200, 201, 202), created.text
    job_id = created.json()["job_id"]
    server.wait_for_status(job_id, {"completed"})
    return read_rows(server.client.get(f"/jobs/{job_id}/download").content, "parquet")


def test_templates_are_listed_and_each_runs_as_a_job(live_server):
    answer = live_server.client.get("/schema/templates")
    assert answer.status_code == 200
    templates = answer.json()["templates"]
    assert len(templates) >= 60
    by_key = {t["key"]: t for t in templates}
    assert {"orders", "employees", "sensor_readings", "web_logs", "flights"} <= set(by_key)
    for key in ("orders", "patients", "web_logs"):
        schema = by_key[key]["schema"]
        rows = run_job(live_server, schema, 150)
        assert len(rows) == 150 and set(rows[0]) == {f["name"] for f in schema["fields"]}
    # a template's description reads back into the same columns
    again = live_server.client.post("/schema/extract", json={"user_input": by_key["orders"]["description"]}).json()
    assert [f["name"] for f in again["schema"]["fields"]] == [f["name"] for f in by_key["orders"]["schema"]["fields"]]


def test_a_short_request_gives_a_template_schema_accepted_for_its_row_count(live_server):
    answer = live_server.client.post("/schema/extract", json={"user_input": "1000 orders"}).json()
    assert answer["total_rows"] == 1000 and len(answer["schema"]["fields"]) >= 5
    assert set(answer["sources"]) == {f["name"] for f in answer["schema"]["fields"]}
    assert any("'orders' template" in w for w in answer["warnings"])
    rows = run_job(live_server, answer["schema"], answer["total_rows"])
    assert len(rows) == 1000
    assert all(r["total_amount"] == round(r["quantity"] * r["unit_price"], 2) for r in rows)
