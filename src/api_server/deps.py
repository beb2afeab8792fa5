"""Typed dependencies: what a route needs, taken from ``app.state`` (built by the lifespan)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from src.config import Settings
from src.jobs import JobManager


def get_job_manager(request: Request) -> JobManager:
    """The app's job manager (built by the lifespan)."""
    return request.app.state.job_manager


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


JobManagerDep = Annotated[JobManager, Depends(get_job_manager)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
