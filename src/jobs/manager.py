"""The asyncio job manager: queues jobs, runs at most JOB_MAX_CONCURRENT_JOBS, survives restarts.

A job's rows are a pure function of (schema, seed, anchor, text pools, row range), all stored in
SQLite when the job is created. Generation runs in worker threads, one *segment* (several consecutive
user chunks, up to JOB_SEGMENT_ROWS rows) per engine call. After a segment's file is atomically in
storage, ``chunks_completed`` is committed to SQLite. On start-up every unfinished job drops the
segments past its committed count and carries on from there, so each row is written exactly once.
Meanwhile a second thread streams the rows through the engine's writer into the output file (as the
CLI overlaps generating and writing); each run rebuilds that file from the stored segments first.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from src.config import Settings
from src.engine import DatasetPlan, compile_schema
from src.engine.writers import CONTENT_TYPES, FILE_EXTENSIONS, open_writer
from src.errors import (
    InvalidJobTransitionError,
    JobNotFoundError,
    Problem,
    SchemaValidationError,
    StorageError,
)
from src.engine.relational import RelationalPlan, compile_relational
from src.jobs.models import JobRecord
from src.jobs.relational import TableSlot, iter_zip, table_slots
from src.jobs.store import JobStore, utc_now
from src.schemas.api import JobCreateRequest, JobStatus
from src.schemas.fields import DatasetSchema
from src.schemas.relational import RelationalSchema, is_relational
from src.storage import SegmentRef, StorageHandler, count_contiguous_chunks

logger = logging.getLogger("synthgen.jobs")

PlanFactory = Callable[[dict[str, Any], int | None, datetime | None, dict[str, Any] | None], DatasetPlan]


def compile_plan(schema: dict[str, Any] | DatasetSchema, seed: int | None, anchor: datetime | None,
                 text_pools: dict[str, Any] | None) -> DatasetPlan | RelationalPlan:
    """Compile a schema document (one table, or several: a RelationalPlan) with the engine."""
    if is_relational(schema):
        return compile_relational(schema, seed=seed, anchor=anchor)
    return compile_schema(schema, seed=seed, anchor=anchor, text_pools=text_pools)


def get_file_extension(output_format: str) -> str:
    """The output file's extension without its dot."""
    return FILE_EXTENSIONS[output_format].lstrip(".")


@dataclass
class Download:
    """A finished output, ready to stream."""

    filename: str
    media_type: str
    size: int | None  # None: streamed without a known length (a multi-table zip)
    path: Path | None
    blocks: Callable[[], Iterator[bytes]]


@dataclass
class _RunControl:
    """What the event loop asks of a running job; read by the run between segments."""

    stop: str | None = None  # "pause" | "cancel" | "delete" | "shutdown"


