"""/jobs: create, watch, preview, download, control and delete generation jobs."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from src.api_server.deps import JobManagerDep
from src.api_server.openapi import DOWNLOAD_RESPONSE, error_responses
from src.api_server.paging import MAX_OFFSET, PAGING_HEADERS, build_paging_headers
from src.errors import SchemaValidationError
from src.jobs import JobRecord
from src.jobs.file_names import build_content_disposition, build_download_name
from src.jobs.pipeline import get_file_extension
from src.jobs.relational import rows_per_table
from src.schemas.api import (
    JobControlRequest,
    JobControlResponse,
    JobCreateRequest,
    JobCreateResponse,
    JobDeleteResponse,
    JobListResponse,
    JobPreviewResponse,
    JobStatus,
    JobStatusResponse,
)

router = APIRouter(prefix="/jobs", tags=["jobs"])



def build_status_response(job: JobRecord) -> JobStatusResponse:
    """A job record as the API reports it."""
    extension = get_file_extension(job.output_format)
    return JobStatusResponse(
        job_id=job.id, name=job.name, status=job.status, rows_generated=job.rows_generated,
        total_rows=job.total_rows, active_seconds=round(job.run_seconds, 3),
        chunks_completed=job.chunks_completed, total_chunks=job.total_chunks,
        progress_percentage=job.progress_percentage, chunk_size=job.chunk_size,
        output_format=job.output_format, seed=job.seed, rows_per_second=job.rows_per_second,
        eta_seconds=job.eta_seconds, error_message=job.error_message, llm_calls=job.llm_calls,
        tokens_used=job.tokens_used, created_at=job.created_at, updated_at=job.updated_at,
        started_at=job.started_at, completed_at=job.completed_at,
        output_version=job.output_version, csv_formula_guard=job.csv_formula_guard, warnings=job.warnings,
        tables=None if job.tables is None else {
            table: {**progress, "file_name": build_download_name(job, extension, table)}
            for table, progress in rows_per_table(job.tables, job.chunks_completed, job.chunk_size).items()},
        file_name=build_download_name(job, "zip" if job.tables is not None else extension),
        sql_dialect=job.sql_dialect if job.output_format == "sql" else None, target=job.target,
    )


@router.post("/create", response_model=JobCreateResponse, status_code=200,
             responses=error_responses(413, 422, 429))
async def create_job(request: JobCreateRequest, manager: JobManagerDep) -> JobCreateResponse:
    """Validate the schema and queue a job; it starts when a slot is free."""
    job = await manager.create_job(request)
    return JobCreateResponse(
        job_id=job.id, status=job.status,
        message=f"Job created successfully. Generating {job.total_rows} rows"
                + (f" in {len(job.tables)} tables." if job.tables is not None else "."))


@router.api_route("/create", methods=["GET", "PUT", "PATCH", "DELETE"], include_in_schema=False)
async def reject_create_method() -> None:
    """Without this, DELETE /jobs/create would reach DELETE /jobs/{job_id} and answer 422."""
    raise StarletteHTTPException(405, headers={"Allow": "POST"})


@router.get("/", response_model=JobListResponse,
            responses={200: {"description": "One page of jobs.", "headers": PAGING_HEADERS},
                       **error_responses(422)})
async def list_jobs(
    request: Request,
    response: Response,
    manager: JobManagerDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Jobs per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Jobs to skip (newest first).")] = 0,
    status: JobStatus | None = None,
) -> JobListResponse:
    """Jobs, newest first, optionally only one status; page with ``offset`` (the total is in the body
    and in ``X-Total-Count``, the next page in ``Link``)."""
    jobs = [build_status_response(j) for j in manager.list_jobs(limit=limit, status=status, offset=offset)]
    total = manager.count_jobs(status)
    response.headers.update(build_paging_headers(request.url, total, offset, limit))
    return JobListResponse(jobs=jobs, count=len(jobs), total=total, offset=offset, limit=limit)


@router.get("/{job_id}/status", response_model=JobStatusResponse, responses=error_responses(404, 422))
async def get_job_status(job_id: uuid.UUID, manager: JobManagerDep) -> JobStatusResponse:
    """Progress, speed, ETA, and the error of a failed job."""
    return build_status_response(manager.get_job(str(job_id)))


@router.get("/{job_id}/preview", response_model=JobPreviewResponse, responses=error_responses(404, 422))
async def preview_job(
    job_id: uuid.UUID,
    manager: JobManagerDep,
    rows: Annotated[int, Query(ge=1, le=1000)] = 10,
    table: Annotated[str | None, Query(max_length=64, description="Multi-table jobs: which table "
                                                                  "(default: the first).")] = None,
) -> JobPreviewResponse:
    """The first rows generated so far; empty until the first chunk is stored."""
    job, columns, data, fields = await manager.read_preview(str(job_id), rows, table)
    tables = list(job.tables) if job.tables is not None else None
    return JobPreviewResponse(job_id=job.id, status=job.status, total_rows=job.total_rows,
                              preview_rows=len(data), table=(table or tables[0]) if tables else None,
                              tables=tables, columns=columns, fields=fields, data=data)


class LargeBlockFileResponse(FileResponse):
    """A file sent in 4 MiB blocks: Starlette's 64 KiB blocks (a thread hop and a send each) held a
    download to ~140 MB/s here."""

    chunk_size = 4 * 2**20


@router.get("/{job_id}/download", response_class=Response,
            responses={**DOWNLOAD_RESPONSE, **error_responses(404, 409, 422)})
async def download_job(
    job_id: uuid.UUID,
    manager: JobManagerDep,
    token: Annotated[str | None, Query(description="From POST /jobs/{job_id}/download-link: "
                                                   "replaces the API key until it expires.")] = None,
    table: Annotated[str | None, Query(max_length=64, description="Multi-table jobs: one table's file "
                                                                  "(default: a zip of every table).")] = None,
    parts: Annotated[bool, Query(description="Jobs written on a Dask cluster (DASK_OUTPUT_PATH): the part "
                                             "files and _manifest.json as a zip instead of one file.")] = False,
):
    """The finished dataset as a file (409 until the job is completed); several tables as a zip."""
    download = manager.get_download(str(job_id), table, parts)
    headers = {"Content-Disposition": build_content_disposition(download.filename)}
    if download.path is not None:
        return LargeBlockFileResponse(download.path, media_type=download.media_type, headers=headers)
    if download.size is not None:
        headers["Content-Length"] = str(download.size)
    return StreamingResponse(download.blocks(), media_type=download.media_type, headers=headers)


@router.post("/{job_id}/control", response_model=JobControlResponse,
             responses=error_responses(404, 409, 413, 422))
async def control_job(job_id: uuid.UUID, request: JobControlRequest, manager: JobManagerDep) -> JobControlResponse:
    """pause | resume | cancel. A running job reacts within one chunk."""
    path_id = str(job_id)
    if request.job_id is not None and _canonical(request.job_id) != path_id:
        raise SchemaValidationError.single("job_id", f"body job_id {request.job_id!r} does not match the "
                                                     f"path's job id {path_id}")
    if request.action == "pause":
        job = manager.pause_job(path_id)
    elif request.action == "resume":
        job = manager.resume_job(path_id)
    else:
        job = manager.cancel_job(path_id)
    return JobControlResponse(job_id=job.id, action=request.action, status=job.status,
                              message=f"Job {request.action} accepted; status is {job.status.value}.")


@router.delete("/{job_id}", response_model=JobDeleteResponse, responses=error_responses(404, 422))
async def delete_job(job_id: uuid.UUID, manager: JobManagerDep) -> JobDeleteResponse:
    """Stop the job if needed and remove it with all its files."""
    await manager.delete_job(str(job_id))
    return JobDeleteResponse(job_id=str(job_id), message="Job and its files deleted.")


def _canonical(raw: str) -> str | None:
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return None
