"""The Create page's schema editor through AppTest: field editor, type picker, samples, problems, related
tables, saved schemas, the URL and the snippets. The fake client runs the real engine for samples."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from app_pages.field_editor import refresh_description
from app_pages.page_state import decode_draft, encode_draft
from app_pages.snippets import cli_snippet, python_snippet

from .apptest_helpers import (
    click_button, current_doc, find_button, load, schema_json_area, start_app, texts, widget,
)
from .processes import VENV_BIN
from .schema_docs import PEOPLE, SHOP




def choose_field(app, index):
    picker = next(box for box in app.selectbox if box.label == "Edit field")
    return picker.set_value(index).run()


def samples_of(app, row):
    return app.data_editor[0].value["samples"][row].split(" · ")


def test_editing_a_range_changes_the_samples_and_the_description(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    assert all(18 <= int(v) <= 80 for v in samples_of(app, 1))
    choose_field(app, 1)
    widget(app.number_input, "minimum").set_value(90).run()
    widget(app.number_input, "maximum").set_value(95).run()

    age = current_doc(app)["fields"][1]
    assert age["constraints"] == {"min_value": 90, "max_value": 95}
    assert age["description"] == "age between 90 and 95"  # the old bounds it named follow the edit
    assert all(90 <= int(v) <= 95 for v in samples_of(app, 1))
    assert any(call == "sample_schema" and arg["schema"]["fields"][1]["constraints"]["max_value"] == 95
               for call, arg in fake_client.calls)


@pytest.mark.parametrize(("text", "old", "new", "expected"), [
    ("age between 18 and 80", {"min_value": 18, "max_value": 80}, {"min_value": 21, "max_value": 80},
     "age between 21 and 80"),
    ("unit price $10-500", {"min_value": 10, "max_value": 500}, {"min_value": 10, "max_value": 1500},
     "unit price $10-1500"),
    ("salary 1,000 to 9,000", {"min_value": 1000, "max_value": 9000}, {"min_value": 1000, "max_value": 12000},
     "salary 1,000 to 12,000"),
    ("age between 18 and 80", {"min_value": 18, "max_value": 80}, {"max_value": 80}, None),  # stale: dropped
    ("customer age", {"min_value": 18}, {"min_value": 30}, "customer age"),
])
def test_an_edited_range_updates_or_drops_the_description(text, old, new, expected):
    assert refresh_description(text, old, new) == expected


def test_type_picker_searches_names_meanings_and_groups(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    choose_field(app, 0)
    widget(app.text_input, "Search types").set_value("salary").run()
    picker = next(box for box in app.selectbox if box.label.startswith("Type ("))
    assert {"integer", "float", "decimal"} <= set(picker.options[1:] and
                                                  [o.split(" · ")[0] for o in picker.options])
    widget(app.selectbox, "Group").set_value("contact").run()
    picker = next(box for box in app.selectbox if box.label.startswith("Type ("))
    assert picker.label == "Type (0 matches)"
    widget(app.text_input, "Search types").set_value("").run()
    picker = next(box for box in app.selectbox if box.label.startswith("Type ("))
    assert [o.split(" · ")[0] for o in picker.options] == ["uuid", "email", "phone"]
    assert "maria.lopez@gmail.com" in " ".join(picker.options)  # each type shows its example
    picker.set_value("email").run()
    assert current_doc(app)["fields"][0]["type"] == "email"
    assert all("@" in value for value in samples_of(app, 0))


def test_enum_values_and_weights_are_edited_as_a_table(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    choose_field(app, 2)
    values_editor = app.data_editor[1]
    assert list(values_editor.value["weight"]) == [1.0, 1.0]  # equally often, shown as 1 each (not None)
    assert "weights" not in current_doc(app)["fields"][2]["constraints"]  # showing is not editing
    app.session_state[values_editor.key] = {
        "edited_rows": {0: {"weight": 9.0}}, "added_rows": [{"value": "banned", "weight": 1.0}],
        "deleted_rows": []}
    app.run()
    assert current_doc(app)["fields"][2]["constraints"] == {
        "enum_values": ["active", "inactive", "banned"], "weights": [9, 1, 1]}


def test_expression_is_checked_before_it_is_applied(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    choose_field(app, 1)
    widget(app.text_input, "Expression").set_value("person_id +").run()
    assert any(text.startswith("Not applied: field 'age' expression") for text in texts(app.error))
    assert "expression" not in current_doc(app)["fields"][1]["constraints"]
    widget(app.text_input, "Expression").set_value("18 + 2").run()
    assert current_doc(app)["fields"][1]["constraints"]["expression"] == "18 + 2"
    assert samples_of(app, 1) == ["20", "20", "20"]


def test_fields_move_copy_remove_and_add(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    choose_field(app, 1)
    click_button(app, "Down")
    assert [f["name"] for f in current_doc(app)["fields"]] == ["person_id", "status", "age"]
    click_button(app, "Copy")
    assert [f["name"] for f in current_doc(app)["fields"]] == ["person_id", "status", "age", "age_copy"]
    assert current_doc(app)["fields"][3]["constraints"] == {"min_value": 18, "max_value": 80}
    click_button(app, "Remove")
    click_button(app, "Up")
    assert [f["name"] for f in current_doc(app)["fields"]] == ["person_id", "age", "status"]
    click_button(app, "Add")
    assert [f["name"] for f in current_doc(app)["fields"]] == ["person_id", "age", "new_field", "status"]
    assert list(app.data_editor[0].value["name"]) == ["person_id", "age", "new_field", "status"]


def test_misspelled_type_gets_did_you_mean_and_no_list_of_types(fake_client):
    app = start_app(fake_client)
    schema_json_area(app).set_value(json.dumps({"fields": [{"name": "n", "type": "integr"},
                                                            {"name": "m", "type": "emial"}]}))
    click_button(app, "Apply JSON")
    (error,) = texts(app.error)
    assert "- field 'n' type: unknown field type 'integr' (did you mean 'integer'?)" in error
    assert "- field 'm' type: unknown field type 'emial' (did you mean 'email'?)" in error
    assert "uuid" not in error and "latitude" not in error


@pytest.mark.parametrize(("rows", "reason"), [(0, "Rows must be at least 1."),
                                              (100_000_001, "Rows must be at most 100,000,000 (MAX_ROWS).")])
def test_invalid_row_counts_block_start_with_the_reason(fake_client, rows, reason):
    app = load(start_app(fake_client), PEOPLE)
    app.number_input(key="rows_input").set_value(rows).run()
    assert find_button(app, "Start generation").disabled
    assert f"Cannot start: {reason}" in texts(app.error)


def test_related_tables_get_a_tab_each_and_a_diagram(fake_client):
    app = load(start_app(fake_client), SHOP)
    assert [tab.label for tab in app.tabs][3:6] == ["Table customers", "Table orders", "JSON"]
    (diagram,) = app.get("graphviz_chart")
    dot = diagram.proto.spec
    assert '"customers":f_customer_id:e -> "orders":f_customer_id:w [label="1..3"]' in dot
    assert "PK" in dot and "FK" in dot
    orders_grid = app.data_editor[1].value
    assert list(orders_grid["name"]) == ["order_id", "customer_id", "total"]
    assert len(orders_grid["samples"][1].split(" · ")) >= 1
    assert app.number_input(key="rows_input").label == "Rows of customers"
    assert app.number_input(key="rows_input").value == 50


def test_saved_schema_round_trip_and_reload_from_the_url(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    widget(app.text_input, "Schema name").set_value("people").run()
    click_button(app, "Save")
    (record,) = fake_client.schemas.values()
    assert record["name"] == "people" and record["schema"]["fields"][1]["name"] == "age"
    assert app.query_params["schema"] == record["id"] and "draft" not in app.query_params

    choose_field(app, 1)
    widget(app.number_input, "maximum").set_value(70).run()
    assert decode_draft(app.query_params["draft"])["fields"][1]["constraints"]["max_value"] == 70

    reloaded = start_app(fake_client, schema=record["id"], draft=app.query_params["draft"])
    assert current_doc(reloaded)["fields"][1]["constraints"]["max_value"] == 70
    assert "Editing the saved schema 'people'" in " ".join(texts(reloaded.caption))
    click_button(reloaded, "Save")
    assert fake_client.schemas[record["id"]]["schema"]["fields"][1]["constraints"]["max_value"] == 70


def test_saved_schemas_duplicate_rename_and_delete_after_confirmation(fake_client):
    fake_client.save_schema("people", PEOPLE)
    app = start_app(fake_client)
    click_button(app, "Duplicate")
    assert sorted(r["name"] for r in fake_client.schemas.values()) == ["people", "people (copy)"]
    widget(app.text_input, "New name").set_value("people v2").run()
    click_button(app, "Rename")
    assert sorted(r["name"] for r in fake_client.schemas.values()) == ["people", "people v2"]
    click_button(app, "Delete")
    assert any("Only the saved schema is removed" in text for text in texts(app.warning))
    assert len(fake_client.schemas) == 2  # nothing removed before the confirmation
    click_button(app, "Delete it")
    assert [r["name"] for r in fake_client.schemas.values()] == ["people"]
    click_button(app, "Load")
    assert current_doc(app) == PEOPLE


def test_a_fresh_page_offers_the_last_saved_schema_and_loads_it(fake_client):
    assert not any("Continue where you left off" in text for text in texts(start_app(fake_client).info))
    older = fake_client.save_schema("older", SHOP)
    fake_client.schemas[older["id"]]["updated_at"] = "2026-01-01T00:00:00Z"
    record = fake_client.save_schema("people", PEOPLE)
    app = start_app(fake_client)  # a new session: a reload of another page, a new tab
    assert "schema_doc" not in app.session_state
    assert any("Your last saved schema: people · 3 fields" in text for text in texts(app.info))
    click_button(app, "Continue with it")
    assert current_doc(app) == PEOPLE
    assert app.query_params["schema"] == record["id"]  # from now on a reload keeps it
    assert not any("Continue where you left off" in text for text in texts(app.info))


def test_a_draft_in_the_url_restores_the_schema_and_rows(fake_client):
    app = start_app(fake_client, draft=encode_draft(PEOPLE), rows="321")
    assert list(app.data_editor[0].value["name"]) == ["person_id", "age", "status"]
    assert app.number_input(key="rows_input").value == 321
    broken = start_app(fake_client, draft="not-a-draft")
    assert any("No schema yet" in text for text in texts(broken.info))


def test_job_name_is_sent_with_the_job(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    app.text_input(key="job_name_input").set_value("people_test").run()
    click_button(app, "Start generation")
    created = [arg for name, arg in fake_client.calls if name == "create_job"][-1]
    assert created["name"] == "people_test"


def test_snippets_are_shown_and_run_as_they_are(fake_client, tmp_path):
    app = load(start_app(fake_client), PEOPLE)
    app.number_input(key="rows_input").set_value(25).run()
    blocks = [code.value for code in app.code]
    assert any(block.startswith("curl -s -X POST http://fake-api/jobs/create") for block in blocks)
    cli = next(block for block in blocks if "synthgen generate" in block)
    python = next(block for block in blocks if block.startswith("import synthgen"))
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    subprocess.run(["bash", "-c", cli], cwd=tmp_path, env=env, check=True, capture_output=True, timeout=120)
    assert len((tmp_path / "data.csv").read_text().splitlines()) == 26
    subprocess.run([str(VENV_BIN / "python"), "-c", python], cwd=tmp_path, check=True, capture_output=True,
                   timeout=120)
    assert (tmp_path / "data.csv").exists()
    output = {"total_rows": 10, "output_format": "parquet", "seed": 3, "chunk_size": 10}
    assert "--rows 10 --format parquet --seed 3 --output out/" in cli_snippet(SHOP, output)
    assert "httpx.post" in python_snippet("http://api", SHOP, output, with_key=True)


def test_preview_shows_a_chart_per_column_with_a_shape(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    click_button(app, "Preview sample")
    charts = app.get("vega_lite_chart")
    assert len(charts) == 2  # age (histogram) and status (bars); the ids all differ
    assert any("No chart for customer_id" in text for text in texts(app.caption))  # the fake job's rows


def test_a_new_type_keeps_only_the_rules_it_accepts_and_says_what_it_dropped(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    choose_field(app, 1)  # age: integer 18-80
    widget(app.text_input, "Search types").set_value("review").run()
    picker = next(box for box in app.selectbox if box.label.startswith("Type ("))
    picker.set_value("review").run()
    field = current_doc(app)["fields"][1]
    assert field["type"] == "review" and "constraints" not in field
    assert any("dropped min_value, max_value" in text for text in texts(app.info))
    assert len(samples_of(app, 1)) == 3 and all(len(value) > 10 for value in samples_of(app, 1))


def test_the_grid_keeps_a_changed_types_accepted_rules_only():
    import pandas as pd

    from app_pages.schema_table import fields_to_grid, grid_to_fields
    from src.engine.catalog import type_catalog

    accepted = {entry["type"]: entry["constraints"] for entry in type_catalog()}
    fields = [{"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80, "unique": True}},
              {"name": "status", "type": "enum", "constraints": {"enum_values": ["a", "b"], "null_probability": 0.1}},
              {"name": "score", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}}]
    grid = fields_to_grid(fields, {}, None)
    grid.loc[0, "type"], grid.loc[1, "type"], grid.loc[2, "type"] = "review", "string", "float"
    dropped: list[str] = []
    out = grid_to_fields(pd.DataFrame(grid), fields, accepted, dropped)
    assert out[0]["constraints"] == {"unique": True}
    assert out[1]["constraints"] == {"null_probability": 0.1}  # no enum_values: a string now, not an enum
    assert out[2]["constraints"] == {"min_value": 1, "max_value": 5}  # a float takes a range too
    assert dropped == ["'age' is now review: dropped min_value, max_value (they do not apply to review)",
                       "'status' is now string: dropped enum_values (they do not apply to string)"]
