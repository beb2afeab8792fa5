"""The FastAPI application: `uvicorn src.api_server.app:app`."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from src.api_server.errors import install_error_handlers
from src.api_server.logging_setup import configure_logging
from src.api_server.openapi import install_openapi
from src.api_server.routers import health, jobs, schema
from src.api_server.routers.health import API_VERSION
from src.config import Settings, get_settings
from src.jobs import JobManager, JobStore
from src.storage import build_storage

logger = logging.getLogger("synthgen.api")

DOCS_ASSETS_URL = "/docs-assets"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the lifespan opens the job store and storage and starts the job manager."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings)
        # Generation threads hold the GIL between numpy/Arrow calls; a shorter switch interval
        # (default 5 ms) lets the event loop answer requests promptly while a job runs.
        sys.setswitchinterval(settings.gil_switch_interval)
        store = JobStore(settings.database_path)
        storage = build_storage(settings)
        manager = JobManager(store, storage, settings)
        app.state.settings = settings
        app.state.job_store = store
        app.state.storage = storage
        app.state.job_manager = manager
        await manager.start()
        logger.info("API started: storage=%s database=%s max_concurrent_jobs=%d", storage.kind,
                    settings.database_path, settings.job_max_concurrent_jobs)
        try:
            yield
        finally:
            await manager.shutdown()
            store.close()
            logger.info("API stopped")

    # /docs and /redoc load Swagger UI and ReDoc from the installed fastapi-offline package (served
    # under DOCS_ASSETS_URL), never from a CDN: they work without internet.
    app = FastAPIOffline(
        title="Synthetic Data Generator API",
        version=API_VERSION,
        description="Describe a dataset, generate millions of rows that obey every rule, download them.",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
        static_url=DOCS_ASSETS_URL,
    )
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                       allow_methods=["*"], allow_headers=["*"])
    install_error_handlers(app)
    install_openapi(app)
    app.include_router(health.router)
    app.include_router(schema.router)
    app.include_router(jobs.router)

    @app.get("/", include_in_schema=False)
    async def get_root() -> dict[str, str]:
        return {"name": "Synthetic Data Generator API", "version": API_VERSION, "docs": "/docs",
                "redoc": "/redoc", "health": "/health"}

    return app


app = create_app()
