"""API jobs written as part files by a Dask cluster (DASK_SCHEDULER_ADDRESS + DASK_OUTPUT_PATH).

Each task writes one part of one table (``DASK_OUTPUT_PATH/<job id>/part-00000.csv``; a multi-table
job has a folder per table, parents first) under a temporary name renamed when whole. Progress is the
chunks of the parts completed so far. A run that stops (pause, cancel, delete, shutdown) cancels the
tasks not done; the next run submits only the parts missing from the folder (a part is there only
whole, under its final name, and a retry writes the same bytes), so no part is written twice or
missed, after a worker's death or the API's. ``_manifest.json`` is written last, per table (and one
listing the tables for a multi-table job).
"""

from __future__ import annotations

import asyncio
import logging
import math
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from src.engine.version import OUTPUT_VERSION
from src.errors import JobNotFoundError, StorageError
from src.jobs.models import JobRecord
from src.jobs.pipeline import OutputPart
from src.scale.parts import PartSpec, read_done_parts, remove_stray_temps, write_manifest, write_tables_manifest

logger = logging.getLogger("synthgen.jobs")

PART_FORMATS = ("csv", "json", "jsonl", "parquet")  # sql scripts and database targets stay in the API
_VERSION_FILE = ".synthgen-output-version"


def choose_parts_dir(settings: Any, job_id: str, output_format: str, target: str | None) -> str | None:
    """The folder a new job's parts go to, or None when the API writes the job's file itself."""
    if not settings.dask_scheduler_address or settings.dask_output_path is None:
        return None
    if output_format not in PART_FORMATS or target is not None:
        return None
    return str(Path(settings.dask_output_path).resolve() / job_id)


def table_folder(job: JobRecord, table: str | None) -> Path:
    """Where one table's parts are (the job's folder itself for a one-table job)."""
    return Path(job.parts_dir) / table if table is not None else Path(job.parts_dir)


def remove_parts(folder: Path, attempts: int = 20) -> None:
    """Remove a job's parts folder. A task cancelled while already running may still rename its part
    in during the removal (never after: tasks never create the folder), so the removal is repeated."""
    for _ in range(attempts):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)
    shutil.rmtree(folder)


def job_part_specs(job: JobRecord, rows: int, rows_per_call: int, per_segment: int, part_rows: int) -> list[PartSpec]:
    """Parts of whole segments, each segment made in the runner's engine calls, so every part (and a
    Parquet file rebuilt from them) holds the row groups of the job's one file."""
    segment_rows = per_segment * job.chunk_size
    part_rows = max(segment_rows, -(-part_rows // segment_rows) * segment_rows)
    return [PartSpec(i, start, min(part_rows, rows - start), rows_per_call, job.output_format, "none",
                     job.csv_formula_guard, segment_rows)
            for i, start in enumerate(range(0, rows, part_rows))]


class ClusterParts:
    """The job runner's connection to the cluster (made on first use, closed at shutdown)."""

    def __init__(self, address: str):
        self.address = address
        self._client = None
        self._lock = threading.Lock()  # jobs' generator threads share one client

    def write_table(self, recipe: tuple[str, bytes], out_dir: Path, specs: list[PartSpec],
                    on_entry: Callable[[dict], object], should_stop: Callable[[], bool]) -> bool:
        """Submit the parts and wait for them (blocking); False when stopped first."""
        from src.scale.dask_runner import collect_parts, submit_parts

        with self._lock:
            if self._client is None:
                from src.scale.dask_client import open_client

                self._client = open_client(self.address)
        futures = submit_parts(self._client, *recipe, out_dir, specs)
        return collect_parts(self._client, futures, on_entry, should_stop)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def prepare_folder(folder: Path) -> None:
    """Create the job's folder; parts made by another engine output version are dropped first."""
    marker = folder / _VERSION_FILE
    if folder.exists() and (not marker.exists() or marker.read_text().strip() != str(OUTPUT_VERSION)):
        logger.warning("dropping the parts in %s: made by another output version", folder)
        remove_parts(folder)
    folder.mkdir(parents=True, exist_ok=True)
    marker.write_text(f"{OUTPUT_VERSION}\n")


async def run_on_cluster(runner: Any, job: JobRecord, parts: list[OutputPart], recipe_for: Callable[[OutputPart], Any],
                         control: Any, halting: set[str]) -> float | None:
    """Write every output of ``job`` as parts on the cluster; the generation seconds, or None when the
    run stopped first. ``recipe_for(part)`` gives the (key, blob) a worker rebuilds the plan from."""
    if runner._cluster is None:
        raise StorageError("this job is written as part files on a Dask cluster: set DASK_SCHEDULER_ADDRESS "
                           "(and DASK_OUTPUT_PATH) to carry it on")
    loop = asyncio.get_running_loop()
    pool = runner._generate_pool
    root = Path(job.parts_dir)
    await loop.run_in_executor(pool, prepare_folder, root)
    names = list(job.tables) if job.tables is not None else [None]
    seconds, started = job.generation_seconds, time.perf_counter()

    def commit(chunks: int) -> None:  # on the event loop; nothing moves once pause/cancel answered
        if control.stop in halting or control.error is not None:
            return
        try:
            runner.store.update(job.id, chunks_completed=chunks,
                                generation_seconds=seconds + time.perf_counter() - started)
        except JobNotFoundError:
            pass
        except Exception as exc:
            control.error = exc

    for name, part in zip(names, parts):
        out_dir = table_folder(job, name)
        out_dir.mkdir(exist_ok=True)
        rows_per_call, per_segment = runner._size_segments(part.plan, job)
        specs = job_part_specs(job, part.rows, rows_per_call, per_segment, runner.settings.dask_part_rows)
        entries = await loop.run_in_executor(pool, read_done_parts, out_dir, specs)
        chunks = {s.index: math.ceil(s.rows / job.chunk_size) for s in specs}

        def progress(entries=entries, chunks=chunks, first=part.first_chunk) -> int:
            return first + sum(chunks[i] for i in list(entries))

        def take(entry: dict, entries=entries, progress=progress) -> None:  # on the waiting thread
            entries[entry["index"]] = entry
            loop.call_soon_threadsafe(commit, progress())

        commit(progress())
        missing = [s for s in specs if s.index not in entries]
        if missing:
            recipe = recipe_for(part)
            if recipe is None:
                raise StorageError("this job's plan cannot be sent to the Dask cluster")
            finished = await loop.run_in_executor(pool, runner._cluster.write_table, recipe, out_dir, missing, take,
                                                  lambda: control.stop is not None or control.error is not None)
            if control.error is not None:
                raise control.error
            if not finished:
                return None
        await loop.run_in_executor(pool, _finish_table, out_dir, entries, job, part, rows_per_call)
    if job.tables is not None:
        await loop.run_in_executor(pool, lambda: write_tables_manifest(root, job.tables, fmt=job.output_format,
                                                                       seed=job.seed, anchor=job.anchor))
    logger.info("job %s: %d rows written as parts in %s", job.id, job.total_rows, root)
    return seconds + time.perf_counter() - started


def _finish_table(out_dir: Path, entries: dict, job: JobRecord, part: OutputPart, rows_per_call: int) -> None:
    remove_stray_temps(out_dir)
    write_manifest(out_dir, list(entries.values()), fmt=job.output_format, compression="none", seed=part.plan.seed,
                   anchor=part.plan.anchor, schema=part.plan.arrow_schema, chunk_size=rows_per_call)
