"""One live instance per data folder: an advisory lock file (fcntl.flock) in each folder it writes.

The kernel drops a flock when its process ends, however it ends, so a lock left by `kill -9` never
blocks the next start; the file itself stays and only records the last holder's pid.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from src.errors import SynthError

LOCK_NAME = ".synthgen.lock"


class FolderInUseError(SynthError):
    """Another live process holds one of this instance's folders."""


class FolderLock:
    """Holds ``<folder>/.synthgen.lock`` for each folder until ``release``."""

    def __init__(self, folders: list[Path]):
        self.folders = list(dict.fromkeys(Path(f).resolve() for f in folders))
        self._handles: list[int] = []

    def acquire(self) -> FolderLock:
        """Take every lock, or raise FolderInUseError naming the folder (and holder) and take none."""
        try:
            for folder in self.folders:
                folder.mkdir(parents=True, exist_ok=True)
                fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
                    os.close(fd)
                    raise FolderInUseError(
                        f"another synthgen instance (pid {holder}) is using {folder}; stop it, or give this "
                        "one its own DATA_DIR") from None
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
                self._handles.append(fd)
        except BaseException:
            self.release()
            raise
        return self

    def release(self) -> None:
        """Let go of every lock held (closing the file releases its flock)."""
        while self._handles:
            os.close(self._handles.pop())
