"""GET /health: a cheap liveness answer (the database is only touched after a failed write)."""

from __future__ import annotations

from fastapi import APIRouter

from src.api_server.deps import JobManagerDep, SettingsDep
from src.schemas.api import HealthResponse

router = APIRouter(tags=["health"])

API_VERSION = "0.1.0"


@router.get("/health", response_model=HealthResponse)
async def get_health(manager: JobManagerDep, settings: SettingsDep) -> HealthResponse:
    """The service is up; how many jobs run and wait."""
    return HealthResponse(
        version=API_VERSION,
        storage_type=settings.storage_type,
        running_jobs=manager.running_count,
        pending_jobs=manager.pending_count,
        max_concurrent_jobs=settings.job_max_concurrent_jobs,
        database=manager.database_state,
    )
