"""Starting the real server: its folders are its own, an unusable database is one clear line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid

import pytest

from .conftest import REPO_ROOT, LiveServer
from .helpers import job_body


def start_and_fail(server: LiveServer) -> tuple[int, str]:
    """Run the server expecting it to refuse to start: (exit code, everything it printed)."""
    result = subprocess.run(
        [sys.executable, "-m", "uvicorn", "src.api_server.app:app", "--host", "127.0.0.1",
         "--port", str(server.port), "--log-level", "warning"],
        cwd=REPO_ROOT, env=server.env, capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("content", [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_corrupt_database_is_one_clear_line_and_a_nonzero_exit(tmp_path, content):
    (tmp_path / "jobs.sqlite3").write_bytes(content)
    code, output = start_and_fail(LiveServer(tmp_path))
    assert code != 0
    assert "Traceback" not in output
    (line,) = [line for line in output.splitlines() if "cannot start" in line]
    assert "DATABASE_PATH=" in line and "jobs.sqlite3" in line, output


def test_a_second_instance_on_the_same_folders_is_refused(live_server_factory, tmp_path):
    first = live_server_factory()
    code, output = start_and_fail(LiveServer(tmp_path))
    assert code != 0 and "Traceback" not in output
    assert f"another synthgen instance (pid {first.process.pid}) is using" in output, output
    assert first.client.get("/health").json()["status"] == "healthy"  # the first one is untouched


def test_unknown_files_are_left_alone_and_deleted_jobs_files_removed(live_server_factory, tmp_path):
    server = live_server_factory()
    job_id = server.create(job_body(100, 10, "csv"))
    server.wait_for_status(job_id, {"completed"}, timeout=30)
    server.stop()
    stranger = str(uuid.uuid4())  # e.g. another instance's dataset in a shared folder
    (tmp_path / "output" / f"{stranger}.csv").write_text("id\n1\n")
    (tmp_path / "temp" / stranger).mkdir()
    # A delete that crashed after its record went: the tombstone makes the next start finish it.
    with sqlite3.connect(tmp_path / "jobs.sqlite3") as db:
        db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        db.execute("INSERT INTO deleted_jobs (id, deleted_at) VALUES (?, '2026-01-01T00:00:00')", (job_id,))
    server.start()
    assert (tmp_path / "output" / f"{stranger}.csv").read_text() == "id\n1\n"
    assert (tmp_path / "temp" / stranger).is_dir()
    assert not list((tmp_path / "output").glob(f"{job_id}*")) and not (tmp_path / "temp" / job_id).exists()
    log = server.log_path.read_text()
    assert f"removed the files of deleted job {job_id}" in log
    assert log.count("left alone the files of 1 job(s)") == 1 and stranger in log


def test_default_paths_derive_from_one_absolute_data_dir(tmp_path, monkeypatch):
    from src.config import Settings

    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None, data_dir="store")
    base = (tmp_path / "store").resolve()
    assert settings.data_dir == base
    assert (settings.database_path, settings.temp_path, settings.output_path, settings.log_dir) == (
        base / "jobs.sqlite3", base / "temp", base / "output", base / "logs")
    own = Settings(_env_file=None, data_dir="store", output_path="elsewhere/out")
    assert own.output_path == (tmp_path / "elsewhere" / "out").resolve() and own.temp_path == base / "temp"
