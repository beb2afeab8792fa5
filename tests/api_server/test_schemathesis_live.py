"""Schemathesis with every check against a real uvicorn server: the API does what /openapi.json says
(status codes, error bodies, content types, response schemas, links between operations)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import LiveServer

CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# With a key set, schemathesis also checks that requests with a missing or wrong key get a 401.
KEY = "schemathesis-test-key"


@pytest.mark.slow
def test_schemathesis_all_checks_find_nothing(tmp_path):
    server = LiveServer(tmp_path, MAX_ROWS=2000, MAX_CHUNK_SIZE=500, JOB_MAX_CONCURRENT_JOBS=2, API_KEY=KEY)
    server.start()
    try:
        run = subprocess.run(
            [str(SCHEMATHESIS), "--no-color", "--config-file", str(CONFIG), "run", f"{server.base_url}/openapi.json",
             "--checks", "all", "--max-examples", "25", "--seed", "8", "--workers", "1",
             "--request-timeout", "30", "--header", f"X-API-Key: {KEY}", "--report-dir", str(tmp_path / "report")],
            cwd=tmp_path, capture_output=True, text=True, timeout=480)
    finally:
        server.close()
    summary = run.stdout[run.stdout.rfind("SUMMARY"):]
    assert run.returncode == 0, run.stdout[-12_000:] + run.stderr[-3000:]
    cases = re.search(r"(\d+) generated, (\d+) passed\b", summary)
    assert "Tested: 20" in summary and cases and cases[1] == cases[2] and int(cases[1]) > 500, summary
