"""The brief's REST contract against a real uvicorn server."""

from __future__ import annotations

import re
import time
import uuid

import pytest

from .helpers import job_body, read_ids, read_rows

CONTENT_TYPES = {"csv": "text/csv", "json": "application/json", "jsonl": "application/x-ndjson",
                 "parquet": "application/vnd.apache.parquet"}


def create_job(server, **kwargs) -> str:
    response = server.client.post("/jobs/create", json=job_body(**kwargs))
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"job_id", "status", "message"}
    assert body["status"] in ("pending", "generating")
    assert str(uuid.UUID(body["job_id"])) == body["job_id"]
    return body["job_id"]


def test_health_and_cors(live_server):
    response = live_server.client.get("/health", headers={"Origin": "http://localhost:8501"})
    assert response.status_code == 200
    assert response.json()["status"] == "healthy"
    assert response.headers["access-control-allow-origin"] == "http://localhost:8501"  # the UI's origin


@pytest.mark.parametrize(("page", "assets"), [
    ("/docs", ["/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"]),
    ("/redoc", ["/docs-assets/redoc.standalone.js"]),
])
def test_docs_pages_load_their_assets_from_the_api_itself(live_server, page, assets):
    """No CDN: every script and stylesheet of /docs and /redoc is served by this server
    (tests/ui/test_docs_browser.py renders them in Chromium with outside requests refused)."""
    html = live_server.client.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    referenced = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html.text)
    assert set(assets) <= set(referenced) and all(url.startswith("/docs-assets/") for url in referenced), referenced
    assert "'/openapi.json'" in html.text or '"/openapi.json"' in html.text
    for url in assets:
        asset = live_server.client.get(url)
        kind = "javascript" if url.endswith(".js") else "css"
        assert asset.status_code == 200 and kind in asset.headers["content-type"] and len(asset.content) > 100_000


def test_job_runs_to_completion_with_exact_counters(live_server):
    job_id = create_job(live_server, total_rows=1050, chunk_size=100)
    status = live_server.wait_for_status(job_id, {"completed", "failed"})
    assert status["status"] == "completed", status
    assert status["rows_generated"] == 1050
    assert status["total_rows"] == 1050
    assert status["chunks_completed"] == status["total_chunks"] == 11
    assert status["progress_percentage"] == 100.0
    assert status["error_message"] is None
    assert status["rows_per_second"] > 0
    assert status["completed_at"] is not None
    for moment in ("created_at", "updated_at", "started_at", "completed_at"):  # RFC 3339: with a zone
        assert status[moment].endswith(("Z", "+00:00")), status[moment]


@pytest.mark.parametrize("output_format", ["csv", "json", "jsonl", "parquet"])
def test_download_in_every_format(live_server, output_format):
    job_id = create_job(live_server, total_rows=257, chunk_size=50, output_format=output_format)
    assert live_server.wait_for_status(job_id, {"completed", "failed"})["status"] == "completed"
    response = live_server.client.get(f"/jobs/{job_id}/download")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(CONTENT_TYPES[output_format])
    disposition = response.headers["content-disposition"]
    assert "attachment" in disposition and f'.{output_format}"' in disposition and job_id in disposition
    rows = read_rows(response.content, output_format)
    assert len(rows) == 257
    assert sorted(int(r["id"]) for r in rows) == list(range(1, 258))
    assert set(rows[0]) == {"id", "customer_id", "email", "age", "balance", "status", "joined"}
    assert all(18 <= int(r["age"]) <= 80 for r in rows)


def test_same_seed_gives_the_same_file(live_server):
    first = create_job(live_server, total_rows=300, chunk_size=7, output_format="csv", seed=123)
    second = create_job(live_server, total_rows=300, chunk_size=300, output_format="csv", seed=123)
    for job_id in (first, second):
        live_server.wait_for_status(job_id, {"completed"})
    a = live_server.client.get(f"/jobs/{first}/download").content
    b = live_server.client.get(f"/jobs/{second}/download").content
    assert a == b


def test_preview_returns_first_rows(live_server):
    job_id = create_job(live_server, total_rows=500, chunk_size=100, output_format="parquet")
    live_server.wait_for_status(job_id, {"completed"})
    response = live_server.client.get(f"/jobs/{job_id}/preview", params={"rows": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["job_id"] == job_id and body["total_rows"] == 500 and body["preview_rows"] == 5
    assert [row["id"] for row in body["data"]] == [1, 2, 3, 4, 5]
    assert body["columns"][0] == "id"


MONEY = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "total", "type": "price", "constraints": {"min_value": 5, "max_value": 5000}},
    {"name": "ratio", "type": "float", "constraints": {"min_value": 0, "max_value": 1, "decimals": 3}},
    {"name": "when", "type": "date"},
]}


@pytest.mark.parametrize("output_format", ["csv", "parquet"])  # in place (made again), segments (read back)
def test_preview_names_each_columns_type_and_decimals(live_server, output_format):
    """JSON writes 1572.10 as 1572.1: the preview says a price has 2 decimals (the engine's default)
    and a float its own, so a client can show them as the file has them."""
    job_id = create_job(live_server, total_rows=200, chunk_size=100, output_format=output_format, schema=MONEY)
    live_server.wait_for_status(job_id, {"completed"})
    body = live_server.client.get(f"/jobs/{job_id}/preview", params={"rows": 3}).json()
    assert body["fields"] == [{"name": "id", "type": "sequence", "decimals": None},
                              {"name": "total", "type": "price", "decimals": 2},
                              {"name": "ratio", "type": "float", "decimals": 3},
                              {"name": "when", "type": "date", "decimals": None}]
    assert [f["name"] for f in body["fields"]] == body["columns"]


