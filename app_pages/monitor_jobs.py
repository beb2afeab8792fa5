"""Monitor Jobs: one job's live progress, controls, data preview and download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages.charts import show_table
from app_pages.job_delete import confirm_deletion, show_delete_button
from app_pages.job_files import show_downloads, show_tables_progress
from app_pages.ui_common import (
    MONITORED_JOB_KEY, STATUS_COLORS, describe_job, format_count, format_duration,
    get_api_client, name_job, parse_timestamp, show_api_error, shorten_job_id,
)
from src.api_client import ACTIVE_STATUSES, ApiClient, ApiError

REFRESH_SECONDS = 1.0
PREVIEW_ROWS = 20
JOB_PICKER_LIMIT = 100
CONFIRM_KEY = "monitor_confirm_delete"  # the id of the job whose deletion waits for a yes
NOTICE_KEY = "monitor_notice"
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
                     f"{format_count(job.get('total_rows'))} rows · chunk "
                     f"{format_count(job.get('chunks_completed'))} of {format_count(job.get('total_chunks'))}")
    status = job["status"]
    paused = status == "paused"
    # Four short values fit side by side on a laptop; on a narrow screen the columns stack.
    metrics = st.columns(4 if status in LIVE_STATUSES or paused else 3)
    metrics[0].metric("Rows generated", format_count(job.get("rows_generated")), border=True)
    # The API reports no rate while paused or queued: a stale one is never shown.
    speed = None if paused or status == "pending" else job.get("rows_per_second")
    metrics[1].metric("Rows per second", format_count(speed), border=True,
                      help="Rows per second of run time; none while paused or queued.")
    metrics[2].metric("Run time", format_duration(measure_run_seconds(job)), border=True,
                      help="Time spent generating: paused and queued time do not count.")
    if status in LIVE_STATUSES or paused:
        metrics[3].metric("Time left", "—" if paused else format_duration(job.get("eta_seconds")), border=True)
    if paused:
        st.caption(":material/pause_circle: Paused: the rate and time left come back when it resumes.")
    show_tables_progress(job)


def measure_run_seconds(job: dict[str, Any]) -> float | None:
    """Time spent generating (the API's active_seconds); older APIs: start to finish."""
    if isinstance(job.get("active_seconds"), (int, float)):
        return float(job["active_seconds"]) if job.get("started_at") else None
    started, finished = parse_timestamp(job.get("started_at")), parse_timestamp(job.get("completed_at"))
    if started is None or finished is None:
        return None
    return max((finished - started).total_seconds(), 0.0)


def describe_settings(job: dict[str, Any]) -> str:
    facts = [str(job.get("output_format") or "").upper()]
    if job.get("sql_dialect"):
        facts[0] += f" ({job['sql_dialect']})"
    if job.get("target"):
        facts.append(f"into {job['target']}")
    if job.get("chunk_size"):
        facts.append(f"chunks of {format_count(job['chunk_size'])}")
    if job.get("seed") is not None:
        facts.append(f"seed {job['seed']}")
    return " · ".join(fact for fact in facts if fact)


def choose_preview_table(job: dict[str, Any]) -> str | None:
    """Multi-table jobs: which table the preview shows (the first by default)."""
    tables = list(job.get("tables") or {})
    if not tables:
        return None
    key = f"preview_table_{job['job_id']}"
    chosen = st.segmented_control("Preview table", tables, key=key, default=tables[0])
    return chosen or tables[0]


def show_preview(client: ApiClient, job: dict[str, Any]) -> None:
    if not job.get("rows_generated"):
        if job["status"] in LIVE_STATUSES:
            st.caption("The preview appears once the first chunk is written.")
        return
    table = choose_preview_table(job)
    try:
        preview = client.get_preview(job["job_id"], rows=PREVIEW_ROWS, table=table)
    except ApiError as error:
        st.caption(f"Preview not available: {error.message}")
        return
    rows = preview.get("data") or []
    if rows:
        st.markdown(f"**Preview**{f' of {table}' if table else ''} · first {len(rows)} rows")
        show_table(rows, preview.get("fields") or [], preview.get("columns"))
    elif table:
        st.caption(f"No rows of {table} yet.")


def show_job_header(client: ApiClient, job: dict[str, Any]) -> None:
    """Status, settings and the control buttons.

    Outside the live fragment: a click then reruns the whole page, which Streamlit never drops,
    while a fragment-scoped click can be lost when it lands during a page rerun.
    """
    status = job["status"]
    st.subheader(name_job(job), anchor=False)
    with st.container(horizontal=True, vertical_alignment="center"):
        st.badge(status, color=STATUS_COLORS.get(status, "gray"))
        if job.get("name"):
            st.caption(f"job `{shorten_job_id(job['job_id'])}`")
        st.caption(describe_settings(job))
        st.space("stretch")
        action = choose_action(job)
        show_delete_button(CONFIRM_KEY, job)
    if action:
        control_job(client, job["job_id"], action)
    confirm_deletion(client, job, CONFIRM_KEY, forget_deleted)


def forget_deleted(notice: str) -> None:
    """After a delete: the page shows the newest job left (or none), with the notice."""
    st.session_state.pop(MONITORED_JOB_KEY, None)
    st.query_params.pop("job", None)
    st.session_state[NOTICE_KEY] = notice


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
        show_downloads(client, job)
    show_preview(client, job)


def render_page() -> None:
    client = get_api_client()
    st.title("Monitor Jobs", anchor=False)
    st.caption("Follow a job while it runs; pause, resume or cancel it; download the result; delete it.")
    if notice := st.session_state.pop(NOTICE_KEY, None):
        st.toast(notice, icon=":material/delete:")
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
