"""A worker pool for a run that uses one; a one-process run never imports multiprocessing or the pool.

``src.scale.pool`` and the recipes cost 20-40 ms of imports (multiprocessing, concurrent.futures),
which `--workers 1` and every small run would pay for nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable


def pool_for_run(requested: int | None, rows: int, make_plans: Callable[[], list]):
    """A context giving a RangePool for a run of ``rows`` rows, or None when the run stays in this
    process (``requested`` is 1, or the run is small); ``make_plans()`` ([(recipe, compiled plan)])
    is called only when there is a pool."""
    from src.scale.cores import choose_workers

    if choose_workers(requested, rows) == 1:
        return contextlib.nullcontext(None)
    from src.scale.pool import start_pool_for

    return start_pool_for(requested, rows, make_plans())
