"""Fixtures: the real PostgreSQL server of the importer tests, and the shop schema made from
bench/shop.sql by the DDL importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from src.importers.ddl import import_ddl
from tests.importers.conftest import postgres_server, postgres_url  # noqa: F401 - shared fixtures

ROOT = Path(__file__).resolve().parents[2]
SHOP_SQL = ROOT / "bench" / "shop.sql"


def shop_document(rows: int = 40, children: tuple[int, int] = (0, 4)) -> dict:
    """bench/shop.sql through the DDL importer, with a fixed seed."""
    return {"seed": 11, **import_ddl(SHOP_SQL.read_text(), "postgres", rows=rows, children=children).document}


@pytest.fixture
def shop_file(tmp_path) -> Path:
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(shop_document()))
    return path
