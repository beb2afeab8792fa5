"""Named pools in the opening text: values the scene names are the values of the column they belong to, or
add that column when no item names it (with a warning); checked on generated rows."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from src.extraction.scene_pools import find_named_pools
from tests.extraction.offline_helpers import generate


@pytest.mark.parametrize("text, column, values", [
    ("Daily closes for 6 tickers (AAPL, MSFT, NVDA, AMZN, V, KO) in 2023. Columns: date, ticker, close price 10-500, "
     "volume 1000-90000.", "ticker", {"AAPL", "MSFT", "NVDA", "AMZN", "V", "KO"}),
    ("Generate hourly output for the last 30 days across the sites Mesa Verde, Sunridge and Coyote Flats. Each record "
     "holds the site name and the energy produced in MWh from 0 to 45.", "site_name",
     {"Mesa Verde", "Sunridge", "Coyote Flats"}),
    ("Warehouse picks for the pickers Ana, Ben and Chloe, 600 rows:\n- pick id\n- picker\n- items picked 1-40",
     "picker", {"Ana", "Ben", "Chloe"}),
    ("Weekly sales for 4 regions (North, South, East, West):\n- week\n- region\n- revenue 1000-90000",
     "region", {"North", "South", "East", "West"}),
    ("500 orders from stores such as Downtown, Airport and Harbor. Fields: order id, store, amount 5-200.",
     "store", {"Downtown", "Airport", "Harbor"}),
    ("Shift logs for our three warehouses: Leeds, Bristol and Derby.\n- shift id\n- warehouse\n- hours worked 4-12",
     "warehouse", {"Leeds", "Bristol", "Derby"}),
])
def test_a_pool_named_in_the_scene_gives_its_column_the_values(text, column, values):
    result = extract_offline(text)
    assert not any(f"could not understand '{column.replace('_', ' ')}'" in w for w in result.warnings)
    assert set(generate(text)[column]) == values


def test_a_pool_no_item_names_adds_its_column_with_a_warning():
    text = ("Daily ad performance, one row per day per campaign, for the campaigns Alpha, Beta and Gamma. "
            "Impressions run between 1,000 and 100,000 and clicks never exceed impressions. Spend ranges from 50 "
            "to 5,000 dollars.")
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert "campaign" in names and {"impressions", "clicks", "spend"} <= set(names)
    assert any("added a 'campaign' column" in w for w in result.warnings)
    rows = generate(text)
    assert set(rows["campaign"]) == {"Alpha", "Beta", "Gamma"}
    assert all(c <= i for c, i in zip(rows["clicks"], rows["impressions"]))


def test_a_column_with_values_of_its_own_keeps_them():
    text = "Sales across the regions North, South and East:\n- order id\n- region (Central, Coastal)\n- amount 5-90"
    assert set(generate(text)["region"]) == {"Central", "Coastal"}


@pytest.mark.parametrize("header", [
    "Generate 500 orders placed between 2023 and 2024.",
    "Readings from 12 sensors every 5 minutes.",
    "Prices (in USD) for the last 30 days.",
])
def test_a_scene_without_named_values_names_no_pool(header):
    assert find_named_pools(header) == []


@pytest.mark.parametrize("text, column, pool", [
    ("device_id | ts | temp_c\n\nEvery 1 minute over the last 6 hours for 12 devices. temp_c 15-35.", "device_id", 12),
    ("gauge_id;measured_at;level_cm\n9 gauges, one measurement every 15 minutes for the past 5 days. level_cm 40-650.",
     "gauge_id", 9),
    ("Readings every 10 minutes for the last 2 days from 30 meters: meter id, timestamp, kwh 0-5", "meter_id", 30),
    ("Hourly prices for 25 tickers over the last 30 days: ticker, timestamp, price 1-900", "ticker", 25),
    ("Once a day for 40 wells over the past 90 days: well id, date, oil bbl 0-2500", "well_id", 40),
])
def test_things_measured_on_a_time_grid_are_a_pool_even_when_read_as_the_count(text, column, pool):
    data = generate(text)
    assert 1 < len(set(data[column])) <= pool


@pytest.mark.parametrize("text, column, pool", [
    ("food truck sales ~3k rows. trucks: 7 of em. amount 5-40.", "truck", 7),
    ("Sales:\n- stores: 12 in total\n- amount 1-90", "store", 12),
    ("Shifts:\n- cashiers - 9 different\n- hours 2-10", "cashier", 9),
    ("Deliveries:\n- vans: 15 total\n- parcels 1-40", "van", 15),
    ("Lessons:\n- instructors: 6 of them\n- length 30-120 minutes", "instructor", 6),
])
def test_a_counted_pool_item_is_that_things_column_with_that_many_values(text, column, pool):
    data = generate(text)
    assert 1 < len(set(data[column])) <= pool
