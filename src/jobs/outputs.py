"""What a job leaves behind: previews and downloads of its rows, and the cleanup of expired and deleted jobs.

Mixed into JobManager (``self.store``, ``self.storage``, ``self.settings``, ``self._running``, ...)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from src.engine.writers import CONTENT_TYPES
from src.errors import InvalidJobTransitionError, JobNotFoundError, SchemaValidationError
from src.jobs.cluster_parts import remove_parts
from src.jobs.file_names import build_download_name
from src.jobs.part_downloads import parts_download
from src.jobs.models import JobRecord
from src.jobs.pipeline import Download, get_file_extension
from src.jobs.preview_fields import describe_preview_fields
from src.jobs.relational import find_slot, preview_table, tables_download
from src.jobs.store import utc_now
from src.schemas.api import JobStatus

logger = logging.getLogger("synthgen.jobs")


class JobOutputs:
    """Previews, downloads and cleanup for the job manager."""

    async def read_preview(self, job_id: str, n_rows: int, table: str | None = None
                           ) -> tuple[JobRecord, list[str], list[dict[str, Any]], list[dict[str, Any]]]:
        """The first ``n_rows`` rows generated so far (works while the job runs) and each column's type
        and decimals (``describe_preview_fields``); multi-table jobs: of ``table`` (default: the first),
        made again from the job's plan (the same rows)."""
        job = self.get_job(job_id)
        rows = await asyncio.to_thread(self._read_head, job, n_rows, table)
        columns = rows.schema.names if rows is not None else list(job.field_names or [])
        shown = find_slot(job, table).name if job.tables is not None else None
        fields = describe_preview_fields(self.store.get(job.id).schema, shown, columns,
                                         rows.schema if rows is not None else None)
        return job, columns, rows.to_pylist() if rows is not None else [], fields

    def _read_head(self, job: JobRecord, n_rows: int, table: str | None) -> pa.Table | pa.RecordBatch | None:
        if job.tables is not None:
            slot = find_slot(job, table)  # before compiling: an unknown table is a 422 at once
            return preview_table(self._preview_plan(job), job, slot, n_rows)
        if table is not None:
            raise SchemaValidationError.single("table", "this job has one table: leave table out")
        if job.parts_dir is not None:  # its parts are on the cluster's disk: made again from the plan
            return self._preview_plan(job).generate_chunk(0, min(n_rows, job.rows_generated))
        head = self.storage.read_head(job.id, n_rows)
        if head is None and job.rows_generated:  # written in place, no segments: made again from the plan
            return self._preview_plan(job).generate_chunk(0, min(n_rows, job.rows_generated))
        return head

    def _preview_plan(self, job: JobRecord) -> Any:
        """The job's plan for previews, compiled once (a few are kept): its own, since the running
        job's plan is used by its generator thread."""
        plan = self._preview_plans.get(job.id)
        if plan is None:
            full = self.store.get(job.id)
            plan = self._plan_factory(full.schema, full.seed, full.anchor, full.text_pools)
            self._preview_plans = {**dict(list(self._preview_plans.items())[-3:]), job.id: plan}
        return plan

    def get_download(self, job_id: str, table: str | None = None, parts: bool = False) -> Download:
        """The finished output; InvalidJobTransitionError until the job is completed. A multi-table
        job gives a zip of one file per table, or ``table``'s file alone; ``parts``: a job written on
        the cluster as its part files and manifests, zipped."""
        job = self.get_job(job_id)
        if job.status != JobStatus.COMPLETED:
            raise InvalidJobTransitionError(
                f"job is {job.status.value}; the download is ready when it is completed")
        if job.parts_dir is not None:
            return parts_download(job, table, parts)
        if parts:
            raise SchemaValidationError.single("parts", "this job was written by the API as one file, not as "
                                                        "part files on a Dask cluster (DASK_OUTPUT_PATH)")
        if job.tables is not None:
            return tables_download(self.store, self.storage, job, table)
        if table is not None:
            raise SchemaValidationError.single("table", "this job has one table: leave table out")
        suffix = get_file_extension(job.output_format)
        size = self.storage.output_size(job_id, suffix)
        if size is None:
            self.store.update(job_id, status=JobStatus.FAILED, error_message="output file is missing")
            raise InvalidJobTransitionError("the job's output file is missing; job marked failed")
        return Download(
            filename=build_download_name(job, suffix),
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
            if self.settings.dask_output_path is not None:  # parts written on the cluster, if any
                await asyncio.to_thread(remove_parts, Path(self.settings.dask_output_path).resolve() / job_id)
            self.store.forget_deleted(job_id)
            logger.info("removed the files of deleted job %s", job_id)
        if not self._started:  # once per process: say which files are not ours to remove
            unknown = await asyncio.to_thread(self.storage.job_ids)
            unknown -= self.store.all_ids()
            if unknown:
                logger.warning("left alone the files of %d job(s) this database does not know: %s",
                               len(unknown), ", ".join(sorted(unknown)[:10]))
        return removed

    async def _cleanup_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.settings.job_cleanup_interval_seconds)
            try:
                await self.cleanup_old_jobs()
            except Exception:
                logger.exception("job cleanup failed")
