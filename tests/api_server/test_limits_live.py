"""Every limit against a real uvicorn server: CORS origins, MAX_REQUEST_BYTES, queued jobs and rows."""

from __future__ import annotations

import json
import socket

import httpx

from src.config import Settings

from .helpers import job_body

LEAN_SCHEMA = {"fields": [{"name": "id", "type": "sequence"}]}


def preflight(server, origin: str) -> httpx.Response:
    return server.client.options("/jobs/", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})


def test_cors_allows_the_ui_origin_by_default_and_nothing_else(live_server):
    for origin in ("http://localhost:8501", "http://127.0.0.1:8501"):
        allowed = preflight(live_server, origin)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == origin
        simple = live_server.client.get("/health", headers={"Origin": origin})
        assert simple.headers["access-control-allow-origin"] == origin
    for origin in ("http://evil.example", "http://localhost:9999"):
        refused = preflight(live_server, origin)
        assert "access-control-allow-origin" not in refused.headers
        assert "access-control-allow-origin" not in live_server.client.get(
            "/health", headers={"Origin": origin}).headers


def test_cors_origins_setting_replaces_the_default_and_413_carries_cors(live_server_factory):
    server = live_server_factory(CORS_ORIGINS="https://app.example, https://other.example",
                                 MAX_REQUEST_BYTES=1000)
    assert preflight(server, "https://other.example").headers["access-control-allow-origin"] == \
        "https://other.example"
    assert "access-control-allow-origin" not in preflight(server, "http://localhost:8501").headers
    big = server.client.post("/jobs/create", content=b" " * 2000, headers={
        "Origin": "https://app.example", "Content-Type": "application/json"})
    assert big.status_code == 413
    assert big.headers["access-control-allow-origin"] == "https://app.example"  # the browser can read why


def raw_request(server, head: str, body_parts: list[bytes] = ()) -> tuple[int, dict]:
    """Send a request by hand (to control Content-Length and chunking); the status and JSON answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head.encode())
        for part in body_parts:
            try:
                sock.sendall(part)
            except OSError:  # the server may close once it has answered
                break
        data = b""
        while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _content_length(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    header, _, payload = data.partition(b"\r\n\r\n")
    return int(header.split()[1]), json.loads(payload[:_content_length(data)])


def _content_length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 1 << 30


def test_request_bodies_over_max_request_bytes_get_413_before_parsing(live_server_factory):
    limit = 50_000
    server = live_server_factory(MAX_REQUEST_BYTES=limit)
    message = f"MAX_REQUEST_BYTES ({limit} bytes)"

    # Declared too large: refused from the headers alone; not one body byte is sent.
    status, body = raw_request(server, f"POST /jobs/create HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       f"application/json\r\nContent-Length: {10 * limit}\r\n\r\n")
    assert status == 413 and body["error"] == "too_large" and message in body["detail"]

    # Chunked (no Content-Length): counted while it streams.
    piece = b" " * 10_000
    chunks = [b"%x\r\n%s\r\n" % (len(piece), piece)] * 8 + [b"0\r\n\r\n"]
    status, body = raw_request(server, "POST /jobs/create HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       "application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunks)
    assert status == 413 and message in body["detail"]

    # httpx streams a generator body chunked as well.
    streamed = server.client.post("/jobs/create", content=iter([piece] * 8),
                                  headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and message in streamed.json()["detail"]

    # Under the limit, chunked or not: parsed as usual.
    small = json.dumps(job_body(100, 10)).encode()
    assert server.client.post("/jobs/create", content=small,
                              headers={"Content-Type": "application/json"}).status_code == 200
    assert server.client.post("/jobs/create", content=iter([small[:50], small[50:]]),
                              headers={"Content-Type": "application/json"}).status_code == 200
    assert server.client.get("/health").status_code == 200


def test_default_request_limit_is_8_mib(live_server):
    limit = Settings(_env_file=None).max_request_bytes
    assert limit == 8 * 1024 * 1024
    padded = {**job_body(10, 10), "padding": " " * limit}
    response = live_server.client.post("/jobs/create", content=json.dumps(padded),
                                       headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["detail"] == ("request body is larger than MAX_REQUEST_BYTES "
                                         "(8388608 bytes = 8 MiB)")


def create(server, total_rows: int, chunk_size: int = 1_000_000) -> httpx.Response:
    return server.client.post("/jobs/create", json=job_body(total_rows, chunk_size, schema=LEAN_SCHEMA))


def test_queued_jobs_and_rows_are_capped_with_429(live_server_factory):
    # One slot: the first job generates (100M rows: minutes of work), the rest stay pending.
    server = live_server_factory(JOB_MAX_CONCURRENT_JOBS=1, JOB_MAX_QUEUED_JOBS=3,
                                 JOB_MAX_QUEUED_ROWS=100_000_300, MAX_ROWS=100_000_000)
    first = create(server, 100_000_000).json()["job_id"]
    second = create(server, 200, 100).json()["job_id"]

    too_many_rows = create(server, 101, 100)
    assert too_many_rows.status_code == 429
    body = too_many_rows.json()
    assert body["error"] == "quota_exceeded" and "JOB_MAX_QUEUED_ROWS is 100000300" in body["detail"]
    assert create(server, 100, 100).status_code == 200  # exactly at the limit is fine

    too_many_jobs = create(server, 1, 1)
    assert too_many_jobs.status_code == 429
    assert "JOB_MAX_QUEUED_JOBS is 3" in too_many_jobs.json()["detail"]
    assert server.client.get(f"/jobs/{first}/status").json()["status"] == "generating"  # still queued work

    # Paused, cancelled and finished jobs leave the queue and make room.
    server.client.post(f"/jobs/{second}/control", json={"action": "pause"})
    assert create(server, 1, 1).status_code == 200
    server.client.post(f"/jobs/{first}/control", json={"action": "cancel"})
    last = create(server, 100_000_000 - 200, 1_000_000)
    assert last.status_code == 200
    server.client.post(f"/jobs/{last.json()['job_id']}/control", json={"action": "cancel"})
    # A refused job leaves no trace.
    assert server.client.get("/jobs/").json()["count"] == 5


def test_default_queue_limits():
    settings = Settings(_env_file=None)
    assert (settings.job_max_queued_jobs, settings.job_max_queued_rows) == (100, 1_000_000_000)
