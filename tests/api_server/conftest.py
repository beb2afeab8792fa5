"""A real uvicorn server in a subprocess, on 127.0.0.1 with a free port and its own temp dirs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from src.api_client import pooled_limits
from src.config import Settings
from .gate_control import SegmentGateControl

REPO_ROOT = Path(__file__).resolve().parents[2]


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Starts, kills (-9) and restarts `uvicorn src.api_server.app:app` over the same data dirs.

    With ``gated=True`` every job's segments wait for ``self.gate`` to release them (src/jobs/gate.py).
    """

    def __init__(self, data_dir: Path, gated: bool = False, **env: str | int):
        self.data_dir = data_dir
        self.gate = SegmentGateControl(data_dir / "gate") if gated else None
        if self.gate is not None:
            env = {"SYNTHGEN_TEST_GATE_DIR": str(self.gate.directory), **env}
        self.port = find_free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATA_DIR": str(data_dir),
            "DATABASE_PATH": str(data_dir / "jobs.sqlite3"),
            "TEMP_PATH": str(data_dir / "temp"),
            "OUTPUT_PATH": str(data_dir / "output"),
            "LOG_DIR": str(data_dir / "logs"),
            "GEMINI_API_KEY": "",
            "API_KEY": "",  # open unless a test sets one (a developer's own key must not leak in)
            "LLM_PROVIDER": "offline",
            "LOG_LEVEL": "INFO",
            **{k: str(v) for k, v in env.items()},
        }
        self.process: subprocess.Popen | None = None
        self.client = httpx.Client(base_url=self.base_url, timeout=30, limits=pooled_limits())

    def start(self, timeout: float = 90) -> None:
        """Start and wait for /health (the bound is generous: imports alone are slow on a loaded host)."""
        self.log_path = self.data_dir / f"uvicorn-{time.time_ns()}.log"
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "src.api_server.app:app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            cwd=REPO_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}:\n{self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.base_url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"uvicorn did not answer /health in {timeout:g} s:\n{self.log_path.read_text()[-3000:]}")

    def kill_hard(self) -> None:
        """SIGKILL: no shutdown hooks run, as in a crash."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def close(self) -> None:
        self.stop()
        self.client.close()

    def status(self, job_id: str) -> dict:
        response = self.client.get(f"/jobs/{job_id}/status")
        assert response.status_code == 200, response.text
        return response.json()

    def create(self, body: dict) -> str:
        response = self.client.post("/jobs/create", json=body)
        assert response.status_code == 200, response.text
        return response.json()["job_id"]

    def wait_until(self, predicate, what: str, timeout: float = 20) -> None:
        """Poll ``predicate`` (every 20 ms) until true; fail within ``timeout`` naming ``what``."""
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
            time.sleep(0.02)

    def wait_for_status(self, job_id: str, statuses: set[str], timeout: float = 60) -> dict:
        """Poll until the job reaches one of ``statuses``; fail with its last state otherwise."""
        deadline = time.monotonic() + timeout
        body: dict = {}
        while time.monotonic() < deadline:
            body = self.client.get(f"/jobs/{job_id}/status").json()
            if body.get("status") in statuses:
                return body
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} never reached {statuses}; last: {body}")


@pytest.fixture
def live_server_factory(tmp_path) -> Iterator:
    """Make LiveServers in this test's temp dir; every one is stopped at teardown."""
    servers: list[LiveServer] = []

    def make(gated: bool = False, **env) -> LiveServer:
        server = LiveServer(tmp_path, gated=gated, **env)
        servers.append(server)
        server.start()
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """One server shared by a module's contract tests."""
    server = LiveServer(tmp_path_factory.mktemp("live"), MAX_ROWS=5_000_000, MAX_CHUNK_SIZE=500_000,
                        JOB_MAX_CONCURRENT_JOBS=2)
    server.start()
    yield server
    server.close()


@pytest.fixture
def test_settings(tmp_path) -> Settings:
    """Settings pointing every path into a temp dir (for in-process TestClient tests)."""
    return Settings(_env_file=None, database_path=tmp_path / "jobs.sqlite3", temp_path=tmp_path / "temp",
                    output_path=tmp_path / "output", log_dir=tmp_path / "logs", max_rows=1_000_000,
                    max_chunk_size=100_000, gemini_api_key=None, llm_provider="offline")
