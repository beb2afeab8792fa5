"""Generation jobs: the SQLite job store and the asyncio job manager."""

from src.jobs.manager import JobManager
from src.jobs.pipeline import Download
from src.jobs.models import JobRecord, count_chunks
from src.jobs.store import JobStore

__all__ = ["Download", "JobManager", "JobRecord", "JobStore", "count_chunks"]
