"""An in-memory stand-in for `ApiClient`, for the AppTests."""

from __future__ import annotations

import uuid
from typing import Any

from src.api_client import ApiError, DownloadedFile

EXTRACTED_SCHEMA = {
    "fields": [
        {"name": "customer_id", "type": "uuid", "description": "Customer key"},
        {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
        {"name": "status", "type": "enum", "constraints": {"enum_values": ["active", "inactive"]}},
    ]
}


class FakeApiClient:
    """Behaves like `ApiClient` over an in-memory job table; `down=True` makes every call fail."""

    base_url = "http://fake-api"

    def __init__(self) -> None:
        self.jobs: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, Any]] = []
        self.down = False
        self.fail_with: dict[str, ApiError] = {}

    def add_job(self, status: str = "generating", total_rows: int = 1_000, rows_generated: int = 400,
                output_format: str = "csv", error_message: str | None = None, **extra: Any) -> str:
        job_id = str(uuid.uuid4())
        self.jobs[job_id] = {
            "job_id": job_id, "status": status, "total_rows": total_rows,
            "rows_generated": rows_generated, "chunks_completed": rows_generated // 100,
            "total_chunks": total_rows // 100,
            "progress_percentage": 100.0 * rows_generated / total_rows,
            "rows_per_second": 250.0, "eta_seconds": 2.4, "error_message": error_message,
            "output_format": output_format, "created_at": f"2026-11-24T20:{len(self.jobs):02d}:00Z",
            **extra,
        }
        return job_id

    def _call(self, name: str, argument: Any = None) -> None:
        self.calls.append((name, argument))
        if self.down:
            raise ApiError(None, f"API not reachable at {self.base_url}.")
        if name in self.fail_with:
            raise self.fail_with[name]

    def _job(self, job_id: str) -> dict[str, Any]:
        if job_id not in self.jobs:
            raise ApiError(404, f"Job {job_id} not found")
        return self.jobs[job_id]

    def check_health(self) -> dict[str, Any]:
        self._call("check_health")
        return {"status": "healthy"}

    def extract_schema(self, user_input: str) -> dict[str, Any]:
        self._call("extract_schema", user_input)
        return {"schema": EXTRACTED_SCHEMA, "total_rows": 2_500, "provider": "offline",
                "warnings": ["'loyalty tier' was not understood and was left out"]}

    def create_job(self, schema: dict[str, Any], total_rows: int, chunk_size: int,
                   output_format: str, seed: int | None = None) -> dict[str, Any]:
        self._call("create_job", {"schema": schema, "total_rows": total_rows, "chunk_size": chunk_size,
                                  "output_format": output_format, "seed": seed})
        job_id = self.add_job(status="completed", total_rows=total_rows, rows_generated=total_rows,
                              output_format=output_format, schema=schema)
        return {"job_id": job_id, "status": "pending", "message": "Job created"}

    def get_job_status(self, job_id: str) -> dict[str, Any]:
        self._call("get_job_status", job_id)
        return dict(self._job(job_id))

    def list_jobs(self, limit: int = 100, status: str | None = None) -> list[dict[str, Any]]:
        self._call("list_jobs", status)
        jobs = [job for job in reversed(self.jobs.values()) if status in (None, job["status"])]
        return [dict(job) for job in jobs[:limit]]

    def get_preview(self, job_id: str, rows: int = 20) -> dict[str, Any]:
        self._call("get_preview", job_id)
        job = self._job(job_id)
        count = min(rows, job["rows_generated"])
        data = [{"customer_id": f"id-{i}", "age": 18 + i, "status": "active"} for i in range(count)]
        return {"job_id": job_id, "total_rows": job["total_rows"], "preview_rows": count, "data": data}

    def download(self, job_id: str) -> DownloadedFile:
        self._call("download", job_id)
        return DownloadedFile(b"customer_id,age\nid-0,18\n", f"{job_id}.csv", "text/csv")

    def download_url(self, job_id: str) -> str:
        return f"{self.base_url}/jobs/{job_id}/download"

    def create_download_link(self, job_id: str) -> dict[str, Any]:
        self._call("create_download_link", job_id)
        self._job(job_id)
        return {"job_id": job_id, "url": f"{self.base_url}/jobs/{job_id}/download?token=1.signed",
                "expires_at": "2026-11-24T21:00:00Z"}

    def control_job(self, job_id: str, action: str) -> dict[str, Any]:
        self._call("control_job", (job_id, action))
        job = self._job(job_id)
        job["status"] = {"pause": "paused", "resume": "generating", "cancel": "cancelled"}[action]
        return {"job_id": job_id, "status": job["status"], "message": f"Job {action}d"}

    def delete_job(self, job_id: str) -> None:
        self._call("delete_job", job_id)
        self._job(job_id)
        del self.jobs[job_id]
