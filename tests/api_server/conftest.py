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

from src.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Starts, kills (-9) and restarts `uvicorn src.api_server.app:app` over the same data dirs."""

    def __init__(self, data_dir: Path, **env: str | int):
        self.data_dir = data_dir
        self.port = find_free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
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
        self.client = httpx.Client(base_url=self.base_url, timeout=30)

    def start(self, timeout: float = 30) -> None:
        log = open(self.data_dir / f"uvicorn-{time.time_ns()}.log", "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "src.api_server.app:app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            cwd=REPO_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}")
            try:
                if httpx.get(self.base_url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("uvicorn did not answer /health in time")

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

    def make(**env) -> LiveServer:
        server = LiveServer(tmp_path, **env)
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
