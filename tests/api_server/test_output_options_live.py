"""output_version in every status and csv_formula_guard as a job option, against a real server."""

from __future__ import annotations

from src.engine.version import OUTPUT_VERSION

from .helpers import job_body, read_rows

RISKY_SCHEMA = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "comment", "type": "enum", "constraints": {"enum_values": ["=cmd|' /C calc'!A0", "+SUM(1)", "ok"]}},
]}


def test_status_reports_output_version_and_guard(live_server):
    plain = live_server.client.post("/jobs/create", json=job_body(300, 100, "csv", schema=RISKY_SCHEMA)).json()
    guarded = live_server.client.post("/jobs/create", json=job_body(
        300, 100, "json", schema=RISKY_SCHEMA, csv_formula_guard=True)).json()
    for job, guard in ((plain, False), (guarded, True)):
        done = live_server.wait_for_status(job["job_id"], {"completed"})
        assert done["output_version"] == OUTPUT_VERSION
        assert done["csv_formula_guard"] is guard and done["warnings"] == []
    listed = {j["job_id"]: j for j in live_server.client.get("/jobs/").json()["jobs"]}
    assert listed[plain["job_id"]]["output_version"] == OUTPUT_VERSION

    exact = read_rows(live_server.client.get(f"/jobs/{plain['job_id']}/download").content, "csv")
    assert {r["comment"] for r in exact} == {"=cmd|' /C calc'!A0", "+SUM(1)", "ok"}
    safe = read_rows(live_server.client.get(f"/jobs/{guarded['job_id']}/download").content, "json")
    assert {r["comment"] for r in safe} == {"'=cmd|' /C calc'!A0", "'+SUM(1)", "ok"}
    assert [r["id"] for r in safe] == list(range(1, 301))  # numbers stay numbers
    # The preview shows the values themselves.
    preview = live_server.client.get(f"/jobs/{guarded['job_id']}/preview?rows=300").json()["data"]
    assert {r["comment"] for r in preview} == {"=cmd|' /C calc'!A0", "+SUM(1)", "ok"}


def test_csv_formula_guard_must_be_a_boolean(live_server):
    bad = live_server.client.post("/jobs/create", json=job_body(10, 10, csv_formula_guard="maybe"))
    assert bad.status_code == 422
    assert bad.json()["problems"][0]["loc"] == "csv_formula_guard"
