"""Imported first by the forkserver of a RangePool: no pandas, then the engine, before any worker forks."""

from src.nopandas import skip_pandas_import

skip_pandas_import()

import src.scale.tasks  # noqa: E402,F401 - imported once here, inherited by every worker
