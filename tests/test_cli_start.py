"""`synthgen generate` of a plain schema imports only what it uses: no SQL parser, Parquet, pandas,
Dask or Faker, no expression package, multi-table models or curated native place names, and with one
process no worker pool or multiprocessing (each costs start-up time that every run would pay)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlglot", "pyarrow.parquet", "pandas", "dask", "distributed", "faker", "fsspec", "babel",
         "src.engine.expressions", "src.schemas.relational", "src.engine.data.native_places",
         "multiprocessing", "concurrent.futures.process", "src.scale.pool", "src.scale.recipe")
PROBE = """
import json, sys
from src.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in %r or m in %r)}))
""" % (tuple(m.split(".")[0] for m in HEAVY), HEAVY)


def _generate(tmp_path: Path, schema: dict, output: str, *extra: str) -> dict:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    done = subprocess.run([sys.executable, "-c", PROBE, "generate", "--schema", str(path), "--rows", "5",
                           "--output", str(tmp_path / output), "--seed", "3", "--quiet", *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("workers", [(), ("--workers", "1")])
def test_a_plain_schema_to_csv_imports_no_sql_parser_parquet_pandas_dask_faker_or_pool(tmp_path, workers):
    schema = json.loads((ROOT / "bench" / "customer_schema.json").read_text())
    result = _generate(tmp_path, schema, "customers.csv", *workers)
    assert result["code"] == 0
    loaded = {m for m in result["loaded"]
              if m in HEAVY or m.split(".")[0] in ("sqlglot", "pandas", "dask", "faker", "babel")}
    assert loaded == set(), loaded
    assert (tmp_path / "customers.csv").read_text().count("\n") == 6


def test_an_expression_or_a_parquet_output_imports_what_it_needs(tmp_path):
    schema = {"fields": [{"name": "a", "type": "integer", "constraints": {"min_value": 1, "max_value": 9}},
                         {"name": "b", "type": "integer", "constraints": {"expression": "a * 2"}}]}
    result = _generate(tmp_path, schema, "derived.parquet")
    assert result["code"] == 0
    assert "sqlglot" in result["loaded"] and "pyarrow.parquet" in result["loaded"]
    assert "src.engine.expressions" in result["loaded"]


def test_a_locale_with_native_place_names_loads_them(tmp_path):
    schema = {"locale": "hi_IN", "fields": [{"name": "city", "type": "city"}]}
    result = _generate(tmp_path, schema, "cities.csv")
    assert result["code"] == 0
    assert "src.engine.data.native_places" in result["loaded"]
    assert "src.engine.expressions" not in result["loaded"]
