"""'one of' / 'such as' value lists written without a colon, closed by 'and' right before the next column."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import fields_of


@pytest.mark.parametrize("text, column, values, following", [
    ("products with name, category one of books, toys, garden and price between 5 and 50", "category",
     ["books", "toys", "garden"], "price"),
    ("Generate 80 trips with vehicle type such as bike, scooter, car and the fare in euros", "vehicle_type",
     ["bike", "scooter", "car"], "fare"),
    ("tickets: priority one of low, medium, urgent and a created date in 2024", "priority",
     ["low", "medium", "urgent"], "created_date"),
    ("pets with species one of dog, cat, rabbit or hamster, and an owner email", "species",
     ["dog", "cat", "rabbit", "hamster"], "owner_email"),
])
def test_the_list_is_one_enum_and_the_next_column_survives(text, column, values, following):
    fields = fields_of(text)
    assert fields[column]["type"] == "enum" and fields[column]["enum_values"] == values
    assert following in fields
    assert not any(value in fields for value in values)  # no value became a column of its own
