"""A number fixed per value of another column ('0 for free, 29 for pro'): every row's number is its category's."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from src.extraction.value_maps import find_value_map, split_value_map
from tests.extraction.offline_helpers import fields_of, generate

MAPPED = [
    # (description, category column, mapped column, {value: number})
    ("Generate 500 subscriptions with customer name, plan (free, pro, enterprise), monthly price which is 0 for "
     "free, 29 for pro and 499 for enterprise", "plan", "monthly_price", {"free": 0, "pro": 29, "enterprise": 499}),
    ("300 tickets with ticket type (adult, child, senior) and price: adult costs 12.50, child costs 6 and senior "
     "costs 8", "ticket_type", "price", {"adult": 12.5, "child": 6, "senior": 8}),
    ("Rooms: room class (standard, deluxe, suite); nightly rate 90 (standard), 140 (deluxe), 260 (suite); guests 1-4",
     "room_class", "nightly_rate", {"standard": 90, "deluxe": 140, "suite": 260}),
    ("- tier: bronze, silver, gold\n- discount percent: 5 for bronze, 10 for silver, 15 for gold\n- age between 18 "
     "and 70", "tier", "discount_percent", {"bronze": 5, "silver": 10, "gold": 15}),
    ("parcels with carrier (dhl, ups, fedex), weight 1-30 kg and a flat fee of 5 for dhl, 7 for ups, 9 for fedex",
     "carrier", "flat_fee", {"dhl": 5, "ups": 7, "fedex": 9}),
]


@pytest.mark.parametrize("text, category, mapped, numbers", MAPPED)
def test_each_row_takes_the_number_of_its_category(text, category, mapped, numbers):
    rows = generate(text)
    assert set(rows[category]) == set(numbers)  # the category column keeps its values; no junk column appears
    for value, number in zip(rows[category], rows[mapped]):
        assert float(number) == pytest.approx(numbers[value])
    names = set(fields_of(text))
    assert not any(name[:1].isdigit() or name.startswith("f_") for name in names)


def test_a_mapping_names_no_condition_of_the_column():
    fields = fields_of("members with plan (basic, plus), fee which is 10 for basic and 25 for plus")
    assert "when" not in fields["fee"] and fields["fee"]["expression"].startswith("CASE WHEN plan = 'basic' THEN 10")


def test_a_range_written_with_is_is_no_mapping():
    assert find_value_map("score where min is 5, max is 10") is None
    assert split_value_map("weight between 1 and 5") == ("weight between 1 and 5", None)


def test_a_mapping_without_its_category_column_keeps_the_numbers_and_warns():
    result = extract_offline("Generate 100 rows with visitor name and ticket price 12 for adults, 8 for children")
    price = next(f for f in result.schema.fields if f.name == "ticket_price")
    assert sorted(price.constraints.enum_values) == [8, 12]
    assert any("no column holds the values" in w for w in result.warnings)


def test_a_mapping_on_a_column_named_like_a_sql_word_still_holds():
    rows = generate("Court files, 300 rows: file id, case (minor, major), fine which is 10 for minor and 500 for major")
    assert rows["fine"] and all(f == {"minor": 10, "major": 500}[c] for c, f in zip(rows["case"], rows["fine"]))
