"""Value lists weighted by frequency words: 'mostly' > 'some' > 'rarely'; listed numbers stay values, not a range."""

from __future__ import annotations

from collections import Counter

import pytest

from src.extraction.frequency_words import read_frequency_list
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("text, column, values", [
    ("1000 API requests with endpoint, status code (200 mostly, some 404 and 500) and method", "status_code",
     [200, 404, 500]),
    ("payments: method (usually card, sometimes cash, rarely cheque); amount 5-500", "method",
     ["card", "cash", "cheque"]),
    ("Generate 200 flights with cabin (economy mostly, a few business, first rarely) and fare 100-2000", "cabin",
     ["economy", "business", "first"]),
    ("sensor pings with battery bars: mostly 4, occasionally 3, rarely 1 or 2, and a signal level", "battery_bars",
     [4, 3, 1, 2]),
])
def test_frequency_words_weight_an_enum_of_the_listed_values(text, column, values):
    field = fields_of(text)[column]
    assert field["type"] == "enum" and field["enum_values"] == values
    weights = field["weights"]
    assert weights[0] == max(weights) and weights[0] >= 60  # the usual value is the most common by far
    counts = Counter(generate(text, 2000)[column])
    assert counts.most_common(1)[0][0] == values[0] and set(counts) == set(values)


def test_some_is_more_common_than_rarely():
    items = read_frequency_list("mostly A, sometimes B, rarely C")
    assert [i.value for i in items] == ["A", "B", "C"]
    assert items[0].weight > items[1].weight > items[2].weight
    assert sum(i.weight for i in items) == pytest.approx(100, abs=0.1)


@pytest.mark.parametrize("segment", ["male, female, other", "low, normal, high", "often, sometimes, rarely",
                                     "normally distributed, mean 5", "50/30/20"])
def test_lists_without_a_weighting_word_are_left_to_the_list_reader(segment):
    assert read_frequency_list(segment) is None


def test_weighted_pieces_after_a_colon_stay_one_column():
    fields = fields_of("rooms with beds: mostly 2, sometimes 1, rarely 3 or 4, and price 50-300")
    assert set(fields) == {"beds", "price"}
    assert fields["beds"]["enum_values"] == [2, 1, 3, 4]


def test_a_value_said_never_to_occur_is_left_out():
    rows = generate("Tickets, 600 rows: ticket id, severity (mostly minor, some major, never blocker), opened on")
    assert set(rows["severity"]) == {"minor", "major"}
    assert Counter(rows["severity"])["minor"] > Counter(rows["severity"])["major"]
