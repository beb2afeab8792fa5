"""Every command and code example in the README runs as written, from the checkout."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.ui.processes import VENV_BIN, find_free_port, running_service

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text()
pytestmark = pytest.mark.slow


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.M | re.S)


def shell_commands() -> list[str]:
    """Each command of the bash blocks, continuation lines joined, comments dropped."""
    commands = []
    for block in code_blocks("bash"):
        text = re.sub(r"\\\n\s*", "", block)
        for chunk in re.split(r"\n(?=\S)", text):
            chunk = re.sub(r"^#.*$|\s{2,}#.*$", "", chunk, flags=re.M).strip()
            if chunk:
                commands.append(chunk)
    return commands


@pytest.fixture
def user_dir(tmp_path) -> Path:
    """A folder that looks like the checkout to a command run from it (outputs land here)."""
    for name in (".venv", "bench"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def service_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_PATH": str(tmp_path / "jobs.sqlite3"), "TEMP_PATH": str(tmp_path / "temp"),
            "OUTPUT_PATH": str(tmp_path / "output"), "LOG_DIR": str(tmp_path / "logs"),
            "LLM_PROVIDER": "offline", "GEMINI_API_KEY": ""}


def test_every_readme_command_is_one_this_test_runs_or_checks():
    known = re.compile(r"^(\./start\.sh|\.venv/bin/(synthgen|python bench/|uvicorn|streamlit)|curl )")
    assert [c for c in shell_commands() if not known.match(c)] == []
    # `uv run` needs uv on PATH, which a fresh machine lacks: prose may mention it, no command block.
    assert not any("uv run" in block for block in code_blocks("bash"))


def test_readme_start_sh_subcommands_exist():
    usage = re.search(r'usage: \./start\.sh \[([a-z|]+)\]', (ROOT / "start.sh").read_text())[1].split("|")
    used = {c.split()[1] for c in shell_commands() if c.startswith("./start.sh ")}
    used |= set(re.findall(r"`\./start\.sh (\w+)`", README))
    assert used and used <= set(usage)


@pytest.mark.timeout(900)  # every CLI example, a local Dask cluster's start-up among them, on a loaded host
def test_readme_cli_commands_run_as_written(user_dir):
    commands = [c for c in shell_commands() if c.startswith(".venv/bin/synthgen")]
    assert len(commands) >= 4
    for command in commands:
        result = subprocess.run(command, shell=True, cwd=user_dir, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        if "--output -" in command:
            assert len([json.loads(line) for line in result.stdout.splitlines()]) == 5
    assert (user_dir / "customers.parquet").exists() and (user_dir / "customers.csv.gz").exists()
    for command in shell_commands():
        if command.startswith(".venv/bin/python bench/"):
            assert (ROOT / command.split()[1]).is_file()  # long benchmarks: their figures are in the README


def test_readme_python_examples_run(user_dir):
    blocks = code_blocks("python")
    assert len(blocks) >= 3
    for index, block in enumerate(blocks):
        is_test = "def test_" in block
        script = user_dir / (f"test_readme_{index}.py" if is_test else f"readme_{index}.py")
        script.write_text(block)
        command = [str(VENV_BIN / "python"), *(["-m", "pytest", "-q", "-p", "no:cacheprovider"] if is_test else []),
                   script.name]
        result = subprocess.run(command, cwd=user_dir, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"README python block {index}:\n{block}\n{result.stdout}{result.stderr}"
    assert (user_dir / "customers.csv.gz").read_bytes()[:2] == b"\x1f\x8b"


def test_readme_service_and_rest_commands_run_as_written(user_dir):
    """The by-hand uvicorn and streamlit lines (on free ports), then the REST examples against that API."""
    by_hand = [c for c in shell_commands() if c.startswith((".venv/bin/uvicorn", ".venv/bin/streamlit"))]
    assert len(by_hand) == 2
    api_port, ui_port = find_free_port(), find_free_port()
    env = service_env(user_dir)
    api_command = by_hand[0].replace("--port 8080", f"--port {api_port}").split()
    ui_command = [*by_hand[1].split(), "--server.port", str(ui_port), "--server.headless", "true"]
    with running_service(api_command, env, user_dir / "api.log", "/health", api_port) as api_url, \
            running_service(ui_command, env, user_dir / "ui.log", "/_stcore/health", ui_port):
        run_rest_examples(api_url, user_dir)


def run_rest_examples(api_url: str, cwd: Path) -> None:
    rest = [c for c in shell_commands() if c.startswith("curl ")]
    assert len(rest) == 11
    job = ""
    for command in rest:
        script = ("curl() { command curl -sS -w '\\n%{http_code}' \"$@\"; }\n"
                  + command.replace("localhost:8080", api_url.removeprefix("http://")))
        result = subprocess.run(["bash", "-c", script], cwd=cwd, env={**os.environ, "JOB": job},
                                capture_output=True, text=True, timeout=60)
        body, _, status = result.stdout.rpartition("\n")
        if "/control" in command:  # the 1000-row job has finished: pausing it is refused, as documented
            assert status in ("200", "409"), (command, body)
        else:
            assert result.returncode == 0 and status == "200", (command, body, result.stderr)
        if "/jobs/create" in command:
            job = json.loads(body)["job_id"]
            wait_until_completed(api_url, job)
    assert (cwd / "dataset.csv").read_text().count("\n") == 1001
    assert httpx.get(f"{api_url}/jobs/{job}/status").status_code == 404  # the last example deleted it


def wait_until_completed(api_url: str, job: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while (status := httpx.get(f"{api_url}/jobs/{job}/status").json()["status"]) != "completed":
        assert status in ("pending", "generating") and time.monotonic() < deadline, status
        time.sleep(0.1)
