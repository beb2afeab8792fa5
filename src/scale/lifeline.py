"""Worker processes end with the process that started their pool, however it ends (kill -9 too).

A pool's workers wait on their task queue forever, and a forkserver's children hold the pipe the
forkserver watches: after a `kill -9` of a server nothing would ever end them, and an orphaned
worker could still write into a file the restarted server has already cut back. Each worker watches
the pool owner instead (a pidfd on Linux: woken the moment the owner ends; else a poll) and exits
at once; the forkserver and resource tracker then see their pipes close and end too.
"""

from __future__ import annotations

import os
import select
import threading
from pathlib import Path

_POLL_SECONDS = 0.2  # where pidfds are missing: how often the owner's pid is checked


def identify(pid: int) -> tuple[int, int | None]:
    """(pid, its start time in clock ticks, None where /proc is missing): names one process even
    after its pid is reused."""
    return pid, _start_time(pid)


def watch_owner(owner: tuple[int, int | None]) -> None:
    """End this process (exit status 1) as soon as ``owner`` (from ``identify``) has ended; returns at once."""
    pid, started = owner
    fd = None
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        fd = None  # no pidfds here (older kernel or another OS): poll instead
    if not _is_alive(pid, started):
        os._exit(1)
    threading.Thread(target=_wait_then_exit, args=(pid, started, fd), name="synthgen-lifeline", daemon=True).start()


def _wait_then_exit(pid: int, started: int | None, fd: int | None) -> None:
    if fd is not None:  # poll, not select: a forked worker may hold descriptors past select's 1024
        watcher = select.poll()
        watcher.register(fd, select.POLLIN)
        while not watcher.poll():
            pass
    else:
        while _is_alive(pid, started):
            threading.Event().wait(_POLL_SECONDS)
    os._exit(1)


def _is_alive(pid: int, started: int | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return started is None or _start_time(pid) == started


def _start_time(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[19]) if fields[0] != "Z" else -1
