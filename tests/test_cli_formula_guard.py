"""`synthgen generate --csv-formula-guard`, run as a user runs it."""

import csv
import json

from tests.test_cli import run_cli

RISKY = ["=1+1", "@cmd", "plain"]


def test_csv_formula_guard_flag_prefixes_risky_cells(tmp_path):
    schema = tmp_path / "risky.json"
    schema.write_text(json.dumps({"fields": [
        {"name": "cell", "type": "enum", "constraints": {"enum_values": RISKY}},
        {"name": "delta", "type": "integer", "constraints": {"min_value": -9, "max_value": -1}}]}))
    outputs = {}
    for name, flags in (("exact", []), ("guarded", ["--csv-formula-guard"])):
        out = tmp_path / f"{name}.csv"
        result = run_cli("generate", "--schema", str(schema), "--rows", "300", "--output", str(out),
                         "--seed", "3", "--quiet", *flags)
        assert result.returncode == 0, result.stderr
        outputs[name] = list(csv.DictReader(out.open(newline="")))
    assert {r["cell"] for r in outputs["exact"]} == set(RISKY)
    assert {r["cell"] for r in outputs["guarded"]} == {"'=1+1", "'@cmd", "plain"}
    assert [r["delta"] for r in outputs["guarded"]] == [r["delta"] for r in outputs["exact"]]  # numbers as-is
    assert all(int(r["delta"]) < 0 for r in outputs["guarded"])


def test_csv_formula_guard_flag_reaches_every_table_of_a_multi_table_schema(tmp_path):
    schema = tmp_path / "tables.json"
    schema.write_text(json.dumps({"tables": [
        {"name": "a", "rows": 200, "fields": [
            {"name": "id", "type": "sequence"},
            {"name": "cell", "type": "enum", "constraints": {"enum_values": RISKY}}]},
        {"name": "b", "rows": 100, "fields": [
            {"name": "note", "type": "enum", "constraints": {"enum_values": RISKY}}]}]}))
    out = tmp_path / "out"
    result = run_cli("generate", "--schema", str(schema), "--output", str(out), "--seed", "3", "--quiet",
                     "--csv-formula-guard")
    assert result.returncode == 0, result.stderr
    assert {r["cell"] for r in csv.DictReader((out / "a.csv").open(newline=""))} == {"'=1+1", "'@cmd", "plain"}
    assert {r["note"] for r in csv.DictReader((out / "b.csv").open(newline=""))} == {"'=1+1", "'@cmd", "plain"}
