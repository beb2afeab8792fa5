"""A `string` column named for a thing gets that thing: from Faker's lists or curated ones, with
real check digits where the thing has them; the engine and the extractor agree on each."""

import re

import pytest

from src.engine import compile_schema
from src.engine.catalog import example_field_name, type_catalog
from src.engine.data.things import MEANINGS, POOLS, faker_pool
from src.engine.data.title_parts import combined_pool
from src.engine.semantics import classify_name, infer_thing, tokenize
from tests.engine.conftest import ANCHOR, generate

EXPECTED = {"pet_name": "pet_name", "team_name": "team_name", "restaurant_name": "restaurant_name",
            "brand_name": "brand_name", "file_name": "file_name", "movie_title": "movie_title",
            "book_title": "book_title", "song_title": "song_title", "course_title": "course_title",
            "ticket_subject": "ticket_subject", "breed": "dog_breed", "material": "material",
            "ingredient": "ingredient", "symptom": "symptom", "diagnosis": "diagnosis", "skill": "skill",
            "hobby": "hobby", "language": "language", "major": "major", "license_plate": "license_plate",
            "vin": "vin", "isbn": "isbn", "error_code": "error_code", "http_path": "http_path",
            "mime_type": "mime_type", "timezone": "timezone", "stock_ticker": "stock_ticker", "ssn": "ssn",
            "hotel_name": "hotel_name", "university": "university", "nationality": "nationality",
            "currency_name": "currency_name", "color_name": "color_name", "brand": "brand_name"}


def test_at_least_80_meanings_beyond_the_types():
    assert len(MEANINGS) >= 80


@pytest.mark.parametrize("column,meaning", sorted(EXPECTED.items()))
def test_column_names_get_their_meaning(column, meaning):
    assert infer_thing(column) == meaning
    assert classify_name(tokenize(column)) == "string"  # what the extractor reads: a plain string field
    plan = compile_schema({"fields": [{"name": column, "type": "string"}]}, seed=1, anchor=ANCHOR)
    assert plan.fields[column].options.get("thing") == meaning


def test_pool_meanings_give_their_pools_not_people_or_words():
    rows = generate([{"name": m, "type": "string"} for m in ("pet_name", "breed", "hotel_name", "university",
                                                             "symptom", "stock_ticker", "movie_title")], rows=300)
    for column, pool in (("pet_name", "pet_name"), ("breed", "dog_breed"), ("hotel_name", "hotel_name"),
                         ("university", "university"), ("symptom", "symptom"), ("stock_ticker", "stock_ticker"),
                         ("movie_title", "movie_title")):
        assert set(rows[column]) <= set(POOLS[pool]) | set(combined_pool(pool))
        assert len(set(rows[column])) >= min(10, len(POOLS[pool]))


def test_faker_lists_feed_language_currency_and_colour_names():
    rows = generate([{"name": "language", "type": "string"}, {"name": "currency_name", "type": "string"},
                     {"name": "color_name", "type": "string"}], rows=500)
    assert set(rows["language"]) <= set(faker_pool("language_names")) and len(set(rows["language"])) > 50
    assert set(rows["currency_name"]) <= set(faker_pool("currencies"))
    assert len(set(rows["color_name"])) > 60 and "Alice Blue" in faker_pool("all_colors")


def _vin_ok(vin: str) -> bool:
    values = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    total = sum(values[c] * w for c, w in zip(vin, weights)) % 11
    return len(vin) == 17 and not set(vin) & set("IOQ") and vin[8] == ("X" if total == 10 else str(total))


def test_codes_carry_real_check_digits():
    rows = generate([{"name": "vin", "type": "string", "constraints": {"unique": True}},
                     {"name": "isbn", "type": "string"}, {"name": "ssn", "type": "string"}], rows=2000)
    assert all(_vin_ok(v) for v in rows["vin"]) and len(set(rows["vin"])) == 2000
    for isbn in rows["isbn"]:
        digits = [int(d) for d in isbn.replace("-", "")]
        assert len(digits) == 13 and isbn[:3] in ("978", "979")
        assert sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10 == 0
    for ssn in rows["ssn"]:
        area, group, serial = ssn.split("-")
        assert area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def test_formats_of_plates_paths_files_mime_types_and_time_zones():
    rows = generate([{"name": n, "type": "string"} for n in ("license_plate", "http_path", "file_name",
                                                             "mime_type", "timezone", "error_code")], rows=300)
    assert all(re.fullmatch(r"[A-Z0-9 -]{4,9}", p) for p in rows["license_plate"])
    assert all(p.startswith("/") and " " not in p for p in rows["http_path"])
    assert all(re.fullmatch(r"[a-z]+[_-]?[a-z]+(_\d+)?\.[a-z0-9]+", f) for f in rows["file_name"])
    assert all(re.fullmatch(r"[a-z]+/[\w.+-]+", m) for m in rows["mime_type"])
    assert all("/" in tz for tz in rows["timezone"])
    assert all(re.fullmatch(r"(E|ERR-|ERR_)\d{4}", e) for e in rows["error_code"])
    british = generate([{"name": "license_plate", "type": "string"}], rows=50, locale="en_GB")["license_plate"]
    assert all(re.fullmatch(r"[A-Z]{2}\d\d ?[A-Z]{3}", p) for p in british)


