"""Every extracted schema is one /jobs/create accepts for the rows it extracted (the last extraction stage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from src.engine import compile_schema
from src.engine.relational import compile_relational
from src.extraction import extract_offline_result
from src.extraction.templates import load_templates
from src.schemas import DatasetSchema

CORPUS = Path(__file__).parent / "corpus"


def assert_accepted(text: str):
    result = extract_offline_result(text)
    doc = result.schema_.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(result.schema_, DatasetSchema):
        plan = compile_schema(doc)
        if result.total_rows:
            plan.check_row_count(result.total_rows)
    else:
        compile_relational(doc)
    return result


def field(result, name):
    return next(f for f in result.schema_.fields if f.name == name)


# a number of hours or minutes 'after' a time: the later column is a time after it, never a number 'after' one
@pytest.mark.parametrize("text, later, earlier", [
    ("600 flights with departure time and arrival time 1 to 11 hours after departure, the delay minutes mostly 0",
     "arrival_time", "departure_time"),
    ("300 shifts with a start time and an end time 4 to 12 hours after the start time", "end_time", "start_time"),
    ("500 rentals with pickup time and dropoff time 2-48 hours after pickup", "dropoff_time", "pickup_time"),
    ("200 surgeries with a start time, and end time 30 to 240 minutes after the start time", "end_time",
     "start_time"),
    ("1000 deliveries: dispatch time, and delivery time 1 to 6 hours after dispatch time", "delivery_time",
     "dispatch_time"),
])
def test_a_gap_in_hours_after_a_time_is_a_later_time(text, later, earlier):
    result = assert_accepted(text)
    names = [f.name for f in result.schema_.fields]
    if later in names and earlier in names and field(result, earlier).type in ("datetime", "date", "time"):
        assert field(result, later).type not in ("integer", "float", "decimal") or \
            field(result, later).constraints.after is None


# a unique column whose values cannot cover the rows: accepted, and the warning names the rule given up
@pytest.mark.parametrize("text, name", [
    ("1000 people with a unique first name", "first_name"),
    ("5000 customers with a unique last name and an email", "last_name"),
    ("2000 employees, each with a unique first name and a salary between 30000 and 90000", "first_name"),
    ("3000 users with a unique gender and an age from 18 to 90", "gender"),
    ("4000 patients with a unique blood type", "blood_type"),
])
def test_a_unique_rule_no_pool_can_meet_is_named_not_refused(text, name):
    result = assert_accepted(text)
    names = [f.name for f in result.schema_.fields]
    if name in names and not field(result, name).constraints.unique:
        assert any(name in w and "unique" in w for w in result.warnings), result.warnings


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("tuning*.json")):  # never the held-out halves
        texts += [case["text"] for case in json.loads(path.read_text())]
    return texts


def test_every_tuning_text_and_template_gives_an_accepted_schema():
    texts = _corpus_texts() + [t.as_description() for t in load_templates()]
    refused = []
    for text in texts:
        try:
            assert_accepted(text)
        except Exception as err:  # noqa: BLE001 - collect every refusal, then fail naming them
            refused.append(f"{text[:60]!r}: {err}")
    assert not refused, "\n".join(refused[:20])
