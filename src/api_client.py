"""The UI's one way to reach the REST API: a method per endpoint, errors as readable `ApiError`s."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, get_args
from urllib.parse import unquote, urlsplit

import httpx

from src.config import Settings
from src.schemas.api import ControlAction, JobStatus, OutputFormat

JOB_STATUSES: tuple[str, ...] = tuple(s.value for s in JobStatus)
ACTIVE_STATUSES: frozenset[str] = frozenset(s.value for s in JobStatus if not s.is_final)
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)
CONTROL_ACTIONS: tuple[str, ...] = get_args(ControlAction)

_DEFAULT_TIMEOUT = 15.0
# uvicorn closes an idle keep-alive connection after 5 s (its default) and httpx's pool keeps one for
# 5 s too: a request sent on a connection the server is closing at that instant is reset. Dropping
# idle connections well before the server does removes that race.
KEEPALIVE_EXPIRY_SECONDS = 2.0
# Extraction may wait on an LLM; downloads may be large.
_EXTRACT_TIMEOUT = 120.0
_DOWNLOAD_TIMEOUT = 300.0


class ApiError(Exception):
    """A request the API refused or could not answer. `status` is None when no HTTP answer came."""

    def __init__(self, status: int | None, message: str, problems: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        # A 422's problems, each {"loc", "message"}, so a page can list them by field.
        self.problems = list(problems or [])

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class DownloadedFile:
    """A finished dataset as the API sent it."""

    content: bytes
    file_name: str
    media_type: str


def pooled_limits() -> httpx.Limits:
    """Connection-pool limits whose idle connections expire before uvicorn's keep-alive closes them."""
    return httpx.Limits(keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS)


