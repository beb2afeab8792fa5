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
