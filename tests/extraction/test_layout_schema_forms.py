"""Layouts that state a schema: a table of columns headed by free words ('| column | what it holds |'), YAML-like
'- name: x' bullets with their keys (values, weights, interval), and 'scene ~ N rows; a, b, c' on one line."""

from __future__ import annotations

from tests.extraction.offline_helpers import fields_of
from src.extraction.offline import extract_offline


def test_a_table_of_columns_with_a_free_worded_contents_header():
    text = ("Bike rentals, 300 rows.\n\n| field | contents |\n|---|---|\n| rental_ref | unique |\n"
            "| rider | full name |\n| bike_kind | road, gravel, cargo |\n| hours | 1 to 8 |\n")
    fields = fields_of(text)
    assert list(fields) == ["rental_ref", "rider", "bike_kind", "hours"]
    assert fields["bike_kind"]["enum_values"] == ["road", "gravel", "cargo"]
    assert (fields["hours"]["min_value"], fields["hours"]["max_value"]) == (1, 8)


def test_a_table_of_example_rows_headed_name_stays_example_rows():
    text = "| name | age | city |\n|---|---|---|\n| Ann | 34 | Lyon |\n| Bo | 29 | Oslo |"
    assert {"name", "age", "city"} <= set(fields_of(text))


def test_yaml_bullets_named_by_a_name_key_with_weights_and_an_interval():
    text = ("dataset: buoy readings\nrows: 1440\ncolumns:\n  - name: buoy\n    values: [B1, B2]\n"
            "  - name: read_at\n    range: last 1 days\n    interval: 5 minutes\n  - name: wave_height_m\n"
            "    min: 0.2\n    max: 6.5\n  - name: sea_state\n    values: [calm, moderate, rough]\n"
            "    weights: [0.6, 0.3, 0.1]\n")
    result = extract_offline(text)
    fields = {f.name: f.constraints for f in result.schema.fields}
    assert list(fields) == ["buoy", "read_at", "wave_height_m", "sea_state"] and result.total_rows == 1440
    assert fields["read_at"].step == "5m"
    assert fields["sea_state"].weights == [60, 30, 10]
    assert (fields["wave_height_m"].min_value, fields["wave_height_m"].max_value) == (0.2, 6.5)


def test_a_scene_then_a_semicolon_then_the_column_list():
    result = extract_offline("warehouse picks ~ 8000 recs; picker (Ana, Raj, Li), pick ts last 2 wks, "
                             "aisle 1-30, qty 1-12, zone: cold/dry/bulk")
    names = [f.name for f in result.schema.fields]
    assert names[0] == "picker" and "aisle" in names and "zone" in names and len(names) == 5
    assert result.total_rows == 8000
