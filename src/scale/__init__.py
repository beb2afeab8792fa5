"""Scale-out: row ranges made in worker processes (one machine) or Dask tasks (a cluster).

Imports here stay light (standard library only at import time), so a worker pool can start while
the caller is still importing the engine.
"""
