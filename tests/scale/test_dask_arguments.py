"""Arguments --dask refuses before any cluster is started or any file written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args):
    return subprocess.run([sys.executable, "-m", "src.cli", "generate", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_sql_parts_are_refused_with_the_way_to_get_one_script(tmp_path):
    out = tmp_path / "parts"
    result = _run("--schema", "bench/customer_schema.json", "--rows", "1000", "--dask", "local:1",
                  "--format", "sql", "--output", str(out))
    assert result.returncode == 2, result.stderr
    assert "--dask" in result.stderr and "--workers" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_sql_is_refused_for_related_tables_too(tmp_path):
    out = tmp_path / "parts"
    result = _run("--schema", "bench/shop_relational.json", "--dask", "local:1", "--format", "sql",
                  "--output", str(out))
    assert result.returncode == 2, result.stderr
    assert "sql" in result.stderr.lower() or "SQL" in result.stderr
    assert not out.exists() or not any(out.iterdir())
