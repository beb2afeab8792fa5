"""A range per value of another column ('price depends on category: Electronics 100-2000, Books 5-50'):
each row's number lies inside the range of its own category, and the category holds the values named."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate

RANGED = [
    # (description, category column, ranged column, {value: (low, high)})
    ("Products, 500 rows: product name, category (Electronics, Books, Toys), price depends on category: "
     "Electronics 100-2000, Books 5-50, Toys 10-80.", "category", "price",
     {"Electronics": (100, 2000), "Books": (5, 50), "Toys": (10, 80)}),
    ("Pets: name, species (cat, dog), weight in kg depending on species (cats 2-6 kg, dogs 5-40 kg), owner.",
     "species", "weight", {"cat": (2, 6), "dog": (5, 40)}),
    ("Employees: employee id, name, level (junior, mid, senior), salary by level: junior 40-60k, mid 60-90k, "
     "senior 90-140k.", "level", "salary", {"junior": (40_000, 60_000), "mid": (60_000, 90_000),
                                            "senior": (90_000, 140_000)}),
    ("Houses, 300 rows. city, bedrooms 1-5, price varies by city: London 400k-2000k, Leeds 150k-600k and "
     "Hull 90k-300k.", "city", "price", {"London": (400_000, 2_000_000), "Leeds": (150_000, 600_000),
                                         "Hull": (90_000, 300_000)}),
    ("- product\n- category\n- price: depends on category - Garden 10-200, Kitchen 5-80, Office 2-40\n- stock 0-500",
     "category", "price", {"Garden": (10, 200), "Kitchen": (5, 80), "Office": (2, 40)}),
    ("Patients: patient id, ward (maternity, cardiology, orthopaedics), length of stay in days based on ward: "
     "maternity 1-4, cardiology 3-14, orthopaedics 2-21", "ward", "length_of_stay",
     {"maternity": (1, 4), "cardiology": (3, 14), "orthopaedics": (2, 21)}),
]


@pytest.mark.parametrize("text, category, ranged, ranges", RANGED)
def test_each_row_lies_in_its_categorys_range(text, category, ranged, ranges):
    fields = fields_of(text)
    assert fields[category]["type"] == "enum" and set(fields[category]["enum_values"]) == set(ranges)
    assert fields[ranged]["expression"].startswith(f"CASE WHEN {category} = ")
    rows = generate(text)
    assert set(rows[category]) == set(ranges)
    for value, number in zip(rows[category], rows[ranged]):
        low, high = ranges[value]
        assert low <= number <= high, (value, number)
    lows = [n for v, n in zip(rows[category], rows[ranged]) if v == min(ranges, key=lambda k: ranges[k][1])]
    assert lows and max(lows) <= min(hi for _, hi in ranges.values())  # the narrow category stays narrow


def test_a_weight_in_kg_keeps_its_decimals():
    rows = generate("Pets: species (cat, dog), weight in kg depending on species (cats 2-6 kg, dogs 5-40 kg)")
    assert any(w != int(w) for w in rows["weight"])


def test_ranges_with_no_category_column_span_them_all_and_say_so():
    result = extract_offline("Listings: title, price per region: north 100-200, south 50-90")
    price = next(f for f in result.schema.fields if f.name.startswith("price"))
    assert (price.constraints.min_value, price.constraints.max_value) == (50, 200)
    assert any("north, south" in w for w in result.warnings)


def test_plain_ranges_of_many_columns_stay_columns():
    fields = fields_of("Orders: order id, subtotal 10-500, tax 0-50, shipping 0-20, discount 0-30")
    assert {"subtotal", "tax", "shipping", "discount"} <= set(fields)
    assert not any("expression" in f for f in fields.values())
    fields = fields_of("Cars: make, mileage per year 5000-20000, age 1-15")
    assert fields["mileage_per_year"]["max_value"] == 20000 and "expression" not in fields["mileage_per_year"]