class JobManager:
    """Creates, runs, controls and cleans up generation jobs."""

    def __init__(self, store: JobStore, storage: StorageHandler, settings: Settings,
                 plan_factory: PlanFactory = compile_plan):
        self.store = store
        self.storage = storage
        self.settings = settings
        self._plan_factory = plan_factory
        self._queue: deque[str] = deque()
        self._running: dict[str, tuple[asyncio.Task, _RunControl]] = {}
        self._cleanup_task: asyncio.Task | None = None
        # Own pools: each running job always has one thread to generate and one to write with.
        slots, nice = settings.job_max_concurrent_jobs, (settings.job_thread_nice,)
        self._generate_pool = ThreadPoolExecutor(slots, "synthgen-generate", _lower_thread_priority, nice)
        self._write_pool = ThreadPoolExecutor(slots, "synthgen-write", _lower_thread_priority, nice)
        self._started = False
        self._closing = False
        self._preview_plans: dict[str, Any] = {}  # multi-table previews: a few compiled plans

    # Life cycle

    async def start(self) -> None:
        """Recover jobs a previous process left unfinished, start them, and schedule cleanup."""
        await self.cleanup_old_jobs()
        for job_id in self.store.ids_with_status(JobStatus.COMPLETED):
            if any(self.storage.output_size(job_id, suffix) is None for suffix in _suffixes(self.store.get(job_id))):
                self.store.update(job_id, status=JobStatus.FAILED,
                                  error_message=f"output lost when the server restarted (STORAGE_TYPE="
                                                f"{self.storage.kind})")
            else:  # a crash right after COMPLETED may have left its segments behind
                self.storage.discard_segments_except_first(job_id)
        unfinished = self.store.ids_with_status(JobStatus.GENERATING, JobStatus.PENDING)
        for job_id in unfinished:
            self.store.update(job_id, status=JobStatus.PENDING)
            self._queue.append(job_id)
        if unfinished:
            logger.info("resuming %d unfinished job(s)", len(unfinished))
        self._started = True
        self._schedule()
        self._cleanup_task = asyncio.create_task(self._cleanup_periodically())

    async def shutdown(self, timeout: float = 30.0) -> None:
        """Stop running jobs after their current segment; they stay `generating` and resume on start."""
        self._closing = True
        if self._cleanup_task:
            self._cleanup_task.cancel()
        tasks = []
        for task, control in self._running.values():
            control.stop = control.stop or "shutdown"
            tasks.append(task)
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        self._generate_pool.shutdown(wait=False, cancel_futures=True)
        self._write_pool.shutdown(wait=False, cancel_futures=True)

    @property
    def running_count(self) -> int:
        return len(self._running)

    @property
    def pending_count(self) -> int:
        return len(self._queue)

    # Requests

    async def create_job(self, request: JobCreateRequest) -> JobRecord:
        """Validate and queue a job; SchemaValidationError names every problem."""
        problems = []
        if request.total_rows is not None and request.total_rows > self.settings.max_rows:
            problems.append(Problem("total_rows", f"must be at most MAX_ROWS ({self.settings.max_rows})"))
        if request.chunk_size > self.settings.max_chunk_size:
            problems.append(Problem("chunk_size",
                                    f"must be at most MAX_CHUNK_SIZE ({self.settings.max_chunk_size})"))
        tables = isinstance(request.schema_, RelationalSchema)
        if request.total_rows is None and not tables:
            problems.append(Problem("total_rows", "is required for a one-table schema"))
        if problems:
            raise SchemaValidationError(problems)
        schema_doc = request.schema_.model_dump(mode="json")
        if tables and request.total_rows is not None:
            if schema_doc["tables"][0].get("rows_per_parent") is not None:
                raise SchemaValidationError.single("total_rows", "the first table's rows come from its "
                                                                 "rows_per_parent: leave total_rows out")
            schema_doc["tables"][0]["rows"] = request.total_rows  # total_rows: the first table's rows
        try:
            plan = await asyncio.to_thread(self._plan_factory, schema_doc, request.seed, None, None)
            if not tables:
                plan.check_row_count(request.total_rows)
        except SchemaValidationError as exc:
            # The engine names places inside the schema; the request nests it under "schema".
            raise SchemaValidationError([
                Problem(p.loc if p.loc.startswith("schema") else f"schema.{p.loc}".rstrip("."), p.message)
                for p in exc.problems]) from None
        total_rows = plan.total_rows if tables else request.total_rows
        if tables and not 0 < total_rows <= self.settings.max_rows:
            raise SchemaValidationError.single(
                "total_rows", f"the tables hold {total_rows} rows in all ({plan.rows_per_table}); a job "
                              f"holds 1 to MAX_ROWS ({self.settings.max_rows})")
        now = utc_now()
        job = JobRecord(
            id=str(uuid.uuid4()), status=JobStatus.PENDING, schema=schema_doc,
            total_rows=total_rows, chunk_size=request.chunk_size,
            output_format=request.output_format, seed=int(plan.seed), anchor=plan.anchor,
            created_at=now, updated_at=now, tables=plan.rows_per_table if tables else None,
        )
        self.store.insert(job)
        logger.info("job %s created: %d rows, chunk %d, %s", job.id, job.total_rows, job.chunk_size,
                    job.output_format)
        self._queue.append(job.id)
        self._schedule()
        return self.store.get(job.id)

    def get_job(self, job_id: str) -> JobRecord:
        """The job's record; JobNotFoundError when there is none."""
        return self.store.get(job_id)

    def list_jobs(self, limit: int = 50, status: JobStatus | None = None) -> list[JobRecord]:
        """Jobs newest first, optionally only one status."""
        return self.store.list(limit=limit, status=status)

    def pause_job(self, job_id: str) -> JobRecord:
        """Pending or generating -> paused (a running job stops after its current segment)."""
        job = self.store.get(job_id)
        if job.status == JobStatus.PAUSED:
            return job
        if job.status not in (JobStatus.PENDING, JobStatus.GENERATING):
            raise InvalidJobTransitionError(f"cannot pause a {job.status.value} job")
        self._stop_run(job_id, "pause")
        self.store.update(job_id, status=JobStatus.PAUSED)
        logger.info("job %s paused", job_id)
        return self.store.get(job_id)

    def resume_job(self, job_id: str) -> JobRecord:
        """Paused -> pending (queued), or straight back to generating if its run has not stopped yet."""
        job = self.store.get(job_id)
        if job.status in (JobStatus.PENDING, JobStatus.GENERATING):
            return job
        if job.status != JobStatus.PAUSED:
            raise InvalidJobTransitionError(f"cannot resume a {job.status.value} job")
        live = self._live_run(job_id)
        if live is not None:
            live.stop = None
            self.store.update(job_id, status=JobStatus.GENERATING)
        else:
            self.store.update(job_id, status=JobStatus.PENDING)
            self._queue.append(job_id)
            self._schedule()
        logger.info("job %s resumed", job_id)
        return self.store.get(job_id)

    def cancel_job(self, job_id: str) -> JobRecord:
        """Pending, generating or paused -> cancelled. Its chunks stay (previewable) until deleted."""
        job = self.store.get(job_id)
        if job.status == JobStatus.CANCELLED:
            return job
        if job.status.is_final:
            raise InvalidJobTransitionError(f"cannot cancel a {job.status.value} job")
        self._stop_run(job_id, "cancel")
        self.store.update(job_id, status=JobStatus.CANCELLED, completed_at=utc_now())
        logger.info("job %s cancelled", job_id)
        return self.store.get(job_id)

    async def delete_job(self, job_id: str) -> None:
        """Stop the job if it runs, then remove its record and every file."""
        self.store.get(job_id)
        self._stop_run(job_id, "delete")
        entry = self._running.get(job_id)
        if entry is not None:
            await asyncio.wait([entry[0]])
        self.store.delete(job_id)
        await asyncio.to_thread(self.storage.delete_job, job_id)
        logger.info("job %s deleted", job_id)

    async def read_preview(self, job_id: str, n_rows: int,
                           table: str | None = None) -> tuple[JobRecord, list[str], list[dict[str, Any]]]:
        """The first ``n_rows`` rows generated so far (works while the job runs); multi-table jobs:
        of ``table`` (default: the first), made again from the job's plan (the same rows)."""
        job = self.store.get(job_id)
        if job.tables is not None:
            return (job, *await asyncio.to_thread(self._preview_table, job, n_rows, table))
        if table is not None:
            raise SchemaValidationError.single("table", "this job has one table: leave table out")
        table = await asyncio.to_thread(self.storage.read_head, job_id, n_rows)
        if table is None:
            columns = [f["name"] for f in job.schema.get("fields", [])]
            return job, columns, []
        return job, table.column_names, table.to_pylist()

    def _preview_table(self, job: JobRecord, n_rows: int, table: str | None) -> tuple[list[str], list[dict]]:
        slot = self._slot(job, table)
        plan = self._preview_plans.get(job.id)
        if plan is None:  # its own plan: the running job's plan is used by its generator thread
            plan = self._plan_factory(job.schema, job.seed, job.anchor, job.text_pools)
            self._preview_plans = {**dict(list(self._preview_plans.items())[-3:]), job.id: plan}
        done = slot.rows_done(job.chunks_completed, job.chunk_size)
        batch = plan.tables[slot.name].generate_chunk(0, min(n_rows, done))
        return batch.schema.names, batch.to_pylist()

    @staticmethod
    def _slot(job: JobRecord, table: str | None) -> TableSlot:
        slots = table_slots(job.tables, job.chunk_size)
        if table is None:
            return slots[0]
        for slot in slots:
            if slot.name == table:
                return slot
        raise SchemaValidationError.single("table", f"unknown table {table!r}: this job has "
                                                    f"{', '.join(s.name for s in slots)}")

    def get_download(self, job_id: str, table: str | None = None) -> Download:
        """The finished output; InvalidJobTransitionError until the job is completed. A multi-table
        job gives a zip of one file per table, or ``table``'s file alone."""
        job = self.store.get(job_id)
        if job.status != JobStatus.COMPLETED:
            raise InvalidJobTransitionError(
                f"job is {job.status.value}; the download is ready when it is completed")
        if job.tables is not None:
            return self._tables_download(job, table)
        if table is not None:
            raise SchemaValidationError.single("table", "this job has one table: leave table out")
        suffix = get_file_extension(job.output_format)
        size = self.storage.output_size(job_id, suffix)
        if size is None:
            self.store.update(job_id, status=JobStatus.FAILED, error_message="output file is missing")
            raise InvalidJobTransitionError("the job's output file is missing; job marked failed")
        return Download(
            filename=f"synthetic_{job_id}.{suffix}",
            media_type=CONTENT_TYPES[job.output_format],
            size=size,
            path=self.storage.output_file(job_id, suffix),
            blocks=lambda: self.storage.iter_output(job_id, suffix),
        )

    def _tables_download(self, job: JobRecord, table: str | None) -> Download:
        slots = [self._slot(job, table)] if table is not None else table_slots(job.tables, job.chunk_size)
        sizes = {s.name: self.storage.output_size(job.id, s.suffix(job.output_format)) for s in slots}
        if any(size is None for size in sizes.values()):
            self.store.update(job.id, status=JobStatus.FAILED, error_message="an output file is missing")
            raise InvalidJobTransitionError("a table's output file is missing; job marked failed")
        if table is not None:
            slot, suffix = slots[0], slots[0].suffix(job.output_format)
            return Download(filename=slot.file_name(job.output_format), media_type=CONTENT_TYPES[job.output_format],
                            size=sizes[slot.name], path=self.storage.output_file(job.id, suffix),
                            blocks=lambda: self.storage.iter_output(job.id, suffix))
        files = [(s.file_name(job.output_format),
                  lambda suffix=s.suffix(job.output_format): self.storage.iter_output(job.id, suffix))
                 for s in slots]
        return Download(filename=f"synthetic_{job.id}.zip", media_type="application/zip", size=None,
                        path=None, blocks=lambda: iter_zip(files))

    async def cleanup_old_jobs(self) -> int:
        """Remove finished jobs older than JOB_CLEANUP_DAYS (0 = keep forever) and orphaned files."""
        removed = 0
        if self.settings.job_cleanup_days > 0:
            cutoff = utc_now() - timedelta(days=self.settings.job_cleanup_days)
            for job_id in self.store.ids_finished_before(cutoff):
                if job_id in self._running:
                    continue
                await asyncio.to_thread(self.storage.delete_job, job_id)
                try:
                    self.store.delete(job_id)
                except JobNotFoundError:
                    continue
                removed += 1
        orphans = await asyncio.to_thread(self.storage.job_ids)
        for job_id in orphans - self.store.all_ids():
            await asyncio.to_thread(self.storage.delete_job, job_id)
        if removed:
            logger.info("cleanup removed %d job(s) older than %d days", removed, self.settings.job_cleanup_days)
        return removed

    # Scheduling

    def _live_run(self, job_id: str) -> _RunControl | None:
        entry = self._running.get(job_id)
        if entry is None or entry[0].done():
            return None
        return entry[1]

    def _stop_run(self, job_id: str, reason: str) -> None:
        try:
            self._queue.remove(job_id)
        except ValueError:
            pass
        entry = self._running.get(job_id)
        if entry is not None:
            entry[1].stop = reason

    def _schedule(self) -> None:
        """Start queued jobs while slots are free (only between start() and shutdown())."""
        while self._started and not self._closing and len(self._running) < self.settings.job_max_concurrent_jobs:
            # A job whose previous run is still winding down waits for that run's end.
            job_id = next((j for j in self._queue if j not in self._running), None)
            if job_id is None:
                return
            self._queue.remove(job_id)
            control = _RunControl()
            task = asyncio.create_task(self._run_job(job_id, control), name=f"job-{job_id}")
            self._running[job_id] = (task, control)
            task.add_done_callback(lambda _t, j=job_id: self._on_run_done(j))

    def _on_run_done(self, job_id: str) -> None:
        self._running.pop(job_id, None)
        if not self._closing and job_id not in self._queue:
            # A resume that raced with the end of a paused run leaves the job wanting to run.
            try:
                status = self.store.get(job_id).status
            except JobNotFoundError:
                status = None
            if status in (JobStatus.PENDING, JobStatus.GENERATING):
                self.store.update(job_id, status=JobStatus.PENDING)
                self._queue.append(job_id)
        self._schedule()

    async def _cleanup_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.settings.job_cleanup_interval_seconds)
            try:
                await self.cleanup_old_jobs()
            except Exception:
                logger.exception("job cleanup failed")

    # Running

    async def _run_job(self, job_id: str, control: _RunControl) -> None:
        try:
            await self._generate(job_id, control)
        except JobNotFoundError:
            return
        except Exception as exc:
            logger.exception("job %s failed", job_id)
            if control.stop is None:
                try:
                    self.store.update(job_id, status=JobStatus.FAILED, error_message=str(exc) or type(exc).__name__)
                except JobNotFoundError:
                    pass

    async def _generate(self, job_id: str, control: _RunControl) -> None:
        job = self.store.get(job_id)
        if control.stop or job.status not in (JobStatus.PENDING, JobStatus.GENERATING):
            return
        self.store.update(job_id, status=JobStatus.GENERATING, started_at=job.started_at or utc_now())
        pools = job.text_pools
        if pools is None and _needs_text_pools(job.schema):
            pools = await self._build_text_pools(job)
            if control.stop:
                return
        loop = asyncio.get_running_loop()
        plan = await loop.run_in_executor(self._generate_pool, self._plan_factory, job.schema, job.seed,
                                          job.anchor, pools or None)
        done = await loop.run_in_executor(self._generate_pool, self._recover_segments, job)
        if done != job.chunks_completed:
            logger.info("job %s: %d chunk(s) stored of %d recorded; continuing from chunk %d",
                        job_id, done, job.chunks_completed, done)
            self.store.update(job_id, chunks_completed=done)
        logger.info("job %s generating from chunk %d of %d", job_id, done, job.total_chunks)

        parts = _parts(job, plan)
        seconds = job.generation_seconds
        for part in parts:
            if done >= part.end_chunk and self.storage.output_size(job_id, part.suffix) is not None:
                continue  # a table finished by an earlier run
            seconds = await self._run_part(job, part, control, seconds, done)
            if control.stop:
                return
            done = max(done, part.end_chunk)
        self.store.update(job_id, status=JobStatus.COMPLETED, completed_at=utc_now())
        logger.info("job %s completed: %d rows in %.2f s of generation", job_id, job.total_rows, seconds)
        # Only now: until COMPLETED is committed, a restart rebuilds the output from these segments.
        # (Multi-table previews are made again from the plan, so none of their segments is kept.)
        if job.tables is None:
            await loop.run_in_executor(self._generate_pool, self.storage.discard_segments_except_first, job_id)
        else:
            await loop.run_in_executor(self._generate_pool, self.storage.discard_segments_from, job_id, 0)

    async def _run_part(self, job: JobRecord, part: _Part, control: _RunControl, seconds: float,
                        done: int) -> float:
        """Generate and write one output (the job's file, or one table's) over its chunk range;
        returns the job's generation seconds so far."""
        loop = asyncio.get_running_loop()
        job_id = job.id

        # A second thread stores each generated segment, commits the progress, and streams the rows
        # into the output file (as the CLI overlaps generating and writing). The output is rebuilt
        # from the stored segments on every run, so a stopped run simply throws its file away.
        def commit_progress(chunks_stored: int, seconds: float) -> None:  # on the event loop
            try:
                self.store.update(job_id, chunks_completed=chunks_stored, generation_seconds=seconds)
            except JobNotFoundError:
                pass

        output = _OutputPipeline(self.storage, job, part, seconds,
                                 on_stored=lambda *progress: loop.call_soon_threadsafe(commit_progress, *progress))
        stored = await loop.run_in_executor(self._generate_pool, self.storage.list_segments, job_id)
        stored = [seg for seg in stored if part.first_chunk <= seg.first_chunk < part.end_chunk]
        done = max(part.first_chunk, min(part.end_chunk, done))
        writing = asyncio.wrap_future(self._write_pool.submit(output.run, stored))
        per_segment = max(1, self.settings.job_segment_rows // job.chunk_size)
        try:
            while done < part.end_chunk and not control.stop:
                n_chunks = min(per_segment, part.end_chunk - done)
                try:
                    await loop.run_in_executor(self._generate_pool, self._generate_segment, part, job, done,
                                               n_chunks, output)
                except _WriterStopped:
                    await writing  # raises the writer's own error
                    raise StorageError("the output writer stopped early") from None
                done += n_chunks
            if control.stop:
                return output.generation_seconds
            try:
                await loop.run_in_executor(self._generate_pool, output.finish)
            except _WriterStopped:
                pass  # the writer's own error is raised just below
            await writing
        finally:
            if not writing.done():
                output.abort()
                await asyncio.wait([writing])
                if not writing.cancelled():
                    writing.exception()  # expected _OutputAborted; retrieved so it is not logged
        return output.generation_seconds

    async def _build_text_pools(self, job: JobRecord) -> dict[str, Any]:
        from src.llm.pools import build_text_pools

        result = await build_text_pools(DatasetSchema.model_validate(job.schema), self.settings)
        self.store.update(job.id, text_pools=result.pools, llm_calls=result.llm_calls,
                          tokens_used=result.tokens_used)
        return result.pools

    def _recover_segments(self, job: JobRecord) -> int:
        """Keep only the unbroken run of segments within the committed chunk count; return its length.

        Segments past a missing one are dropped too, so they are regenerated rather than written twice.
        """
        self.storage.discard_segments_from(job.id, job.chunks_completed)
        done = min(count_contiguous_chunks(self.storage.list_segments(job.id)), job.chunks_completed)
        self.storage.discard_segments_from(job.id, done)
        return done

    def _generate_segment(self, part: _Part, job: JobRecord, first_chunk: int, n_chunks: int,
                          output: _OutputPipeline) -> None:
        start_row = (first_chunk - part.first_chunk) * job.chunk_size
        n_rows = min(n_chunks * job.chunk_size, part.rows - start_row)
        started = time.perf_counter()
        batch = part.plan.generate_chunk(start_row, n_rows)
        elapsed = time.perf_counter() - started
        if batch.num_rows != n_rows:
            raise StorageError(f"engine returned {batch.num_rows} rows for a {n_rows}-row segment")
        output.put((first_chunk, n_chunks, batch, elapsed))


class _OutputAborted(Exception):
    """The run stopped before the output was complete; its partial file is discarded."""


class _WriterStopped(Exception):
    """The writer thread ended (with an error) while generation still had segments for it."""


_END = object()


class _OutputPipeline:
    """The writer side of a run: stores segments, reports progress, streams rows into the output.

    ``run`` (on a writer thread) first writes the segments already stored, then takes each
    ``(first_chunk, n_chunks, batch, seconds spent generating it)`` handed to ``put``: the segment is
    stored atomically, then ``on_stored(chunks stored, total generation seconds)`` is called, then its
    rows go into the output, until ``finish``.
    The queue is short, so generation waits for a slow writer (bounded memory), as the CLI does.
    ``abort`` drops whatever is still queued and discards the partial output.
    """

    def __init__(self, storage: StorageHandler, job: JobRecord, part: _Part, generation_seconds: float,
                 on_stored: Callable[[int, float], object]):
        self.storage = storage
        self.job = job
        self.part = part
        self.plan = part.plan
        self.on_stored = on_stored
        self.items: queue.Queue = queue.Queue(maxsize=2)
        self.aborted = threading.Event()
        self.stopped = threading.Event()
        self.rows_written = 0
        self.generation_seconds = generation_seconds

    def run(self, stored: list[SegmentRef]) -> int:
        try:
            with self.storage.output_writer(self.job.id, self.part.suffix) as sink, \
                    open_writer(self.job.output_format, sink, self.plan.arrow_schema) as writer:
                for segment in stored:
                    self._check_aborted()
                    self._write(writer, self.storage.read_segment(self.job.id, segment))
                while (item := self.items.get()) is not _END:
                    self._check_aborted()
                    first_chunk, n_chunks, batch, seconds = item
                    self.storage.write_segment(self.job.id, first_chunk, n_chunks, batch)
                    self.generation_seconds += seconds
                    self.on_stored(first_chunk + n_chunks, self.generation_seconds)
                    self._write(writer, batch)
                self._check_aborted()
                if self.rows_written != self.part.rows:
                    raise StorageError(f"wrote {self.rows_written} rows, expected {self.part.rows}")
            return self.rows_written
        finally:
            self.stopped.set()

    def _check_aborted(self) -> None:
        if self.aborted.is_set():
            raise _OutputAborted

    def _write(self, writer, data: pa.Table | pa.RecordBatch) -> None:
        for batch in (data.to_batches() if isinstance(data, pa.Table) else [data]):
            writer.write(batch)
        self.rows_written += data.num_rows

    def put(self, item: object) -> None:
        """Hand the writer the next segment; waits while it is behind; no-op once it has stopped."""
        while not self.stopped.is_set():
            try:
                self.items.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        if not self.aborted.is_set():
            raise _WriterStopped

    def finish(self) -> None:
        self.put(_END)

    def abort(self) -> None:
        """Stop the writer at its next step (never blocks)."""
        self.aborted.set()
        try:
            self.items.put_nowait(_END)  # wakes a writer waiting on an empty queue
        except queue.Full:
            pass


@dataclass
class _Part:
    """One output of a job over its chunk range: the whole job, or one table of a multi-table job."""

    plan: DatasetPlan
    suffix: str
    first_chunk: int
    end_chunk: int
    rows: int


def _parts(job: JobRecord, plan: DatasetPlan | RelationalPlan) -> list[_Part]:
    if job.tables is None:
        return [_Part(plan, get_file_extension(job.output_format), 0, job.total_chunks, job.total_rows)]
    return [_Part(plan.tables[s.name].plan, s.suffix(job.output_format), s.first_chunk, s.end_chunk, s.rows)
            for s in table_slots(job.tables, job.chunk_size)]


def _suffixes(job: JobRecord) -> list[str]:
    """Every output file suffix of a job."""
    if job.tables is None:
        return [get_file_extension(job.output_format)]
    return [s.suffix(job.output_format) for s in table_slots(job.tables, job.chunk_size)]


def _lower_thread_priority(nice: int) -> None:
    """Raise this worker thread's nice value (Linux: per thread) so the event loop thread wins the CPU."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except OSError:
        logger.debug("could not lower the priority of a worker thread")


def _needs_text_pools(schema: dict[str, Any]) -> bool:
    return any((f.get("constraints") or {}).get("llm_generated") for f in schema.get("fields", []))
