"""API jobs on a Dask cluster (DASK_SCHEDULER_ADDRESS): each engine call is a task returning Arrow IPC.

Segments, commits, recovery, pause/resume and the streamed download stay the job runner's; only the
engine calls move. Calls made ahead are cancelled on the cluster when a run ends (pause, cancel,
delete, shutdown), and a task whose worker dies is retried by Dask with the same rows.
"""

from __future__ import annotations

from src.scale.dask_runner import TASK_RETRIES
from src.scale.segments import PooledSource
from src.scale.tasks import RangeTask, run_task

CALLS_AHEAD = 8


class DaskSource(PooledSource):
    """A segment source whose executor is a ``distributed.Client`` (connected on first use)."""

    writes_files = False  # the cluster's workers do not share the API's output folder

    def __init__(self, address: str, ahead: int = CALLS_AHEAD):
        super().__init__(workers=1, ahead=ahead)
        self.address = address
        self._client = None

    def _submit(self, key: str, blob: bytes, task: RangeTask):
        if self._client is None:
            from src.scale.dask_client import open_client

            self._client = open_client(self.address)
        return self._client.submit(run_task, key, blob, task, pure=False, retries=TASK_RETRIES)

    def _close_executor(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
