"""A client of a Dask cluster whose workers keep their heap between tasks (src/scale/heap.py).

Pool workers call ``keep_heap()`` when they start; workers started by `dask worker` (not by us) get
it from a WorkerPlugin that every client registers: the scheduler keeps it and hands it to workers
that join later too. Registering again under the same name replaces it, so many clients are fine.
"""

from __future__ import annotations

from distributed import Client
from distributed.diagnostics.plugin import WorkerPlugin

CONNECT_TIMEOUT = "20s"


class KeepHeapPlugin(WorkerPlugin):
    """On each worker: glibc keeps freed memory, Arrow's mimalloc does not purge (if not loaded yet)."""

    name = "synthgen-keep-heap"
    idempotent = True  # the same setting from any client: a worker that has it is not set up again

    def setup(self, worker) -> None:
        from src.scale.heap import keep_arrow_memory, keep_heap

        keep_arrow_memory()
        keep_heap()


def prepare_workers(client: Client) -> Client:
    """Register the heap plugin on ``client``'s cluster; returns the client."""
    client.register_plugin(KeepHeapPlugin())
    return client


def open_client(address: str) -> Client:
    """A connected client of the scheduler at ``address``, its workers prepared."""
    return prepare_workers(Client(address, timeout=CONNECT_TIMEOUT))