def test_german_plates_start_with_a_real_district_and_mime_types_name_known_formats():
    import mimetypes

    from src.engine import vocab

    districts = set(vocab.faker_lists("providers", "automotive", "de_DE")["license_plate_prefix"])
    plates = generate([{"name": "license_plate", "type": "string"}], rows=500, locale="de_DE")["license_plate"]
    for plate in plates:
        district, letters, digits = re.fullmatch(r"([A-ZÄÖÜ]{1,3})-([A-Z]{1,2})-(\d{1,4})", plate).groups()
        assert district in districts and not digits.startswith("0"), plate
    known = set(mimetypes.types_map.values()) | set(mimetypes.common_types.values())
    mimes = generate([{"name": "mime_type", "type": "string"}], rows=500)["mime_type"]
    assert set(mimes) <= known and len(set(mimes)) >= 20


def test_colours_come_from_fakers_140_names_with_the_basic_ones_most_often():
    colours = generate([{"name": "colour", "type": "color"}], rows=4000)["colour"]
    assert len(set(colours)) >= 120 and "alice blue" in {c for c in faker_pool("all_colors") and colours}
    basic = {"red", "blue", "green", "black", "white", "gray"}
    assert 0.15 < sum(c in basic for c in colours) / len(colours) < 0.35


def test_unique_pool_values_are_distinct_and_natural_until_the_pool_runs_out():
    rows = generate([{"name": "blood_type", "type": "string", "constraints": {"unique": True}}], rows=9)
    assert len(set(rows["blood_type"])) == 9
    assert sum(" #" in value for value in rows["blood_type"]) == 1  # 8 blood types, then one row's tail


def test_the_catalog_lists_every_type_with_constraints_and_meanings():
    catalog = type_catalog()
    assert len(catalog) == 54 and len({row["type"] for row in catalog}) == 54
    string = next(row for row in catalog if row["type"] == "string")
    assert len(string["meanings"]) >= 80 and all(m["example"] for m in string["meanings"])
    integer = next(row for row in catalog if row["type"] == "integer")
    assert any("heart rate" in m["names"] for m in integer["meanings"])
    assert "distribution" in integer["constraints"] and "decimals" not in integer["constraints"]
    assert "decimals" in next(row for row in catalog if row["type"] == "decimal")["constraints"]


def test_each_meanings_example_is_what_a_column_of_that_meaning_gets():
    """`synthgen types` showed 'Great politics' for semantic_version: the example came from a column
    name the engine does not read as that meaning."""
    examples = {m["meaning"]: m["example"] for m in next(
        row for row in type_catalog() if row["type"] == "string")["meanings"]}
    assert re.fullmatch(r"\d+\.\d+\.\d+", examples["semantic_version"])
    for meaning in MEANINGS:
        rows = generate([{"name": example_field_name(meaning), "type": "string"}], 200, seed=7)
        assert examples[meaning] in set(next(iter(rows.values()))), meaning


@pytest.mark.parametrize("label, kind", [("department_name", "department"), ("dept_name", "department"),
                                         ("category_name", "product_category"), ("company_name", "company"),
                                         ("city_name", "city"), ("country_name", "country"),
                                         ("customer_name", "full_name"), ("emp_name", "full_name"),
                                         ("first_name", "first_name"), ("user_name", "username")])
def test_the_name_of_a_thing_is_that_thing_not_a_person(label, kind):
    """A DDL's `departments.dept_name` gave 'Joshua Reilly': '<thing> name' takes the thing's meaning;
    '<person> name' stays a person's."""
    from src.engine.semantics import infer_string_kind

    assert infer_string_kind(label) == kind


@pytest.mark.parametrize("description, kind", [("hotel name", "hotel_name"), ("Product name", "product_name"),
                                               ("the user's name", "full_name"), ("user name", "full_name"),
                                               ("", "full_name")])
def test_a_bare_name_takes_its_description_unless_that_names_a_person(description, kind):
    from src.engine.semantics import infer_string_kind

    assert (infer_string_kind("name", description) or infer_thing("name", description)) == kind


def test_a_unique_name_of_a_thing_uses_its_pool_then_row_tails_and_says_so():
    from src.engine.generators.things import pool_of

    schema = {"fields": [{"name": "team_name", "type": "string", "constraints": {"unique": True}}]}
    plan = compile_schema(schema, seed=4)
    size = len(pool_of("team_name"))
    rows = plan.generate_chunk(0, size + 500).column(0).to_pylist()
    assert len(set(rows)) == len(rows)
    assert set(rows[:size]) == set(pool_of("team_name").to_pylist())  # every natural value before any tail
    assert all(" #" in value for value in rows[size:])
    plan.check_row_count(size + 500)  # no refusal: the tails keep it unique
    [warning] = plan.row_count_warnings(size + 500)
    assert f"only {size} distinct team_name values" in warning
