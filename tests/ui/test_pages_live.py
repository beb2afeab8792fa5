"""The pages through AppTest with the real ApiClient, against a real API process (or none at all)."""

from __future__ import annotations

import copy
import json
import time

import pytest

from src.api_client import ApiClient

from .apptest_helpers import BROWSE_PAGE, MONITOR_PAGE, click_button, schema_json_area, start_app, texts
from .processes import find_free_port

ORDERS_SCHEMA = {"fields": [
    {"name": "order_id", "type": "sequence"},
    {"name": "quantity", "type": "integer", "constraints": {"min_value": 1, "max_value": 10}},
    {"name": "unit_price", "type": "decimal",
     "constraints": {"min_value": 10, "max_value": 500, "decimals": 2}},
    {"name": "status", "type": "enum", "constraints": {"enum_values": ["pending", "shipped"]}},
]}


@pytest.fixture
def live_client(live_api_url):
    client = ApiClient(live_api_url)
    yield client
    client.close()


def list_job_ids(client: ApiClient) -> set[str]:
    return {job["job_id"] for job in client.list_jobs(limit=1000)}


def test_live_create_preview_start_monitor_browse_delete(live_client):
    jobs_before = list_job_ids(live_client)
    app = start_app(live_client)
    assert "API connected" in " ".join(texts(app.sidebar.caption))

    schema_json_area(app).set_value(json.dumps(ORDERS_SCHEMA))
    click_button(app, "Apply JSON")
    assert list(app.data_editor[0].value["name"]) == ["order_id", "quantity", "unit_price", "status"]

    app.number_input(key="rows_input").set_value(5_000)
    app.number_input(key="chunk_input").set_value(500)
    app.selectbox(key="format_input").set_value("jsonl")
    app.number_input(key="seed_input").set_value(11)
    app.run()
    click_button(app, "Preview sample")
    sample = next(t.value for t in app.dataframe if t.editing_mode == "read_only")
    assert sample.shape == (500, 4)  # enough rows for the preview's charts
    assert sample["quantity"].between(1, 10).all()
    assert list_job_ids(live_client) == jobs_before  # the sample job cleaned up after itself

    click_button(app, "Start generation")
    assert texts(app.title) == ["Monitor Jobs"]
    (job_id,) = list_job_ids(live_client) - jobs_before
    job = live_client.get_job_status(job_id)
    settings = (job["total_rows"], job["chunk_size"], job["output_format"], job["seed"])
    assert settings == (5_000, 500, "jsonl", 11)
    assert app.selectbox[0].value == job["job_id"]

    deadline = time.monotonic() + 30
    while not app.get("download_button"):
        assert time.monotonic() < deadline, f"job {job_id} not completed in 30 s: {live_client.get_job_status(job_id)}"
        time.sleep(0.2)
        app.run()
    assert not app.exception
    assert [b.label for b in app.get("download_button")] == ["Download dataset"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Rows generated"] == "5,000" and "chunk 10 of 10" in app.get("progress")[0].proto.text
    assert app.get("progress")[0].value == 100

    app.switch_page(BROWSE_PAGE).run()
    listed = list(app.dataframe[0].value["Job"])
    assert listed[0] == job_id[:8]  # newest first
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    click_button(app, "Delete")
    assert any("5,000 rows" in text for text in texts(app.warning))  # it says what goes, then asks
    assert job_id in list_job_ids(live_client)
    click_button(app, "Delete permanently")
    assert list_job_ids(live_client) == jobs_before
    remaining = list(app.dataframe[0].value["Job"]) if app.dataframe else []
    assert job_id[:8] not in remaining


@pytest.fixture
def gated_client(live_api_data, live_gate):
    client = ApiClient(live_api_data[0])
    yield client
    client.close()


def test_live_pause_resume_cancel_from_monitor(gated_client, live_gate):
    client = gated_client
    job_id = client.create_job(ORDERS_SCHEMA, total_rows=5_000_000, chunk_size=1_000,
                               output_format="csv")["job_id"]
    try:
        live_gate.release(job_id, 1)
        live_gate.wait_held(job_id, 1)  # running, held mid-job: it cannot finish before the clicks
        app = start_app(client, MONITOR_PAGE)
        assert app.selectbox[0].value == job_id  # the newest job
        assert client.get_job_status(job_id)["status"] == "generating"
        click_button(app, "Pause")
        assert client.get_job_status(job_id)["status"] == "paused"
        assert [b.label for b in app.button if b.label in ("Pause", "Resume")] == ["Resume"]
        click_button(app, "Resume")
        assert client.get_job_status(job_id)["status"] in ("pending", "generating")
        assert [b.label for b in app.button if b.label in ("Pause", "Resume")] == ["Pause"]
        click_button(app, "Cancel")
        assert client.get_job_status(job_id)["status"] == "cancelled"
        assert any("cancelled" in text for text in texts(app.warning))
    finally:
        live_gate.release(job_id, float("inf"))
        client.delete_job(job_id)


def test_live_invalid_schema_start_shows_api_detail(live_client):
    jobs_before = list_job_ids(live_client)
    app = start_app(live_client)
    # `unique` over 10 quantities cannot hold for 50 rows: only the engine (API side) knows that.
    schema = copy.deepcopy(ORDERS_SCHEMA)
    schema["fields"][1]["constraints"] = {"min_value": 1, "max_value": 10, "unique": True}
    schema_json_area(app).set_value(json.dumps(schema))
    click_button(app, "Apply JSON")
    app.number_input(key="rows_input").set_value(50)
    app.run()
    click_button(app, "Start generation")
    assert texts(app.title) == ["Create Dataset"]
    (error,) = texts(app.error)
    assert error.startswith("Could not start the job:") and "quantity" in error
    assert list_job_ids(live_client) == jobs_before


def test_live_extract_from_description(live_client):
    pytest.importorskip("src.extraction.offline", reason="the offline extractor is not importable yet")
    app = start_app(live_client)
    app.text_area(key="description_input").set_value(
        "2000 customers with full name, email, age between 18 and 80 and status active or inactive")
    click_button(app, "Extract schema")
    assert not app.error, texts(app.error)
    names = list(app.data_editor[0].value["name"])
    assert len(names) >= 3
    assert app.number_input(key="rows_input").value == 2_000


def test_live_start_from_a_template(live_client):
    app = start_app(live_client)
    app.selectbox(key="template_input").set_value("web_logs")
    app.run()
    click_button(app, "Use template")
    assert not app.error, texts(app.error)
    template = next(t for t in live_client.list_templates() if t["key"] == "web_logs")
    assert list(app.data_editor[0].value["name"]) == [f["name"] for f in template["schema"]["fields"]]
    assert "Web server logs" in " ".join(texts(app.warning))


@pytest.mark.parametrize("page", [None, MONITOR_PAGE, BROWSE_PAGE])
def test_pages_without_api_show_plain_message(page):
    url = f"http://127.0.0.1:{find_free_port()}"
    app = start_app(ApiClient(url), page)
    assert f"API not reachable at {url}" in " ".join(texts(app.sidebar.caption))
    if page is None:
        app.text_area(key="description_input").set_value("customers")
        click_button(app, "Extract schema")
    (error,) = texts(app.error)
    assert f"API not reachable at {url}." in error
    assert "Traceback" not in error
