"""The synthgen console script, run as a user runs it."""

import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def run_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "src.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_generate_writes_every_row_with_a_fixed_seed(tmp_path):
    out = tmp_path / "customers.csv"
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2500", "--format", "csv",
                     "--output", str(out), "--seed", "4", "--chunk-size", "700")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 2500
    assert all(18 <= int(r["age"]) <= 80 for r in rows)
    assert len({r["email"] for r in rows}) == 2500
    again = tmp_path / "again.csv"
    run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2500", "--format", "csv",
            "--output", str(again), "--seed", "4", "--chunk-size", "2500", "--anchor", "2026-01-01")
    run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2500", "--format", "csv",
            "--output", str(out), "--seed", "4", "--chunk-size", "999", "--anchor", "2026-01-01")
    assert out.read_bytes() == again.read_bytes()


def test_bad_schema_exits_2_naming_field_and_rule(tmp_path):
    schema = tmp_path / "bad.json"
    schema.write_text(json.dumps({"fields": [
        {"name": "age", "type": "integer", "constraints": {"min_value": 90, "max_value": 10}},
        {"name": "x", "type": "nonsense"}]}))
    result = run_cli("generate", "--schema", str(schema), "--rows", "10", "--output", str(tmp_path / "o.csv"))
    assert result.returncode == 2
    assert "fields[0].constraints" in result.stderr and "min_value (90) is greater than max_value (10)" in result.stderr
    assert "fields[1].type" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_inputs_exit_2(tmp_path):
    assert run_cli("generate", "--schema", str(tmp_path / "missing.json"), "--rows", "1",
                   "--output", "x.csv").returncode == 2
    result = run_cli("generate", "--schema", "-", "--rows", "1", "--output", "-", stdin="{not json")
    assert result.returncode == 2 and "not valid JSON" in result.stderr


def test_types_lists_every_type_with_an_example():
    result = run_cli("types", "--json")
    rows = json.loads(result.stdout)
    assert len(rows) >= 40 and all(r["example"] for r in rows)


def test_stdout_output_streams_jsonl():
    schema = json.dumps({"fields": [{"name": "id", "type": "sequence"}]})
    result = run_cli("generate", "--schema", "-", "--rows", "5", "--format", "jsonl", "--output", "-", stdin=schema)
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2, 3, 4, 5]


def test_types_lists_names_of_things_and_numeric_defaults():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "src.cli", "types"], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1])).stdout
    assert "pet_name" in out and "vin" in out and "heart rate" in out and "53 types" in out
