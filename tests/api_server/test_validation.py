"""Bad input gets a 422 naming the field and the rule; unknown jobs 404; never a 500 or a traceback."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from src.api_server.app import create_app

GOOD_SCHEMA = {"fields": [{"name": "id", "type": "sequence"}, {"name": "age", "type": "integer",
                                                               "constraints": {"min_value": 18, "max_value": 80}}]}


@pytest.fixture
def client(test_settings):
    with TestClient(create_app(test_settings), raise_server_exceptions=False) as client:
        yield client


def create(client, schema=None, **overrides):
    body = {"schema": GOOD_SCHEMA if schema is None else schema, "total_rows": 100, "chunk_size": 10,
            "output_format": "csv", **overrides}
    return client.post("/jobs/create", json=body)


def assert_problem(response, loc_fragment: str, message_fragment: str) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "validation_error"
    assert "Traceback" not in response.text
    matches = [p for p in body["problems"]
               if loc_fragment in p["loc"] and message_fragment.lower() in p["message"].lower()]
    assert matches, body["problems"]


def test_unknown_field_type_names_the_field(client):
    schema = {"fields": [{"name": "x", "type": "no_such_type"}, {"name": "y", "type": "emial"}]}
    response = create(client, schema)
    assert_problem(response, "schema.fields[0].type", "unknown field type 'no_such_type'")
    assert_problem(response, "schema.fields[1].type", "unknown field type 'emial' (did you mean 'email'?)")


def test_min_above_max_names_the_rule(client):
    schema = {"fields": [{"name": "age", "type": "integer", "constraints": {"min_value": 9, "max_value": 1}}]}
    assert_problem(create(client, schema), "schema.fields[0].constraints.max_value", "greater than max_value")


def test_a_misspelt_constraint_names_the_one_meant(client):
    schema = {"fields": [{"name": "price", "type": "float", "constraints": {"decimal": 2, "mean": 40}}]}
    response = create(client, schema)
    assert_problem(response, "schema.fields[0].constraints.decimal", "did you mean 'decimals'?")
    assert_problem(response, "schema.fields[0].constraints.mean", "belongs inside distribution")


def test_schema_without_fields(client):
    assert_problem(create(client, {"fields": []}), "schema.fields", "at least 1")


def test_duplicate_field_names(client):
    schema = {"fields": [{"name": "a", "type": "integer"}, {"name": "a", "type": "email"}]}
    assert_problem(create(client, schema), "schema", "duplicate field names: a")


@pytest.mark.parametrize("rows", [0, -5])
def test_total_rows_must_be_positive(client, rows):
    assert_problem(create(client, total_rows=rows), "total_rows", "greater than 0")


def test_total_rows_above_max_rows(client):
    assert_problem(create(client, total_rows=1_000_001), "total_rows", "MAX_ROWS")


@pytest.mark.parametrize(("size", "message"), [(0, "greater than 0"), (100_001, "MAX_CHUNK_SIZE")])
def test_chunk_size_out_of_bounds(client, size, message):
    assert_problem(create(client, chunk_size=size), "chunk_size", message)


def test_unknown_output_format(client):
    assert_problem(create(client, output_format="xlsx"), "output_format", "csv")


def test_seeds_beyond_64_bits_are_rejected(client):
    assert_problem(create(client, seed=2**64), "seed", "less than or equal")
    schema = {**GOOD_SCHEMA, "seed": 2**64}
    assert_problem(create(client, schema), "schema.seed", "less than or equal")


def test_malformed_json(client):
    response = client.post("/jobs/create", content=b'{"schema": {"fields": [', headers={
        "Content-Type": "application/json"})
    assert_problem(response, "body", "JSON")


def test_missing_schema(client):
    response = client.post("/jobs/create", json={"total_rows": 10})
    assert_problem(response, "schema", "required")


@pytest.mark.parametrize("path", ["status", "preview", "download"])
def test_unknown_job_is_404(client, path):
    response = client.get(f"/jobs/{uuid.uuid4()}/{path}")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_unknown_job_control_and_delete_are_404(client):
    job_id = str(uuid.uuid4())
    assert client.post(f"/jobs/{job_id}/control", json={"action": "pause"}).status_code == 404
    assert client.delete(f"/jobs/{job_id}").status_code == 404


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "%2E%2E", "1234", "00000000-0000-4000-8000-00000000000g"])
def test_job_ids_must_be_uuids(client, bad_id):
    assert_problem(client.get(f"/jobs/{bad_id}/status"), "path.job_id", "valid UUID")


def test_path_traversal_in_a_job_id_matches_no_route(client):
    """An encoded '/' splits the path, so no job route matches: a plain 404, nothing read from disk."""
    response = client.get("/jobs/..%2F..%2Fetc%2Fpasswd/status")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "detail": "Not Found", "problems": []}


def test_unknown_control_action(client):
    response = client.post(f"/jobs/{uuid.uuid4()}/control", json={"action": "explode"})
    assert_problem(response, "action", "pause")


def test_list_rejects_unknown_status_and_bad_limit(client):
    assert_problem(client.get("/jobs/?status=sleeping"), "status", "pending")
    assert_problem(client.get("/jobs/?limit=0"), "limit", "greater than or equal to 1")
    assert_problem(client.get("/jobs/?limit=1001"), "limit", "less than or equal to 1000")
    assert_problem(client.get("/jobs/?offset=-1"), "offset", "greater than or equal to 0")
    assert_problem(client.get(f"/jobs/?offset={2**63}"), "offset", "less than or equal to")
    assert_problem(client.get("/jobs/?offset=ten"), "offset", "integer")


def test_unexpected_errors_answer_clean_json(client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.app.state.job_manager, "list_jobs", explode)
    response = client.get("/jobs/")
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert "secret internals" not in response.text and "Traceback" not in response.text


def test_health_and_docs(client):
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "healthy"
    assert client.get("/docs").status_code == 200
    assert client.get("/redoc").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/jobs/create", "/jobs/{job_id}/status", "/jobs/", "/jobs/{job_id}/preview",
                 "/jobs/{job_id}/download", "/jobs/{job_id}/control", "/jobs/{job_id}", "/schema/extract",
                 "/health"):
        assert path in paths


def test_a_union_value_gets_one_problem_and_an_unknown_key_keeps_its_name(client):
    schema = {"fields": [{"name": "s", "type": "enum", "constraints": {"enum_values": [["nested"]], "bool": 1}}]}
    problems = create(client, schema).json()["problems"]
    locs = [p["loc"] for p in problems]
    assert locs.count("schema.fields[0].constraints.enum_values[0]") == 1, problems
    assert "schema.fields[0].constraints.bool" in locs, problems
