"""API keys and signed download links against a real uvicorn server."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from src.jobs.signing import create_download_token

from .helpers import job_body

KEYS = "first-key-7f3a9c,second-key-b81d2e"
LINK_SECRET = "link-secret-for-tests"
TTL = 900


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory):
    from .conftest import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("keyed"), API_KEY=KEYS, DOWNLOAD_LINK_SECRET=LINK_SECRET,
                        DOWNLOAD_LINK_TTL_SECONDS=TTL)
    server.start()
    yield server
    server.close()


def with_key(key: str = "second-key-b81d2e") -> dict[str, str]:
    return {"X-API-Key": key}


def wait_completed(server, job_id: str, headers: dict[str, str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = server.client.get(f"/jobs/{job_id}/status", headers=headers).json()
        if status["status"] in ("completed", "failed"):
            assert status["status"] == "completed", status
            return
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not complete")


def completed_job(server, output_format: str = "csv") -> str:
    created = server.client.post("/jobs/create", json=job_body(300, 100, output_format), headers=with_key())
    assert created.status_code == 200, created.text
    job_id = created.json()["job_id"]
    wait_completed(server, job_id, with_key())
    return job_id


def assert_unauthorized(response: httpx.Response, *secrets: str) -> dict:
    assert response.status_code == 401, (response.request.method, response.request.url, response.text)
    body = response.json()
    assert body["error"] == "unauthorized" and body["detail"] and body["problems"] == []
    assert response.headers["www-authenticate"].startswith("Bearer")
    for secret in secrets:
        assert secret not in response.text
    return body


def test_every_route_but_health_needs_a_key(keyed_server):
    job_id = completed_job(keyed_server)
    client = keyed_server.client
    calls = [
        ("GET", "/", None), ("GET", "/jobs/", None), ("POST", "/jobs/create", job_body(10, 10)),
        ("GET", f"/jobs/{job_id}/status", None), ("GET", f"/jobs/{job_id}/preview", None),
        ("GET", f"/jobs/{job_id}/download", None), ("POST", f"/jobs/{job_id}/download-link", None),
        ("POST", f"/jobs/{job_id}/control", {"action": "pause"}), ("DELETE", f"/jobs/{job_id}", None),
        ("POST", "/schema/extract", {"user_input": "100 rows with id and name"}),
    ]
    for method, path, body in calls:
        body_missing = assert_unauthorized(client.request(method, path, json=body))
        assert "X-API-Key" in body_missing["detail"]
        wrong = "third-key-not-configured"
        assert_unauthorized(client.request(method, path, json=body, headers=with_key(wrong)), wrong)
        assert_unauthorized(client.request(method, path, json=body,
                                           headers={"Authorization": f"Bearer {wrong}"}), wrong)
        # A prefix of a real key is not a key.
        assert_unauthorized(client.request(method, path, json=body, headers=with_key("first-key")))
    assert client.get("/health").status_code == 200

    # Either key, either header.
    assert client.get("/jobs/", headers=with_key("first-key-7f3a9c")).status_code == 200
    assert client.get("/jobs/", headers={"Authorization": "Bearer second-key-b81d2e"}).status_code == 200
    assert client.get(f"/jobs/{job_id}/download", headers=with_key()).status_code == 200
    assert client.delete(f"/jobs/{job_id}", headers=with_key()).status_code == 200

    # Keys never reach the logs (the service's own and uvicorn's output).
    logs = [p for p in keyed_server.data_dir.rglob("*.log")]
    assert logs
    for log in logs:
        text = log.read_text(errors="replace")
        for key in (*KEYS.split(","), "third-key-not-configured"):
            assert key not in text, log


def test_docs_show_how_to_authorize(keyed_server):
    spec = keyed_server.client.get("/openapi.json").json()  # the docs themselves stay readable
    schemes = spec["components"]["securitySchemes"]
    assert schemes["ApiKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key",
                                       "description": schemes["ApiKeyHeader"]["description"]}
    assert schemes["BearerToken"]["type"] == "http" and schemes["BearerToken"]["scheme"] == "bearer"
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if path == "/health":
                assert "security" not in operation
            else:
                assert {"ApiKeyHeader": []} in operation["security"], (method, path)
                assert {"BearerToken": []} in operation["security"], (method, path)
                assert "401" in operation["responses"], (method, path)
    assert "Authorize" in spec["info"]["description"]
    assert keyed_server.client.get("/docs").status_code == 200


def test_signed_link_downloads_one_job_without_a_key_until_it_expires(keyed_server):
    client = keyed_server.client
    job_id, other_id = completed_job(keyed_server), completed_job(keyed_server, "parquet")
    expected = client.get(f"/jobs/{job_id}/download", headers=with_key()).content

    before = datetime.now(UTC)
    link = client.post(f"/jobs/{job_id}/download-link", headers=with_key())
    assert link.status_code == 200, link.text
    body = link.json()
    url, expires_at = body["url"], datetime.fromisoformat(body["expires_at"])
    assert expires_at.tzinfo is not None
    assert before + timedelta(seconds=TTL - 2) <= expires_at <= datetime.now(UTC) + timedelta(seconds=TTL + 1)
    assert url.startswith(f"{keyed_server.base_url}/jobs/{job_id}/download?token=")

    plain = httpx.get(url, timeout=30)  # no key
    assert plain.status_code == 200 and plain.content == expected

    token = url.split("token=", 1)[1]
    other_path = f"/jobs/{other_id}/download?token={token}"
    assert_unauthorized(client.get(other_path))  # only for that job
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_unauthorized(client.get(f"/jobs/{job_id}/download?token={changed}"))
    later_expiry = str(int(token.split(".")[0]) + 3600) + "." + token.split(".")[1]
    assert_unauthorized(client.get(f"/jobs/{job_id}/download?token={later_expiry}"))
    assert_unauthorized(client.get(f"/jobs/{job_id}/download?token=garbage"))
    # A token opens only the download, not the rest of the API.
    assert_unauthorized(client.get(f"/jobs/{job_id}/status?token={token}"))

    expired, _ = create_download_token(LINK_SECRET.encode(), job_id, TTL,
                                       now=datetime.now(UTC) - timedelta(seconds=TTL + 1))
    gone = assert_unauthorized(client.get(f"/jobs/{job_id}/download?token={expired}"))
    assert "expired" in gone["detail"]
    fresh, _ = create_download_token(LINK_SECRET.encode(), job_id, 60)  # signed with the configured secret
    assert client.get(f"/jobs/{job_id}/download?token={fresh}").content == expected

    assert client.post(f"/jobs/{job_id}/download-link").status_code == 401  # making one needs a key
    unknown = client.post("/jobs/00000000-0000-4000-8000-000000000000/download-link", headers=with_key())
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"


def test_links_need_a_finished_job_and_survive_a_restart(live_server_factory):
    server = live_server_factory(API_KEY="restart-key", JOB_MAX_CONCURRENT_JOBS=1)
    headers = {"Authorization": "Bearer restart-key"}
    blocker = server.client.post("/jobs/create", json=job_body(5_000_000, 100_000), headers=headers).json()
    job_id = server.client.post("/jobs/create", json=job_body(200, 100), headers=headers).json()["job_id"]
    refused = server.client.post(f"/jobs/{job_id}/download-link", headers=headers)  # still pending
    assert refused.status_code == 409 and "completed" in refused.json()["detail"]
    server.client.post(f"/jobs/{blocker['job_id']}/control", json={"action": "cancel"}, headers=headers)
    wait_completed(server, job_id, headers)

    url = server.client.post(f"/jobs/{job_id}/download-link", headers=headers).json()["url"]
    content = httpx.get(url).content
    assert content.startswith(b"\"id\",")
    server.stop()
    server.start()
    assert httpx.get(url).content == content  # the secret is derived from the key, not per process


def test_without_keys_the_api_is_open_and_links_still_work(live_server):
    created = live_server.client.post("/jobs/create", json=job_body(100, 50)).json()
    live_server.wait_for_status(created["job_id"], {"completed"})
    link = live_server.client.post(f"/jobs/{created['job_id']}/download-link").json()
    assert httpx.get(link["url"]).status_code == 200
    assert live_server.client.get(link["url"].rsplit("=", 1)[0] + "=1.bad").status_code == 401