class ApiClient:
    """Synchronous client for the synthetic data API."""

    def __init__(self, base_url: str, *, api_key: str | None = None, public_url: str | None = None,
                 transport: httpx.BaseTransport | None = None, timeout: float = _DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url.rstrip("/")
        # Where a browser reaches the API (signed download links); by default where this client does.
        self.public_url = (public_url or base_url).rstrip("/")
        headers = {"X-API-Key": api_key} if api_key else {}
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport,
                                  headers=headers, limits=pooled_limits())

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiClient:
        """A client for API_BASE_URL sending the first key of API_KEY (when set), as the UI uses."""
        keys = settings.api_keys
        return cls(settings.api_base_url, api_key=keys[0] if keys else None,
                   public_url=settings.public_api_url)

    def close(self) -> None:
        self._http.close()

    # -- endpoints ------------------------------------------------------------------------------

    def check_health(self) -> dict[str, Any]:
        """GET /health."""
        return self._request_json("GET", "/health", timeout=5.0)

    def extract_schema(self, user_input: str) -> dict[str, Any]:
        """POST /schema/extract: description -> {"schema", "total_rows", "provider", "warnings"}."""
        return self._request_json("POST", "/schema/extract", json={"user_input": user_input},
                                  timeout=_EXTRACT_TIMEOUT)

    def list_templates(self) -> list[dict[str, Any]]:
        """GET /schema/templates -> [{"key", "title", "words", "description", "schema"}, ...]."""
        return list(self._request_json("GET", "/schema/templates", timeout=_EXTRACT_TIMEOUT)["templates"])

    def list_types(self) -> list[dict[str, Any]]:
        """GET /schema/types -> [{"type", "group", "example", "constraints", "meanings"?}, ...]."""
        return list(self._request_json("GET", "/schema/types", timeout=_EXTRACT_TIMEOUT))  # built on first use

    def sample_schema(self, schema: dict[str, Any], rows: int = 3, seed: int | None = None) -> dict[str, Any]:
        """POST /schema/sample -> {"rows": [...], "tables"?: {name: [...]}}: a few rows, no job."""
        payload: dict[str, Any] = {"schema": schema, "rows": rows}
        if seed is not None:
            payload["seed"] = seed
        return self._request_json("POST", "/schema/sample", json=payload)

    def schema_from_sample(self, content: bytes, file_name: str) -> dict[str, Any]:
        """POST /schema/from-sample (upload) -> {"schema", "total_rows", "provider", "warnings"}."""
        return self._request_json("POST", "/schema/from-sample", files={"file": (file_name, content)},
                                  timeout=_EXTRACT_TIMEOUT)

    def create_job(self, schema: dict[str, Any], total_rows: int | None, chunk_size: int,
                   output_format: str, seed: int | None = None, name: str | None = None) -> dict[str, Any]:
        """POST /jobs/create -> {"job_id", "status", "message"}. ``total_rows`` may be None for a
        multi-table document whose tables give their rows; ``name`` names the job and its download."""
        payload: dict[str, Any] = {"schema": schema, "chunk_size": chunk_size, "output_format": output_format}
        if total_rows is not None:
            payload["total_rows"] = total_rows
        if seed is not None:
            payload["seed"] = seed
        if name:
            payload["name"] = name
        return self._request_json("POST", "/jobs/create", json=payload)

    def get_job_status(self, job_id: str) -> dict[str, Any]:
        """GET /jobs/{id}/status."""
        return self._request_json("GET", f"/jobs/{job_id}/status")

    def list_jobs(self, limit: int = 100, status: str | None = None) -> list[dict[str, Any]]:
        """GET /jobs/: jobs as the API orders them (newest first)."""
        return self.list_jobs_page(limit=limit, status=status)["jobs"]

    def list_jobs_page(self, limit: int = 50, offset: int = 0, status: str | None = None) -> dict[str, Any]:
        """GET /jobs/?limit=&offset= -> {"jobs", "count", "total", "offset", "limit"}: one page, newest first."""
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if status:
            params["status"] = status
        body = self._request_json("GET", "/jobs/", params=params)
        if not isinstance(body, dict):  # an older API answering a bare list
            body = {"jobs": list(body), "offset": offset, "limit": limit}
        jobs = list(body.get("jobs", []))
        total = int(body.get("total", offset + len(jobs)))
        return {"jobs": jobs, "count": len(jobs), "total": total, "offset": offset, "limit": limit}

    def get_preview(self, job_id: str, rows: int = 20, table: str | None = None) -> dict[str, Any]:
        """GET /jobs/{id}/preview -> {"job_id", "total_rows", "preview_rows", "data": [...]};
        ``table``: which table of a multi-table job (default: the first)."""
        params: dict[str, Any] = {"rows": rows}
        if table:
            params["table"] = table
        return self._request_json("GET", f"/jobs/{job_id}/preview", params=params)

    def download(self, job_id: str, table: str | None = None) -> DownloadedFile:
        """GET /jobs/{id}/download: the whole finished file (a multi-table job: the zip of every
        table, or ``table``'s file). ``file_name`` is the name the API gives it."""
        response = self._send("GET", f"/jobs/{job_id}/download", timeout=_DOWNLOAD_TIMEOUT,
                              params={"table": table} if table else None)
        return DownloadedFile(
            content=response.content,
            file_name=_read_file_name(response.headers.get("content-disposition", "")) or f"{job_id}.dat",
            media_type=response.headers.get("content-type", "application/octet-stream").split(";")[0],
        )

    def download_url(self, job_id: str) -> str:
        """Where the finished file can be fetched directly (needs the key when the API has one)."""
        return f"{self.base_url}/jobs/{job_id}/download"

    def create_download_link(self, job_id: str, table: str | None = None) -> dict[str, Any]:
        """POST /jobs/{id}/download-link -> {"url", "expires_at"}: a URL a browser opens without a key
        (``table``: one table's file of a multi-table job).

        The URL is rebased on ``public_url`` (PUBLIC_API_URL, else API_BASE_URL).
        """
        body = self._request_json("POST", f"/jobs/{job_id}/download-link",
                                  params={"table": table} if table else None)
        link = urlsplit(str(body.get("url", "")))
        return {**body, "url": f"{self.public_url}{link.path}" + (f"?{link.query}" if link.query else "")}

    def control_job(self, job_id: str, action: str) -> dict[str, Any]:
        """POST /jobs/{id}/control with action pause | resume | cancel."""
        if action not in CONTROL_ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        return self._request_json("POST", f"/jobs/{job_id}/control",
                                  json={"job_id": job_id, "action": action})

    def delete_job(self, job_id: str) -> None:
        """DELETE /jobs/{id}."""
        self._send("DELETE", f"/jobs/{job_id}")

    # Saved schemas (/schemas). A record: {"id", "name", "schema", "table_count", "field_count",
    # "table_names", "created_at", "updated_at"}; list items are the same without "schema".

    def list_schemas(self, limit: int = 200) -> list[dict[str, Any]]:
        """GET /schemas: summaries (no documents), the most recently saved first."""
        return list(self._request_json("GET", "/schemas", params={"limit": limit})["schemas"])

    def get_schema(self, schema_id: str) -> dict[str, Any]:
        """GET /schemas/{id}: the saved record with its document."""
        return self._request_json("GET", f"/schemas/{schema_id}")

    def save_schema(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """POST /schemas: save a document under ``name``; answers the record with its new ``id``."""
        return self._request_json("POST", "/schemas", json={"name": name, "schema": schema})

    def update_schema(self, schema_id: str, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """PUT /schemas/{id}: replace its name and document (a rename sends the same document)."""
        return self._request_json("PUT", f"/schemas/{schema_id}", json={"name": name, "schema": schema})

    def delete_schema(self, schema_id: str) -> None:
        """DELETE /schemas/{id}."""
        self._send("DELETE", f"/schemas/{schema_id}")

    # -- plumbing -------------------------------------------------------------------------------

    def _request_json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._send(method, path, **kwargs)
        try:
            return response.json()
        except ValueError:
            raise ApiError(response.status_code,
                           f"The API sent an unreadable answer to {method} {path}.") from None

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise ApiError(None, f"The API at {self.base_url} did not answer in time.") from None
        except httpx.TransportError:
            raise ApiError(None, f"API not reachable at {self.base_url}.") from None
        if response.is_error:
            raise ApiError(response.status_code, describe_error(response), _read_problems(response))
        return response


def describe_error(response: httpx.Response) -> str:
    """A one-line, human message from an error response's `detail`."""
    try:
        body = response.json()
    except ValueError:
        body = None
    detail = body.get("detail", body) if isinstance(body, dict) else body
    message = _describe_detail(detail)
    problems = body.get("problems") if isinstance(body, dict) else None
    if isinstance(problems, list) and problems:
        listed = _describe_detail(problems)
        # The API's 422 detail usually repeats its problems already; add them only when it does not.
        if listed and listed not in message:
            message = f"{message.rstrip('.: ')}: {listed}" if message else listed
    if not message:
        text = response.text.strip()
        message = text[:300] if text and not text.lstrip().startswith("<") else response.reason_phrase
    return message or f"HTTP {response.status_code}"


def _read_problems(response: httpx.Response) -> list[dict[str, str]]:
    try:
        problems = response.json().get("problems")
    except (ValueError, AttributeError):
        return []
    if not isinstance(problems, list):
        return []
    return [{"loc": str(p.get("loc", "")), "message": str(p.get("message", ""))} for p in problems if isinstance(p, dict)]


def _describe_detail(detail: Any) -> str:
    if detail is None:
        return ""
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):
        return "; ".join(filter(None, (_describe_problem(item) for item in detail)))
    if isinstance(detail, dict):
        head = str(detail.get("message") or detail.get("msg") or detail.get("error") or "")
        problems = detail.get("problems") or detail.get("errors")
        if isinstance(problems, list) and problems:
            listed = _describe_detail(problems)
            return f"{head}: {listed}" if head else listed
        return head or _describe_problem(detail)
    return str(detail)


def _describe_problem(problem: Any) -> str:
    if not isinstance(problem, dict):
        return str(problem)
    message = str(problem.get("msg") or problem.get("message") or problem.get("detail") or "")
    where = problem.get("field") or problem.get("path") or problem.get("loc")
    if isinstance(where, (list, tuple)):
        # FastAPI's loc starts with where the value came from ("body", "query").
        parts = [str(p) for p in where if p not in ("body", "query", "path")]
        where = ".".join(parts)
    if where and message:
        return f"{where}: {message}"
    return message or str(where or "")


def _read_file_name(content_disposition: str) -> str | None:
    """The file name of a Content-Disposition header, the UTF-8 ``filename*`` when there is one."""
    extended = re.search(r"filename\*=UTF-8''([^;\s]+)", content_disposition, re.IGNORECASE)
    if extended:
        return unquote(extended.group(1))
    match = re.search(r'filename="?([^";]+)"?', content_disposition)
    return match.group(1) if match else None
