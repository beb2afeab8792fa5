"""Seeded output is pinned: a change fails here until OUTPUT_VERSION is bumped and the README says so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import tests.golden as golden
from src.engine.version import OUTPUT_VERSION

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def current() -> dict[str, dict[str, str]]:
    return golden.compute_golden()


def test_seeded_output_matches_the_golden_hashes(current):
    recorded = golden.read_recorded()
    changes = golden.list_changes(recorded["hashes"], current)
    assert not changes, (f"seeded output changed ({', '.join(changes)}): bump OUTPUT_VERSION and record it "
                         f"in the README, then run `{golden.UPDATE_COMMAND}`")


def test_golden_hashes_cover_every_format_and_were_recorded_for_this_version(current):
    recorded = golden.read_recorded()
    assert recorded["output_version"] == OUTPUT_VERSION, (
        f"OUTPUT_VERSION is {OUTPUT_VERSION} but the golden hashes were recorded for version "
        f"{recorded['output_version']}: run `{golden.UPDATE_COMMAND}`")
    assert set(current) == {"customers", "every_type", "orders"}
    for formats in recorded["hashes"].values():
        assert set(formats) == {"csv", "json", "jsonl", "parquet", "sql"}


def test_readme_lists_every_output_version():
    text = README.read_text()
    section = text.split("## Output versions", 1)[1].split("\n## ", 1)[0]
    listed = {int(v) for v in re.findall(r"^\|\s*(\d+)\s*\|", section, flags=re.M)}
    assert listed == set(range(OUTPUT_VERSION + 1)), (
        f"README's 'Output versions' table lists {sorted(listed)}; it needs every version 0..{OUTPUT_VERSION}")


def test_update_refuses_changed_output_without_a_version_bump(tmp_path, monkeypatch, current):
    stale = {"output_version": OUTPUT_VERSION,
             "hashes": {**current, "orders": {**current["orders"], "csv": "0" * 64}}}
    golden_file = tmp_path / "golden.json"
    golden_file.write_text(json.dumps(stale))
    monkeypatch.setattr(golden, "GOLDEN_FILE", golden_file)
    with pytest.raises(SystemExit, match="seeded output changed \\(orders/csv\\): bump OUTPUT_VERSION"):
        golden.update_golden()
    assert json.loads(golden_file.read_text()) == stale  # nothing was overwritten

    monkeypatch.setattr(golden, "OUTPUT_VERSION", OUTPUT_VERSION + 1)  # as after a bump
    assert "1 value(s) changed" in golden.update_golden()
    assert json.loads(golden_file.read_text()) == {"output_version": OUTPUT_VERSION + 1, "hashes": current}


def test_parquet_hash_ignores_writer_metadata_but_not_values(current):
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"x": [1, 2, 3]})
    plain, other_writer = io.BytesIO(), io.BytesIO()
    pq.write_table(table, plain, compression="zstd")
    pq.write_table(table, other_writer, compression="snappy", data_page_version="2.0")
    assert plain.getvalue() != other_writer.getvalue()
    assert golden.hash_output("parquet", plain.getvalue()) == golden.hash_output("parquet", other_writer.getvalue())
    changed = io.BytesIO()
    pq.write_table(pa.table({"x": [1, 2, 4]}), changed)
    assert golden.hash_output("parquet", changed.getvalue()) != golden.hash_output("parquet", plain.getvalue())
