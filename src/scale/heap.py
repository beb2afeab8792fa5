"""A process's heap kept between tasks, so the next task's arrays reuse pages already mapped.

A worker makes one range after another with arrays of the same sizes. glibc's defaults hand the
larger of them back to the kernel after each task (``munmap``, or trimming the top of the heap) and
the next task faults them in again: with two workers that was ~60k more page faults per 2M customer
rows than one process (in kernel time). Arrow's allocator (mimalloc) likewise purges freed pages
10 ms after a free: kept, a 2M-row CSV run faults ~25% less. Keeping them costs about the RSS a
task reaches anyway (+~25 MB a process).
"""

from __future__ import annotations

import os

M_TOP_PAD = -2  # glibc mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
TOP_PAD_BYTES = 64 * 2**20  # kept (and grown by) at the top of the heap instead of trimmed
MMAP_THRESHOLD_BYTES = 32 * 2**20  # arrays below this come from the heap (glibc's largest allowed)
_kept = False  # keep_heap() took effect in this process


def keep_heap() -> bool:
    """Ask glibc malloc to keep freed memory for reuse in this process; False where there is no
    glibc (another C library: its defaults stay)."""
    import ctypes  # here, not at import: the CLI imports this module for keep_arrow_memory
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    global _kept
    _kept = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(mallopt(M_TOP_PAD, TOP_PAD_BYTES))
    return _kept


def heap_kept() -> bool:
    """Whether this process keeps its heap (keep_heap() ran and glibc took the settings)."""
    return _kept


ARROW_PURGE_SETTING = "MIMALLOC_PURGE_DELAY"  # read once, when pyarrow's allocator starts


def keep_arrow_memory() -> None:
    """Arrow's mimalloc keeps freed pages for reuse, in this process when pyarrow is not imported
    yet and in every process it starts; a value the user set stays."""
    os.environ.setdefault(ARROW_PURGE_SETTING, "-1")
