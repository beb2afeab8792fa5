"""Scene stage: the row count however it is written (a hedged or bare count closing the title, a count said after
the columns), and a count of things the rows come from, which is a pool, never the row count."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from src.extraction.scene import find_row_count


@pytest.mark.parametrize("text, rows", [
    ("dental patients for a small practice, maybe 450", 450),
    ("invoices, 750", 750),
    ("Bakery orders (say 1,300):\n- order id\n- loaf: rye, spelt, white", 1300),
    ("Gym members (about 2.5k)\n- member no\n- plan: basic, plus", 2500),
    ("Warehouse stats, perhaps 900", 900),
])
def test_a_hedged_or_bare_count_closing_the_title_is_the_row_count(text, rows):
    assert extract_offline(text).total_rows == rows


@pytest.mark.parametrize("text, rows", [
    ("1. Booking ID\n2. Guest name\n3. Nights 1-14\nThat's for 1,200 bookings.", 1200),
    ("room: one of 40 rooms\nguest: full name\nnights: 1-9\n(3,400 stays)", 3400),
    ("Chess results: 2,000 player-game rows. The opening is one of 12 openings.", 2000),
    ("Need readings from 25 pumps, every 5 minutes for the last 3 days (~21,600 rows). Columns: pump_id, ts", 21600),
    ("We need data from 40 stores, 8,000 receipts in total: store, amount 1-90", 8000),
])
def test_the_row_count_is_found_after_the_columns_and_past_a_pool(text, rows):
    assert extract_offline(text).total_rows == rows


def test_a_keyed_count_of_things_is_never_cut_at_its_thousands_comma():
    assert find_row_count("Basketball box scores: 1,000 player-game rows.") == 1000
    assert find_row_count("Fleet log\nmachines: 15\nrows: 500") == 500
