"""DDL -> relational schema document: keys, composite keys, self-references, ENUMs and CHECKs in the
postgres, mysql and sqlite dialects. (Relational documents are checked for structure here; they can be
generated once the relational engine lands. Each table's own fields compile with today's engine.)"""

from __future__ import annotations

import re

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError
from src.importers.ddl import import_ddl
from tests.importers.conftest import read_fixture


def _tables(document: dict) -> dict[str, dict]:
    return {t["name"]: t for t in document["tables"]}


def _fields(table: dict) -> dict[str, dict]:
    return {f["name"]: f for f in table["fields"]}


def _compile_without_references(table: dict) -> None:
    """Today's single-table engine accepts every field that is not a relational reference (nor an
    ordering after a parent's column, which only the relational engine reads)."""
    fields = [f for f in table["fields"] if f["type"] != "reference"]
    fields = [{**f, "constraints": {k: v for k, v in f.get("constraints", {}).items()
                                    if not (k == "after" and "." in v)}} for f in fields]
    compile_schema({"fields": fields}, seed=1).generate_chunk(0, 200)


def test_postgres_shop_keys_references_and_child_counts():
    result = import_ddl(read_fixture("shop_postgres.sql"), "postgres", rows=250)
    tables = _tables(result.document)
    assert list(tables) == ["customers", "orders", "order_lines", "shipments"]
    customers, orders, lines, shipments = tables.values()
    assert customers["rows"] == 250 and result.total_rows == 250
    assert orders["rows_per_parent"] == {"parent": "customers", "min": 0, "max": 5}
    assert lines["rows_per_parent"]["parent"] == "orders"
    assert customers["primary_key"] == ["customer_id"] and lines["primary_key"] == ["order_id", "line_no"]
    c = _fields(customers)
    assert c["customer_id"]["type"] == "sequence"
    assert c["referred_by"] == {"name": "referred_by", "type": "reference",
                                "constraints": {"references": "customers.customer_id", "nullable": True}}
    assert c["email"]["type"] == "email" and c["email"]["constraints"]["unique"] is True
    assert c["city"]["type"] == "city" and c["phone"]["type"] == "phone"
    balance = c["balance"]["constraints"]  # DEFAULT 0: most rows keep it, the others spread above it
    assert balance["enum_values"][0] == 0 and balance["weights"][0] / sum(balance["weights"]) == pytest.approx(0.6)
    assert all(v > 0 for v in balance["enum_values"][1:]) and len(balance["enum_values"]) > 10
    assert c["tier"]["type"] == "enum" and sorted(c["tier"]["constraints"]["enum_values"]) == ["bronze", "gold", "silver"]
    assert c["created_at"]["constraints"]["max_value"] == "now"  # DEFAULT now(): never in the future
    o = _fields(orders)
    # ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY is read like an inline one.
    assert o["customer_id"]["constraints"] == {"references": "customers.customer_id"}
    assert o["status"]["constraints"]["enum_values"] == ["new", "paid", "shipped", "cancelled"]
    assert o["shipped_at"]["constraints"] == {"when": "status = 'shipped'", "nullable": True, "after": "ordered_at"}
    assert o["total"]["constraints"]["min_value"] == 0.01  # > 0 on a 2-decimal grid
    assert o["discount"]["constraints"]["before"] == "total"
    assert shipments["foreign_keys"] == [{"fields": ["order_id", "line_no"], "references": "order_lines",
                                          "columns": ["order_id", "line_no"]}]
    assert any("total * 2 < 1000000" in w and "not honoured" in w for w in result.warnings)
    assert any(w.startswith("statement skipped: CREATE INDEX") for w in result.warnings)
    for table in tables.values():
        _compile_without_references(table)


