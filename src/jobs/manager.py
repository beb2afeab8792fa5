"""The asyncio job manager: queues jobs, runs at most JOB_MAX_CONCURRENT_JOBS, survives restarts.

A job's rows are a pure function of (schema, seed, anchor, text pools, row range), all stored in
SQLite when the job is created (a seed is drawn when none is given). Each run (src/jobs/runner.py)
stores segments and commits progress; on start-up every unfinished job drops the segments past its
committed count and carries on from there, so each row is written exactly once. A stopped run (pause,
cancel, delete, shutdown) is never re-queued; only a resume can start the job again. A run that fails,
even when the store cannot record it, ends the job `failed` with its reason and frees its slot.
A multi-table job (src/jobs/relational.py) numbers its chunks across its tables, parents first.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any

from src.config import Settings
from src.engine import DatasetPlan, compile_schema, draw_seed
from src.engine.relational import RelationalPlan, compile_relational
from src.engine.unique_pools import list_job_warnings
from src.errors import (
    InvalidJobTransitionError,
    JobNotFoundError,
    Problem,
    SchemaValidationError,
    StorageError,
)
from src.databases.existing_parents import split_given_rows
from src.databases.jobs import add_target_parents, check_target_name
from src.jobs.cluster_parts import choose_parts_dir, remove_parts
from src.jobs.models import JobRecord
from src.jobs.outputs import JobOutputs
from src.jobs.relational import list_output_suffixes
from src.jobs.runner import PlanFactory, RunControl, JobRunner
from src.jobs.quotas import check_queue_room, check_size, estimate_peak_bytes
from src.jobs.store import JobStore, utc_now
from src.schemas.api import JobCreateRequest, JobStatus
from src.schemas.fields import DatasetSchema
from src.schemas.relational import RelationalSchema, is_relational
from src.storage import StorageHandler

logger = logging.getLogger("synthgen.jobs")

def compile_plan(schema: dict[str, Any] | DatasetSchema, seed: int | None, anchor: datetime | None,
                 text_pools: dict[str, Any] | None) -> DatasetPlan | RelationalPlan:
    """Compile a schema document (one table, or several: a RelationalPlan) with the engine."""
    if is_relational(schema):
        schema, given = split_given_rows(schema)  # parents only in the job's target: their rows as read
        return compile_relational(schema, seed=seed, anchor=anchor, text_pools=text_pools, fixed=given)
    return compile_schema(schema, seed=seed, anchor=anchor, text_pools=text_pools)


class JobManager(JobOutputs):
    """Creates, runs, controls and cleans up generation jobs."""

    def __init__(self, store: JobStore, storage: StorageHandler, settings: Settings,
                 plan_factory: PlanFactory = compile_plan):
        self.store = store
        self.storage = storage
        self.settings = settings
        self._plan_factory = plan_factory
        self._queue: deque[str] = deque()
        self._running: dict[str, tuple[asyncio.Task, RunControl]] = {}
        self._cleanup_task: asyncio.Task | None = None
        self._started = False
        self._closing = False
        self._deleted: set[str] = set()  # deleted in this process: never queued or run again
        self._runner = JobRunner(store, storage, settings, plan_factory, self._deleted)
        self._failures: dict[str, str] = {}  # failed runs whose status the store could not take yet
        self._store_retry: asyncio.Future | None = None
        self._reserved: dict[str, int] = {}  # memory storage: estimated peak bytes of unfinished jobs
        self._preview_plans: dict[str, Any] = {}  # multi-table previews: a few compiled plans

    # Life cycle

    async def start(self) -> None:
        """Recover jobs a previous process left unfinished, start them, and schedule cleanup."""
        await self.cleanup_old_jobs()
        self.store.close_open_runs()  # the time this server was down is not run time
        for job_id in self.store.ids_with_status(JobStatus.COMPLETED):
            if self.store.get_summary(job_id).parts_dir is not None:
                continue  # written on the cluster: its parts are in DASK_OUTPUT_PATH, checked at download
            suffixes = list_output_suffixes(self.store.get_summary(job_id))
            if any(self.storage.output_size(job_id, suffix) is None for suffix in suffixes):
                self.store.update(job_id, status=JobStatus.FAILED,
                                  error_message=f"output lost when the server restarted (STORAGE_TYPE="
                                                f"{self.storage.kind})")
            elif self.store.get_summary(job_id).tables is None:  # a crash right after COMPLETED may
                self.storage.discard_segments_except_first(job_id)  # have left its segments behind
            else:  # multi-table previews are made again from the plan: no segment is kept
                self.storage.discard_segments_from(job_id, 0)
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
        self._runner.shutdown_gate()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        self._runner.shutdown()
        if self._store_retry is not None:
            await asyncio.wait([self._store_retry], timeout=timeout)
        self._record_failures()  # last chance to store them before the store closes

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
        warnings: list[str] = []
        if tables and request.total_rows is not None:
            if schema_doc["tables"][0].get("rows_per_parent") is not None:
                raise SchemaValidationError.single("total_rows", "the first table's rows come from its "
                                                                 "rows_per_parent: leave total_rows out")
            first = schema_doc["tables"][0]
            if first.get("rows") not in (None, request.total_rows):  # said, so a user is not surprised
                warnings.append(f"total_rows ({request.total_rows}) replaces the rows ({first['rows']}) of the "
                                f"first table '{first['name']}'")
            first["rows"] = request.total_rows  # total_rows: the first table's rows
        # No seed given: draw one and store it, so the dataset can be reproduced and two unseeded
        # jobs never make the same rows.
        seed = next((s for s in (request.seed, request.schema_.seed) if s is not None), None)
        seed = draw_seed() if seed is None else seed
        target = check_target_name(request.target, self.settings)
        schema_doc = await asyncio.to_thread(add_target_parents, schema_doc, target, self.settings)
        try:
            plan = await asyncio.to_thread(self._plan_factory, schema_doc, seed, None, None)
            if not tables:
                plan.check_row_count(request.total_rows)
            total_rows = plan.total_rows if tables else request.total_rows
            if tables and not 0 < total_rows <= self.settings.max_rows:
                raise SchemaValidationError.single(
                    "total_rows", f"the tables hold {total_rows} rows in all ({plan.rows_per_table}); a "
                                  f"job holds 1 to MAX_ROWS ({self.settings.max_rows})")
            check_size(plan, total_rows, self.settings, self.storage, sum(self._reserved.values()))
            warnings.extend(list_job_warnings(plan, total_rows))
        except SchemaValidationError as exc:
            # The engine names places inside the schema; the request nests it under "schema".
            raise SchemaValidationError([
                Problem(p.loc if p.loc.startswith(("schema", "total_rows")) else f"schema.{p.loc}".rstrip("."),
                        p.message)
                for p in exc.problems]) from None
        check_queue_room(self.store, self.settings, total_rows)  # no await until the insert
        now, job_id = utc_now(), str(uuid.uuid4())
        job = JobRecord(
            id=job_id, status=JobStatus.PENDING, schema=schema_doc,
            total_rows=total_rows, chunk_size=request.chunk_size,
            output_format=request.output_format, seed=int(plan.seed), anchor=plan.anchor,
            created_at=now, updated_at=now, csv_formula_guard=request.csv_formula_guard,
            tables=plan.rows_per_table if tables else None, name=request.name,
            sql_dialect=request.sql_dialect, target=target,
            parts_dir=choose_parts_dir(self.settings, job_id, request.output_format, target), warnings=warnings,
        )
        self.store.insert(job)
        if self.storage.kind == "memory":
            self._reserved[job.id] = estimate_peak_bytes(plan, job.total_rows)
        logger.info("job %s created: %d rows, chunk %d, %s, seed %d", job.id, job.total_rows,
                    job.chunk_size, job.output_format, job.seed)
        self._queue.append(job.id)
        self._schedule()
        return self.get_job(job.id)

    def get_job(self, job_id: str) -> JobRecord:
        """The job's summary (no schema); JobNotFoundError when there is none."""
        return self._with_failure(self.store.get_summary(job_id))

    def list_jobs(self, limit: int = 50, status: JobStatus | None = None, offset: int = 0) -> list[JobRecord]:
        """Job summaries newest first, optionally only one status, after the first ``offset``."""
        return [self._with_failure(job) for job in self.store.list(limit=limit, status=status, offset=offset)]

    def count_jobs(self, status: JobStatus | None = None) -> int:
        """How many jobs ``list_jobs`` pages through."""
        return self.store.count(status)

    def _with_failure(self, job: JobRecord) -> JobRecord:
        """A failed run the store could not record yet is reported failed all the same."""
        reason = self._failures.get(job.id)
        if reason is None:
            return job
        return dataclasses.replace(job, status=JobStatus.FAILED, error_message=reason)

    @property
    def database_state(self) -> str:
        """"ok", or "error: ..." after a failed write. While in error, a retry runs on a worker thread
        (never on the event loop: a locked file can block a write for DATABASE_BUSY_TIMEOUT_SECONDS)."""
        if self.store.state != "ok":
            self._retry_store_soon()
        return self.store.state

    def _retry_store_soon(self) -> None:
        """Record pending failures (or probe the file) on a worker thread, one attempt at a time."""
        if self._store_retry is None or self._store_retry.done():
            self._store_retry = asyncio.get_running_loop().run_in_executor(None, self._retry_store)

    def _retry_store(self) -> None:
        self._record_failures()
        if not self._failures:
            try:
                self.store.probe_write()
            except Exception:
                pass  # still failing: store.state keeps the reason

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
        job = self.get_job(job_id)
        self._deleted.add(job_id)
        self._stop_run(job_id, "delete")
        entry = self._running.get(job_id)
        if entry is not None:
            await asyncio.wait([entry[0]])
        self._reserved.pop(job_id, None)
        self._failures.pop(job_id, None)
        self.store.delete(job_id)  # leaves a tombstone: a crash before the next line is cleaned on start
        await asyncio.to_thread(self.storage.delete_job, job_id)
        if job.parts_dir is not None:  # the run has ended, its tasks were cancelled
            await asyncio.to_thread(remove_parts, Path(job.parts_dir))
        self.store.forget_deleted(job_id)
        self._preview_plans.pop(job_id, None)
        logger.info("job %s deleted", job_id)

    # Scheduling

    def _live_run(self, job_id: str) -> RunControl | None:
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
            self._retry_store_soon()
        while self._started and not self._closing and len(self._running) < self.settings.job_max_concurrent_jobs:
            # A job whose previous run is still winding down waits for that run's end.
            job_id = next((j for j in self._queue if j not in self._running), None)
            if job_id is None:
                return
            self._queue.remove(job_id)
            if job_id in self._deleted:
                continue
            control = RunControl()
            task = asyncio.create_task(self._run_job(job_id, control), name=f"job-{job_id}")
            self._running[job_id] = (task, control)
            task.add_done_callback(lambda _t, j=job_id, c=control: self._on_run_done(j, c))

    def _on_run_done(self, job_id: str, control: RunControl) -> None:
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
        self._retry_store_soon()

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

    # Running

    async def _run_job(self, job_id: str, control: RunControl) -> None:
        logger.info("job %s: run started", job_id)
        try:
            await self._runner.generate(job_id, control)
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
