"""Each page through Streamlit's AppTest, with an in-memory fake in place of the API client."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from src.api_client import ApiError

from .apptest_helpers import (
    BROWSE_PAGE, MONITOR_PAGE, click_button, find_button, schema_json_area, start_app, texts,
)
from .processes import PROJECT_ROOT

# -- navigation ---------------------------------------------------------------------------------


def test_app_opens_on_create_page_and_reaches_every_page(fake_client):
    app = start_app(fake_client)
    assert texts(app.title) == ["Create Dataset"]
    app.switch_page(MONITOR_PAGE).run()
    assert texts(app.title) == ["Monitor Jobs"]
    app.switch_page(BROWSE_PAGE).run()
    assert texts(app.title) == ["Browse Jobs"]
    assert "API connected" in " ".join(texts(app.sidebar.caption))


def test_sidebar_says_when_api_is_down(fake_client):
    fake_client.down = True
    app = start_app(fake_client)
    assert "API not reachable at http://fake-api" in " ".join(texts(app.sidebar.caption))


def test_ui_imports_only_client_config_and_schemas():
    ui_files = [PROJECT_ROOT / "streamlit_app.py", PROJECT_ROOT / "src" / "api_client.py",
                *sorted((PROJECT_ROOT / "app_pages").glob("*.py"))]
    allowed = ("src.api_client", "src.config", "src.schemas")
    for path in ui_files:
        for node in ast.walk(ast.parse(Path(path).read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("src"):
                assert node.module.startswith(allowed), f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("src.") or alias.name.startswith(allowed), \
                        f"{path.name} imports {alias.name}"


# -- Create Dataset -----------------------------------------------------------------------------


def test_create_page_starts_empty_with_actions_disabled(fake_client):
    app = start_app(fake_client)
    assert any("No schema yet" in text for text in texts(app.info))
    assert find_button(app, "Start generation").disabled
    assert find_button(app, "Preview sample").disabled
    assert not app.error


def test_extract_fills_schema_table_rows_and_warnings(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("2500 customers with an id, age and status")
    click_button(app, "Extract schema")

    assert ("extract_schema", "2500 customers with an id, age and status") in fake_client.calls
    table = app.data_editor[0].value
    assert list(table["name"]) == ["customer_id", "age", "status"]
    assert list(table["type"]) == ["uuid", "integer", "enum"]
    ages = [int(value) for value in table["samples"][1].split(" · ")]
    assert len(ages) == 3 and all(18 <= age <= 80 for age in ages)  # three samples made from the schema
    assert app.number_input(key="rows_input").value == 2_500
    assert any("loyalty tier" in text for text in texts(app.warning))
    assert not find_button(app, "Start generation").disabled


def test_extract_without_description_asks_for_one(fake_client):
    app = start_app(fake_client)
    click_button(app, "Extract schema")
    assert any("Write a description" in text for text in texts(app.warning))
    assert not any(name == "extract_schema" for name, _ in fake_client.calls)


def test_extract_when_api_is_down_shows_plain_message(fake_client):
    app = start_app(fake_client)
    fake_client.down = True
    app.text_area(key="description_input").set_value("some customers")
    click_button(app, "Extract schema")
    errors = texts(app.error)
    assert len(errors) == 1
    assert "Could not extract a schema: API not reachable at http://fake-api." in errors[0]
    assert "Traceback" not in errors[0]


def test_json_tab_applies_pasted_schema(fake_client):
    app = start_app(fake_client)
    schema = {"fields": [{"name": "order_id", "type": "int", "constraints": {"unique": True}},
                         {"name": "placed_at", "type": "timestamp"}], "seed": 7}
    schema_json_area(app).set_value(json.dumps(schema))
    click_button(app, "Apply JSON")

    table = app.data_editor[0].value
    assert list(table["name"]) == ["order_id", "placed_at"]
    assert list(table["type"]) == ["integer", "datetime"]  # aliases become canonical types
    assert app.number_input(key="seed_input").value == 7


def test_applying_json_clears_notes_of_the_replaced_extraction(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    assert any("offline rules" in text for text in texts(app.caption))
    schema_json_area(app).set_value(json.dumps({"fields": [{"name": "id", "type": "uuid"}]}))
    click_button(app, "Apply JSON")
    assert list(app.data_editor[0].value["name"]) == ["id"]
    assert not app.warning
    assert not any("offline rules" in text for text in texts(app.caption))


@pytest.mark.parametrize(("pasted", "expected"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"fields": [{"name": "age", "type": "integer",
                             "constraints": {"min_value": 90, "max_value": 18}}]}),
     "field 'age' max_value: min_value (90) is greater than max_value (18)"),
    (json.dumps({"fields": [{"name": "x", "type": "no_such_type"}]}), "field 'x' type"),
])
def test_json_tab_reports_bad_schema_plainly(fake_client, pasted, expected):
    app = start_app(fake_client)
    schema_json_area(app).set_value(pasted)
    click_button(app, "Apply JSON")
    assert any(expected in text for text in texts(app.error)), texts(app.error)
    assert not app.data_editor


def test_table_edits_reach_the_created_job(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    app.session_state[app.data_editor[0].key] = {
        "edited_rows": {2: {"name": "state", "blank": 25.0}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.selectbox(key=next(s.key for s in app.selectbox if s.label == "Edit field")).set_value(1).run()
    age_max = next(n for n in app.number_input if n.label == "maximum")
    age_max.set_value(65).run()
    app.number_input(key="rows_input").set_value(500)
    app.number_input(key="chunk_input").set_value(100)
    app.selectbox(key="format_input").set_value("parquet")
    app.number_input(key="seed_input").set_value(42)
    app.run()
    click_button(app, "Start generation")

    created = [arg for name, arg in fake_client.calls if name == "create_job"][-1]
    fields = {field["name"]: field for field in created["schema"]["fields"]}
    assert list(fields) == ["customer_id", "age", "state"]
    assert fields["age"]["constraints"] == {"min_value": 18, "max_value": 65}
    assert fields["state"]["constraints"]["null_probability"] == 0.25
    assert (created["total_rows"], created["chunk_size"], created["output_format"], created["seed"]) == \
        (500, 100, "parquet", 42)


@pytest.mark.parametrize(("total_rows", "expected_chunk"), [(500, 500), (20_000, 1_000), (200_000, 4_000),
                                                        (50_000_000, 100_000)])
def test_empty_chunk_size_means_about_fifty_chunks(fake_client, total_rows, expected_chunk):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    assert app.number_input(key="chunk_input").value is None
    app.number_input(key="rows_input").set_value(total_rows)
    app.run()
    click_button(app, "Start generation")
    created = [arg for name, arg in fake_client.calls if name == "create_job"][-1]
    assert (created["total_rows"], created["chunk_size"]) == (total_rows, expected_chunk)


def test_create_page_keeps_inputs_and_table_edits_across_page_switches(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    app.session_state[app.data_editor[0].key] = {
        "edited_rows": {0: {"name": "client_id"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.number_input(key="rows_input").set_value(777).run()

    app.switch_page(BROWSE_PAGE).run()
    app.switch_page("app_pages/create_dataset.py").run()

    assert app.text_area(key="description_input").value == "customers"
    assert app.number_input(key="rows_input").value == 777
    assert list(app.data_editor[0].value["name"]) == ["client_id", "age", "status"]


def test_invalid_range_is_listed_by_field_and_rule_and_blocks_start(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    app.selectbox(key=next(s.key for s in app.selectbox if s.label == "Edit field")).set_value(1).run()
    next(n for n in app.number_input if n.label == "minimum").set_value(90).run()
    assert any("field 'age' max_value: min_value (90) is greater than max_value (80)" in text for text in texts(app.error))
    assert find_button(app, "Start generation").disabled


def test_sample_preview_shows_rows_and_removes_its_job(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    app.number_input(key="seed_input").set_value(3)
    app.run()
    click_button(app, "Preview sample")

    sample_job = [arg for name, arg in fake_client.calls if name == "create_job"][-1]
    assert (sample_job["total_rows"], sample_job["seed"]) == (500, 3)
    read_only_tables = [table for table in app.dataframe if table.editing_mode == "read_only"]
    assert [table.value.shape for table in read_only_tables] == [(500, 3)]
    assert fake_client.jobs == {}  # the sample job was deleted


def test_start_opens_the_new_job_in_monitor(fake_client):
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    click_button(app, "Start generation")

    (job_id,) = fake_client.jobs
    assert texts(app.title) == ["Monitor Jobs"]
    assert app.selectbox[0].value == job_id
    assert app.query_params["job"] == job_id


def test_start_rejected_by_api_shows_its_detail(fake_client):
    fake_client.fail_with["create_job"] = ApiError(422, "total_rows: must be at most 100000000")
    app = start_app(fake_client)
    app.text_area(key="description_input").set_value("customers")
    click_button(app, "Extract schema")
    click_button(app, "Start generation")
    assert texts(app.title) == ["Create Dataset"]
    assert texts(app.error) == ["Could not start the job: total_rows: must be at most 100000000"]


# -- Monitor Jobs -------------------------------------------------------------------------------


def test_monitor_without_jobs_says_so(fake_client):
    app = start_app(fake_client, MONITOR_PAGE)
    assert any("No jobs yet" in text for text in texts(app.info))


def test_monitor_shows_progress_controls_and_preview_of_running_job(fake_client):
    job_id = fake_client.add_job(status="generating", total_rows=1_000, rows_generated=400)
    app = start_app(fake_client, MONITOR_PAGE)

    assert app.selectbox[0].value == job_id
    assert app.get("progress")[0].value == 40
    assert app.get("progress")[0].proto.text == "40.0% · 400 of 1,000 rows · chunk 4 of 10"
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Rows generated": "400", "Rows per second": "250", "Run time": "12s", "Time left": "2s"}
    assert find_button(app, "Pause") and find_button(app, "Cancel")
    assert not find_button(app, "Resume")
    assert [d.value.shape[0] for d in app.dataframe] == [20]
    assert not app.get("download_button")


def test_monitor_pending_job_explains_the_empty_preview(fake_client):
    fake_client.add_job(status="pending", rows_generated=0)
    app = start_app(fake_client, MONITOR_PAGE)
    assert any("preview appears once the first chunk" in text for text in texts(app.caption))
    assert find_button(app, "Pause") and find_button(app, "Cancel")
    assert not [table for table in app.dataframe]


def test_monitor_pause_resume_cancel(fake_client):
    job_id = fake_client.add_job(status="generating")
    app = start_app(fake_client, MONITOR_PAGE)
    click_button(app, "Pause")
    assert fake_client.jobs[job_id]["status"] == "paused"
    assert find_button(app, "Resume") and not find_button(app, "Pause")
    click_button(app, "Resume")
    assert fake_client.jobs[job_id]["status"] == "generating"
    click_button(app, "Cancel")
    assert fake_client.jobs[job_id]["status"] == "cancelled"
    assert not find_button(app, "Pause") and not find_button(app, "Cancel")
    assert any("cancelled" in text for text in texts(app.warning))


def test_monitor_control_conflict_shows_detail(fake_client):
    fake_client.add_job(status="generating")
    fake_client.fail_with["control_job"] = ApiError(409, "Job is already completed")
    app = start_app(fake_client, MONITOR_PAGE)
    click_button(app, "Pause")
    assert texts(app.error) == ["Could not pause the job: Job is already completed"]


def test_monitor_completed_job_offers_download(fake_client):
    fake_client.add_job(status="completed", total_rows=500, rows_generated=500, output_format="jsonl")
    app = start_app(fake_client, MONITOR_PAGE)
    (download,) = app.get("download_button")
    assert download.label == "Download dataset"
    assert not find_button(app, "Pause")
    assert app.get("progress")[0].value == 100
    assert not any("straight from the API" in text for text in texts(app.caption))


def test_monitor_large_completed_job_also_names_the_api_download_link(fake_client):
    job_id = fake_client.add_job(status="completed", total_rows=5_000_000, rows_generated=5_000_000)
    app = start_app(fake_client, MONITOR_PAGE)
    assert app.get("download_button")
    assert any(f"http://fake-api/jobs/{job_id}/download" in text for text in texts(app.caption))


def test_monitor_huge_completed_job_downloads_straight_from_the_api(fake_client):
    fake_client.add_job(status="completed", total_rows=50_000_000, rows_generated=50_000_000)
    app = start_app(fake_client, MONITOR_PAGE)
    assert not app.get("download_button")  # the file never passes through the UI server
    assert any("straight from the API" in text for text in texts(app.caption))


def test_monitor_failed_job_shows_its_error(fake_client):
    fake_client.add_job(status="failed", rows_generated=200, error_message="disk full while writing chunk 3")
    app = start_app(fake_client, MONITOR_PAGE)
    assert texts(app.error) == ["The job failed: disk full while writing chunk 3"]
    assert not app.get("download_button")


def test_monitor_follows_job_named_in_url(fake_client):
    wanted = fake_client.add_job(status="paused")
    fake_client.add_job(status="generating")
    app = start_app(fake_client, MONITOR_PAGE, job=wanted)
    assert app.selectbox[0].value == wanted
    assert find_button(app, "Resume")


def test_monitor_unknown_job_shows_not_found(fake_client):
    app = start_app(fake_client, MONITOR_PAGE, job="no-such-job")
    assert texts(app.error) == ["Could not read the job's status: Job no-such-job not found"]


def test_monitor_when_api_is_down_shows_plain_message(fake_client):
    fake_client.down = True
    app = start_app(fake_client, MONITOR_PAGE)
    (error,) = texts(app.error)
    assert error.startswith("Could not list the jobs: API not reachable at http://fake-api.")


# -- Browse Jobs --------------------------------------------------------------------------------


def test_browse_without_jobs_says_so(fake_client):
    app = start_app(fake_client, BROWSE_PAGE)
    assert any("No jobs yet" in text for text in texts(app.info))


def test_browse_lists_newest_first_and_filters_by_status(fake_client):
    oldest = fake_client.add_job(status="completed")
    middle = fake_client.add_job(status="failed")
    newest = fake_client.add_job(status="completed")
    app = start_app(fake_client, BROWSE_PAGE)
    assert list(app.dataframe[0].value["Job"]) == [newest[:8], middle[:8], oldest[:8]]

    app.pills[0].set_value("completed").run()
    assert fake_client.calls[-1] == ("list_jobs_page", ("completed", 0))
    assert list(app.dataframe[0].value["Job"]) == [newest[:8], oldest[:8]]

    app.pills[0].set_value("cancelled").run()
    assert texts(app.info) == ["No cancelled jobs."]


JOB_PAGE_SIZE = 50  # app_pages/browse_jobs.py's page (importing the page module would render it)


def test_browse_pages_through_more_jobs_than_a_page(fake_client):
    ids = [fake_client.add_job(status="completed" if i % 2 else "failed") for i in range(JOB_PAGE_SIZE + 7)]
    app = start_app(fake_client, BROWSE_PAGE)
    assert list(app.dataframe[0].value["Job"]) == [job_id[:8] for job_id in ids[::-1][:JOB_PAGE_SIZE]]
    assert f"Jobs 1-{JOB_PAGE_SIZE} of {JOB_PAGE_SIZE + 7}" in " ".join(texts(app.caption))
    assert app.button(key="browse_previous").disabled
    app.button(key="browse_next").click().run()
    assert list(app.dataframe[0].value["Job"]) == [job_id[:8] for job_id in ids[::-1][JOB_PAGE_SIZE:]]
    assert fake_client.calls[-1] == ("list_jobs_page", (None, JOB_PAGE_SIZE))
    assert app.button(key="browse_next").disabled and not app.button(key="browse_previous").disabled
    assert f"Jobs {JOB_PAGE_SIZE + 1}-{JOB_PAGE_SIZE + 7} of {JOB_PAGE_SIZE + 7}" in " ".join(texts(app.caption))

    app.pills[0].set_value("completed").run()  # a new filter starts at its first page
    completed = [job_id for i, job_id in enumerate(ids) if i % 2][::-1]
    assert list(app.dataframe[0].value["Job"]) == [job_id[:8] for job_id in completed]
    assert "browse_next" not in [button.key for button in app.button]


def test_browse_opens_selected_job_in_monitor(fake_client):
    fake_client.add_job(status="completed")
    newest = fake_client.add_job(status="generating")
    app = start_app(fake_client, BROWSE_PAGE)
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    click_button(app, "Open in monitor")
    assert texts(app.title) == ["Monitor Jobs"]
    assert app.selectbox[0].value == newest


def test_browse_deletes_selected_job(fake_client):
    kept = fake_client.add_job(status="completed")
    doomed = fake_client.add_job(status="failed")
    app = start_app(fake_client, BROWSE_PAGE)
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    click_button(app, "Delete")
    assert list(fake_client.jobs) == [kept, doomed]  # not before the user confirms
    click_button(app, "Delete permanently")
    assert list(fake_client.jobs) == [kept]
    assert list(app.dataframe[0].value["Job"]) == [kept[:8]]
    assert ("delete_job", doomed) in fake_client.calls


def test_browse_delete_of_a_job_gone_meanwhile_shows_detail(fake_client):
    job_id = fake_client.add_job(status="generating")
    app = start_app(fake_client, BROWSE_PAGE)
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    app.run()
    # Deleted elsewhere (another tab) after the list was shown: the API answers 404 (never 409).
    fake_client.fail_with["delete_job"] = ApiError(404, f"Job {job_id} not found")
    click_button(app, "Delete")
    click_button(app, "Delete permanently")
    assert texts(app.error) == [f"Could not delete the job: Job {job_id} not found"]


def test_browse_when_api_is_down_shows_plain_message(fake_client):
    fake_client.down = True
    app = start_app(fake_client, BROWSE_PAGE)
    (error,) = texts(app.error)
    assert error.startswith("Could not list the jobs: API not reachable")
