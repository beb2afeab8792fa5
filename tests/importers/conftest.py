"""Fixtures: DDL scripts per dialect, and a real PostgreSQL server for the whole session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PostgresServer, skip_reason

FIXTURES = Path(__file__).parent / "fixtures"
_names = itertools.count()


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the session's server."""
    return postgres_server.create_database(f"test_{next(_names)}")
