"""Property: random schema documents, expressions, patterns and raw bodies sent to a real uvicorn
server never get a 5xx; every job the server accepts completes."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.input_strategies import SCALARS, rule_documents, schema_documents

LIVE = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=12)


@pytest.fixture(scope="module")
def accepted_jobs(live_server):
    """Every job the server accepted during this module; at the end each must have completed."""
    jobs: list[str] = []
    yield jobs
    failures = []
    for job_id in jobs:
        status = live_server.wait_for_status(job_id, {"completed", "failed", "cancelled"}, timeout=60)
        if status["status"] != "completed":
            failures.append((status.get("error_message"), live_server.client.get(f"/jobs/{job_id}").json()))
    assert not failures, failures


def post_job(server, doc, jobs: list[str]) -> None:
    response = server.client.post("/jobs/create", json={"schema": doc, "total_rows": 50, "chunk_size": 20})
    assert response.status_code < 500, response.text
    body = response.json()
    if response.status_code == 200:
        jobs.append(body["job_id"])
    else:
        assert response.status_code == 422 and body["error"] == "validation_error", body
        assert body["problems"] and all(p["loc"] and p["message"] for p in body["problems"]), body
        assert "Traceback" not in response.text


@LIVE
@given(doc=schema_documents())
def test_random_documents_never_get_a_5xx(live_server, accepted_jobs, doc):
    post_job(live_server, doc, accepted_jobs)


@LIVE
@given(doc=rule_documents())
def test_random_expressions_and_patterns_never_get_a_5xx(live_server, accepted_jobs, doc):
    post_job(live_server, doc, accepted_jobs)


@LIVE
@given(path=st.sampled_from(["/jobs/create", "/schema/extract",
                             "/jobs/00000000-0000-4000-8000-000000000000/control"]),
       body=st.one_of(JSON_VALUES.map(lambda v: json.dumps(v).encode()), st.binary(max_size=64)))
def test_random_bodies_never_get_a_5xx(live_server, path, body):
    response = live_server.client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code < 500, response.text
    assert set(response.json()) == {"error", "detail", "problems"} or response.status_code == 200
