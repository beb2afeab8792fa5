"""Where a job's chunks and output live: disk (default) or memory, behind one interface."""

from __future__ import annotations

from src.config import Settings
from src.storage.base import SegmentRef, StorageHandler, check_job_id, count_contiguous_chunks
from src.storage.disk import DiskStorage
from src.storage.memory import MemoryStorage


def build_storage(settings: Settings) -> StorageHandler:
    """The handler STORAGE_TYPE names."""
    if settings.storage_type == "memory":
        return MemoryStorage(settings.memory_storage_max_bytes)
    return DiskStorage(settings.temp_path, settings.output_path)


__all__ = [
    "DiskStorage", "MemoryStorage", "SegmentRef", "StorageHandler", "build_storage", "check_job_id",
    "count_contiguous_chunks",
]
