"""An in-memory stand-in for `ApiClient`, for the AppTests.

It behaves as the API does where the pages meet it: a created job starts `pending` and moves on one
step per status poll (pending -> generating -> completed), every job reports the seed it uses (one is
drawn when none is given), rate and ETA only while generating, and delete always succeeds for a job
that exists (the API stops a running job first; it never answers 409 to a delete).
"""

from __future__ import annotations

import random
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
        self.saved: dict[str, dict[str, Any]] = {}
        self.clock = 0

    def add_job(self, status: str = "generating", total_rows: int = 1_000, rows_generated: int = 400,
                output_format: str = "csv", error_message: str | None = None, **extra: Any) -> str:
        job_id = str(uuid.uuid4())
        self.jobs[job_id] = {
            "job_id": job_id, "status": status, "total_rows": total_rows, "error_message": error_message,
            "output_format": output_format, "seed": random.getrandbits(63),
            "created_at": f"2026-11-24T20:{len(self.jobs):02d}:00Z", **extra,
        }
        self._set_progress(self.jobs[job_id], rows_generated)
        return job_id

    @staticmethod
    def _set_progress(job: dict[str, Any], rows_generated: int) -> None:
        total = job["total_rows"]
        generating = job["status"] == "generating"
        job.update(rows_generated=rows_generated, chunks_completed=rows_generated // 100,
                   total_chunks=max(1, total // 100), progress_percentage=100.0 * rows_generated / total,
                   rows_per_second=250.0 if generating or job["status"] == "completed" else None,
                   eta_seconds=round((total - rows_generated) / 250.0, 1) if generating else None)

    def _advance(self, job: dict[str, Any]) -> None:
        """A created job moves one step per poll, as a real one does over time."""
        if not job.get("_runs"):
            return
        if job["status"] == "pending":
            job["status"] = "generating"
            self._set_progress(job, job["total_rows"] // 2)
        elif job["status"] == "generating":
            job["status"] = "completed"
            self._set_progress(job, job["total_rows"])

    @staticmethod
    def _public(job: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in job.items() if not key.startswith("_")}

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

    def list_templates(self) -> list[dict[str, Any]]:
        self._call("list_templates")
        return [{"key": "customers", "title": "Customers", "words": ["customer"], "description": "Customers:",
                 "schema": EXTRACTED_SCHEMA}]

    def create_job(self, schema: dict[str, Any], total_rows: int, chunk_size: int,
                   output_format: str, seed: int | None = None, name: str | None = None) -> dict[str, Any]:
        self._call("create_job", {"schema": schema, "total_rows": total_rows, "chunk_size": chunk_size,
                                  "output_format": output_format, "seed": seed, "name": name})
        job_id = self.add_job(status="pending", total_rows=total_rows, rows_generated=0,
                              output_format=output_format, _runs=True, _schema=schema)
        if seed is not None:
            self.jobs[job_id]["seed"] = seed
        return {"job_id": job_id, "status": "pending", "message": "Job created"}

    def get_job_status(self, job_id: str) -> dict[str, Any]:
        self._call("get_job_status", job_id)
        job = self._job(job_id)
        self._advance(job)
        return self._public(job)

    def list_jobs(self, limit: int = 100, status: str | None = None) -> list[dict[str, Any]]:
        self._call("list_jobs", status)
        jobs = [job for job in reversed(self.jobs.values()) if status in (None, job["status"])]
        return [self._public(job) for job in jobs[:limit]]

    def get_preview(self, job_id: str, rows: int = 20) -> dict[str, Any]:
        self._call("get_preview", job_id)
        job = self._job(job_id)
        count = min(rows, job["rows_generated"])
        data = [{"customer_id": f"id-{i}", "age": 18 + i, "status": "active"} for i in range(count)]
        return {"job_id": job_id, "status": job["status"], "total_rows": job["total_rows"],
                "preview_rows": count, "data": data}

    def download(self, job_id: str) -> DownloadedFile:
        self._call("download", job_id)
        if self._job(job_id)["status"] != "completed":  # as the API: 409 until completed
            raise ApiError(409, f"job is {self.jobs[job_id]['status']}; the download is ready when it is completed")
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
        allowed = {"pause": ("pending", "generating", "paused"), "resume": ("paused", "pending", "generating"),
                   "cancel": ("pending", "generating", "paused", "cancelled")}[action]
        if job["status"] not in allowed:  # the API's transition rules
            raise ApiError(409, f"cannot {action} a {job['status']} job")
        job["status"] = {"pause": "paused", "resume": "generating", "cancel": "cancelled"}[action]
        self._set_progress(job, job["rows_generated"])
        return {"job_id": job_id, "action": action, "status": job["status"], "message": f"Job {action}d"}

    def delete_job(self, job_id: str) -> None:
        self._call("delete_job", job_id)
        self._job(job_id)
        del self.jobs[job_id]

    # -- the schema editor's calls: the real engine and catalog behind them -------------------------

    def list_types(self) -> list[dict[str, Any]]:
        self._call("list_types")
        from src.engine.catalog import type_catalog

        return type_catalog()

    def sample_schema(self, schema: dict[str, Any], rows: int = 3, seed: int | None = None) -> dict[str, Any]:
        """As POST /schema/sample: the engine's first rows, or a 422 naming each problem."""
        self._call("sample_schema", {"schema": schema, "rows": rows, "seed": seed})
        from fastapi.encoders import jsonable_encoder
        from pydantic import ValidationError

        from src.api_server.routers.schema_sample import SampleRequest, make_sample
        from src.errors import SchemaValidationError

        try:
            answer = make_sample(SampleRequest.model_validate({"schema": schema, "rows": rows, "seed": seed}))
        except ValidationError as error:
            problems = SchemaValidationError.from_pydantic(error).problems
        except SchemaValidationError as error:
            problems = error.problems
        else:
            return jsonable_encoder(answer.model_dump(exclude_none=True))
        raise ApiError(422, "; ".join(f"{p.loc}: {p.message}" for p in problems),
                       [{"loc": p.loc, "message": p.message} for p in problems])

    def schema_from_sample(self, content: bytes, file_name: str) -> dict[str, Any]:
        self._call("schema_from_sample", file_name)
        from src.importers.sample import import_sample

        result = import_sample(content, file_name)
        return {"schema": result.document, "total_rows": result.total_rows, "provider": "sample",
                "warnings": result.warnings}

    # -- saved schemas (/schemas) -------------------------------------------------------------------

    def _saved_record(self, schema_id: str) -> dict[str, Any]:
        if schema_id not in self.saved:
            raise ApiError(404, f"Saved schema {schema_id} not found")
        return self.saved[schema_id]

    def list_schemas(self, limit: int = 200) -> list[dict[str, Any]]:
        self._call("list_schemas")
        records = sorted(self.saved.values(), key=lambda r: r["updated_at"], reverse=True)[:limit]
        return [{k: v for k, v in r.items() if k != "schema"} for r in records]

    def get_schema(self, schema_id: str) -> dict[str, Any]:
        self._call("get_schema", schema_id)
        return dict(self._saved_record(schema_id))

    def save_schema(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self._call("save_schema", {"name": name, "schema": schema})
        schema_id = str(uuid.uuid4())
        self.saved[schema_id] = {"id": schema_id, "created_at": self._tick()}
        return self._store_saved(schema_id, name, schema)

    def update_schema(self, schema_id: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self._call("update_schema", {"id": schema_id, "name": name, "schema": schema})
        self._saved_record(schema_id)
        return self._store_saved(schema_id, name, schema)

    def delete_schema(self, schema_id: str) -> None:
        self._call("delete_schema", schema_id)
        self._saved_record(schema_id)
        del self.saved[schema_id]

    def _store_saved(self, schema_id: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        tables = schema.get("tables") or [schema]
        self.saved[schema_id].update(name=name, schema=schema, updated_at=self._tick(), table_count=len(tables),
                                     field_count=sum(len(t.get("fields") or []) for t in tables))
        return dict(self.saved[schema_id])

    def _tick(self) -> str:
        self.clock += 1
        return f"2026-11-24T21:{self.clock // 60:02d}:{self.clock % 60:02d}Z"
