"""Fixtures for the UI tests: the fake client, and a real API process."""

from __future__ import annotations

import os

import pytest

from .fake_api_client import FakeApiClient
from .processes import VENV_BIN, find_free_port, running_service


@pytest.fixture
def fake_client() -> FakeApiClient:
    return FakeApiClient()


@pytest.fixture(scope="module")
def live_api_url(tmp_path_factory: pytest.TempPathFactory):
    """A real API server (uvicorn subprocess) over a throwaway data directory."""
    data_dir = tmp_path_factory.mktemp("api_data")
    port = find_free_port()
    env = {
        **os.environ,
        "DATABASE_PATH": str(data_dir / "jobs.sqlite3"), "TEMP_PATH": str(data_dir / "temp"),
        "OUTPUT_PATH": str(data_dir / "output"), "LOG_DIR": str(data_dir / "logs"),
        "LLM_PROVIDER": "offline", "GEMINI_API_KEY": "", "STORAGE_TYPE": "disk",
    }
    command = [str(VENV_BIN / "uvicorn"), "src.api_server.app:app", "--host", "127.0.0.1", "--port", str(port)]
    with running_service(command, env, data_dir / "uvicorn.log", "/health", port) as url:
        yield url
