"""Typed dependencies: what a route needs, taken from ``app.state`` (built by the lifespan)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from src.config import Settings
from src.jobs import JobManager
from src.jobs.saved_schemas import SavedSchemaStore


def get_job_manager(request: Request) -> JobManager:
    """The app's job manager (built by the lifespan)."""
    return request.app.state.job_manager


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


JobManagerDep = Annotated[JobManager, Depends(get_job_manager)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_saved_schema_store(request: Request) -> SavedSchemaStore:
    """The app's saved-schema store (built by the lifespan, on the job database)."""
    return request.app.state.saved_schemas


SavedSchemaStoreDep = Annotated[SavedSchemaStore, Depends(get_saved_schema_store)]
