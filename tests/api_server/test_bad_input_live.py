"""Abusive and malformed requests against a real uvicorn server: always a 4xx in the one error shape,
naming the field and the rule; never a 500, a traceback or numpy's wording."""

from __future__ import annotations

import pytest

from tests.engine.test_input_guards import CHAIN_330, NESTED_GROUPS, NOT_490

from .helpers import job_body, read_rows


def assert_error_body(response, status: int, error: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "detail", "problems"} and body["error"] == error
    assert "Traceback" not in response.text and "repeats may not" not in response.text
    return body


@pytest.mark.parametrize(("fields", "loc", "message"), [
    pytest.param([{"name": "c", "type": "code", "constraints": {"pattern": NESTED_GROUPS}}],
                 "schema.fields[0].constraints.pattern", "nest more than 50", id="250-nested-groups"),
    pytest.param([{"name": "a", "type": "integer"},
                  {"name": "b", "type": "integer", "constraints": {"expression": CHAIN_330}}],
                 "schema.fields[1].constraints.expression", "more than 200 operations", id="330-term-chain"),
    pytest.param([{"name": "a", "type": "boolean"},
                  {"name": "b", "type": "integer", "constraints": {"when": NOT_490}}],
                 "schema.fields[1].constraints.when", "nests more than 40", id="490-nots"),
    pytest.param([{"name": "s", "type": "float", "constraints": {"step": "nan"}}],
                 "schema.fields[0].constraints.step", "positive number", id="step-nan"),
    pytest.param([{"name": "c", "type": "code", "constraints": {"pattern": r"(\w?){500}\d{500}", "unique": True}}],
                 "schema.fields[0].constraints.pattern", "too complex", id="unique-pattern"),
    pytest.param([{"name": "t", "type": "datetime", "constraints": {"step": "0"}}],
                 "schema.fields[0].constraints", "step must be positive", id="time-step-zero"),
])
def test_abusive_schema_is_a_422_naming_field_and_rule(live_server, fields, loc, message):
    response = live_server.client.post("/jobs/create", json=job_body(10, 10, schema={"fields": fields}))
    body = assert_error_body(response, 422, "validation_error")
    assert any(p["loc"] == loc and message in p["message"] for p in body["problems"]), body["problems"]


@pytest.mark.parametrize(("raw_constraints", "loc"), [
    pytest.param(b'{"enum_values": ["x", "y"], "weights": [1e308, Infinity]}', "weights[1]", id="weight-inf"),
    pytest.param(b'{"enum_values": ["x", "y"], "weights": [NaN, 1]}', "weights[0]", id="weight-nan"),
    pytest.param(b'{"min_value": -Infinity}', "min_value", id="bound-inf"),
    pytest.param(b'{"distribution": {"kind": "normal", "std": NaN}}', "distribution.std", id="std-nan"),
])
def test_non_finite_numbers_are_a_422(live_server, raw_constraints, loc):
    body = (b'{"schema": {"fields": [{"name": "s", "type": "float", "constraints": ' + raw_constraints
            + b'}]}, "total_rows": 10}')
    response = live_server.client.post("/jobs/create", content=body, headers={"Content-Type": "application/json"})
    problems = assert_error_body(response, 422, "validation_error")["problems"]
    assert any(p["loc"] == f"schema.fields[0].constraints.{loc}" and "finite" in p["message"] for p in problems), problems


def test_huge_equal_weights_mean_equal_shares(live_server):
    schema = {"fields": [{"name": "s", "type": "enum",
                          "constraints": {"enum_values": ["x", "y"], "weights": [1e308, 1e308]}}]}
    response = live_server.client.post("/jobs/create", json=job_body(4000, 1000, schema=schema))
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    assert live_server.wait_for_status(job_id, {"completed", "failed"})["status"] == "completed"
    rows = read_rows(live_server.client.get(f"/jobs/{job_id}/download").content, "csv")
    values = [row["s"] for row in rows]
    assert len(values) == 4000 and set(values) == {"x", "y"} and 1800 < values.count("x") < 2200


@pytest.mark.parametrize("path", ["/jobs/create", "/schema/extract"])
def test_body_that_is_not_utf8_is_a_422_like_malformed_json(live_server, path):
    response = live_server.client.post(path, content='{"user_input": "café"}'.encode("latin-1"),
                                       headers={"Content-Type": "application/json"})
    body = assert_error_body(response, 422, "validation_error")
    assert body["problems"][0]["loc"] == "body"
    assert "malformed JSON" in body["problems"][0]["message"] and "UTF-8" in body["problems"][0]["message"]


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("PUT", "/jobs/create", "POST"), ("DELETE", "/jobs/create", "POST"), ("GET", "/jobs/create", "POST"),
    ("DELETE", "/health", "GET"), ("POST", "/jobs/00000000-0000-4000-8000-000000000000/status", "GET"),
])
def test_wrong_method_is_a_405_in_the_error_shape(live_server, method, path, allowed):
    response = live_server.client.request(method, path)
    body = assert_error_body(response, 405, "method_not_allowed")
    assert body["detail"] == "Method Not Allowed"
    assert response.headers["allow"] == allowed


@pytest.mark.parametrize(("content", "message"), [
    (b"[" * 5_000_000, "nests arrays or objects too deeply"),
    (b'{"schema": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests arrays or objects too deeply"),
    (b'{"schema": "' + b"x" * 5_000_000 + b'"', "malformed JSON"),
])
def test_large_or_deep_body_is_a_422(live_server, content, message):
    """A 5 MB body (under MAX_REQUEST_BYTES, 8 MiB) is read and refused as malformed JSON, and JSON
    nested deeper than Python's stack is a 422 too (larger bodies: 413, test_limits_live.py)."""
    response = live_server.client.post("/jobs/create", content=content,
                                       headers={"Content-Type": "application/json"})
    body = assert_error_body(response, 422, "validation_error")
    assert body["problems"][0]["loc"] == "body" and message in body["problems"][0]["message"]
