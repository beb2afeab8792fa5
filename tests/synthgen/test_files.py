"""synthgen.write: the format from the name, gzip, atomic files, and the seed kept."""

import datetime as dt
import gzip
import io
import json

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import synthgen

SCHEMA = {"fields": [{"name": "id", "type": "sequence"}, {"name": "city", "type": "city"}]}
ANCHOR = dt.datetime(2026, 1, 1)


@pytest.mark.parametrize("name, fmt, compression", [
    ("d.csv", "csv", "none"), ("d.json", "json", "none"), ("d.jsonl", "jsonl", "none"),
    ("d.ndjson", "jsonl", "none"), ("d.parquet", "parquet", "none"), ("D.CSV.GZ", "csv", "gzip"),
    ("d.jsonl.gz", "jsonl", "gzip"), ("d.json.gz", "json", "gzip"), ("d.parquet.gz", "parquet", "gzip")])
def test_the_name_gives_format_and_compression(tmp_path, name, fmt, compression):
    result = synthgen.write(SCHEMA, 2500, tmp_path / name, seed=1, batch_size=1000, anchor=ANCHOR)
    assert (result.format, result.compression, result.rows, result.seed) == (fmt, compression, 2500, 1)
    data = (tmp_path / name).read_bytes()
    if compression == "gzip":
        assert data[:2] == b"\x1f\x8b"
        data = gzip.decompress(data)
    if fmt == "csv":
        ids = pacsv.read_csv(io.BytesIO(data)).column("id").to_pylist()
    elif fmt == "json":
        ids = [row["id"] for row in json.loads(data)]
    elif fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in data.splitlines()]
    else:
        ids = pq.read_table(io.BytesIO(data)).column("id").to_pylist()
    assert ids == list(range(1, 2501))
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no partial file left beside it


def test_parquet_keeps_the_seed_for_reproduction(tmp_path):
    result = synthgen.write(SCHEMA, 100, tmp_path / "d.parquet")
    table = pq.read_table(tmp_path / "d.parquet")
    assert synthgen.read_seed(table) == result.seed
    again = synthgen.generate(SCHEMA, 100, seed=synthgen.read_seed(table), anchor=synthgen.read_anchor(table))
    assert again.equals(table.replace_schema_metadata(again.schema.metadata))


def test_contradictions_are_refused_before_anything_is_written(tmp_path):
    for kwargs in ({"path": tmp_path / "d.csv", "format": "parquet"},
                   {"path": tmp_path / "d.txt"},
                   {"path": tmp_path / "d.csv", "compression": "gzip"},
                   {"path": tmp_path / "d.csv.gz", "compression": "none"},
                   {"path": tmp_path / "d.csv", "format": "xml"},
                   {"path": tmp_path / "nowhere" / "d.csv"}):
        with pytest.raises(synthgen.OutputFormatError):
            synthgen.write(SCHEMA, 10, **kwargs)
    assert list(tmp_path.iterdir()) == []
    assert synthgen.write(SCHEMA, 5, tmp_path / "d.txt", format="csv").format == "csv"


def test_a_failed_write_leaves_no_file_under_the_final_name(tmp_path, monkeypatch):
    from synthgen import files

    target = tmp_path / "d.csv"
    target.write_text("the previous good file")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_batches", fail)
    with pytest.raises(OSError):
        synthgen.write(SCHEMA, 10, target)
    assert target.read_text() == "the previous good file" and [p.name for p in tmp_path.iterdir()] == ["d.csv"]
