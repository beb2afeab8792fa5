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
    first = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2500", "--format", "csv",
                    "--output", str(again), "--seed", "4", "--chunk-size", "2500", "--anchor", "2026-01-01")
    second = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2500", "--format", "csv",
                     "--output", str(out), "--seed", "4", "--chunk-size", "999", "--anchor", "2026-01-01")
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
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


SEQUENCE_SCHEMA = json.dumps({"fields": [{"name": "id", "type": "sequence"},
                                         {"name": "name", "type": "full_name"}]})


def test_format_comes_from_the_output_name(tmp_path):
    import pyarrow.parquet as pq

    for name in ("data.parquet", "data.json", "data.jsonl", "data.csv"):
        result = run_cli("generate", "--schema", "-", "--rows", "7", "--seed", "1", "--output",
                         str(tmp_path / name), stdin=SEQUENCE_SCHEMA)
        assert result.returncode == 0, result.stderr
    assert pq.read_table(tmp_path / "data.parquet").column("id").to_pylist() == list(range(1, 8))
    assert [r["id"] for r in json.loads((tmp_path / "data.json").read_text())] == list(range(1, 8))
    assert [json.loads(line)["id"] for line in (tmp_path / "data.jsonl").read_text().splitlines()] == \
        list(range(1, 8))
    assert (tmp_path / "data.csv").read_text().startswith('"id","name"\n1,')


