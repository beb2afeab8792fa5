"""Names of things drawn from curated parts are broad: several hundred distinct in 2,000 rows (they were
20-42, each repeated 50-120 times), still seeded."""

import collections

import pytest

from src.engine import compile_schema

_NAMES = ["pet_name", "book_title", "hotel_name", "restaurant_name", "movie_title", "song_title"]


@pytest.fixture(scope="module")
def batch():
    return compile_schema({"fields": [{"name": n, "type": "string"} for n in _NAMES]}, seed=3).generate_chunk(0, 2000)


@pytest.mark.parametrize("name", _NAMES)
def test_several_hundred_distinct_values_in_2000_rows(batch, name):
    counts = collections.Counter(batch.column(name).to_pylist())
    assert len(counts) >= 300, len(counts)
    assert counts.most_common(1)[0][1] <= 20
    assert all(value.strip() == value and "  " not in value for value in counts)


def test_the_curated_values_stay_in_the_pool():
    values = set(compile_schema({"fields": [{"name": "hotel_name", "type": "string"}]}, seed=1)
                 .generate_chunk(0, 20_000).column(0).to_pylist())
    assert "Grand Plaza Hotel" in values and any(v.startswith("Hotel ") for v in values)


def test_same_seed_same_values(batch):
    again = compile_schema({"fields": [{"name": n, "type": "string"} for n in _NAMES]}, seed=3).generate_chunk(0, 2000)
    assert again.equals(batch)
