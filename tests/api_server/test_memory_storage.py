"""STORAGE_TYPE=memory serves the same contract (in-process app; downloads stream from memory)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from src.api_server.app import create_app

from .helpers import job_body, read_rows


def test_memory_storage_job_downloads_and_previews(test_settings):
    settings = test_settings.model_copy(update={"storage_type": "memory"})
    with TestClient(create_app(settings)) as client:
        job_id = client.post("/jobs/create", json=job_body(2500, 100, "jsonl")).json()["job_id"]
        deadline = time.monotonic() + 30
        while client.get(f"/jobs/{job_id}/status").json()["status"] != "completed":
            assert time.monotonic() < deadline
            time.sleep(0.02)
        response = client.get(f"/jobs/{job_id}/download")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/x-ndjson")
        assert int(response.headers["content-length"]) == len(response.content)
        assert f'filename="synthetic_{job_id}.jsonl"' in response.headers["content-disposition"]
        rows = read_rows(response.content, "jsonl")
        assert [r["id"] for r in rows] == list(range(1, 2501))
        preview = client.get(f"/jobs/{job_id}/preview", params={"rows": 2}).json()
        assert preview["data"] == rows[:2]
        assert client.get("/health").json()["storage_type"] == "memory"
        assert not (settings.output_path / f"{job_id}.jsonl").exists()
