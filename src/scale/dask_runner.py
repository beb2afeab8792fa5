"""Generate one dataset on a Dask cluster: one task per part file, the manifest written last.

The client resolves everything the rows depend on (schema, seed, anchor, text pools) once and sends
it as a pickled recipe; each task rebuilds the plan (once per worker process) and writes its part
with ``src.scale.parts.write_part``. Dask retries a task whose worker died (``allowed-failures``); the
part's bytes are a pure function of its row range, so a retry writes exactly what the first attempt
would have. The output folder must be one every worker sees (a shared disk).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from src.errors import SynthError

if TYPE_CHECKING:  # the CLI imports this module for its defaults; recipes load only for a run
    from src.scale.recipe import PlanRecipe

DEFAULT_PART_ROWS = 1_000_000
TASK_RETRIES = 3  # a task that raises (e.g. a full disk on one worker) is tried again elsewhere


class DaskAddressError(SynthError, ValueError):
    """--dask / DASK_SCHEDULER_ADDRESS is neither a scheduler address nor local[:N]."""


def parse_local(address: str) -> int | None:
    """Workers of ``local`` / ``local:N`` (0 = one per usable core); None when it names a scheduler."""
    if address == "local":
        return 0
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise DaskAddressError(f"--dask local:N needs a worker count of at least 1, not {count!r}")
        return int(count)
    if "://" not in address and ":" not in address:
        raise DaskAddressError(f"--dask {address!r}: give a scheduler address (tcp://host:8786) or local[:N]")
    return None


@contextlib.contextmanager
def connect(address: str) -> Iterator[object]:
    """A distributed.Client for a scheduler address, or for a local cluster of processes."""
    from distributed import Client, LocalCluster

    from src.scale.dask_client import open_client, prepare_workers

    workers = parse_local(address)
    if workers is None:
        try:
            client = open_client(address)
        except OSError as err:
            raise DaskAddressError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        with client:
            yield client
        return
    from src.scale.cores import usable_cores

    with LocalCluster(n_workers=workers or usable_cores(), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield prepare_workers(client)


def submit_parts(client, key: str, blob: bytes, out_dir: Path, specs: list, metadata: dict | None = None) -> list:
    """One task per part (retried by Dask when its worker dies); keys unique to this call."""
    from src.scale.parts import write_part

    run = uuid.uuid4().hex[:12]  # task keys of this run only (a cluster may hold another run's)
    return client.map(write_part, [key] * len(specs), [blob] * len(specs), [str(out_dir)] * len(specs), specs,
                      [metadata] * len(specs), key=[f"synthgen-part-{run}-{s.index:05d}" for s in specs],
                      retries=TASK_RETRIES, pure=False)


def collect_parts(client, futures: list, on_entry: Callable[[dict], object],
                  should_stop: Callable[[], bool] = lambda: False, poll_seconds: float = 0.25) -> bool:
    """Hand each part's manifest entry to ``on_entry`` as it completes; False when ``should_stop``
    said so first (the parts not done are cancelled on the cluster). A part that failed every
    retry raises, and the rest are cancelled."""
    from distributed import wait

    pending = list(futures)
    try:
        while pending:
            if should_stop():
                client.cancel(pending)
                return False
            try:
                done, not_done = wait(pending, timeout=poll_seconds, return_when="FIRST_COMPLETED")
            except TimeoutError:
                continue
            for future in done:
                on_entry(future.result())
            pending = list(not_done)
    except BaseException:
        client.cancel(pending)
        raise
    return True


def run_parts(client, recipe: PlanRecipe, plan, rows: int, out_dir: Path, fmt: str, compression: str = "none",
              chunk_size: int = 100_000, part_rows: int = DEFAULT_PART_ROWS, formula_guard: bool = False,
              metadata: dict | None = None, on_rows: Callable[[int], object] | None = None) -> dict:
    """Write rows [0, rows) of ``plan`` as part files into ``out_dir``; returns the manifest entries
    by part index. Parts are submitted at once; progress arrives as each part completes."""
    from src.scale.locations import make_folder
    from src.scale.parts import plan_parts, remove_stray_temps, write_manifest

    make_folder(str(out_dir))
    key, blob = recipe.dump()
    specs = plan_parts(rows, part_rows, chunk_size, fmt, compression, formula_guard)
    entries: dict[int, dict] = {}

    def take(entry: dict) -> None:
        entries[entry["index"]] = entry
        if on_rows is not None:
            on_rows(entry["rows"])

    collect_parts(client, submit_parts(client, key, blob, out_dir, specs, metadata), take)
    remove_stray_temps(out_dir)
    write_manifest(out_dir, list(entries.values()), fmt=fmt, compression=compression, seed=plan.seed,
                   anchor=plan.anchor, schema=plan.arrow_schema, chunk_size=chunk_size)
    return entries
