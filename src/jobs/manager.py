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
import dataclasses
import logging
import math
import os
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

from src.config import Settings
from src.engine import DatasetPlan, compile_schema, draw_seed
from src.engine.writers import CONTENT_TYPES
from src.errors import (
    InvalidJobTransitionError,
    JobNotFoundError,
    Problem,
    SchemaValidationError,
    StorageError,
)
from src.jobs.gate import SegmentGate
from src.jobs.models import JobRecord
from src.jobs.pipeline import OutputPipeline, SegmentPart, WriterStopped, get_file_extension
from src.jobs.store import JobStore, utc_now
from src.schemas.api import JobCreateRequest, JobStatus
from src.schemas.fields import DatasetSchema
from src.storage import StorageHandler, count_contiguous_chunks

logger = logging.getLogger("synthgen.jobs")

PlanFactory = Callable[[dict[str, Any], int | None, datetime | None, dict[str, Any] | None], DatasetPlan]


def compile_plan(schema: dict[str, Any] | DatasetSchema, seed: int | None, anchor: datetime | None,
                 text_pools: dict[str, Any] | None) -> DatasetPlan:
    """Compile a schema document with the engine."""
    return compile_schema(schema, seed=seed, anchor=anchor, text_pools=text_pools)


@dataclass
class Download:
    """A finished output, ready to stream."""

    filename: str
    media_type: str
    size: int
    path: Path | None
    blocks: Callable[[], Iterator[bytes]]


@dataclass
class _RunControl:
    """What the event loop asks of a running job; read by the run between segments."""

    stop: str | None = None  # "pause" | "cancel" | "delete" | "shutdown"
    error: Exception | None = None  # committing progress failed: the run ends failed


