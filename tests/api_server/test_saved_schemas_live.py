"""Saved schemas against a real uvicorn server: save, list, load, replace, delete; bad bodies are 422s
naming the field; unknown ids 404; the key is required; a restart keeps every saved schema."""

from __future__ import annotations

import uuid

import httpx

from src.api_client import pooled_limits

from .helpers import SCHEMA
from .test_relational_live import SHOP

KEY = "saved-schemas-key"


def test_saved_schemas_round_trip_and_survive_a_restart(live_server_factory):
    server = live_server_factory(API_KEY=KEY)
    client = httpx.Client(base_url=server.base_url, headers={"X-API-Key": KEY}, timeout=30,
                          limits=pooled_limits())
    assert httpx.get(f"{server.base_url}/schemas").status_code == 401
    assert httpx.post(f"{server.base_url}/schemas", json={"name": "x", "schema": SCHEMA}).status_code == 401

    first = client.post("/schemas", json={"name": "  Customers  ", "schema": SCHEMA})
    assert first.status_code == 201, first.text
    customers = first.json()
    assert uuid.UUID(customers["id"]) and customers["name"] == "Customers"
    assert customers["created_at"] == customers["updated_at"] and customers["created_at"].endswith("Z")
    assert [f["name"] for f in customers["schema"]["fields"]] == [f["name"] for f in SCHEMA["fields"]]
    assert customers["schema"]["fields"][3]["constraints"] == {"min_value": 18, "max_value": 80}
    assert (customers["table_count"], customers["field_count"], customers["table_names"]) == (1, 7, None)
    shop = client.post("/schemas", json={"name": "Shop", "schema": SHOP}).json()
    assert shop["table_names"] == ["customers", "orders", "employees"] and shop["table_count"] == 3

    # A saved document starts a job as it is (the relational one takes total_rows for its first table).
    job = client.post("/jobs/create", json={"schema": shop["schema"], "total_rows": 20, "chunk_size": 10})
    assert job.status_code == 200, job.text

    listed = client.get("/schemas").json()
    assert listed["count"] == 2 and [s["name"] for s in listed["schemas"]] == ["Shop", "Customers"]
    assert all("schema" not in s for s in listed["schemas"])
    assert client.get(f"/schemas/{customers['id']}").json() == customers

    renamed = client.put(f"/schemas/{customers['id']}", json={"name": "Clients",
                                                              "schema": {"fields": SCHEMA["fields"][:2]}})
    assert renamed.status_code == 200, renamed.text
    renamed = renamed.json()
    assert renamed["name"] == "Clients" and renamed["field_count"] == 2
    assert renamed["created_at"] == customers["created_at"] < renamed["updated_at"]
    assert [s["name"] for s in client.get("/schemas").json()["schemas"]] == ["Clients", "Shop"]  # newest save first

    server.stop()
    server.start()
    client = httpx.Client(base_url=server.base_url, headers={"X-API-Key": KEY}, timeout=30,
                          limits=pooled_limits())
    assert client.get(f"/schemas/{customers['id']}").json() == renamed
    assert client.get(f"/schemas/{shop['id']}").json() == shop

    deleted = client.delete(f"/schemas/{shop['id']}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert client.get(f"/schemas/{shop['id']}").status_code == 404
    assert client.delete(f"/schemas/{shop['id']}").status_code == 404
    assert [s["id"] for s in client.get("/schemas").json()["schemas"]] == [customers["id"]]
    client.close()


def test_bad_bodies_are_422s_naming_the_field_and_unknown_ids_404(live_server):
    client = live_server.client
    cases = [
        ({"schema": SCHEMA}, "name", "Field required"),
        ({"name": "   ", "schema": SCHEMA}, "name", "must not be blank"),
        ({"name": "a\nb", "schema": SCHEMA}, "name", "one line"),
        ({"name": "x" * 201, "schema": SCHEMA}, "name", "at most 200"),
        ({"name": "x"}, "schema", "Field required"),
        ({"name": "x", "schema": {"fields": [{"name": "a", "type": "intger"}]}}, "schema.fields[0].type",
         "did you mean 'integer'"),
        ({"name": "x", "schema": {"fields": [{"name": "a", "type": "integer",
                                              "constraints": {"expression": "nope + 1"}}]}},
         "schema.fields[0].constraints.expression", "nope"),
        ({"name": "x", "schema": {"tables": [{"name": "a", "rows": 5, "fields": [
            {"name": "r", "type": "reference", "constraints": {"references": "b.id"}}]}]}},
         "schema.tables[0].fields[0].constraints.references", "unknown table 'b'"),
        ({"name": "x", "schema": SCHEMA, "extra": 1}, "extra", "Extra inputs"),
    ]
    for body, loc, words in cases:
        response = client.post("/schemas", json=body)
        assert response.status_code == 422, (body, response.text)
        problems = response.json()["problems"]
        assert any(p["loc"] == loc and words in p["message"] for p in problems), (loc, problems)
    assert client.get("/schemas").json()["count"] == 0  # nothing was stored

    missing = str(uuid.uuid4())
    for method, body in (("GET", None), ("PUT", {"name": "x", "schema": SCHEMA}), ("DELETE", None)):
        response = client.request(method, f"/schemas/{missing}", json=body)
        assert response.status_code == 404 and response.json()["error"] == "not_found", response.text
        assert missing in response.json()["detail"]
    assert client.get("/schemas/not-a-uuid").status_code == 422
    saved = client.post("/schemas", json={"name": "ok", "schema": SCHEMA}).json()
    bad_put = client.put(f"/schemas/{saved['id']}", json={"name": "ok", "schema": {"fields": []}})
    assert bad_put.status_code == 422 and bad_put.json()["problems"][0]["loc"] == "schema.fields"
    assert client.get(f"/schemas/{saved['id']}").json() == saved  # a refused replace changes nothing
    assert client.get("/schemas", params={"limit": 0}).status_code == 422
    client.delete(f"/schemas/{saved['id']}")
