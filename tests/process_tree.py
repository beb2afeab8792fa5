"""Processes by pid from /proc: what a process started, and which of those still run."""

from __future__ import annotations

import os
from pathlib import Path


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def descendants(root: int) -> list[int]:
    """Every process ``root`` started, and theirs, now (children before grandchildren)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := _stat(int(entry))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, queue = [], [root]
    while queue:
        for child in children.get(queue.pop(0), []):
            found.append(child)
            queue.append(child)
    return found


def still_running(pids: list[int]) -> list[int]:
    """The ones of ``pids`` that have not ended (an unreaped zombie has ended)."""
    return [pid for pid in pids if (fields := _stat(pid)) is not None and fields[0] not in ("Z", "X")]