def test_list_is_newest_first_and_filters(live_server):
    older = create_job(live_server, total_rows=10, chunk_size=10)
    newer = create_job(live_server, total_rows=10, chunk_size=10)
    for job_id in (older, newer):
        live_server.wait_for_status(job_id, {"completed"})
    listed = live_server.client.get("/jobs/", params={"limit": 2}).json()
    assert [j["job_id"] for j in listed["jobs"]] == [newer, older]
    assert listed["count"] == 2
    completed = live_server.client.get("/jobs/", params={"status": "completed", "limit": 500}).json()
    assert completed["jobs"] and all(j["status"] == "completed" for j in completed["jobs"])
    assert live_server.client.get("/jobs/", params={"status": "paused"}).json()["jobs"] == []


def test_list_pages_with_offset_total_and_link_headers(live_server):
    created = [create_job(live_server, total_rows=10, chunk_size=10) for _ in range(5)]
    for job_id in created:
        live_server.wait_for_status(job_id, {"completed"})
    everything = live_server.client.get("/jobs/", params={"limit": 1000}).json()
    total = everything["total"]
    assert total == everything["count"] == len(everything["jobs"]) >= 5
    seen, url = [], "/jobs/?limit=2"
    while url:  # follow rel="next" as a client would
        response = live_server.client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert response.headers["x-total-count"] == str(body["total"]) == str(total)
        assert body["count"] == len(body["jobs"]) <= body["limit"] == 2
        seen += [job["job_id"] for job in body["jobs"]]
        url = response.links.get("next", {}).get("url")
        if body["offset"] > 0:
            assert response.links["prev"]["url"].endswith(f"offset={body['offset'] - 2}&limit=2")
    assert seen == [job["job_id"] for job in everything["jobs"]]
    assert seen[:5] == created[::-1]
    past_the_end = live_server.client.get("/jobs/", params={"limit": 2, "offset": total})
    assert past_the_end.json()["jobs"] == [] and past_the_end.json()["total"] == total
    assert "next" not in past_the_end.links
    completed = live_server.client.get("/jobs/", params={"status": "completed", "limit": 1, "offset": 1})
    assert completed.json()["total"] == int(completed.headers["x-total-count"]) >= 5
    assert 'status=completed' in completed.links["next"]["url"]


def test_not_allowed_transitions_are_409(live_server):
    job_id = create_job(live_server, total_rows=20, chunk_size=10)
    live_server.wait_for_status(job_id, {"completed"})
    for action in ("resume", "pause", "cancel"):
        response = live_server.client.post(f"/jobs/{job_id}/control", json={"job_id": job_id, "action": action})
        assert response.status_code == 409, (action, response.text)
        assert response.json()["error"] == "invalid_transition"


def test_control_body_job_id_must_match_path(live_server):
    job_id = create_job(live_server, total_rows=20, chunk_size=10)
    response = live_server.client.post(f"/jobs/{job_id}/control",
                                       json={"job_id": str(uuid.uuid4()), "action": "pause"})
    assert response.status_code == 422
    assert response.json()["problems"][0]["loc"] == "job_id"


def test_delete_removes_job_and_files(live_server):
    job_id = create_job(live_server, total_rows=100, chunk_size=10)
    live_server.wait_for_status(job_id, {"completed"})
    output = live_server.data_dir / "output" / f"{job_id}.csv"
    assert output.is_file()
    response = live_server.client.delete(f"/jobs/{job_id}")
    assert response.status_code == 200 and response.json()["deleted"] is True
    assert not output.exists()
    assert not (live_server.data_dir / "temp" / job_id).exists()
    assert live_server.client.get(f"/jobs/{job_id}/status").status_code == 404


def test_engine_schema_errors_are_422_with_problems(live_server):
    schema = {"fields": [{"name": "a", "type": "integer"},
                         {"name": "b", "type": "integer", "constraints": {"expression": "a * nosuchfield"}}]}
    response = live_server.client.post("/jobs/create", json=job_body(10, 10, schema=schema))
    assert response.status_code == 422, response.text
    problems = response.json()["problems"]
    assert problems and any("nosuchfield" in p["message"] for p in problems)
    assert all(p["loc"].startswith("schema") for p in problems)


def test_unique_that_cannot_hold_is_422(live_server):
    schema = {"fields": [{"name": "n", "type": "integer",
                          "constraints": {"min_value": 1, "max_value": 100, "unique": True}}]}
    response = live_server.client.post("/jobs/create", json=job_body(101, 10, schema=schema))
    assert response.status_code == 422, response.text
    assert response.json()["problems"][0]["loc"] == "schema.fields[0].constraints.unique"


def test_large_id_sets_are_exact(live_server):
    job_id = create_job(live_server, total_rows=200_003, chunk_size=999, output_format="csv")
    status = live_server.wait_for_status(job_id, {"completed", "failed"})
    assert status["status"] == "completed", status
    assert status["chunks_completed"] == status["total_chunks"] == 201
    ids = read_ids(live_server.client.get(f"/jobs/{job_id}/download").content, "csv")
    assert len(ids) == 200_003
    assert sorted(ids) == list(range(1, 200_004))


def test_server_log_file_is_written(live_server):
    log = live_server.data_dir / "logs" / "api.log"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "API started" not in (log.read_text() if log.exists() else ""):
        time.sleep(0.1)
    assert "API started" in log.read_text()


def test_schema_types_lists_every_type_with_its_constraints_and_meanings(live_server):
    response = live_server.client.get("/schema/types")
    assert response.status_code == 200
    types = response.json()
    assert len(types) == 54
    assert all({"type", "group", "example", "constraints"} <= set(t) for t in types)
    string = next(t for t in types if t["type"] == "string")
    assert len(string["meanings"]) >= 80 and {"meaning", "names", "example"} <= set(string["meanings"][0])
