"""Downloads of a job written as part files on a Dask cluster (src/jobs/cluster_parts.py).

The file is streamed from the parts in order: CSV without the header of every part after the first,
JSON Lines as they are, a JSON array rebuilt from the JSON Lines parts, Parquet rewritten row group
by row group; each is the file a job run by the API itself writes, byte for byte. ``parts=true``
gives the part files and manifests as a zip instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from src.engine.writers import CONTENT_TYPES, FILE_EXTENSIONS
from src.errors import InvalidJobTransitionError
from src.jobs.cluster_parts import table_folder
from src.jobs.file_names import build_download_name
from src.jobs.models import JobRecord
from src.jobs.pipeline import Download, get_file_extension
from src.jobs.relational import Pipe, find_slot, iter_zip
from src.scale.parts import MANIFEST

_BLOCK = 1 << 20


def parts_download(job: JobRecord, table: str | None, parts: bool) -> Download:
    """The job's file (``table``'s of a multi-table job; default a zip of one file per table), or
    with ``parts`` the part files and ``_manifest.json`` files as a zip."""
    names = [find_slot(job, table).name] if table is not None else list(job.tables or [None])
    manifests = {name: _read_manifest(table_folder(job, name)) for name in names}
    if parts:
        files = [(f"{name}/{entry}" if name else entry, lambda path=table_folder(job, name) / entry: _iter_file(path))
                 for name, manifest in manifests.items()
                 for entry in [p["path"] for p in manifest["parts"]] + [MANIFEST]]
        if job.tables is not None and table is None:
            files.append((MANIFEST, lambda: _iter_file(Path(job.parts_dir) / MANIFEST)))
        return Download(filename=build_download_name(job, "parts.zip", table), media_type="application/zip",
                        size=None, path=None, blocks=lambda: iter_zip(files))
    ext = get_file_extension(job.output_format)
    if len(names) == 1 and (job.tables is None or table is not None):
        name = names[0]
        return Download(filename=build_download_name(job, ext, table),
                        media_type=CONTENT_TYPES[job.output_format], size=None, path=None,
                        blocks=lambda: iter_joined(job.output_format, table_folder(job, name), manifests[name]))
    files = [(f"{name}{FILE_EXTENSIONS[job.output_format]}",
              lambda name=name: iter_joined(job.output_format, table_folder(job, name), manifests[name]))
             for name in names]
    return Download(filename=build_download_name(job, "zip"), media_type="application/zip", size=None,
                    path=None, blocks=lambda: iter_zip(files))


def _read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        raise InvalidJobTransitionError(f"the job's parts are missing from {folder.name} (no readable "
                                        f"{MANIFEST}); check DASK_OUTPUT_PATH") from None
    if not all((folder / p["path"]).is_file() for p in manifest["parts"]):
        raise InvalidJobTransitionError(f"a part file listed in {folder.name}/{MANIFEST} is missing")
    return manifest


def _iter_file(path: Path, skip: int = 0) -> Iterator[bytes]:
    with open(path, "rb") as file:
        file.seek(skip)
        while block := file.read(_BLOCK):
            yield block


def iter_joined(output_format: str, folder: Path, manifest: dict) -> Iterator[bytes]:
    """One file of ``output_format`` from the parts listed in ``manifest``, streamed."""
    paths = [folder / p["path"] for p in manifest["parts"]]
    if output_format == "parquet":
        yield from _iter_parquet(paths)
        return
    skip = manifest.get("header_bytes", 0)
    blocks = (block for i, path in enumerate(paths) for block in _iter_file(path, skip if i else 0))
    if output_format != "json":
        yield from blocks
        return
    # JSON Lines parts -> the array a job writes: '[\n' + objects joined by ',\n' + '\n]\n' (JSON
    # text never holds a raw newline, so each newline ends an object).
    yield b"[\n"
    held = b""
    for block in blocks:
        data = held + block
        held = data[-1:]
        yield data[:-1].replace(b"\n", b",\n")
    yield b"\n]\n" if held else b"]\n"


def _iter_parquet(paths: list[Path]) -> Iterator[bytes]:
    """The parts' row groups written again, one by one, as one Parquet file (as the job's writer would)."""
    import pyarrow.parquet as pq

    from src.engine.writers import open_writer

    pipe = Pipe()
    schema = pq.read_schema(paths[0])
    with open_writer("parquet", pipe, schema) as writer:
        for path in paths:
            file = pq.ParquetFile(path)
            for group in range(file.num_row_groups):  # one write per row group, as the job wrote them
                writer.write(file.read_row_group(group).combine_chunks().to_batches()[0])
                if chunk := pipe.take():
                    yield chunk
    if chunk := pipe.take():
        yield chunk
