"""Starting and stopping the real API and Streamlit processes the live tests use."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def find_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 150.0) -> None:
    """Poll `url` until it answers 200; fail with the process's output if it dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f}s")


def stop_process(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running_service(command: list[str], env: dict[str, str], log_path: Path, health_path: str, port: int):
    """Start a server process, wait until ``health_path`` answers, yield its URL, stop it after.

    If it never comes up, the error carries the end of its log.
    """
    log_file = open(log_path, "wb")
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_http(f"{url}{health_path}", process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{log_path.read_text()[-3000:]}") from None
        yield url
    finally:
        stop_process(process)
        log_file.close()