def test_mysql_inline_enum_unsigned_self_reference_and_composite_key():
    result = import_ddl(read_fixture("shop_mysql.sql"), "mysql")
    employees, timesheets = _tables(result.document).values()
    e = _fields(employees)
    assert e["employee_id"]["type"] == "sequence"
    assert e["department"]["constraints"]["enum_values"] == ["sales", "engineering", "support"]
    assert e["level"] == {"name": "level", "type": "enum", "description": "SQL default: 1",  # DEFAULT 1: most rows
                          "constraints": {"enum_values": [1, 2, 3, 4, 5], "weights": [6.0, 1.0, 1.0, 1.0, 1.0]}}
    assert e["salary"]["constraints"] == {"decimals": 2, "min_value": 20000, "max_value": 250000,  # a salary's spread
                                          "distribution": {"kind": "lognormal", "median": 60000.0, "sigma": 0.5}}
    assert e["left_on"]["constraints"] == {"nullable": True, "after": "hired_on"}
    assert e["manager_id"]["constraints"] == {"references": "employees.employee_id", "nullable": True}
    assert e["email"]["constraints"]["unique"] is True  # UNIQUE KEY uq_email (email)
    assert employees["rows"] == 1000  # a self-reference alone keeps a plain row count
    assert timesheets["primary_key"] == ["employee_id", "week_start"]
    assert _fields(timesheets)["hours"]["constraints"] == {"decimals": 1, "min_value": 0, "max_value": 80}
    assert result.warnings == []
    for table in (employees, timesheets):
        _compile_without_references(table)


def test_sqlite_autoincrement_length_check_and_composite_key():
    result = import_ddl(read_fixture("shop_sqlite.sql"), "sqlite")
    categories, products, tags = _tables(result.document).values()
    name = _fields(categories)["name"]["constraints"]
    assert (name["min_length"], name["max_length"], name["unique"]) == (3, 30, True)
    assert _fields(categories)["parent_id"]["constraints"]["references"] == "categories.id"
    assert _fields(products)["price"]["constraints"] == {  # price > 0 keeps a price's spread, cut at 0.01
        "min_value": 0.01, "max_value": 5000, "distribution": {"kind": "lognormal", "median": 35.0, "sigma": 1.0}}
    assert tags["primary_key"] == ["product_id", "tag"] and tags["rows_per_parent"]["parent"] == "products"
    for table in (categories, products, tags):
        _compile_without_references(table)


@pytest.mark.parametrize("check, expected", [
    ("x BETWEEN 5 AND 10", {"min_value": 5, "max_value": 10}),
    ("x > 5 AND x < 10", {"min_value": 6, "max_value": 9}),
    ("NOT (x <= 5) AND NOT (x >= 10)", {"min_value": 6, "max_value": 9}),
    ("x IN (1, 3, 5)", {"enum_values": [1, 3, 5]}),
    ("x = 1 OR x = 2", {"enum_values": [1, 2]}),
    ("x IS NULL OR x >= 0", {"min_value": 0, "nullable": True}),
    ("x IS NOT NULL AND x < 100", {"max_value": 99}),
    ("-5 < x AND 3 >= x", {"min_value": -4, "max_value": 3}),
])
def test_single_column_checks_become_bounds_or_lists(check, expected):
    result = import_ddl(f"CREATE TABLE t (x INTEGER, CHECK ({check}))", "postgres")
    field = result.document["tables"][0]["fields"][0]
    constraints = dict(field.get("constraints", {}))
    if "nullable" not in expected and "IS NOT NULL" not in check:
        assert constraints.pop("nullable") is True
    assert constraints == expected
    assert result.warnings == []


def test_strict_bounds_move_one_step_of_the_column_grid():
    ddl = """CREATE TABLE t (a NUMERIC(6,3) CHECK (a > 1.5), d DATE CHECK (d > '2024-01-31'),
             ts TIMESTAMP CHECK (ts < '2024-06-01 12:00:00'), r REAL CHECK (r > 0 AND r < 1))"""
    fields = _fields(import_ddl(ddl, "postgres").document["tables"][0])
    assert fields["a"]["constraints"]["min_value"] == 1.501
    assert fields["d"]["constraints"]["min_value"] == "2024-02-01"
    assert fields["ts"]["constraints"]["max_value"] == "2024-06-01T11:59:59"
    assert (fields["r"]["constraints"]["min_value"], fields["r"]["constraints"]["max_value"]) == (0.01, 0.99)


