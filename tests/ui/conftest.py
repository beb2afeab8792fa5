"""Fixtures for the UI tests: the fake client, and a real API process."""

from __future__ import annotations

import os

import pytest

from api_server.gate_control import SegmentGateControl

from .fake_api_client import FakeApiClient
from .processes import VENV_BIN, find_free_port, running_service


@pytest.fixture
def fake_client() -> FakeApiClient:
    return FakeApiClient()


@pytest.fixture(scope="module")
def live_api_data(tmp_path_factory: pytest.TempPathFactory):
    """A real API server (uvicorn subprocess) over a throwaway data directory: (url, its test gate).

    Its jobs wait at the gate (src/jobs/gate.py) until a test releases them.
    """
    data_dir = tmp_path_factory.mktemp("api_data")
    gate = SegmentGateControl(data_dir / "gate")
    port = find_free_port()
    env = {
        **os.environ, "DATA_DIR": str(data_dir), "SYNTHGEN_TEST_GATE_DIR": str(gate.directory),
        "LLM_PROVIDER": "offline", "GEMINI_API_KEY": "", "STORAGE_TYPE": "disk",
    }
    command = [str(VENV_BIN / "uvicorn"), "src.api_server.app:app", "--host", "127.0.0.1", "--port", str(port)]
    with running_service(command, env, data_dir / "uvicorn.log", "/health", port) as url:
        yield url, gate


@pytest.fixture
def live_api_url(live_api_data):
    """The live API's URL, with every job free to run for this test."""
    url, gate = live_api_data
    gate.release_all()
    yield url
    gate.hold_all()


@pytest.fixture
def live_gate(live_api_data) -> SegmentGateControl:
    """The live API's gate, holding every job until the test releases it."""
    gate = live_api_data[1]
    gate.hold_all()
    return gate


@pytest.fixture
def page(browser_page, streamlit_url, live_api_url):
    """The test's Chromium page, knowing the Streamlit URL (``page.streamlit_url``) of a module that
    starts the app (tests/ui/test_browser_e2e.py's ``streamlit_url``), its jobs free to run."""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the first run of a fresh Streamlit process imports a lot
    browser_page.streamlit_url = streamlit_url
    return browser_page
