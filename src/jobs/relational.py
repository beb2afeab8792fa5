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

from src.engine.writers import FILE_EXTENSIONS


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


class _Pipe(io.RawIOBase):
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
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, blocks in files:
            with archive.open(name, "w", force_zip64=True) as member:
                for block in blocks():
                    member.write(block)
                    if (chunk := pipe.take()):
                        yield chunk
    if (chunk := pipe.take()):
        yield chunk