def test_type_ranges_hold_where_the_engine_default_would_not():
    ddl = "CREATE TABLE t (small NUMERIC(4,2), tiny TINYINT, u TINYINT UNSIGNED, big BIGINT)"
    fields = _fields(import_ddl(ddl, "mysql").document["tables"][0])
    assert fields["small"]["constraints"]["max_value"] == 99.99  # the engine's 0..10000 does not fit
    assert fields["tiny"]["constraints"]["max_value"] == 127
    assert fields["u"]["constraints"]["max_value"] == 255
    assert "max_value" not in fields["big"].get("constraints", {})  # 0..1000 fits a BIGINT as is


def test_every_unhonoured_rule_is_a_warning():
    ddl = """CREATE TABLE t (a INT, b INT, s TEXT, j JSONB, g INT GENERATED ALWAYS AS (a + 1) STORED,
             CHECK (a + b < 10), CHECK (s LIKE 'x%'), CHECK (a <> 3 OR b <> 4), UNIQUE (a, b))"""
    result = import_ddl(ddl, "postgres")
    text = "\n".join(result.warnings)
    assert "CHECK (a + b < 10) not honoured" in text
    assert "CHECK (s LIKE 'x%') not honoured" in text
    assert "CHECK (a <> 3 OR b <> 4) not honoured" in text
    assert "column j: type JSONB has no generator; the column is omitted" in text
    assert "column g: a generated (computed) column is left to the database" in text
    assert "UNIQUE (a, b)" not in text.replace("part of UNIQUE (a, b)", "")  # honoured: unique_together
    assert result.document["tables"][0]["unique_together"] == [["a", "b"]]
    assert [f["name"] for f in result.document["tables"][0]["fields"]] == ["a", "b", "s"]


def test_varchar_limits_typed_text_cut_at_a_word_or_a_length_pattern_when_unique():
    fields = _fields(import_ddl("CREATE TABLE t (email VARCHAR(20) NOT NULL, note VARCHAR(15), "
                                "name VARCHAR(10) NOT NULL, login VARCHAR(12) UNIQUE NOT NULL)",
                                "postgres").document["tables"][0])
    assert fields["email"]["constraints"] == {"max_length": 20}  # the engine cuts it
    assert fields["note"]["constraints"] == {"max_length": 15, "nullable": True}  # text cuts itself
    assert fields["name"]["type"] == "full_name" and fields["name"]["constraints"] == {"max_length": 10}
    batch = compile_schema({"fields": list(fields.values())}, seed=3).generate_chunk(0, 5000)
    assert max(len(v) for v in batch.column("email").to_pylist()) <= 20
    assert max(len(v) for v in batch.column("note").drop_null().to_pylist()) <= 15
    names = batch.column("name").to_pylist()
    assert max(map(len, names)) <= 10
    # Real names cut at a word ('Amanda Massey' -> 'Amanda'), not random characters.
    assert sum(bool(re.fullmatch(r"[A-Z][a-z'-]+( [A-Z][a-z'-]+)?", n)) for n in names) / len(names) >= 0.95
    logins = batch.column("login").to_pylist()
    assert max(map(len, logins)) <= 12 and len(set(logins)) == 5000


def test_unique_typed_text_under_a_varchar_is_cut_at_a_word_never_random_characters():
    fields = _fields(import_ddl("CREATE TABLE t (city VARCHAR(12) UNIQUE NOT NULL, "
                                "company_name VARCHAR(14) UNIQUE NOT NULL)", "postgres").document["tables"][0])
    assert fields["city"]["constraints"] == {"max_length": 12, "unique": True}  # no length pattern
    assert fields["company_name"]["constraints"] == {"max_length": 14, "unique": True}
    batch = compile_schema({"fields": list(fields.values())}, seed=3).generate_chunk(0, 5000)
    for column, limit in (("city", 12), ("company_name", 14)):
        values = batch.column(column).to_pylist()
        assert max(map(len, values)) <= limit and len(set(values)) == 5000
        assert all(re.fullmatch(r"[^\d#]+ #\d+", v) for v in values[3049:]), values[-5:]  # words, then the row
    cities = batch.column("city").to_pylist()
    assert all("#" not in v for v in cities[:1000])  # the natural city names (those within 12) come first


