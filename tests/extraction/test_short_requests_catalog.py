"""Short requests in many domains choose a template by meaning: the head noun with its modifiers
('bike share trips'), the child of 'X and their Y', misspelt entity names; rows obey the schema."""

from __future__ import annotations

import pytest

from src.engine import compile_schema
from src.extraction.offline import extract_offline
from src.extraction.templates import find_template, load_templates

HEAD_NOUN_REQUESTS = {
    "1200 court cases": "court_cases",
    "bike share trips": "bike_trips",
    "EV charging sessions": "charging_sessions",
    "300 hospital beds": "hospital_beds",
    "800 wine bottles": "wines",
    "museum visitors": "museum_visits",
    "podcast episodes": "podcast_episodes",
    "earthquakes in the last five years": "earthquakes",
    "a dataset of recipes": "recipes",
    "vaccinations at a clinic": "vaccinations",
    "solar panel output": "solar_output",
    "river water levels": "water_levels",
}

PARENT_CHILD_REQUESTS = {
    "2,000 library members and their loans": "library_loans",
    "gym members and their workouts": "workouts",
    "warehouse robots and their errors": "robot_faults",
    "tenants and their rent payments": "rent_payments",
    "volunteers and their shifts": "volunteer_shifts",
    "patients and their appointments": "appointments",
}

MISSPELT_REQUESTS = {"1000 ordres": "orders", "500 custoemrs": "customers", "200 invioces": "invoices",
                     "300 employes": "employees", "50 reciepes": "recipes"}


def test_the_catalog_holds_at_least_150_entities_across_its_domain_files():
    keys = [t.key for t in load_templates()]
    assert len(keys) >= 150 and len(set(keys)) == len(keys)


@pytest.mark.parametrize(("text", "key"), {**HEAD_NOUN_REQUESTS, **PARENT_CHILD_REQUESTS}.items())
def test_a_request_chooses_the_template_of_its_head_noun_and_modifiers(text, key):
    assert find_template(text).template.key == key
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields if not f.hidden]
    assert len(names) >= 6 and "value" not in names and "record_id" not in names
    assert any(f"'{key}' template" in w for w in result.warnings)
    assert all(result.sources.get(name, "").startswith(f"template '{key}'") for name in names)


@pytest.mark.parametrize(("text", "key"), MISSPELT_REQUESTS.items())
def test_a_misspelt_entity_gets_its_template_not_generic_records(text, key):
    result = extract_offline(text)
    assert any(f"'{key}' template" in w for w in result.warnings)
    assert "record_id" not in result.schema.field_names()


@pytest.mark.parametrize("text", ["gym members and their workouts", "warehouse robots and their errors",
                                  "2,000 library members and their loans"])
def test_the_child_of_x_and_their_y_keeps_a_key_of_its_parent(text):
    names = extract_offline(text).schema.field_names()
    assert any(n.endswith("_id") or n.endswith("_name") for n in names[1:3])


@pytest.mark.parametrize(("text", "checks"), [
    ("1200 court cases", lambda r: r["status"] in {"open", "pending trial", "settled", "dismissed", "closed"}),
    ("800 wine bottles", lambda r: 9 <= r["alcohol_percent"] <= 16 and 1990 <= r["vintage_year"] <= 2023),
    ("EV charging sessions", lambda r: abs(float(r["cost"]) - r["energy_kwh"] * float(r["price_per_kwh"])) < 0.02),
    ("earthquakes", lambda r: 2.0 <= r["magnitude"] <= 9.0 and -90 <= r["latitude"] <= 90),
    ("gym members and their workouts", lambda r: 10 <= r["duration_minutes"] <= 150),
])
def test_rows_of_a_chosen_template_obey_its_rules(text, checks):
    result = extract_offline(text)
    plan = compile_schema(result.schema, seed=3)
    plan.check_row_count(5000)
    rows = plan.generate_chunk(0, 2000).to_pylist()
    assert all(checks(r) for r in rows)


@pytest.mark.parametrize(("text", "span", "step"), [
    ("temperature readings daily for a year", "-1y", "1d"),
    ("river water levels daily for a year", "-1y", "1d"),
    ("weekly sales for 12 stores over two years", "-2y", "7d"),
    ("solar panel output every 5 minutes for one day", "-1d", "5m"),
    ("air quality readings hourly for 3 days", "-3d", "1h"),
])
def test_a_time_grid_in_words_overrides_the_templates_span_and_step(text, span, step):
    result = extract_offline(text)
    times = [f for f in result.schema.fields if f.type == "datetime" and f.constraints.step]
    assert len(times) == 1
    assert (times[0].constraints.min_value, times[0].constraints.step) == (span, step)


@pytest.mark.parametrize(("text", "parent_column", "child_word"), [
    ("students and their grades, 500 rows, one row per student", "student_id", "grade"),
    ("pets and their vaccinations, one row per pet", "pet_id", "vaccination"),
    ("employees and their salaries, a row for each employee", "employee_id", "salary"),
])
def test_one_row_per_parent_keeps_the_child_as_a_column(text, parent_column, child_word):
    result = extract_offline(text)
    names = result.schema.field_names()
    assert parent_column in names
    assert any(child_word in name for name in names), names
