"""Clause stage: comma pieces joined into one column's value list, columns joined by 'plus', relative labels."""

from __future__ import annotations

import pytest

from src.extraction.clauses import join_value_lists, split_joined_columns, trim_relative_label
from tests.extraction.offline_helpers import fields_of


@pytest.mark.parametrize(("parts", "joined"), [
    (["a membership tier of bronze", "silver", "gold or platinum"], ["a membership tier: bronze, silver, gold, platinum"]),
    (["the payment method", "which should be card", "cash or mobile wallet"],
     ["the payment method: card, cash, mobile wallet"]),
    (["plan such as free", "basic", "and pro", "signup date"], ["plan: free, basic, pro", "signup date"]),
    (["number of guests", "price", "date"], ["number of guests", "price", "date"]),  # no closing 'or'/'and'
    (["name", "email", "age"], ["name", "email", "age"]),
])
def test_value_lists_introduced_by_a_word_are_one_clause(parts, joined):
    assert join_value_lists(parts) == joined


def test_plus_and_as_well_as_join_two_columns():
    assert split_joined_columns("Customer full name, plus their email address") == ["Customer full name",
                                                                                     "email address"]
    assert split_joined_columns("name as well as a phone (US format)") == ["name", "phone (US format)"]


def test_a_pronoun_clause_after_a_label_is_not_part_of_its_name():
    assert trim_relative_label("the city they rented in") == "the city"
    assert trim_relative_label("status: it is open") == "status: it is open"


def test_a_value_list_closed_by_or_ends_right_before_the_next_column():
    fields = fields_of("Generate 100 members with a tier of bronze, silver or gold, an email and a signup date")
    assert list(fields) == ["tier", "email", "signup_date"]
    assert fields["tier"]["enum_values"] == ["bronze", "silver", "gold"]
