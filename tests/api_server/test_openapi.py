"""/openapi.json documents what the API answers: the ErrorResponse body for each error status a route
can give, the download's four content types, and links from a created job to the routes taking its id."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from src.api_server.app import create_app

ERROR_REF = "#/components/schemas/ErrorResponse"
EXPECTED_ERRORS = {
    ("get", "/health"): set(),
    ("post", "/schema/extract"): {"401", "413", "422", "502", "503"},
    ("post", "/schema/from-ddl"): {"401", "413", "422"},
    ("post", "/schema/from-sample"): {"401", "413", "422"},
    ("post", "/schema/sample"): {"401", "413", "422"},
    ("get", "/schema/templates"): {"401"},
    ("get", "/schema/types"): {"401"},
    ("post", "/jobs/create"): {"401", "413", "422", "429"},
    ("get", "/jobs/"): {"401", "422"},
    ("get", "/jobs/{job_id}/status"): {"401", "404", "422"},
    ("get", "/jobs/{job_id}/preview"): {"401", "404", "422"},
    ("get", "/jobs/{job_id}/download"): {"401", "404", "409", "422"},
    ("post", "/jobs/{job_id}/control"): {"401", "404", "409", "413", "422"},
    ("delete", "/jobs/{job_id}"): {"401", "404", "422"},
    ("post", "/jobs/{job_id}/download-link"): {"401", "404", "409", "422"},
    ("post", "/schemas"): {"401", "413", "422"},
    ("get", "/schemas"): {"401", "422"},
    ("get", "/schemas/{schema_id}"): {"401", "404", "422"},
    ("put", "/schemas/{schema_id}"): {"401", "404", "413", "422"},
    ("delete", "/schemas/{schema_id}"): {"401", "404", "422"},
}


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    from src.config import Settings

    tmp = tmp_path_factory.mktemp("openapi")
    settings = Settings(_env_file=None, database_path=tmp / "jobs.sqlite3", temp_path=tmp / "temp",
                        output_path=tmp / "output", log_dir=tmp / "logs", llm_provider="offline")
    with TestClient(create_app(settings)) as client:
        return client.get("/openapi.json").json()


def test_every_operation_documents_exactly_its_error_statuses_with_the_error_body(spec):
    operations = {(method, path): op for path, item in spec["paths"].items() for method, op in item.items()}
    assert set(operations) == set(EXPECTED_ERRORS)
    for key, op in operations.items():
        errors = {code for code in op["responses"] if code >= "400"}
        assert errors == EXPECTED_ERRORS[key], key
        for code in errors:
            body = op["responses"][code]["content"]["application/json"]["schema"]
            assert body == {"$ref": ERROR_REF}, (key, code)
            assert op["responses"][code]["description"] not in ("", "Validation Error")
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_error_body_has_each_problems_loc_and_message(spec):
    schemas = spec["components"]["schemas"]
    assert set(schemas["ErrorResponse"]["required"]) == {"error", "detail"}
    assert schemas["ErrorResponse"]["properties"]["problems"]["items"] == {"$ref": "#/components/schemas/ProblemDetail"}
    assert set(schemas["ProblemDetail"]["required"]) == {"loc", "message"}


def test_download_documents_the_four_content_types(spec):
    content = spec["paths"]["/jobs/{job_id}/download"]["get"]["responses"]["200"]["content"]
    assert set(content) == {"text/csv", "application/x-ndjson", "application/json", "application/vnd.apache.parquet",
                            "application/sql"}
    assert content["text/csv"]["schema"] == {"type": "string", "format": "binary"}


def test_created_job_links_to_every_route_that_takes_its_id(spec):
    links = spec["paths"]["/jobs/create"]["post"]["responses"]["200"]["links"]
    ids = {op["operationId"] for path, item in spec["paths"].items() if "{job_id}" in path for op in item.values()}
    assert {link["operationId"] for link in links.values()} == ids
    assert all(link["parameters"] == {"job_id": "$response.body#/job_id"} for link in links.values())


def test_status_timestamps_are_documented_and_field_names_carry_their_pattern(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["JobStatusResponse"]["properties"]["created_at"]["format"] == "date-time"
    assert schemas["FieldSpec"]["properties"]["name"]["pattern"] == "^[A-Za-z_][A-Za-z0-9_]*$"
