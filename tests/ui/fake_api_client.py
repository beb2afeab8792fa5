"""An in-memory stand-in for `ApiClient`, for the AppTests.

It behaves as the API does where the pages meet it: a created job starts `pending` and moves on one
step per status poll (pending -> generating -> completed), every job reports the seed it uses (one is
drawn when none is given), rate and ETA only while generating, and delete always succeeds for a job
that exists (the API stops a running job first; it never answers 409 to a delete). Saved schemas
live in a dict, listed most recently saved first, as GET /schemas lists them.
"""

from __future__ import annotations

import copy
import random
import uuid
from datetime import UTC, datetime
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
        self.schemas: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, Any]] = []
        self.down = False
        self.fail_with: dict[str, ApiError] = {}

    def add_job(self, status: str = "generating", total_rows: int = 1_000, rows_generated: int = 400,
                output_format: str = "csv", error_message: str | None = None, **extra: Any) -> str:
        job_id = str(uuid.uuid4())
        self.jobs[job_id] = {
            "job_id": job_id, "name": None, "status": status, "total_rows": total_rows,
            "error_message": error_message, "output_format": output_format, "seed": random.getrandbits(63),
            "active_seconds": 12.0 if status != "pending" else 0.0,
            "started_at": None if status == "pending" else "2026-11-24T20:00:05Z",
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
        public = {key: value for key, value in job.items() if not key.startswith("_")}
        stem = f"{job['name']}_2026-11-24" if job.get("name") else f"synthetic_{job['job_id']}"
        public.setdefault("file_name", f"{stem}.{'zip' if job.get('tables') else job['output_format']}")
        return public

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

    def create_job(self, schema: dict[str, Any], total_rows: int | None, chunk_size: int,
                   output_format: str, seed: int | None = None, name: str | None = None) -> dict[str, Any]:
        self._call("create_job", {"schema": schema, "total_rows": total_rows, "chunk_size": chunk_size,
                                  "output_format": output_format, "seed": seed, "name": name})
        job_id = self.add_job(status="pending", total_rows=total_rows or 1_000, rows_generated=0,
                              output_format=output_format, _runs=True, _schema=schema, name=name)
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

    def list_jobs_page(self, limit: int = 50, offset: int = 0, status: str | None = None) -> dict[str, Any]:
        self._call("list_jobs_page", (status, offset))
        jobs = [job for job in reversed(self.jobs.values()) if status in (None, job["status"])]
        page = [self._public(job) for job in jobs[offset:offset + limit]]
        return {"jobs": page, "count": len(page), "total": len(jobs), "offset": offset, "limit": limit}

    def get_preview(self, job_id: str, rows: int = 20, table: str | None = None) -> dict[str, Any]:
        self._call("get_preview", (job_id, table) if table else job_id)
        job = self._job(job_id)
        count = min(rows, job["rows_generated"])
        data = [{"customer_id": f"id-{i}", "age": 18 + i, "status": "active"} for i in range(count)]
        return {"job_id": job_id, "status": job["status"], "total_rows": job["total_rows"],
                "preview_rows": count, "data": data}

    def download(self, job_id: str, table: str | None = None) -> DownloadedFile:
        self._call("download", (job_id, table) if table else job_id)
        job = self._job(job_id)
        if job["status"] != "completed":  # as the API: 409 until completed
            raise ApiError(409, f"job is {job['status']}; the download is ready when it is completed")
        stem = f"{job['name']}_2026-11-24" if job.get("name") else f"synthetic_{job_id}"
        if job.get("tables") and not table:
            return DownloadedFile(b"PK\x05\x06" + bytes(18), f"{stem}.zip", "application/zip")
        suffix = f"_{table}" if job.get("name") and table else ""
        name = f"{table}.csv" if table and not job.get("name") else f"{stem}{suffix}.csv"
        return DownloadedFile(b"customer_id,age\nid-0,18\n", name, "text/csv")

    def download_url(self, job_id: str) -> str:
        return f"{self.base_url}/jobs/{job_id}/download"

    def create_download_link(self, job_id: str, table: str | None = None) -> dict[str, Any]:
        self._call("create_download_link", (job_id, table) if table else job_id)
        self._job(job_id)
        query = f"&table={table}" if table else ""
        return {"job_id": job_id, "url": f"{self.base_url}/jobs/{job_id}/download?token=1.signed{query}",
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

    # Saved schemas

    def _saved(self, schema_id: str) -> dict[str, Any]:
        if schema_id not in self.schemas:
            raise ApiError(404, f"saved schema {schema_id} not found")
        return self.schemas[schema_id]

    @staticmethod
    def _record(schema_id: str, name: str, schema: dict[str, Any], created_at: str) -> dict[str, Any]:
        tables = schema.get("tables")
        return {"id": schema_id, "name": name.strip(), "schema": copy.deepcopy(schema),
                "table_count": len(tables) if tables else 1,
                "field_count": sum(len(t["fields"]) for t in tables) if tables else len(schema.get("fields", [])),
                "table_names": [t["name"] for t in tables] if tables else None,
                "created_at": created_at, "updated_at": datetime.now(UTC).isoformat().replace("+00:00", "Z")}

    def list_schemas(self, limit: int = 200) -> list[dict[str, Any]]:
        self._call("list_schemas")
        newest = sorted(self.schemas.values(), key=lambda r: r["updated_at"], reverse=True)[:limit]
        return [{k: v for k, v in r.items() if k != "schema"} for r in newest]

    def get_schema(self, schema_id: str) -> dict[str, Any]:
        self._call("get_schema", schema_id)
        return copy.deepcopy(self._saved(schema_id))

    def save_schema(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self._call("save_schema", name)
        schema_id = str(uuid.uuid4())
        now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
        self.schemas[schema_id] = self._record(schema_id, name, schema, now)
        return copy.deepcopy(self.schemas[schema_id])

    def update_schema(self, schema_id: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self._call("update_schema", (schema_id, name))
        created = self._saved(schema_id)["created_at"]
        self.schemas[schema_id] = self._record(schema_id, name, schema, created)
        return copy.deepcopy(self.schemas[schema_id])

    def delete_schema(self, schema_id: str) -> None:
        self._call("delete_schema", schema_id)
        self._saved(schema_id)
        del self.schemas[schema_id]
