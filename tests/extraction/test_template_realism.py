"""Templates make coherent rows: a flight number carries its airline's code, a flight never lands where
it left, a ticket is resolved only once resolved or closed (and after it was opened), a shipment is
delivered only once delivered or returned; both through a request ('1000 flights') and the catalog
(GET /schema/templates), checked on 5,000 generated rows."""

from __future__ import annotations

import pytest

from src.engine import compile_schema
from src.extraction.catalog import list_template_schemas
from src.extraction.offline import extract_offline

ROWS = 5000
CODES = {"Delta": "DL", "United": "UA", "American": "AA", "Lufthansa": "LH", "Emirates": "EK"}


def _rows(schema) -> list[dict]:
    return compile_schema(schema, seed=8).generate_chunk(0, ROWS).to_pylist()


def _catalog(key: str):
    return next(t.schema for t in list_template_schemas() if t.key == key)


@pytest.mark.parametrize("source", ["request", "catalog"])
def test_flights_carry_their_airline_code_and_never_return_to_the_origin(source):
    schema = extract_offline("1000 flights").schema if source == "request" else _catalog("flights")
    rows = _rows(schema)
    assert "destination_draw" not in rows[0]  # the helper is hidden
    assert all(r["flight_number"][:2] == CODES[r["airline"]] and r["flight_number"][2:].isdigit()
               and len(r["flight_number"]) == 6 for r in rows)
    assert {r["flight_number"][:2] for r in rows} == set(CODES.values())
    assert all(r["origin_airport_code"] != r["destination_airport_code"] for r in rows)
    assert len({r["destination_airport_code"] for r in rows}) > 20


@pytest.mark.parametrize("source", ["request", "catalog"])
def test_tickets_are_resolved_only_when_resolved_or_closed(source):
    schema = extract_offline("800 support tickets").schema if source == "request" else _catalog("tickets")
    rows = _rows(schema)
    assert all((r["resolved_at"] is not None) == (r["status"] in ("resolved", "closed")) for r in rows)
    assert all(r["resolved_at"] >= r["created_at"] for r in rows if r["resolved_at"] is not None)


def test_shipments_are_delivered_only_when_delivered_or_returned():
    rows = _rows(_catalog("shipments"))
    assert all((r["delivered_date"] is not None) == (r["status"] in ("delivered", "returned")) for r in rows)
    assert all(r["delivered_date"] >= r["shipped_date"] for r in rows if r["delivered_date"] is not None)


def test_a_request_naming_its_own_airlines_keeps_them_and_drops_the_templates_code_mapping():
    result = extract_offline("1000 flights with an airline (KLM, Qantas)")
    rows = _rows(result.schema)
    assert {r["airline"] for r in rows} == {"KLM", "Qantas"}
    assert not any(r["flight_number"].startswith("ZZ") for r in rows)
    assert all(r["origin_airport_code"] != r["destination_airport_code"] for r in rows)
