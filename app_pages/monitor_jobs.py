"""Monitor Jobs: one job's live progress, controls, data preview and download."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages.ui_common import (
    MONITORED_JOB_KEY, STATUS_COLORS, describe_job, format_count, format_duration,
    get_api_client, parse_timestamp, show_api_error,
)
from src.api_client import ACTIVE_STATUSES, OUTPUT_FORMATS, ApiClient, ApiError

REFRESH_SECONDS = 1.0
PREVIEW_ROWS = 20
JOB_PICKER_LIMIT = 100
LARGE_DOWNLOAD_ROWS = 1_000_000
# Above this the file would have to sit whole in this server's memory: the browser fetches it from the API.
IN_PAGE_DOWNLOAD_MAX_ROWS = 5_000_000
# Statuses whose numbers change on their own, so the panel refreshes itself.
LIVE_STATUSES = frozenset({"pending", "generating"})


def pick_job(client: ApiClient) -> str | None:
    """The job picker; the chosen id comes from the URL (?job=) or the last job opened."""
    try:
        jobs = client.list_jobs(limit=JOB_PICKER_LIMIT)
    except ApiError as error:
        show_api_error(error, "list the jobs")
        return None
    requested = st.query_params.get("job") or st.session_state.get(MONITORED_JOB_KEY)
    job_ids = [str(job["job_id"]) for job in jobs]
    labels = {str(job["job_id"]): describe_job(job) for job in jobs}
    if requested and requested not in labels:
        job_ids.insert(0, requested)
        labels[requested] = requested
    if not job_ids:
        st.info("No jobs yet. Start one on the Create Dataset page.", icon=":material/inbox:")
        st.page_link("app_pages/create_dataset.py", label="Create a dataset", icon=":material/add_circle:")
        return None
    chosen = st.selectbox("Job", job_ids, index=job_ids.index(requested) if requested else 0,
                          format_func=labels.__getitem__)
    st.session_state[MONITORED_JOB_KEY] = chosen
    if st.query_params.get("job") != chosen:
        st.query_params["job"] = chosen
    return chosen


def control_job(client: ApiClient, job_id: str, action: str) -> None:
    try:
        client.control_job(job_id, action)
    except ApiError as error:
        show_api_error(error, f"{action} the job")
        return
    st.rerun()  # show the new status


def choose_action(job: dict[str, Any]) -> str | None:
    """The control buttons that fit the job's status; returns the one pressed."""
    status = job["status"]
    pressed = None
    if status == "paused":
        if st.button("Resume", icon=":material/play_arrow:", type="primary"):
            pressed = "resume"
    elif status in LIVE_STATUSES and st.button("Pause", icon=":material/pause:"):
        pressed = "pause"
    if status in ACTIVE_STATUSES and st.button("Cancel", icon=":material/cancel:"):
        pressed = "cancel"
    return pressed


def show_progress(job: dict[str, Any]) -> None:
    percent = float(job.get("progress_percentage") or 0.0)
    st.progress(min(max(percent / 100.0, 0.0), 1.0),
                text=f"{percent:.1f}% · {format_count(job.get('rows_generated'))} of "
                     f"{format_count(job.get('total_rows'))} rows")
    rows_metric, chunks_metric, speed_metric, time_metric = st.columns(4)
    rows_metric.metric("Rows generated", format_count(job.get("rows_generated")), border=True)
    chunks_metric.metric("Chunks", f"{format_count(job.get('chunks_completed'))} / "
                                   f"{format_count(job.get('total_chunks'))}", border=True)
    speed_metric.metric("Rows per second", format_count(job.get("rows_per_second")), border=True)
    if job["status"] == "paused":
        time_metric.metric("Time left", "—", border=True)
    elif job["status"] in LIVE_STATUSES:
        time_metric.metric("Time left", format_duration(job.get("eta_seconds")), border=True)
    else:
        time_metric.metric("Run time", format_duration(measure_run_seconds(job)), border=True)


def measure_run_seconds(job: dict[str, Any]) -> float | None:
    started, finished = parse_timestamp(job.get("started_at")), parse_timestamp(job.get("completed_at"))
    if started is None or finished is None:
        return None
    return max((finished - started).total_seconds(), 0.0)


