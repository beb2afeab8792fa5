"""What a job's download is called: ``<name>_<creation date>.<ext>`` when the job has a name.

The name is made safe for every file system (letters and digits of any script, ``-`` and ``.`` kept;
everything else becomes ``_``), and the Content-Disposition header carries an ASCII ``filename`` plus
the UTF-8 ``filename*`` when the name is not ASCII, so browsers, curl and the UI save the same name.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from src.jobs.models import JobRecord

_MAX_STEM = 100
_UNSAFE = re.compile(r"[^\w.-]+")  # \w: letters and digits of any script, and _
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.IGNORECASE)  # Windows device names


def make_file_stem(name: str) -> str:
    """``"Customers (EU) 2026"`` -> ``"Customers_EU_2026"``; empty when nothing usable is left."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip("._-")
    stem = re.sub(r"_{2,}", "_", stem)[:_MAX_STEM].rstrip("._-")
    return f"{stem}_" if _RESERVED.match(stem) else stem


def build_download_name(job: JobRecord, extension: str, table: str | None = None) -> str:
    """The file name of a job's download (``extension`` without its dot; ``table``: one table's file).

    Named jobs: ``customers_2026-12-01.csv`` (``shop_2026-12-01_orders.csv`` for one table). Jobs
    without a (usable) name keep the defaults: ``synthetic_<id>.csv`` and ``<table>.csv``.
    """
    stem = make_file_stem(job.name or "")
    if not stem:
        return f"{table}.{extension}" if table else f"synthetic_{job.id}.{extension}"
    stem = f"{stem}_{job.created_at.date().isoformat()}"
    return f"{stem}_{table}.{extension}" if table else f"{stem}.{extension}"


def build_content_disposition(file_name: str) -> str:
    """``attachment; filename="..."``, with ``filename*`` (RFC 6266/5987) for a name that is not ASCII."""
    ascii_name = unicodedata.normalize("NFKD", file_name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^\w.-]+", "_", ascii_name).strip("_") or "download"
    if ascii_name == file_name:
        return f'attachment; filename="{file_name}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"
