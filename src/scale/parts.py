"""Part files: one row range of one table written as a whole file, the task every cluster runs.

``write_part`` is what a Dask task (or any runner that hands out row ranges) executes: rebuild the
plan from its recipe (once per worker process), write the range under a temporary name, rename it
into place. A retried task writes the same bytes again, so a part never appears twice or torn.
``write_manifest`` records the parts once every one is in, as the last file of the output.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from src.engine.writers import FILE_EXTENSIONS, encode_header, open_writer
from src.scale.locations import is_url, put_bytes, upload
from src.scale.tasks import RangeTask, iter_calls, plan_for, split_ranges

MANIFEST = "_manifest.json"
_GATE_ENV = "SYNTHGEN_TEST_PART_GATE"  # tests only: tasks wait for a release file (see _wait_at_gate)


def part_format(fmt: str) -> str:
    """The format of each part: a JSON array cannot be split, so JSON output is written as JSON Lines."""
    return "jsonl" if fmt == "json" else fmt


def part_name(index: int, fmt: str, compression: str) -> str:
    """``part-00000.csv`` (``.gz`` when gzipped)."""
    return f"part-{index:05d}{FILE_EXTENSIONS[part_format(fmt)]}" + (".gz" if compression == "gzip" else "")


@dataclass(frozen=True)
class PartSpec:
    """One part: rows [start, start + rows) in engine calls of ``chunk_size`` rows; with
    ``segment_rows``, the calls restart at every segment of that many rows (as an API job's runner
    makes them, so Parquet row groups come out as in the job's one file)."""

    index: int
    start: int
    rows: int
    chunk_size: int
    fmt: str
    compression: str = "none"
    formula_guard: bool = False
    segment_rows: int | None = None

    def iter_tasks(self) -> Iterator[RangeTask]:
        """The part's rows as RangeTasks, one per segment (one in all without ``segment_rows``)."""
        for start, rows in split_ranges(self.rows, self.segment_rows or self.rows, self.start):
            yield RangeTask(start, rows, self.chunk_size, part_format(self.fmt))


def plan_parts(rows: int, part_rows: int, chunk_size: int, fmt: str, compression: str = "none",
               formula_guard: bool = False) -> list[PartSpec]:
    """Parts of ``part_rows`` rows (rounded up to whole chunks, so Parquet row groups line up)."""
    part_rows = max(chunk_size, -(-part_rows // chunk_size) * chunk_size)
    return [PartSpec(i, start, min(part_rows, rows - start), chunk_size, fmt, compression, formula_guard)
            for i, start in enumerate(range(0, rows, part_rows))]


def write_part(key: str, blob: bytes, out_dir: str, spec: PartSpec, metadata: dict | None = None) -> dict:
    """Write one part into ``out_dir`` (a folder every worker sees); returns its manifest entry."""
    plan = plan_for(key, blob)
    _wait_at_gate(spec.index)
    name = part_name(spec.index, spec.fmt, spec.compression)
    far = is_url(out_dir)  # a remote fsspec folder: the part is uploaded whole once written here
    final = Path(tempfile.gettempdir() if far else out_dir) / name
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    fmt = part_format(spec.fmt)
    schema = plan.arrow_schema.with_metadata(metadata) if fmt == "parquet" and metadata else plan.arrow_schema
    try:
        with open(temp, "wb") as raw:
            sink = pa.CompressedOutputStream(raw, "gzip") if spec.compression == "gzip" else raw
            with open_writer(fmt, sink, schema, spec.formula_guard) as writer:
                for task in spec.iter_tasks():
                    for batch in iter_calls(plan, task):
                        writer.write(batch.replace_schema_metadata(schema.metadata))
            if sink is not raw:
                sink.close()
        size, digest = _digest(temp)
        if far:
            upload(temp, out_dir, name)
        else:
            os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)
    return {"path": name, "index": spec.index, "first_row": spec.start, "rows": spec.rows,
            "bytes": size, "sha256": digest}


def _digest(path: Path) -> tuple[int, str]:
    """(size, sha256) of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as written:
        for block in iter(lambda: written.read(1 << 20), b""):
            digest.update(block)
    return path.stat().st_size, digest.hexdigest()


def read_done_parts(out_dir: Path, specs: list[PartSpec]) -> dict[int, dict]:
    """Manifest entries of the parts already in ``out_dir`` (a part is there only once whole)."""
    entries = {}
    for spec in specs:
        path = out_dir / part_name(spec.index, spec.fmt, spec.compression)
        if path.is_file():
            size, digest = _digest(path)
            entries[spec.index] = {"path": path.name, "index": spec.index, "first_row": spec.start,
                                   "rows": spec.rows, "bytes": size, "sha256": digest}
    return entries


def schema_hash(schema: pa.Schema) -> str:
    """sha256 of the Arrow schema (names, types, field metadata such as decimals)."""
    return hashlib.sha256(schema.remove_metadata().serialize().to_pybytes()).hexdigest()


def write_manifest(out_dir: Path, entries: list[dict], *, fmt: str, compression: str, seed: int, anchor,
                   schema: pa.Schema, chunk_size: int) -> Path:
    """``_manifest.json`` (through a temporary name): the parts in order, their rows, the schema hash."""
    entries = sorted(entries, key=lambda e: e["index"])
    if [e["index"] for e in entries] != list(range(len(entries))):
        raise RuntimeError("the parts are not one each: refusing to write the manifest")
    manifest = {
        "format": part_format(fmt), "compression": compression, "rows": sum(e["rows"] for e in entries),
        "seed": seed, "anchor": anchor.isoformat(), "schema_hash": schema_hash(schema),
        "columns": schema.names, "row_group_rows": chunk_size if fmt == "parquet" else None,
        "header_bytes": len(encode_header("csv", schema)) if fmt == "csv" else 0,  # dropped from later parts
        "parts": entries, "written_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return _write_json(out_dir, manifest)


def _write_json(out_dir, data: dict):
    """``out_dir``/_manifest.json through a temporary name (a remote folder: one whole upload), so a
    reader sees the whole file or none."""
    if is_url(out_dir):
        put_bytes(str(out_dir), MANIFEST, (json.dumps(data, indent=2) + "\n").encode())
        return f"{str(out_dir).rstrip('/')}/{MANIFEST}"
    path = Path(out_dir) / MANIFEST
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(temp, path)
    return path


def write_tables_manifest(out_dir: Path, tables: dict[str, int], *, fmt: str, seed: int, anchor) -> Path:
    """The top ``_manifest.json`` of a multi-table output (one folder of parts per table, parents
    first), written after every table's own manifest."""
    manifest = {"format": part_format(fmt), "seed": seed, "anchor": anchor.isoformat(),
                "tables": [{"name": name, "rows": rows, "manifest": f"{name}/{MANIFEST}"} for name, rows in tables.items()],
                "written_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    return _write_json(out_dir, manifest)


def remove_stray_temps(out_dir: Path) -> int:
    """Temporary part files left by attempts that died (their retry wrote the part); returns how many."""
    if is_url(out_dir):
        return 0  # remote parts are uploaded whole: their temporary files stayed on the workers
    stray = list(Path(out_dir).glob(".part-*.tmp"))
    for path in stray:
        path.unlink(missing_ok=True)
    return len(stray)


def _wait_at_gate(index: int) -> None:
    """Tests: announce this attempt (``started-<part>-<pid>``) and wait until ``release`` (every
    part) or ``release-<part>`` exists."""
    gate = os.environ.get(_GATE_ENV)
    if not gate:
        return
    folder = Path(gate)
    (folder / f"started-{index}-{os.getpid()}").touch()
    deadline = time.monotonic() + 300
    while not ((folder / "release").exists() or (folder / f"release-{index}").exists()) \
            and time.monotonic() < deadline:
        time.sleep(0.02)


__all__ = ["MANIFEST", "PartSpec", "part_name", "plan_parts", "read_done_parts", "write_manifest", "write_part"]