def describe_settings(job: dict[str, Any]) -> str:
    facts = [str(job.get("output_format") or "").upper()]
    if job.get("chunk_size"):
        facts.append(f"chunks of {format_count(job['chunk_size'])}")
    if job.get("seed") is not None:
        facts.append(f"seed {job['seed']}")
    return " · ".join(fact for fact in facts if fact)


def show_preview(client: ApiClient, job: dict[str, Any]) -> None:
    if not job.get("rows_generated"):
        if job["status"] in LIVE_STATUSES:
            st.caption("The preview appears once the first chunk is written.")
        return
    try:
        preview = client.get_preview(job["job_id"], rows=PREVIEW_ROWS)
    except ApiError as error:
        st.caption(f"Preview not available: {error.message}")
        return
    rows = preview.get("data") or []
    if rows:
        st.markdown(f"**Preview** · first {len(rows)} rows")
        st.dataframe(pd.DataFrame(rows, columns=preview.get("columns") or None), hide_index=True,
                     width="stretch")


def create_signed_link(client: ApiClient, job_id: str) -> str | None:
    """A download URL the browser opens without the API key (it expires); None after showing why not."""
    try:
        return client.create_download_link(job_id)["url"]
    except ApiError as error:
        show_api_error(error, "make a download link")
        return None


def show_download(client: ApiClient, job: dict[str, Any]) -> None:
    job_id = job["job_id"]
    output_format = job.get("output_format")
    file_name = f"dataset_{job_id[:8]}" + (f".{output_format}" if output_format in OUTPUT_FORMATS else "")
    if (job.get("total_rows") or 0) > IN_PAGE_DOWNLOAD_MAX_ROWS:
        link = create_signed_link(client, job_id)
        if link:
            st.link_button("Download dataset", link, type="primary", icon=":material/download:")
            st.caption("Large file: it downloads straight from the API (the link expires; reload the "
                       "page for a new one).")
        return
    st.download_button(
        "Download dataset", data=lambda: client.download(job_id).content, file_name=file_name,
        type="primary", icon=":material/download:", on_click="ignore",
    )
    if (job.get("total_rows") or 0) >= LARGE_DOWNLOAD_ROWS:
        # The button passes the file through this server; the API can send it directly.
        link = create_signed_link(client, job_id)
        if link:
            st.caption(f"Large file: you can also fetch it straight from the API at {link} "
                       "(the link expires; reload the page for a new one)")


def show_job_header(client: ApiClient, job: dict[str, Any]) -> None:
    """Status, settings and the control buttons.

    Outside the live fragment: a click then reruns the whole page, which Streamlit never drops,
    while a fragment-scoped click can be lost when it lands during a page rerun.
    """
    status = job["status"]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.badge(status, color=STATUS_COLORS.get(status, "gray"))
        st.caption(describe_settings(job))
        st.space("stretch")
        action = choose_action(job)
    if action:
        control_job(client, job["job_id"], action)


def show_job_progress(client: ApiClient, job_id: str, status_at_page_run: str) -> None:
    """Progress, outcome and preview; reruns the page when the status changes."""
    try:
        job = client.get_job_status(job_id)
    except ApiError as error:
        show_api_error(error, "read the job's status")
        return
    status = job["status"]
    if status != status_at_page_run:
        st.rerun()  # the header, the controls and the refresh rate follow the status
    show_progress(job)
    if status == "failed":
        reason = job.get("error_message") or job.get("error") or "no reason given"
        st.error(f"The job failed: {reason}", icon=":material/error:")
    elif status == "cancelled":
        st.warning("The job was cancelled.", icon=":material/cancel:")
    elif status == "completed":
        show_download(client, job)
    show_preview(client, job)


def render_page() -> None:
    client = get_api_client()
    st.title("Monitor Jobs", anchor=False)
    st.caption("Follow a job while it runs; pause, resume or cancel it; download the result.")
    job_id = pick_job(client)
    if job_id is None:
        return
    try:
        job = client.get_job_status(job_id)
    except ApiError as error:
        show_api_error(error, "read the job's status")
        return
    show_job_header(client, job)

    @st.fragment(run_every=REFRESH_SECONDS if job["status"] in LIVE_STATUSES else None)
    def show_live_progress() -> None:
        show_job_progress(client, job_id, job["status"])

    show_live_progress()


render_page()