@pytest.mark.parametrize("ddl, dialect, loc, message", [
    ("", "postgres", "ddl", "empty"),
    ("CREATE TABLE (", "postgres", "ddl", "cannot parse the DDL as postgres SQL"),
    ("SELECT 1", "postgres", "ddl", "no CREATE TABLE"),
    ("CREATE TABLE t (a INT)", "oracle", "dialect", "not one of postgres, mysql, sqlite"),
    ("CREATE TABLE t (a INT); CREATE TABLE t (b INT)", "sqlite", "ddl", "created twice"),
])
def test_bad_input_names_the_field(ddl, dialect, loc, message):
    with pytest.raises(SchemaValidationError) as err:
        import_ddl(ddl, dialect)
    (problem,) = err.value.problems
    assert problem.loc == loc and message in problem.message


def test_unreadable_parts_are_errors_or_warnings_never_crashes():
    with pytest.raises(SchemaValidationError) as err:
        import_ddl("CREATE TABLE t (a INT CHECK (" + " OR ".join(f"a = {i}" for i in range(3000)) + "))")
    assert "nested too deeply" in err.value.problems[0].message
    result = import_ddl("CREATE TABLE t (a INT, FOREIGN KEY (a))", "postgres")
    assert any("names no REFERENCES" in w for w in result.warnings)
    with pytest.raises(SchemaValidationError) as err:
        import_ddl("CREATE TABLE t (a INT, b) junk junk", "postgres")
    assert err.value.problems[0].loc == "ddl"


def test_a_check_on_quoted_columns_becomes_a_when_in_the_engine_dialect():
    """The CHECK is read in the DDL's dialect; its condition is written in the engine's, so a quoted
    column stays a column (default SQL output, "Kind" = 'card', is a string comparison in the engine)."""
    ddl = """CREATE TABLE payments (id INTEGER PRIMARY KEY, "Kind" VARCHAR(10) NOT NULL
                 CHECK ("Kind" IN ('card', 'cash')), "end" INTEGER NOT NULL CHECK ("end" BETWEEN -5 AND 5),
                 refunded_at DATE, note VARCHAR(20),
                 CHECK ("Kind" = 'card' OR refunded_at IS NULL), CHECK ("end" > 0 OR note IS NULL));"""
    result = import_ddl(ddl, "postgres", rows=300)
    fields = _fields(_tables(result.document)["payments"])
    assert fields["refunded_at"]["constraints"]["when"] == "Kind = 'card'"
    assert fields["note"]["constraints"]["when"] == "`end` > 0"  # a keyword of the engine's dialect
    rows = compile_schema({"fields": list(fields.values())}, seed=3).generate_chunk(0, 300).to_pylist()
    assert {r["Kind"] for r in rows} == {"card", "cash"}
    assert all(r["refunded_at"] is None for r in rows if r["Kind"] != "card")
    assert any(r["refunded_at"] is not None for r in rows)
    assert all(r["note"] is None for r in rows if r["end"] <= 0) and any(r["note"] for r in rows)


def test_a_bare_name_column_names_its_tables_thing_not_a_person():
    """`products.name` came out as 'Linda Myers': a name or title column of a table of things takes
    the thing's meaning; a table of people keeps people's names."""
    ddl = """CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(80) NOT NULL);
             CREATE TABLE hotels (id INT PRIMARY KEY, name TEXT NOT NULL);
             CREATE TABLE books (id INT PRIMARY KEY, title TEXT NOT NULL);
             CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL);"""
    tables = _tables(import_ddl(ddl, "postgres").document)
    person_words = {"James", "Mary", "John", "Linda", "Michael", "Jennifer", "Robert", "Patricia", "David"}
    for table, column in (("products", "name"), ("hotels", "name"), ("books", "title")):
        fields = [f for f in tables[table]["fields"] if f["type"] != "sequence"]
        values = compile_schema({"fields": fields}, seed=2).generate_chunk(0, 300).to_pydict()[column]
        assert not {w for v in values for w in v.split()} & person_words, (table, values[:5])
        assert len(set(values)) >= 15
    assert _fields(tables["products"])["name"]["type"] == "product_name"
    assert _fields(tables["customers"])["name"]["type"] == "full_name"
