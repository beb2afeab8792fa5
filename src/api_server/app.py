"""The FastAPI application: `uvicorn src.api_server.app:app`."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from src.api_server.errors import install_error_handlers
from src.api_server.limits import RequestSizeLimitMiddleware
from src.api_server.logging_setup import configure_logging
from src.api_server.openapi import error_responses, install_openapi
from src.api_server.routers import health, jobs, links, saved_schemas, schema, schema_import, schema_sample
from src.api_server.routers.health import API_VERSION
from src.api_server.security import install_token_redaction, require_access
from src.config import Settings, get_settings
from src.errors import SynthError
from src.jobs import JobManager, JobStore
from src.jobs.folder_lock import FolderLock
from src.jobs.saved_schemas import SavedSchemaStore
from src.jobs.signing import derive_link_secret
from src.storage import build_storage

logger = logging.getLogger("synthgen.api")

DOCS_ASSETS_URL = "/docs-assets"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the lifespan opens the job store and storage and starts the job manager."""
    settings = settings or get_settings()

    startup_error: list[str] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings)
        install_token_redaction()
        # Generation threads hold the GIL between numpy/Arrow calls; a shorter switch interval
        # (default 5 ms) lets the event loop answer requests promptly while a job runs.
        sys.setswitchinterval(settings.gil_switch_interval)
        folders = [settings.database_path.parent]
        if settings.storage_type == "disk":
            folders += [settings.temp_path, settings.output_path]
        try:
            lock = FolderLock(folders).acquire()
            try:
                store = JobStore(settings.database_path, settings.database_busy_timeout_seconds)
                app.state.saved_schemas = SavedSchemaStore(store)
            except BaseException:
                lock.release()
                raise
        except SynthError as exc:
            startup_error.append(f"synthgen cannot start: {exc}")
            raise
        storage = build_storage(settings)
        manager = JobManager(store, storage, settings)
        app.state.settings = settings
        app.state.job_store = store
        app.state.storage = storage
        app.state.job_manager = manager
        try:
            await manager.start()
            logger.info("API started: storage=%s data_dir=%s database=%s max_concurrent_jobs=%d", storage.kind,
                        settings.data_dir, settings.database_path, settings.job_max_concurrent_jobs)
            yield
        finally:
            await manager.shutdown()
            store.close()
            lock.release()
            logger.info("API stopped")

    # /docs and /redoc load Swagger UI and ReDoc from the installed fastapi-offline package (served
    # under DOCS_ASSETS_URL), never from a CDN: they work without internet.
    app = FastAPIOffline(
        title="Synthetic Data Generator API",
        version=API_VERSION,
        description="Describe a dataset, generate millions of rows that obey every rule, download them.\n\n"
                    "**Authorization**: when the server has `API_KEY` set, every route except `/health` "
                    "needs `X-API-Key: <key>` or `Authorization: Bearer <key>` (press *Authorize*). "
                    "`POST /jobs/{job_id}/download-link` gives a URL that downloads one job's file "
                    "without a key until it expires.",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
        static_url=DOCS_ASSETS_URL,
    )
    app.state.settings = settings
    app.state.link_secret = derive_link_secret(settings)
    app.add_middleware(RequestSizeLimitMiddleware, max_bytes=settings.max_request_bytes)
    # Outermost, so refusals (401, 413) carry CORS headers a browser can read.
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                       allow_methods=["*"], allow_headers=["*"])
    install_error_handlers(app)
    protected = {"dependencies": [Depends(require_access)], "responses": error_responses(401)}
    install_openapi(app)
    app.include_router(health.router)
    app.include_router(schema.router, **protected)
    app.include_router(schema_import.router, **protected)
    app.include_router(schema_sample.router, **protected)
    app.include_router(jobs.router, **protected)
    app.include_router(links.router, **protected)
    app.include_router(saved_schemas.router, **protected)

    @app.get("/", include_in_schema=False, dependencies=[Depends(require_access)])
    async def get_root() -> dict[str, str]:
        return {"name": "Synthetic Data Generator API", "version": API_VERSION, "docs": "/docs",
                "redoc": "/redoc", "health": "/health"}

    app.add_middleware(OneLineStartupFailure, startup_error=startup_error)
    return app


class OneLineStartupFailure:
    """ASGI middleware: a known start-up failure (folder in use, unreadable database) is reported
    by uvicorn as one sentence and exit code 3, not a traceback. Everything else passes through."""

    def __init__(self, app, startup_error: list[str]):
        self.app = app
        self.startup_error = startup_error

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "lifespan":
            return await self.app(scope, receive, send)

        async def send_plainly(message) -> None:
            if message["type"] == "lifespan.startup.failed" and self.startup_error:
                message = {**message, "message": self.startup_error[-1]}
            await send(message)

        await self.app(scope, receive, send_plainly)


app = create_app()
