"""The test side of the segment gate (src/jobs/gate.py): hold a real server's job where a test needs it."""

from __future__ import annotations

import time
from pathlib import Path

from src.jobs.gate import write_atomically


class SegmentGateControl:
    """Release segments of jobs held by a server started with SYNTHGEN_TEST_GATE_DIR=``directory``."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def release(self, job_id: str, segments: int | float) -> None:
        """Let the job generate its first ``segments`` segments (counted from segment 0)."""
        write_atomically(self.directory / f"{job_id}.release", str(segments))

    def release_all(self) -> None:
        """Every job of this server runs freely from now on."""
        write_atomically(self.directory / "ALL.release", "inf")

    def hold_all(self) -> None:
        """Undo ``release_all``: jobs wait for their own releases again."""
        (self.directory / "ALL.release").unlink(missing_ok=True)

    def held_at(self, job_id: str) -> int | None:
        """The segment the job waits (or last waited) before, or None if it never reached the gate."""
        try:
            return int((self.directory / f"{job_id}.at").read_text())
        except (FileNotFoundError, ValueError):
            return None

    def wait_held(self, job_id: str, segment: int, timeout: float = 20) -> None:
        """Wait until the job's run stands before ``segment``; fail within ``timeout`` otherwise."""
        deadline = time.monotonic() + timeout
        while self.held_at(job_id) != segment:
            if time.monotonic() > deadline:
                raise AssertionError(f"job {job_id} never reached the gate before segment {segment} "
                                     f"within {timeout:g} s (it stood at {self.held_at(job_id)})")
            time.sleep(0.01)
