"""max_length on pool-valued text never cuts a word short: 'Hyderabad' at 8 is another city that fits,
not 'Hyderaba'; a multi-word job title is cut at a word; a length nothing fits is a clear 422."""

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError


def _column(field: dict, rows: int = 2000, seed: int = 5, locale: str | None = None) -> list[str]:
    doc = {"fields": [field]}
    if locale:
        doc["locale"] = locale
    return compile_schema(doc, seed=seed).generate_chunk(0, rows).column(0).to_pylist()


def _whole_values(field: dict, locale: str | None = None) -> set[str]:
    plain = {k: v for k, v in field.items() if k != "constraints"}
    return set(_column(plain, rows=30_000, seed=9, locale=locale))


@pytest.mark.parametrize("field,locale", [
    ({"name": "city", "type": "city"}, None), ({"name": "city", "type": "city"}, "en_IN"),
    ({"name": "city", "type": "city"}, "pt_BR"), ({"name": "country", "type": "country"}, None),
    ({"name": "book_title", "type": "string"}, None), ({"name": "hotel_name", "type": "string"}, None),
    ({"name": "breed", "type": "string"}, None)])
def test_one_name_values_are_replaced_whole_never_cut(field, locale):
    limit = 8 if field["name"] in ("city", "country") else 14
    values = _column({**field, "constraints": {"max_length": limit}}, locale=locale)
    whole = _whole_values(field, locale)
    assert all(len(v) <= limit for v in values)
    cut_short = {w[:limit] for w in whole if len(w) > limit} - whole
    assert not set(values) & cut_short  # no 'Hyderaba', 'Fortalez'
    assert sum(v in whole for v in values) >= 0.9 * len(values)  # the rest: rarer names of the same pool
    assert not {"Hyderaba", "Fortalez", "Ahmedaba"} & set(values)
    assert len(set(values)) >= 10


def test_multi_word_job_titles_are_cut_at_a_word_never_inside_one():
    values = _column({"name": "job_title", "type": "string", "constraints": {"max_length": 15}})
    whole = _whole_values({"name": "job_title", "type": "string"})
    assert "Clothing/textil" not in values
    assert all(len(v) <= 15 for v in values)
    for value in set(values) - whole:
        assert any(w.startswith(value) and not w[len(value)].isalnum() for w in whole), value


def test_fitted_values_do_not_depend_on_the_split():
    doc = {"fields": [{"name": "city", "type": "city", "constraints": {"max_length": 6}}]}
    plan = compile_schema(doc, seed=2)
    whole = plan.generate_chunk(0, 3000).column(0).to_pylist()
    again = compile_schema(doc, seed=2)
    split = again.generate_chunk(0, 1234).column(0).to_pylist() + again.generate_chunk(1234, 1766).column(0).to_pylist()
    assert whole == split


@pytest.mark.parametrize("field", [{"name": "city", "type": "city"}, {"name": "country", "type": "country"},
                                   {"name": "pet_name", "type": "string"}])
def test_a_length_no_value_fits_is_refused_naming_max_length(field):
    with pytest.raises(SchemaValidationError) as caught:
        compile_schema({"fields": [{**field, "constraints": {"max_length": 1}}]}, seed=1)
    problem = caught.value.problems[0]
    assert problem.loc == "fields[0].constraints.max_length"
    assert "raise max_length" in problem.message


def test_a_country_of_two_or_three_characters_is_its_iso_code():
    values = _column({"name": "country", "type": "country", "constraints": {"max_length": 2}})
    assert all(len(v) == 2 and v.isupper() for v in values)
    assert len(set(values)) >= 10