def test_a_format_that_contradicts_the_name_or_an_unknown_name_is_refused(tmp_path):
    cases = [(["--format", "csv", "--output", str(tmp_path / "data.parquet")], "does not match"),
             (["--output", str(tmp_path / "data.txt")], "cannot tell the format"),
             (["--compression", "none", "--output", str(tmp_path / "data.csv.gz")], "ends in .gz"),
             (["--compression", "gzip", "--output", str(tmp_path / "data.csv")], "needs a name ending in .gz"),
             (["--output", str(tmp_path / "missing" / "data.csv")], "does not exist")]
    for extra, message in cases:
        result = run_cli("generate", "--schema", "-", "--rows", "3", *extra, stdin=SEQUENCE_SCHEMA)
        assert result.returncode == 2, (extra, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a partial file


def test_gzip_outputs_stream_the_same_rows_compressed(tmp_path):
    import gzip

    args = ["generate", "--schema", "bench/customer_schema.json", "--rows", "30000", "--chunk-size", "7000",
            "--seed", "3", "--anchor", "2026-01-01"]
    for fmt in ("csv", "jsonl"):
        plain, packed = tmp_path / f"d.{fmt}", tmp_path / f"d.{fmt}.gz"
        assert run_cli(*args, "--output", str(plain)).returncode == 0
        assert run_cli(*args, "--output", str(packed)).returncode == 0
        assert packed.read_bytes()[:2] == b"\x1f\x8b" and packed.stat().st_size < plain.stat().st_size / 2
        assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    result = subprocess.run([sys.executable, "-m", "src.cli", *args, "--output", "-", "--format", "jsonl",
                             "--compression", "gzip"], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == 0
    assert gzip.decompress(result.stdout) == (tmp_path / "d.jsonl").read_bytes()


def test_stdout_output_defaults_to_csv_and_writes_only_data():
    result = run_cli("generate", "--schema", "-", "--rows", "3", "--seed", "2", "--output", "-",
                     stdin=SEQUENCE_SCHEMA)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == '"id","name"' and [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3"]
    assert result.stderr == ""


def test_a_run_without_seed_draws_one_prints_it_and_the_rerun_repeats_it(tmp_path):
    import re

    out, again, other = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    schema = "bench/customer_schema.json"
    first = run_cli("generate", "--schema", schema, "--rows", "500", "--output", str(out))
    assert first.returncode == 0, first.stderr
    match = re.search(r"seed: (\d+) \(rerun with (--seed \d+ --anchor \S+) for the same rows\)", first.stderr)
    assert match, first.stderr
    rerun = run_cli("generate", "--schema", schema, "--rows", "500", "--output", str(again),
                    *match.group(2).split())
    assert rerun.returncode == 0 and "seed:" not in rerun.stderr
    assert again.read_bytes() == out.read_bytes()
    assert run_cli("generate", "--schema", schema, "--rows", "500", "--output", str(other)).returncode == 0
    assert other.read_bytes() != out.read_bytes()  # two unseeded runs never share rows


def test_a_seed_in_the_schema_is_used_and_nothing_is_drawn(tmp_path):
    schema = json.dumps({**json.loads(SEQUENCE_SCHEMA), "seed": 11})
    runs = [run_cli("generate", "--schema", "-", "--rows", "50", "--output", "-", stdin=schema) for _ in range(2)]
    assert all(r.returncode == 0 and "seed:" not in r.stderr for r in runs)
    assert runs[0].stdout == runs[1].stdout


def test_rows_and_seed_out_of_range_are_refused_with_exit_2():
    for args, message in ((["--rows", "0"], "--rows must be at least 1, not 0"),
                          (["--rows", "-3"], "--rows must be at least 1, not -3"),
                          (["--rows", "5", "--chunk-size", "0"], "--chunk-size must be at least 1"),
                          (["--rows", "5", "--seed", "-1"], "--seed must be from 0 to"),
                          (["--rows", "5", "--seed", str(2**63)], "--seed must be from 0 to")):
        result = run_cli("generate", "--schema", "-", *args, "--output", "-", stdin=SEQUENCE_SCHEMA)
        assert result.returncode == 2 and message in result.stderr and result.stdout == "", (args, result.stderr)


def test_every_subcommand_help_shows_runnable_examples():
    for command in ("generate", "types"):
        result = run_cli(command, "--help")
        assert result.returncode == 0
        assert "examples:" in result.stdout and f"synthgen {command} " in result.stdout
    assert "synthgen generate --schema bench/customer_schema.json --rows 1000000 --output customers.parquet" \
        in run_cli("generate", "--help").stdout


def test_locale_gives_that_locales_names():
    from src.engine.vocab import person_names

    schema = json.dumps({"fields": [{"name": "last_name", "type": "last_name"}]})
    german = set(person_names("de_DE")[2].words.to_pylist())
    english = set(person_names("en_US")[2].words.to_pylist())
    result = run_cli("generate", "--schema", "-", "--rows", "300", "--seed", "5", "--locale", "de_DE",
                     "--output", "-", stdin=schema)
    assert result.returncode == 0, result.stderr
    names = [line.strip('"') for line in result.stdout.splitlines()[1:]]
    assert len(names) == 300 and set(names) <= german and not set(names) <= english
    bad = run_cli("generate", "--schema", "-", "--rows", "3", "--locale", "../etc", "--output", "-", stdin=schema)
    assert bad.returncode == 2 and "locale" in bad.stderr and "Traceback" not in bad.stderr


def test_quiet_prints_nothing_while_a_normal_run_reports_progress_and_a_summary(tmp_path):
    args = ["generate", "--schema", "bench/customer_schema.json", "--rows", "250000", "--seed", "1",
            "--output", str(tmp_path / "c.csv")]
    loud = run_cli(*args)
    assert loud.returncode == 0 and "wrote 250,000 rows to" in loud.stderr and "rows/s" in loud.stderr
    assert "250k/250k" in loud.stderr  # the progress bar's last state
    quiet = run_cli(*args, "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""
    unseeded = run_cli(*args[:-4], "--output", str(tmp_path / "d.csv"), "--quiet")
    assert unseeded.returncode == 0 and unseeded.stderr.startswith("seed: ")  # still reproducible


def test_domain_errors_exit_2_and_unexpected_errors_one_line_exit_1(monkeypatch, capsys):
    import synthgen.generation
    from src import cli
    from src.errors import StorageError

    def fail_with(error):
        def raise_error(*args, **kwargs):
            raise error
        monkeypatch.setattr(synthgen.generation, "iter_batches", raise_error)

    argv = ["generate", "--schema", "bench/customer_schema.json", "--rows", "5", "--output", "-"]
    monkeypatch.chdir(ROOT)
    fail_with(StorageError("the disk went away"))
    assert cli.main(argv) == 2
    assert capsys.readouterr().err == "synthgen: error: the disk went away\n"
    fail_with(RuntimeError("boom\nsecond line"))
    assert cli.main(argv) == 1
    assert capsys.readouterr().err == "synthgen: unexpected error (RuntimeError): boom second line\n"


def test_output_piped_into_head_stops_quietly():
    result = subprocess.run(f"{sys.executable} -m src.cli generate --schema bench/customer_schema.json "
                            "--rows 2000000 --seed 1 --output - | head -2", shell=True, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert len(result.stdout.splitlines()) == 2 and result.stderr == ""


def test_pathological_schemas_never_show_a_traceback():
    deep_not = "NOT " * 490 + "a > 1"
    deep_pattern = "(" * 250 + "a" + ")" * 250
    for constraints in ({"expression": deep_not}, {"pattern": deep_pattern}):
        schema = json.dumps({"fields": [{"name": "a", "type": "integer"},
                                        {"name": "b", "type": "code", "constraints": constraints}]})
        result = run_cli("generate", "--schema", "-", "--rows", "10", "--seed", "1", "--output", "-", stdin=schema)
        assert "Traceback" not in result.stderr
        # 2 once the engine reports these as schema problems (issue 8); never a crash dump meanwhile.
        assert result.returncode in (0, 1, 2) and result.stderr.count("synthgen: ") <= 1, result.stderr


def test_types_lists_names_of_things_and_numeric_defaults():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "src.cli", "types"], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1])).stdout
    assert "pet_name" in out and "vin" in out and "heart rate" in out and "54 types" in out
