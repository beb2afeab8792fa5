"""A live database -> schema document: a real SQLite file and a real PostgreSQL server, reflected with
SQLAlchemy's inspector; the same mapping as the DDL importer."""

from __future__ import annotations

import sqlite3

import pytest

from src.errors import SchemaValidationError
from src.importers.database import import_database
from src.importers.ddl import import_ddl
from tests.importers.conftest import read_fixture


def _tables(document: dict) -> dict[str, dict]:
    return {t["name"]: t for t in document["tables"]}


def _fields(table: dict) -> dict[str, dict]:
    return {f["name"]: f for f in table["fields"]}


def test_sqlite_file_reflects_like_its_ddl(tmp_path):
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(read_fixture("shop_sqlite.sql"))
    reflected = import_database(f"sqlite:///{path}")
    parsed = import_ddl(read_fixture("shop_sqlite.sql"), "sqlite")
    tables = _tables(reflected.document)
    assert sorted(tables) == ["categories", "product_tags", "products"]
    for name, table in _tables(parsed.document).items():
        assert tables[name] == table, name


def test_sqlite_single_table_checks_and_inline_unique(tmp_path):
    path = tmp_path / "payments.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(read_fixture("payments_sqlite.sql"))
    (table,) = import_database(f"sqlite:///{path}").document["tables"]
    fields = _fields(table)
    assert fields["code"]["constraints"]["unique"] is True
    assert fields["amount"]["constraints"] == {"decimals": 2, "min_value": 0.01, "max_value": 5000,  # an amount's
                                               "distribution": {"kind": "lognormal", "median": 85.0, "sigma": 1.1}}
    assert fields["refunded_at"]["constraints"] == {"when": "kind = 'card'"}  # null exactly when not a card
    assert fields["settled_on"]["constraints"]["after"] == "paid_on"


def test_postgresql_reflects_enums_keys_checks_and_defaults(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(read_fixture("shop_postgres.sql"))
    result = import_database(postgres_url, rows=300)
    tables = _tables(result.document)
    assert sorted(tables) == ["customers", "order_lines", "orders", "shipments"]
    customers, orders = tables["customers"], tables["orders"]
    c, o = _fields(customers), _fields(orders)
    assert customers["rows"] == 300 and customers["primary_key"] == ["customer_id"]
    assert c["customer_id"]["type"] == "sequence"  # SERIAL: DEFAULT nextval(...)
    assert c["referred_by"]["constraints"] == {"references": "customers.customer_id", "nullable": True}
    assert c["email"]["constraints"]["unique"] is True and c["email"]["constraints"]["max_length"] == 120
    balance = c["balance"]["constraints"]  # DEFAULT 0: most rows keep it, the others spread above it
    assert balance["enum_values"][0] == 0 and balance["weights"][0] / sum(balance["weights"]) == pytest.approx(0.6)
    assert all(v > 0 for v in balance["enum_values"][1:]) and len(balance["enum_values"]) > 10
    assert sorted(c["tier"]["constraints"]["enum_values"]) == ["bronze", "gold", "silver"]
    assert o["status"]["constraints"]["enum_values"] == ["new", "paid", "shipped", "cancelled"]
    assert o["customer_id"]["constraints"] == {"references": "customers.customer_id"}
    assert orders["rows_per_parent"]["parent"] == "customers"
    assert o["shipped_at"]["constraints"]["after"] == "ordered_at"
    assert o["shipped_at"]["constraints"]["when"] == "status = 'shipped'"
    assert tables["order_lines"]["primary_key"] == ["order_id", "line_no"]
    assert tables["shipments"]["foreign_keys"][0]["references"] == "order_lines"
    assert any("total * 2" in w and "not honoured" in w for w in result.warnings)


@pytest.mark.parametrize("url, message", [
    ("not a url", "not a database URL"),
    ("sqlite:///no/such/file.db", "no SQLite file"),
    ("oracle://u@h/db", "not supported"),
])
def test_bad_urls_name_the_field(url, message):
    with pytest.raises(SchemaValidationError) as err:
        import_database(url)
    assert err.value.problems[0].loc == "url" and message in err.value.problems[0].message


def test_unreachable_postgresql_is_a_clear_error(postgres_server):
    with pytest.raises(SchemaValidationError) as err:
        import_database(postgres_server.url("no_such_database"))
    assert "cannot read the database" in err.value.problems[0].message


def test_postgresql_reflection_of_a_checked_table_equals_its_ddl(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(read_fixture("payments_postgres.sql"))
    reflected = import_database(postgres_url)
    parsed = import_ddl(read_fixture("payments_postgres.sql"), "postgres")
    # The carried CHECK texts are PostgreSQL's own rendering ((amount > 0) AND ...): the same rules
    (reflected_sql,), (parsed_sql,) = ([t.pop("sql") for t in r.document["tables"]] for r in (reflected, parsed))
    assert reflected_sql["columns"] == parsed_sql["columns"]
    assert len(reflected_sql["checks"]) == len(parsed_sql["checks"]) >= 10
    assert reflected.document == parsed.document
    assert reflected.warnings == parsed.warnings
