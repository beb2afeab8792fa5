"""Helpers shared by the pages: the API client, error display, formatting of job facts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

from src.api_client import ApiClient, ApiError
from src.config import get_settings

# Tests put a fake client here before the first run.
CLIENT_STATE_KEY = "api_client"
MONITORED_JOB_KEY = "monitored_job_id"
MONITOR_PAGE = "app_pages/monitor_jobs.py"

STATUS_COLORS: dict[str, str] = {
    "pending": "gray", "generating": "blue", "paused": "orange",
    "completed": "green", "failed": "red", "cancelled": "gray",
}


@st.cache_resource
def _create_default_client() -> ApiClient:
    return ApiClient.from_settings(get_settings())


def get_api_client() -> ApiClient:
    """The session's client: an injected one (tests) or one for API_BASE_URL sending API_KEY."""
    client = st.session_state.get(CLIENT_STATE_KEY)
    if client is None:
        client = _create_default_client()
    return client


def show_api_error(error: ApiError, action: str) -> None:
    """Tell the user, in one plain message, that `action` failed and why."""
    if error.status is None:
        st.error(f"Could not {action}: {error.message} Start it with `./start.sh api`, "
                 "or set `API_BASE_URL` to where it runs.", icon=":material/cloud_off:")
    else:
        st.error(f"Could not {action}: {error.message}", icon=":material/error:")


def show_connection_status(client: ApiClient) -> None:
    """A one-line API health note for the sidebar."""
    try:
        client.check_health()
    except ApiError:
        st.caption(f":red[:material/cloud_off:] API not reachable at {client.base_url}")
    else:
        st.caption(f":green[:material/cloud_done:] API connected · {client.base_url}")


def open_in_monitor(job_id: str) -> None:
    """Switch to the Monitor page showing `job_id`."""
    st.session_state[MONITORED_JOB_KEY] = job_id
    st.switch_page(MONITOR_PAGE, query_params={"job": job_id})


def shorten_job_id(job_id: str) -> str:
    return job_id[:8]


def format_count(value: Any) -> str:
    return f"{int(value):,}" if isinstance(value, (int, float)) else "—"


def format_duration(seconds: Any) -> str:
    """`75` -> `1m 15s`; None -> `—`."""
    if not isinstance(seconds, (int, float)) or seconds < 0:
        return "—"
    if seconds < 1:
        return "under 1s"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def parse_timestamp(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def format_timestamp(value: Any) -> str:
    """ISO timestamp -> `2026-11-24 20:51`; anything else as is."""
    moment = parse_timestamp(value)
    if moment is None:
        return str(value or "")
    return moment.strftime("%Y-%m-%d %H:%M")


def name_job(job: dict[str, Any]) -> str:
    """What a person calls the job: its name, else `Job 3f2a1b2c`."""
    return str(job.get("name") or f"Job {shorten_job_id(str(job.get('job_id', '')))}")


def describe_job(job: dict[str, Any]) -> str:
    """One line naming a job in a picker: name, id, size, format, status, time."""
    parts = [shorten_job_id(str(job.get("job_id", "")))]
    if job.get("name"):
        parts.insert(0, str(job["name"]))
    if job.get("total_rows") is not None:
        size = f"{format_count(job['total_rows'])} rows"
        if job.get("output_format"):
            size += f" {job['output_format']}"
        parts.append(size)
    if job.get("status"):
        parts.append(str(job["status"]))
    created = format_timestamp(job.get("created_at"))
    if created:
        parts.append(created)
    return " · ".join(parts)


def describe_deletion(job: dict[str, Any]) -> str:
    """What deleting the job removes, in words: its name, its rows and its files."""
    status = str(job.get("status") or "")
    fmt = str(job.get("output_format") or "").upper()
    done, total = job.get("rows_generated") or 0, job.get("total_rows") or 0
    tables = job.get("tables") or {}
    lines = [f"Delete **{name_job(job)}** (job `{shorten_job_id(str(job.get('job_id', '')))}`) for good?"]
    if status == "completed" and tables:
        listed = ", ".join(f"{name} ({format_count(t.get('rows'))} rows)" for name, t in tables.items())
        lines.append(f"This removes its {len(tables)} {fmt} table files, {format_count(total)} rows in all: "
                     f"{listed}, and the job's record.")
    elif status == "completed":
        file_name = job.get("file_name") or f"its {fmt} file"
        lines.append(f"This removes `{file_name}` ({format_count(total)} rows, {fmt}) and the job's record.")
    else:
        stop = " It is stopped first." if status in ("pending", "generating", "paused") else ""
        lines.append(f"This removes the {format_count(done)} of {format_count(total)} rows made so far, "
                     f"its partial files and the job's record.{stop}")
    return "  \n".join(lines)
