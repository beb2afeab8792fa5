"""DATABASE_TARGETS: JSON or name=url pairs; ${VAR} from the environment; bad values named."""

from __future__ import annotations

import pytest

from src.config import Settings
from src.databases.settings import resolve_target_url
from src.databases.targets import Target, parse_target


def test_targets_from_pairs_and_json(monkeypatch):
    monkeypatch.setenv("DATABASE_TARGETS", "analytics=postgresql://loader:${PW}@db/analytics, lake=duckdb:///l.duckdb")
    assert Settings(_env_file=None).database_targets == {
        "analytics": "postgresql://loader:${PW}@db/analytics", "lake": "duckdb:///l.duckdb"}
    monkeypatch.setenv("DATABASE_TARGETS", '{"local": "sqlite:///x.db"}')
    assert Settings(_env_file=None).database_targets == {"local": "sqlite:///x.db"}
    monkeypatch.setenv("DATABASE_TARGETS", "")
    assert Settings(_env_file=None).database_targets == {}


@pytest.mark.parametrize(("value", "message"), [
    ("analytics", "is not name=url"),
    ("bad name=sqlite:///x.db", "use letters, digits"),
    ('{"a": 1}', "object of name -> URL strings"),
])
def test_bad_targets_setting_is_refused_with_the_reason(monkeypatch, value, message):
    monkeypatch.setenv("DATABASE_TARGETS", value)
    with pytest.raises(ValueError, match=message):
        Settings(_env_file=None)


def test_credentials_come_from_the_environment_and_never_show(monkeypatch):
    monkeypatch.setenv("PW", "s3cret")
    url = resolve_target_url("postgresql://loader:${PW}@db/analytics")
    assert url == "postgresql://loader:s3cret@db/analytics"
    assert parse_target(url).display == "postgresql://loader:***@db/analytics"
    monkeypatch.delenv("PW")
    with pytest.raises(ValueError, match="environment variable PW"):
        resolve_target_url("postgresql://loader:${PW}@db/analytics")


def test_target_paths():
    assert parse_target("sqlite:///rel/f.db").path == "rel/f.db"
    assert parse_target("sqlite:////abs/f.db").path == "/abs/f.db"
    assert parse_target("duckdb:///f.duckdb") == Target("duckdb", "duckdb:///f.duckdb")
