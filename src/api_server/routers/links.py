"""POST /jobs/{job_id}/download-link: a signed URL a browser can open without sending a key."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request

from src.api_server.deps import JobManagerDep, SettingsDep
from src.jobs.signing import create_download_token
from src.api_server.openapi import error_responses
from src.schemas.api import DownloadLinkResponse

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.post("/{job_id}/download-link", response_model=DownloadLinkResponse,
             responses=error_responses(404, 409, 422))
async def create_download_link(
    job_id: uuid.UUID, request: Request, manager: JobManagerDep, settings: SettingsDep,
    table: Annotated[str | None, Query(max_length=64, description="Multi-table jobs: a link to one "
                                                                  "table's file (default: the zip).")] = None,
) -> DownloadLinkResponse:
    """A link to the finished file that works without a key, for this job only, until `expires_at`
    (DOWNLOAD_LINK_TTL_SECONDS). 409 until the job is completed."""
    manager.get_download(str(job_id), table)
    token, expires_at = create_download_token(request.app.state.link_secret, str(job_id),
                                              settings.download_link_ttl_seconds)
    base = (settings.public_api_url or str(request.base_url)).rstrip("/")
    url = f"{base}/jobs/{job_id}/download?token={token}" + (f"&table={quote(table)}" if table else "")
    return DownloadLinkResponse(job_id=str(job_id), url=url,
                                expires_at=expires_at)
