"""Columns that must add up to a total ('carbs, protein and fat pct must sum to 100', 'the three shares add up
to 100'): on every row they sum to it and none goes below zero; the warning says which one is the remainder."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import generate

SUMS = [
    # (description, the columns, their total)
    ("Portfolios, 300 rows:\n- equity share: 0-100\n- bond share: 0-100\n- cash share: 0-100\n"
     "- the three shares add up to 100", ["equity_share", "bond_share", "cash_share"], 100),
    ("Diet log, 200 rows: carbs pct, protein pct and fat pct must sum to 100; calories 1200-3500.",
     ["carbs_pct", "protein_pct", "fat_pct"], 100),
    ("Budget, 100 rows: housing percent 20-50, food percent 10-30, savings percent, all add up to 100",
     ["housing_percent", "food_percent", "savings_percent"], 100),
    ("Election results, 150 rows:\n- district\n- labour votes: 0-5000\n- green votes: 0-5000\n"
     "- the two votes add up to 6000", ["labour_votes", "green_votes"], 6000),
    ("Soil samples: sand fraction, silt fraction and clay fraction should total to 1; ph 4-9",
     ["sand_fraction", "silt_fraction", "clay_fraction"], 1),
    ("Time use survey, 250 rows: work hours, sleep hours, leisure hours and travel hours must add up to 24",
     ["work_hours", "sleep_hours", "leisure_hours", "travel_hours"], 24),
]


@pytest.mark.parametrize("text, columns, total", SUMS)
def test_the_columns_sum_to_the_total_on_every_row(text, columns, total):
    result = extract_offline(text)
    assert any(f"sum to {total}" in w and columns[-1] in w for w in result.warnings), result.warnings
    assert not any("add" in f.name.split("_") for f in result.schema.fields)  # the statement is no column
    rows = generate(text)
    for i in range(len(rows[columns[0]])):
        values = [rows[c][i] for c in columns]
        assert sum(values) == pytest.approx(total, abs=0.02)
        assert min(values) >= 0
