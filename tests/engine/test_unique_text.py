"""Unique people look natural: distinct by construction, without row numbers; words never repeat."""

import re

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError
from tests.engine.conftest import ANCHOR, generate

PEOPLE = [{"name": "full_name", "type": "full_name", "constraints": {"unique": True}},
          {"name": "email", "type": "email", "constraints": {"unique": True}},
          {"name": "username", "type": "username", "constraints": {"unique": True}}]


@pytest.mark.parametrize("locale", [None, "de_DE", "ru_RU", "ja_JP", "pl_PL"])
def test_unique_names_emails_and_usernames_are_distinct_and_natural(locale):
    rows = generate(PEOPLE, rows=2000, locale=locale)
    for column in ("full_name", "email", "username"):
        assert len(set(rows[column])) == 2000
    assert not any("#" in n for n in rows["full_name"])
    assert sum(bool(re.search(r"\d{3,}@", e)) for e in rows["email"]) / 2000 <= 0.1
    assert sum(bool(re.search(r"\d{3,}$", u)) for u in rows["username"]) / 2000 <= 0.1


def test_unique_emails_stay_distinct_across_chunks_and_far_past_the_start():
    plan = compile_schema({"fields": PEOPLE[1:2]}, seed=3, anchor=ANCHOR)
    values = []
    for start in (0, 50_000, 5_000_000):
        values += plan.generate_chunk(start, 20_000).column(0).to_pylist()
    assert len(set(values)) == len(values)
    assert plan.generate_chunk(7, 3).column(0).to_pylist() == plan.generate_chunk(0, 10).column(0).to_pylist()[7:]


def test_a_unique_full_name_past_the_locales_names_is_refused():
    plan = compile_schema({"fields": PEOPLE[:1], "locale": "ja_JP"}, seed=1, anchor=ANCHOR)
    with pytest.raises(SchemaValidationError) as err:
        plan.check_row_count(10_000)
    assert "full_name" in str(err.value)


def test_unique_first_names_are_distinct_names_not_numbered():
    fields = [{"name": "first_name", "type": "first_name", "constraints": {"unique": True}},
              {"name": "gender", "type": "gender"}]
    rows = generate(fields, rows=600)
    assert len(set(rows["first_name"])) == 600 and not any("#" in n for n in rows["first_name"])
    with pytest.raises(SchemaValidationError):  # en_US has fewer distinct first names than that
        compile_schema({"fields": fields}).check_row_count(3000)


def test_generic_strings_never_repeat_a_word_and_cut_at_word_boundaries():
    rows = generate([{"name": "widget", "type": "string"},
                     {"name": "blurb", "type": "string", "constraints": {"max_length": 12}}], rows=3000)
    for value in rows["widget"]:
        words = value.lower().split()
        assert len(words) == len(set(words))
    full = generate([{"name": "blurb", "type": "string"}], rows=3000)["blurb"]
    for cut, whole in zip(rows["blurb"], full):
        assert len(cut) <= 12 and (whole.startswith(cut))
        assert len(cut) == len(whole) or whole[len(cut)] == " " or " " not in whole[:13]
    assert len(set(generate([{"name": "w", "type": "word"}], rows=3000)["w"])) > 500
