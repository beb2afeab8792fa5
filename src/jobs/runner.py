"""One run of a job: from its committed progress to its output, one byte-sized segment at a time.

Generation runs on a generator thread, one *segment* (several consecutive user chunks) per step, in
engine calls of about JOB_SEGMENT_BYTES each (from the plan's estimated row size, at most
JOB_SEGMENT_ROWS rows). A writer thread (src/jobs/pipeline.py) stores each segment atomically, then
``chunks_completed`` is committed to SQLite on the event loop, then the rows stream into the output.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from src.config import Settings
from src.engine import DatasetPlan
from src.errors import JobNotFoundError, StorageError
from src.jobs.cluster_parts import ClusterParts, run_on_cluster
from src.jobs.gate import SegmentGate
from src.jobs.in_place import InPlacePipeline, list_calls, open_in_place, recover_in_place, writes_in_place
from src.jobs.models import JobRecord
from src.jobs.pipeline import OutputPart, OutputPipeline, SegmentPart, WriterStopped, get_file_extension
from src.jobs.relational import table_slots
from src.jobs.store import JobStore, utc_now
from src.jobs.versioning import restart_if_version_changed
from src.scale.segments import create_segment_source, job_recipe
from src.schemas.api import JobStatus
from src.storage import StorageHandler, count_contiguous_chunks

logger = logging.getLogger("synthgen.jobs")

PlanFactory = Callable[[dict[str, Any], int | None, datetime | None, dict[str, Any] | None], Any]


@dataclass
class RunControl:
    """What the event loop asks of a running job; read by the run between segments."""

    stop: str | None = None  # "pause" | "cancel" | "delete" | "shutdown"
    error: Exception | None = None  # committing progress failed: the run ends failed


# A run stopped for one of these must not move the job's progress any more.
_HALTING = {"pause", "cancel", "delete"}


class JobRunner:
    """Runs jobs' generation on its own thread pools (one generator and one writer per slot)."""

    def __init__(self, store: JobStore, storage: StorageHandler, settings: Settings, plan_factory: PlanFactory,
                 deleted: set[str]):
        self.store = store
        self.storage = storage
        self.settings = settings
        self._plan_factory = plan_factory
        self._deleted = deleted  # the manager's: a deleted job never starts generating
        slots, nice = settings.job_max_concurrent_jobs, (settings.job_thread_nice,)
        self._generate_pool = ThreadPoolExecutor(slots, "synthgen-generate", _lower_thread_priority, nice)
        self._write_pool = ThreadPoolExecutor(slots, "synthgen-write", _lower_thread_priority, nice)
        self._abandon = threading.Event()  # set on shutdown: test-gate waits give up
        self._gate = SegmentGate(settings.synthgen_test_gate_dir) if settings.synthgen_test_gate_dir else None
        self._source = create_segment_source(settings.job_workers, settings.dask_scheduler_address)  # JOB_WORKERS
        self._cluster = ClusterParts(settings.dask_scheduler_address) if settings.dask_scheduler_address else None

    def shutdown_gate(self) -> None:
        """Let test-gate waits give up, so runs can stop for a shutdown."""
        self._abandon.set()

    def shutdown(self) -> None:
        """Stop the pools (steps already running end on their own)."""
        self.shutdown_gate()
        self._generate_pool.shutdown(wait=False, cancel_futures=True)
        self._write_pool.shutdown(wait=False, cancel_futures=True)
        self._source.close()
        if self._cluster is not None:
            self._cluster.close()

    async def generate(self, job_id: str, control: RunControl) -> None:
        """Run the job from its committed progress until done or ``control.stop`` is set."""
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
        job = await loop.run_in_executor(self._generate_pool, restart_if_version_changed, self.store,
                                         self.storage, job)
        # A job on the cluster keeps no segments: its parts say how far it is (src/jobs/cluster_parts.py).
        recover = (lambda: recover_in_place(self.storage, job)) if writes_in_place(self.storage, job) else \
            (lambda: self._recover_segments(job))  # a text file written in place keeps no segments
        done = job.chunks_completed if job.parts_dir else await loop.run_in_executor(self._generate_pool, recover)
        if done != job.chunks_completed:
            logger.info("job %s: %d chunk(s) stored of %d recorded; continuing from chunk %d",
                        job_id, done, job.chunks_completed, done)
            self.store.update(job_id, chunks_completed=done)
        logger.info("job %s generating from chunk %d of %d", job_id, done, job.total_chunks)

        seconds = job.generation_seconds
        segment_base = 0  # segments of the tables before this one: the test gate counts across tables
        parts = _list_parts(job, plan)
        if job.parts_dir is not None:  # written as part files by the cluster's workers
            seconds = await run_on_cluster(self, job, parts, lambda part: job_recipe(
                self._plan_factory, job, pools, plan, part), control, _HALTING)
            if seconds is None:
                return
            parts = []
        for part in parts:
            if self._source.needs_recipe:
                part.recipe = job_recipe(self._plan_factory, job, pools, plan, part)
            rows_per_call, per_segment = self._size_segments(part.plan, job)
            if done < part.end_chunk or self.storage.output_size(job_id, part.suffix) is None:
                seconds = await self._run_part(job, part, control, seconds, done, segment_base)
                if seconds is None:
                    # Stopped before this output was whole. Not `control.stop`: a resume may have
                    # cleared it since, and the manager then queues a fresh run for the job.
                    return
                done = max(done, part.end_chunk)
            segment_base += math.ceil((part.end_chunk - part.first_chunk) / per_segment)
        if job.target is not None:  # the same rows (made again from the plan) into the named database
            from src.databases.jobs import load_job_into_target

            hold = None if self._gate is None else \
                (lambda step: self._gate.wait(f"{job_id}-load", step, self._abandon))  # tests: load steps
            await loop.run_in_executor(self._generate_pool, load_job_into_target, job, plan, self.settings, hold)
        self.store.update(job_id, status=JobStatus.COMPLETED, completed_at=utc_now())
        logger.info("job %s completed: %d rows in %.2f s of generation", job_id, job.total_rows, seconds)
        # Only now: until COMPLETED is committed, a restart rebuilds the output from these segments.
        # (Multi-table previews are made again from the plan, so none of their segments is kept.)
        if job.tables is None:
            await loop.run_in_executor(self._generate_pool, self.storage.discard_segments_except_first, job_id)
        else:
            await loop.run_in_executor(self._generate_pool, self.storage.discard_segments_from, job_id, 0)

    async def _run_part(self, job: JobRecord, part: OutputPart, control: RunControl, seconds: float,
                        done: int, segment_base: int) -> float | None:
        """Generate and write one output (the job's file, or one table's) over its chunk range;
        returns the job's generation seconds so far, or None when the run stopped before the output
        was complete (its partial file is discarded)."""
        loop = asyncio.get_running_loop()
        job_id = job.id

        # A second thread stores each generated segment, commits the progress, and streams the rows
        # into the output file (as the CLI overlaps generating and writing). The output is rebuilt
        # from the stored segments on every run, so a stopped run simply throws its file away; a
        # text file written in place (in_place.py) is kept and cut back to its committed bytes.
        def commit_progress(chunks_stored: int, seconds: float, output_bytes: int | None = None) -> None:
            # Once pause, cancel or delete has answered, the job's progress stays where it was: a
            # segment stored after that is past the committed count, so the next run drops it.
            if control.stop in _HALTING or control.error is not None:
                return
            written = {} if output_bytes is None else {"output_bytes": output_bytes}  # in place: its bytes
            try:
                self.store.update(job_id, chunks_completed=chunks_stored, generation_seconds=seconds, **written)
            except JobNotFoundError:
                pass
            except Exception as exc:
                control.error = exc

        def on_stored(*progress) -> None:
            loop.call_soon_threadsafe(commit_progress, *progress)

        done = max(part.first_chunk, min(part.end_chunk, done))
        rows_per_call, per_segment = self._size_segments(part.plan, job)
        stream = None
        if writes_in_place(self.storage, job):
            opened = await loop.run_in_executor(self._generate_pool, open_in_place, self.storage, job, part, done)
            output = InPlacePipeline(self.storage, job, part, seconds, on_stored, opened, done)
            try:
                stream = output.stream = self._source.open_stream(
                    job_id, part, opened, list_calls(part, job.chunk_size, done, per_segment, rows_per_call),
                    job.output_format, job.csv_formula_guard)
            except BaseException:
                opened.close()
                raise
            stored = None
        else:
            output = OutputPipeline(self.storage, job, part, seconds, on_stored=on_stored)
            stored = await loop.run_in_executor(self._generate_pool, self.storage.list_segments, job_id)
            stored = [seg for seg in stored if part.first_chunk <= seg.first_chunk < part.end_chunk]
        writing = asyncio.wrap_future(self._write_pool.submit(output.run, stored))
        try:
            while done < part.end_chunk and not control.stop and control.error is None:
                n_chunks = min(per_segment, part.end_chunk - done)
                try:
                    generated = await loop.run_in_executor(
                        self._generate_pool, self._generate_segment, part, job, done, n_chunks, rows_per_call,
                        output, control, segment_base + (done - part.first_chunk) // per_segment)
                except WriterStopped:
                    await writing  # raises the writer's own error
                    raise StorageError("the output writer stopped early") from None
                if generated:
                    done += n_chunks
            if control.error is not None:
                raise control.error
            if control.stop:
                return None
            try:
                await loop.run_in_executor(self._generate_pool, output.finish)
            except WriterStopped:
                pass  # the writer's own error is raised just below
            await writing
            if control.error is not None:
                raise control.error
        finally:
            self._source.release(job_id)
            if stream is not None:  # waits for workers still writing: none lands after this run
                await loop.run_in_executor(self._generate_pool, stream.close)
            if not writing.done():
                output.abort()
                await asyncio.wait([writing])
                if not writing.cancelled():
                    writing.exception()  # expected _OutputAborted; retrieved so it is not logged
        return output.generation_seconds

    async def _build_text_pools(self, job: JobRecord) -> dict[str, Any]:
        from src.databases.existing_parents import split_given_rows
        from src.llm.pools import build_job_text_pools

        result = await build_job_text_pools(split_given_rows(job.schema)[0], self.settings)  # one table or several
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

    def _generate_segment(self, part: OutputPart, job: JobRecord, first_chunk: int, n_chunks: int,
                          rows_per_call: int, output: OutputPipeline, control: RunControl,
                          segment_index: int) -> bool:
        """Generate one segment in engine calls of at most ``rows_per_call`` rows, handing each to
        the writer; False when the run was stopped before it began."""
        if control.stop:
            return False
        if self._gate is not None:  # tests: stands for an engine call in progress (not cut short)
            self._gate.wait(job.id, segment_index, self._abandon)
        start_row = (first_chunk - part.first_chunk) * job.chunk_size
        n_rows = min(n_chunks * job.chunk_size, part.rows - start_row)
        calls = max(1, math.ceil(n_rows / rows_per_call))
        for call in range(calls):
            offset = call * rows_per_call
            size = min(rows_per_call, n_rows - offset)
            started = time.perf_counter()
            stream = getattr(output, "stream", None)
            if stream is not None:  # the workers write the rows into the output themselves
                written = stream.write(start_row + offset, size)
                output.put(SegmentPart(first_chunk, n_chunks, None, time.perf_counter() - started,
                                       last=call == calls - 1, rows=size, written=written))
                continue
            batch = self._source.batch(job.id, part, start_row + offset, size)
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


def _needs_text_pools(schema: dict[str, Any]) -> bool:
    from src.llm.pools import needs_text_pools

    return needs_text_pools(schema)


def _list_parts(job: JobRecord, plan: Any) -> list[OutputPart]:
    """The job's outputs: its one file, or one per table (parents first) over their chunk ranges."""
    if job.tables is None:
        return [OutputPart(plan, get_file_extension(job.output_format), 0, job.total_chunks, job.total_rows)]
    return [OutputPart(plan.tables[s.name].plan, s.suffix(job.output_format), s.first_chunk, s.end_chunk, s.rows)
            for s in table_slots(job.tables, job.chunk_size)]
