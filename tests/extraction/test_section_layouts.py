"""Sections of a multi-table text: bold or numbered headings with their own row counts, header lines per table
with notes underneath that go to the table and column they name."""

from __future__ import annotations

import pytest

from src.engine.relational import compile_relational
from src.extraction.relational import extract_relational


def _tables(text: str) -> dict[str, dict[str, dict]]:
    result = extract_relational(text)
    assert result is not None, "read as one table"
    compile_relational(result.schema)  # the document is one jobs accept
    return {t.name: {f.name: {"type": f.type, **f.constraints.model_dump(exclude_none=True)} for f in t.fields}
            for t in result.schema.tables}


BOLD_TABLES = [
    ("Three related tables for an agronomy app:\n\n**farms** (about 60)\n\n| column | notes |\n|---|---|\n"
     "| farm_id | unique |\n| region | Prairie, Coastal, Highland |\n\n**fields** (2-8 per farm)\n\n| column | notes |\n"
     "|---|---|\n| field_id | unique |\n| farm_id | parent farm |\n| crop | wheat, barley, canola |\n\n"
     "**plots** (1-5 per field)\n\n| column | notes |\n|---|---|\n| plot_id | unique |\n| field_id | parent field |\n"
     "| ph | 4.5 to 8.5 |", {"farms": 60}, {"region", "crop", "ph"}),
    ("Library data.\n\n**branches** (40 rows)\n\n| column | notes |\n|---|---|\n| branch_id | unique |\n"
     "| city | Leeds, York, Hull |\n\n**books** (10-50 per branch)\n\n| column | notes |\n|---|---|\n"
     "| book_id | unique |\n| branch_id | parent branch |\n| pages | 80 to 900 |", {"branches": 40}, {"city", "pages"}),
    ("## **clinics** (~25)\n- clinic_id (unique)\n- clinic_name\n\n## **visits** (3-30 per clinic)\n"
     "- visit_id (unique)\n- clinic_id\n- fee: 40 to 300", {"clinics": 25}, {"clinic_name", "fee"}),
]


@pytest.mark.parametrize(("text", "rows", "columns"), BOLD_TABLES)
def test_bold_headings_with_a_count_after_them_are_sections(text, rows, columns):
    tables = _tables(text)
    result = extract_relational(text)
    assert {t.name: t.rows for t in result.schema.tables if t.name in rows} == rows
    assert columns <= {name for fields in tables.values() for name in fields}


NUMBERED_SECTIONS = [
    ("Dental practice data:\n\n1. patients - ~250 rows\n   - patient_id (unique)\n   - full_name\n"
     "   - insurer: Delta, Cigna, Aetna, none\n2. appointments - 1 to 8 per patient\n   - appointment_id (unique)\n"
     "   - patient_id\n   - chair: 1 to 5\n   - fee: 80 to 1,400", "patients", 250,
     {"patients": {"full_name", "insurer"}, "appointments": {"chair", "fee"}}),
    ("Shipping test set\n1) warehouses - 12 rows\n    * warehouse_id (unique)\n    * region: north, south, east\n"
     "2) parcels - 20 to 200 per warehouse\n    * parcel_id (unique)\n    * warehouse_id\n    * weight_kg: 0.1 to 30",
     "warehouses", 12, {"warehouses": {"region"}, "parcels": {"weight_kg"}}),
    ("- authors — 300 rows\n  - author_id (unique)\n  - pen_name\n- posts — 1-10 per author\n  - post_id (unique)\n"
     "  - author_id\n  - word_count: 200 to 5000", "authors", 300, {"authors": {"pen_name"}, "posts": {"word_count"}}),
]


@pytest.mark.parametrize(("text", "root", "rows", "columns"), NUMBERED_SECTIONS)
def test_numbered_or_bulleted_headings_over_indented_bullets_are_sections(text, root, rows, columns):
    tables = _tables(text)
    assert extract_relational(text).schema.tables[0].rows == rows
    assert list(tables)[0] == root
    for table, names in columns.items():
        assert names <= set(tables[table]), (table, tables[table])


def test_a_flat_numbered_list_of_columns_is_not_read_as_sections():
    assert extract_relational("Patients\n1. patient id (unique)\n2. full name\n3. ward: ICU, general") is None


HEADER_LINES_WITH_NOTES = [
    ("meters: meter_id, customer_name, tariff, install_date\nreadings: reading_id, meter_id, read_at, kwh, cost\n\n"
     "Two tables for an electricity utility. meter_id is MTR- followed by 6 digits. tariff: standard, economy7, "
     "green. install_date between 2010 and 2024. Each meter gets 24 readings, read_at hourly over the last day, "
     "kwh 0 to 6.5, cost = kwh * 0.28.",
     {"meters": {"tariff": ("enum_values", ["standard", "economy7", "green"]), "meter_id": ("pattern", r"MTR-\d{6}")},
      "readings": {"kwh": ("max_value", 6.5)}}),
    ("stores: store_id, store_name, region\nsales: sale_id, store_id, sold_at, amount\n\n"
     "region: north, south or west. amount between 5 and 900. Each store has 10 to 40 sales.",
     {"stores": {"region": ("enum_values", ["north", "south", "west"])},
      "sales": {"amount": ("max_value", 900)}}),
    ("owners: owner_id, owner_name, city\npets: pet_id, owner_id, species, age_years\n\n"
     "species is one of dog, cat, rabbit. age_years 0 to 20. city: Oslo, Bergen.",
     {"owners": {"city": ("enum_values", ["Oslo", "Bergen"])},
      "pets": {"species": ("enum_values", ["dog", "cat", "rabbit"]), "age_years": ("max_value", 20)}}),
]


@pytest.mark.parametrize(("text", "expected"), HEADER_LINES_WITH_NOTES)
def test_a_header_line_per_table_keeps_each_column_and_notes_go_to_the_column_they_name(text, expected):
    tables = _tables(text)
    for table, rules in expected.items():
        for column, (key, value) in rules.items():
            assert tables[table][column].get(key) == value, (table, column, tables[table][column])
    assert not any("_" in name and len(name.split("_")) > 4 for fields in tables.values() for name in fields)


TABLE_COLUMN_TABLES = [
    ("| table | column | rule |\n|---|---|---|\n| artists | artist_id | unique |\n| artists | debut_year | 1960-2023 |\n"
     "| tracks | track_id | unique |\n| tracks | artist_id | the artist who recorded it; 5-30 tracks per artist |\n"
     "| tracks | duration_sec | 90 to 480 |\n\nAbout 150 artists.", "artists", 150, "tracks", (5, 30),
     {"artists": {"debut_year"}, "tracks": {"duration_sec"}}),
    ("| entity | field | notes |\n|---|---|---|\n| schools | school_id | unique |\n| schools | district | North, South |\n"
     "| pupils | pupil_id | unique |\n| pupils | school_id | 20-40 pupils per school |\n| pupils | age | 5 to 11 |\n\n"
     "Roughly 30 schools.", "schools", 30, "pupils", (20, 40), {"schools": {"district"}, "pupils": {"age"}}),
]


@pytest.mark.parametrize(("text", "root", "rows", "child", "per", "columns"), TABLE_COLUMN_TABLES)
def test_one_markdown_table_with_a_table_column_is_a_section_per_table(text, root, rows, child, per, columns):
    tables = _tables(text)
    result = {t.name: t for t in extract_relational(text).schema.tables}
    assert result[root].rows == rows
    counts = result[child].rows_per_parent
    assert (counts.min, counts.max) == per
    for table, names in columns.items():
        assert names <= set(tables[table])
