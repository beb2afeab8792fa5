"""A test-only hold on generation: with SYNTHGEN_TEST_GATE_DIR set, each segment waits for a release.

Tests of a real server need a job held at a known point (running, mid-job, before its last segment)
whatever the machine's speed. Before generating segment ``i`` (0-based) of job ``J`` the run writes
``<dir>/<J>.at`` (the text ``i``) and waits until ``<dir>/<J>.release`` or ``<dir>/ALL.release``
holds a number greater than ``i`` (the count of segments allowed), polling every 10 ms. The wait
models an engine call in progress: pause, cancel and delete do not cut it short; only shutdown does.
A job writing into a database target waits the same way before each batch of its load, under the
name ``<J>-load`` (steps numbered across its tables, and one more after the last table commits).
Never set the variable in production: without it no file is read and nothing waits.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

POLL_SECONDS = 0.01


class SegmentGate:
    """Holds each segment of each job until the test releases it (see the module docstring)."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def wait(self, job_id: str, segment_index: int, abandon: threading.Event) -> None:
        """Block until segment ``segment_index`` of the job is released or ``abandon`` is set."""
        write_atomically(self.directory / f"{job_id}.at", str(segment_index))
        while not abandon.is_set():
            if max(self._allowed(job_id), self._allowed("ALL")) > segment_index:
                return
            abandon.wait(POLL_SECONDS)

    def _allowed(self, name: str) -> float:
        try:
            return float((self.directory / f"{name}.release").read_text().strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a reader never sees a half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
