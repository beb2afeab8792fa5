"""Multi-table jobs: where each table's chunks sit in the job, and its zip download.

A relational job numbers its chunks across tables, parents first: table k owns chunks
[first_chunk, first_chunk + n_chunks), so one committed ``chunks_completed`` says how far the whole job
is, and recovery, pause and resume work as for one table. Each table's output is stored under the
job's id with the suffix ``t<k><ext>`` (``t1csv``); the download names it ``<table>.<ext>``.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from src.engine.writers import CONTENT_TYPES, FILE_EXTENSIONS
from src.errors import InvalidJobTransitionError, SchemaValidationError
from src.jobs.file_names import build_download_name
from src.jobs.models import JobRecord
from src.jobs.pipeline import Download, get_file_extension
from src.schemas.api import JobStatus


@dataclass(frozen=True)
class TableSlot:
    """One table's place in a relational job."""

    name: str
    index: int
    rows: int
    first_chunk: int
    n_chunks: int

    @property
    def end_chunk(self) -> int:
        return self.first_chunk + self.n_chunks

    def suffix(self, output_format: str) -> str:
        return f"t{self.index}{FILE_EXTENSIONS[output_format].lstrip('.')}"

    def file_name(self, output_format: str) -> str:
        return f"{self.name}{FILE_EXTENSIONS[output_format]}"

    def rows_done(self, chunks_completed: int, chunk_size: int) -> int:
        chunks = min(max(chunks_completed - self.first_chunk, 0), self.n_chunks)
        return min(chunks * chunk_size, self.rows)


def table_slots(tables: dict[str, int], chunk_size: int) -> list[TableSlot]:
    """Each table's chunk range, in the order given (parents first)."""
    slots, first = [], 0
    for index, (name, rows) in enumerate(tables.items()):
        n_chunks = math.ceil(rows / chunk_size)
        slots.append(TableSlot(name, index, rows, first, n_chunks))
        first += n_chunks
    return slots


def rows_per_table(tables: dict[str, int], chunks_completed: int, chunk_size: int) -> dict[str, dict[str, int]]:
    """{table: {"rows": total, "rows_generated": so far}} for a job's status."""
    return {s.name: {"rows": s.rows, "rows_generated": s.rows_done(chunks_completed, chunk_size)}
            for s in table_slots(tables, chunk_size)}


def find_slot(job: JobRecord, table: str | None) -> TableSlot:
    """``table``'s slot in a multi-table job (default: the first); a 422 naming the tables if unknown."""
    slots = table_slots(job.tables, job.chunk_size)
    if table is None:
        return slots[0]
    for slot in slots:
        if slot.name == table:
            return slot
    raise SchemaValidationError.single("table", f"unknown table {table!r}: this job has "
                                                f"{', '.join(s.name for s in slots)}")


def list_output_suffixes(job: JobRecord) -> list[str]:
    """Every output file suffix of a job (one per table of a multi-table job)."""
    if job.tables is None:
        return [get_file_extension(job.output_format)]
    return [s.suffix(job.output_format) for s in table_slots(job.tables, job.chunk_size)]


def preview_table(plan: Any, job: JobRecord, slot: TableSlot, n_rows: int) -> Any:
    """The first rows of one table made so far (a pyarrow RecordBatch), made again from the job's
    (relational) plan."""
    done = slot.rows_done(job.chunks_completed, job.chunk_size)
    return plan.tables[slot.name].generate_chunk(0, min(n_rows, done))


def tables_download(store: Any, storage: Any, job: JobRecord, table: str | None) -> Download:
    """A completed multi-table job's zip of every table, or ``table``'s file alone."""
    slots = [find_slot(job, table)] if table is not None else table_slots(job.tables, job.chunk_size)
    sizes = {s.name: storage.output_size(job.id, s.suffix(job.output_format)) for s in slots}
    if any(size is None for size in sizes.values()):
        store.update(job.id, status=JobStatus.FAILED, error_message="an output file is missing")
        raise InvalidJobTransitionError("a table's output file is missing; job marked failed")
    if table is not None:
        slot, suffix = slots[0], slots[0].suffix(job.output_format)
        return Download(filename=build_download_name(job, get_file_extension(job.output_format), slot.name),
                        media_type=CONTENT_TYPES[job.output_format],
                        size=sizes[slot.name], path=storage.output_file(job.id, suffix),
                        blocks=lambda: storage.iter_output(job.id, suffix))
    if job.output_format == "sql":  # one script: each table's CREATE TABLE and INSERTs, parents first
        return Download(filename=f"synthetic_{job.id}.sql", media_type=CONTENT_TYPES["sql"],
                        size=sum(sizes.values()), path=None,
                        blocks=lambda: (block for s in slots for block in
                                        storage.iter_output(job.id, s.suffix(job.output_format))))
    files = [(s.file_name(job.output_format),
              lambda suffix=s.suffix(job.output_format): storage.iter_output(job.id, suffix))
             for s in slots]
    return Download(filename=build_download_name(job, "zip"), media_type="application/zip", size=None,
                    path=None, blocks=lambda: iter_zip(files))


class Pipe(io.RawIOBase):
    """A write-only stream whose bytes are collected between reads (zip streaming without a file)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def iter_zip(files: list[tuple[str, Callable[[], Iterator[bytes]]]]) -> Iterator[bytes]:
    """A zip of ``(name, blocks)`` files, produced block by block (bounded memory, any size)."""
    pipe = Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, blocks in files:
            with archive.open(name, "w", force_zip64=True) as member:
                for block in blocks():
                    member.write(block)
                    if (chunk := pipe.take()):
                        yield chunk
    if (chunk := pipe.take()):
        yield chunk
