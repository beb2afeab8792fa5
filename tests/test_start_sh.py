"""./start.sh as a user meets it: ports taken, both services up before the URLs, a service dying."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.ui.processes import find_free_port

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.slow


def start_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a start: throwaway data folders, no .env of the checkout's."""
    env = {k: v for k, v in os.environ.items() if k not in ("API_BASE_URL", "API_HOST", "API_PORT", "UI_PORT")}
    env.update({"DATABASE_PATH": str(tmp_path / "jobs.sqlite3"), "TEMP_PATH": str(tmp_path / "temp"),
                "OUTPUT_PATH": str(tmp_path / "output"), "LOG_DIR": str(tmp_path / "logs"),
                "ENV_FILE": str(tmp_path / "test.env"), "LLM_PROVIDER": "offline", "GEMINI_API_KEY": ""})
    env.update(settings)
    return env


def run_start(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["./start.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


class Listener:
    """Something else holding a port."""

    def __enter__(self) -> int:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        return self.sock.getsockname()[1]

    def __exit__(self, *exc) -> None:
        self.sock.close()


@pytest.mark.parametrize("taken", ["API_PORT", "UI_PORT"])
def test_a_taken_port_is_named_and_nothing_starts(tmp_path, taken):
    with Listener() as port:
        ports = {"API_PORT": str(find_free_port()), "UI_PORT": str(find_free_port()), taken: str(port)}
        result = run_start(start_env(tmp_path, **ports))
    assert result.returncode == 1
    assert f"port {port} is in use ({taken})" in result.stderr
    assert "http://" not in result.stdout + result.stderr  # no URL banner
    assert not (tmp_path / "logs").exists()  # no service was started


def test_ports_come_from_the_env_file_and_the_environment_wins(tmp_path):
    with Listener() as api_port, Listener() as ui_port:
        (tmp_path / "test.env").write_text(
            f"# my settings\nAPI_PORT={api_port}   # taken\nUI_PORT=\"{find_free_port()}\"\n")
        result = run_start(start_env(tmp_path))
        assert result.returncode == 1 and f"port {api_port} is in use (API_PORT)" in result.stderr
        (tmp_path / "test.env").write_text(f"API_PORT={find_free_port()}\nUI_PORT='{find_free_port()}'\n")
        result = run_start(start_env(tmp_path, UI_PORT=str(ui_port)))
        assert result.returncode == 1 and f"port {ui_port} is in use (UI_PORT)" in result.stderr
        assert "API_PORT" not in result.stderr


def test_bad_port_settings_are_refused(tmp_path):
    result = run_start(start_env(tmp_path, API_PORT="80a"))
    assert result.returncode == 2 and "API_PORT must be a number from 1 to 65535, not '80a'" in result.stderr
    same = str(find_free_port())
    result = run_start(start_env(tmp_path, API_PORT=same, UI_PORT=same))
    assert result.returncode == 1 and "choose two different ports" in result.stderr


def test_a_service_that_dies_while_starting_is_named_with_its_reason(tmp_path):
    ui_port = find_free_port()
    result = run_start(start_env(tmp_path, API_PORT=str(find_free_port()), UI_PORT=str(ui_port),
                                 STORAGE_TYPE="bogus"))
    assert result.returncode == 1
    assert "the API stopped before it answered (exit code 1)" in result.stderr
    assert "storage_type" in result.stderr  # the last lines of its log say why
    assert "http://" not in result.stdout
    assert port_is_free(ui_port)  # the UI was stopped too


class StartedProduct:
    """`./start.sh` running in the background, its stdout read line by line."""

    def __init__(self, env: dict[str, str]):
        # A suite started in the background (`cmd &`) ignores SIGINT, and bash cannot trap a signal
        # ignored on entry: start.sh gets Ctrl-C's default, as from a terminal.
        self.process = subprocess.Popen(["./start.sh"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True,
                                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def read_banner(self, timeout: float = 150) -> list[str]:
        banner, deadline = [], time.monotonic() + timeout
        while not banner or banner[-1] != "Ctrl-C stops both.":
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"start.sh ended early: {self.process.wait()} {self.process.stderr.read()}"
            banner.append(line)
        return banner

    def child_pid(self, word: str) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        for pid in children:
            if word in Path(f"/proc/{pid}/cmdline").read_bytes().decode():
                return int(pid)
        raise AssertionError(f"no child running {word}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def listening_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port`` (IPv4), from /proc/net/tcp."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


@pytest.fixture
def product(tmp_path):
    api_port, ui_port = find_free_port(), find_free_port()
    started = StartedProduct(start_env(tmp_path, API_PORT=str(api_port), UI_PORT=str(ui_port)))
    started.api_port, started.ui_port = api_port, ui_port
    yield started
    started.stop()


def test_urls_are_printed_once_both_answer_and_ctrl_c_stops_both(product):
    banner = product.read_banner()
    assert f"  API:  http://localhost:{product.api_port}  (docs: /docs)" in banner[1]
    assert f"  UI:   http://localhost:{product.ui_port}" in banner[2]
    # Both answer at the moment the URLs appear: no retry needed.
    assert httpx.get(f"http://127.0.0.1:{product.api_port}/health", timeout=5).status_code == 200
    assert httpx.get(f"http://127.0.0.1:{product.ui_port}/_stcore/health", timeout=5).text == "ok"
    assert listening_addresses(product.api_port) == {"127.0.0.1"}  # API_HOST defaults to loopback
    product.process.send_signal(signal.SIGINT)
    assert product.process.wait(timeout=30) == 0
    assert port_is_free(product.api_port) and port_is_free(product.ui_port)


def test_a_service_that_dies_later_is_named_and_the_other_stopped(product):
    product.read_banner()
    os.kill(product.child_pid("uvicorn"), signal.SIGKILL)
    assert product.process.wait(timeout=30) == 1
    assert "the API stopped unexpectedly (killed by signal 9 (KILL))" in product.process.stderr.read()
    assert port_is_free(product.ui_port)
