"""ApiClient: readable errors from the API's error bodies, and every endpoint against the real API."""

from __future__ import annotations

import io
import time

import httpx
import pyarrow.parquet as pq
import pytest

from src.api_client import KEEPALIVE_EXPIRY_SECONDS, ApiClient, ApiError

from .processes import find_free_port

SCHEMA = {"fields": [
    {"name": "customer_id", "type": "uuid", "constraints": {"unique": True}},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
]}


def client_answering(status: int, body: object = None, text: str | None = None) -> ApiClient:
    """A client whose every request gets one canned answer (for the error-message rules only)."""
    def answer(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(status, text=text)
        return httpx.Response(status, json=body)
    return ApiClient("http://api.test", transport=httpx.MockTransport(answer))


# -- error messages -----------------------------------------------------------------------------


def test_api_error_body_gives_its_detail():
    client = client_answering(404, {"error": "not_found", "detail": "job 42 not found", "problems": []})
    with pytest.raises(ApiError) as caught:
        client.get_job_status("42")
    assert (caught.value.status, str(caught.value)) == (404, "job 42 not found")


def test_problems_missing_from_detail_are_appended():
    client = client_answering(422, {"error": "validation_error", "detail": "The schema has 1 problem.",
                                    "problems": [{"loc": "fields[1].constraints", "message": "bad range"}]})
    with pytest.raises(ApiError) as caught:
        client.create_job(SCHEMA, 10, 10, "csv")
    assert caught.value.message == "The schema has 1 problem: fields[1].constraints: bad range"


def test_problems_already_in_detail_are_not_repeated():
    detail = "total_rows: Input should be greater than 0"
    problem = {"loc": "total_rows", "message": "Input should be greater than 0"}
    client = client_answering(422, {"detail": detail, "problems": [problem]})
    with pytest.raises(ApiError) as caught:
        client.create_job(SCHEMA, 0, 10, "csv")
    assert caught.value.message == detail


def test_fastapi_style_validation_list_names_fields():
    client = client_answering(422, {"detail": [
        {"loc": ["body", "schema", "fields", 0, "name"], "msg": "field required", "type": "missing"},
        {"loc": ["query", "limit"], "msg": "must be at most 1000"},
    ]})
    with pytest.raises(ApiError) as caught:
        client.list_jobs(limit=5000)
    assert caught.value.message == "schema.fields.0.name: field required; limit: must be at most 1000"


def test_non_json_error_gives_its_text_and_html_gives_the_reason():
    with pytest.raises(ApiError) as caught:
        client_answering(502, text="upstream timed out").check_health()
    assert (caught.value.status, caught.value.message) == (502, "upstream timed out")
    with pytest.raises(ApiError) as caught:
        client_answering(502, text="<html><body>Bad gateway</body></html>").check_health()
    assert caught.value.message == "Bad Gateway"


def test_unreadable_success_answer_is_an_api_error():
    with pytest.raises(ApiError, match="unreadable answer"):
        client_answering(200, text="not json").check_health()


def test_unreachable_api_is_named_in_the_error():
    port = find_free_port()  # nothing listens there
    client = ApiClient(f"http://127.0.0.1:{port}/")
    with pytest.raises(ApiError) as caught:
        client.list_jobs()
    assert caught.value.status is None
    assert caught.value.message == f"API not reachable at http://127.0.0.1:{port}."


def test_unknown_control_action_is_refused_before_sending():
    with pytest.raises(ValueError):
        client_answering(200, {}).control_job("42", "restart")


# -- against the real API -----------------------------------------------------------------------


@pytest.fixture
def live_client(live_api_url):
    client = ApiClient(live_api_url)
    yield client
    client.close()


def wait_for_status(client: ApiClient, job_id: str, wanted: set[str], timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get_job_status(job_id)
        if status["status"] in wanted:
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} stayed {status['status']}, wanted {wanted}")


def test_live_health(live_client):
    assert live_client.check_health()["status"] == "healthy"


def local_port(response: httpx.Response) -> int:
    return response.extensions["network_stream"].get_extra_info("client_addr")[1]


def test_an_idle_connection_is_dropped_before_uvicorn_closes_it(live_client):
    """uvicorn closes idle keep-alive connections after 5 s; a request on one it is closing is reset
    (the UI would say "API not reachable"). The client must open a new connection well before that."""
    import uvicorn
    server_keepalive = uvicorn.Config("src.api_server.app:app").timeout_keep_alive
    assert KEEPALIVE_EXPIRY_SECONDS <= server_keepalive / 2
    http = live_client._http
    first, again = local_port(http.get("/health")), local_port(http.get("/health"))
    assert again == first  # busy connections are reused
    time.sleep(KEEPALIVE_EXPIRY_SECONDS + 0.5)  # idle past the client's expiry, inside the server's 5 s
    assert local_port(http.get("/health")) != first


def test_live_job_lifecycle(live_client):
    created = live_client.create_job(SCHEMA, total_rows=300, chunk_size=100, output_format="parquet", seed=5)
    job_id = created["job_id"]
    assert created["status"] in ("pending", "generating", "completed")

    status = wait_for_status(live_client, job_id, {"completed"})
    assert (status["rows_generated"], status["chunks_completed"], status["total_chunks"]) == (300, 3, 3)
    assert status["progress_percentage"] == 100.0
    assert job_id in [job["job_id"] for job in live_client.list_jobs(status="completed")]
    everything = live_client.list_jobs(limit=1000)
    pages = [live_client.list_jobs_page(limit=1, offset=offset) for offset in range(len(everything) + 1)]
    assert [page["total"] for page in pages] == [len(everything)] * len(pages)
    assert [job["job_id"] for page in pages for job in page["jobs"]] == [job["job_id"] for job in everything]

    preview = live_client.get_preview(job_id, rows=7)
    assert len(preview["data"]) == 7
    assert all(18 <= row["age"] <= 80 for row in preview["data"])

    downloaded = live_client.download(job_id)
    table = pq.read_table(io.BytesIO(downloaded.content))
    assert table.num_rows == 300 and table.column_names == ["customer_id", "age"]
    assert downloaded.file_name.endswith(".parquet")

    live_client.delete_job(job_id)
    with pytest.raises(ApiError) as caught:
        live_client.get_job_status(job_id)
    assert caught.value.status == 404


def test_live_control_of_finished_job_is_a_readable_conflict(live_client):
    job_id = live_client.create_job(SCHEMA, 10, 10, "csv")["job_id"]
    wait_for_status(live_client, job_id, {"completed"})
    with pytest.raises(ApiError) as caught:
        live_client.control_job(job_id, "pause")
    assert caught.value.status == 409
    assert caught.value.message and "{" not in caught.value.message
    live_client.delete_job(job_id)


def test_live_invalid_schema_names_the_problem(live_client):
    bad = {"fields": [{"name": "age", "type": "integer", "constraints": {"min_value": 90, "max_value": 18}}]}
    with pytest.raises(ApiError) as caught:
        live_client.create_job(bad, 10, 10, "csv")
    assert caught.value.status == 422
    assert "min_value (90) is greater than max_value (18)" in caught.value.message


def test_live_saved_schemas(live_client):
    saved = live_client.save_schema("People", SCHEMA)
    assert saved["name"] == "People" and saved["schema"]["fields"][1]["name"] == "age"
    assert saved["id"] in [s["id"] for s in live_client.list_schemas()]
    assert live_client.get_schema(saved["id"]) == saved
    renamed = live_client.update_schema(saved["id"], "Persons", saved["schema"])
    assert renamed["name"] == "Persons" and renamed["schema"] == saved["schema"]
    with pytest.raises(ApiError) as caught:
        live_client.save_schema("", SCHEMA)
    assert caught.value.status == 422 and caught.value.message.startswith("name:")
    live_client.delete_schema(saved["id"])
    with pytest.raises(ApiError) as caught:
        live_client.get_schema(saved["id"])
    assert caught.value.status == 404 and "not found" in caught.value.message


def test_live_named_job_downloads_under_its_name(live_client):
    job_id = live_client.create_job(SCHEMA, 20, 10, "csv", name="Kunden Übersicht")["job_id"]
    status = wait_for_status(live_client, job_id, {"completed"})
    assert status["name"] == "Kunden Übersicht"
    day = status["created_at"][:10]
    assert live_client.download(job_id).file_name == f"Kunden_Übersicht_{day}.csv"  # the UTF-8 name, not the fallback
    live_client.delete_job(job_id)
