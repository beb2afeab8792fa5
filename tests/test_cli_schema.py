"""`synthgen schema from-ddl | from-db | from-sample`, run as a user runs it: the bare document on
standard output, warnings on standard error, exit 2 with one clear line on bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "importers" / "fixtures"


def run_cli(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "src.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_from_ddl_prints_the_document_and_warns_on_stderr():
    result = run_cli("schema", "from-ddl", str(FIXTURES / "shop_postgres.sql"), "--rows", "40", "--children", "1-3")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)  # nothing but the document on stdout
    tables = {t["name"]: t for t in document["tables"]}
    assert tables["customers"]["rows"] == 40
    assert tables["orders"]["rows_per_parent"] == {"parent": "customers", "min": 1, "max": 3}
    assert "warning: table orders: CHECK (total * 2 < 1000000) not honoured" in result.stderr


def test_from_ddl_single_table_output_generates_with_today_engine(tmp_path):
    result = run_cli("schema", "from-ddl", "-", "--dialect", "sqlite", stdin=(FIXTURES / "payments_sqlite.sql").read_text())
    assert result.returncode == 0, result.stderr
    (table,) = json.loads(result.stdout)["tables"]
    schema = tmp_path / "payments.json"
    schema.write_text(json.dumps({"fields": table["fields"]}))
    out = tmp_path / "payments.csv"
    generated = run_cli("generate", "--schema", str(schema), "--rows", "500", "--output", str(out), "--quiet")
    assert generated.returncode == 0, generated.stderr
    assert len(out.read_text().splitlines()) == 501


def test_from_db_reads_a_sqlite_file(tmp_path):
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.executescript((FIXTURES / "shop_sqlite.sql").read_text())
    result = run_cli("schema", "from-db", f"sqlite:///{path}")
    assert result.returncode == 0, result.stderr
    assert sorted(t["name"] for t in json.loads(result.stdout)["tables"]) == ["categories", "product_tags", "products"]


def test_from_sample_reads_a_csv(tmp_path):
    sample = tmp_path / "s.csv"
    sample.write_text("status,amount\n" + "".join(f"{'open' if i % 3 else 'closed'},{i * 1.5}\n" for i in range(60)))
    result = run_cli("schema", "from-sample", str(sample))
    assert result.returncode == 0, result.stderr
    fields = {f["name"]: f for f in json.loads(result.stdout)["fields"]}
    assert fields["status"]["constraints"]["enum_values"] == ["open", "closed"]
    assert fields["amount"]["type"] == "decimal"


def test_bad_input_exits_2_with_one_clear_line(tmp_path):
    cases = [
        (("schema", "from-ddl", str(tmp_path / "missing.sql")), "cannot read"),
        (("schema", "from-ddl", "-"), "ddl: the DDL is empty"),
        (("schema", "from-ddl", str(FIXTURES / "shop_sqlite.sql"), "--rows", "0"), "--rows"),
        (("schema", "from-ddl", str(FIXTURES / "shop_sqlite.sql"), "--children", "5-1"), "--children"),
        (("schema", "from-db", "sqlite:///" + str(tmp_path / "none.db")), "url: no SQLite file"),
        (("schema", "from-sample", str(FIXTURES / "shop_sqlite.sql")), "file:"),
    ]
    for args, message in cases:
        result = run_cli(*args, stdin="")
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert result.stderr.startswith("synthgen: error:") and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