# A run stopped for one of these must not move the job's progress any more.
_HALTING = {"pause", "cancel", "delete"}


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
        self._abandon = threading.Event()  # set on shutdown: test-gate waits give up
        self._gate = SegmentGate(settings.synthgen_test_gate_dir) if settings.synthgen_test_gate_dir else None
        self._deleted: set[str] = set()  # deleted in this process: never queued or run again
        self._failures: dict[str, str] = {}  # failed runs whose status the store could not take yet
        self._reserved: dict[str, int] = {}  # memory storage: estimated peak bytes of unfinished jobs

    # Life cycle

    async def start(self) -> None:
        """Recover jobs a previous process left unfinished, start them, and schedule cleanup."""
        await self.cleanup_old_jobs()
        for job_id in self.store.ids_with_status(JobStatus.COMPLETED):
            suffix = get_file_extension(self.store.get(job_id).output_format)
            if self.storage.output_size(job_id, suffix) is None:
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
        self._abandon.set()
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
        if request.total_rows > self.settings.max_rows:
            problems.append(Problem("total_rows", f"must be at most MAX_ROWS ({self.settings.max_rows})"))
        if request.chunk_size > self.settings.max_chunk_size:
            problems.append(Problem("chunk_size",
                                    f"must be at most MAX_CHUNK_SIZE ({self.settings.max_chunk_size})"))
        if problems:
            raise SchemaValidationError(problems)
        schema_doc = request.schema_.model_dump(mode="json")
        # No seed given: draw one and store it, so the dataset can be reproduced and two unseeded
        # jobs never make the same rows.
        seed = next((s for s in (request.seed, request.schema_.seed) if s is not None), None)
        seed = draw_seed() if seed is None else seed
        try:
            plan = await asyncio.to_thread(self._plan_factory, schema_doc, seed, None, None)
            plan.check_row_count(request.total_rows)
            self._check_size(plan, request)
        except SchemaValidationError as exc:
            # The engine names places inside the schema; the request nests it under "schema".
            raise SchemaValidationError([
                Problem(p.loc if p.loc.startswith(("schema", "total_rows")) else f"schema.{p.loc}".rstrip("."),
                        p.message)
                for p in exc.problems]) from None
        now = utc_now()
        job = JobRecord(
            id=str(uuid.uuid4()), status=JobStatus.PENDING, schema=schema_doc,
            total_rows=request.total_rows, chunk_size=request.chunk_size,
            output_format=request.output_format, seed=int(plan.seed), anchor=plan.anchor,
            created_at=now, updated_at=now,
        )
        self.store.insert(job)
        if self.storage.kind == "memory":
            self._reserved[job.id] = _estimate_peak_bytes(plan, job.total_rows)
        logger.info("job %s created: %d rows, chunk %d, %s, seed %d", job.id, job.total_rows,
                    job.chunk_size, job.output_format, job.seed)
        self._queue.append(job.id)
        self._schedule()
        return self.get_job(job.id)

    def _check_size(self, plan: DatasetPlan, request: JobCreateRequest) -> None:
        """Refuse rows wider than MAX_ROW_BYTES, and (memory storage) a dataset that cannot fit."""
        row_bytes = plan.estimated_row_bytes
        if row_bytes > self.settings.max_row_bytes:
            raise SchemaValidationError.single(
                "schema.fields", f"one row takes about {row_bytes} bytes; the limit is MAX_ROW_BYTES "
                                 f"({self.settings.max_row_bytes}): use fewer or shorter fields")
        if self.storage.kind != "memory":
            return
        need = _estimate_peak_bytes(plan, request.total_rows)
        cap = self.settings.memory_storage_max_bytes
        held = getattr(self.storage, "used_bytes", 0) + sum(self._reserved.values())
        if held + need > cap:
            raise SchemaValidationError.single(
                "total_rows", f"{request.total_rows} rows need about {need} bytes of memory storage; "
                              f"{max(0, cap - held)} of MEMORY_STORAGE_MAX_BYTES ({cap}) are free: ask "
                              "for fewer rows, delete finished jobs, or use STORAGE_TYPE=disk")

    def get_job(self, job_id: str) -> JobRecord:
        """The job's summary (no schema); JobNotFoundError when there is none."""
        return self._with_failure(self.store.get_summary(job_id))

    def list_jobs(self, limit: int = 50, status: JobStatus | None = None) -> list[JobRecord]:
        """Job summaries newest first, optionally only one status."""
        return [self._with_failure(job) for job in self.store.list(limit=limit, status=status)]

    def _with_failure(self, job: JobRecord) -> JobRecord:
        """A failed run the store could not record yet is reported failed all the same."""
        reason = self._failures.get(job.id)
        if reason is None:
            return job
        return dataclasses.replace(job, status=JobStatus.FAILED, error_message=reason)

    @property
    def database_state(self) -> str:
        """"ok", or "error: ..." after a failed write (retried here, so a recovered file shows ok)."""
        if self.store.state != "ok":
            self._record_failures()
        return self.store.state

    def pause_job(self, job_id: str) -> JobRecord:
        """Pending or generating -> paused. A running job stops after its current segment, and its
        progress does not move once this answers."""
        job = self.get_job(job_id)
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
        job = self.get_job(job_id)
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
        job = self.get_job(job_id)
        if job.status == JobStatus.CANCELLED:
            return job
        if job.status.is_final:
            raise InvalidJobTransitionError(f"cannot cancel a {job.status.value} job")
        self._stop_run(job_id, "cancel")
        self._reserved.pop(job_id, None)
        self.store.update(job_id, status=JobStatus.CANCELLED, completed_at=utc_now())
        logger.info("job %s cancelled", job_id)
        return self.store.get(job_id)

    async def delete_job(self, job_id: str) -> None:
        """Stop the job's run and wait for it to end, then remove its record and every file.

        Once this returns nothing of the job runs, is queued, or stays on disk.
        """
        self.get_job(job_id)
        self._deleted.add(job_id)
        self._stop_run(job_id, "delete")
        entry = self._running.get(job_id)
        if entry is not None:
            await asyncio.wait([entry[0]])
        self._reserved.pop(job_id, None)
        self._failures.pop(job_id, None)
        self.store.delete(job_id)  # leaves a tombstone: a crash before the next line is cleaned on start
        await asyncio.to_thread(self.storage.delete_job, job_id)
        self.store.forget_deleted(job_id)
        logger.info("job %s deleted", job_id)

    async def read_preview(self, job_id: str, n_rows: int) -> tuple[JobRecord, list[str], list[dict[str, Any]]]:
        """The first ``n_rows`` rows generated so far (works while the job runs)."""
        job = self.get_job(job_id)
        table = await asyncio.to_thread(self.storage.read_head, job_id, n_rows)
        if table is None:
            return job, list(job.field_names or []), []
        return job, table.column_names, table.to_pylist()

    def get_download(self, job_id: str) -> Download:
        """The finished output; InvalidJobTransitionError until the job is completed."""
        job = self.get_job(job_id)
        if job.status != JobStatus.COMPLETED:
            raise InvalidJobTransitionError(
                f"job is {job.status.value}; the download is ready when it is completed")
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

    async def cleanup_old_jobs(self) -> int:
        """Remove finished jobs older than JOB_CLEANUP_DAYS (0 = keep forever), and the files of jobs
        the store records as deleted. Files of jobs the store does not know are left alone."""
        removed = 0
        if self.settings.job_cleanup_days > 0:
            cutoff = utc_now() - timedelta(days=self.settings.job_cleanup_days)
            for job_id in self.store.ids_finished_before(cutoff):
                if job_id in self._running:
                    continue
                try:
                    self.store.delete(job_id)
                except JobNotFoundError:
                    continue
                logger.info("job %s expired (finished more than %d days ago): removing it and its files",
                            job_id, self.settings.job_cleanup_days)
                removed += 1
        for job_id in self.store.deleted_ids():
            await asyncio.to_thread(self.storage.delete_job, job_id)
            self.store.forget_deleted(job_id)
            logger.info("removed the files of deleted job %s", job_id)
        if not self._started:  # once per process: say which files are not ours to remove
            unknown = await asyncio.to_thread(self.storage.job_ids)
            unknown -= self.store.all_ids()
            if unknown:
                logger.warning("left alone the files of %d job(s) this database does not know: %s",
                               len(unknown), ", ".join(sorted(unknown)[:10]))
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
        if entry is not None and entry[1].stop != "delete":
            entry[1].stop = reason

    def _schedule(self) -> None:
        """Start queued jobs while slots are free (only between start() and shutdown())."""
        if self._failures:
            self._record_failures()
        while self._started and not self._closing and len(self._running) < self.settings.job_max_concurrent_jobs:
            # A job whose previous run is still winding down waits for that run's end.
            job_id = next((j for j in self._queue if j not in self._running), None)
            if job_id is None:
                return
            self._queue.remove(job_id)
            if job_id in self._deleted:
                continue
            control = _RunControl()
            task = asyncio.create_task(self._run_job(job_id, control), name=f"job-{job_id}")
            self._running[job_id] = (task, control)
            task.add_done_callback(lambda _t, j=job_id, c=control: self._on_run_done(j, c))

    def _on_run_done(self, job_id: str, control: _RunControl) -> None:
        self._running.pop(job_id, None)
        try:
            # Only a resume that raced with the end of a paused run (it clears `stop`) leaves the
            # job wanting to run again; a deleted, cancelled, paused or failed job never re-runs.
            if (not self._closing and control.stop is None and job_id not in self._queue
                    and job_id not in self._deleted and job_id not in self._failures):
                status = self.store.get_summary(job_id).status
                if status in (JobStatus.PENDING, JobStatus.GENERATING):
                    self.store.update(job_id, status=JobStatus.PENDING)
                    self._queue.append(job_id)
                else:
                    self._reserved.pop(job_id, None)
        except JobNotFoundError:
            pass
        except Exception as exc:  # the store failed: the job ends failed, the queue goes on
            self._record_failure(job_id, f"the job could not be re-queued: {exc}")
        finally:
            self._schedule()

    def _record_failure(self, job_id: str, reason: str) -> None:
        """Mark the job failed; kept in memory (and reported) until the store takes it."""
        self._failures[job_id] = reason
        self._reserved.pop(job_id, None)
        self._record_failures()

    def _record_failures(self) -> None:
        for job_id, reason in list(self._failures.items()):
            try:
                self.store.update(job_id, status=JobStatus.FAILED, error_message=reason,
                                  completed_at=utc_now())
            except JobNotFoundError:
                pass
            except Exception:
                return  # the store still fails; retried on the next scheduling or health check
            self._failures.pop(job_id, None)

    async def _cleanup_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.settings.job_cleanup_interval_seconds)
            try:
                await self.cleanup_old_jobs()
            except Exception:
                logger.exception("job cleanup failed")

    # Running

    async def _run_job(self, job_id: str, control: _RunControl) -> None:
        logger.info("job %s: run started", job_id)
        try:
            await self._generate(job_id, control)
        except JobNotFoundError:
            return
        except Exception as exc:
            if control.stop is not None:
                logger.info("job %s: its stopped run ended with %s", job_id, exc)
                return
            if isinstance(exc, StorageError):
                logger.error("job %s failed: %s", job_id, exc)
            else:
                logger.exception("job %s failed", job_id)
            self._record_failure(job_id, str(exc) or type(exc).__name__)

    async def _generate(self, job_id: str, control: _RunControl) -> None:
        job = self.store.get(job_id)
        if control.stop or job_id in self._deleted or job.status not in (JobStatus.PENDING, JobStatus.GENERATING):
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

        # A second thread stores each generated segment, commits the progress, and streams the rows
        # into the output file (as the CLI overlaps generating and writing). The output is rebuilt
        # from the stored segments on every run, so a stopped run simply throws its file away.
        def commit_progress(chunks_stored: int, seconds: float) -> None:  # on the event loop
            # Once pause, cancel or delete has answered, the job's progress stays where it was: a
            # segment stored after that is past the committed count, so the next run drops it.
            if control.stop in _HALTING or control.error is not None:
                return
            try:
                self.store.update(job_id, chunks_completed=chunks_stored, generation_seconds=seconds)
            except JobNotFoundError:
                pass
            except Exception as exc:
                control.error = exc

        output = OutputPipeline(self.storage, job, plan,
                                on_stored=lambda *progress: loop.call_soon_threadsafe(commit_progress, *progress))
        stored = await loop.run_in_executor(self._generate_pool, self.storage.list_segments, job_id)
        writing = asyncio.wrap_future(self._write_pool.submit(output.run, stored))
        total_chunks = job.total_chunks
        rows_per_call, per_segment = self._size_segments(plan, job)
        try:
            while done < total_chunks and not control.stop and control.error is None:
                n_chunks = min(per_segment, total_chunks - done)
                try:
                    generated = await loop.run_in_executor(
                        self._generate_pool, self._generate_segment, plan, job, done, n_chunks, rows_per_call,
                        output, control, done // per_segment)
                except WriterStopped:
                    await writing  # raises the writer's own error
                    raise StorageError("the output writer stopped early") from None
                if generated:
                    done += n_chunks
            if control.error is not None:
                raise control.error
            if control.stop:
                return
            try:
                await loop.run_in_executor(self._generate_pool, output.finish)
            except WriterStopped:
                pass  # the writer's own error is raised just below
            await writing
            if control.error is not None:
                raise control.error
        finally:
            if not writing.done():
                output.abort()
                await asyncio.wait([writing])
                if not writing.cancelled():
                    writing.exception()  # expected _OutputAborted; retrieved so it is not logged
        if control.stop:
            return
        self.store.update(job_id, status=JobStatus.COMPLETED, completed_at=utc_now())
        self._reserved.pop(job_id, None)
        logger.info("job %s completed: %d rows in %.2f s of generation", job_id, job.total_rows,
                    output.generation_seconds)
        # Only now: until COMPLETED is committed, a restart rebuilds the output from these segments.
        await loop.run_in_executor(self._generate_pool, self.storage.discard_segments_except_first, job_id)

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

    def _size_segments(self, plan: DatasetPlan, job: JobRecord) -> tuple[int, int]:
        """(rows per engine call, user chunks per segment), from the plan's estimated row size:
        each engine call makes about JOB_SEGMENT_BYTES (at most JOB_SEGMENT_ROWS rows)."""
        by_bytes = self.settings.job_segment_bytes // max(1, plan.estimated_row_bytes)
        rows_per_call = max(1, min(self.settings.job_segment_rows, by_bytes))
        return rows_per_call, max(1, rows_per_call // job.chunk_size)

    def _generate_segment(self, plan: DatasetPlan, job: JobRecord, first_chunk: int, n_chunks: int,
                          rows_per_call: int, output: OutputPipeline, control: _RunControl,
                          segment_index: int) -> bool:
        """Generate one segment in engine calls of at most ``rows_per_call`` rows, handing each to
        the writer; False when the run was stopped before it began."""
        if control.stop:
            return False
        if self._gate is not None:  # tests: stands for an engine call in progress (not cut short)
            self._gate.wait(job.id, segment_index, self._abandon)
        start_row = first_chunk * job.chunk_size
        n_rows = min(n_chunks * job.chunk_size, job.total_rows - start_row)
        calls = max(1, math.ceil(n_rows / rows_per_call))
        for call in range(calls):
            offset = call * rows_per_call
            size = min(rows_per_call, n_rows - offset)
            started = time.perf_counter()
            batch = plan.generate_chunk(start_row + offset, size)
            elapsed = time.perf_counter() - started
            if batch.num_rows != size:
                raise StorageError(f"engine returned {batch.num_rows} rows for a {size}-row call")
            output.put(SegmentPart(first_chunk, n_chunks, batch, elapsed, last=call == calls - 1))
        return True


def _lower_thread_priority(nice: int) -> None:
    """Raise this worker thread's nice value (Linux: per thread) so the event loop thread wins the CPU."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except OSError:
        logger.debug("could not lower the priority of a worker thread")


def _estimate_peak_bytes(plan: DatasetPlan, total_rows: int) -> int:
    """Memory storage holds a running job's segments and its output at once: about twice its rows."""
    return 2 * total_rows * plan.estimated_row_bytes


def _needs_text_pools(schema: dict[str, Any]) -> bool:
    return any((f.get("constraints") or {}).get("llm_generated") for f in schema.get("fields", []))
