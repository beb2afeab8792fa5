"""Where part files go: a folder path, or an fsspec URL (``file://...``, ``memory://...``, an object store).

A URL whose filesystem is local becomes that folder (parts renamed into place as for a plain path);
any other is remote: each part is written to a local temporary file and uploaded whole to its
final key (``put_file``: an object store's PUT is atomic, so a reader never sees half a part), and
the manifest, written last, marks the dataset complete.
"""

from __future__ import annotations

from pathlib import Path


def is_url(output: str) -> bool:
    return "://" in str(output)


def resolve_folder(output: str) -> str:
    """``output`` as a local folder when it is one (a path, or a URL of a local filesystem), else the URL."""
    if not is_url(output):
        return str(output)
    fs, root = _filesystem(output)
    from fsspec.implementations.local import LocalFileSystem

    return root if isinstance(fs, LocalFileSystem) else str(output)


def remote(folder: str):
    """(fsspec filesystem, root) of a remote folder, or None for a local one."""
    return _filesystem(folder) if is_url(folder) else None


def _filesystem(url: str):
    try:
        import fsspec
    except ImportError as err:  # fsspec is a dependency; a trimmed install may lack it
        raise ValueError(f"{url!r} is a URL, and fsspec (which reads URLs) is not installed") from err
    return fsspec.core.url_to_fs(url)


def folder_problem(folder: str) -> str | None:
    """Why ``folder`` cannot take a new set of parts (not an empty or new folder), or None."""
    where = remote(folder)
    if where is None:
        path = Path(folder)
        busy = path.exists() and (not path.is_dir() or any(path.iterdir()))
    else:
        fs, root = where
        busy = fs.exists(root) and (not fs.isdir(root) or bool(fs.ls(root)))
    return "must be a new or empty folder for the parts" if busy else None


def make_folder(folder: str) -> None:
    where = remote(folder)
    if where is None:
        Path(folder).mkdir(parents=True, exist_ok=True)
    else:
        where[0].makedirs(where[1], exist_ok=True)


def upload(local: Path, folder: str, name: str) -> None:
    """A whole local file to ``folder``/``name`` of a remote folder."""
    fs, root = remote(folder)
    fs.put_file(str(local), f"{root.rstrip('/')}/{name}")


def put_bytes(folder: str, name: str, data: bytes) -> None:
    fs, root = remote(folder)
    fs.pipe_file(f"{root.rstrip('/')}/{name}", data)
