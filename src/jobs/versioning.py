"""A job resumed under a different OUTPUT_VERSION starts again from its first row, never mixing versions."""

from __future__ import annotations

import logging

from src.engine.version import OUTPUT_VERSION
from src.jobs.models import JobRecord
from src.jobs.store import JobStore
from src.storage import StorageHandler

logger = logging.getLogger("synthgen.jobs")


def restart_if_version_changed(store: JobStore, storage: StorageHandler, job: JobRecord) -> JobRecord:
    """When ``job`` was made by another output version: drop its rows, record why, return it anew."""
    if job.output_version == OUTPUT_VERSION:
        return job
    note = (f"regenerated from its first row: {job.rows_generated} row(s) had been made by output "
            f"version {job.output_version}, this server makes output version {OUTPUT_VERSION}")
    storage.discard_segments_from(job.id, 0)
    warnings = [*job.warnings, note] if job.rows_generated else job.warnings
    store.update(job.id, chunks_completed=0, generation_seconds=0.0, output_version=OUTPUT_VERSION,
                 warnings=warnings)
    if job.rows_generated:
        logger.warning("job %s %s", job.id, note)
    return store.get(job.id)
