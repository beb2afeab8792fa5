"""The Python API as a test, notebook or pipeline uses it: `import synthgen`."""

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest

import synthgen

SCHEMA = {"fields": [
    {"name": "id", "type": "uuid"},
    {"name": "n", "type": "integer", "constraints": {"min_value": 1, "max_value": 9}},
    {"name": "joined", "type": "date", "constraints": {"min_value": "-90d", "max_value": "now"}},
    {"name": "email", "type": "email", "constraints": {"unique": True}},
]}
ANCHOR = dt.datetime(2026, 1, 1)


def test_generate_returns_a_table_that_obeys_the_schema_and_carries_its_seed():
    table = synthgen.generate(SCHEMA, 2000, seed=9, anchor=ANCHOR)
    assert isinstance(table, pa.Table) and table.num_rows == 2000
    assert table.column_names == ["id", "n", "joined", "email"]
    assert set(table.column("n").to_pylist()) <= set(range(1, 10))
    assert len(set(table.column("email").to_pylist())) == 2000
    assert synthgen.read_seed(table) == 9 and synthgen.read_anchor(table) == ANCHOR
    assert table.equals(synthgen.generate(SCHEMA, 2000, seed=9, anchor=ANCHOR))


def test_the_anchor_may_be_an_iso_text_or_a_date_as_on_the_command_line():
    expected = synthgen.generate(SCHEMA, 500, seed=3, anchor=ANCHOR)
    for anchor in ("2026-01-01T00:00:00", "2026-01-01", dt.date(2026, 1, 1)):
        table = synthgen.generate(SCHEMA, 500, seed=3, anchor=anchor)
        assert synthgen.read_anchor(table) == ANCHOR and table.equals(expected)
    frame = synthgen.generate_pandas(SCHEMA, 50, seed=3, anchor="2026-01-01T00:00:00")
    assert frame.attrs["anchor"] == ANCHOR
    with pytest.raises(synthgen.SchemaValidationError, match="anchor: 'next tuesday' is not an ISO date"):
        synthgen.generate(SCHEMA, 5, seed=3, anchor="next tuesday")


def test_without_a_seed_one_is_drawn_exposed_and_reproduces_the_rows():
    first, second = synthgen.generate(SCHEMA, 300), synthgen.generate(SCHEMA, 300)
    assert synthgen.read_seed(first) != synthgen.read_seed(second)
    assert not first.equals(second)
    again = synthgen.generate(SCHEMA, 300, seed=synthgen.read_seed(first), anchor=synthgen.read_anchor(first))
    assert again.equals(first)
    assert synthgen.read_seed(synthgen.generate({**SCHEMA, "seed": 5}, 3)) == 5  # the schema's own seed


def test_the_schema_may_be_a_dict_a_json_path_json_text_or_the_model(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(SCHEMA))
    model = synthgen.DatasetSchema.model_validate(SCHEMA)
    tables = [synthgen.generate(s, 50, seed=1, anchor=ANCHOR)
              for s in (SCHEMA, path, str(path), json.dumps(SCHEMA), model)]
    assert all(t.equals(tables[0]) for t in tables)


def test_bad_schemas_raise_one_error_listing_every_problem(tmp_path):
    with pytest.raises(synthgen.SchemaValidationError) as err:
        synthgen.generate({"fields": [{"name": "a", "type": "integer",
                                       "constraints": {"min_value": 5, "max_value": 1}},
                                      {"name": "b", "type": "nonsense"}]}, 10)
    assert [p.loc for p in err.value.problems] == ["fields[0].constraints.max_value", "fields[1].type"]
    (tmp_path / "bad.json").write_text("{nope")
    with pytest.raises(synthgen.SchemaValidationError, match="not valid JSON"):
        synthgen.generate(tmp_path / "bad.json", 10)
    with pytest.raises(FileNotFoundError):
        synthgen.generate(tmp_path / "missing.json", 10)
    with pytest.raises(synthgen.SchemaValidationError, match="seed: must be an integer from 0"):
        synthgen.generate(SCHEMA, 10, seed=-1)
    with pytest.raises(synthgen.SchemaValidationError, match="fewer than the 100 rows"):
        synthgen.generate({"fields": [{"name": "x", "type": "integer", "constraints": {
            "min_value": 1, "max_value": 10, "unique": True}}]}, 100)
    with pytest.raises(ValueError, match="rows must be an integer >= 0"):
        synthgen.generate(SCHEMA, -1)


def test_iter_batches_streams_bounded_batches_with_the_same_rows_for_any_batch_size():
    batches = synthgen.iter_batches(SCHEMA, 10_001, seed=3, batch_size=1000, anchor=ANCHOR)
    sizes = [b.num_rows for b in batches]
    assert sizes == [1000] * 10 + [1] and len(batches) == 11
    assert batches.seed == 3 and batches.anchor == ANCHOR
    one = pa.Table.from_batches(list(synthgen.iter_batches(SCHEMA, 10_001, seed=3, batch_size=10_001,
                                                           anchor=ANCHOR)))
    assert pa.Table.from_batches(list(batches)).equals(one)
    assert all(synthgen.read_seed(b) == 3 for b in batches)
    with pytest.raises(synthgen.SchemaValidationError):  # checked at the call, before any row is made
        synthgen.iter_batches({"fields": []}, 10)


def test_generate_pandas_and_zero_rows():
    frame = synthgen.generate_pandas(SCHEMA, 20, seed=4, anchor=ANCHOR)
    assert list(frame.columns) == ["id", "n", "joined", "email"] and len(frame) == 20
    assert frame.attrs["seed"] == 4
    assert frame.equals(synthgen.generate(SCHEMA, 20, seed=4, anchor=ANCHOR).to_pandas())
    empty = synthgen.generate(SCHEMA, 0, seed=1)
    assert empty.num_rows == 0 and empty.column_names == ["id", "n", "joined", "email"]


def test_locale_overrides_the_schemas(tmp_path):
    from src.engine.vocab import person_names

    german = set(person_names("de_DE")[2].words.to_pylist())
    names = synthgen.generate({"fields": [{"name": "l", "type": "last_name"}], "locale": "en_US"}, 200,
                              seed=1, locale="de_DE").column("l").to_pylist()
    assert set(names) <= german


@pytest.fixture(scope="module")
def customers():
    return synthgen.generate(Path(__file__).parents[2] / "bench" / "customer_schema.json", 1000, seed=42)


def test_usable_in_a_pytest_fixture(customers):
    assert customers.num_rows == 1000 and synthgen.read_seed(customers) == 42
