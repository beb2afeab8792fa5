"""What /openapi.json says beyond the routes' own models: the one error body (ErrorResponse) for each
status a route can answer, the download's content types, and links from a created job to the
routes that take its id, and from a saved schema to the routes that take its id (so clients and
schemathesis can follow them)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from src.engine.writers import CONTENT_TYPES
from src.schemas.api import ErrorResponse

_ERROR_DESCRIPTIONS = {
    401: "An API key is needed (X-API-Key or Authorization: Bearer), or the download token is wrong or expired.",
    404: "No job has this id.",
    409: "The job's state does not allow this (resume a completed job, download before it completed).",
    422: "The input breaks a rule: each problem names where (`loc`, e.g. "
         "`schema.fields[3].constraints.weights`) and what (`message`).",
    413: "The request body is larger than MAX_REQUEST_BYTES.",
    429: "A queue limit (JOB_MAX_QUEUED_JOBS or JOB_MAX_QUEUED_ROWS) would be passed.",
    502: "The LLM answered something unusable.",
    503: "The LLM is not configured, not reachable or rate limited.",
}


def error_responses(*status_codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status with the ErrorResponse body and what it means."""
    return {code: {"model": ErrorResponse, "description": _ERROR_DESCRIPTIONS[code]} for code in status_codes}


DOWNLOAD_RESPONSE: dict[int | str, dict[str, Any]] = {200: {
    "description": "The dataset as a file attachment, in the job's output format.",
    "content": {
        CONTENT_TYPES["csv"]: {"schema": {"type": "string", "format": "binary"}},
        CONTENT_TYPES["jsonl"]: {"schema": {"type": "string", "format": "binary"}},
        CONTENT_TYPES["json"]: {"schema": {"type": "array", "items": {"type": "object"}}},
        CONTENT_TYPES["parquet"]: {"schema": {"type": "string", "format": "binary"}},
    },
}}

# Routes that take the id POST /jobs/create answers with: (path, method, link name).
_JOB_ID_ROUTES = [
    ("/jobs/{job_id}/status", "get", "GetJobStatus"),
    ("/jobs/{job_id}/preview", "get", "PreviewJob"),
    ("/jobs/{job_id}/download", "get", "DownloadJob"),
    ("/jobs/{job_id}/control", "post", "ControlJob"),
    ("/jobs/{job_id}", "delete", "DeleteJob"),
    ("/jobs/{job_id}/download-link", "post", "CreateDownloadLink"),
]
# Routes that take the id POST /schemas answers with.
_SCHEMA_ID_ROUTES = [
    ("/schemas/{schema_id}", "get", "GetSavedSchema"),
    ("/schemas/{schema_id}", "put", "ReplaceSavedSchema"),
    ("/schemas/{schema_id}", "delete", "DeleteSavedSchema"),
]


def install_openapi(app: FastAPI) -> None:
    """Build the document once, adding the links from a created job to the routes that take its id."""

    def build_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            paths = schema["paths"]
            links = {name: {"operationId": paths[path][method]["operationId"],
                            "parameters": {"job_id": "$response.body#/job_id"}}
                     for path, method, name in _JOB_ID_ROUTES}
            paths["/jobs/create"]["post"]["responses"]["200"]["links"] = links
            paths["/schemas"]["post"]["responses"]["201"]["links"] = {
                name: {"operationId": paths[path][method]["operationId"],
                       "parameters": {"schema_id": "$response.body#/id"}}
                for path, method, name in _SCHEMA_ID_ROUTES}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = build_openapi  # type: ignore[method-assign]
